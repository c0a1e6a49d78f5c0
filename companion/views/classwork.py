"""A class member's answers between the lesson page and the database (no Flask): the
answer as the teacher reads it, as stored (JSON), and back as the page's form fields
on another device; and the try state a stored answer stands for (docs/classes.md)."""

from __future__ import annotations

import json

from companion.views.grading import Answer, Slot
from companion.views.tries import TryState

ARROW = " → "


def answer_text(slot: Slot, answer: Answer | None) -> str:
    """What the teacher reads: a picked choice's text, a sequence's items in the
    student's order, or the typed text."""
    if answer is None:
        return ""
    q = slot.question
    choices = q.choices or list(slot.spec.fixed_choices)
    if isinstance(answer, list):
        return ARROW.join(q.choices[i] for i in answer if 0 <= i < len(q.choices))
    if isinstance(answer, int):
        return choices[answer] if 0 <= answer < len(choices) else ""
    return answer


def answer_value(answer: Answer | None) -> str | None:
    return None if answer is None else json.dumps(answer, ensure_ascii=False)


def answer_fields(slot: Slot, value: str | None) -> dict[str, str]:
    """The form fields that give a question a stored answer ({} when it no longer fits
    the question, after the teacher changed it)."""
    try:
        answer = json.loads(value) if value else None
    except ValueError:
        return {}
    if isinstance(answer, list):
        count = len(slot.question.choices)
        if sorted(answer) != list(range(count)):
            return {}
        return {slot.item_field(i): str(place) for place, i in enumerate(answer, 1)}
    if isinstance(answer, bool) or not isinstance(answer, int | str):
        return {}
    return {slot.field: str(answer)}


def stored_state(first: str, state: str) -> TryState:
    """The try state of a stored question: the latest answer's, with the first try the
    database kept (another device may have tried first)."""
    latest = TryState.decode(state)
    probe = TryState.decode(f"{first}.0.") if first else TryState()
    return TryState(probe.first or latest.first, latest.shown, latest.seen)
