"""Lesson files on disk: listing, safe slug look-up, parse-once caching, atomic writes."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from companion.common.errors import CompanionError, LessonFileError
from companion.common.files import MAX_BYTES, read_text_file
from companion.common.settings import SHARED_GLOSSARY
from companion.lesson.fileformat import parse_lesson
from companion.lesson.limits import hard_limit_problem
from companion.lesson.model import Lesson
from companion.lesson.warnings import lesson_warnings

MAX_LESSON_BYTES = MAX_BYTES
COLLECTION_SEP = "."  # a lesson in a sub-folder: content/unit-1/bees.md is "unit-1.bees"
CACHED_LESSONS = 256  # parsed lessons kept in memory, most recently used first
SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")


def read_lesson_text(path: Path) -> str:
    """A lesson file's text (UTF-8), or a one-line InputFileError (missing, binary...)."""
    return read_text_file(path, ("utf-8-sig",), MAX_LESSON_BYTES)


def load_lesson(path: Path) -> Lesson:
    """A lesson file, parsed, with its teacher warnings (companion.lesson.warnings).

    Every problem with the file is a one-line CompanionError: whatever a hostile or broken
    file makes go wrong (RecursionError, UnicodeError, ValueError...) is reported as a
    LessonFileError, never a traceback."""
    try:
        text = read_lesson_text(path)
        lesson = parse_lesson(text, slug=path.stem, path=str(path))
        too_big = hard_limit_problem(lesson)
        if too_big:
            raise LessonFileError(too_big[1], str(path), too_big[0])
        lesson.warnings = lesson_warnings(lesson, text)
    except CompanionError:
        raise
    except Exception as exc:  # one bad file must not crash the caller
        raise LessonFileError(unexpected_error(exc), str(path)) from None
    return lesson


@dataclass
class Entry:
    """One lesson file as the store knows it: the lesson, or the error that broke it."""

    slug: str
    path: Path
    lesson: Lesson | None
    error: str | None
    mtime_ns: int
    size: int


class LessonStore:
    """Lessons in a folder, each parsed once and parsed again when its file changes.

    At most ``cache_size`` parsed lessons are kept (least recently used dropped first),
    so memory does not grow with the library; the index page reads the lesson index
    (companion.accounts.library), not this cache."""

    def __init__(self, folder: Path, cache_size: int = CACHED_LESSONS):
        self.folder = Path(folder)
        self.cache_size = max(1, cache_size)
        self._cache: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def cached(self) -> int:
        """How many parsed lessons are held now (at most ``cache_size``)."""
        return len(self._cache)

    def slugs(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(
            p.stem
            for p in self.folder.glob("*.md")
            if p.name != SHARED_GLOSSARY and not p.name.startswith((".", "_"))
        )

    def entries(self) -> list[Entry]:
        return [self.get(slug) for slug in self.slugs() if self.get(slug) is not None]

    def path_for(self, slug: str) -> Path | None:
        """The file of a slug, or None for anything that is not a plain slug (or is the
        shared glossary, which is not a lesson). ``unit-1.bees`` is ``unit-1/bees.md``:
        a lesson in a sub-folder (a collection), both parts plain slugs."""
        collection, sep, name = slug.rpartition(COLLECTION_SEP)
        parts = [collection, name] if sep else [name]
        if not all(SLUG_RE.fullmatch(p) for p in parts) or f"{name}.md" == SHARED_GLOSSARY:
            return None
        root = self.folder.resolve()
        folder = root / collection if sep else root
        if sep and not folder.is_dir():
            return None
        path = (folder / f"{name}.md").resolve()
        if path.parent != folder:  # a symbolic link (of the file or its folder) out
            return None
        return path

    def get(self, slug: str) -> Entry | None:
        """The entry of a slug (None when there is no such file). A file that cannot be
        loaded, for whatever reason, is an entry with a one-line ``error``: the other
        lessons keep working."""
        path = self.path_for(slug)
        try:
            if path is None or not path.is_file():
                return None
            stat = path.stat()
        except OSError:
            return None  # gone or unreachable since it was listed
        with self._lock:
            cached = self._cache.get(slug)
            if cached and (cached.mtime_ns, cached.size) == (stat.st_mtime_ns, stat.st_size):
                self._cache.move_to_end(slug)
                return cached
        try:
            lesson, error = load_lesson(path), None
        except CompanionError as exc:
            lesson, error = None, short_error(exc, path)
        except Exception as exc:  # never let one lesson break the index
            lesson, error = None, f"{path.name}: {unexpected_error(exc)}"
        entry = Entry(slug, path, lesson, error, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            self._cache[slug] = entry
            self._cache.move_to_end(slug)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return entry


def short_error(exc: CompanionError, path: Path) -> str:
    """``name.md:LINE: message`` on one line."""
    where = f"{path.name}:{exc.line}" if exc.line else path.name
    return f"{where}: {_one_line(exc.message)}"


def unexpected_error(exc: BaseException) -> str:
    """A one-line reason for an error that is not one of ours."""
    if isinstance(exc, PermissionError):
        return "permission denied: the file cannot be read"
    if isinstance(exc, RecursionError):
        return "the file is nested too deeply to read"
    if isinstance(exc, UnicodeError):
        return "the file contains text that is not valid Unicode"
    detail = _one_line(str(exc))
    return f"cannot read this lesson ({type(exc).__name__}{': ' + detail if detail else ''})"


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
