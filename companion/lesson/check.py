"""`companion check`: everything wrong with a lesson file, as `path:line: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from companion.common.errors import CompanionError
from companion.common.occurrence import term_in_text
from companion.common.settings import SHARED_GLOSSARY
from companion.common.textutil import plain_text
from companion.lesson.catalog import front_matter_problems
from companion.lesson.fileformat import BLANK_RE, parse_glossary, parse_lesson_with_problems
from companion.lesson.kinds import AnswerForm, Choices
from companion.lesson.limits import limit_problems
from companion.lesson.model import Lesson, Question
from companion.lesson.names import lesson_name_problem
from companion.lesson.store import read_lesson_text
from companion.lesson.warnings import lesson_warnings


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    warning: bool = False  # for the teacher to look at; never fails the check

    def __str__(self) -> str:
        label = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {label}{self.message}"


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
    if lesson_name_problem(path):
        problems.append(Problem(str(path), 1, lesson_name_problem(path)))
    problems += [Problem(str(path), line, message) for line, message in check_lesson(lesson)]
    problems += [Problem(str(path), line, message) for line, message in limit_problems(lesson)]
    problems += [Problem(str(path), line, message) for line, message in id_problems(lesson)]
    front = front_matter_problems(lesson.meta, text)  # subject: and tags:
    problems += [Problem(str(path), line, message) for line, message in front]
    problems += [
        Problem(str(path), w.line or 1, w.message, warning=True)
        for w in lesson_warnings(lesson, text)
    ]
    problems += [Problem(str(path), line, m, warning=True) for line, m in stale_evidence(lesson)]
    return sorted(problems, key=lambda p: (p.line, p.warning))


def check_lesson(lesson: Lesson) -> list[tuple[int, str]]:
    """Problems in a parsed lesson that the parser tolerates but a teacher should fix."""
    problems: list[tuple[int, str]] = []
    seen_terms: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    for number, passage in enumerate(lesson.passages):
        if not passage.paragraphs:
            problems.append((passage.line, f"passage '{passage.heading}' has no text"))
        text = " ".join(plain_text(p) for p in passage.paragraphs)
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
            if not term_in_text(entry.term, text) and not (
                number == 0 and term_in_text(entry.term, lesson.title)
            ):  # (the first passage also glosses the title's own words: "hails")
                problems.append(
                    (entry.line, f"glossary term '{entry.term}' does not appear in this passage")
                )
        for question in passage.questions:
            if question.id in seen_ids:
                problems.append((question.line, f"question id '{question.id}' is used twice"))
            seen_ids.setdefault(question.id, question.line)
            problems += [(question.line, m) for m in _question_problems(question)]
    return problems


STALE_EVIDENCE = (
    "this question was edited and its evidence no longer holds its answer, so no "
    "evidence is shown: correct its 'evidence:', or run 'generate --update'"
)


def stale_evidence(lesson: Lesson) -> list[tuple[int, str]]:
    """Edited questions whose evidence sentence no longer holds their answer (the parser
    dropped it: companion.lesson.evidence)."""
    return [(q.line, STALE_EVIDENCE) for q in lesson.questions if not q.evidence_is_current]


QUESTION_ID = re.compile(r"q-[A-Za-z0-9-]+")


def id_problems(lesson: Lesson) -> list[tuple[int, str]]:
    """Question ids not of the form ``q-`` + letters, digits and hyphens: the page keys
    its questions by id, and an id like ``summary`` or ``p1`` is also the id of another
    part of the page."""
    return [
        (
            question.line,
            f"question id '{_one_line(question.id)}' must be 'q-' followed by letters, "
            "digits and hyphens",
        )
        for passage in lesson.passages
        for question in passage.questions
        if not QUESTION_ID.fullmatch(question.id)
    ]


def _one_line(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _question_problems(question: Question) -> list[str]:
    """The rules of the question's kind (``companion.lesson.kinds``) it breaks."""
    spec, problems = question.spec, []
    if not question.prompt:
        problems.append("the question has no prompt")
    has_list = question.choices or spec.choices is Choices.LIST
    if spec.few_choices and has_list and len(question.choices) < 2:
        problems.append(spec.few_choices)
    ordered = spec.answer is AnswerForm.ORDER
    if ordered and not _numbered_once_each(question):
        problems.append("sequence items must be numbered 1, 2, 3 ... once each")
    own_choices = spec.choices in (Choices.LIST, Choices.WORD_BANK)
    if not ordered and own_choices and _repeats(question.choices):
        problems.append("two choices are the same")
    if spec.no_answer and not question.choices and not question.answer:
        problems.append(spec.no_answer)
    if spec.blank and not BLANK_RE.search(question.prompt):
        problems.append("a fill-in-the-blank prompt needs a blank '_____'")
    return problems


def _repeats(choices: list[str]) -> bool:
    return len({c.lower() for c in choices}) != len(choices)


def _numbered_once_each(question: Question) -> bool:
    """The items of an ORDER question are numbered 1, 2, 3 ..., each item once."""
    return (
        sorted(question.answer) == sorted(question.choices)
        and len(set(question.choices)) == len(question.choices)
        and _positions_are_a_run(question)
    )


def _positions_are_a_run(question: Question) -> bool:
    raw = question.raw or ""
    numbers = sorted(int(n) for n in re.findall(r"^\s*[-*+]\s+\[(\d+)\]", raw, re.MULTILINE))
    return not numbers or numbers == list(range(1, len(numbers) + 1))
