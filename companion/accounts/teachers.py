"""Teacher accounts: add, list, remove, change a password, check one at sign-in.

Names are case-insensitive (kept in lower case): "Ms.Lee" and "ms.lee" are one teacher.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from companion.accounts.database import Database
from companion.accounts.models import NAME_LENGTH, Teacher
from companion.accounts.passwords import (
    dummy_hash,
    hash_password,
    new_password,
    password_problem,
    verify_password,
)
from companion.common.errors import CompanionError

FIRST_TEACHER = "teacher"
_NAME = re.compile(r"[a-z0-9][a-z0-9._@+-]*")


class AccountError(CompanionError):
    """A bad teacher name or password, or a name that is taken or unknown."""


@dataclass(frozen=True)
class TeacherInfo:
    """A teacher as the rest of the app sees one (never with the password hash)."""

    id: int
    name: str
    created: datetime.datetime
    stamp: str  # changes with the password: sessions made before a change end with it

    @classmethod
    def of(cls, row: Teacher) -> TeacherInfo:
        return cls(row.id, row.name, row.created, session_stamp(row.password_hash))


def session_stamp(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def normalize_name(name: str) -> str:
    """A teacher name as stored (lower case); AccountError if it cannot be one."""
    cleaned = name.strip().lower()
    if not cleaned:
        raise AccountError("a teacher name cannot be empty")
    if len(cleaned) > NAME_LENGTH:
        raise AccountError(f"a teacher name can have at most {NAME_LENGTH} characters")
    if not _NAME.fullmatch(cleaned):
        raise AccountError(
            f"'{name}' cannot be a teacher name: use letters, digits and . _ @ + - "
            "(starting with a letter or digit)"
        )
    return cleaned


def check_password(password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)


def add_teacher(db: Database, name: str, password: str) -> TeacherInfo:
    name = normalize_name(name)
    check_password(password)
    row = Teacher(name=name, password_hash=hash_password(password))
    try:
        with db.session() as session, session.begin():
            session.add(row)
    except IntegrityError:
        raise AccountError(f"there is already a teacher named '{name}'") from None
    return TeacherInfo.of(row)


def list_teachers(db: Database) -> list[TeacherInfo]:
    with db.session() as session:
        rows = session.scalars(select(Teacher).order_by(Teacher.name))
        return [TeacherInfo.of(row) for row in rows]


def count_teachers(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Teacher)) or 0


def _named(session, name: str) -> Teacher:
    key = normalize_name(name)
    row = session.scalar(select(Teacher).where(Teacher.name == key))
    if row is None:
        raise AccountError(f"there is no teacher named '{key}'")
    return row


def teacher_exists(db: Database, name: str) -> bool:
    key = normalize_name(name)
    with db.session() as session:
        return session.scalar(select(Teacher.id).where(Teacher.name == key)) is not None


def remove_teacher(db: Database, name: str) -> None:
    with db.session() as session, session.begin():
        session.delete(_named(session, name))


def set_password(db: Database, name: str, password: str) -> None:
    """A new password; the teacher's open sessions end (their stamp changes)."""
    check_password(password)
    with db.session() as session, session.begin():
        _named(session, name).password_hash = hash_password(password)


def find_teacher(db: Database, teacher_id: int) -> TeacherInfo | None:
    with db.session() as session:
        row = session.get(Teacher, teacher_id)
        return TeacherInfo.of(row) if row else None


def authenticate(db: Database, name: str, password: str) -> TeacherInfo | None:
    """The teacher with this name and password, or None (taking as long either way)."""
    try:
        key = normalize_name(name)
    except AccountError:
        key = ""
    with db.session() as session:
        row = session.scalar(select(Teacher).where(Teacher.name == key)) if key else None
    stored = row.password_hash if row else dummy_hash()
    if verify_password(stored, password) and row is not None:
        return TeacherInfo.of(row)
    return None


def create_first_teacher(db: Database) -> tuple[str, str] | None:
    """On a fresh install (no teacher at all), a teacher named ``teacher`` with a new
    random password: (name, password) to print once; None when there is a teacher
    already (or another server process made the first one a moment ago)."""
    if count_teachers(db):
        return None
    password = new_password()
    try:
        add_teacher(db, FIRST_TEACHER, password)
    except AccountError:
        return None
    return FIRST_TEACHER, password
