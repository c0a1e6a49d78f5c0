"""Companion's web app: ``flask --app app run`` or ``gunicorn 'app:create_app()'``.

The application factory lives in ``companion.web``; this entry point turns a bad setting
into a one-line message at start instead of a traceback, and on a fresh install (no
teacher yet) makes the first teacher account and prints its password once, in the
terminal, the way Jupyter prints its token (docs/teachers.md).
"""

from __future__ import annotations

import sys

from companion.accounts.teachers import create_first_teacher
from companion.common.errors import SettingsError
from companion.web import create_app as _create_app
from companion.web.auth import accounts


def create_app(config: dict | None = None):
    try:
        app = _create_app(config)
    except SettingsError as exc:
        raise SystemExit(f"companion: {exc}") from None
    with app.app_context():
        announce_first_teacher(create_first_teacher(accounts()))
    return app


def announce_first_teacher(made: tuple[str, str] | None) -> None:
    """Print the first teacher's name and one-time password (shown only this once)."""
    if made is None:
        return
    name, password = made
    rule = "-" * 72
    print(
        f"\n{rule}\n"
        "  Companion: no teacher account existed, so one was made.\n"
        f"    name:     {name}\n"
        f"    password: {password}\n"
        "  Sign in at /sign-in. This password is shown only this once: keep it, or set\n"
        f"  a new one with: .venv/bin/companion teacher password {name}\n"
        f"{rule}\n",
        file=sys.stderr,
        flush=True,
    )
