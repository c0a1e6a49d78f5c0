"""What every blueprint shares: the lesson store, look-ups that 404 or 503, the page
cache, content-hashed static URLs and the CSRF secret."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from flask import Flask, abort, current_app, make_response, render_template, url_for

from companion.common.settings import Settings
from companion.lesson.store import Entry, LessonStore
from companion.views.marking import prompt_html
from companion.views.page import highlight, sequence_order
from companion.web import security


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


def setup_pages(app: Flask, settings: Settings) -> None:
    """Secret key for CSRF tokens, page cache, build id and template helpers."""
    secret = settings.secret_key or security.load_or_create_secret(
        Path(app.instance_path) / "secret_key"
    )
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
    for folder in (Path(app.template_folder or "templates"), Path(app.static_folder or "static")):
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


def settings() -> Settings:
    return current_app.config["COMPANION_SETTINGS"]


def store() -> LessonStore:
    return current_app.extensions["companion_store"]


def page_cache() -> PageCache:
    return current_app.extensions["companion_pages"]


def lesson_or_404(slug: str) -> Entry:
    entry = store().get(slug)
    if entry is None:
        abort(404)
    return entry


def lesson_entry(slug: str) -> Entry:
    """A lesson that loads: 404 when there is none, 503 with its error when it is broken."""
    entry = lesson_or_404(slug)
    if entry.lesson is None:
        abort(make_response(render_template("broken.html", entry=entry), 503))
    return entry


def error_page(title: str, message: str, status: int):
    return render_template("error.html", title=title, message=message), status
