"""`generate --update`: regeneration keeps every teacher edit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from companion.cli import main
from companion.lesson.store import load_lesson
from tests.helpers import SEED


@pytest.fixture
def lesson_path(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    monkeypatch.setenv("COMPANION_CONTENT", str(folder))
    assert main(["generate", str(SEED)]) == 0
    return folder / "panjshir-valley.md"


def _item_block(text: str, first_line: str) -> str:
    start = text.index(first_line)
    end = text.index("-->", start) + 3
    return text[start:end]


def test_update_keeps_edits_locks_teacher_items_and_deletions(lesson_path: Path):
    original = lesson_path.read_text(encoding="utf-8")
    lesson = load_lesson(lesson_path)
    edited_entry = lesson.passages[0].glossary[0]
    deleted_q = lesson.passages[0].questions[0]
    locked_q = lesson.passages[1].questions[0]

    text = original
    # 1. a teacher rewrites a generated definition (keeping its provenance comment)
    text = text.replace(
        f":   {edited_entry.definition}\n", ":   the group that rules Afghanistan now\n", 1
    )
    # 2. deletes a generated question
    text = text.replace(_item_block(text, f"1. {deleted_q.prompt}") + "\n\n", "", 1)
    # 3. locks another
    locked_block = _item_block(text, locked_q.prompt)
    text = text.replace(
        locked_block, locked_block.replace("status: generated", "status: locked"), 1
    )
    # 4. writes a question of their own
    text = text.replace(
        "### Questions\n\n",
        "### Questions\n\n9. Why do you think the valley matters?\n"
        "    Sample answer: It is hard to reach and easy to defend.\n\n",
        1,
    )
    lesson_path.write_text(text, encoding="utf-8")
    edited_text = text

    assert main(["generate", "--update", str(lesson_path)]) == 0
    updated = lesson_path.read_text(encoding="utf-8")
    backups = list((lesson_path.parent / ".backup").glob("panjshir-valley.*.md"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == edited_text

    entry_block = _item_block(edited_text, edited_entry.term + "\n:   the group")
    assert entry_block in updated, "the edited entry is kept byte for byte"
    assert updated.count(f"\n{edited_entry.term}\n:") == 1, "and not generated again"
    assert deleted_q.prompt not in updated, "a deleted question stays deleted"
    assert locked_block.replace("status: generated", "status: locked") in updated
    assert (
        "9. Why do you think the valley matters?\n    Sample answer: It is hard to reach" in updated
    )
    assert deleted_q.id in re.search(r"deleted: \[([^\]]*)\]", updated).group(1)

    # A second update changes nothing: the file is stable.
    assert main(["generate", "--update", str(lesson_path)]) == 0
    assert lesson_path.read_text(encoding="utf-8") == updated


def test_update_of_an_untouched_lesson_gives_the_same_file(lesson_path: Path):
    before = lesson_path.read_text(encoding="utf-8")
    assert main(["generate", "--update", str(lesson_path)]) == 0
    assert lesson_path.read_text(encoding="utf-8") == before
