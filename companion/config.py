"""Paths and settings, each overridable by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """Where lesson files live: $COMPANION_CONTENT, default ./content."""
    return Path(os.environ.get("COMPANION_CONTENT", "content"))


def wordnet_dir() -> Path:
    """WordNet 3.0 database files: $COMPANION_WORDNET, default Debian's wordnet-base."""
    return Path(os.environ.get("COMPANION_WORDNET", "/usr/share/wordnet"))


SHARED_GLOSSARY = "glossary.md"
