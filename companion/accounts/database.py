"""The account database: SQLite under ``instance/`` by default, PostgreSQL (psycopg 3)
when ``COMPANION_DATABASE_URL`` names one; its schema made and kept current by the
Alembic migrations in ``migrations/`` (``migrate``, run on app start and by the CLI)."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from companion.common.errors import SettingsError

DATABASE_FILE = "companion.db"
MIGRATIONS = Path(__file__).with_name("migrations")
SOURCE = "COMPANION_DATABASE_URL"
_PG_LOCK = 7_400_215  # pg_advisory_xact_lock key: one migration at a time


def default_url(instance_dir: Path) -> str:
    return f"sqlite:///{instance_dir / DATABASE_FILE}"


def parse_url(raw: str) -> URL:
    """A SQLite or PostgreSQL URL (PostgreSQL through psycopg 3); SettingsError if not."""
    try:
        url = make_url(raw.strip())
    except ArgumentError:
        raise SettingsError(f"{SOURCE} is not a database URL (it is '{raw}')") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and url.drivername in ("sqlite", "sqlite+pysqlite"):
        return url
    shown = url.render_as_string(hide_password=True)
    raise SettingsError(f"{SOURCE} must be a sqlite:/// or postgresql:// URL (it is '{shown}')")


def describe(url: URL) -> str:
    """The URL to show people: the password hidden."""
    return url.render_as_string(hide_password=True)


class Database:
    """An engine and its sessions. ``with db.session() as s, s.begin(): ...``"""

    def __init__(self, url: str):
        self.url = parse_url(url)
        self.engine = make_engine(self.url)
        self.session = sessionmaker(self.engine, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            _create_private(Path(url.database))
        # several threads per process share the pool; wait for another writer's lock
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Foreign keys enforced (deleting a class deletes its students and answers, as on
    PostgreSQL); for a file, write-ahead logging, so that readers never wait for the
    writer and a class answering at once does not queue behind each other's reads."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    if cursor.execute("PRAGMA database_list").fetchone()[2]:  # a file, not :memory:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _create_private(path: Path) -> None:
    """The SQLite file and its folder, made readable by this user only (it holds
    password hashes)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise SettingsError(f"{SOURCE}: cannot create {path}: {exc.strerror}") from None


# Alembic is imported where it is used: it adds a tenth of a second to every command's
# start, and only the migrations need it.


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(db: Database) -> None:
    """Bring the schema up to the newest migration (nothing to do when it is current).

    Several server processes may start at once: PostgreSQL migrations hold an advisory
    lock for their transaction, SQLite ones a file lock beside the database file.
    A database that cannot be reached is a SettingsError (one line, password hidden).
    """
    try:
        with _migration_lock(db.url), db.engine.begin() as connection:
            if db.url.get_backend_name() == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
            if current_revision(connection) != head_revision():
                from alembic import command

                command.upgrade(alembic_config(connection), "head")
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise SettingsError(f"{SOURCE}: cannot use {describe(db.url)}: {reason}") from None


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@contextlib.contextmanager
def _migration_lock(url: URL) -> Iterator[None]:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        yield
        return
    lock_path = Path(url.database).with_name(Path(url.database).name + ".migrate-lock")
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def open_database(url: str) -> Database:
    """The database at ``url``, migrated to the newest schema."""
    db = Database(url)
    migrate(db)
    return db

