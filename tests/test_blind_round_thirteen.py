"""Rules and changes of the thirteenth session (docs/questions.md): the grammar gate runs on
the questions chosen, not on every candidate."""

from __future__ import annotations

import companion.generation.questions as questions_module
from companion.generation.questions.base import Candidate
from companion.lesson.model import Question

BROKEN = "Who bought the cocaine from claimed that he was there?"  # a preposition left hanging
SOUND = "Who opened the new library in Carterton?"


def _who(number: int, prompt: str, score: float) -> Candidate:
    question = Question(f"q{number}", "short_answer", prompt, answer=f"A{number}", source="rule:x")
    return Candidate(question, 0, "literal", score, f"a{number}", (0, number))


def test_a_chosen_question_the_gate_refuses_gives_way_to_the_next_one():
    chosen = questions_module.choose_questions(
        [[_who(1, BROKEN, 2.0), _who(2, SOUND, 1.0)]], [[]], 4
    )
    assert [q.prompt for q in chosen[0]] == [SOUND]


def test_the_gate_parses_only_the_rewrites_of_questions_chosen(monkeypatch):
    parsed: list[str] = []
    gate = questions_module.broken_texts

    def record(texts):
        texts = list(texts)
        parsed.extend(texts)
        return gate(texts)

    monkeypatch.setattr(questions_module, "broken_texts", record)
    one = [_who(1, SOUND, 2.0)]
    other = [_who(2, "Who chaired the meeting of the council?", 1.0)]
    # one question per passage: the second candidate of each passage is never chosen
    never = [_who(3, "Who led the march through the town?", 0.5)]
    chosen = questions_module.choose_questions([one + never, other], [[], []], 1)
    assert [[q.id for q in found] for found in chosen] == [["q1"], ["q2"]]
    assert sorted(parsed) == sorted([SOUND, "Who chaired the meeting of the council?"])


def test_a_verdict_is_kept_so_a_candidate_chosen_again_is_not_parsed_again(monkeypatch):
    candidates = [[_who(1, SOUND, 2.0)]]
    questions_module.choose_questions(candidates, [[]], 4)
    monkeypatch.setattr(
        questions_module, "broken_texts", lambda texts: (_ for _ in ()).throw(AssertionError)
    )
    assert [q.id for q in questions_module.choose_questions(candidates, [[]], 4)[0]] == ["q1"]
