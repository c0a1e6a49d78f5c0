"""The lesson as JSON for students: what the lesson page shows before any answer is
checked, and nothing else (docs/json.md).

Signed-in teachers get ``Lesson.to_dict()``, everything. Students (anyone not signed
in) get the same shape with only the keys in ``STUDENT_*`` below: no answers, accepted
answers, evidence or evidence paragraph, no provenance (``source``), review status or
teacher warnings.
"""

from __future__ import annotations

from typing import Any

from companion.lesson.model import Lesson

STUDENT_LESSON = ("slug", "title", "word_count", "grade_level", "reading_minutes", "passages")
STUDENT_PASSAGE = ("id", "heading", "paragraphs", "glossary", "questions")
STUDENT_GLOSSARY = ("term", "definition")
STUDENT_QUESTION = ("id", "kind", "prompt", "choices")


def _only(data: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: data[key] for key in keys}


def student_lesson_dict(lesson: Lesson) -> dict[str, Any]:
    """``lesson.to_dict()`` cut down to what students may see (an allow-list, so a key
    added to the model later stays out until it is listed here)."""
    full = lesson.to_dict()
    data = _only(full, STUDENT_LESSON)
    data["passages"] = [
        {
            **_only(passage, STUDENT_PASSAGE),
            "glossary": [_only(g, STUDENT_GLOSSARY) for g in passage["glossary"]],
            "questions": [_only(q, STUDENT_QUESTION) for q in passage["questions"]],
        }
        for passage in full["passages"]
    ]
    return data
