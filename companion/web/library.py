"""The index page (``/``): a page of the lesson index, searched and filtered.

The rows come from the lesson index in the database (companion.accounts.library), never
from parsing every file. The first request of a process starts the index's background
build, so ``/healthz`` answers at once; until the build is done, the index page waits
for it at most ``COMPANION_INDEX_WAIT`` seconds (1.5 by default) and then shows the
lessons indexed so far, with the build's progress. Afterwards the rows are brought up
to date (one ``stat`` per file; only changed files are read) by each index request for a
library of up to ``library.INLINE_FILES`` files, by a polling thread about every second
for a larger one.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, current_app, render_template, request

from companion.accounts.library import GRADE_BANDS, REVIEW_STATES, SORTS, LessonIndex, Query
from companion.web.auth import current_teacher


def setup_library(app: Flask, content_dir) -> None:
    """The lesson index of ``content_dir`` in the app's database; its build starts with
    the process's first request (of any page)."""
    index = LessonIndex(app.extensions["companion_accounts"], content_dir)
    app.extensions["companion_library"] = index

    @app.before_request
    def start_index_build() -> None:
        index.start_background_build()  # once: later calls return at once


def library() -> LessonIndex:
    return current_app.extensions["companion_library"]


def index_page():
    return render_template("library.html", **listing(current_teacher() is not None))


def listing(teacher: bool) -> dict:
    """A page of the lesson index as the request asks for it, with what the listing
    templates need (the index page and the teacher's home share it): waits a moment for
    the first build, else brings the rows up to date."""
    index = library()
    if index.building():
        index.wait(current_app.config["COMPANION_SETTINGS"].index_wait)
    if not index.building():
        index.refresh()
    query = read_query(teacher)
    return {
        "results": index.find(query),
        "query": query.clean(),
        "progress": index.progress if index.building() else None,
        "subjects": index.subjects(),
        "collections": index.collections(),
        "grade_bands": GRADE_BANDS,
        "review_states": REVIEW_STATES,
        "page_url": page_url,
    }


def read_query(teacher: bool) -> Query:
    args = request.args
    try:
        page = int(args.get("page", "1"))
    except ValueError:
        page = 1
    return Query(
        search=args.get("q", ""),
        review=args.get("review", "") if teacher else "",  # review states are for teachers
        grade=args.get("grade", ""),
        subject=args.get("subject", ""),
        tag=args.get("tag", ""),
        collection=args.get("collection", ""),
        sort=args.get("sort", "title") if args.get("sort") in SORTS else "title",
        page=page,
    )


def page_url(query: Query, page: int) -> str:
    """The index URL of another page of the same search."""
    params = {
        "q": query.search,
        "review": query.review,
        "grade": query.grade,
        "subject": query.subject,
        "tag": query.tag,
        "collection": query.collection,
        "sort": "" if query.sort == "title" else query.sort,
        "page": "" if page == 1 else str(page),
    }
    kept = {k: v for k, v in params.items() if v}
    return request.path + ("?" + urlencode(kept) if kept else "")
