"""The teachers' side of classes: make a class, assign lessons, give out its code and
link, see the students, merge or remove them, delete the class; and the dashboard of a
class's results in a lesson, with its charts and the CSV of every answer
(docs/classes.md). Every page is for the class's own teacher only (404 for others).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from flask import (
    Blueprint,
    abort,
    flash,
    get_flashed_messages,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.datastructures import MultiDict

from companion.accounts.answers import class_answers, merge_students, question_keys
from companion.accounts.classes import (
    ClassError,
    ClassInfo,
    answer_counts,
    class_lessons,
    class_students,
    close_joining,
    create_class,
    delete_class,
    find_class,
    remove_student,
    rename_class,
    renew_code,
    set_lessons,
    teacher_classes,
)
from companion.accounts.dashboard import Dashboard, build_dashboard
from companion.accounts.database import Database
from companion.lesson.editing import lesson_items
from companion.lesson.model import Lesson
from companion.views.charts import Chart, bar_chart, percent
from companion.views.review import item_anchor
from companion.web.auth import current_teacher, teacher_required
from companion.web.membership import database
from companion.web.pages import store
from companion.web.teacher import no_store

bp = Blueprint("class_admin", __name__, url_prefix="/teacher/classes")

_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these as formulas


def own_class(class_id: int) -> ClassInfo:
    """The signed-in teacher's class, or 404 (another teacher's class does not exist)."""
    found = find_class(database(), class_id, current_teacher().id)
    if found is None:
        abort(404)
    return found


def notes() -> list[str]:
    return get_flashed_messages(category_filter=["class"])


# --------------------------------------------------------------------------- classes


@bp.get("")
@teacher_required
def classes(error: str = "", name: str = "", status: int = 200):
    rows = teacher_classes(database(), current_teacher().id)
    page = render_template("teacher_classes.html", rows=rows, error=error, name=name, notes=notes())
    return no_store(page, status)


@bp.post("")
@teacher_required
def create():
    name = request.form.get("name", "")[:400]
    try:
        made = create_class(database(), current_teacher().id, name)
    except ClassError as exc:
        return classes(exc.message, name, 400)
    flash(f"Class made. Give your students the code {made.shown_code} or the link.", "class")
    return redirect(url_for(".class_page", class_id=made.id), 303)


@bp.get("/<int:class_id>")
@teacher_required
def class_page(class_id: int, error: str = "", status: int = 200):
    found = own_class(class_id)
    db = database()
    assigned, entries = class_lessons(db, class_id), store().entries()
    page = render_template(
        "teacher_class.html", cls=found, assigned=assigned, entries=entries,
        by_slug={e.slug: e for e in entries},
        students=class_students(db, class_id), counts=answer_counts(db, class_id),
        join_url=url_for("classes.join_link", code=found.shown_code, _external=True),
        error=error, notes=notes(),
    )  # fmt: skip
    return no_store(page, status)


@bp.post("/<int:class_id>")
@teacher_required
def change(class_id: int):
    """One form per change on the class page: ``action`` says which."""
    own_class(class_id)
    db, form = database(), request.form
    action = form.get("action", "")
    try:
        done = _change(db, class_id, action, form)
    except ClassError as exc:
        return class_page(class_id, exc.message, 400)
    if action == "delete":
        flash(done, "class")
        return redirect(url_for(".classes"), 303)
    flash(done, "class")
    return redirect(url_for(".class_page", class_id=class_id), 303)


def _change(db: Database, class_id: int, action: str, form: MultiDict) -> str:
    """Make the change; what to say about it (ClassError when it cannot be made)."""
    if action == "lessons":
        set_lessons(db, class_id, [s for s in form.getlist("lesson") if store().get(s)])
        return "Lessons saved."
    if action == "rename":
        rename_class(db, class_id, form.get("name", "")[:400])
        return "Renamed."
    if action in ("renew", "new-code"):
        renew_code(db, class_id, fresh=action == "new-code")
        return "New code made." if action == "new-code" else "Students can join for 30 more days."
    if action == "close":
        close_joining(db, class_id)
        return "Joining closed: the code no longer works."
    if action == "remove-student":
        if not remove_student(db, class_id, _number(form.get("student"))):
            raise ClassError("That student is no longer in the class.")
        return "The student and their answers were deleted."
    if action == "merge":
        source, target = _number(form.get("source")), _number(form.get("target"))
        if source == target or not merge_students(db, class_id, source, target):
            raise ClassError("Choose two different students of this class to merge.")
        return "Merged: the answers are now under one name."
    if action == "delete" and form.get("confirm") == "yes":
        delete_class(db, class_id)
        return "The class and all its answers were deleted."
    raise ClassError("Unknown change: reload the page and try again.")


def _number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and len(raw) < 12 else 0


# --------------------------------------------------------------------------- results


def class_lesson(class_id: int, slug: str) -> tuple[ClassInfo, Lesson]:
    found = own_class(class_id)
    entry = store().get(slug)
    if entry is None or slug not in class_lessons(database(), class_id):
        abort(404)
    if entry.lesson is None:
        abort(make_response(render_template("broken.html", entry=entry), 503))
    return found, entry.lesson


@bp.get("/<int:class_id>/lessons/<slug>")
@teacher_required
def dashboard(class_id: int, slug: str):
    found, lesson = class_lesson(class_id, slug)
    board = build_dashboard(database(), class_id, lesson)
    anchors = {item.key: item_anchor(item) for item in lesson_items(lesson) if item.is_question}
    page = render_template(
        "teacher_dashboard.html", cls=found, board=board, anchors=anchors,
        share_chart=share_chart(board), option_charts=option_charts(board), percent=percent,
    )  # fmt: skip
    return no_store(page)


def share_chart(board: Dashboard) -> Chart:
    rows = []
    for q in board.questions:
        tries = q.right + q.missed
        if q.share is None:
            rows.append((f"Q{q.number}", 0.0, "written" if q.written else "no tries", "muted"))
            continue
        kind = "right" if q.share >= 0.7 else "mid" if q.share >= 0.4 else "wrong"
        rows.append((f"Q{q.number}", q.share, f"{percent(q.right, tries)} of {tries}", kind))
    return bar_chart(rows)


def option_charts(board: Dashboard) -> dict[str, Chart]:
    """Per question answered by picking: a bar per choice (how many first tries chose it)."""
    charts = {}
    for q in board.questions:
        if not q.options or not q.answered:
            continue
        total = q.answered
        rows = [("✓ " + o.text if o.right else o.text, o.count / total, str(o.count),
                 "right" if o.right else "wrong") for o in q.options]  # fmt: skip
        if q.gave_up:
            rows.append(("Show answer", q.gave_up / total, str(q.gave_up), "muted"))
        charts[q.id] = bar_chart(rows, labels_above=True)
    return charts


@bp.get("/<int:class_id>/answers.csv")
@teacher_required
def answers_csv(class_id: int):
    found = own_class(class_id)
    return csv_response(found, None)


@bp.get("/<int:class_id>/lessons/<slug>/answers.csv")
@teacher_required
def lesson_answers_csv(class_id: int, slug: str):
    found, _lesson = class_lesson(class_id, slug)
    return csv_response(found, slug)


CSV_HEADER = ["class", "student", "lesson", "question_number", "question_id", "question",
              "action", "answer", "result", "first_try", "time_utc"]  # fmt: skip


def csv_response(found: ClassInfo, slug: str | None):
    """Every recorded answer, one row each (Excel-friendly: UTF-8 with a BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    questions = _question_index()
    for row in class_answers(database(), found.id, slug):
        number, prompt = questions(row.lesson).get(row.question, ("", ""))
        action = "show answer" if row.action == "reveal" else row.action
        writer.writerow([safe_cell(v) for v in (
            found.name, row.student, row.lesson, number, row.question, prompt, action,
            row.answer, row.result or "", "yes" if row.first_try else "no",
            row.at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )])  # fmt: skip
    name = _file_name(found.name) + (f"-{slug}" if slug else "") + "-answers.csv"
    response = make_response("\ufeff" + out.getvalue())
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _question_index() -> Callable[[str], dict]:
    """lesson slug -> {question id: (number, prompt)}, each lesson read once."""
    cache: dict[str, dict] = {}

    def questions(slug: str) -> dict:
        if slug not in cache:
            entry = store().get(slug)
            keys = question_keys(entry.lesson) if entry and entry.lesson else []
            cache[slug] = {key: (n, q.prompt) for n, (key, q, _) in enumerate(keys, 1)}
        return cache[slug]

    return questions


def safe_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: a student's "=HYPERLINK(...)" gets a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _file_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:40] or "class"
