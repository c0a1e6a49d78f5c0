"""Which lesson file names the site can serve, said once for `generate` and `check`."""

from __future__ import annotations

from pathlib import Path

from companion.common.settings import SHARED_GLOSSARY
from companion.lesson.store import SLUG_RE


def lesson_name_problem(path: Path) -> str:
    """Why the site would not serve a lesson file of this name ("" when it would)."""
    if path.name == SHARED_GLOSSARY:
        return f"'{SHARED_GLOSSARY}' is the shared glossary, not a lesson: choose another name"
    if path.suffix != ".md":
        return "a lesson file name ends in .md"
    if not SLUG_RE.fullmatch(path.stem):
        return (
            f"the site serves only lesson files named with lowercase letters, digits and "
            f"hyphens (such as panjshir-valley.md): rename '{path.name}'"
        )
    return ""
