"""The teacher's shared glossary (content/glossary.md): definitions that win over
generated ones in every lesson."""

from __future__ import annotations

from pathlib import Path

from companion.lesson.fileformat import parse_glossary
from companion.lesson.model import GlossaryEntry
from companion.lesson.store import read_lesson_text


def load_shared_glossary(path: Path) -> list[GlossaryEntry]:
    """Entries of the shared glossary, or [] when there is none."""
    if not path.exists():
        return []
    return parse_glossary(read_lesson_text(path), str(path))
