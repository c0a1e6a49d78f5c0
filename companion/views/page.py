"""What the student lesson page shows, computed once per lesson version.

``build_page`` renders every paragraph (Markdown -> sanitised HTML), marks glossary terms
and wraps sentences (``companion.views.marking``), and gives each question its page key
(``companion.views.grading``). The web layer caches the result per lesson file version; the
template only lays it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from companion.lesson.model import GlossaryEntry, Lesson, Passage
from companion.views.grading import AnswerError, Slot, question_slots, read_answer
from companion.views.marking import escape_text, glossary_ids, mark_passage, mark_title


@dataclass
class GlossaryItem:
    entry: GlossaryEntry
    passage: Passage
    anchor: str  # id of the entry in its passage's glossary list
    mark: str | None  # id of its mark in the text, when the term was marked
    definition_html: str


@dataclass
class PassageView:
    passage: Passage
    paragraphs: list[tuple[int, str]]  # (paragraph number, HTML)
    glossary: list[GlossaryItem]
    slots: list[Slot]


@dataclass
class LessonPage:
    lesson: Lesson
    passages: list[PassageView]
    slots: list[Slot]
    glossary: list[GlossaryItem]  # the whole lesson's, alphabetical
    title_html: str = ""  # the title, escaped, with marks for the words only it holds
    evidence: dict[str, list[str]] = field(default_factory=dict)  # slot key -> "P.N" ids
    sentences: dict[str, str] = field(default_factory=dict)  # "P.N" -> sentence text

    def slot(self, key: str) -> Slot | None:
        return next((s for s in self.slots if s.key == key), None)


def build_page(lesson: Lesson, render: Callable[[str], str]) -> LessonPage:
    """The lesson page's content; ``render`` turns one Markdown paragraph into safe HTML."""
    slots = question_slots(lesson)
    by_question = {id(s.question): s for s in slots}
    page = LessonPage(lesson, [], slots, [], escape_text(lesson.title))
    for number, passage in enumerate(lesson.passages):
        marked = mark_passage(passage, [render(p) for p in passage.paragraphs])
        page.sentences.update(marked.sentences)
        in_title: set[int] = set()
        if number == 0:
            unmarked = set(range(len(passage.glossary))) - marked.marked
            page.title_html, in_title = mark_title(lesson.title, passage, unmarked)
        items = []
        for index, entry in enumerate(passage.glossary):
            anchor, mark = glossary_ids(passage, index)
            mark = mark if index in marked.marked | in_title else None
            items.append(GlossaryItem(entry, passage, anchor, mark, render(entry.definition)))
        passage_slots = [by_question[id(q)] for q in passage.questions]
        for slot, ids in zip(passage_slots, marked.evidence, strict=True):
            page.evidence[slot.key] = ids
        numbers = range(passage.first_paragraph, passage.first_paragraph + len(passage.paragraphs))
        view = PassageView(passage, list(zip(numbers, marked.paragraphs, strict=True)), items,
                           passage_slots)  # fmt: skip
        page.passages.append(view)
        page.glossary.extend(items)
    page.glossary.sort(key=lambda item: item.entry.term.casefold())
    return page


_SENTENCE_ATTR = re.compile(r'class="s" data-s="([0-9.]+)"')


def highlight(html: str, ids: Iterable[str]) -> str:
    """Paragraph HTML with the given sentences marked as highlighted evidence (for the
    page the server renders after a no-JavaScript check)."""
    wanted = set(ids)
    if not wanted:
        return html
    return _SENTENCE_ATTR.sub(
        lambda m: f'class="s hl" data-s="{m.group(1)}"' if m.group(1) in wanted else m.group(0),
        html,
    )


def sequence_order(slot: Slot, get: Callable[[str], str | None]) -> list[int]:
    """The order to show a sequence's items in: the student's (after a no-JavaScript
    check), or else the order of the lesson file."""
    try:
        order = read_answer(slot, get)
    except AnswerError:
        order = None
    return order if isinstance(order, list) else list(range(len(slot.question.choices)))
