"""Worksheets and answer keys as HTML documents and as PDF (WeasyPrint).

The web app renders the same templates through Flask for the browser's print view; this
module renders them without Flask (for the PDF routes and ``companion print``), so the
two never drift apart. WeasyPrint never touches the network: its URL fetcher serves the
app's own static files and refuses everything else.
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2

from companion.common.settings import PROJECT_ROOT
from companion.common.textutil import plural
from companion.lesson.kinds import KIND_LIST, kind
from companion.views.render import render_markdown
from companion.views.worksheet import Worksheet, page_css

TEMPLATES = PROJECT_ROOT / "templates"
STATIC = PROJECT_ROOT / "static"
BASE_URL = "http://companion.invalid/"  # the PDF's own base: never fetched from the network
PRINT_CSS = "css/print.css"
TEMPLATE = {False: "worksheet.html", True: "answer_key.html"}
# The kind table for the templates (also registered by the web app): every kind in order,
# and the lookup by name; and ``plural`` ("1 passage", "2 passages").
KIND_GLOBALS = {"question_kinds": KIND_LIST, "question_kind": kind, "plural": plural}

log = logging.getLogger(__name__)


@dataclass
class Links:
    """URLs for the screen view's toolbar (None in a PDF, which has no toolbar)."""

    lesson: str
    index: str
    worksheet: str
    answer_key: str
    worksheet_pdf: str
    answer_key_pdf: str
    form_action: str
    page_css: str
    favicon: str = "/favicon.ico"
    show_answer_key: bool = True  # False for students: no link to the (teacher-only) key


def document_context(
    worksheet: Worksheet,
    answer_key: bool,
    print_css_url: str,
    links: Links | None = None,
    problem: str = "",
) -> dict[str, Any]:
    """Everything the worksheet templates use, besides the globals (``markdown`` and
    ``KIND_GLOBALS``). ``problem``: what is wrong with the print options form's choices
    (the sheet is then not shown)."""
    return {
        "ws": worksheet,
        "answer_key": answer_key,
        "links": links,
        "print_css_url": print_css_url,
        "problem": problem,
    }


@lru_cache(maxsize=1)
def template_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(markdown=render_markdown, **KIND_GLOBALS)
    return env


def render_document(worksheet: Worksheet, answer_key: bool = False) -> str:
    """The print document (no toolbar) as an HTML string."""
    template = template_environment().get_template(TEMPLATE[answer_key])
    return template.render(
        document_context(worksheet, answer_key, print_css_url=f"/static/{PRINT_CSS}")
    )


# --------------------------------------------------------------------------- fetching


def static_fetcher(static_dir: Path = STATIC):
    """WeasyPrint's URL fetcher: files under /static/ of BASE_URL, nothing else.

    Refusing (raising) makes WeasyPrint skip the resource with a warning, so a lesson can
    never make the server fetch a URL or read a file outside static/.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            path = static_path(url, static_dir)
            mime, _ = mimetypes.guess_type(path.name)
            content_type = mime or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return StaticFetcher(allowed_protocols=("http",))


def static_path(url: str, static_dir: Path = STATIC) -> Path:
    """The file a URL of BASE_URL/static/ names; ValueError for any other URL."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        raise ValueError(f"refusing to fetch {url!r}: only the app's static files are served")
    path_text = unquote(parts.path)
    if not path_text.startswith("/static/"):
        raise ValueError(f"refusing to fetch {url!r}: not a static file")
    root = static_dir.resolve()
    path = (root / path_text.removeprefix("/static/")).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise ValueError(f"refusing to fetch {url!r}: no such static file")
    return path


# --------------------------------------------------------------------------- PDF


@dataclass
class Pdf:
    data: bytes
    pages: int


def layout(worksheet: Worksheet, answer_key: bool = False):
    """The laid-out WeasyPrint document (pages and boxes), before it is written."""
    from weasyprint import CSS, HTML  # imported here: it is slow to import

    html = HTML(
        string=render_document(worksheet, answer_key),
        base_url=BASE_URL,
        url_fetcher=static_fetcher(),
    )
    return html.render(stylesheets=[CSS(string=page_css(worksheet, answer_key))])


def render_pdf(worksheet: Worksheet, answer_key: bool = False) -> Pdf:
    """The worksheet (or its answer key) as a PDF, with WeasyPrint."""
    document = layout(worksheet, answer_key)
    return Pdf(document.write_pdf(), len(document.pages))
