"""What the lesson index knows of each lesson file, without a database.

``scan`` lists the lesson files of a folder with their modification time and size (one
``stat`` each, no reading); ``summarize`` reads and parses one file into a ``Summary``:
the facts the index page shows and searches. The database side (which files changed,
the rows, the search) is ``companion.accounts.library``.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from companion.common.errors import CompanionError
from companion.common.settings import SHARED_GLOSSARY
from companion.lesson.model import REVIEWED, Lesson
from companion.lesson.store import (
    COLLECTION_SEP,
    SLUG_RE,
    load_lesson,
    short_error,
    unexpected_error,
)

MAX_SUBJECT = 80  # characters of a subject or a tag
MAX_TAGS = 20
TAG_RE = re.compile(r"^[^\s,][^,]*$")


@dataclass(frozen=True)
class FileState:
    """A lesson file as ``stat`` sees it: enough to tell that it may have changed."""

    slug: str
    name: str  # the file's path, a str: making 10,000 Paths per scan is its slowest part
    mtime_ns: int
    size: int
    collection: str = ""  # the sub-folder of content/ it is in ("" for none)

    @property
    def path(self) -> Path:
        return Path(self.name)


@dataclass
class Summary:
    """One lesson file's row in the index; a broken file has ``error`` and no facts."""

    slug: str
    mtime_ns: int
    size: int
    hash: str
    collection: str = ""
    title: str = ""
    body: str = ""
    error: str | None = None
    passages: int = 0
    words: int = 0
    reading_minutes: int = 0
    grade_level: float = 0.0
    questions: int = 0
    items: int = 0
    reviewed: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)
    subject: str = ""
    tags: list[str] = field(default_factory=list)


def is_lesson_name(name: str) -> bool:
    """A file name the site serves as a lesson (``LessonStore.path_for`` agrees)."""
    stem, dot, ext = name.rpartition(".")
    return (
        dot == "."
        and ext == "md"
        and name != SHARED_GLOSSARY
        and SLUG_RE.fullmatch(stem) is not None
    )


def scan(folder: Path | str) -> dict[str, FileState]:
    """The lesson files of ``folder`` by slug (none when it is missing): those directly
    in it, and those in its sub-folders (collections: ``unit-1/bees.md`` is the slug
    ``unit-1.bees``). Sub-folders are named like slugs; deeper folders, hidden ones and
    symbolic links to folders are not read."""
    found = _scan_one(str(folder), "")
    try:
        with os.scandir(folder) as entries:
            subfolders = [
                e for e in entries
                if SLUG_RE.fullmatch(e.name) and e.is_dir(follow_symlinks=False)
            ]  # fmt: skip
    except OSError:
        return found
    for sub in subfolders:
        found.update(_scan_one(sub.path, sub.name))
    return found


def _scan_one(folder: str, collection: str) -> dict[str, FileState]:
    found: dict[str, FileState] = {}
    prefix = collection + COLLECTION_SEP if collection else ""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not is_lesson_name(entry.name):
                    continue
                try:
                    if not entry.is_file():
                        continue
                    stat = entry.stat()
                except OSError:
                    continue  # gone since it was listed
                slug = prefix + entry.name[:-3]
                found[slug] = FileState(
                    slug, entry.path, stat.st_mtime_ns, stat.st_size, collection
                )
    except OSError:
        return {}
    return found


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes ("" when it cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def summarize(state: FileState, digest: str) -> Summary:
    """The index's facts of one file; a file that does not load is a Summary with its
    one-line error (the other lessons are not affected)."""
    summary = Summary(
        state.slug, state.mtime_ns, state.size, digest, state.collection, title=state.slug
    )
    try:
        lesson = load_lesson(state.path)
    except CompanionError as exc:
        summary.error = short_error(exc, state.path)
        return summary
    except Exception as exc:  # never let one lesson break the index
        summary.error = f"{state.path.name}: {unexpected_error(exc)}"
        return summary
    fill(summary, lesson)
    return summary


def fill(summary: Summary, lesson: Lesson) -> None:
    stats = lesson.stats
    items = [*lesson.glossary, *lesson.drafts, *lesson.questions]
    summary.title = lesson.title
    summary.body = "\n".join(para for p in lesson.passages for para in [p.heading, *p.paragraphs])
    summary.passages = len(lesson.passages)
    summary.words = stats.words
    summary.reading_minutes = stats.reading_minutes
    summary.grade_level = float(stats.grade_level)
    summary.questions = len(lesson.questions)
    summary.items = len(items)
    # the review screen's rule (views.review.review_progress)
    summary.reviewed = sum(1 for item in items if item.status in REVIEWED)
    summary.warnings = [(w.line, w.message) for w in lesson.warnings]
    summary.subject = lesson_subject(lesson.meta)
    summary.tags = lesson_tags(lesson.meta)


def lesson_subject(meta: dict[str, Any]) -> str:
    """The front matter's ``subject:`` when it is a short text, else ""."""
    value = meta.get("subject")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text if len(text) <= MAX_SUBJECT else ""
    return ""


def lesson_tags(meta: dict[str, Any]) -> list[str]:
    """The front matter's ``tags:`` (a list, or one text with commas), lowercased, each
    once; values that are not short texts are left out (``check`` reports them)."""
    value = meta.get("tags")
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    tags: list[str] = []
    for item in value:
        tag = " ".join(str(item).split()).lower() if isinstance(item, str | int) else ""
        if tag and TAG_RE.match(tag) and len(tag) <= MAX_SUBJECT and tag not in tags:
            tags.append(tag)
    return tags[:MAX_TAGS]


def front_matter_problems(meta: dict[str, Any], text: str = "") -> list[tuple[int, str]]:
    """``check``'s (line, message) for a ``subject:`` or ``tags:`` the index cannot use;
    the line is the key's line in ``text`` (1 when it cannot be found)."""
    problems = []
    if meta.get("subject") is not None and not lesson_subject(meta):
        message = f"'subject:' must be a short text (at most {MAX_SUBJECT} characters)"
        problems.append((_key_line(text, "subject"), message))
    tags = meta.get("tags")
    if tags is not None and not _tags_usable(tags, meta):
        message = (
            "'tags:' must be a list of short texts without commas, "
            f"at most {MAX_TAGS} (tags: [history, asia])"
        )
        problems.append((_key_line(text, "tags"), message))
    return problems


def _tags_usable(tags: Any, meta: dict[str, Any]) -> bool:
    """Every tag given is kept by ``lesson_tags`` (repeats aside)."""
    given = tags.split(",") if isinstance(tags, str) else tags
    if not isinstance(given, list):
        return False
    wanted = {" ".join(str(t).split()).lower() for t in given if str(t).strip()}
    return len(lesson_tags(meta)) == len(wanted) and len(given) <= MAX_TAGS


def _key_line(text: str, key: str) -> int:
    """The line of a front matter key (the front matter is at the top of the file)."""
    for number, line in enumerate(text.splitlines()[:200], start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1
