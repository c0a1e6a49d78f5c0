"""companion.views.grading: reading, validating and grading answers, and the summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.lesson.fileformat import parse_lesson
from companion.lesson.model import Lesson, Passage, Question
from companion.views.grading import (
    MAX_TEXT_ANSWER,
    AnswerError,
    edit_distance,
    grade,
    grade_form,
    normalise_answer,
    question_slots,
    read_answer,
    text_matches,
    typo_allowance,
)

FIXTURE = Path(__file__).parent / "data" / "lessons" / "page-all-kinds.md"


@pytest.fixture(scope="module")
def lesson() -> Lesson:
    return parse_lesson(FIXTURE.read_text(encoding="utf-8"), slug="page-all-kinds")


@pytest.fixture(scope="module")
def slots(lesson):
    return {s.question.kind + str(i): s for i, s in enumerate(question_slots(lesson))}


def by_id(lesson: Lesson, qid: str):
    return next(s for s in question_slots(lesson) if s.question.id == qid)


def first_of_kind(lesson: Lesson, kind: str):
    return next(s for s in question_slots(lesson) if s.question.kind == kind)


def grade_fields(slot, fields: dict[str, str]):
    return grade_form([slot], fields.get)[slot.key]


# ----------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("  The Cluster. ", "cluster"),
        ("MUJAHIDÉEN", "mujahideen"),
        ("forty", "40"),
        ("Forty-two", "42"),
        ("1,000 fighters", "1000 fighters"),
        ("Masood’s son", "masood son"),
        ("a", "a"),  # a lone article stays: it is the whole answer
        ("“Kabul”", "kabul"),
    ],
)
def test_normalise_answer(given, expected):
    assert normalise_answer(given) == expected


def test_text_matches_answer_accept_and_one_typo():
    q = Question(id="q", kind="short_answer", prompt="?", answer="Mujahideen", accept=["holy warriors"])
    assert text_matches("the mujahideen", q)
    assert text_matches("Holy Warriors!", q)
    assert text_matches("mujahedeen", q)  # one letter changed
    assert text_matches("mujahidin", q)  # two letters off: a 10-letter key allows two
    assert not text_matches("mujahedin", q)  # three letters off
    assert text_matches("mujahiden", q)  # one letter missing
    assert not text_matches("warriors", q)
    assert not text_matches("", q)


def test_numbers_must_be_exact():
    q = Question(id="q", kind="short_answer", prompt="When?", answer="1952")
    assert text_matches("1952", q)
    assert not text_matches("1953", q)
    assert not text_matches("19522", q)


# ----------------------------------------------------------------- fair short answers (#14)

CHARIKA = Question(
    id="q-e51d8b7e",
    kind="short_answer",
    prompt="Where are negotiations underway?",
    answer="Charika",
    evidence="Negotiations are underway in Charika, the capital of neighboring Parwan province.",
)


@pytest.mark.parametrize(
    "given",
    [
        "Charika",
        "in Charika",
        "In Charika",
        "Negotiations are underway in Charika.",
        "In Charika, the capital of Parwan",
        "They are underway in the city of Charika",
        "CHARIKA!",
        "Charka",  # one slip in a 7-letter key
        "in Chraika",  # two letters swapped count as one slip
    ],
)
def test_an_answer_that_holds_the_key_as_a_phrase_is_right(given):
    assert text_matches(given, CHARIKA), given


@pytest.mark.parametrize(
    "given",
    [
        "Charika or Kabul or Bagram",  # several candidates: not an answer
        "Kabul or Charika",
        "Charika and Kabul",
        "Charika, Kabul, Bagram",
        "Charika/Kabul",
        "either Charika or Parwan",
        "maybe Charika",
        "not in Charika",
        "Negotiations are not underway in Charika",
        "Kabul",
        "Chrka",  # two slips in a 7-letter key
        "Charikabad",
        "",
    ],
)
def test_a_hedged_or_wrong_answer_is_wrong(given):
    assert not text_matches(given, CHARIKA), given


CHARIKA_FILE = """---
title: Negotiations
---

## Negotiations

He and the NRF are still trying to negotiate with the Taliban. Negotiations are underway \
in Charika, the capital of neighboring Parwan province.

### Questions

1. Where are negotiations underway?
    Answer: Charika
    <!-- {id: q-e51d8b7e, paragraph: 1, source: 'rule:literal-where', status: generated, \
evidence: 'Negotiations are underway in Charika, the capital of neighboring Parwan province.', \
hash: 8734ffed} -->
"""


def test_the_charika_question_of_the_issue_through_the_form():
    lesson = parse_lesson(CHARIKA_FILE, slug="negotiations")
    (slot,) = question_slots(lesson)
    for given, status in [
        ("In Charika, the capital of Parwan", "correct"),
        ("Negotiations are underway in Charika.", "correct"),
        ("in Charika", "correct"),
        ("Charika or Kabul or Bagram", "incorrect"),
    ]:
        assert grade_fields(slot, {slot.field: given}).status == status, given


@pytest.mark.parametrize(
    ("key", "allowed"),
    [("NRF", 0), ("Dara", 0), ("Kabul", 1), ("Charika", 1), ("Panjshir", 1), ("Mujahideen", 2),
     ("Panjshir province", 2), ("1989", 0), ("September 11", 0), ("40", 0)],
)
def test_typos_are_forgiven_in_proportion_to_the_key(key, allowed):
    assert typo_allowance(normalise_answer(key)) == allowed


def test_typos_by_key_length_and_numbers_exact():
    def q(answer: str) -> Question:
        return Question(id="q", kind="short_answer", prompt="?", answer=answer)

    assert not text_matches("NRG", q("NRF"))  # short keys: exact
    assert text_matches("Kabol", q("Kabul")) and not text_matches("Kbol", q("Kabul"))
    assert text_matches("Panjsher provnce", q("Panjshir province"))  # 2 slips in 16 letters
    assert not text_matches("Panjsheer provnce", q("Panjshir province"))  # 3 slips
    assert not text_matches("1988", q("1989")) and not text_matches("in 1898", q("1989"))
    assert text_matches("forty", q("40")) and not text_matches("400", q("40"))
    assert edit_distance("charika", "chraika", 2) == 1
    assert edit_distance("charika", "kabul", 1) == 2  # stops early: more than the limit


def test_declared_alternatives_follow_the_same_rule():
    q = Question(**{**CHARIKA.__dict__, "accept": ["Charikar", "capital of Parwan"]})
    for given in ("Charikar", "in Charikar", "the capital of Parwan province"):
        assert text_matches(given, q), given
    assert not text_matches("Charikar or Kabul", q)


def test_cloze_without_a_word_bank_uses_the_same_rule():
    q = Question(
        id="q",
        kind="cloze",
        prompt="Several weapons destroyed by the _____ had also been lost.",
        answer="Taliban",
    )
    for given in ("Taliban", "the Taliban", "by the Taliban", "Talibn"):
        assert text_matches(given, q), given
    for given in ("Taliban or NRF", "NRF", "the NRF and the Taliban"):
        assert not text_matches(given, q), given


# ----------------------------------------------------------------- slots


def test_question_keys_are_safe_and_unique():
    questions = [
        Question(id="q-1", kind="open", prompt="a"),
        Question(id="q-1", kind="open", prompt="b"),
        Question(id='7 "x" <y>', kind="open", prompt="c"),
        Question(id="", kind="open", prompt="d"),
    ]
    lesson = Lesson(slug="s", title="t", passages=[Passage(id="p1", heading="h", questions=questions)])
    keys = [s.key for s in question_slots(lesson)]
    assert keys == ["q-1", "q-1-2", "q-7-x-y", "q"]
    assert [s.number for s in question_slots(lesson)] == [1, 2, 3, 4]


# ----------------------------------------------------------------- reading answers


def test_read_choice_validates_the_index(lesson):
    slot = by_id(lesson, "q-3f2a19c0")
    assert read_answer(slot, {slot.field: "1"}.get) == 1
    assert read_answer(slot, {}.get) is None
    assert read_answer(slot, {slot.field: "  "}.get) is None
    for bad in ("4", "-1", "one", "1.0", "99999999999999999999"):
        with pytest.raises(AnswerError):
            read_answer(slot, {slot.field: bad}.get)


def test_read_text_is_size_limited(lesson):
    slot = first_of_kind(lesson, "short_answer")
    assert read_answer(slot, {slot.field: "  1952 "}.get) == "1952"
    with pytest.raises(AnswerError, match="too long"):
        read_answer(slot, {slot.field: "x" * (MAX_TEXT_ANSWER + 1)}.get)
    result = grade_fields(slot, {slot.field: "x" * (MAX_TEXT_ANSWER + 1)})
    assert result.status == "invalid" and "too long" in result.message


def test_read_sequence_positions(lesson):
    slot = first_of_kind(lesson, "sequence")
    f = slot.item_field
    assert read_answer(slot, {f(0): "2", f(1): "1", f(2): "3"}.get) == [1, 0, 2]
    assert read_answer(slot, {}.get) is None
    for bad in ({f(0): "1", f(1): "1", f(2): "3"}, {f(0): "1", f(1): "2"}, {f(0): "0", f(1): "1", f(2): "2"}):
        with pytest.raises(AnswerError, match="different position"):
            read_answer(slot, bad.get)


# ----------------------------------------------------------------- grading each kind


def test_multiple_choice(lesson):
    slot = by_id(lesson, "q-3f2a19c0")
    assert grade_fields(slot, {slot.field: "1"}).status == "correct"
    wrong = grade_fields(slot, {slot.field: "2"})
    assert wrong.status == "incorrect" and wrong.correct is False
    assert wrong.expected == ("They shiver their wing muscles",)
    assert wrong.evidence.startswith("They cluster together") and wrong.paragraph == 1


def test_true_false(lesson):
    slot = first_of_kind(lesson, "true_false")  # the answer is False (index 1)
    assert grade_fields(slot, {slot.field: "1"}).status == "correct"
    result = grade_fields(slot, {slot.field: "0"})
    assert result.status == "incorrect" and result.expected == ("False",)


def test_cloze_typed_and_word_bank(lesson):
    typed = by_id(lesson, "q-c1020304")
    assert not typed.uses_choices
    assert grade_fields(typed, {typed.field: "Cluster"}).status == "correct"
    assert grade_fields(typed, {typed.field: "hive"}).status == "incorrect"
    bank = next(s for s in question_slots(lesson) if s.question.kind == "cloze" and s.question.choices)
    assert bank.uses_choices
    assert grade_fields(bank, {bank.field: "1"}).status == "correct"  # winter
    assert grade_fields(bank, {bank.field: "0"}).status == "incorrect"
    assert grade_fields(bank, {bank.field: "3"}).status == "invalid"


def test_short_answer_uses_accept(lesson):
    slot = by_id(lesson, "q-5e6f7a8b")
    for given in ("1952", "in 1952", "In 1952."):
        assert grade_fields(slot, {slot.field: given}).status == "correct", given
    assert grade_fields(slot, {slot.field: "in 1953"}).status == "incorrect"
    who = by_id(lesson, "q-9a9b9c9d")
    for given in ("the workers", "Workers", "worker bees"):
        assert grade_fields(who, {who.field: given}).status == "correct", given


def test_sequence(lesson):
    slot = first_of_kind(lesson, "sequence")
    f = slot.item_field
    right = grade_fields(slot, {f(0): "2", f(1): "1", f(2): "3"})
    assert right.status == "correct"
    wrong = grade_fields(slot, {f(0): "1", f(1): "2", f(2): "3"})
    assert wrong.status == "incorrect"
    assert wrong.expected == (
        "Bees cluster in the hive",
        "Bees shiver their wing muscles",
        "The middle of the cluster warms up",
    )


def test_open_shows_the_sample_answer(lesson):
    slot = first_of_kind(lesson, "open")
    result = grade_fields(slot, {slot.field: "Because they shiver."})
    assert result.status == "sample" and result.correct is None
    assert result.expected[0].startswith("They make their own heat")
    assert grade_fields(slot, {}).status == "unanswered"


def test_question_without_a_key_is_never_right():
    q = Question(id="q", kind="multiple_choice", prompt="?", choices=["a", "b"], answer="")
    assert grade(q, 0).status == "no_key"


def test_grade_form_only_grades_the_named_questions(lesson):
    slots = question_slots(lesson)
    first = slots[0]
    results = grade_form(slots, {first.field: "1"}.get, [first.key, "nope"])
    assert list(results) == [first.key]
    everything = grade_form(slots, {first.field: "1"}.get)
    assert len(everything) == len(slots)
    assert sum(r.status == "unanswered" for r in everything.values()) == len(slots) - 1


