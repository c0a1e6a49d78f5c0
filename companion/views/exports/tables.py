"""Quizlet's import text (the glossary) and a CSV of the whole lesson (docs/exports.md).

Quizlet's "Import" box takes one card a line, a tab between term and definition: a tab
or a line break inside a text would start a new field or card, so each becomes a space.
The CSV is for spreadsheets (and tools that import a spreadsheet of questions): UTF-8
with a byte-order mark, which Excel needs to read accents, one row per question and per
glossary entry. A cell that a spreadsheet would run as a formula (starting with
``= + - @``) starts with an apostrophe, as OWASP advises for CSV exports.
"""

from __future__ import annotations

import csv
import io

from companion.common.textutil import one_line, plural
from companion.lesson.model import GlossaryEntry, Lesson, Passage
from companion.views.exports.common import (
    Export,
    ExportError,
    Item,
    Shape,
    choices_of,
    clean,
    items,
    plain,
    typed_answers,
)
from companion.views.grading import expected_answer

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ["item", "number", "passage", "kind", "text", "answer", "also_accept", "evidence",
           "paragraph"]  # fmt: skip


def write_quizlet(lesson: Lesson) -> Export:
    entries = lesson.glossary
    if not entries:
        raise ExportError("the lesson has no glossary entries to export")
    lines = [f"{card(entry.term)}\t{card(plain(entry.definition))}\n" for entry in entries]
    summary = plural(len(entries), "card")
    return Export("".join(lines).encode("utf-8"), summary)


def card(text: str) -> str:
    """A term or definition on one line, without tabs."""
    return one_line(clean(text).replace("\t", " "))


def write_csv(lesson: Lesson) -> Export:
    exported, notes = items(lesson)
    if not exported and not lesson.glossary:
        raise ExportError("the lesson has no questions or glossary entries to export")
    width = max((len(choices_of(item.question)) for item in exported), default=0)
    rows = [COLUMNS + [f"choice_{n}" for n in range(1, width + 1)]]
    entries = [(passage, entry) for passage in lesson.passages for entry in passage.glossary]
    rows += [glossary_row(n, *pair) for n, pair in enumerate(entries, 1)]
    rows += [question_row(item) for item in exported]
    out = io.StringIO()
    padded = [[cell(v) for v in row] + [""] * (len(rows[0]) - len(row)) for row in rows]
    csv.writer(out, lineterminator="\r\n").writerows(padded)
    summary = f"{plural(len(exported), 'question')}, " + plural(
        len(lesson.glossary), "glossary entry", "glossary entries"
    )
    return Export(out.getvalue().encode("utf-8-sig"), summary, tuple(notes))


def cell(value: object) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula."""
    text = "" if value is None else clean(str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def glossary_row(number: int, passage: Passage, entry: GlossaryEntry) -> list[object]:
    return ["glossary", number, one_line(passage.heading), "", one_line(entry.term),
            plain(entry.definition), "", one_line(entry.evidence), ""]  # fmt: skip


def question_row(item: Item) -> list[object]:
    q = item.question
    also = typed_answers(q)[1:] if item.shape is Shape.TYPED else []
    shown = [one_line(choice) for choice in choices_of(q)]
    return [
        "question",
        item.number,
        one_line(item.passage.heading),
        q.spec.label,
        one_line(q.prompt),
        "\n".join(one_line(answer) for answer in expected_answer(q)),
        "\n".join(also),
        one_line(q.evidence),
        q.paragraph or "",
        *shown,
    ]
