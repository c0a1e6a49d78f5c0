"""Lessons generated once per test session (spaCy is slow to load and to parse)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from companion.generation.importing import read_article
from companion.generation.pipeline import Options, lesson_from_article
from companion.lesson.model import Lesson
from tests.conftest import ROOT, SEED

ARTICLES = ROOT / "tests" / "data" / "articles"


@cache
def seed_lesson() -> Lesson:
    return lesson_from_article(read_article(SEED))


@cache
def article_lessons() -> tuple[tuple[str, Lesson], ...]:
    index = yaml.safe_load((ARTICLES / "index.yaml").read_text(encoding="utf-8"))
    return tuple(
        (item["file"], lesson_from_article(read_article(ARTICLES / item["file"]), Options()))
        for item in index
    )


def all_lessons() -> list[tuple[str, Lesson]]:
    return [("panjshir-valley.txt", seed_lesson()), *article_lessons()]


def lesson_from_text(tmp: Path, text: str, name: str = "article.txt", **options) -> Lesson:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return lesson_from_article(read_article(path), Options(**options))
