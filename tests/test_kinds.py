"""The kind table (companion.lesson.kinds): its rows are sound, and the stages read it.

The "consult the table" tests swap one row for a changed copy and check that the file
format, `companion check`, grading, the worksheet and the lesson page follow it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from companion.lesson import kinds
from companion.lesson.check import check_lesson
from companion.lesson.fileformat import BLANK, parse_lesson, write_lesson
from companion.lesson.kinds import (
    KIND_LABELS,
    KIND_LIST,
    KINDS,
    AnswerForm,
    Choices,
    Grading,
    Kind,
    UnknownKindError,
    kind,
)
from companion.lesson.model import Lesson, Passage, Question
from companion.views.grading import AnswerError, Slot, grade, read_answer
from companion.views.pdf import render_document
from companion.views.worksheet import WorksheetOptions, build_worksheet, parse_options

# ----------------------------------------------------------------- the table itself


def test_every_kind_has_a_label_and_a_distinct_order():
    assert KINDS and len(set(KINDS)) == len(KINDS)
    orders = [kind(name).order for name in KINDS]
    assert len(set(orders)) == len(orders)
    assert orders == sorted(orders)  # KINDS is in the table's order
    for name in KINDS:
        assert kind(name).name == name
        assert kind(name).label.strip() and KIND_LABELS[name] == kind(name).label
    assert list(KIND_LABELS) == list(KINDS) == [k.name for k in KIND_LIST]
    assert len({k.label for k in KIND_LIST}) == len(KIND_LIST)


def test_unknown_kind_is_a_clear_error():
    with pytest.raises(UnknownKindError, match=r"unknown question kind 'essay'.*multiple_choice"):
        kind("essay")
    with pytest.raises(ValueError):  # UnknownKindError is a ValueError
        Question(id="q", kind="essay", prompt="?").spec  # noqa: B018


def test_rows_are_consistent():
    for spec in KIND_LIST:
        assert (spec.choices is Choices.FIXED) == bool(spec.fixed_choices), spec.name
        assert (spec.answer is AnswerForm.SAMPLE) == (not spec.scored), spec.name
        assert (spec.answer is AnswerForm.ORDER) == (spec.grading is Grading.ORDER), spec.name
        assert spec.answer_lines >= 0 and spec.max_answer > 0
        if spec.choices is Choices.NONE:
            assert not spec.shuffle and not spec.few_choices, spec.name
    with pytest.raises(ValueError, match="fixed_choices"):
        dataclasses.replace(kind("multiple_choice"), fixed_choices=("Yes", "No"))


def test_the_table_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        kind("open").answer_lines = 9  # type: ignore[misc]


# ----------------------------------------------------------------- the lesson file


def example(spec: Kind, word_bank: bool = False) -> Question:
    """A well-formed question of a kind, built from its properties alone (so that a new
    row in the table is covered without changing this test)."""
    prompt = f"Where is the {BLANK} here?" if spec.blank else f"What is {spec.name} here?"
    q = Question(id=f"q-{spec.name}", kind=spec.name, prompt=prompt, source="x")
    if spec.answer is AnswerForm.ORDER:
        q.choices, q.answer = ["one", "two", "three"], ["three", "one", "two"]
    elif spec.answer is AnswerForm.BOOLEAN:
        q.choices, q.answer = list(spec.fixed_choices), spec.fixed_choices[-1].lower()
    elif spec.choices is Choices.LIST or word_bank:
        q.choices, q.answer = ["red", "green", "blue"], "green"
    else:
        q.answer = "A sample, with words." if spec.answer is AnswerForm.SAMPLE else "green"
    return q


def examples() -> list[Question]:
    word_banks = [example(k, word_bank=True) for k in KIND_LIST if k.choices is Choices.WORD_BANK]
    for q in word_banks:
        q.id += "-bank"
    return [example(k) for k in KIND_LIST] + word_banks


def lesson_of(questions: list[Question]) -> Lesson:
    lesson = Lesson(slug="kinds", title="Kinds")
    lesson.passages.append(Passage(id="", heading="All", paragraphs=["Text."], questions=questions))
    lesson.renumber()
    return lesson


def test_a_question_of_every_kind_round_trips_through_the_file():
    lesson = lesson_of(examples())
    text = write_lesson(lesson)
    back = parse_lesson(text, "kinds")
    assert back == lesson
    assert [q.kind for q in back.questions][: len(KINDS)] == list(KINDS)
    assert write_lesson(back) == text
    assert check_lesson(back) == []


def test_the_file_writes_each_kind_as_the_table_says():
    text = write_lesson(lesson_of(examples()))
    for spec in KIND_LIST:
        if spec.choices is Choices.NONE:
            assert f"    {spec.key_label}: " in text
        if spec.answer is AnswerForm.ORDER:  # each item with its place in the right order
            assert "    - [2] one\n    - [3] two\n    - [1] three\n" in text
        for choice in spec.fixed_choices:
            assert re.search(rf"^    - \[[ x]\] {choice}$", text, re.M)


@pytest.fixture
def changed() -> Iterator:
    """Swap rows of the table for changed copies for one test (the stages look kinds up
    by name when they need them, so they see the change)."""
    saved = dict(kinds._BY_NAME)

    def change(name: str, **fields) -> Kind:
        kinds._BY_NAME[name] = dataclasses.replace(saved[name], **fields)
        return kinds._BY_NAME[name]

    yield change
    kinds._BY_NAME.clear()
    kinds._BY_NAME.update(saved)


def test_check_reads_its_rules_from_the_table(changed):
    bad = Question(id="q", kind="multiple_choice", prompt="?", choices=["only"], answer="only")
    assert check_lesson(lesson_of([bad])) == [(0, kind("multiple_choice").few_choices)]
    changed("multiple_choice", few_choices="give it two choices at least")
    assert check_lesson(lesson_of([bad])) == [(0, "give it two choices at least")]
    no_key = Question(id="q", kind="open", prompt="Why?")
    changed("open", no_answer="")
    assert check_lesson(lesson_of([no_key])) == []


def test_the_file_format_reads_the_table(changed):
    q = Question(id="q-1", kind="open", prompt="Why?", answer="Because.", source="x")
    assert "Sample answer: Because." in write_lesson(lesson_of([q]))
    changed("open", key_label="Answer")
    assert "    Answer: Because." in write_lesson(lesson_of([q]))


# ----------------------------------------------------------------- grading


def slot_of(q: Question) -> Slot:
    lesson = lesson_of([q])
    return Slot("k", 1, q, lesson.passages[0])


def test_grading_reads_the_table(changed):
    q = Question(id="q", kind="short_answer", prompt="?", answer="green")
    assert read_answer(slot_of(q), {"a-k": "x" * 10}.get) == "x" * 10
    changed("short_answer", max_answer=5)
    with pytest.raises(AnswerError, match="at most 5 characters"):
        read_answer(slot_of(q), {"a-k": "x" * 10}.get)

    open_q = Question(id="q", kind="open", prompt="Why?", answer="green")
    assert grade(open_q, "green").status == "sample"
    changed("open", grading=Grading.TYPED)  # scored like a short answer
    assert grade(open_q, "green").status == "correct"


def test_a_word_bank_makes_a_typed_kind_a_pick():
    typed, bank = example(kind("cloze")), example(kind("cloze"), word_bank=True)
    assert not slot_of(typed).uses_choices and slot_of(bank).uses_choices
    assert grade(bank, bank.choices.index("green")).status == "correct"
    assert grade(typed, "Green").status == "correct"


# ----------------------------------------------------------------- worksheet and page


def ruled_lines(html: str, number: int) -> int:
    item = re.search(
        rf'<li class="ws-q[^"]*" id="q{number}">(.*?)</li>\s*(?=<li class="ws-q|</ol>)', html, re.S
    )
    return item.group(1).count('class="ws-line"')


def test_worksheet_answer_lines_come_from_the_table(changed):
    lesson = lesson_of(examples())
    number = KINDS.index("short_answer") + 1
    ws = build_worksheet(lesson, WorksheetOptions())
    assert [q.lines for q in ws.questions][: len(KINDS)] == [k.answer_lines for k in KIND_LIST]
    assert ruled_lines(render_document(ws), number) == kind("short_answer").answer_lines
    changed("short_answer", answer_lines=7)
    ws = build_worksheet(lesson, WorksheetOptions())
    assert ws.questions[number - 1].lines == 7
    assert ruled_lines(render_document(ws), number) == 7


def test_worksheet_versions_shuffle_only_kinds_that_say_so(changed):
    q = example(kind("multiple_choice"))
    q.choices, q.answer = [f"choice {i}" for i in range(6)], "choice 2"
    lesson = lesson_of([q])
    shuffled = build_worksheet(lesson, parse_options({"version": ["B"]})).questions[0]
    assert [c.text for c in shuffled.choices] != q.choices
    changed("multiple_choice", shuffle=False)
    kept = build_worksheet(lesson, parse_options({"version": ["B"]})).questions[0]
    assert [c.text for c in kept.choices] == q.choices


def test_print_options_and_page_follow_the_table(client, changed):
    html = client.get("/lessons/panjshir-valley/worksheet").get_data(as_text=True)
    assert re.findall(r'name="kind" value="([a-z_]+)"', html) == list(KINDS)
    changed("multiple_choice", label="Pick one")
    page = client.get("/lessons/panjshir-valley").get_data(as_text=True)
    assert "· Pick one</span>" in page
