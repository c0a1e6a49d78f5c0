"""Rules and changes of the thirteenth session (docs/questions.md): the grammar gate runs on
the questions chosen, not on every candidate."""

from __future__ import annotations

import companion.generation.questions as questions_module
from companion.common.textutil import plain_text
from companion.generation.questions.base import Candidate
from companion.lesson.model import Question
from tests.test_blind_round_ten import _candidates

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


REASONS = """Strike hits the valley

Northern Rail cancelled forty trains across Yorkshire on Monday because of a strike by
its conductors.

Leeds City Council closed Kirkstall Road on Tuesday due to a burst water main under the
bridge.

Hundreds of homes in Otley lost power as a result of a fire at the electricity substation.

Network Rail shut the Aire Valley line at night so that engineers could replace the worn
rails.

Delays on the Wharfedale line were due to a signal failure near Guiseley station.

The work was cancelled due to the heavy rain that fell over the weekend in the dales.

More people in the county die as a result of heatwaves than because of floods or storms.
"""


def _why(tmp_path, monkeypatch) -> dict[str, str]:
    found = _candidates(tmp_path, REASONS, monkeypatch)
    return {plain_text(q.prompt): str(q.answer) for q in found if q.kind == "open"}


def test_a_reason_said_plainly_gives_a_why_question_with_it_as_the_sample(tmp_path, monkeypatch):
    why = _why(tmp_path, monkeypatch)
    assert why == {
        "Using evidence from the passage, why did Northern Rail cancel forty trains across "
        "Yorkshire on Monday?": "Because of a strike by its conductors.",
        "Using evidence from the passage, why did Leeds City Council close Kirkstall Road "
        "on Tuesday?": "Due to a burst water main under the bridge.",
        "Using evidence from the passage, why did hundreds of homes in Otley lose power?": (
            "As a result of a fire at the electricity substation."
        ),
        "Using evidence from the passage, why did Network Rail shut the Aire Valley line at "
        "night?": "So that engineers could replace the worn rails.",
    }
    # not: "why were delays on the Wharfedale line?" ("due to" after "be"), "why was the
    # work cancelled?" (which work?), "why do more people die?" (a comparison)
