"""`companion check`: everything wrong with a lesson file, as `path:line: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from companion.common.errors import CompanionError
from companion.common.settings import SHARED_GLOSSARY
from companion.common.textutil import plain_text
from companion.lesson.fileformat import BLANK_RE, parse_glossary, parse_lesson_with_problems
from companion.lesson.model import Lesson
from companion.lesson.store import read_lesson_text


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def check_file(path: Path) -> list[Problem]:
    try:
        text = read_lesson_text(path)
        if path.name == SHARED_GLOSSARY:
            parse_glossary(text, str(path))
            return []
        lesson, soft = parse_lesson_with_problems(text, path.stem, str(path))
    except CompanionError as exc:
        return [Problem(str(path), exc.line or 1, exc.message)]
    problems = [Problem(str(path), line, message) for line, message in soft]
    problems += [Problem(str(path), line, message) for line, message in check_lesson(lesson)]
    return sorted(problems, key=lambda p: p.line)


def check_lesson(lesson: Lesson) -> list[tuple[int, str]]:
    """Problems in a parsed lesson that the parser tolerates but a teacher should fix."""
    problems: list[tuple[int, str]] = []
    seen_terms: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    for passage in lesson.passages:
        if not passage.paragraphs:
            problems.append((passage.line, f"passage '{passage.heading}' has no text"))
        text = " ".join(plain_text(p) for p in passage.paragraphs).lower()
        for entry in passage.glossary:
            key = entry.term.lower()
            if key in seen_terms:
                problems.append(
                    (
                        entry.line,
                        f"'{entry.term}' is already in the glossary (line {seen_terms[key]})",
                    )
                )
            seen_terms.setdefault(key, entry.line)
            if not entry.definition:
                problems.append((entry.line, f"'{entry.term}' has an empty definition"))
            if not term_in_text(entry.term, text):
                problems.append(
                    (entry.line, f"glossary term '{entry.term}' does not appear in this passage")
                )
        for question in passage.questions:
            if question.id in seen_ids:
                problems.append((question.line, f"question id '{question.id}' is used twice"))
            seen_ids.setdefault(question.id, question.line)
            problems += [(question.line, m) for m in _question_problems(question)]
    return problems


def term_in_text(term: str, lowered_text: str) -> bool:
    """A term occurs in a text, allowing plural and possessive endings."""
    pattern = r"(?<!\w)" + re.escape(term.lower()) + r"(?:s|es|'s|’s)?(?!\w)"
    return re.search(pattern, lowered_text) is not None


def _question_problems(question) -> list[str]:
    kind, problems = question.kind, []
    if not question.prompt:
        problems.append("the question has no prompt")
    if kind in ("multiple_choice", "cloze") and question.choices:
        if len(question.choices) < 2:
            problems.append("a multiple-choice question needs at least two choices")
        if len({c.lower() for c in question.choices}) != len(question.choices):
            problems.append("two choices are the same")
    if kind == "sequence":
        if len(question.choices) < 2:
            problems.append("a sequence needs at least two items")
        if (
            sorted(question.answer) != sorted(question.choices)
            or len(set(question.choices)) != len(question.choices)
            or not _positions_are_a_run(question)
        ):
            problems.append("sequence items must be numbered 1, 2, 3 ... once each")
    if kind in ("short_answer", "cloze") and not question.choices and not question.answer:
        problems.append("the question has no 'Answer: ...' line")
    if kind == "cloze" and not BLANK_RE.search(question.prompt):
        problems.append("a fill-in-the-blank prompt needs a blank '_____'")
    if kind == "open" and not question.answer:
        problems.append("the open question has no 'Sample answer: ...'")
    return problems


def _positions_are_a_run(question) -> bool:
    raw = question.raw or ""
    numbers = sorted(int(n) for n in re.findall(r"^\s*[-*+]\s+\[(\d+)\]", raw, re.MULTILINE))
    return not numbers or numbers == list(range(1, len(numbers) + 1))
