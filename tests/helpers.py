"""Paths and helpers shared by the tests (conftest.py only holds fixtures)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "panjshir-valley.txt"
SAMPLE = ROOT / "content" / "panjshir-valley.md"


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
