from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

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


@contextmanager
def serving(app) -> Iterator[str]:
    """Serve a Flask app on a free local port in a thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
