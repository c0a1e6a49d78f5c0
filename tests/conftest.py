from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import create_app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "panjshir-valley.txt"
SAMPLE = ROOT / "content" / "panjshir-valley.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder holding a copy of the sample lesson."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return folder


@pytest.fixture
def app(content: Path):
    return create_app({"TESTING": True, "CONTENT_DIR": str(content)})


@pytest.fixture
def client(app):
    return app.test_client()
