"""companion.lesson.evidence: an edited question whose evidence sentence no longer holds
its answer shows no evidence (issue #14, item 6)."""

from __future__ import annotations

import pytest

from companion.lesson.evidence import evidence_holds_answer, fresh_evidence
from companion.lesson.fileformat import parse_lesson, write_lesson
from companion.lesson.model import Passage, Question

CHARIKA = "Negotiations are underway in Charika, the capital of neighboring Parwan province."
MASOUD = (
    "“The Taliban have not changed, and they still dominate the country,” Masoud told CNN "
    "in an interview on Wednesday."
)


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        (Question("q", "short_answer", "Where?", answer="Charika"), True),
        (Question("q", "short_answer", "Where?", answer="in Charika"), True),
        (Question("q", "short_answer", "Where?", answer="Kabul"), False),
        (Question("q", "short_answer", "Where?", answer="Kabul", accept=["Parwan"]), True),
        (Question("q", "cloze", "The _____ of Parwan.", answer="capital"), True),
        (Question("q", "multiple_choice", "Who?", ["Ahmed Shah Masood", "Ali Nazari"],
                  answer="Ali Nazari"), False),
        (Question("q", "true_false", "True or false: Negotiations are underway in Kabul.",
                  ["True", "False"], answer="false"), True),
        (Question("q", "true_false", "True or false: Masood was killed in 2001.",
                  ["True", "False"], answer="true"), False),
        (Question("q", "sequence", "Order?", ["Talks start in Charika", "Fighting ends"],
                  answer=["Talks start in Charika", "Fighting ends"]), False),
        (Question("q", "sequence", "Order?", ["Negotiations get underway in Charika", "Peace"],
                  answer=["Negotiations get underway in Charika", "Peace"]), True),
        (Question("q", "open", "Why does the capital of Parwan matter?",
                  answer="Negotiations are underway there."), True),
        (Question("q", "open", "Why did the USSR leave?", answer="It lost the war."), False),
        (Question("q", "multiple_choice", "Who?", ["a", "b"], answer=""), True),  # no key
    ],
)
def test_evidence_holds_the_answer_by_its_kind(question: Question, holds: bool):
    assert evidence_holds_answer(question, CHARIKA) is holds


def lesson_text(prompt: str, answer: str, evidence: str = CHARIKA) -> str:
    """The sample's Charika question as generated, then changed to ``prompt``/``answer``
    by hand (the hash is the generated one's)."""
    generated = Question(
        "q-e51d8b7e", "short_answer", "Where are negotiations underway?", answer="Charika"
    )
    return (
        "---\ntitle: Talks\n---\n\n## Negotiations\n\n"
        f"{MASOUD}\n\nHe and the NRF are still trying to negotiate. {CHARIKA}\n\n"
        f"### Questions\n\n1. {prompt}\n    Answer: {answer}\n"
        f"    <!-- {{id: q-e51d8b7e, paragraph: 2, source: 'rule:literal-where', status: "
        f"generated, evidence: '{evidence}', hash: {generated.content_hash()}}} -->\n"
    )


def test_stale_evidence_is_dropped_when_the_lesson_is_read():
    kept = parse_lesson(lesson_text("Where are talks underway?", "Charika")).questions[0]
    assert kept.edited and kept.evidence == CHARIKA and kept.paragraph == 2
    assert kept.evidence_is_current
    text = lesson_text("Who told CNN the Taliban have not changed?", "Masoud")
    lesson = parse_lesson(text)
    stale = lesson.questions[0]
    assert (stale.evidence, stale.paragraph, stale.stale_evidence) == ("", None, CHARIKA)
    assert not stale.evidence_is_current
    assert stale.to_dict()["evidence"] == "" and stale.to_dict()["paragraph"] is None
    assert write_lesson(lesson) == text  # the file is still written back byte for byte


def test_a_question_not_edited_keeps_its_evidence_whatever_it_says():
    lesson = parse_lesson("---\ntitle: T\n---\n\n## A\n\nText.\n")
    generated = Question("q-1", "short_answer", "Where?", answer="Kabul", evidence=CHARIKA)
    lesson.passages[0].questions.append(generated)
    assert parse_lesson(write_lesson(lesson)).questions[0].evidence == CHARIKA


def test_fresh_evidence_is_the_one_sentence_holding_the_answer():
    passage = Passage("p1", "Negotiations", [MASOUD, f"He and the NRF talk. {CHARIKA}"])
    passage.first_paragraph = 18
    masoud = Question("q", "short_answer", "Who told CNN?", answer="Masoud")
    assert fresh_evidence(masoud, passage) == (MASOUD, 18)
    nrf = Question("q", "short_answer", "Who?", answer="the NRF")
    assert fresh_evidence(nrf, passage) == ("He and the NRF talk.", 19)
    bagram = Question("q", "short_answer", "Where?", answer="Bagram")
    assert fresh_evidence(bagram, passage) is None  # no sentence holds it
    many = Passage("p1", "x", ["Kabul is big. Kabul is old."])
    assert fresh_evidence(Question("q", "short_answer", "?", answer="Kabul"), many) is None
    statement = Question("q", "true_false", "True or false: x", ["True", "False"], answer="true")
    assert fresh_evidence(statement, passage) is None
