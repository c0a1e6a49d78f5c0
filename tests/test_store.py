"""The lesson store (companion.lesson.store): which files are lessons, which slugs are
safe, when a lesson is parsed again, and how a broken file is reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from companion.common.errors import InputFileError
from companion.lesson.store import LessonStore, load_lesson, read_lesson_text


def lesson_text(title: str, body: str = "A short paragraph.") -> str:
    return f"---\ntitle: {title}\n---\n\n## First part\n\n{body}\n"


BROKEN = "---\ntitle: Broken\n---\n\nText before any heading.\n"  # line 5: outside a passage


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "volcanoes.md").write_text(lesson_text("Volcanoes"), encoding="utf-8")
    (folder / "rivers.md").write_text(lesson_text("Rivers"), encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------- listing


def test_slugs_lists_lesson_files_only_sorted(folder: Path):
    (folder / "glossary.md").write_text("Term\n:   definition\n", encoding="utf-8")
    (folder / ".hidden.md").write_text(lesson_text("Hidden"), encoding="utf-8")
    (folder / "_draft.md").write_text(lesson_text("Draft"), encoding="utf-8")
    (folder / "notes.txt").write_text("not a lesson", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.md").write_text(lesson_text("Nested"), encoding="utf-8")
    assert LessonStore(folder).slugs() == ["rivers", "volcanoes"]


def test_missing_folder_has_no_lessons(tmp_path: Path):
    store = LessonStore(tmp_path / "nowhere")
    assert store.slugs() == [] and store.entries() == [] and store.get("rivers") is None


# ---------------------------------------------------------------------------- slugs


@pytest.mark.parametrize("slug", ["rivers", "a", "7", "grade-8-volcanoes", "a" * 80, "x1-y2"])
def test_path_for_accepts_plain_slugs(folder: Path, slug: str):
    assert LessonStore(folder).path_for(slug) == (folder / f"{slug}.md").resolve()


@pytest.mark.parametrize(
    "slug",
    [
        "",
        "../rivers",
        "..",
        "../../etc/passwd",
        "sub/nested",
        "sub\\nested",
        "/etc/passwd",
        "rivers.md",
        "Rivers",  # upper case is never a slug
        "-rivers",
        "rivers-",
        "riv ers",
        "rivers\x00",
        "%2e%2e",
        "a" * 81,
        "café",
        "rivers_1",
    ],
)
def test_path_for_refuses_anything_else(folder: Path, slug: str):
    store = LessonStore(folder)
    assert store.path_for(slug) is None
    assert store.get(slug) is None


def test_slug_with_a_trailing_newline_does_not_find_the_lesson(folder: Path):
    assert LessonStore(folder).get("rivers\n") is None


def test_symlink_out_of_the_folder_is_refused(folder: Path, tmp_path: Path):
    outside = tmp_path / "outside.md"
    outside.write_text(lesson_text("Secret"), encoding="utf-8")
    (folder / "escape.md").symlink_to(outside)
    store = LessonStore(folder)
    assert store.path_for("escape") is None
    assert store.get("escape") is None


def test_folder_given_through_a_symlink_still_works(folder: Path, tmp_path: Path):
    link = tmp_path / "linked"
    link.symlink_to(folder)
    entry = LessonStore(link).get("rivers")
    assert entry is not None and entry.lesson is not None and entry.lesson.title == "Rivers"


def test_unknown_slug_and_directory_named_like_a_lesson_are_none(folder: Path):
    (folder / "folder.md").mkdir()
    store = LessonStore(folder)
    assert store.get("unknown") is None
    assert store.get("folder") is None


# ---------------------------------------------------------------------------- loading


def test_get_parses_the_lesson(folder: Path):
    entry = LessonStore(folder).get("volcanoes")
    assert entry is not None
    assert entry.slug == "volcanoes"
    assert entry.path == (folder / "volcanoes.md").resolve()
    assert entry.error is None
    assert entry.lesson is not None and entry.lesson.title == "Volcanoes"
    assert entry.lesson.slug == "volcanoes"
    assert entry.size == (folder / "volcanoes.md").stat().st_size


def test_unchanged_file_is_parsed_once(folder: Path):
    store = LessonStore(folder)
    first = store.get("rivers")
    assert store.get("rivers") is first


def test_file_of_another_size_is_parsed_again(folder: Path):
    store = LessonStore(folder)
    first = store.get("rivers")
    (folder / "rivers.md").write_text(lesson_text("Rivers and lakes"), encoding="utf-8")
    second = store.get("rivers")
    assert second is not first
    assert second.lesson.title == "Rivers and lakes"


def test_file_of_the_same_size_but_newer_is_parsed_again(folder: Path):
    path = folder / "rivers.md"
    store = LessonStore(folder)
    first = store.get("rivers")
    path.write_text(lesson_text("Streams"), encoding="utf-8")  # "Rivers" and "Streams": 6+1
    path.write_text(lesson_text("Brooks"), encoding="utf-8")  # same length as "Rivers"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, first.mtime_ns + 1_000_000_000))
    assert path.stat().st_size == first.size
    second = store.get("rivers")
    assert second is not first and second.lesson.title == "Brooks"


def test_broken_lesson_is_reported_with_its_line_and_others_still_load(folder: Path):
    (folder / "broken.md").write_text(BROKEN, encoding="utf-8")
    store = LessonStore(folder)
    broken = store.get("broken")
    assert broken is not None and broken.lesson is None
    assert broken.error == (
        "broken.md:5: text outside a passage: start each passage with a '## Heading' line"
    )
    entries = store.entries()
    assert [e.slug for e in entries] == ["broken", "rivers", "volcanoes"]
    assert [e.lesson.title for e in entries if e.lesson] == ["Rivers", "Volcanoes"]


def test_fixed_lesson_loses_its_error(folder: Path):
    path = folder / "broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    store = LessonStore(folder)
    assert store.get("broken").error
    path.write_text(lesson_text("Fixed now"), encoding="utf-8")
    fixed = store.get("broken")
    assert fixed.error is None and fixed.lesson.title == "Fixed now"


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "empty.md:1: file is empty"),
        (b"\n  \n", "empty.md:1: file is empty"),
        (b"---\x00binary", "empty.md: file looks binary, not text"),
        (b"---\ntitle: caf\xe9\n---\n", "empty.md:2: file is not valid UTF-8"),
    ],
)
def test_unreadable_file_is_an_entry_with_an_error(folder: Path, content: bytes, error: str):
    (folder / "empty.md").write_bytes(content)
    entry = LessonStore(folder).get("empty")
    assert entry is not None and entry.lesson is None
    assert entry.error == error


# ---------------------------------------------------------------------------- reading


def test_read_lesson_text_drops_a_byte_order_mark(tmp_path: Path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff".encode() + lesson_text("With BOM").encode())
    assert read_lesson_text(path).startswith("---\n")
    assert load_lesson(path).title == "With BOM"


def test_load_lesson_uses_the_file_stem_as_slug(tmp_path: Path):
    path = tmp_path / "my-lesson.md"
    path.write_text(lesson_text("Mine"), encoding="utf-8")
    assert load_lesson(path).slug == "my-lesson"


def test_read_lesson_text_names_a_missing_file(tmp_path: Path):
    with pytest.raises(InputFileError, match="file not found"):
        read_lesson_text(tmp_path / "missing.md")


def test_a_slug_with_a_trailing_newline_is_refused(tmp_path):
    store = LessonStore(tmp_path)
    assert store.path_for("rivers\n") is None
