"""Class members' recorded answers: every check (and "Show answer") of a question in a
lesson assigned to their class, appended and never changed.

The first try at a question is the one that counts, as on the lesson page: the database
keeps one ``first_try`` row per student, lesson and question (a unique index), so two
devices answering at once cannot both record one; the request that loses is told so
and shows the student the first try that was kept. Nothing is recorded for a student
without a class. No Flask here (docs/classes.md).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Insert, delete, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from companion.accounts.classes import Member, members_in
from companion.accounts.database import Database
from companion.accounts.models import QUESTION_ID_LENGTH, Answer, Student, utcnow
from companion.lesson.editing import lesson_items
from companion.lesson.model import Lesson, Passage, Question

CHECK = "check"
REVEAL = "reveal"  # "Show answer"


@dataclass(frozen=True)
class NewAnswer:
    """One check (or "Show answer") to record."""

    question: str  # the question's id (question_keys)
    action: str  # CHECK or REVEAL
    answer: str  # the answer as the teacher reads it ("" for none)
    value: str | None  # the answer as read, as JSON (to put it back on another device)
    result: str | None  # correct, incorrect, sample, no_key; None for REVEAL
    first_try: bool  # the student had no first try at the question before this
    state: str  # the question's try state after this (companion.views.tries)


@dataclass(frozen=True)
class Stored:
    """Where a student stands with one question, from their recorded answers."""

    first: str  # the first try's result ("incorrect" for "Show answer" before any try)
    state: str  # the try state after the latest answer
    value: str | None  # the latest answer as read (JSON), None for none


def question_keys(lesson: Lesson) -> list[tuple[str, Question, Passage]]:
    """Every question of a lesson in page order, with the id its answers are recorded
    under: its item key on the review screen (its id, made unique in the lesson)."""
    keys = {id(item.item): item.key for item in lesson_items(lesson) if item.is_question}
    found = []
    for passage in lesson.passages:
        for question in passage.questions:
            found.append((keys[id(question)][:QUESTION_ID_LENGTH], question, passage))
    return found


def _insert(session: Session) -> type[Insert]:
    """INSERT for this database, with its ON CONFLICT DO NOTHING (the same SQL clause on
    SQLite and PostgreSQL, spelled by each dialect's construct)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert  # type: ignore[return-value]
    return sqlite.insert  # type: ignore[return-value]


def record_answers(
    db: Database,
    class_id: int,
    student_id: int,
    lesson: str,
    answers: Iterable[NewAnswer],
    now: datetime.datetime | None = None,
) -> set[str]:
    """Append the answers, in one transaction. Returns the questions whose first try
    another request recorded first (this one is then kept as a later try)."""
    now = now or utcnow()
    lost: set[str] = set()
    with db.session() as session, session.begin():
        insert = _insert(session)
        for new in answers:
            row = {
                "class_id": class_id, "student_id": student_id, "lesson": lesson,
                "question": new.question, "action": new.action, "answer": new.answer,
                "value": new.value, "result": new.result, "state": new.state, "at": now,
            }  # fmt: skip
            if new.first_try:
                statement = insert(Answer).values(**row, first_try=True)
                statement = statement.on_conflict_do_nothing(
                    index_elements=["student_id", "lesson", "question"],
                    index_where=text("first_try"),  # the index's own WHERE, word for word
                )
                # RETURNING, not rowcount: psycopg does not count an INSERT ... RETURNING
                if session.execute(statement.returning(Answer.id)).first() is not None:
                    continue
                lost.add(new.question)
            session.execute(insert(Answer).values(**row, first_try=False))
    return lost


def member_progress(
    db: Database, student_ids: list[int], lesson: str
) -> tuple[Member | None, dict[str, Stored]]:
    """The student a device is in the lesson's class as (the first of ``student_ids``
    whose class has the lesson), and their progress in it: one database session, as
    every check of a class member asks for both."""
    with db.session() as session:
        found = members_in(session, student_ids, lesson)
        if not found:
            return None, {}
        return found[0], _progress(session, found[0].student.id, lesson)


def student_progress(db: Database, student_id: int, lesson: str) -> dict[str, Stored]:
    """Each question the student has answered in the lesson, and where they stand."""
    with db.session() as session:
        return _progress(session, student_id, lesson)


def _progress(session: Session, student_id: int, lesson: str) -> dict[str, Stored]:
    query = (
        select(Answer.question, Answer.action, Answer.result, Answer.first_try,
               Answer.state, Answer.value)
        .where(Answer.student_id == student_id, Answer.lesson == lesson)
        .order_by(Answer.id)
    )  # fmt: skip
    firsts: dict[str, str] = {}
    latest: dict[str, tuple[str, str | None]] = {}
    for question, action, result, first_try, state, value in session.execute(query):
        if first_try:
            firsts[question] = (result if action == CHECK else None) or "incorrect"
        latest[question] = (state, value)
    return {
        question: Stored(firsts.get(question, ""), state, value)
        for question, (state, value) in latest.items()
    }


def merge_students(db: Database, class_id: int, source_id: int, target_id: int) -> bool:
    """Move every answer of one student to another of the same class (the same child
    under two names) and remove the first. Where both tried a question first, the
    earlier try stays the first. False when either is not a student of the class."""
    if source_id == target_id:
        return False
    with db.session() as session, session.begin():
        found = session.scalars(
            select(Student.id).where(Student.class_id == class_id,
                                     Student.id.in_([source_id, target_id]))
        ).all()  # fmt: skip
        if len(found) != 2:
            return False
        later = _later_first_tries(session, source_id, target_id)
        if later:
            session.execute(update(Answer).where(Answer.id.in_(later)).values(first_try=False))
        session.execute(
            update(Answer).where(Answer.student_id == source_id).values(student_id=target_id)
        )
        session.execute(delete(Student).where(Student.id == source_id))
    return True


def _later_first_tries(session: Session, *students: int) -> list[int]:
    """The ids of the first tries that stop being first when these students become one:
    per lesson and question, all but the earliest."""
    query = (
        select(Answer.id, Answer.lesson, Answer.question)
        .where(Answer.student_id.in_(students), Answer.first_try.is_(True))
        .order_by(Answer.at, Answer.id)
    )
    seen: set[tuple[str, str]] = set()
    later = []
    for answer_id, lesson, question in session.execute(query):
        if (lesson, question) in seen:
            later.append(answer_id)
        seen.add((lesson, question))
    return later


@dataclass(frozen=True)
class AnswerRow:
    """A recorded answer with its student's name (the CSV download)."""

    student: str
    lesson: str
    question: str
    action: str
    answer: str
    result: str | None
    first_try: bool
    at: datetime.datetime


def class_answers(db: Database, class_id: int, lesson: str | None = None) -> list[AnswerRow]:
    """Every answer of a class (or of one of its lessons), by lesson, student and time."""
    query = (
        select(Student.name, Answer.lesson, Answer.question, Answer.action, Answer.answer,
               Answer.result, Answer.first_try, Answer.at)
        .join(Student, Answer.student_id == Student.id)
        .where(Answer.class_id == class_id)
        .order_by(Answer.lesson, Student.name_key, Answer.at, Answer.id)
    )  # fmt: skip
    if lesson is not None:
        query = query.where(Answer.lesson == lesson)
    with db.session() as session:
        return [AnswerRow(*row) for row in session.execute(query)]
