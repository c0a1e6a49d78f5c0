"""Who a device is in a class, and a class member's answers on the lesson page.

A device remembers the students it joined as in ``companion_classes``: a cookie signed
with the app's secret key holding their ids (newest first, one per class), so a student
cannot pretend to be another by editing it. On a lesson assigned to one of those
classes, the lesson page and its checks read and record the student's answers
(``companion.accounts.answers``); the database, not the browser, then says where the
student stands with each question. Without the cookie nothing here touches the database,
and the page is the shared, cached one (docs/classes.md).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from flask import Response, current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer

from companion.accounts.answers import (
    CHECK,
    REVEAL,
    NewAnswer,
    Stored,
    member_progress,
    question_keys,
    record_answers,
    student_progress,
)
from companion.accounts.classes import MAX_MEMBERSHIPS, Member, members
from companion.accounts.database import Database
from companion.views.classwork import answer_fields, answer_text, answer_value, stored_state
from companion.views.grading import Slot
from companion.views.page import LessonPage
from companion.views.tries import Get, Outcome, TryState, state_field

COOKIE = "companion_classes"
COOKIE_AGE = datetime.timedelta(days=365)
_SALT = "companion-classes"


def database() -> Database:
    return current_app.extensions["companion_accounts"]


# --------------------------------------------------------------------------- the cookie


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def device_students() -> list[int]:
    """The student ids this device joined as (newest first); [] for none or a forged
    cookie."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return []
    try:
        ids = _serializer().loads(raw)
    except BadSignature:
        return []
    if not isinstance(ids, list):
        return []
    return [i for i in ids if isinstance(i, int) and not isinstance(i, bool)][:MAX_MEMBERSHIPS]


def device_members() -> list[Member]:
    """The classes this device is in, as which student (newest first)."""
    if "companion_members" not in g:
        ids = device_students()
        g.companion_members = members(database(), ids) if ids else []
    return g.companion_members


def remember(response: Response, ids: Iterable[int]) -> None:
    """Make the device remember these students (or forget them all)."""
    ids = list(dict.fromkeys(ids))[:MAX_MEMBERSHIPS]
    if not ids:
        response.delete_cookie(COOKIE, httponly=True, samesite="Lax")
        return
    response.set_cookie(
        COOKIE, _serializer().dumps(ids), max_age=int(COOKIE_AGE.total_seconds()),
        httponly=True, samesite="Lax", secure=request.is_secure,
    )  # fmt: skip


# --------------------------------------------------------------------------- answers


@dataclass
class Work:
    """A member's stored answers to a lesson, by the page's question keys."""

    member: Member
    page: LessonPage
    ids: dict[str, str]  # slot key -> recorded question id
    stored: dict[str, Stored] = field(default_factory=dict)
    restored: dict[str, dict[str, str]] = field(default_factory=dict)  # fields put back

    @property
    def slug(self) -> str:
        return self.page.lesson.slug

    def states(self) -> dict[str, TryState]:
        return {k: stored_state(s.first, s.state) for k, s in self.stored.items()}

    def getter(self, form: Mapping[str, str]) -> Get:
        """The request's fields, with the database's try states (never the browser's)
        and the stored answer of every stored question the request gives no answer to
        (noted in ``restored``: the page's script is sent them to fill in)."""
        states = {state_field(k): s.encode() for k, s in self.states().items()}
        extra: dict[str, str] = {}
        self.restored = {}
        for slot in self.page.slots:
            if slot.key in self.stored and not _given(slot, form):
                fields = answer_fields(slot, self.stored[slot.key].value)
                self.restored[slot.key] = fields
                extra |= fields

        def get(name: str) -> str | None:
            if name.startswith("t-"):
                return states.get(name, "")
            return extra[name] if name in extra else form.get(name)

        return get

    def values(self, form: Mapping[str, str]) -> dict[str, str]:
        """The answers to show in the form: the request's, and the restored ones."""
        merged = {name: form.get(name) or "" for name in form}
        for fields in self.restored.values():
            merged |= fields
        return merged


def work_for(page: LessonPage) -> Work | None:
    """The student this device is in the lesson's class as (the newest joined, when it
    is in several classes that have the lesson), with their answers; None without a
    class (and then no query at all)."""
    ids = device_students()
    if not ids:
        return None
    member, progress = member_progress(database(), ids, page.lesson.slug)
    return _work(member, page, progress) if member else None


def reload(work: Work) -> Work:
    """The same member's answers, read again (after another device's first try)."""
    progress = student_progress(database(), work.member.student.id, work.slug)
    return _work(work.member, work.page, progress)


def _work(member: Member, page: LessonPage, progress: dict[str, Stored]) -> Work:
    by_question = {id(q): key for key, q, _ in question_keys(page.lesson)}
    ids = {slot.key: by_question[id(slot.question)] for slot in page.slots}
    stored = {key: progress[qid] for key, qid in ids.items() if qid in progress}
    return Work(member, page, ids, stored)


def _given(slot: Slot, form: Mapping[str, str]) -> bool:
    """Does the request carry an answer field of this question (even an empty one)?"""
    names = [slot.item_field(i) for i in range(len(slot.question.choices))]
    return any(name in form for name in [slot.field, *names])


def record(
    work: Work,
    outcomes: dict[str, Outcome],
    tried: Iterable[str],
    revealed: Iterable[str],
) -> set[str]:
    """Record every try and "Show answer" of this request that moved a question on (a
    check of an unchanged answer changes nothing, and records nothing). Returns the
    questions whose first try another request recorded first."""
    before = work.states()
    tried, revealed = set(tried), set(revealed)
    new = []
    for slot in work.page.slots:
        outcome = outcomes.get(slot.key)
        old = before.get(slot.key, TryState())
        if outcome is None or slot.key not in tried | revealed or outcome.state == old:
            continue
        new.append(_new_answer(work.ids[slot.key], slot, outcome, old, slot.key in revealed))
    if not new:
        return set()
    member = work.member
    return record_answers(database(), member.school_class.id, member.student.id, work.slug, new)


def _new_answer(qid: str, slot: Slot, outcome: Outcome, old: TryState, reveal: bool) -> NewAnswer:
    reveal = reveal and slot.spec.scored  # an open question has no answer to show
    answer = outcome.result.answer
    return NewAnswer(
        question=qid,
        action=REVEAL if reveal else CHECK,
        answer=answer_text(slot, answer),
        value=answer_value(answer),
        result=None if reveal else outcome.result.status,
        first_try=not old.first,
        state=outcome.state.encode(),
    )
