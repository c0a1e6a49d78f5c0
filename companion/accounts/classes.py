"""Classes, their join codes and lessons, and their students (display names, no accounts).

A teacher makes a class and assigns lessons to it. Students join with its code (or its
link) and a display name; joining again with the same name and code, on any device, is
the same student, which is how their answers follow them (docs/classes.md). No Flask
here: the web layer keeps who is who on a device in a signed cookie.
"""

from __future__ import annotations

import datetime
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from companion.accounts.database import Database
from companion.accounts.models import (
    CLASS_NAME_LENGTH,
    CODE_LENGTH,
    SLUG_LENGTH,
    STUDENT_NAME_LENGTH,
    Answer,
    ClassLesson,
    SchoolClass,
    Student,
    utcnow,
)
from companion.common.errors import CompanionError

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud or copied from a board is not misread.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_DAYS = 30  # a code lets students join for this long; the teacher can renew it
MAX_MEMBERSHIPS = 8  # classes remembered on one device


class ClassError(CompanionError):
    """A bad class or student name, or a code that is wrong or expired."""


@dataclass(frozen=True)
class ClassInfo:
    id: int
    teacher_id: int
    name: str
    code: str  # without its dash
    code_expires: datetime.datetime
    created: datetime.datetime

    @classmethod
    def of(cls, row: SchoolClass) -> ClassInfo:
        return cls(row.id, row.teacher_id, row.name, row.code, row.code_expires, row.created)

    @property
    def shown_code(self) -> str:
        return show_code(self.code)

    def joinable(self, now: datetime.datetime | None = None) -> bool:
        return (now or utcnow()) < self.code_expires


@dataclass(frozen=True)
class StudentInfo:
    id: int
    class_id: int
    name: str
    joined: datetime.datetime


@dataclass(frozen=True)
class Member:
    """A student of a class, as a device remembers them."""

    student: StudentInfo
    school_class: ClassInfo


# --------------------------------------------------------------------------- codes


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def show_code(code: str) -> str:
    """K7P4QX -> K7P-4QX, the way a code is shown and read out."""
    return f"{code[:3]}-{code[3:]}"


def normalize_code(raw: str) -> str:
    """A code as typed ("k7p 4qx", "K7P-4QX") as stored ("K7P4QX"); "" when it cannot be
    one (so it matches no class)."""
    code = re.sub(r"[\s\-–—_.]+", "", raw or "").upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return ""
    return code


# --------------------------------------------------------------------------- names


def clean_name(raw: str, what: str, limit: int) -> str:
    """A name as shown: Unicode NFKC, no control characters, spaces collapsed;
    ClassError when it is empty or too long."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text)
    text = " ".join(text.split())
    if not text:
        raise ClassError(f"Type a {what}.")
    if len(text) > limit:
        raise ClassError(f"A {what} can have at most {limit} characters.")
    return text


def student_name(raw: str) -> str:
    return clean_name(raw, "name", STUDENT_NAME_LENGTH)


def name_key(name: str) -> str:
    """What makes two display names the same name: case and spacing do not count."""
    return student_name(name).casefold()[:STUDENT_NAME_LENGTH]


# --------------------------------------------------------------------------- classes


def create_class(db: Database, teacher_id: int, name: str) -> ClassInfo:
    name = clean_name(name, "class name", CLASS_NAME_LENGTH)
    expires = utcnow() + datetime.timedelta(days=CODE_DAYS)
    for _ in range(20):  # a code already in use (1 in millions): draw another
        row = SchoolClass(teacher_id=teacher_id, name=name, code=new_code(), code_expires=expires)
        try:
            with db.session() as session, session.begin():
                session.add(row)
            return ClassInfo.of(row)
        except IntegrityError:
            continue
    raise ClassError("Could not make a join code: try again.")


def teacher_classes(db: Database, teacher_id: int) -> list[tuple[ClassInfo, int, int]]:
    """The teacher's classes, newest first, each with its number of students and
    lessons."""
    students = select(func.count()).where(Student.class_id == SchoolClass.id).scalar_subquery()
    lessons = select(func.count()).where(ClassLesson.class_id == SchoolClass.id).scalar_subquery()
    query = (
        select(SchoolClass, students, lessons)
        .where(SchoolClass.teacher_id == teacher_id)
        .order_by(SchoolClass.created.desc(), SchoolClass.id.desc())
    )
    with db.session() as session:
        return [(ClassInfo.of(row), s, n) for row, s, n in session.execute(query)]


def find_class(db: Database, class_id: int, teacher_id: int | None = None) -> ClassInfo | None:
    """A class by id (only if it is this teacher's, when ``teacher_id`` is given)."""
    with db.session() as session:
        row = session.get(SchoolClass, class_id)
    if row is None or (teacher_id is not None and row.teacher_id != teacher_id):
        return None
    return ClassInfo.of(row)


def class_by_code(db: Database, raw: str, now: datetime.datetime | None = None) -> ClassInfo:
    """The class a join code opens; ClassError saying what is wrong otherwise."""
    code = normalize_code(raw)
    if not raw.strip():
        raise ClassError("Type your class code: your teacher has it (like K7P-4QX).")
    with db.session() as session:
        row = session.scalar(select(SchoolClass).where(SchoolClass.code == code)) if code else None
    if row is None:
        raise ClassError(
            f"There is no class with the code “{raw.strip()[:20]}”. Check it with your "
            "teacher: codes look like K7P-4QX."
        )
    info = ClassInfo.of(row)
    if not info.joinable(now):
        raise ClassError(f"The code {info.shown_code} has expired: ask your teacher for a new one.")
    return info


def rename_class(db: Database, class_id: int, name: str) -> None:
    name = clean_name(name, "class name", CLASS_NAME_LENGTH)
    with db.session() as session, session.begin():
        session.execute(update(SchoolClass).where(SchoolClass.id == class_id).values(name=name))


def renew_code(db: Database, class_id: int, fresh: bool) -> None:
    """Let students join for another CODE_DAYS days; with ``fresh``, under a new code
    (the old one stops working: for a code that got out)."""
    values: dict = {"code_expires": utcnow() + datetime.timedelta(days=CODE_DAYS)}
    for _ in range(20):
        if fresh:
            values["code"] = new_code()
        try:
            with db.session() as session, session.begin():
                query = update(SchoolClass).where(SchoolClass.id == class_id)
                session.execute(query.values(**values))
            return
        except IntegrityError:
            continue
    raise ClassError("Could not make a join code: try again.")


def close_joining(db: Database, class_id: int) -> None:
    """Nobody can join with the code any more (students already in stay in)."""
    with db.session() as session, session.begin():
        query = update(SchoolClass).where(SchoolClass.id == class_id)
        session.execute(query.values(code_expires=utcnow()))


def delete_class(db: Database, class_id: int) -> None:
    """The class, its students and every answer they gave (the foreign keys cascade;
    deleted here in order too, so that it never depends on them)."""
    with db.session() as session, session.begin():
        session.execute(delete(Answer).where(Answer.class_id == class_id))
        session.execute(delete(Student).where(Student.class_id == class_id))
        session.execute(delete(ClassLesson).where(ClassLesson.class_id == class_id))
        session.execute(delete(SchoolClass).where(SchoolClass.id == class_id))


# --------------------------------------------------------------------------- lessons


def class_lessons(db: Database, class_id: int) -> list[str]:
    """The slugs of the lessons assigned to a class, in the order they were assigned."""
    query = (
        select(ClassLesson.lesson)
        .where(ClassLesson.class_id == class_id)
        .order_by(ClassLesson.added, ClassLesson.lesson)
    )
    with db.session() as session:
        return list(session.scalars(query))


def set_lessons(db: Database, class_id: int, slugs: Iterable[str]) -> None:
    """Assign exactly these lessons (answers to an unassigned lesson are kept)."""
    wanted = [s for s in dict.fromkeys(slugs) if s and len(s) <= SLUG_LENGTH]
    with db.session() as session, session.begin():
        have = set(
            session.scalars(select(ClassLesson.lesson).where(ClassLesson.class_id == class_id))
        )
        gone = have - set(wanted)
        if gone:
            session.execute(
                delete(ClassLesson).where(
                    ClassLesson.class_id == class_id, ClassLesson.lesson.in_(gone)
                )
            )
        now = utcnow()
        for offset, slug in enumerate(s for s in wanted if s not in have):
            added = now + datetime.timedelta(microseconds=offset)
            session.add(ClassLesson(class_id=class_id, lesson=slug, added=added))


# --------------------------------------------------------------------------- students


def _info(row: Student) -> StudentInfo:
    return StudentInfo(row.id, row.class_id, row.name, row.joined)


def find_student_named(db: Database, class_id: int, name: str) -> StudentInfo | None:
    key = name_key(name)
    query = select(Student).where(Student.class_id == class_id, Student.name_key == key)
    with db.session() as session:
        row = session.scalar(query)
    return _info(row) if row else None


def join_class(db: Database, class_id: int, name: str) -> StudentInfo:
    """The student of this class with this name: the one there is (the same name on
    another device), or a new one. Two joining at once with one name get one student."""
    name = student_name(name)
    existing = find_student_named(db, class_id, name)
    if existing:
        return existing
    try:
        with db.session() as session, session.begin():
            row = Student(class_id=class_id, name=name, name_key=name_key(name))
            session.add(row)
        return _info(row)
    except IntegrityError:  # the same name, a moment ago
        found = find_student_named(db, class_id, name)
        if found is None:
            raise
        return found


def class_students(db: Database, class_id: int) -> list[StudentInfo]:
    query = select(Student).where(Student.class_id == class_id).order_by(Student.name_key)
    with db.session() as session:
        return [_info(row) for row in session.scalars(query)]


def answer_counts(db: Database, class_id: int) -> dict[int, int]:
    """How many answers each student of the class has recorded (every lesson)."""
    query = (
        select(Answer.student_id, func.count())
        .where(Answer.class_id == class_id)
        .group_by(Answer.student_id)
    )
    with db.session() as session:
        return {student: count for student, count in session.execute(query)}


def remove_student(db: Database, class_id: int, student_id: int) -> bool:
    """A student and every answer they gave; False when there is no such student."""
    with db.session() as session, session.begin():
        session.execute(
            delete(Answer).where(Answer.student_id == student_id, Answer.class_id == class_id)
        )
        gone = session.execute(
            delete(Student).where(Student.id == student_id, Student.class_id == class_id)
        )
        return bool(gone.rowcount)


def members(db: Database, student_ids: list[int], lesson: str | None = None) -> list[Member]:
    """The students a device remembers, in its order, that still exist (and, with
    ``lesson``, whose class has that lesson assigned)."""
    with db.session() as session:
        return members_in(session, student_ids, lesson)


def members_in(session: Session, student_ids: list[int], lesson: str | None) -> list[Member]:
    """``members``, in an open session (companion.accounts.answers.member_progress)."""
    ids = [i for i in student_ids if type(i) is int][:MAX_MEMBERSHIPS]  # not True, not "1"
    if not ids:
        return []
    query = select(Student, SchoolClass).join(SchoolClass, Student.class_id == SchoolClass.id)
    query = query.where(Student.id.in_(ids))
    if lesson is not None:
        assigned = select(ClassLesson.class_id).where(ClassLesson.lesson == lesson)
        query = query.where(SchoolClass.id.in_(assigned))
    found = {s.id: Member(_info(s), ClassInfo.of(c)) for s, c in session.execute(query)}
    return [found[i] for i in ids if i in found]
