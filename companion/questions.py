"""Question generation (placeholder until the questions issue)."""

from __future__ import annotations


def build_questions(context, glossary):
    return [[] for _ in context.drafts]
