"""Lesson files on disk: listing, safe slug look-up, parse-once caching, atomic writes."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from companion.config import SHARED_GLOSSARY
from companion.errors import CompanionError, LessonFileError
from companion.lesson import Lesson
from companion.lessonfile import parse_lesson

MAX_LESSON_BYTES = 5 * 1024 * 1024
SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")


def read_lesson_text(path: Path) -> str:
    """A lesson file's text, or a one-line CompanionError (missing, binary, too big...)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CompanionError("file not found", str(path)) from None
    if not path.is_file():
        raise CompanionError("not a file", str(path))
    if size > MAX_LESSON_BYTES:
        raise CompanionError("file is larger than 5 MB", str(path))
    data = path.read_bytes()
    if not data.strip():
        raise CompanionError("file is empty", str(path), 1)
    if b"\x00" in data:
        raise CompanionError("file looks binary, not text", str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CompanionError("file is not valid UTF-8", str(path), line) from None


def load_lesson(path: Path) -> Lesson:
    return parse_lesson(read_lesson_text(path), slug=path.stem, path=str(path))


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new text, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def backup(path: Path) -> Path:
    """Copy a file into .backup/ beside it, with a timestamp, before it is replaced."""
    folder = path.parent / ".backup"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    shutil.copy2(path, target)
    return target


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
    """Lessons in a folder, each parsed once and parsed again when its file changes."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._cache: dict[str, Entry] = {}
        self._lock = threading.Lock()

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
        """The file of a slug, or None for anything that is not a plain slug."""
        if not SLUG_RE.match(slug):
            return None
        path = (self.folder / f"{slug}.md").resolve()
        if path.parent != self.folder.resolve():
            return None
        return path

    def get(self, slug: str) -> Entry | None:
        path = self.path_for(slug)
        if path is None or not path.is_file():
            return None
        stat = path.stat()
        with self._lock:
            cached = self._cache.get(slug)
            if cached and (cached.mtime_ns, cached.size) == (stat.st_mtime_ns, stat.st_size):
                return cached
        try:
            lesson, error = load_lesson(path), None
        except (LessonFileError, CompanionError) as exc:
            lesson, error = None, _short_error(exc, path)
        entry = Entry(slug, path, lesson, error, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            self._cache[slug] = entry
        return entry


def _short_error(exc: CompanionError, path: Path) -> str:
    where = f"{path.name}:{exc.line}" if exc.line else path.name
    return f"{where}: {exc.message}"
