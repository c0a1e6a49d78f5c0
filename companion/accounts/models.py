"""The account tables (SQLAlchemy 2 declarative models).

A change here needs a migration in ``migrations/versions/`` (docs/teachers.md): the
database is never created from these classes directly, only by the migrations.
Times are naive UTC, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime

from sqlalchemy import DateTime, Index, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAME_LENGTH = 64
ADDRESS_LENGTH = 64  # an IPv6 address with a zone fits


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
