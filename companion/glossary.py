"""Glossary generation (placeholder until the glossary issue)."""

from __future__ import annotations


def build_glossary(context):
    return [[] for _ in context.drafts]
