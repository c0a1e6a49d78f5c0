"""Companion's web layer: a thin Flask shell over the companion library."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, jsonify, render_template

from companion.config import content_dir
from companion.lesson import KIND_LABELS
from companion.readability import lesson_stats
from companion.render import render_markdown
from companion.store import Entry, LessonStore

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
    app.register_blueprint(bp)

    @app.after_request
    def add_security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
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


@bp.get("/lessons/<slug>")
def lesson_page(slug: str):
    entry = lesson_or_404(slug)
    if entry.lesson is None:
        return render_template("broken.html", entry=entry), 503
    return render_template("lesson.html", lesson=entry.lesson, stats=lesson_stats(entry.lesson))


@bp.get("/lessons/<slug>.json")
def lesson_json(slug: str):
    entry = lesson_or_404(slug)
    if entry.lesson is None:
        return jsonify({"error": entry.error}), 503
    return jsonify(entry.lesson.to_dict())


@bp.get("/healthz")
def healthz():
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
