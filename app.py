"""Companion's web app: ``flask --app app run`` or ``gunicorn 'app:create_app()'``.

The application factory lives in ``companion.web``; this entry point turns a bad setting
into a one-line message at start instead of a traceback.
"""

from __future__ import annotations

from companion.common.errors import SettingsError
from companion.web import create_app as _create_app


def create_app(config: dict | None = None):
    try:
        return _create_app(config)
    except SettingsError as exc:
        raise SystemExit(f"companion: {exc}") from None
