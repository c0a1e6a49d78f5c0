"""The web layer: the Flask application factory and a blueprint per area.

Only this package imports Flask (import-linter checks it). The pages it serves are
built by ``companion.views``; lessons come from ``companion.lesson``.
"""

from __future__ import annotations

from flask import Flask, render_template, request, send_from_directory
from werkzeug.middleware.proxy_fix import ProxyFix

from companion.accounts.database import open_database
from companion.common.settings import PROJECT_ROOT, Settings, load_settings
from companion.lesson.store import LessonStore
from companion.views.pdf import KIND_GLOBALS
from companion.views.render import render_markdown
from companion.web import class_admin, classes, csrf, lessons, signin, teacher, worksheets
from companion.web import exports as lms_exports
from companion.web.auth import setup_login
from companion.web.library import setup_library
from companion.web.pages import setup_pages

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
STATIC_MAX_AGE = 365 * 24 * 3600  # static URLs carry ?v=<content hash>, so they never go stale


def create_app(config: dict | None = None) -> Flask:
    """Application factory (see the Flask tutorial's flaskr).

    ``config`` wins over the environment, which wins over the defaults
    (``companion.common.settings``); a bad setting stops the app here, with one line.
    """
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    settings: Settings = load_settings(config)
    app.config.update(MAX_CONTENT_LENGTH=64 * 1024)
    if config:
        app.config.update(config)
    app.config["COMPANION_SETTINGS"] = settings
    app.json.sort_keys = False
    app.extensions["companion_store"] = LessonStore(settings.content_dir)
    app.jinja_env.globals.update(markdown=render_markdown, **KIND_GLOBALS)  # and plural
    setup_pages(app, settings)
    setup_login(app, open_database(settings.database_url))  # migrated to the newest schema
    setup_library(app, settings.content_dir)  # the lesson index, in the same database
    csrf.protect(app)
    if settings.behind_proxy:  # one reverse proxy: its scheme and client address count
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)
    app.register_blueprint(lessons.bp)
    app.register_blueprint(worksheets.bp)
    app.register_blueprint(lms_exports.bp)  # lessons for LMSs, for teachers (docs/exports.md)
    app.register_blueprint(signin.bp)
    app.register_blueprint(teacher.bp)
    app.register_blueprint(classes.bp)  # students join classes (docs/classes.md)
    app.register_blueprint(class_admin.bp)  # teachers' classes and dashboards
    _register_handlers(app)
    return app


def _register_handlers(app: Flask) -> None:
    @app.get("/favicon.ico")
    def favicon():
        """The icon browsers ask for on every page that does not name one."""
        return send_from_directory(
            app.static_folder or "static",
            "favicon.ico",
            mimetype="image/vnd.microsoft.icon",
            max_age=24 * 3600,
        )

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

