"""`companion export-site OUT/`: every lesson as static files that work from any web
server or an LMS's file area, without Companion running (docs/exports.md).

The pages are the app's own, rendered by its views and templates inside a request
context (as Frozen-Flask does), and then written as ``.html`` files with every link
made relative to the page: Frozen-Flask would save ``/lessons/x`` as a file named
``x``, which a plain file server sends as a download rather than a page, and keeps
root-relative links, which break in a sub-folder of an LMS. The lesson page gets the
data to check answers in the browser (``companion.views.static_page``) and
``static/js/static-check.js``; its feedback for each outcome is rendered here by the
same template the server uses.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, get_template_attribute, render_template, url_for

from companion.common.errors import CompanionError
from companion.common.files import write_atomic_bytes
from companion.lesson.store import Entry
from companion.views.page import LessonPage
from companion.views.pdf import document_context, render_pdf
from companion.views.static_page import Render, static_key
from companion.views.worksheet import build_worksheet, page_css, parse_options
from companion.web import create_app
from companion.web.lessons import page_for, render_lesson
from companion.web.pages import settings, static_url, store
from companion.web.worksheets import worksheet_links

_LINK = re.compile(r'(\s(?:href|src|action|formaction|data-check-url)=")(/(?!/)[^"]*)"')
_LINE_BREAKS = re.compile(r"\s*\n\s*")  # the template's indentation: one line break is as good
_LESSON_URL = re.compile(r"^/lessons/([a-z0-9-]+)(?:/(check|worksheet|answer-key)(\.pdf|\.css)?)?$")


class SiteError(CompanionError):
    """A static site that cannot be written where it was asked for."""


@dataclass
class Site:
    """What ``export_site`` wrote: files (relative to the folder), lessons, lesson files
    left out (broken: the index says so), and links it could not make static."""

    folder: Path
    files: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    broken: list[tuple[str, str]] = field(default_factory=list)
    unknown_links: set[str] = field(default_factory=set)

    def write(self, name: str, data: bytes | str) -> None:
        body = data.encode("utf-8") if isinstance(data, str) else data
        write_atomic_bytes(self.folder / name, body)
        self.files.append(name)

    def page(self, name: str, html: str) -> None:
        """An HTML page, its links made relative to it."""
        self.write(name, self.relative_links(html, name))

    def relative_links(self, html: str, page: str) -> str:
        return _LINK.sub(lambda m: f'{m.group(1)}{self.relative(m.group(2), page)}"', html)

    def relative(self, url: str, page: str) -> str:
        """A root-relative URL of the app as a link from ``page`` to a file of the site
        (a static file keeps its ``?v=`` content hash; other query strings go)."""
        path, hash_mark, fragment = url.partition("#")
        path, _, query = path.partition("?")
        target = site_path(path)
        if target is None:
            self.unknown_links.add(path)
            return url
        link = posixpath.relpath(target, posixpath.dirname(page) or ".")
        if query and target.startswith("static/"):
            link += "?" + query
        return link + hash_mark + fragment


def site_path(path: str) -> str | None:
    """The file of the static site that stands for an app URL path (None: there is none)."""
    if path == "/":
        return "index.html"
    if path == "/favicon.ico" or path.startswith("/static/"):
        return path.removeprefix("/")
    match = _LESSON_URL.match(path)
    if match is None:
        return None
    slug, page, suffix = match.groups()
    if page in (None, "check"):  # the check URL is never used: the page checks itself
        return f"lessons/{slug}.html"
    return f"lessons/{slug}/{page}{suffix or '.html'}"


def check_site_folder(folder: Path, force: bool) -> None:
    """A site is written into a new or empty folder; into one holding files only with
    ``--force`` (its files are replaced, nothing is deleted)."""
    if folder.exists() and not folder.is_dir():
        raise SiteError("is a file, not a folder", str(folder))
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise SiteError(
            "is not empty: use --force to write the site into it (files of the same name "
            "are replaced, nothing is deleted)",
            str(folder),
        )


def export_site(folder: Path, content: Path, answer_keys: bool = True) -> Site:
    """Write the site for the lessons in ``content`` into ``folder``."""
    site = Site(folder)
    with tempfile.TemporaryDirectory(prefix="companion-site-") as tmp:
        app = create_app(
            {
                "CONTENT_DIR": str(content),
                "DATABASE_URL": f"sqlite:///{Path(tmp) / 'site.db'}",  # no accounts here
                "SECRET_KEY": secrets.token_hex(32),
            }
        )
        with app.test_request_context("/"):
            write_pages(app, site, answer_keys)
        app.extensions["companion_accounts"].dispose()
    return site


def write_pages(app: Flask, site: Site, answer_keys: bool) -> None:
    entries = store().entries()
    rows = [{"entry": e, "stats": e.lesson.stats if e.lesson else None} for e in entries]
    site.page("index.html", render_template("index.html", rows=rows, static_site=True))
    for entry in entries:
        if entry.lesson is None:
            site.broken.append((entry.path.name, entry.error or ""))
            continue
        write_lesson(site, entry)
        write_print(site, entry, answer_key=False)
        if answer_keys:
            write_print(site, entry, answer_key=True)
        site.lessons.append(entry.slug)
    copy_static(app, site)


def write_lesson(site: Site, entry: Entry) -> None:
    name = f"lessons/{entry.slug}.html"
    _version, page = page_for(entry)
    key = static_key(page, feedback_renderer(site, page, name))
    site.page(name, render_lesson(page, "", static_key=key))


def feedback_renderer(site: Site, page: LessonPage, name: str) -> Render:
    """The server's feedback for a question's outcome, with links relative to the page."""
    macro = get_template_attribute("lesson_parts.html", "feedback")
    action = url_for("lessons.lesson_page", slug=page.lesson.slug)

    def render(slot, outcome) -> str:
        html = _LINE_BREAKS.sub("\n", str(macro(page, slot, outcome, action))).strip()
        return site.relative_links(html, name)

    return render


def write_print(site: Site, entry: Entry, answer_key: bool) -> None:
    """The worksheet (or answer key) as HTML, its page CSS and its PDF, with the default
    print options (there is no server to read the options form: it is left out)."""
    worksheet = build_worksheet(entry.lesson, parse_options({}, settings().paper))
    links = dataclasses.replace(
        worksheet_links(entry.slug, worksheet, answer_key), form_action="", show_answer_key=False
    )
    context = document_context(
        worksheet, answer_key, print_css_url=static_url("css/print.css"), links=links
    )
    stem = f"lessons/{entry.slug}/{'answer-key' if answer_key else 'worksheet'}"
    template = "answer_key.html" if answer_key else "worksheet.html"
    site.page(f"{stem}.html", render_template(template, **context))
    site.write(f"{stem}.css", page_css(worksheet, answer_key))
    site.write(f"{stem}.pdf", render_pdf(worksheet, answer_key).data)


def copy_static(app: Flask, site: Site) -> None:
    """The styles, scripts and fonts, and the icon at the top as browsers ask for it."""
    source = Path(app.static_folder or "static")
    shutil.copytree(source, site.folder / "static", dirs_exist_ok=True)
    shutil.copy2(source / "favicon.ico", site.folder / "favicon.ico")
    site.files += ["static/", "favicon.ico"]
