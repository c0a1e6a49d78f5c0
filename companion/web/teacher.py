"""The teacher blueprint: the teacher's home, making a lesson from an article, and the
review screen (docs/teachers.md). Every page is for signed-in teachers only.

The review screen's changes are made to the lesson file by ``companion.lesson.editing``
(each POST carries the file version the page was loaded from, and a file changed since
is never overwritten); lessons are made outside the request by
``companion.generation.jobs``; what the screens show comes from ``companion.views.review``.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    get_flashed_messages,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)

from companion.common.errors import CompanionError
from companion.common.files import MAX_BYTES
from companion.generation.importing import SUFFIXES
from companion.generation.jobs import FAILED, Job, JobRunner, Request
from companion.lesson import editing
from companion.lesson.editing import Change, ConflictError, EditError, QuestionDraft
from companion.lesson.fileformat import parse_lesson
from companion.lesson.kinds import KIND_LIST, AnswerForm, Choices, kind
from companion.lesson.limits import MAX_CHOICES
from companion.lesson.model import GlossaryEntry, Question
from companion.views.render import render_markdown
from companion.views.review import build_review, item_anchor
from companion.web.auth import current_teacher, teacher_required
from companion.web.library import listing
from companion.web.pages import settings, store

bp = Blueprint("teacher", __name__, url_prefix="/teacher")

MAX_PASTE = 1_000_000  # characters of pasted text
GRADES = range(1, 13)
_runner_lock = threading.Lock()


# --------------------------------------------------------------------------- home


@bp.get("")
@teacher_required
def home():
    """A page (50 lessons) of the lesson index, searched and filtered like the index
    page (review state included): the rows hold the review progress, the warnings and
    the counts the download links need, so no lesson file is parsed here; the files are
    checked as for the index page (companion.web.library)."""
    page = render_template("teacher_home.html", **listing(teacher=True))
    return no_store(page)


def no_store(body, status: int = 200):
    """Teacher pages hold answers and the file version: never cached."""
    response = make_response(body, status)
    response.headers["Cache-Control"] = "no-store"
    return response


# --------------------------------------------------------------------------- new lesson


def runner() -> JobRunner:
    """This server process's job runner (one worker thread; see generation.jobs)."""
    app = current_app
    with _runner_lock:
        if "companion_jobs" not in app.extensions:
            folder = app.config.get("JOBS_DIR") or Path(app.instance_path) / "jobs"
            app.extensions["companion_jobs"] = JobRunner(Path(folder))
        return app.extensions["companion_jobs"]


@bp.get("/new")
@teacher_required
def new_lesson():
    return new_page()


def new_page(error: str = "", status: int = 200, grade: int = 8, text: str = ""):
    page = render_template(
        "teacher_new.html", error=error, grade=grade, grades=GRADES, text=text,
        suffixes=", ".join(s for s in SUFFIXES if s not in (".markdown", ".htm")),
        accept=",".join(SUFFIXES),
    )  # fmt: skip
    return no_store(page, status)


@bp.record_once
def _limits_first(state) -> None:
    """An article may be larger than the app's form limit, which must be raised before
    anything reads the form: the CSRF check does, in an app-wide hook, so this hook goes
    first."""
    state.app.before_request_funcs.setdefault(None, []).insert(0, _upload_limits)


def _upload_limits() -> None:
    if request.endpoint == "teacher.new_lesson_post":
        request.max_content_length = MAX_BYTES + 64 * 1024
        request.max_form_memory_size = MAX_PASTE * 4 + 64 * 1024


@bp.errorhandler(413)
def too_large(_error):
    return new_page(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.", 413)


@bp.post("/new")
@teacher_required
def new_lesson_post():
    grade = _grade(request.form.get("grade", ""))
    text = request.form.get("text", "")
    upload = request.files.get("article")
    name = Path((upload.filename or "").replace("\\", "/")).name if upload else ""
    problem = _new_lesson_problem(grade, name, text)
    if problem:
        return new_page(problem, 400, grade or 8, "" if name else text)
    scratch = runner().folder / "uploads" / secrets.token_urlsafe(12)
    scratch.mkdir(parents=True)
    path = scratch / f"article{Path(name).suffix.lower() or '.txt'}"
    if name:
        upload.save(path)
    else:
        path.write_text(text, encoding="utf-8")
    owner = str(current_teacher().id)
    choices = request.form.get("choices") == "on"
    job = runner().submit(
        Request(path, name, grade, settings().content_dir, owner, scratch, choices=choices)
    )
    return redirect(url_for(".job_page", job_id=job.id), 303)


def _new_lesson_problem(grade: int | None, name: str, text: str) -> str:
    """What is wrong with the new lesson form ("" when nothing is)."""
    if grade is None:
        return "Choose a grade from 1 to 12."
    if bool(name) == bool(text.strip()):
        return "Choose an article file, or paste the article’s text (not both)."
    if len(text) > MAX_PASTE:
        return f"The text is longer than {MAX_PASTE:,} characters."
    if name and Path(name).suffix.lower() not in SUFFIXES:
        return f"“{name}” is not a .txt, .md or .html file."
    return ""


def _grade(value: str) -> int | None:
    return int(value) if value.isdigit() and int(value) in GRADES else None


def own_job(job_id: str) -> Job:
    job = runner().get(job_id)
    if job is None or job.owner != str(current_teacher().id):
        abort(404)
    return job


@bp.get("/jobs/<job_id>")
@teacher_required
def job_page(job_id: str):
    job = own_job(job_id)
    if job.state == "done":
        return redirect(url_for(".review", slug=job.slug), 303)
    if job.state == FAILED:
        return new_page(job.error, 200)
    return no_store(render_template("teacher_job.html", job=job))


@bp.get("/jobs/<job_id>.json")
@teacher_required
def job_status(job_id: str):
    job = own_job(job_id)
    data = job.to_dict()
    if job.state == "done":
        data["review_url"] = url_for(".review", slug=job.slug)
    response = jsonify(data)
    response.headers["Cache-Control"] = "no-store"
    return response


# --------------------------------------------------------------------------- review


def lesson_path(slug: str) -> Path:
    path = store().path_for(slug)
    if path is None or not path.is_file():
        abort(404)
    return path


@bp.get("/lessons/<slug>/review")
@teacher_required
def review(slug: str):
    return review_page(slug)


@dataclass
class Failure:
    """A change that was refused: which form, why, and what the teacher had typed."""

    target: str  # "<action>:<item key or passage id>"
    problems: list[str]
    values: dict = field(default_factory=dict)

    @property
    def inline(self) -> bool:
        """Shown on its form (edits and additions), else at the top of the page."""
        return self.target.split(":", 1)[0] in FORM_ACTIONS


FORM_ACTIONS = ("edit-entry", "edit-question", "add-entry", "add-question")


def review_page(slug: str, failure: Failure | None = None, conflict: str = "", status: int = 200):
    entry = store().get(slug) if store().path_for(slug) else None
    if entry is None:
        abort(404)
    try:
        loaded = editing.load(entry.path, slug) if entry.lesson else None
    except (CompanionError, UnicodeDecodeError) as exc:
        entry = replace(entry, lesson=None, error=str(exc))
        loaded = None
    if loaded is None:  # a broken file: say so, as the index does
        return no_store(render_template("broken.html", entry=entry), 503)
    view = build_review(loaded.text, loaded.version, slug, render_markdown)
    notes = dict((anchor, message) for anchor, message in get_flashed_messages(True))
    page = render_template(
        "teacher_review.html", review=view, slug=slug, failure=failure, conflict=conflict,
        notes=notes, kinds=KIND_LIST, forms=FormValues, max_choices=MAX_CHOICES,
    )  # fmt: skip
    return no_store(page, status)


@bp.post("/lessons/<slug>/review")
@teacher_required
def review_post(slug: str):
    path = lesson_path(slug)
    form = request.form
    action, target = form.get("action", ""), form.get("item") or form.get("passage", "")
    try:
        change, done = operation(action, form)
        saved = editing.save_change(path, form.get("version", ""), change)
    except ConflictError as exc:
        return review_page(slug, conflict=exc.message, status=409)
    except EditError as exc:
        values = {k: form.getlist(k) for k in form}
        failure = Failure(f"{action}:{target}", exc.problems, values)
        return review_page(slug, failure=failure, status=400)
    anchor = anchor_after(saved.change, form)
    flash(done if saved.backup or action != "accept" else "Already reviewed.", anchor)
    return redirect(url_for(".review", slug=slug, _anchor=anchor), 303)


Operation = Callable[[str], Change]


def operation(action: str, form) -> tuple[Operation, str]:
    """The change a review form asks for, and what to say when it is made."""
    key, passage = form.get("item", ""), form.get("passage", "")
    simple = {
        "accept": (lambda t: editing.set_status(t, key, "reviewed"), "Accepted."),
        "unlock": (lambda t: editing.set_status(t, key, "reviewed"), "Unlocked: reviewed."),
        "lock": (lambda t: editing.set_status(t, key, "locked"), "Locked."),
        "delete": (lambda t: editing.delete_item(t, key), "Deleted."),
        "accept-passage": (lambda t: editing.accept_passage(t, passage), "All accepted."),
    }
    if action in simple:
        return simple[action]
    term, definition = form.get("term", ""), form.get("definition", "")
    if action == "edit-entry":
        return lambda t: editing.edit_entry(t, key, term, definition), "Saved."
    if action == "add-entry":
        return lambda t: editing.add_entry(t, passage, term, definition), "Added."
    if action in ("edit-question", "add-question"):
        draft = draft_from_form(form)
        if action == "edit-question":
            return lambda t: editing.edit_question(t, key, draft), "Saved."
        return lambda t: editing.add_question(t, passage, draft), "Added."
    raise EditError("Unknown action: reload the page and try again.")


def anchor_after(change: Change, form) -> str:
    """Where the review page opens after a change: the item changed or added, else its
    passage."""
    if change.key:
        lesson = parse_lesson(change.text)
        for item in editing.lesson_items(lesson):
            if item.key == change.key:
                return item_anchor(item)
    passage = form.get("passage", "")
    return f"{passage}-items" if passage else "review-top"


# --------------------------------------------------------------------------- forms


def draft_from_form(form) -> QuestionDraft:
    """A question as the review screen's form for its kind sends it."""
    name = form.get("kind", "")
    try:
        spec = kind(name)
    except ValueError:
        raise EditError("Unknown question kind: reload the page and try again.") from None
    prompt = form.get("prompt", "")
    accept = tuple(form.get("accept", "").splitlines())
    choices = tuple(form.getlist("choice"))
    if spec.answer is AnswerForm.ORDER:
        order = tuple(int(n) if n.isdigit() else 0 for n in form.getlist("order"))
        return QuestionDraft(name, prompt, choices, order=order[: len(choices)])
    if spec.choices is Choices.LIST:
        right = form.get("right", "")
        if not right.isdigit() or int(right) >= len(choices) or not choices[int(right)].strip():
            raise EditError("Choose the right answer: the choice marked “right”.")
        return QuestionDraft(name, prompt, choices, choices[int(right)], accept=accept)
    if spec.choices is Choices.WORD_BANK:
        choices = tuple(form.get("bank", "").splitlines())
    return QuestionDraft(name, prompt, choices, form.get("answer", ""), accept=accept)


@dataclass
class FormValues:
    """What a question or entry form shows: the item's values, or what was sent."""

    term: str = ""
    definition: str = ""
    prompt: str = ""
    choices: list[str] = field(default_factory=list)
    right: int = -1
    answer: str = ""
    accept: str = ""
    bank: str = ""
    order: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, item: GlossaryEntry | Question | None) -> FormValues:
        if isinstance(item, GlossaryEntry):
            return cls(term=item.term, definition=item.definition)
        if not isinstance(item, Question):
            return cls()
        spec, values = item.spec, cls(prompt=item.prompt, accept="\n".join(item.accept))
        if spec.answer is AnswerForm.ORDER:
            answer = item.answer if isinstance(item.answer, list) else []
            values.choices = list(item.choices)
            values.order = [answer.index(c) + 1 if c in answer else 0 for c in item.choices]
        elif spec.choices is Choices.WORD_BANK:
            values.bank, values.answer = "\n".join(item.choices), str(item.answer)
        elif spec.choices is Choices.LIST:
            values.choices = list(item.choices)
            values.right = item.choices.index(item.answer) if item.answer in item.choices else -1
        else:
            values.answer = str(item.answer)
        return values

    @classmethod
    def sent(cls, values: dict) -> FormValues:
        """The values of a refused form, as the teacher typed them."""

        def one(name: str) -> str:
            return (values.get(name) or [""])[0]

        right = one("right")
        return cls(
            term=one("term"), definition=one("definition"), prompt=one("prompt"),
            choices=list(values.get("choice", [])), right=int(right) if right.isdigit() else -1,
            answer=one("answer"), accept=one("accept"), bank=one("bank"),
            order=[int(n) if n.isdigit() else 0 for n in values.get("order", [])],
        )  # fmt: skip

    def rows(self, spare: int = 1, least: int = 2) -> list[tuple[int, str, int]]:
        """(index, choice, place) rows for a choice or sequence form: the choices, then
        empty rows to add one (at least ``least`` rows, at most MAX_CHOICES)."""
        count = min(max(len(self.choices) + spare, least), max(MAX_CHOICES, len(self.choices)))
        choices = [*self.choices, *[""] * (count - len(self.choices))]
        order = [*self.order, *[0] * (count - len(self.order))]
        return list(zip(range(count), choices, order, strict=True))

