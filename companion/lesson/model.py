"""The Lesson model: the one shape shared by the lesson file, the web page, the worksheet
and the JSON endpoint."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from companion.lesson.kinds import KIND_LABELS as KIND_LABELS  # re-exported for old imports
from companion.lesson.kinds import KINDS as KINDS
from companion.lesson.kinds import Kind, kind
from companion.lesson.readability import TextStats, text_stats

DRAFT = "needs-review"  # a generated entry students do not see until a teacher accepts it
STATUSES = ("generated", DRAFT, "reviewed", "locked")
REVIEWED = frozenset({"reviewed", "locked"})  # what review progress counts as done
CREDIT_KEYS = ("publication", "date")  # front matter: the article's human source
_FILE_NAME = re.compile(r"^\S*(?:[/\\]\S*|\.(?:txt|md|markdown|html?|pdf))$", re.IGNORECASE)


def fingerprint(*parts: Any) -> str:
    """A short stable hash of an item's content, used to notice teacher edits."""
    data = json.dumps(parts, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:8]


@dataclass
class GlossaryEntry:
    term: str
    definition: str
    source: str = "teacher"
    evidence: str = ""
    status: str = "generated"
    # Set by the parser: the item's text in the file, and whether a teacher changed a
    # generated item since it was written. Neither is part of the item's value.
    raw: str | None = field(default=None, compare=False, repr=False)
    edited: bool = field(default=False, compare=False, repr=False)
    line: int = field(default=0, compare=False, repr=False)

    def content_hash(self) -> str:
        return fingerprint(self.term, self.definition)

    @property
    def teacher_owned(self) -> bool:
        """True when regeneration must keep this entry exactly as it is."""
        return self.source == "teacher" or self.status not in ("generated", DRAFT) or self.edited

    @property
    def is_draft(self) -> bool:
        """A generated draft for a central term (status needs-review, not edited): kept
        in ``Passage.drafts``, shown to teachers only."""
        return self.status == DRAFT and not self.edited

    def to_dict(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "definition": self.definition,
            "source": self.source,
            "evidence": self.evidence,
            "status": self.status,
        }


@dataclass
class Question:
    id: str
    kind: str
    prompt: str
    choices: list[str] = field(default_factory=list)
    answer: str | list[str] = ""
    evidence: str = ""
    paragraph: int | None = None
    source: str = "teacher"
    status: str = "generated"
    accept: list[str] = field(default_factory=list)
    raw: str | None = field(default=None, compare=False, repr=False)
    edited: bool = field(default=False, compare=False, repr=False)
    line: int = field(default=0, compare=False, repr=False)
    # Set by the parser: the evidence of an edited question that no longer holds its
    # answer (companion.lesson.evidence); ``evidence`` and ``paragraph`` are then empty,
    # so nothing shows it. Kept for `companion check` and `generate --update`.
    stale_evidence: str = field(default="", compare=False, repr=False)

    @property
    def evidence_is_current(self) -> bool:
        """False when the file's evidence for this question was found stale (and dropped)."""
        return not self.stale_evidence

    def content_hash(self) -> str:
        return fingerprint(self.kind, self.prompt, self.choices, self.answer, self.accept)

    @property
    def teacher_owned(self) -> bool:
        return self.source == "teacher" or self.status != "generated" or self.edited

    @property
    def spec(self) -> Kind:
        """The question's kind: its row in the kind table (``companion.lesson.kinds``)."""
        return kind(self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "prompt": self.prompt,
            "choices": list(self.choices),
            "answer": list(self.answer) if isinstance(self.answer, list) else self.answer,
            "accept": list(self.accept),
            "evidence": self.evidence,
            "paragraph": self.paragraph,
            "source": self.source,
            "status": self.status,
        }


@dataclass
class Passage:
    id: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    # draft entries (GlossaryEntry.is_draft): in the file and on the review screen, never
    # in anything a student sees, which reads ``glossary`` only
    drafts: list[GlossaryEntry] = field(default_factory=list)
    first_paragraph: int = field(
        default=1, compare=False
    )  # number of this passage's first paragraph in the lesson
    line: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class TeacherWarning:
    """Something a teacher should look at (never shown to students)."""

    kind: str  # for example "language", "garble", "removed", "content"
    message: str
    line: int = 0  # the line of the lesson file it is about, when there is one


@dataclass
class Lesson:
    slug: str
    title: str
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)
    # The front matter's text as read, reused when writing while its data is unchanged.
    front_raw: str | None = field(default=None, compare=False, repr=False)
    # What generation tells the teacher about the article; not part of the file.
    warnings: list[TeacherWarning] = field(default_factory=list, compare=False, repr=False)

    def renumber(self) -> None:
        """Give passages their ids (p1, p2, ...) and paragraph numbers."""
        number = 1
        for index, passage in enumerate(self.passages, start=1):
            passage.id = f"p{index}"
            passage.first_paragraph = number
            number += len(passage.paragraphs)

    @property
    def questions(self) -> list[Question]:
        return [q for p in self.passages for q in p.questions]

    @property
    def glossary(self) -> list[GlossaryEntry]:
        return [g for p in self.passages for g in p.glossary]

    @property
    def drafts(self) -> list[GlossaryEntry]:
        return [g for p in self.passages for g in p.drafts]

    @property
    def grade(self) -> int:
        try:
            grade = int(self.meta.get("grade", 8))
        except (TypeError, ValueError, OverflowError):  # "grade: .inf", "grade: eight"
            return 8
        return grade if 1 <= grade <= 12 else 8

    @property
    def choices(self) -> bool:
        """Whether generation offers four choices for "who" and "when" questions (the
        front matter's ``choices: true``, written by ``generate --choices``)."""
        return self.meta.get("choices") is True

    @property
    def credit(self) -> str:
        """The article's source for people: the front matter's ``publication`` (else a
        ``source`` that is not a file name or URL) and ``date``, e.g. "CNN, September 3,
        2021"; "" when neither is known. A file path such as ``seeds/x.txt`` is never it."""
        publication = _text(self.meta.get("publication"))
        if not publication and not _FILE_NAME.match(self.source.strip()):
            publication = _text(self.source)
        return ", ".join(p for p in (publication, _date_text(self.meta.get("date"))) if p)

    @property
    def stats(self) -> TextStats:
        """Words, sentences and syllables of the lesson's text (reading time, grade)."""
        return text_stats([para for p in self.passages for para in p.paragraphs])

    def to_dict(self) -> dict[str, Any]:
        stats = self.stats
        return {
            "slug": self.slug,
            "title": self.title,
            "source": self.source,
            "word_count": stats.words,
            "grade_level": stats.grade_level,
            "reading_minutes": stats.reading_minutes,
            "warnings": [
                {"line": w.line, "kind": w.kind, "message": w.message} for w in self.warnings
            ],
            "passages": [
                {
                    "id": p.id,
                    "heading": p.heading,
                    "paragraphs": list(p.paragraphs),
                    "glossary": [g.to_dict() for g in p.glossary],
                    "drafts": [g.to_dict() for g in p.drafts],
                    "questions": [q.to_dict() for q in p.questions],
                }
                for p in self.passages
            ],
        }


def _text(value: Any) -> str:
    """A front matter value as one line of text ("" for a list, a mapping or nothing)."""
    if value is None or isinstance(value, (list, dict, bool)):
        return ""
    return " ".join(str(value).split())


def _date_text(value: Any) -> str:
    """A front matter date: YAML reads 2021-09-03 as a date, written "September 3, 2021";
    anything else is shown as written."""
    if isinstance(value, datetime.date):
        return f"{value:%B} {value.day}, {value.year}"
    return _text(value)
