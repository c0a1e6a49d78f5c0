"""companion.views.tries: first and second tries, and the summary of first tries."""

from __future__ import annotations

import pytest

from companion.lesson.model import Lesson, Passage, Question
from companion.views.grading import question_slots
from companion.views.tries import (
    ANSWER,
    HINT,
    MESSAGE,
    NOTHING,
    TryState,
    assess,
    check_answers,
    fingerprint,
    state_field,
    tally,
)


@pytest.fixture
def slots():
    passage = Passage(
        id="p1",
        heading="Bees",
        paragraphs=["Bees shiver to make heat. They do not sleep."],
        questions=[
            Question(
                prompt="What do bees do to make heat?",
                kind="multiple_choice",
                choices=["Sleep", "Shiver", "Fly"],
                answer="Shiver",
                evidence="Bees shiver to make heat.",
                paragraph=1,
                id="q-a",
            ),
            Question(prompt="Why do bees shiver?", kind="open", answer="To make heat.", id="q-b"),
            Question(
                prompt="Bees sleep through the winter.",
                kind="true_false",
                answer="false",
                id="q-c",
            ),
        ],
    )
    return question_slots(Lesson(slug="bees", title="Bees", passages=[passage]))


def fields(**values: str):
    return {k.replace("_", "-"): v for k, v in values.items()}.get


def test_state_round_trips_and_garbage_is_no_state():
    state = TryState("incorrect", False, fingerprint(2))
    assert TryState.decode(state.encode()) == state
    assert TryState().encode() == ""
    for raw in (
        None,
        "",
        "right.1.abcdefabcdef",
        "correct.2.abcdefabcdef",
        "correct.1.<b>",
        "x" * 99,
    ):
        assert TryState.decode(raw) == TryState()
    assert state_field("q-a") == "t-q-a"


def test_a_wrong_first_try_gives_a_hint_then_the_second_shows_the_answer(slots):
    mc = slots[0]
    first = assess(mc, fields(a_q_a="0"), TryState(), tried=True, reveal=False)
    assert first.mode == HINT and first.state.first == "incorrect" and not first.state.shown
    assert "expected" not in first.to_dict() and "evidence" not in first.to_dict()
    same = assess(mc, fields(a_q_a="0"), first.state, tried=True, reveal=False)
    assert same.mode == HINT and same.state == first.state, "the same answer is not a new try"
    second = assess(mc, fields(a_q_a="1"), first.state, tried=True, reveal=False)
    assert second.mode == ANSWER and second.second_try and second.result.status == "correct"
    assert second.state.first == "incorrect" and second.state.shown
    assert second.to_dict()["expected"] == ["Shiver"]


def test_right_first_time_shows_the_answer_at_once(slots):
    outcome = assess(slots[0], fields(a_q_a="1"), TryState(), tried=True, reveal=False)
    assert outcome.mode == ANSWER and outcome.state.first == "correct" and not outcome.second_try


def test_show_answer_and_unanswered_questions(slots):
    mc = slots[0]
    blank = assess(mc, fields(), TryState(), tried=True, reveal=False)
    assert blank.mode == MESSAGE and blank.state == TryState()
    assert assess(mc, fields(), TryState(), tried=False, reveal=False).mode == NOTHING
    shown = assess(mc, fields(), TryState("incorrect", False, "ab" * 6), tried=False, reveal=True)
    assert shown.mode == ANSWER and shown.result.status == "shown" and shown.state.shown
    assert shown.result.expected == ("Shiver",)


def test_a_changed_answer_shows_nothing_until_it_is_tried(slots):
    right = assess(slots[0], fields(a_q_a="1"), TryState(), tried=True, reveal=False)
    later = assess(slots[0], fields(a_q_a="2"), right.state, tried=False, reveal=False)
    assert later.mode == NOTHING and later.state == right.state


def test_open_questions_are_compared_at_once_and_never_revealed_early(slots):
    outcome = assess(slots[1], fields(a_q_b="Heat."), TryState(), tried=True, reveal=False)
    assert outcome.mode == ANSWER and outcome.state.first == "sample"


def test_check_answers_moves_only_the_tried_questions(slots):
    get = fields(a_q_a="0", a_q_c="1")
    outcomes, states = check_answers(slots, get, ["q-a", "q-c", "nope"], tried=["q-a"])
    assert set(outcomes) == {"q-a", "q-c"}
    assert outcomes["q-c"].mode == NOTHING and states["q-c"] == TryState()
    assert states["q-a"].first == "incorrect"


def test_tally_counts_first_tries(slots):
    states = {
        "q-a": TryState("incorrect", True, "ab" * 6),
        "q-b": TryState("sample", True, "cd" * 6),
    }
    t = tally(slots, states)
    assert [s.key for s in t.wrong] == ["q-a"] and [s.key for s in t.written] == ["q-b"]
    assert [s.key for s in t.todo] == ["q-c"] and t.right == [] and t.total == 3
    assert not t.done
    kinds = {k.label: (k.right, k.wrong, k.todo) for k in t.kinds}
    assert kinds == {
        "Multiple choice": (0, 1, 0),
        "True or false": (0, 0, 1),
        "Open response": (0, 0, 0),
    }
    states["q-c"] = TryState("correct", True, "ef" * 6)
    assert tally(slots, states).done
