"""The lesson index (companion.lesson.catalog, companion.accounts.library) and the index
page on it (companion.web.library): kept current from file changes without re-parsing
unchanged files, searched, filtered and paginated, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from companion.accounts import library as library_module
from companion.accounts.database import open_database
from companion.accounts.library import LessonIndex, Query, fts_query
from companion.lesson import catalog
from companion.lesson.check import check_file
from companion.lesson.store import LessonStore
from companion.web import create_app
from tests.helpers import BLOWUP_SECONDS, sign_in

BROKEN = "---\ntitle: Broken\n---\n\nText before any heading.\n"  # line 5: outside a passage
WORDS = ["volcano", "river", "glacier", "desert", "forest"]


def lesson_text(
    title: str, body: str = "A short paragraph.", front: str = "", status: str = "generated"
) -> str:
    """A lesson with one question, generated (not reviewed) unless ``status`` says."""
    question = "1. Where is it?\n    Answer: here\n"
    question += f"    <!-- {{id: q-1, source: 'rule:literal-what', status: {status}}} -->\n"
    return (
        f"---\ntitle: {title}\n{front}---\n\n## First part\n\n{body}\n\n"
        f"### Questions\n\n{question}"
    )


def write(folder: Path, slug: str, text: str) -> Path:
    path = folder / f"{slug}.md"
    path.write_text(text, encoding="utf-8")
    return path


def touch_later(path: Path) -> None:
    """Move a file's modification time on, as an editor saving it a second later would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """50 lessons: lesson-00 ... lesson-49, one of five topics each."""
    folder = tmp_path / "content"
    folder.mkdir()
    for n in range(50):
        topic = WORDS[n % 5]
        body = f"The {topic} number {n} is described here in plain words."
        write(folder, f"lesson-{n:02d}", lesson_text(f"Lesson {n:02d} about a {topic}", body))
    return folder


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The slugs the index parses, in order."""
    seen: list[str] = []
    real = library_module.summarize

    def counting(state, digest):
        seen.append(state.slug)
        return real(state, digest)

    monkeypatch.setattr(library_module, "summarize", counting)
    return seen


@pytest.fixture
def index(folder: Path, database_url: str):
    db = open_database(database_url)
    yield LessonIndex(db, folder)
    db.dispose()


# ------------------------------------------------------------------ the files

def test_scan_lists_lesson_files_only(tmp_path: Path):
    write(tmp_path, "rivers", lesson_text("Rivers"))
    for name in ("glossary.md", ".hidden.md", "_draft.md", "Upper.md", "notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.md").mkdir()
    assert sorted(catalog.scan(tmp_path)) == ["rivers"]
    assert catalog.scan(tmp_path / "missing") == {}


def test_subject_and_tags_are_read_and_checked(tmp_path: Path):
    meta = {"subject": "History", "tags": ["Asia", "war", "asia", 1989]}
    assert catalog.lesson_subject(meta) == "History"
    assert catalog.lesson_tags(meta) == ["asia", "war", "1989"]
    assert catalog.lesson_tags({"tags": "asia, war"}) == ["asia", "war"]
    assert catalog.front_matter_problems(meta) == []
    bad = {"subject": {"a": 1}, "tags": {"b": 2}}
    assert len(catalog.front_matter_problems(bad)) == 2
    path = write(tmp_path, "tagged", lesson_text("Tagged", front="subject: [x]\ntags: 5\n"))
    messages = [str(p) for p in check_file(path)]
    assert any(":3: 'subject:' must be" in m for m in messages), messages
    assert any(":4: 'tags:' must be" in m for m in messages), messages


def test_the_store_keeps_a_bounded_number_of_parsed_lessons(folder: Path):
    store = LessonStore(folder, cache_size=3)
    for n in range(10):
        assert store.get(f"lesson-{n:02d}").lesson is not None
    assert store.cached() == 3
    first = store.get("lesson-09")
    assert store.get("lesson-09") is first  # the recently used one is still there


# ------------------------------------------------------------------ keeping it current

def test_first_sync_reads_every_file_then_none(index: LessonIndex, parses: list[str]):
    assert index.sync() == 50 and len(parses) == 50
    assert index.sync() == 0 and len(parses) == 50
    assert index.count() == 50


def test_touched_file_is_hashed_not_parsed(index, folder: Path, parses: list[str]):
    index.sync()
    touch_later(folder / "lesson-07.md")
    assert index.sync() == 1 and len(parses) == 50


def test_changed_file_is_parsed_again(index, folder: Path, parses: list[str]):
    index.sync()
    write(folder, "lesson-07", lesson_text("Seven, renamed in an editor"))
    touch_later(folder / "lesson-07.md")
    index.sync()
    assert parses[50:] == ["lesson-07"]
    assert index.find(Query(search="editor")).rows[0].slug == "lesson-07"


def test_renamed_file_keeps_its_row_without_parsing(index, folder: Path, parses: list[str]):
    index.sync()
    (folder / "lesson-07.md").rename(folder / "seventh.md")
    assert index.sync() == 1 and len(parses) == 50
    slugs = {r.slug for r in index.find(Query(search="Lesson 07")).rows}
    assert slugs == {"seventh"} and index.count() == 50


def test_deleted_file_loses_its_row(index, folder: Path):
    index.sync()
    (folder / "lesson-07.md").unlink()
    index.sync()
    assert index.count() == 49
    assert index.find(Query(search="Lesson 07")).total == 0


def test_broken_file_is_a_row_with_its_error(index, folder: Path):
    write(folder, "broken", BROKEN)
    index.sync()
    rows = index.find(Query(search="broken")).rows
    assert [(r.slug, r.error) for r in rows] == [("broken", rows[0].error)]
    assert rows[0].error.startswith("broken.md:5: ")
    assert index.count() == 51


def test_one_process_syncs_at_a_time(index: LessonIndex, parses: list[str]):
    """Another worker (another LessonIndex on the same database) holding the lock: a
    request's sync leaves the work to it; a build waits for it, then finds rows current."""
    other = LessonIndex(index.db, index.folder)
    with other._shared_lock(wait=True):
        assert index.sync(wait=False) == 0 and parses == []
    assert other.sync() == 50 and index.sync() == 0 and len(parses) == 50


# ------------------------------------------------------------------ the queries

def test_pages_hold_page_size_rows_sorted_by_title(index: LessonIndex):
    index.sync()
    first = index.find(Query(page=1), page_size=20)
    last = index.find(Query(page=3), page_size=20)
    assert (first.total, first.pages, len(first.rows), len(last.rows)) == (50, 3, 20, 10)
    assert first.rows[0].slug == "lesson-00" and last.rows[-1].slug == "lesson-49"
    assert index.find(Query(page=99), page_size=20).page == 3  # past the end: the last


def test_search_matches_words_of_the_title_and_text_as_prefixes(index: LessonIndex):
    index.sync()
    assert index.find(Query(search="glacier")).total == 10
    assert index.find(Query(search="glac")).total == 10  # a word's start
    assert index.find(Query(search="number 12 described")).rows[0].slug == "lesson-12"
    assert index.find(Query(search="nothing-like-this")).total == 0


@pytest.mark.parametrize("search", ['"', "AND", "a OR (", "title:x", "*", "NEAR(a b)", "'"])
def test_search_syntax_is_never_read_as_fts_syntax(index: LessonIndex, search: str):
    index.sync()
    assert index.find(Query(search=search)).total >= 0


def test_fts_query_quotes_every_word():
    assert fts_query('glacier "AND" x*') == '"glacier"* "AND"* "x"*'
    assert fts_query("  ") == '""'


def test_filters_by_grade_review_subject_and_tag(index: LessonIndex, folder: Path):
    write(folder, "done", lesson_text("Done", front="subject: Geography\n", status="reviewed"))
    write(folder, "tagged", lesson_text("Tagged", front="tags: [asia, war]\n"))
    index.sync()
    assert [r.slug for r in index.find(Query(review="reviewed")).rows] == ["done"]
    assert index.find(Query(review="unreviewed")).total == 51
    assert [r.slug for r in index.find(Query(subject="geography")).rows] == ["done"]
    assert [r.slug for r in index.find(Query(tag="asia")).rows] == ["tagged"]
    assert index.find(Query(tag="asi")).total == 0  # a tag is matched whole
    assert index.subjects() == ["Geography"]
    bands = [index.find(Query(grade=key)).total for key in library_module.GRADE_BANDS]
    assert sum(bands) == 52


def test_newest_first(index: LessonIndex, folder: Path):
    index.sync()
    touch_later(folder / "lesson-33.md")
    index.sync()
    assert index.find(Query(sort="newest")).rows[0].slug == "lesson-33"


def test_postgres_index_syncs_and_searches(folder: Path, postgres_url: str):
    db = open_database(postgres_url)
    try:
        index = LessonIndex(db, folder)
        assert index.sync() == 50
        assert index.find(Query(search="glaciers")).total == 10  # English stemming
        assert index.find(Query(search="lesson-12")).rows[0].slug == "lesson-12"
        (folder / "lesson-12.md").unlink()
        index.sync()
        assert index.count() == 49
        assert index.find(Query(search='"AND (')).total >= 0
        other = LessonIndex(db, folder)
        with other._shared_lock(wait=True):
            write(folder, "late", lesson_text("Late"))
            assert index.sync(wait=False) == 0  # another process is at it
        assert index.sync(wait=False) == 1
    finally:
        db.dispose()


# ------------------------------------------------------------------ the index page

@pytest.fixture
def library_client(folder: Path, database_url: str):
    app = create_app({"TESTING": True, "CONTENT_DIR": str(folder), "DATABASE_URL": database_url})
    yield app.test_client()
    app.extensions["companion_library"].wait(10)
    app.extensions["companion_library"].stop()


def titles(html: str) -> list[str]:
    return re.findall(r'class="lesson-title"[^>]*>([^<]*)<', html)


def test_index_page_is_paginated(library_client):
    html = library_client.get("/").get_data(as_text=True)
    assert len(titles(html)) == 50 and "Page 1" not in html
    for n in range(50, 60):
        write(Path(library_client.application.config["COMPANION_SETTINGS"].content_dir),
              f"lesson-{n:02d}", lesson_text(f"Lesson {n:02d}"))
    html = library_client.get("/").get_data(as_text=True)
    assert len(titles(html)) == 50 and "Page 1 of 2" in html and 'href="/?page=2"' in html
    second = library_client.get("/?page=2").get_data(as_text=True)
    assert titles(second) == [f"Lesson {n:02d}" for n in range(50, 60)]


def test_index_page_searches_and_filters(library_client):
    html = library_client.get("/?q=glacier&sort=newest").get_data(as_text=True)
    assert len(titles(html)) == 10 and "10 lessons" in html
    assert 'value="glacier"' in html
    html = library_client.get("/?q=%3Cscript%3E").get_data(as_text=True)
    assert "<script>" not in html and "No lesson matches." in html


def test_review_filter_is_for_teachers_only(library_client, folder: Path):
    write(folder, "done", lesson_text("Done", status="reviewed"))
    html = library_client.get("/?review=reviewed").get_data(as_text=True)
    assert 'name="review"' not in html and len(titles(html)) == 50  # ignored for students
    sign_in(library_client)
    html = library_client.get("/?review=reviewed").get_data(as_text=True)
    assert 'name="review"' in html and titles(html) == ["Done"]
    assert "1 of 1 item reviewed" in html


def test_files_added_changed_renamed_deleted_while_serving(library_client, folder: Path):
    assert "Lesson 07 about" in library_client.get("/?q=lesson").get_data(as_text=True)
    write(folder, "new-one", lesson_text("A brand new lesson"))
    write(folder, "lesson-07", lesson_text("Seven, edited"))
    touch_later(folder / "lesson-07.md")
    (folder / "lesson-08.md").rename(folder / "eighth.md")
    (folder / "lesson-09.md").unlink()
    html = library_client.get("/?q=new").get_data(as_text=True)
    assert titles(html) == ["A brand new lesson"]
    html = library_client.get("/?q=seven").get_data(as_text=True)
    assert titles(html) == ["Seven, edited"]
    html = library_client.get("/?q=lesson+08").get_data(as_text=True)
    assert 'href="/lessons/eighth"' in html and "/lessons/lesson-08" not in html
    assert library_client.get("/lessons/eighth").status_code == 200
    html = library_client.get("/?q=lesson+09").get_data(as_text=True)
    assert titles(html) == [] and "No lesson matches." in html


def test_broken_file_among_many_is_listed_and_the_rest_work(library_client, folder: Path):
    write(folder, "aaa-broken", BROKEN)
    html = library_client.get("/").get_data(as_text=True)
    assert "can’t be shown right now" in html and "broken.md:5" not in html
    assert len(titles(html)) == 49  # 50 rows a page: the broken one and 49 others
    sign_in(library_client)
    html = library_client.get("/").get_data(as_text=True)
    assert "aaa-broken.md:5: " in html
    assert library_client.get("/lessons/lesson-01").status_code == 200


def test_healthz_answers_while_the_index_builds(folder: Path, database_url: str, monkeypatch):
    slow = library_module.summarize

    def slow_summarize(state, digest):
        time.sleep(0.02)
        return slow(state, digest)

    monkeypatch.setattr(library_module, "summarize", slow_summarize)
    app = create_app(
        {
            "TESTING": True,
            "CONTENT_DIR": str(folder),
            "DATABASE_URL": database_url,
            "INDEX_BUILD_WAIT": "0.2",
        }
    )
    client = app.test_client()
    assert client.get("/healthz").status_code == 200  # starts the build, does not wait
    index = app.extensions["companion_library"]
    assert index.building()
    html = client.get("/").get_data(as_text=True)
    assert "Indexing the lessons" in html
    assert index.wait(10)
    assert len(titles(client.get("/").get_data(as_text=True))) == 50


def test_a_large_library_is_checked_by_a_thread_not_the_request(
    library_client, folder: Path, monkeypatch, parses: list[str]
):
    monkeypatch.setattr(library_module, "POLL_SECONDS", 0.05)
    index = library_client.application.extensions["companion_library"]
    index.inline_files = 10  # 50 files: "large"
    library_client.get("/")
    assert index.wait(10)
    write(folder, "new-one", lesson_text("A brand new lesson"))
    seen = []
    deadline = time.monotonic() + BLOWUP_SECONDS  # a poll or two; generous on a busy machine
    while time.monotonic() < deadline:  # shows without the request checking
        seen = titles(library_client.get("/?q=brand").get_data(as_text=True))
        if seen:
            break
        time.sleep(0.05)
    assert seen == ["A brand new lesson"]
    index.stop()


# ------------------------------------------------------------------ collections


def test_sub_folders_are_collections_with_stable_safe_slugs(tmp_path: Path):
    unit = tmp_path / "unit-1"
    unit.mkdir()
    write(tmp_path, "rivers", lesson_text("Rivers"))
    write(unit, "bees", lesson_text("Bees"))
    write(unit, "glossary", lesson_text("Not a lesson"))
    (tmp_path / "unit-1" / "deeper").mkdir()
    write(tmp_path / "unit-1" / "deeper", "hidden", lesson_text("Too deep"))
    (tmp_path / ".backup").mkdir()
    write(tmp_path / ".backup", "old", lesson_text("A backup"))
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    write(outside, "escape", lesson_text("Escape"))
    (tmp_path / "linked").symlink_to(outside)
    found = catalog.scan(tmp_path)
    assert sorted(found) == ["rivers", "unit-1.bees"]
    assert found["unit-1.bees"].collection == "unit-1"
    store = LessonStore(tmp_path)
    assert store.get("unit-1.bees").lesson.title == "Bees"
    for slug in ("linked.escape", ".bees", "unit-1.", "unit-1.deeper.hidden", "unit-1.glossary",
                 "Unit-1.bees", "unit-1..bees", "x.rivers"):
        assert store.path_for(slug) is None or not store.path_for(slug).is_file(), slug
    assert store.path_for("linked.escape") is None


def test_index_shows_collections_and_filters_by_one(library_client, folder: Path):
    unit = folder / "unit-2"
    unit.mkdir()
    write(unit, "bees", lesson_text("Bees in winter"))
    write(unit, "ants", lesson_text("Ants at work"))
    html = library_client.get("/?collection=unit-2").get_data(as_text=True)
    assert titles(html) == ["Ants at work", "Bees in winter"]
    assert '<a href="/?collection=unit-2">unit-2</a></h2>' in html
    assert 'href="/lessons/unit-2.bees"' in html
    page = library_client.get("/lessons/unit-2.bees")
    assert page.status_code == 200 and "Bees in winter" in page.get_data(as_text=True)
    assert library_client.get("/lessons/unit-2.bees/worksheet").status_code == 200
    html = library_client.get("/?page=2").get_data(as_text=True)  # after the top level
    assert titles(html) == ["Ants at work", "Bees in winter"]
