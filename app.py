"""Companion's web app: ``flask --app app run`` or ``gunicorn 'app:create_app()'``.

The application factory lives in ``companion.web``; this module only exposes it.
"""

from companion.web import create_app

__all__ = ["create_app"]
