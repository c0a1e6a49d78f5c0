"""A lesson in the formats schools' tools import: GIFT and Moodle XML (Moodle), QTI 1.2
(Canvas, Blackboard, Schoology, Brightspace), text2qti, Quizlet and CSV.

``FORMATS`` is the one list of formats: the command line (`companion export`), the
teacher's download links and the docs' table (docs/exports.md) read it. Each writer
takes a Lesson and returns an ``Export`` (its bytes, a summary, and notes on items left
out); none knows about Flask.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from companion.lesson.model import Lesson
from companion.views.exports.common import Export, ExportError
from companion.views.exports.gift import write_gift
from companion.views.exports.moodle_xml import write_moodle_glossary, write_moodle_xml
from companion.views.exports.qti import write_qti, write_text2qti
from companion.views.exports.tables import write_csv, write_quizlet

__all__ = ["FORMATS", "Export", "ExportError", "ExportFormat", "export_format", "format_names"]

TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class ExportFormat:
    name: str  # the --format value and the last part of the download URL
    label: str  # the download link's text
    tools: str  # what imports it
    suffix: str  # the file name is the lesson's slug followed by this
    mimetype: str
    holds: str  # "questions", "glossary" or "both": what it needs in a lesson
    write: Callable[[Lesson], Export]

    @property
    def binary(self) -> bool:
        """True for a file that cannot go to standard output (the QTI zip)."""
        return not self.mimetype.startswith(("text/", "application/xml"))

    def filename(self, slug: str) -> str:
        return slug + self.suffix

    def available(self, lesson: Lesson) -> bool:
        """Whether the lesson has anything this format exports."""
        return self.available_for(len(lesson.questions), len(lesson.glossary))

    def available_for(self, questions: int, glossary: int) -> bool:
        """Whether a lesson with this many questions and glossary entries has anything
        this format exports (the teacher's home asks with the lesson index's counts)."""
        has_questions, has_glossary = questions > 0, glossary > 0
        if self.holds == "questions":
            return has_questions
        if self.holds == "glossary":
            return has_glossary
        return has_questions or has_glossary


XML = "application/xml; charset=utf-8"
FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("gift", "GIFT", "Moodle question bank",
                 "-gift.txt", TEXT, "questions", write_gift),
    ExportFormat("moodle-xml", "Moodle XML", "Moodle question bank",
                 "-moodle.xml", XML, "questions", write_moodle_xml),
    ExportFormat("moodle-glossary", "Moodle glossary", "a Moodle glossary (the lesson's words)",
                 "-glossary.xml", XML, "glossary", write_moodle_glossary),
    ExportFormat("qti", "QTI 1.2", "Canvas, Blackboard, Schoology, Brightspace",
                 "-qti.zip", "application/zip", "questions", write_qti),
    ExportFormat("text2qti", "text2qti", "text2qti: edit it, then make the QTI",
                 "-text2qti.txt", TEXT, "questions", write_text2qti),
    ExportFormat("quizlet", "Quizlet", "Quizlet flashcards (the glossary)",
                 "-quizlet.txt", TEXT, "glossary", write_quizlet),
    ExportFormat("csv", "CSV", "spreadsheets: questions and glossary",
                 ".csv", "text/csv; charset=utf-8", "both", write_csv),
)  # fmt: skip
_BY_NAME = {f.name: f for f in FORMATS}


def format_names() -> list[str]:
    return [f.name for f in FORMATS]


def export_format(name: str) -> ExportFormat:
    """The format called ``name``; ExportError naming the formats for any other name."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ExportError(
            f"unknown export format '{name}': the formats are {', '.join(format_names())}"
        ) from None
