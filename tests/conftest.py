from __future__ import annotations

import os
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


# ----------------------------------------------------------------- the browser
# One Chromium per test process, shared by every browser test file: Playwright's sync API
# cannot run twice at once in one process (two files on one pytest-xdist worker).

CHROMIUM = os.environ.get("COMPANION_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (set COMPANION_CHROMIUM)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()

