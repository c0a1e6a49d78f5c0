"""Teacher accounts in the database (companion.accounts), on SQLite and on a real
PostgreSQL server that the test suite starts itself (tests/postgres.py): the migrations
from an empty database, teachers, passwords, and the sign-in rate limit."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from companion.accounts import passwords, ratelimit
from companion.accounts.database import head_revision, migrate, open_database, parse_url
from companion.accounts.passwords import (
    hash_password,
    new_password,
    password_problem,
    verify_password,
)
from companion.accounts.signin import sign_in
from companion.accounts.teachers import (
    AccountError,
    add_teacher,
    authenticate,
    create_first_teacher,
    find_teacher,
    list_teachers,
    normalize_name,
    remove_teacher,
    set_password,
)
from companion.common.errors import SettingsError

NOW = datetime.datetime(2025, 3, 1, 9, 0, 0)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path: Path) -> str:
    """The URL of an empty database: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'instance' / 'companion.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def db(empty_url: str):
    database = open_database(empty_url)
    yield database
    database.dispose()


# ------------------------------------------------------------------ migrations


def test_migrations_build_the_schema_from_an_empty_database(empty_url: str):
    db = open_database(empty_url)  # the SQLite file's folder is made too
    tables = set(inspect(db.engine).get_table_names())
    assert {"teachers", "login_attempts", "alembic_version"} <= tables
    with db.engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == head_revision()
    columns = {c["name"] for c in inspect(db.engine).get_columns("teachers")}
    assert columns == {"id", "name", "password_hash", "created"}
    migrate(db)  # again: nothing to do, nothing breaks
    db.dispose()


def test_a_database_that_cannot_be_reached_is_one_line_with_the_password_hidden():
    with pytest.raises(SettingsError) as caught:
        open_database("postgresql://me:s3cret@/nowhere?host=/nonexistent-socket-dir")
    message = str(caught.value)
    assert message.startswith("COMPANION_DATABASE_URL: cannot use postgresql+psycopg://me:***@")
    assert "s3cret" not in message and "\n" not in message


def test_a_sqlite_file_that_cannot_be_made_is_one_line():
    with pytest.raises(SettingsError, match="cannot create /proc/nope/x.db: No such file"):
        open_database("sqlite:////proc/nope/x.db")


def test_the_sqlite_file_is_private(tmp_path: Path):
    open_database(f"sqlite:///{tmp_path / 'db' / 'companion.db'}").dispose()
    assert (tmp_path / "db" / "companion.db").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("url", "problem"),
    [("mysql://x@y/z", "must be a sqlite:/// or postgresql://"), ("not a url", "is not a database")],
)
def test_only_sqlite_and_postgresql_urls(url: str, problem: str):
    with pytest.raises(SettingsError, match=problem):
        parse_url(url)


def test_postgres_urls_use_psycopg_3():
    assert parse_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert parse_url("postgres://u@h/db").drivername == "postgresql+psycopg"


# ------------------------------------------------------------------ teachers


def test_add_list_find_remove(db):
    lee = add_teacher(db, "  Ms.Lee ", "a long password")
    add_teacher(db, "abe", "another password")
    assert lee.name == "ms.lee"  # names are kept in lower case
    assert [t.name for t in list_teachers(db)] == ["abe", "ms.lee"]
    assert find_teacher(db, lee.id) == lee
    with pytest.raises(AccountError, match="already a teacher named 'ms.lee'"):
        add_teacher(db, "MS.LEE", "a long password")
    remove_teacher(db, "ms.lee")
    assert find_teacher(db, lee.id) is None
    with pytest.raises(AccountError, match="no teacher named 'ms.lee'"):
        remove_teacher(db, "ms.lee")


@pytest.mark.parametrize(
    ("name", "problem"),
    [("", "cannot be empty"), ("a b", "cannot be a teacher name"), ("-x", "cannot be"),
     ("x" * 65, "at most 64"), ("<script>", "cannot be a teacher name")],
)
def test_bad_names_are_refused(name: str, problem: str):
    with pytest.raises(AccountError, match=problem):
        normalize_name(name)


def test_passwords_are_hashed_and_checked(db, monkeypatch, fast_password_hashing):
    monkeypatch.setattr(passwords, "N", fast_password_hashing)  # the real cost, this once
    add_teacher(db, "lee", "a long password")
    with db.engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM teachers")).scalar()
    assert stored.startswith("scrypt$32768$8$1$") and "a long password" not in stored
    monkeypatch.undo()
    assert authenticate(db, "LEE", "a long password").name == "lee"
    assert authenticate(db, "lee", "a long passwore") is None
    assert authenticate(db, "nobody", "a long password") is None
    assert authenticate(db, "not a name!", "x") is None


def test_a_new_password_changes_the_session_stamp(db):
    before = add_teacher(db, "lee", "a long password")
    set_password(db, "lee", "a new long password")
    after = find_teacher(db, before.id)
    assert after.stamp != before.stamp
    assert authenticate(db, "lee", "a long password") is None
    assert authenticate(db, "lee", "a new long password") is not None


def test_the_first_teacher_is_made_only_on_an_empty_table(db):
    name, password = create_first_teacher(db)
    assert name == "teacher" and authenticate(db, "teacher", password) is not None
    assert create_first_teacher(db) is None


# ------------------------------------------------------------------ rate limit


def test_sign_in_is_limited_per_account_then_frees_after_a_minute(db):
    add_teacher(db, "lee", "a long password")
    for _ in range(ratelimit.PER_ACCOUNT):
        assert sign_in(db, "lee", "wrong", "10.0.0.1", NOW).teacher is None
    limited = sign_in(db, "lee", "a long password", "10.0.0.2", NOW)  # even the right one
    assert limited.limited and limited.teacher is None
    later = NOW + ratelimit.WINDOW + datetime.timedelta(seconds=1)
    assert sign_in(db, "lee", "a long password", "10.0.0.2", later).teacher is not None


def test_sign_in_is_limited_per_address(db):
    add_teacher(db, "lee", "a long password")
    for n in range(ratelimit.PER_ADDRESS):
        sign_in(db, f"guess{n}", "wrong", "10.0.0.9", NOW)
    assert sign_in(db, "lee", "a long password", "10.0.0.9", NOW).limited
    assert sign_in(db, "lee", "a long password", "10.0.0.10", NOW).teacher is not None


def test_a_success_forgets_the_accounts_failures_and_old_ones_are_deleted(db):
    add_teacher(db, "lee", "a long password")
    sign_in(db, "lee", "wrong", "10.0.0.1", NOW - datetime.timedelta(hours=2))
    for _ in range(ratelimit.PER_ACCOUNT - 1):
        sign_in(db, "lee", "wrong", "10.0.0.1", NOW)
    assert sign_in(db, "lee", "a long password", "10.0.0.1", NOW).teacher is not None
    with db.engine.connect() as connection:
        left = connection.execute(text("SELECT count(*) FROM login_attempts")).scalar()
    assert left == 0  # the account's are forgotten; the two-hour-old one was pruned


# ------------------------------------------------------------------ passwords


def test_password_hashes_are_salted_and_verified():
    one, two = hash_password("same password"), hash_password("same password")
    assert one != two
    assert verify_password(one, "same password") and not verify_password(one, "Same password")
    for bad in ("", "md5$x", "scrypt$a$b$c$d$e", "scrypt$1$8$1$!!$!!"):
        assert not verify_password(bad, "same password")


def test_password_rules_and_new_passwords():
    assert password_problem("short") == "a password needs at least 8 characters"
    assert "space" in password_problem(" padded password ")
    assert password_problem("x" * 1025).startswith("a password can have at most")
    assert password_problem("long enough") == ""
    made = {new_password() for _ in range(5)}
    assert len(made) == 5 and all(len(p) == 20 and password_problem(p) == "" for p in made)


def test_the_database_setting_explicit_then_environment_then_default():
    from companion.common.settings import INSTANCE_DIR, load_settings

    default = load_settings({}, environ={}).database_url
    assert default == f"sqlite:///{INSTANCE_DIR / 'companion.db'}"
    env = {"COMPANION_DATABASE_URL": "postgresql://u@h/db"}
    assert load_settings({}, environ=env).database_url == "postgresql://u@h/db"
    explicit = {"DATABASE_URL": "sqlite:////tmp/x.db"}
    assert load_settings(explicit, environ=env).database_url == "sqlite:////tmp/x.db"
    with pytest.raises(SettingsError, match="must start with sqlite:/// or postgresql://"):
        load_settings({}, environ={"COMPANION_DATABASE_URL": "mysql://a:secret@c/d"})
