"""Lessons generated once per test session (spaCy is slow to load and to parse)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from companion.generation.context import Options
from companion.generation.importing import read_article
from companion.generation.pipeline import lesson_from_article
from companion.lesson.model import Lesson
from tests.helpers import ROOT, SEED

ARTICLES = ROOT / "tests" / "data" / "articles"


@cache
def seed_lesson() -> Lesson:
    return lesson_from_article(read_article(SEED))


SEED_NAME = "panjshir-valley.txt"


@cache
def article_names() -> tuple[str, ...]:
    """The seed and the labelled articles, by file name: cheap, for parametrize."""
    index = yaml.safe_load((ARTICLES / "index.yaml").read_text(encoding="utf-8"))
    return (SEED_NAME, *(item["file"] for item in index))


@cache
def lesson_named(name: str) -> Lesson:
    """The lesson generated from one of ``article_names()`` (once per session)."""
    if name == SEED_NAME:
        return seed_lesson()
    return lesson_from_article(read_article(ARTICLES / name), Options())


def all_lessons() -> list[tuple[str, Lesson]]:
    return [(name, lesson_named(name)) for name in article_names()]


def lesson_from_text(tmp: Path, text: str, name: str = "article.txt", **options) -> Lesson:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return lesson_from_article(read_article(path), Options(**options))
