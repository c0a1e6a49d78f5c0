"""CSRF protection for every form that changes something (POST, PUT, PATCH, DELETE).

The synchronizer-token pattern: each session holds a random token (in Flask's signed
session cookie); every form carries it in a hidden ``csrf_token`` field
(``{{ csrf_field() }}`` in a template) and every ``fetch`` sends it in an ``X-CSRF-Token``
header (``<meta name="csrf-token" content="{{ csrf_token() }}">``). A ``before_request``
hook refuses any unsafe request without it, so a new form or route is protected without
having to remember to.

The student answer forms are the one exception, and only in mechanism: their pages are
cached and shared by every student, so they carry a signed double-submit token instead
(``companion.web.security``) and check it in the view (``checked_in_view``). Students
have no session; a token in the session would have to make one for every reader.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from flask import Flask, jsonify, render_template, request, session
from markupsafe import Markup

F = TypeVar("F", bound=Callable)

SESSION_KEY = "csrf"
FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
MESSAGE = "This form was open too long or came from another site. Reload the page and try again."


def csrf_token() -> str:
    """This session's token (made on first use)."""
    token = session.get(SESSION_KEY)
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
    return token


def csrf_field() -> Markup:
    return Markup('<input type="hidden" name="{}" value="{}">').format(FIELD, csrf_token())


def checked_in_view(view: F) -> F:
    """Marks a view that checks its own CSRF token (the students' answer forms)."""
    view.csrf_checked_in_view = True  # type: ignore[attr-defined]
    return view


def same_origin() -> bool:
    """The request does not come from another site (Fetch Metadata, else Origin)."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return False
    origin = request.headers.get("Origin")
    return not origin or origin == "null" or urlsplit(origin).netloc == request.host


def token_ok() -> bool:
    expected = session.get(SESSION_KEY)
    sent = request.headers.get(HEADER) or request.form.get(FIELD) or ""
    if not isinstance(expected, str) or not expected or not sent:
        return False
    return hmac.compare_digest(expected.encode(), sent.encode("utf-8", "replace"))


def refused():
    if request.headers.get(HEADER) is not None or request.is_json:
        return jsonify(error=MESSAGE), 400
    return render_template("error.html", title="Please reload the page", message=MESSAGE), 400


def protect(app: Flask) -> None:
    """Refuse unsafe requests without this session's token (except ``checked_in_view``)."""
    app.jinja_env.globals.update(csrf_token=csrf_token, csrf_field=csrf_field)

    @app.before_request
    def check_csrf():
        if request.method in SAFE_METHODS:
            return None
        view = app.view_functions.get(request.endpoint or "")
        if view is None or getattr(view, "csrf_checked_in_view", False):
            return None
        if same_origin() and token_ok():
            return None
        return refused()
