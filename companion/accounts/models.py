"""The database tables (SQLAlchemy 2 declarative models): teachers, failed sign-ins, and
classes with their students and recorded answers (docs/classes.md).

A change here needs a migration in ``migrations/versions/`` (docs/teachers.md): the
database is never created from these classes directly, only by the migrations.
Times are naive UTC, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAME_LENGTH = 64
ADDRESS_LENGTH = 64  # an IPv6 address with a zone fits
CLASS_NAME_LENGTH = 80
CODE_LENGTH = 6  # a join code without its dash: K7P4QX
STUDENT_NAME_LENGTH = 40
SLUG_LENGTH = 200  # a lesson's slug (its file name)
QUESTION_ID_LENGTH = 200
STATE_LENGTH = 40  # an encoded try state: "incorrect.1.5feceb66ffc8"


def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    # Named constraints, so that later migrations can alter them on every database.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class Teacher(Base):
    __tablename__ = "teachers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)


class LoginAttempt(Base):
    """A failed sign-in, kept for an hour: the rate limit counts them per account name
    and per client address (in the database, so that every server process sees them)."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(NAME_LENGTH))
    address: Mapped[str] = mapped_column(String(ADDRESS_LENGTH))
    at: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_login_attempts_account_at", "account", "at"),
        Index("ix_login_attempts_address_at", "address", "at"),
    )


class SchoolClass(Base):
    """A teacher's class: students join it with its code (or its link) and a name."""

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(
        ForeignKey("teachers.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(CLASS_NAME_LENGTH))
    code: Mapped[str] = mapped_column(String(CODE_LENGTH), unique=True)
    code_expires: Mapped[datetime.datetime] = mapped_column(DateTime())
    created: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)


class ClassLesson(Base):
    """A lesson (by its slug) assigned to a class: its students' answers are recorded."""

    __tablename__ = "class_lessons"

    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    lesson: Mapped[str] = mapped_column(String(SLUG_LENGTH), primary_key=True)
    added: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)


class Student(Base):
    """A display name in a class (no account): ``name_key`` makes "Sam" and "sam " one
    name, so that joining again with the same name and code is the same student."""

    __tablename__ = "students"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(STUDENT_NAME_LENGTH))
    name_key: Mapped[str] = mapped_column(String(STUDENT_NAME_LENGTH))
    joined: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("class_id", "name_key"),)


class Answer(Base):
    """One check (or "Show answer") of one question by a class member, never updated.

    ``first_try`` marks the try that counts: a unique index allows one per student,
    lesson and question, so two devices answering at once cannot both record one.
    ``result`` is the check's grade (NULL for "Show answer"); ``state`` the question's
    try state after it (companion.views.tries); ``value`` the answer as read, as JSON.
    """

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id", ondelete="CASCADE"))
    lesson: Mapped[str] = mapped_column(String(SLUG_LENGTH))
    question: Mapped[str] = mapped_column(String(QUESTION_ID_LENGTH))
    action: Mapped[str] = mapped_column(String(8))  # "check" or "reveal"
    answer: Mapped[str] = mapped_column(Text(), default="")  # as shown to the teacher
    value: Mapped[str | None] = mapped_column(Text(), nullable=True)
    result: Mapped[str | None] = mapped_column(String(12), nullable=True)
    first_try: Mapped[bool] = mapped_column(Boolean())
    state: Mapped[str] = mapped_column(String(STATE_LENGTH))
    at: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_answers_class_lesson", "class_id", "lesson"),
        Index("ix_answers_student_lesson", "student_id", "lesson"),
        Index(
            "uq_answers_first_try",
            "student_id",
            "lesson",
            "question",
            unique=True,
            sqlite_where=text("first_try"),
            postgresql_where=text("first_try"),
        ),
    )


class LessonRecord(Base):
    """One lesson file in the lesson index (companion.accounts.library): what the index
    page shows, kept current from the files' modification time, size and content hash.
    The text (``body``) is there for the search (FTS5 on SQLite, a GIN index on
    PostgreSQL: migration 0003)."""

    __tablename__ = "lesson_index"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(SLUG_LENGTH), unique=True)
    collection: Mapped[str] = mapped_column(String(SLUG_LENGTH), index=True)  # sub-folder
    mtime_ns: Mapped[int] = mapped_column(BigInteger(), index=True)
    size: Mapped[int] = mapped_column(BigInteger())
    hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text(), index=True)
    body: Mapped[str] = mapped_column(Text())
    error: Mapped[str | None] = mapped_column(Text(), nullable=True)
    passages: Mapped[int]
    words: Mapped[int]
    reading_minutes: Mapped[int]
    grade_level: Mapped[float] = mapped_column(Float())
    questions: Mapped[int]
    items: Mapped[int]
    reviewed: Mapped[int]
    warnings: Mapped[str] = mapped_column(Text())  # JSON: [[line, message], ...]
    subject: Mapped[str] = mapped_column(String(200))
    tags: Mapped[str] = mapped_column(Text())  # ",tag,other," (a LIKE finds ",tag,")
    indexed: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)
