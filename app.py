"""Companion's web layer: a thin Flask shell over the companion library."""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    get_template_attribute,
    jsonify,
    make_response,
    render_template,
    request,
    url_for,
)

from companion import security
from companion.config import content_dir
from companion.grading import Result, grade_form, summarize
from companion.lesson import KIND_LABELS
from companion.marking import prompt_html
from companion.page import LessonPage, build_page, highlight, sequence_order
from companion.pdf import Links, document_context, render_pdf
from companion.readability import lesson_stats
from companion.render import render_markdown
from companion.store import Entry, LessonStore
from companion.worksheet import (
    OptionsError,
    Worksheet,
    build_worksheet,
    default_paper,
    page_css,
    parse_options,
)

bp = Blueprint("lessons", __name__)

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
CSRF_COOKIE = "companion_csrf"
STATIC_MAX_AGE = 365 * 24 * 3600  # static URLs carry ?v=<content hash>, so they never go stale


def create_app(config: dict | None = None) -> Flask:
    """Application factory (see the Flask tutorial's flaskr)."""
    app = Flask(__name__, template_folder="templates", static_folder="static")
    app.config.update(
        CONTENT_DIR=os.environ.get("COMPANION_CONTENT") or str(content_dir()),
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    if config:
        app.config.update(config)
    app.json.sort_keys = False
    app.extensions["companion_store"] = LessonStore(Path(app.config["CONTENT_DIR"]))
    app.jinja_env.globals.update(markdown=render_markdown, kind_labels=KIND_LABELS)
    setup_lesson_page(app)
    app.register_blueprint(bp)

    @app.after_request
    def add_security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.endpoint == "static" and request.args.get("v"):
            response.headers["Cache-Control"] = f"public, max-age={STATIC_MAX_AGE}, immutable"
        return response

    @app.errorhandler(404)
    def not_found(_error):
        return render_template(
            "error.html", title="Not found", message="There is no such page or lesson."
        ), 404

    @app.errorhandler(500)
    def server_error(_error):
        return render_template(
            "error.html", title="Something went wrong", message="The page could not be shown."
        ), 500

    return app


def store() -> LessonStore:
    return current_app.extensions["companion_store"]


def lesson_or_404(slug: str) -> Entry:
    entry = store().get(slug)
    if entry is None:
        abort(404)
    return entry


@bp.get("/")
def index():
    rows = []
    for entry in store().entries():
        stats = lesson_stats(entry.lesson) if entry.lesson else None
        rows.append({"entry": entry, "stats": stats})
    return render_template("index.html", rows=rows)


@bp.get("/lessons/<slug>.json")
def lesson_json(slug: str):
    entry = lesson_or_404(slug)
    if entry.lesson is None:
        return jsonify({"error": entry.error}), 503
    return jsonify(entry.lesson.to_dict())


@bp.get("/healthz")
def healthz():
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}


# --------------------------------------------------------------------------- lesson page
# The student page (docs/lesson-page.md). Its content is built once per lesson version
# (companion.page) and the rendered HTML is cached; answers are graded by
# companion.grading, for the no-JavaScript form POST and for the page's "Check" buttons.

_TOKEN_SLOT = "csrf-" + secrets.token_hex(16)  # stands for the token in cached HTML


class PageCache:
    """A small thread-safe LRU of values per lesson version (pages and their HTML)."""

    def __init__(self, size: int = 64):
        self.size = size
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, make: Callable[[], object]):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def setup_lesson_page(app: Flask) -> None:
    """Secret key for CSRF tokens, page cache, build id and template helpers."""
    secret = os.environ.get("COMPANION_SECRET_KEY") or app.config.get("SECRET_KEY")
    if not secret:
        secret = security.load_or_create_secret(Path(app.instance_path) / "secret_key")
    app.config["SECRET_KEY"] = secret
    app.extensions["companion_pages"] = PageCache()
    app.extensions["companion_static"] = {}
    app.config["PAGE_BUILD"] = build_id(app)
    app.jinja_env.globals.update(static_url=static_url, prompt_html=prompt_html)
    app.jinja_env.globals.update(highlight=highlight, sequence_order=sequence_order)


def build_id(app: Flask) -> str:
    """Changes whenever a template or static file changes, so that cached pages and
    their ETags do too."""
    digest = hashlib.sha256()
    for folder in (Path(app.root_path) / "templates", Path(app.static_folder or "static")):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()[:12]


def static_url(filename: str) -> str:
    """A static file's URL with ``?v=<hash of its content>`` (cached for a year)."""
    path = Path(current_app.static_folder or "static") / filename
    key = (filename, path.stat().st_mtime_ns)
    digests = current_app.extensions["companion_static"]
    if key not in digests:
        digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    return url_for("static", filename=filename, v=digests[key])


def secret_key() -> bytes:
    key = current_app.config["SECRET_KEY"]
    return key.encode() if isinstance(key, str) else key


def page_for(entry: Entry) -> tuple[str, LessonPage]:
    """The lesson page's content and its version (lesson file version + build)."""
    raw = f"{current_app.config['PAGE_BUILD']}:{entry.slug}:{entry.mtime_ns}:{entry.size}"
    version = hashlib.sha256(raw.encode()).hexdigest()[:16]
    cache: PageCache = current_app.extensions["companion_pages"]
    page = cache.get(("page", version), lambda: build_page(entry.lesson, render_markdown))
    return version, page


def render_lesson(page: LessonPage, token: str, **context) -> str:
    context.setdefault("results", {})
    context.setdefault("values", {})
    return render_template(
        "lesson.html",
        page=page,
        lesson=page.lesson,
        stats=lesson_stats(page.lesson),
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


def lesson_entry(slug: str) -> Entry:
    entry = lesson_or_404(slug)
    if entry.lesson is None:
        abort(make_response(render_template("broken.html", entry=entry), 503))
    return entry


@bp.get("/lessons/<slug>")
def lesson_page(slug: str):
    version, page = page_for(lesson_entry(slug))
    seed, new_seed = csrf_seed()
    token = security.token_for(secret_key(), seed)
    etag = hashlib.sha256(f"{version}:{token}".encode()).hexdigest()[:24]
    if not new_seed and request.if_none_match.contains(etag):
        response = lesson_response(None, seed, new_seed, 304)
    else:
        cache: PageCache = current_app.extensions["companion_pages"]
        html = cache.get(("html", version), lambda: render_lesson(page, _TOKEN_SLOT))
        response = lesson_response(html.replace(_TOKEN_SLOT, token), seed, new_seed)
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.post("/lessons/<slug>")
def lesson_answers(slug: str):
    """The no-JavaScript check: grade the whole form and show the page with feedback."""
    _version, page = page_for(lesson_entry(slug))
    if not csrf_ok():
        return csrf_failed(slug)
    results = grade_form(page.slots, request.form.get)
    pressed = request.form.get("check", "")
    shown = {k: r for k, r in results.items() if r.status != "unanswered" or k == pressed}
    seed = request.cookies[CSRF_COOKIE]
    html = render_lesson(
        page,
        security.token_for(secret_key(), seed),
        results=shown,
        values=request.form,
        pressed=pressed,
        highlighted=set(page.evidence.get(pressed, [])),
        summary=summarize(page.slots, results),
    )
    response = lesson_response(html, seed, False)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/lessons/<slug>/check")
def lesson_check(slug: str):
    """The page's "Check" buttons: grade the questions in ``checked`` and return each
    one's feedback HTML and the end-of-lesson summary, as JSON."""
    _version, page = page_for(lesson_entry(slug))
    if not csrf_ok():
        return jsonify(error="This page is out of date. Reload it, then check again."), 400
    results = grade_form(page.slots, request.form.get, request.form.getlist("checked"))
    feedback = get_template_attribute("lesson_parts.html", "feedback")
    summary = get_template_attribute("lesson_parts.html", "summary")
    payload = {
        "results": {key: result_json(page, key, r, feedback) for key, r in results.items()},
        "summary_html": str(summary(page, summarize(page.slots, results))),
    }
    response = jsonify(payload)
    response.headers["Cache-Control"] = "no-store"
    return response


def result_json(page: LessonPage, key: str, result: Result, feedback) -> dict:
    return {**result.to_dict(), "html": str(feedback(page, page.slot(key), result))}


def csrf_failed(slug: str):
    message = (
        "This page was open too long or came from somewhere else, so your answers were "
        "not checked. Open the lesson again and check your answers."
    )
    page = render_template(
        "error.html", title="Please reload the lesson", message=message
    )
    return page, 400


# --------------------------------------------------------------------------- worksheets
# Printable worksheets and answer keys (docs/worksheets.md). The options and the model
# live in companion.worksheet, the PDF rendering in companion.pdf.


def worksheet_for(slug: str) -> Worksheet:
    """The worksheet of a lesson with the request's options: 404, 503, or 400 naming the
    bad option."""
    entry = lesson_or_404(slug)
    if entry.lesson is None:
        abort(make_response(render_template("broken.html", entry=entry), 503))
    paper = current_app.config.get("WORKSHEET_PAPER") or default_paper()
    try:
        options = parse_options(request.args.to_dict(flat=False), paper)
    except OptionsError as exc:
        page = render_template("error.html", title="Bad worksheet option", message=str(exc))
        abort(make_response(page, 400))
    return build_worksheet(entry.lesson, options)


def worksheet_links(slug: str, worksheet: Worksheet, answer_key: bool) -> Links:
    query = worksheet.options.query()
    view = "lessons.answer_key" if answer_key else "lessons.worksheet"
    return Links(
        lesson=url_for("lessons.lesson_page", slug=slug),
        index=url_for("lessons.index"),
        worksheet=url_for("lessons.worksheet", slug=slug, **query),
        answer_key=url_for("lessons.answer_key", slug=slug, **query),
        worksheet_pdf=url_for("lessons.worksheet_pdf", slug=slug, **query),
        answer_key_pdf=url_for("lessons.answer_key_pdf", slug=slug, **query),
        form_action=url_for(view, slug=slug),
        page_css=url_for(f"{view}_css", slug=slug, **query),
    )


def print_view(slug: str, answer_key: bool):
    worksheet = worksheet_for(slug)
    context = document_context(
        worksheet,
        answer_key,
        print_css_url=url_for("static", filename="css/print.css"),
        links=worksheet_links(slug, worksheet, answer_key),
    )
    return render_template("answer_key.html" if answer_key else "worksheet.html", **context)


def print_pdf(slug: str, answer_key: bool) -> Response:
    worksheet = worksheet_for(slug)
    pdf = render_pdf(worksheet, answer_key)
    name = f"{slug}-{'answer-key' if answer_key else 'worksheet'}"
    if worksheet.options.version:
        name += f"-{worksheet.options.version}"
    disposition = f'inline; filename="{name}.pdf"'
    return Response(
        pdf.data, mimetype="application/pdf", headers={"Content-Disposition": disposition}
    )


def print_page_css(slug: str, answer_key: bool) -> Response:
    css = page_css(worksheet_for(slug), answer_key)
    return Response(css, mimetype="text/css")


@bp.get("/lessons/<slug>/worksheet")
def worksheet(slug: str):
    return print_view(slug, answer_key=False)


@bp.get("/lessons/<slug>/answer-key")
def answer_key(slug: str):
    return print_view(slug, answer_key=True)


@bp.get("/lessons/<slug>/worksheet.pdf")
def worksheet_pdf(slug: str):
    return print_pdf(slug, answer_key=False)


@bp.get("/lessons/<slug>/answer-key.pdf")
def answer_key_pdf(slug: str):
    return print_pdf(slug, answer_key=True)


@bp.get("/lessons/<slug>/worksheet.css")
def worksheet_css(slug: str):
    """The worksheet's @page rule (paper size, footer title): see worksheet.page_css."""
    return print_page_css(slug, answer_key=False)


@bp.get("/lessons/<slug>/answer-key.css")
def answer_key_css(slug: str):
    return print_page_css(slug, answer_key=True)
