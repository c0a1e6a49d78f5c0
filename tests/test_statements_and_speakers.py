"""Statements that leave out a clause of time or cause, guesses kept out of statements,
and the speaker of a quotation that runs over several sentences (docs/questions.md)."""

from __future__ import annotations

import pytest

from companion.common.textutil import plain_text
from companion.generation.analysis import load_nlp
from companion.generation.clauses import clause_tokens, statement
from companion.generation.questions.truefalse import _cut_too_much
from tests.generated import lesson_from_text


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(
    ("sentence", "kept", "too_much"),
    [
        (  # a clause of cause left out: the rest is still true on its own
            "Retail sales suffered an unexpected fall last month as shoppers tightened"
            " their belts after the spending spree of July.",
            "Retail sales suffered an unexpected fall last month",
            False,
        ),
        (  # "unless" bounds the fact: without it the statement misleads
            "The museum will stay closed to all visitors this year unless the council"
            " finds the money for a new roof and repairs.",
            "The museum will stay closed to all visitors this year",
            True,
        ),
        (  # fewer than 8 words left of a long sentence
            "The summit will begin on Saturday, but the main meeting is likely to be"
            " overshadowed by the many bilateral talks.",
            "The summit will begin on Saturday",
            True,
        ),
    ],
)
def test_a_statement_may_leave_out_a_clause_of_time_or_cause(nlp, sentence, kept, too_much):
    doc = nlp(sentence)
    verb = doc[:].root
    text = statement(verb)
    assert text == kept
    assert _cut_too_much(verb, clause_tokens(verb, set()), text, doc[:]) is too_much


RUN_OF_QUOTES = """Shops in Porthaven have a poor month

Retail sales in Porthaven fell last month, the town council said on Monday.

The harbour museum was probably built for a wealthy merchant of the town, historians said.
The old harbour museum seems to have lost most of its visitors to the new aquarium.

Mara Quill spoke to traders on Monday. She said: "This has not
been an ordinary summer for the town.

"Families have spent their savings on holidays, and the shops have felt it.

"We are going to help every shop on the high street through the winter months," she said.

The museum's director, Tomas Reyes, spoke after the meeting. Mr Reyes added: "When I saw
the figures I thought the worst had happened to us.

"I took the news as a warning for the whole of the harbour district."
"""


def test_she_said_after_a_run_of_quotations_is_the_person_named_before_it(tmp_path):
    lesson = lesson_from_text(tmp_path, RUN_OF_QUOTES)
    asked = {plain_text(q.prompt): q.answer for q in lesson.questions}
    prompt = (
        "Who said, “We are going to help every shop on the high street through the winter months”?"
    )
    assert asked.get(prompt) == "Mara Quill", asked


def test_a_quotation_that_goes_on_into_the_next_paragraph_keeps_its_speaker(tmp_path, monkeypatch):
    from tests.test_blind_round_ten import _candidates

    asked = {
        plain_text(q.prompt): q.answer for q in _candidates(tmp_path, RUN_OF_QUOTES, monkeypatch)
    }
    prompt = "Who said, “I took the news as a warning for the whole of the harbour district”?"
    assert asked.get(prompt) == "Tomas Reyes", asked
    # the sentence that opens his quotation names him too (a quotation of two paragraphs)
    prompt = "Who said, “When I saw the figures I thought the worst had happened to us”?"
    assert asked.get(prompt) == "Tomas Reyes", asked


def test_no_statement_from_a_guess(tmp_path):
    lesson = lesson_from_text(tmp_path, RUN_OF_QUOTES)
    statements = [plain_text(q.prompt) for q in lesson.questions if q.kind == "true_false"]
    assert not any("probably" in s or "seems" in s or "seem " in s for s in statements)
