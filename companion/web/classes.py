"""The students' side of classes: joining with a code (or a teacher's link) and a
display name, the classes this device is in, switching name and leaving.

No accounts: a student is a display name in a class, and a device remembers who it
joined as in a signed cookie (``companion.web.membership``). Joining again with a name
the class already has is the same student (the way answers follow a student to another
device), after the student says so: two children may share a first name (docs/classes.md).
"""

from __future__ import annotations

from flask import (
    Blueprint,
    flash,
    get_flashed_messages,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)

from companion.accounts.classes import (
    ClassError,
    ClassInfo,
    class_by_code,
    class_lessons,
    find_student_named,
    join_class,
    student_name,
)
from companion.web import membership
from companion.web.pages import store

bp = Blueprint("classes", __name__)


def private(body, status: int = 200):
    """Pages about who is on this device: never cached (a shared computer)."""
    response = make_response(body, status)
    response.headers["Cache-Control"] = "private, no-store"
    response.vary.add("Cookie")
    return response


def join_page(code: str = "", name: str = "", error: str = "", status: int = 200,
              school_class: ClassInfo | None = None, taken: bool = False):  # fmt: skip
    here = [m for m in membership.device_members()
            if school_class and m.school_class.id == school_class.id]  # fmt: skip
    page = render_template(
        "join.html", code=code, name=name, error=error, school_class=school_class,
        taken=taken, current=here[0] if here else None,
    )  # fmt: skip
    return private(page, status)


@bp.get("/join")
def join():
    return join_page(code=request.args.get("code", "")[:40])


@bp.get("/join/<code>")
def join_link(code: str):
    """The link a teacher gives out: the class named, only a name to type."""
    try:
        found = class_by_code(membership.database(), code)
    except ClassError as exc:
        return join_page(code=code[:40], error=exc.message, status=404)
    return join_page(code=found.shown_code, school_class=found)


@bp.post("/join")
def join_post():
    form = request.form
    code, name = form.get("code", "")[:40], form.get("name", "")[:200]
    db = membership.database()
    try:
        found = class_by_code(db, code)
    except ClassError as exc:
        return join_page(code, name, exc.message, 400)
    try:
        name = student_name(name)
    except ClassError as exc:
        return join_page(found.shown_code, name, exc.message, 400, found)
    same = find_student_named(db, found.id, name)
    mine = same is not None and same.id in membership.device_students()
    if same is not None and not mine and form.get("same") != "yes":
        return join_page(found.shown_code, same.name, "", 200, found, taken=True)
    student = join_class(db, found.id, name)
    others = [m.student.id for m in membership.device_members() if m.school_class.id != found.id]
    flash(f"You joined {found.name} as {student.name}.", "joined")
    response = redirect(url_for(".my_classes"), 303)
    membership.remember(response, [student.id, *others])
    return response


@bp.get("/my-classes")
def my_classes():
    rows = []
    for member in membership.device_members():
        slugs = class_lessons(membership.database(), member.school_class.id)
        lessons = [(slug, store().get(slug)) for slug in slugs]
        rows.append({"member": member, "lessons": [(s, e) for s, e in lessons if e]})
    notes = get_flashed_messages(category_filter=["joined"])
    return private(render_template("my_classes.html", rows=rows, notes=notes))


@bp.post("/leave")
def leave():
    """Forget a class on this device (its answers stay with the teacher)."""
    class_id = request.form.get("class", "")
    keep = [m.student.id for m in membership.device_members()
            if str(m.school_class.id) != class_id]  # fmt: skip
    response = redirect(url_for(".my_classes"), 303)
    membership.remember(response, keep)
    return response
