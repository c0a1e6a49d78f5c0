"""What every export format shares: a question's shape, its feedback, the passage as
HTML or plain text, question names. No format's syntax lives here (docs/exports.md).

A question's *shape* is read from the kind table (``companion.lesson.kinds``), never
from its kind's name: what a format can offer depends on how the question is answered
(pick a choice, true or false, type, order, write), and on whether its prompt has a
blank (a cloze becomes GIFT's "missing word").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from companion.common.errors import CompanionError
from companion.common.textutil import one_line, plain_text
from companion.lesson.kinds import AnswerForm, Grading
from companion.lesson.model import Lesson, Passage, Question
from companion.views.grading import expected_answer
from companion.views.render import render_markdown

_BLANK = re.compile(r"_{3,}")
# Characters no XML may hold (and no LMS wants in a text): C0 controls but tab and line
# breaks, DEL, lone surrogates, U+FFFE and U+FFFF.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
NAME_WORDS = 8  # words of the prompt in a question's name in the LMS question bank
ORDER_HINT = "Give each item its place: 1 happens first."  # a sequence as matching


class ExportError(CompanionError):
    """A lesson that cannot be exported in a format (nothing to export, or a question the
    format's own library refuses)."""


@dataclass(frozen=True)
class Export:
    """An export's bytes, what it holds (for the command line), and the items left out."""

    data: bytes
    summary: str
    notes: tuple[str, ...] = ()


class Shape(StrEnum):
    """How a question is answered, which decides what each format can offer for it."""

    CHOICE = "choice"  # pick one of its choices (multiple choice, a cloze's word bank)
    TRUE_FALSE = "true_false"
    TYPED = "typed"  # type the answer (short answer, a cloze without a word bank)
    ORDER = "order"  # put items in order
    ESSAY = "essay"  # write an answer, compared with a sample (not scored)


_SHAPES = {Grading.TYPED: Shape.TYPED, Grading.ORDER: Shape.ORDER, Grading.SELF: Shape.ESSAY}


def shape_of(question: Question) -> Shape:
    spec = question.spec
    grading = spec.grading_of(question.choices)
    if grading is Grading.PICK:
        return Shape.TRUE_FALSE if spec.answer is AnswerForm.BOOLEAN else Shape.CHOICE
    return _SHAPES[grading]


@dataclass(frozen=True)
class Item:
    """A question as exported: its number in the lesson, its passage and its shape."""

    number: int
    passage: Passage
    question: Question
    shape: Shape

    @property
    def name(self) -> str:
        """Its name in an LMS question bank: "Q03 Where have Taliban forces been…"."""
        words = one_line(self.question.prompt).split()
        short = " ".join(words[:NAME_WORDS]) + ("…" if len(words) > NAME_WORDS else "")
        return f"Q{self.number:02d} {short}"


def items(lesson: Lesson) -> tuple[list[Item], list[str]]:
    """The lesson's questions that can be exported, numbered as on the lesson page, and
    a note for each one left out (a question without a right answer)."""
    kept, notes = [], []
    number = 0
    for passage in lesson.passages:
        for question in passage.questions:
            number += 1
            item = Item(number, passage, question, shape_of(question))
            if has_key(item):
                kept.append(item)
            else:
                where = f"line {question.line}: " if question.line else ""
                notes.append(f"{where}question {number} has no right answer: left out")
    return kept, notes


def has_key(item: Item) -> bool:
    if item.shape in (Shape.CHOICE, Shape.TRUE_FALSE):
        return right_index(item.question) is not None
    if item.shape is Shape.ORDER:
        return len(item.question.choices) > 1 and 0 not in order_places(item.question)
    return bool(expected_answer(item.question))


def choices_of(question: Question) -> list[str]:
    """The choices as shown: the question's own, or its kind's fixed ones (True, False)."""
    return list(question.choices) or list(question.spec.fixed_choices)


def right_index(question: Question) -> int | None:
    """The index of the right choice, as grading reads it (None when none is right)."""
    answer = str(question.answer)
    boolean = question.spec.answer is AnswerForm.BOOLEAN
    for index, choice in enumerate(choices_of(question)):
        if choice == answer or (boolean and choice.lower() == answer.lower()):
            return index
    return None


def order_places(question: Question) -> list[int]:
    """For each item of a sequence, as shown, its place in the right order (1, 2, ...)."""
    free = list(enumerate(question.answer, 1))
    places = []
    for text in question.choices:
        place = next((p for p, item in free if item == text), 0)
        free = [(p, item) for p, item in free if p != place]
        places.append(place)
    return places


def is_true(question: Question) -> bool:
    """A true/false question's answer."""
    return str(question.answer).lower() == "true"


def typed_answers(question: Question) -> list[str]:
    """The answer and the other accepted answers, once each, in order."""
    seen: list[str] = []
    for answer in [str(question.answer), *question.accept]:
        text = one_line(answer)
        if text and text not in seen:
            seen.append(text)
    return seen


def blank_parts(item: Item) -> tuple[str, str] | None:
    """A cloze's prompt split at its one blank, (before, after), for formats that put
    the answer where the blank is; None when there is no blank, more than one, or
    nothing after it (then the answer comes after the question, as usual)."""
    if item.shape not in (Shape.CHOICE, Shape.TYPED):
        return None
    parts = _BLANK.split(one_line(item.question.prompt))
    if len(parts) != 2 or not parts[1].strip():
        return None
    return parts[0].rstrip(), parts[1].lstrip()


# --------------------------------------------------------------------------- feedback


def evidence_line(question: Question) -> str:
    """'The text says (paragraph 4): “…”', or "" when the question has no evidence."""
    if not question.evidence:
        return ""
    where = f" (paragraph {question.paragraph})" if question.paragraph else ""
    return f"The text says{where}: “{one_line(question.evidence)}”"


def order_line(question: Question) -> str:
    """'The right order: 1. …; 2. …' for a sequence."""
    steps = "; ".join(f"{n}. {one_line(item)}" for n, item in enumerate(question.answer, 1))
    return f"The right order: {steps}"


def sample_line(question: Question) -> str:
    return f"Sample answer: {one_line(str(question.answer))}" if question.answer else ""


def feedback_lines(item: Item) -> list[str]:
    """What a student sees after answering (the general feedback): the right order of a
    sequence or an open question's sample answer where the format has no better place,
    then the evidence."""
    lines = []
    if item.shape is Shape.ORDER:
        lines.append(order_line(item.question))
    if item.shape is Shape.ESSAY:
        lines.append(sample_line(item.question))
    lines.append(evidence_line(item.question))
    return [line for line in lines if line]


# --------------------------------------------------------------------------- passages


def passage_paragraphs(passage: Passage) -> list[tuple[int, str]]:
    """(paragraph number, sanitised HTML) for each paragraph of a passage: the numbers
    the feedback's "paragraph 4" refers to."""
    start = passage.first_paragraph
    return [(start + i, render_markdown(text)) for i, text in enumerate(passage.paragraphs)]


def passage_html(passage: Passage) -> str:
    """A passage as one line of HTML: its heading, then its numbered paragraphs."""
    heading = html_escape(passage.heading)
    paragraphs = "".join(
        f"<p><strong>[{n}]</strong> {html}</p>" for n, html in passage_paragraphs(passage)
    )
    return one_line(f"<h3>{heading}</h3>{paragraphs}")


def clean(text: str) -> str:
    """Text without the control characters a lesson file may hold but XML may not."""
    return _NOT_TEXT.sub("", text)


def plain(markdown: str) -> str:
    """One line of plain text from lesson Markdown (a definition, a paragraph)."""
    return one_line(plain_text(markdown))


def html_escape(text: str) -> str:
    """Text as HTML: only & < > are escaped (quotes stay readable in the files)."""
    return one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraph_html(text: str) -> str:
    """One line of plain text as an HTML paragraph."""
    return f"<p>{html_escape(text)}</p>"
