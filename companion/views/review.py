"""What the teacher's review screen and home show (no Flask).

The review screen shows a lesson file as it is on disk: each passage's text with the
evidence sentences of its items highlighted, and every glossary entry and question with
its status, its problems (the rules of `companion check`) and where it came from. The
items carry the keys ``companion.lesson.editing`` finds them by.

Statuses: the file's ``generated``, ``reviewed`` and ``locked``, and ``needs-review`` for
a generated item that `companion check` finds a problem with, whose evidence went stale,
or that was changed in an editor without being marked reviewed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from companion.common.textutil import plural
from companion.lesson.check import STALE_EVIDENCE, check_lesson, id_problems
from companion.lesson.editing import Item, lesson_items
from companion.lesson.fileformat import parse_lesson_with_problems
from companion.lesson.kinds import AnswerForm
from companion.lesson.limits import limit_problems
from companion.lesson.model import (
    REVIEWED,
    GlossaryEntry,
    Lesson,
    Passage,
    Question,
    TeacherWarning,
)
from companion.lesson.warnings import lesson_warnings
from companion.views.marking import glossary_ids, mark_passage
from companion.views.page import highlight

STATUS_LABELS = {
    "generated": "Generated",
    "needs-review": "Needs review",
    "reviewed": "Reviewed",
    "locked": "Locked",
}
SOURCE_LABELS = {
    "article": "the article's own words",
    "dictionary": "Companion's learner dictionary",
    "wordnet": "WordNet",
    "shared glossary": "your shared glossary",
    "context": "a line of the article",
    "teacher": "you",
}


@dataclass(frozen=True)
class Progress:
    reviewed: int
    total: int

    def __str__(self) -> str:
        return f"{self.reviewed} of {plural(self.total, 'item')} reviewed"

    @property
    def done(self) -> bool:
        return self.reviewed == self.total


def review_progress(lesson: Lesson) -> Progress:
    """How many of a lesson's glossary entries and questions are reviewed or locked (a
    teacher's own items count as reviewed)."""
    items = [*lesson.glossary, *lesson.drafts, *lesson.questions]
    return Progress(sum(1 for i in items if i.status in REVIEWED), len(items))


@dataclass
class ItemView:
    key: str
    item: GlossaryEntry | Question
    anchor: str  # the id of its card on the page
    status: str  # a key of STATUS_LABELS
    problems: list[str]
    evidence: list[str]  # the ids ("P.N") of its evidence sentences in the text
    passage_id: str = ""

    @property
    def is_question(self) -> bool:
        return isinstance(self.item, Question)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def source_label(self) -> str:
        source = self.item.source
        if source.startswith("rule:"):
            return "the question rule “" + source[5:].replace("-", " ") + "”"
        return SOURCE_LABELS.get(source, source)

    @property
    def evidence_anchor(self) -> str:
        return "s" + self.evidence[0].replace(".", "-") if self.evidence else ""

    @property
    def answer_in_order(self) -> list[str]:
        """A sequence's items in the right order (else [])."""
        item = self.item
        if isinstance(item, Question) and item.spec.answer is AnswerForm.ORDER:
            return list(item.answer) if isinstance(item.answer, list) else []
        return []


@dataclass
class PassageReview:
    passage: Passage
    paragraphs: list[tuple[int, str]]  # (paragraph number, HTML with evidence marked)
    glossary: list[ItemView]
    questions: list[ItemView]

    @property
    def remaining(self) -> int:
        """Items still marked generated (what "accept all remaining" accepts)."""
        return sum(1 for i in [*self.glossary, *self.questions] if i.item.status == "generated")


@dataclass
class Review:
    lesson: Lesson
    version: str
    passages: list[PassageReview]
    warnings: list[TeacherWarning]
    progress: Progress
    problems: list[tuple[int, str]] = field(default_factory=list)  # not about one item


def build_review(text: str, version: str, slug: str, render: Callable[[str], str]) -> Review:
    """The review screen for a lesson file's text (``version`` is its content version);
    ``render`` turns one Markdown paragraph into safe HTML."""
    lesson, soft = parse_lesson_with_problems(text, slug=slug)
    problems = [*soft, *check_lesson(lesson), *limit_problems(lesson), *id_problems(lesson)]
    items = lesson_items(lesson)
    by_line = _problems_by_item(items, problems)
    review = Review(lesson, version, [], lesson_warnings(lesson, text), review_progress(lesson))
    claimed = {n for i in items if i.key in by_line for n in range(i.start + 1, i.end + 1)}
    review.problems = [(line, m) for line, m in problems if line not in claimed]
    for passage in lesson.passages:
        own = [i for i in items if i.passage is passage]
        review.passages.append(_passage_review(passage, own, by_line, render))
    return review


def _problems_by_item(items: list[Item], problems: list[tuple[int, str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in items:
        lines = range(item.start + 1, item.end + 1)
        messages = [m for line, m in problems if line in lines]
        if isinstance(item.item, Question) and not item.item.evidence_is_current:
            messages.append(STALE_EVIDENCE)
        if messages:
            found[item.key] = list(dict.fromkeys(messages))
    return found


def _passage_review(
    passage: Passage, items: list[Item], problems: dict[str, list[str]], render: Callable
) -> PassageReview:
    """A passage's text with every item's evidence sentence marked, and its items."""
    probes = [
        Question(id="", kind="open", prompt="", evidence=i.item.evidence, paragraph=_para(i))
        for i in items
    ]
    shown = Passage(passage.id, passage.heading, passage.paragraphs, passage.glossary, probes)
    shown.first_paragraph = passage.first_paragraph
    marked = mark_passage(shown, [render(p) for p in passage.paragraphs])
    every = {s for ids in marked.evidence for s in ids}
    first = passage.first_paragraph
    paragraphs = [(first + n, highlight(html, every)) for n, html in enumerate(marked.paragraphs)]
    review = PassageReview(passage, paragraphs, [], [])
    for item, evidence in zip(items, marked.evidence, strict=True):
        view = ItemView(
            key=item.key,
            item=item.item,
            anchor=item_anchor(item),
            status=_status(item, problems.get(item.key, [])),
            problems=problems.get(item.key, []),
            evidence=evidence,
            passage_id=passage.id,
        )
        (review.questions if view.is_question else review.glossary).append(view)
    return review


def _para(item: Item) -> int | None:
    return item.item.paragraph if isinstance(item.item, Question) else None


def item_anchor(item: Item) -> str:
    """The id of an item's card on the review screen; for an entry, the one the text's
    glossary marks link to."""
    passage = item.passage
    if isinstance(item.item, GlossaryEntry) and any(e is item.item for e in passage.drafts):
        index = next(n for n, e in enumerate(passage.drafts) if e is item.item)
        return f"rd-{passage.id}-{index + 1}"  # a draft: no mark in the text links to it
    if isinstance(item.item, GlossaryEntry):
        index = next(n for n, e in enumerate(passage.glossary) if e is item.item)
        return glossary_ids(passage, index)[0]
    index = next(n for n, q in enumerate(passage.questions) if q is item.item)
    return f"rq-{passage.id}-{index + 1}"


def _status(item: Item, problems: list[str]) -> str:
    status = item.item.status
    if status == "generated" and (problems or item.item.edited):
        return "needs-review"
    return status
