"""The question kinds: the one table every stage reads."""

from __future__ import annotations

KINDS = ("multiple_choice", "true_false", "cloze", "short_answer", "sequence", "open")
KIND_LABELS = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "cloze": "Fill in the blank",
    "short_answer": "Short answer",
    "sequence": "Sequence",
    "open": "Open response",
}
