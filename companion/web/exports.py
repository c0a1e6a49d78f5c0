"""The exports blueprint: a lesson as a download for the teacher's LMS (GIFT, Moodle XML,
QTI, text2qti, Quizlet, CSV), for signed-in teachers only: the files hold the answers
(docs/exports.md). The formats are written by ``companion.views.exports``."""

from __future__ import annotations

from flask import Blueprint, Response, abort

from companion.views.exports import FORMATS, ExportError, export_format
from companion.web.auth import teacher_required
from companion.web.pages import error_page, lesson_entry

bp = Blueprint("exports", __name__)


@bp.record_once
def _register(state) -> None:
    """The formats, for the templates' download links (templates/export_parts.html)."""
    state.app.jinja_env.globals.update(export_formats=FORMATS)


@bp.get("/teacher/lessons/<slug>/export/<name>")
@teacher_required
def download(slug: str, name: str):
    entry = lesson_entry(slug)
    try:
        fmt = export_format(name)
    except ExportError:
        abort(404)
    try:
        exported = fmt.write(entry.lesson)
    except ExportError as exc:
        return error_page("Nothing to download", f"{slug}.md: {exc.message}", 409)
    disposition = f'attachment; filename="{fmt.filename(slug)}"'
    headers = {"Content-Disposition": disposition, "Cache-Control": "private, no-store"}
    return Response(exported.data, content_type=fmt.mimetype, headers=headers)
