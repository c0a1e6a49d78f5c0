"""Who is signed in: Flask-Login sessions for teachers, and the guard for their pages.

Students have no accounts: every page a student uses stays public by link. A view that
only teachers may see is wrapped in ``teacher_required``; without a signed-in teacher it
redirects to ``/sign-in?next=<the page asked for>`` (docs/teachers.md). Templates can ask
``current_teacher()`` too.

The session cookie is HttpOnly, SameSite=Lax and Secure whenever the request came over
HTTPS (directly, or through the proxy trusted by ``COMPANION_BEHIND_PROXY``). A session
names the teacher's id and a stamp of their password hash, so changing a password or
removing a teacher ends their sessions everywhere.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TypeVar

from flask import Flask, current_app, redirect, request, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_login import LoginManager, UserMixin, current_user

from companion.accounts.database import Database
from companion.accounts.teachers import TeacherInfo, find_teacher

F = TypeVar("F", bound=Callable)

SESSION_LIFETIME = datetime.timedelta(hours=12)


@dataclass(frozen=True)
class SignedInTeacher(UserMixin):
    """The teacher of this session (what Flask-Login keeps; never the password hash)."""

    id: int
    name: str
    stamp: str = ""

    @classmethod
    def of(cls, info: TeacherInfo) -> SignedInTeacher:
        return cls(info.id, info.name, info.stamp)

    def get_id(self) -> str:
        return f"{self.id}:{self.stamp}"


def current_teacher() -> SignedInTeacher | None:
    """The signed-in teacher, or None for a student (or anyone not signed in)."""
    user = getattr(current_user, "_get_current_object", lambda: current_user)()
    return user if isinstance(user, SignedInTeacher) else None


def sign_in_url(next_url: str | None = None) -> str:
    """The sign-in page, coming back to ``next_url``: by default this request's page, for
    a GET (after a refused POST there is no page to come back to: the teacher's home)."""
    if next_url is None and request.method in ("GET", "HEAD"):
        next_url = request.full_path if request.query_string else request.path
    return url_for("signin.sign_in", next=next_url) if next_url else url_for("signin.sign_in")


def teacher_required(view: F) -> F:
    """Only a signed-in teacher sees this view; anyone else goes to the sign-in page."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if current_teacher() is None:
            return redirect(sign_in_url())
        return view(*args, **kwargs)

    guarded.teacher_only = True  # type: ignore[attr-defined]  # tests list these routes
    return guarded  # type: ignore[return-value]


def accounts() -> Database:
    """The account database of this app."""
    return current_app.extensions["companion_accounts"]


def load_teacher(session_id: str) -> SignedInTeacher | None:
    """The teacher a session names, if they still exist with the same password."""
    teacher_id, _, stamp = session_id.partition(":")
    if not teacher_id.isdigit():
        return None
    info = find_teacher(accounts(), int(teacher_id))
    if info is None or info.stamp != stamp:
        return None
    return SignedInTeacher.of(info)


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, marked Secure whenever the request is HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def setup_login(app: Flask, db: Database) -> None:
    """Sessions and Flask-Login for ``app``, with ``db`` holding the teachers."""
    app.extensions["companion_accounts"] = db
    app.session_interface = SessionInterface()
    app.config.update(
        SESSION_COOKIE_NAME="companion_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
    )
    manager = LoginManager()
    manager.session_protection = "basic"
    manager.user_loader(load_teacher)
    manager.init_app(app)
    app.jinja_env.globals.update(current_teacher=current_teacher)
