"""The sign-in blueprint: ``/sign-in`` (GET shows the form, POST checks it) and
``POST /sign-out``. CSRF is checked for both by ``companion.web.csrf``; failed sign-ins
are rate-limited in the database (``companion.accounts.ratelimit``)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user

from companion.accounts.signin import sign_in as check_sign_in
from companion.web.auth import SignedInTeacher, accounts, current_teacher

bp = Blueprint("signin", __name__)

WRONG = "That name and password do not match. Check them and try again."
LIMITED = "Too many tries. Wait a minute, then try again."
HOME_ENDPOINTS = ("teacher.home", "lessons.index")  # the first one the app has


def safe_next(target: str | None) -> str | None:
    """A page of this site to go back to after signing in (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(c) < 32 for c in target):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def home_url() -> str:
    endpoint = next(e for e in HOME_ENDPOINTS if e in current_app.view_functions)
    return url_for(endpoint)


def sign_in_page(status: int = 200, **context):
    context.setdefault("error", "")
    context.setdefault("name", "")
    context.setdefault("next_url", safe_next(request.values.get("next")) or "")
    response = current_app.make_response(
        (render_template("sign_in.html", **context), status)
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/sign-in")
def sign_in():
    if current_teacher() is not None:
        return redirect(safe_next(request.args.get("next")) or home_url())
    return sign_in_page(signed_out=request.args.get("signed_out") == "1")


@bp.post("/sign-in")
def sign_in_post():
    name = request.form.get("name", "")[:200]
    password = request.form.get("password", "")[:2000]
    if not name.strip() or not password:
        return sign_in_page(400, error="Enter your name and your password.", name=name)
    result = check_sign_in(accounts(), name, password, request.remote_addr or "unknown")
    if result.limited:
        return sign_in_page(429, error=LIMITED, name=name)
    if result.teacher is None:
        return sign_in_page(401, error=WRONG, name=name)
    next_url = safe_next(request.form.get("next"))
    session.clear()  # a new session (and CSRF token): nothing carries over from before
    login_user(SignedInTeacher.of(result.teacher))
    session.permanent = True
    return redirect(next_url or home_url())


@bp.post("/sign-out")
def sign_out():
    logout_user()
    session.clear()
    return redirect(url_for("signin.sign_in", signed_out=1))
