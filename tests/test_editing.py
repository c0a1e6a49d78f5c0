"""The review screen's changes to lesson files (companion.lesson.editing): only the
lines of the item change, the rules of `companion check` apply, and a file changed on
disk since it was loaded is never overwritten."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from companion.generation.pipeline import merge
from companion.lesson import editing
from companion.lesson.editing import (
    ConflictError,
    EditError,
    QuestionDraft,
    accept_passage,
    add_entry,
    add_question,
    delete_item,
    edit_entry,
    edit_question,
    lesson_items,
    save_change,
    set_status,
)
from companion.lesson.fileformat import parse_lesson, write_lesson
from tests.helpers import SAMPLE
from tests.test_lessonfile import lesson as lessons
from tests.test_lessonfile import plain

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")

SMALL = """\
---
title: Bees
---

## How bees keep warm

Honeybees do not sleep through the winter. They cluster together in the hive.

In 1952, scientists measured the middle of a cluster at 35 °C.

### Glossary

cluster
:   a group of similar things close together
    <!-- {source: wordnet, status: generated, evidence: They cluster together in the hive., hash: 5d1c0e7a} -->

hive
:   the box where a colony of bees lives

### Questions

1. When did scientists measure the temperature of a cluster?
    Answer: 1952
    <!-- {id: q-5e6f7a8b, paragraph: 2, source: 'rule:literal-when', status: generated, evidence: 'In 1952, scientists measured the middle of a cluster at 35 °C.', hash: 0f1e2d3c} -->

2. True or false: Honeybees sleep through the winter.
    - [ ] True
    - [x] False

## Summer

Bees fly in summer. They visit flowers and make honey.
"""


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines that differ between two texts: (old's, new's), once the common start
    and end are taken off."""
    a, b = old.split("\n"), new.split("\n")
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return a[start : len(a) - end], b[start : len(b) - end]


def item_lines(text: str, key: str) -> list[str]:
    item = next(i for i in lesson_items(parse_lesson(text)) if i.key == key)
    return text.split("\n")[item.start : item.end]


# --------------------------------------------------------------------------- status


def test_accept_changes_only_the_status_in_the_comment():
    new = set_status(SMALL, "term:cluster", "reviewed").text
    old_lines, new_lines = changed_lines(SMALL, new)
    assert len(old_lines) == len(new_lines) == 1
    assert new_lines[0] == old_lines[0].replace("status: generated", "status: reviewed")
    assert parse_lesson(new).glossary[0].status == "reviewed"


def test_lock_then_unlock():
    locked = set_status(SMALL, "q-5e6f7a8b", "locked").text
    assert parse_lesson(locked).questions[0].status == "locked"
    unlocked = set_status(locked, "q-5e6f7a8b", "reviewed").text
    assert parse_lesson(unlocked).questions[0].status == "reviewed"


def test_a_teachers_item_is_reviewed_already_and_locking_adds_a_comment():
    assert set_status(SMALL, "term:hive", "reviewed").text == SMALL
    key = parse_lesson(SMALL).questions[1].id
    locked = set_status(SMALL, key, "locked")
    old_lines, new_lines = changed_lines(SMALL, locked.text)
    assert old_lines == [] and new_lines == ["    <!-- {source: teacher, status: locked} -->"]
    question = parse_lesson(locked.text).questions[1]
    assert (question.id, question.status, question.source) == (key, "locked", "teacher")


def test_accept_all_remaining_in_a_passage():
    new = accept_passage(SAMPLE_TEXT, "p1").text
    before, after = parse_lesson(SAMPLE_TEXT), parse_lesson(new)
    assert {i.status for i in [*after.passages[0].glossary, *after.passages[0].questions]} == {
        "reviewed"
    }
    assert after.passages[1:] == before.passages[1:]
    assert new.split("\n")[after.passages[1].line - 1 :] == SAMPLE_TEXT.split("\n")[
        before.passages[1].line - 1 :
    ]


def test_an_unknown_item_or_passage_is_refused():
    with pytest.raises(EditError, match="no longer in the lesson"):
        set_status(SMALL, "q-nothing", "reviewed")
    with pytest.raises(EditError, match="passage"):
        accept_passage(SMALL, "p9")


# --------------------------------------------------------------------------- delete


def test_delete_removes_the_item_and_one_blank_line():
    new = delete_item(SMALL, "term:cluster").text
    old_lines, new_lines = changed_lines(SMALL, new)
    assert new_lines == []
    assert old_lines == [*item_lines(SMALL, "term:cluster"), ""]
    assert [e.term for e in parse_lesson(new).glossary] == ["hive"]


def test_a_deleted_generated_item_stays_deleted_on_update():
    """`generate --update` (pipeline.merge) sees the item in `generated:` and not in the
    file: the same item generated again is left out."""
    text = delete_item(SAMPLE_TEXT, "q-918830ca").text
    text = delete_item(text, "term:kabul").text
    merged = merge(parse_lesson(text), parse_lesson(SAMPLE_TEXT))
    assert "q-918830ca" not in {q.id for q in merged.questions}
    assert "Kabul" not in {g.term for g in merged.glossary}
    assert {"q-918830ca", "term:kabul"} <= set(merged.meta["deleted"])


def test_an_item_edited_in_the_browser_is_kept_on_update():
    draft = QuestionDraft("short_answer", "Where were Taliban forces sent?", answer="Panjshir")
    text = edit_question(SAMPLE_TEXT, "q-406107b2", draft).text
    text = edit_entry(text, "term:kabul", "Kabul", "the capital of Afghanistan").text
    merged = merge(parse_lesson(text), parse_lesson(SAMPLE_TEXT))
    assert "Where were Taliban forces sent?" in {q.prompt for q in merged.questions}
    kabul = next(g for g in merged.glossary if g.term == "Kabul")
    assert kabul.definition == "the capital of Afghanistan"
    assert write_lesson(merged).count("Kabul\n:") == 1


# --------------------------------------------------------------------------- edit


def test_edit_entry_keeps_its_provenance_and_marks_it_reviewed():
    change = edit_entry(SMALL, "term:cluster", "cluster", "bees packed close together")
    entry = parse_lesson(change.text).glossary[0]
    assert entry.definition == "bees packed close together"
    assert (entry.source, entry.status, entry.edited) == ("wordnet", "reviewed", True)
    assert entry.evidence == "They cluster together in the hive."
    assert change.key == "term:cluster"


def test_edit_question_with_accepted_answers():
    draft = QuestionDraft(
        "short_answer",
        "In what year  did scientists measure a cluster?",
        answer="1952",
        accept=("in 1952", " "),
    )
    change = edit_question(SMALL, "q-5e6f7a8b", draft)
    question = parse_lesson(change.text).questions[0]
    assert question.prompt == "In what year did scientists measure a cluster?"
    assert (question.answer, question.accept, question.status) == ("1952", ["in 1952"], "reviewed")
    assert question.id == "q-5e6f7a8b" == change.key
    assert question.evidence.startswith("In 1952")
    assert "accept: [in 1952], evidence:" in change.text


def test_edited_answer_gets_the_evidence_that_holds_it():
    draft = QuestionDraft("short_answer", "Where do bees cluster together?", answer="the hive")
    question = parse_lesson(edit_question(SMALL, "q-5e6f7a8b", draft).text).questions[0]
    assert question.evidence == "They cluster together in the hive."
    assert question.paragraph == 1


def test_a_locked_item_stays_locked_when_edited():
    locked = set_status(SMALL, "term:cluster", "locked").text
    entry = parse_lesson(edit_entry(locked, "term:cluster", "cluster", "a bunch").text).glossary[0]
    assert entry.status == "locked"


def test_edit_a_teachers_question_of_each_answer_form():
    key = parse_lesson(SMALL).questions[1].id
    draft = QuestionDraft("true_false", "True or false: Honeybees shiver in the hive.", answer="true")
    change = edit_question(SMALL, key, draft)
    question = parse_lesson(change.text).questions[1]
    assert (question.answer, question.source, question.status) == ("true", "teacher", "reviewed")
    assert question.raw is not None and "<!--" not in question.raw  # still the teacher's
    assert change.key == question.id


def test_sequence_items_keep_their_numbers():
    draft = QuestionDraft(
        "sequence", "Put these in order.", choices=("shiver", "cluster", "warm up"), order=(2, 1, 3)
    )
    change = add_question(SMALL, "p1", draft)
    question = parse_lesson(change.text).questions[2]
    assert question.answer == ["cluster", "shiver", "warm up"]
    assert "    - [2] shiver" in change.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda: edit_entry(SMALL, "term:cluster", "swarm", "x"), "does not appear in this passage"),
        (lambda: edit_entry(SMALL, "term:cluster", "cluster", " "), "empty definition"),
        (lambda: edit_entry(SMALL, "term:cluster", "hive", "x"), "already in the glossary"),
        (
            lambda: edit_question(SMALL, "q-5e6f7a8b", QuestionDraft("short_answer", " ", answer="1")),
            "no prompt",
        ),
        (
            lambda: add_question(SMALL, "p1", QuestionDraft("cloze", "Bees make honey.", answer="x")),
            "needs a blank",
        ),
        (
            lambda: add_question(
                SMALL, "p1", QuestionDraft("multiple_choice", "Who?", ("a", "b"), answer="c")
            ),
            "No choice is marked correct",
        ),
        (
            lambda: add_question(SMALL, "p1", QuestionDraft("multiple_choice", "Who?", ("a",), "a")),
            "at least two choices",
        ),
        (
            lambda: add_question(
                SMALL, "p1", QuestionDraft("sequence", "Order?", ("a", "b"), order=(1, 1))
            ),
            "numbered 1, 2, 3",
        ),
        (lambda: add_entry(SMALL, "p1", "hive -->", "x"), "cannot hold '<!--' or '-->'"),
        (
            lambda: add_question(SMALL, "p1", QuestionDraft("true_false", "Bees sleep.", answer="")),
            "true or false",
        ),
        (
            lambda: edit_question(SMALL, "q-5e6f7a8b", QuestionDraft("open", "Why?", answer="x")),
            "kind cannot be changed",
        ),
    ],
)
def test_a_change_breaking_a_rule_of_check_is_refused(change, message):
    with pytest.raises(EditError) as caught:
        change()
    assert message.lower() in " ".join(caught.value.problems).lower()


# --------------------------------------------------------------------------- add


def test_add_entry_to_an_existing_glossary():
    change = add_entry(SMALL, "p1", "honeybees", "bees that make honey")
    old_lines, new_lines = changed_lines(SMALL, change.text)
    assert old_lines == [] and len(new_lines) == 3
    assert "bees lives\n\nhoneybees\n:   bees that make honey\n\n### Questions" in change.text
    entry = parse_lesson(change.text).glossary[2]
    assert (entry.source, entry.status, change.key) == ("teacher", "reviewed", "term:honeybees")


def test_add_to_a_passage_without_sections_at_the_end_of_the_file():
    with_entry = add_entry(SMALL, "p2", "honey", "a sweet food bees make").text
    assert with_entry.endswith("make honey.\n\n### Glossary\n\nhoney\n:   a sweet food bees make\n")
    draft = QuestionDraft("open", "Why do bees visit flowers?", answer="To make honey.")
    both = add_question(with_entry, "p2", draft).text
    assert both.endswith(
        ":   a sweet food bees make\n\n### Questions\n\n1. Why do bees visit flowers?\n"
        "    Sample answer: To make honey.\n"
    )
    lesson = parse_lesson(both)
    assert [len(lesson.passages[1].glossary), len(lesson.passages[1].questions)] == [1, 1]


def test_a_glossary_goes_before_the_questions():
    text = delete_item(delete_item(SMALL, "term:cluster").text, "term:hive").text
    text = text.replace("### Glossary\n\n", "")
    new = add_entry(text, "p1", "hive", "a bees' home").text
    assert "35 °C.\n\n### Glossary\n\nhive\n:   a bees' home\n\n### Questions\n" in new


def test_a_question_is_numbered_after_the_last():
    draft = QuestionDraft("short_answer", "What do bees do in winter?", answer="cluster")
    change = add_question(SMALL, "p1", draft)
    assert "\n\n3. What do bees do in winter?\n    Answer: cluster\n\n## Summer" in change.text
    assert change.key == parse_lesson(change.text).questions[2].id


def test_added_accepted_answers_need_a_comment():
    draft = QuestionDraft("short_answer", "When?", answer="1952", accept=("in 1952",))
    question = parse_lesson(add_question(SMALL, "p1", draft).text).questions[2]
    assert (question.accept, question.source, question.status) == (
        ["in 1952"],
        "teacher",
        "reviewed",
    )


def test_windows_line_endings_are_kept():
    crlf = SMALL.replace("\n", "\r\n")
    for change in (
        set_status(crlf, "term:cluster", "reviewed"),
        edit_entry(crlf, "term:cluster", "cluster", "a bunch"),
        add_entry(crlf, "p2", "honey", "sweet"),
        add_entry(crlf, "p1", "honeybees", "bees"),
        delete_item(crlf, "q-5e6f7a8b"),
    ):
        assert change.text.count("\n") == change.text.count("\r\n")


# --------------------------------------------------------------------------- properties


@st.composite
def a_change(draw, text: str):
    """A random change to one item of ``text``: (the item, the operation, the change)."""
    items = lesson_items(parse_lesson(text))
    assume(items)
    item = draw(st.sampled_from(items))
    operation = draw(st.sampled_from(["accept", "lock", "delete", "edit"]))
    if operation == "accept":
        return item, operation, lambda t: set_status(t, item.key, "reviewed")
    if operation == "lock":
        return item, operation, lambda t: set_status(t, item.key, "locked")
    if operation == "delete":
        return item, operation, lambda t: delete_item(t, item.key)
    if not item.is_question:
        definition = draw(plain)
        return item, operation, lambda t: edit_entry(t, item.key, item.item.term, definition)
    question = item.item
    extra = draw(plain.filter(lambda s: "__" not in s))
    ordered = isinstance(question.answer, list)
    draft = QuestionDraft(
        kind=question.kind,
        prompt=f"{question.prompt} {extra}",
        choices=tuple(question.choices),
        answer="" if ordered else question.answer,
        order=tuple(question.answer.index(c) + 1 for c in question.choices) if ordered else (),
        accept=tuple(question.accept),
    )
    return item, operation, lambda t: edit_question(t, item.key, draft)


def assert_only_the_item_changed(old: str, new: str, start: int, end: int) -> None:
    """Every line outside the item's lines start..end is as it was, except one blank
    line beside it (a deleted item takes one with it). Checked as "the same head and the
    same tail around the item", not by a line diff, which cannot tell two like items
    apart."""
    a, b = old.split("\n"), new.split("\n")
    for low in (start, start - 1):
        for high in (end, end + 1):
            if low < 0 or high > len(a):
                continue
            if any(a[i].strip() for i in [*range(low, start), *range(end, high)]):
                continue  # only a blank line beside the item may go with it
            tail = len(a) - high
            if len(b) >= low + tail and b[:low] == a[:low] and b[len(b) - tail :] == a[high:]:
                return
    raise AssertionError(("lines outside the item changed", start, end))


def assert_change_keeps_the_rest(text: str, item, operation: str, change) -> None:
    try:
        new = change(text).text
    except EditError as exc:
        assert exc.problems and all(exc.problems)
        return
    assert_only_the_item_changed(text, new, item.start, item.end)
    if "\r\n" in text:
        assert new.count("\n") == new.count("\r\n")
    before = [i.item for i in lesson_items(parse_lesson(text)) if i.start != item.start]
    after = lesson_items(parse_lesson(new))
    if operation != "delete":
        after = [i for i in after if i.start != item.start]
    assert before == [i.item for i in after]


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data(), lessons(), st.booleans())
def test_a_change_keeps_every_other_byte(data, lesson, crlf):
    text = write_lesson(lesson)
    if crlf:
        text = text.replace("\n", "\r\n")
    assert_change_keeps_the_rest(text, *data.draw(a_change(text)))


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_changes_to_the_sample_keep_every_other_byte(data):
    assert_change_keeps_the_rest(SAMPLE_TEXT, *data.draw(a_change(SAMPLE_TEXT)))


# --------------------------------------------------------------------------- the file


def test_save_change_backs_up_and_writes(tmp_path: Path):
    path = tmp_path / "bees.md"
    path.write_text(SMALL, encoding="utf-8")
    loaded = editing.load(path)
    saved = save_change(path, loaded.version, lambda t: set_status(t, "term:cluster", "locked"))
    assert saved.backup is not None and saved.backup.read_text(encoding="utf-8") == SMALL
    assert saved.backup.parent == tmp_path / ".backup"
    assert path.read_text(encoding="utf-8") == saved.change.text
    assert saved.version == editing.load(path).version != loaded.version


def test_a_change_to_a_file_changed_on_disk_is_refused(tmp_path: Path):
    path = tmp_path / "bees.md"
    path.write_text(SMALL, encoding="utf-8")
    version = editing.load(path).version
    edited_elsewhere = SMALL.replace("a group of similar", "a bunch of similar")
    path.write_text(edited_elsewhere, encoding="utf-8")
    with pytest.raises(ConflictError, match="changed since this page was loaded"):
        save_change(path, version, lambda t: delete_item(t, "term:hive"))
    assert path.read_text(encoding="utf-8") == edited_elsewhere
    assert not (tmp_path / ".backup").exists() or not list((tmp_path / ".backup").glob("*.md"))


def test_a_change_that_changes_nothing_writes_nothing(tmp_path: Path):
    path = tmp_path / "bees.md"
    path.write_text(SMALL, encoding="utf-8")
    version = editing.load(path).version
    saved = save_change(path, version, lambda t: set_status(t, "term:hive", "reviewed"))
    assert saved.backup is None and saved.version == version


def test_two_changes_from_one_page_at_once_one_wins(tmp_path: Path):
    path = tmp_path / "bees.md"
    path.write_text(SMALL, encoding="utf-8")
    version = editing.load(path).version
    results: list[str] = []

    def change(key: str) -> None:
        try:
            save_change(path, version, lambda t: delete_item(t, key))
            results.append("saved")
        except ConflictError:
            results.append("conflict")

    threads = [threading.Thread(target=change, args=(k,)) for k in ("term:hive", "q-5e6f7a8b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["conflict", "saved"]
    assert len(lesson_items(parse_lesson(path.read_text(encoding="utf-8")))) == 3
