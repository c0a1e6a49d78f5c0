"""Paths and helpers shared by the tests (conftest.py only holds fixtures)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from werkzeug.serving import make_server

from companion.accounts.database import open_database
from companion.accounts.teachers import add_teacher, find_teacher, list_teachers

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "panjshir-valley.txt"
SAMPLE = ROOT / "content" / "panjshir-valley.md"
# The teacher in every test app's account database (conftest.accounts_template).
TEACHER = "ms.lee"
TEACHER_PASSWORD = "correct horse battery"
# A bound for the tests that guard against a blow-up (an alias bomb, deep nesting, a
# regular expression gone quadratic): unguarded, those take minutes; guarded, well under a
# second, even on a busy test machine. Speed itself is measured by `make bench`.
BLOWUP_SECONDS = 30


def make_accounts_database(path: Path) -> None:
    """A migrated SQLite account database at ``path`` holding the test teacher."""
    db = open_database(f"sqlite:///{path}")
    add_teacher(db, TEACHER, TEACHER_PASSWORD)
    db.dispose()


def teacher_login_id(app) -> str:
    """Flask-Login's id for the test teacher in ``app``'s database (added if missing)."""
    db = app.extensions["companion_accounts"]
    teacher = next((t for t in list_teachers(db) if t.name == TEACHER), None)
    if teacher is None:
        teacher = add_teacher(db, TEACHER, TEACHER_PASSWORD)
    teacher = find_teacher(db, teacher.id)
    return f"{teacher.id}:{teacher.stamp}"


def sign_in(client) -> str:
    """Sign the test client in as the test teacher, without the form (the form has its
    own tests); returns the session's CSRF token for POSTs."""
    login_id = teacher_login_id(client.application)
    with client.session_transaction() as session:
        session["_user_id"] = login_id
        session["_fresh"] = True
        session["csrf"] = session.get("csrf") or "t" * 43
        return session["csrf"]


def teacher_cookie(app) -> dict:
    """A browser cookie (for Playwright's ``context.add_cookies``) signing the test
    teacher in to ``app``; set ``url`` before use."""
    serializer = app.session_interface.get_signing_serializer(app)
    value = serializer.dumps({"_user_id": teacher_login_id(app), "_fresh": True})
    return {"name": app.config["SESSION_COOKIE_NAME"], "value": value}


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
