from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from companion.web import create_app
from tests.helpers import SAMPLE, make_accounts_database

# No time limit per Hypothesis example: speed is measured in `make bench`, not in tests,
# and a loaded CI machine must not fail a parser test by being slow.
settings.register_profile("companion", deadline=None)
settings.load_profile("companion")

# On a busy test machine the lesson index's first build (even of one lesson) can take
# longer than the 1.5 s a visitor's index page waits for it: every test app waits up to
# 30 s, so tests of what the index lists see it built (test_library.py tests the progress
# page with a short wait of its own).
os.environ.setdefault("COMPANION_INDEX_WAIT", "30")


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """scrypt at 1/32 of its real cost (n=2**10), so that tests signing in many times
    stay fast; hashes keep their parameters, so checking them works the same.
    tests/test_accounts.py checks the real cost."""
    from companion.accounts import passwords

    real = passwords.N
    passwords.N = 2**10
    yield real
    passwords.N = real


@pytest.fixture(scope="session")
def accounts_template(tmp_path_factory, fast_password_hashing) -> Path:
    """A migrated SQLite account database holding the test teacher (helpers.TEACHER),
    made once per test process and copied for each app (copying takes a millisecond,
    migrating and hashing a password a few hundred)."""
    path = tmp_path_factory.mktemp("accounts") / "template.db"
    make_accounts_database(path)
    return path


@pytest.fixture(scope="session", autouse=True)
def accounts_database(accounts_template: Path, tmp_path_factory):
    """Apps made without a DATABASE_URL (and `app.create_app()` in subprocesses) use a
    copy of the template for this test process, never instance/companion.db."""
    path = tmp_path_factory.mktemp("accounts") / "shared.db"
    shutil.copy(accounts_template, path)
    old = os.environ.get("COMPANION_DATABASE_URL")
    os.environ["COMPANION_DATABASE_URL"] = f"sqlite:///{path}"
    yield path
    if old is None:
        os.environ.pop("COMPANION_DATABASE_URL", None)
    else:
        os.environ["COMPANION_DATABASE_URL"] = old


@pytest.fixture
def database_url(accounts_template: Path, tmp_path: Path) -> str:
    """A fresh account database of this test's own (with the test teacher)."""
    path = tmp_path / "companion.db"
    shutil.copy(accounts_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def postgres_socket():
    """A throwaway PostgreSQL server for this test process (tests/postgres.py), started
    on first use; skipped, saying why, only where PostgreSQL is not installed."""
    from tests import postgres

    reason = postgres.missing()
    if reason:
        pytest.skip(reason)
    with postgres.postgres_server() as socket_dir:
        yield socket_dir


@pytest.fixture
def postgres_url(postgres_socket: Path, request) -> str:
    """An empty database of this test's own on the throwaway server."""
    from tests import postgres

    name = "t_" + re.sub(r"\W+", "_", request.node.name.lower())[:50] + f"_{os.getpid()}"
    return postgres.create_database(postgres_socket, name)


@pytest.fixture
def wordnet_only(monkeypatch):
    """Generation without the learner dictionary and names: for the tests of WordNet's
    rules, which still decide every word and name those files do not hold."""
    monkeypatch.setattr("companion.generation.learner_dictionary.learner_dictionary", dict)
    monkeypatch.setattr("companion.generation.senses.learner_dictionary", dict)
    monkeypatch.setattr("companion.generation.senses.learner_names", dict)
    monkeypatch.setattr("companion.generation.senses.news_names", dict)
    monkeypatch.setattr("companion.generation.senses.news_people", dict)
    monkeypatch.setattr("companion.generation.senses.learner_senses", dict)
    monkeypatch.setattr("companion.generation.terms.learner_senses", dict)


@pytest.fixture
def no_news_people(monkeypatch):
    """Generation without the news people file: for the tests of the rules that build a
    person's line from the article, which decide for everyone the file does not hold."""
    monkeypatch.setattr("companion.generation.senses.news_people", dict)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder holding a copy of the sample lesson."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return folder


@pytest.fixture
def app(content: Path, database_url: str):
    return create_app({"TESTING": True, "CONTENT_DIR": str(content), "DATABASE_URL": database_url})


@pytest.fixture
def client(app):
    return app.test_client()


# ----------------------------------------------------------------- the browser
# One Chromium per test process, shared by every browser test file: Playwright's sync API
# cannot run twice at once in one process (two files on one pytest-xdist worker).

CHROMIUM = os.environ.get("COMPANION_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (set COMPANION_CHROMIUM)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()

