"""The worksheets blueprint: printable worksheets and answer keys, as HTML and PDF
(docs/worksheets.md). The options and the model live in ``companion.views.worksheet``,
the PDF rendering in ``companion.views.pdf``."""

from __future__ import annotations

from flask import Blueprint, Response, abort, make_response, render_template, request, url_for

from companion.views.pdf import Links, document_context, render_pdf
from companion.views.worksheet import (
    NoKindsError,
    OptionsError,
    Worksheet,
    WorksheetOptions,
    build_worksheet,
    page_css,
    parse_options,
)
from companion.web.auth import current_teacher, teacher_required
from companion.web.pages import error_page, lesson_entry, page_cache, settings, static_url

bp = Blueprint("worksheets", __name__)


def worksheet_for(slug: str) -> Worksheet:
    """The worksheet of a lesson with the request's options: 404, 503, or 400 naming the
    bad option."""
    return worksheet_and_version(slug)[0]


def request_options(form_problems: bool = False) -> tuple[WorksheetOptions, str]:
    """The request's worksheet options, and the problem the print options form is shown
    with ("" when none). A bad option is a 400 page naming it; with ``form_problems``,
    a form sent with no kind ticked gives the options as sent and that problem instead."""
    try:
        return parse_options(request.args.to_dict(flat=False), settings().paper), ""
    except NoKindsError as exc:
        if form_problems:
            return exc.options, str(exc)
        bad = exc
    except OptionsError as exc:
        bad = exc
    page, status = error_page("Bad worksheet option", str(bad), 400)
    abort(make_response(page, status))


def worksheet_and_version(slug: str) -> tuple[Worksheet, tuple]:
    """The worksheet and a key for its content: the lesson file's version and the
    options (a rendered PDF is cached under it)."""
    entry = lesson_entry(slug)
    options, _ = request_options()
    query = tuple(
        (k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(options.query().items())
    )
    version = (slug, entry.mtime_ns, entry.size, query)
    return build_worksheet(entry.lesson, options), version


def worksheet_links(slug: str, worksheet: Worksheet, answer_key: bool) -> Links:
    query = worksheet.options.query()
    view = "worksheets.answer_key" if answer_key else "worksheets.worksheet"
    return Links(
        lesson=url_for("lessons.lesson_page", slug=slug),
        index=url_for("lessons.index"),
        worksheet=url_for("worksheets.worksheet", slug=slug, **query),
        answer_key=url_for("worksheets.answer_key", slug=slug, **query),
        worksheet_pdf=url_for("worksheets.worksheet_pdf", slug=slug, **query),
        answer_key_pdf=url_for("worksheets.answer_key_pdf", slug=slug, **query),
        form_action=url_for(view, slug=slug),
        page_css=url_for(f"{view}_css", slug=slug, **query),
        favicon=url_for("favicon"),
        show_answer_key=current_teacher() is not None,
    )


def print_view(slug: str, answer_key: bool):
    """The worksheet or key for the browser, with the toolbar and the print options form;
    a form sent with no kind ticked is shown again with the problem (400), and no sheet."""
    entry = lesson_entry(slug)
    options, problem = request_options(form_problems=True)
    worksheet = build_worksheet(entry.lesson, options)
    context = document_context(
        worksheet,
        answer_key,
        print_css_url=static_url("css/print.css"),
        links=worksheet_links(slug, worksheet, answer_key),
        problem=problem,
    )
    page = render_template("answer_key.html" if answer_key else "worksheet.html", **context)
    return page, 400 if problem else 200


def print_pdf(slug: str, answer_key: bool) -> Response:
    """A worksheet or answer key as PDF, rendered once per lesson version and options
    (rendering takes 0.2-0.5 s; a class printing at once must not stall the site)."""
    worksheet, version = worksheet_and_version(slug)
    pdf = page_cache().get(("pdf", answer_key, *version), lambda: render_pdf(worksheet, answer_key))
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
@teacher_required
def answer_key(slug: str):
    return print_view(slug, answer_key=True)


@bp.get("/lessons/<slug>/worksheet.pdf")
def worksheet_pdf(slug: str):
    return print_pdf(slug, answer_key=False)


@bp.get("/lessons/<slug>/answer-key.pdf")
@teacher_required
def answer_key_pdf(slug: str):
    return print_pdf(slug, answer_key=True)


@bp.get("/lessons/<slug>/worksheet.css")
def worksheet_css(slug: str):
    """The worksheet's @page rule (paper size, footer title): see worksheet.page_css."""
    return print_page_css(slug, answer_key=False)


@bp.get("/lessons/<slug>/answer-key.css")
@teacher_required
def answer_key_css(slug: str):
    return print_page_css(slug, answer_key=True)
