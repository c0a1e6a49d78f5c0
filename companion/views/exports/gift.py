"""GIFT, Moodle's plain-text question format (docs/exports.md).

Every text is written on one line (a blank line ends a question) with GIFT's control
characters ``~ = # { } :`` and the backslash escaped by a backslash, as Moodle's own
GIFT export does. Question texts, choices and feedback are ``[html]``, so they are also
HTML-escaped (a ``<b>`` in a question stays text); typed answers are not (Moodle
compares them with what students type), but a ``*`` in them is escaped, since Moodle's
short answers read it as a wildcard.
"""

from __future__ import annotations

import re

from companion.common.textutil import one_line, plural
from companion.lesson.model import Lesson
from companion.views.exports.common import (
    ORDER_HINT,
    Export,
    ExportError,
    Item,
    Shape,
    blank_parts,
    choices_of,
    clean,
    feedback_lines,
    html_escape,
    is_true,
    items,
    order_places,
    passage_html,
    right_index,
    typed_answers,
)

_CONTROL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """Plain text for GIFT: one line, control characters escaped."""
    return _CONTROL.sub(r"\\\1", one_line(text))


def html(text: str) -> str:
    """Plain text for an [html] GIFT text: HTML-escaped, then GIFT-escaped."""
    return escape(html_escape(text))


def typed(answer: str) -> str:
    """A typed answer: GIFT-escaped, "*" literal (not Moodle's wildcard), and "->"
    written "→" (Moodle would read "=a -> b" as a matching pair)."""
    return escape(answer.replace("*", "\\*").replace("->", "→"))


def category(title: str) -> str:
    """The question-bank category named after the lesson ("/" separates levels: a "/"
    in the title is written "//")."""
    return "$CATEGORY: $course$/top/" + one_line(title).replace("/", "//")


def write_gift(lesson: Lesson) -> Export:
    exported, notes = items(lesson)
    if not exported:
        raise ExportError("the lesson has no questions to export")
    blocks = [
        f"// {one_line(lesson.title)}\n// Exported by Companion from the lesson '{lesson.slug}'. "
        "Import it in Moodle: Question bank > Import > GIFT format.",
        category(lesson.title),
    ]
    for number, passage in enumerate(lesson.passages, 1):
        mine = [item for item in exported if item.passage is passage]
        if not mine:
            continue
        name = escape(f"Passage {number}: {passage.heading}")
        blocks.append(f"::{name}::[html]{escape(passage_html(passage))}")
        blocks += [question(item) for item in mine]
    text = clean("\n\n".join(blocks)) + "\n"
    summary = plural(len(exported), "question")
    return Export(text.encode("utf-8"), summary, tuple(notes))


def question(item: Item) -> str:
    """One question: its name, its [html] text and its answer block (at its blank for a
    cloze: GIFT's "missing word")."""
    block = answer_block(item)
    parts = blank_parts(item)
    if parts:
        text = f"{html(parts[0])} {block} {html(parts[1])}"
    else:
        text = f"{html(item.question.prompt)}{hint(item)}{block}"
    return f"::{escape(item.name)}::[html]{text}"


def hint(item: Item) -> str:
    """What a sequence's prompt says about its matching form."""
    return " " + html(ORDER_HINT) if item.shape is Shape.ORDER else ""


def answer_block(item: Item) -> str:
    feedback = html(" ".join(feedback_lines(item)))
    general = f"####{feedback}" if feedback else ""
    return "{" + answers(item) + general + "}"


def answers(item: Item) -> str:
    q = item.question
    if item.shape is Shape.CHOICE:
        right = right_index(q)
        marks = [("=" if i == right else "~") + html(c) for i, c in enumerate(choices_of(q))]
        return " ".join(marks)
    if item.shape is Shape.TRUE_FALSE:
        return "TRUE" if is_true(q) else "FALSE"
    if item.shape is Shape.TYPED:
        return " ".join(f"={typed(answer)}" for answer in typed_answers(q))
    if item.shape is Shape.ORDER:  # matching: each item to its place
        pairs = zip(q.choices, order_places(q), strict=True)
        return " ".join(f"={html(text)} -> {place}" for text, place in pairs)
    return ""  # an essay: {} with only the general feedback
