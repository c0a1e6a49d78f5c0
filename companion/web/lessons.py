"""The lessons blueprint: the index, the student lesson page, its answer checks, JSON.

The page's content is built once per lesson version (``companion.views.page``) and the
rendered HTML is cached; answers are graded by ``companion.views.grading``, for the
no-JavaScript form POST and for the page's "Check" buttons (docs/lesson-page.md).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    get_template_attribute,
    jsonify,
    make_response,
    render_template,
    request,
    url_for,
)

from companion.lesson.store import Entry
from companion.views.lesson_json import student_lesson_dict
from companion.views.page import LessonPage, build_page
from companion.views.render import render_markdown
from companion.views.tries import ANSWER, MESSAGE, Outcome, TryState, check_answers, tally
from companion.web import library, membership, security
from companion.web.auth import current_teacher
from companion.web.csrf import checked_in_view
from companion.web.pages import error_page, lesson_entry, lesson_or_404, page_cache

bp = Blueprint("lessons", __name__)

CSRF_COOKIE = "companion_csrf"
_TOKEN_SLOT = "csrf-" + secrets.token_hex(16)  # stands for the token in cached HTML


@bp.get("/")
def index():
    """A page of the lesson index, searched and filtered (companion.web.library)."""
    return library.index_page()


@bp.get("/lessons/<slug>.json")
def lesson_json(slug: str):
    """Everything for a signed-in teacher; for anyone else, the lesson without answers,
    evidence, provenance, status or warnings (docs/json.md)."""
    entry = lesson_or_404(slug)
    teacher = current_teacher() is not None
    if entry.lesson is None:
        error = entry.error if teacher else "This lesson's file has a problem."
        response = jsonify({"error": error})
        response.status_code = 503
    else:
        lesson = entry.lesson
        response = jsonify(lesson.to_dict() if teacher else student_lesson_dict(lesson))
    response.headers["Cache-Control"] = "private, no-cache"
    response.vary.add("Cookie")
    return response


@bp.get("/healthz")
def healthz():
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}


def secret_key() -> bytes:
    key = current_app.config["SECRET_KEY"]
    return key.encode() if isinstance(key, str) else key


def page_for(entry: Entry) -> tuple[str, LessonPage]:
    """The lesson page's content and its version (lesson file version + build)."""
    raw = f"{current_app.config['PAGE_BUILD']}:{entry.slug}:{entry.mtime_ns}:{entry.size}"
    version = hashlib.sha256(raw.encode()).hexdigest()[:16]
    page = page_cache().get(("page", version), lambda: build_page(entry.lesson, render_markdown))
    return version, page


def render_lesson(page: LessonPage, token: str, **context) -> str:
    context.setdefault("outcomes", {})
    context.setdefault("states", {})
    context.setdefault("values", {})
    return render_template(
        "lesson.html",
        page=page,
        lesson=page.lesson,
        stats=page.lesson.stats,
        csrf_token=token,
        **context,
    )


def csrf_seed() -> tuple[str, bool]:
    """The browser's CSRF seed from its cookie, or a new one (then True)."""
    seed = request.cookies.get(CSRF_COOKIE)
    if security.valid_seed(seed):
        return seed, False
    return security.new_seed(), True


def csrf_ok() -> bool:
    """The POST comes from our own page: same-site, and its token matches the cookie."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.host:
        return False
    cookie = request.cookies.get(CSRF_COOKIE)
    return security.token_matches(secret_key(), cookie, request.form.get("csrf_token"))


def lesson_response(body: str | None, seed: str, new_seed: bool, status: int = 200):
    response = make_response(body or "", status)
    response.headers["Vary"] = "Cookie"
    if new_seed:
        response.set_cookie(
            CSRF_COOKIE, seed, httponly=True, samesite="Lax", secure=request.is_secure
        )
    return response


@bp.get("/lessons/<slug>")
def lesson_page(slug: str):
    version, page = page_for(lesson_entry(slug))
    seed, new_seed = csrf_seed()
    token = security.token_for(secret_key(), seed)
    work = membership.work_for(page)
    if work is not None:  # a class member's own page, with their answers: not cached
        return member_page(work, seed, new_seed, token)
    etag = hashlib.sha256(f"{version}:{token}".encode()).hexdigest()[:24]
    if not new_seed and request.if_none_match.contains(etag):
        response = lesson_response(None, seed, new_seed, 304)
    else:
        html = page_cache().get(("html", version), lambda: render_lesson(page, _TOKEN_SLOT))
        response = lesson_response(html.replace(_TOKEN_SLOT, token), seed, new_seed)
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.post("/lessons/<slug>")
@checked_in_view  # the signed double-submit token of the cached page (csrf_ok)
def lesson_answers(slug: str):
    """The no-JavaScript check: the pressed question's try (every answered question's
    for the form's default button), shown on the page with the others' feedback."""
    _version, page = page_for(lesson_entry(slug))
    if not csrf_ok():
        return csrf_failed()
    form = request.form
    pressed = form.get("check")  # None for "Show answer"; "" for the default button
    everything = [s.key for s in page.slots]
    tried = everything if pressed == "" else [pressed or ""]
    work, outcomes, states = checked(
        page, form, everything, tried, [form.get("reveal", "")], membership.work_for(page)
    )
    shown = {k: o for k, o in outcomes.items() if shows_feedback(k, o, pressed)}
    revealed = [k for k in (pressed, form.get("reveal")) if k in shown and shown[k].mode == ANSWER]
    seed = request.cookies[CSRF_COOKIE]
    html = render_lesson(
        page,
        security.token_for(secret_key(), seed),
        outcomes=shown,
        states=states,
        values=work.values(form) if work else form,
        highlighted={i for k in revealed for i in page.evidence.get(k, [])},
        summary=tally(page.slots, states),
        member=work.member if work else None,
    )
    response = lesson_response(html, seed, False)
    response.headers["Cache-Control"] = "no-store"
    return response


def shows_feedback(key: str, outcome: Outcome, pressed: str | None) -> bool:
    """Without JavaScript, "answer the question first" is said only of the pressed one."""
    unanswered = outcome.mode == MESSAGE and outcome.result.status == "unanswered"
    return bool(outcome.mode) and (not unanswered or key == pressed)


@bp.post("/lessons/<slug>/check")
@checked_in_view  # the signed double-submit token of the cached page (csrf_ok)
def lesson_check(slug: str):
    """The page's "Check" and "Show answer" buttons: the questions in ``checked`` (and
    ``attempt``, ``reveal``) with each one's feedback HTML, and the summary, as JSON.
    ``attempt`` names the questions tried now: without it nothing moves on, and a first
    wrong try never returns the answer."""
    _version, page = page_for(lesson_entry(slug))
    if not csrf_ok():
        return jsonify(error="This page is out of date. Reload it, then check again."), 400
    form = request.form
    tried, revealed = form.getlist("attempt"), form.getlist("reveal")
    keys = [*form.getlist("checked"), *tried, *revealed]
    work = membership.work_for(page)
    if work and not tried and not revealed:  # a class member's page loading: all comes back
        keys += list(work.stored)
    work, outcomes, states = checked(page, form, keys, tried, revealed, work)
    restored = work.restored if work else {}
    summary = get_template_attribute("lesson_parts.html", "summary")
    payload = {
        "results": {k: outcome_json(page, k, o, restored.get(k)) for k, o in outcomes.items()},
        "summary_html": str(summary(page, tally(page.slots, states))),
    }
    response = jsonify(payload)
    response.headers["Cache-Control"] = "no-store"
    return response


def outcome_json(page: LessonPage, key: str, outcome: Outcome, fields: dict | None = None) -> dict:
    """A question's result for the page's script; ``fields``: a class member's stored
    answer, put back in a question this browser had not answered."""
    feedback = get_template_attribute("lesson_parts.html", "feedback")
    action = url_for("lessons.lesson_page", slug=page.lesson.slug)
    html = str(feedback(page, page.slot(key), outcome, action)) if outcome.mode else ""
    return {**outcome.to_dict(), "html": html} | ({"fields": fields} if fields else {})


def csrf_failed():
    message = (
        "This page was open too long or came from somewhere else, so your answers were "
        "not checked. Open the lesson again and check your answers."
    )
    return error_page("Please reload the lesson", message, 400)


# --------------------------------------------------------------------------- class members
# A student who joined a class (companion.web.membership) and opens one of its lessons
# gets a page of their own: their recorded answers filled in, the database's first
# tries, every check recorded. Without a class, nothing below runs.


def checked(
    page: LessonPage,
    form: Mapping[str, str],
    keys: list[str],
    tried: list[str],
    revealed: list[str],
    work: membership.Work | None,
) -> tuple[membership.Work | None, dict[str, Outcome], dict[str, TryState]]:
    """``check_answers``; for a class member, against their stored answers and try
    states, and recorded. (work, outcomes, states)"""
    if work is None:
        return None, *check_answers(page.slots, form.get, keys, tried, revealed)
    outcomes, states = check_answers(page.slots, work.getter(form), keys, tried, revealed)
    if membership.record(work, outcomes, tried, revealed):  # another device tried first
        work = membership.reload(work)
        outcomes, states = check_answers(page.slots, work.getter(form), keys)
    return work, outcomes, states


def member_page(work: membership.Work, seed: str, new_seed: bool, token: str):
    """The lesson page with a member's answers, feedback and results, and the bar naming
    their class: personal, so ``no-store`` (no ETag, nothing kept on a shared computer)."""
    page = work.page
    outcomes, states = check_answers(page.slots, work.getter({}), list(work.stored))
    html = render_lesson(
        page,
        token,
        outcomes={key: o for key, o in outcomes.items() if o.mode},
        states=states,
        values=work.values({}),
        summary=tally(page.slots, states) if work.stored else None,
        member=work.member,
    )
    response = lesson_response(html, seed, new_seed)
    response.headers["Cache-Control"] = "private, no-store"
    return response
