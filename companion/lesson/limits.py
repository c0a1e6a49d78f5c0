"""How big one part of a lesson may be, so that no small file makes a heavy page.

Hard limits make a lesson file broken (the site shows its error, the others keep
working); `companion check` reports the softer, teacher-facing limits (docs/lesson-format.md).
"""

from __future__ import annotations

from companion.lesson.model import Lesson

MAX_PARAGRAPH_CHARS = 3_000  # check: a paragraph a student reads in one go
MAX_CHOICES = 8  # check: choices of a question, items of a sequence
MAX_PROMPT_CHARS = 1_000  # check
HARD_PARAGRAPH_CHARS = 20_000  # broken beyond: Markdown rendering grows too costly
HARD_CHOICES = 50  # broken beyond: a page of thousands of inputs


def limit_problems(lesson: Lesson) -> list[tuple[int, str]]:
    """(line, message) for every part of a lesson over the teacher-facing limits."""
    problems: list[tuple[int, str]] = []
    for passage in lesson.passages:
        for paragraph in passage.paragraphs:
            if len(paragraph) > MAX_PARAGRAPH_CHARS:
                problems.append(
                    (
                        passage.line,
                        f"a paragraph of passage '{passage.heading}' is longer "
                        f"than {MAX_PARAGRAPH_CHARS} characters: split it",
                    )
                )
        for question in passage.questions:
            if len(question.choices) > MAX_CHOICES:
                problems.append(
                    (question.line, f"a question has more than {MAX_CHOICES} choices or items")
                )
            if len(question.prompt) > MAX_PROMPT_CHARS:
                problems.append(
                    (question.line, f"a question is longer than {MAX_PROMPT_CHARS} characters")
                )
    return problems


def hard_limit_problem(lesson: Lesson) -> tuple[int, str] | None:
    """The first part of a lesson too big to serve at all, or None."""
    for passage in lesson.passages:
        if any(len(p) > HARD_PARAGRAPH_CHARS for p in passage.paragraphs):
            return passage.line, f"a paragraph is longer than {HARD_PARAGRAPH_CHARS} characters"
        for question in passage.questions:
            if len(question.choices) > HARD_CHOICES:
                return question.line, f"a question has more than {HARD_CHOICES} choices"
    return None
