from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from companion.web import create_app
from tests.helpers import SAMPLE


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
