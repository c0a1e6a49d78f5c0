"""A sentence that ends inside a closing quotation mark: a statement when the quotation is
a short phrase, speech when it is longer (docs/questions.md, Filters)."""

from __future__ import annotations

from companion.generation.questions.cloze import cloze_questions
from tests.test_precision_rules import _candidates

PHRASE = (
    "So far, the State Department has funded $30 million in \u201cInternet freedom"
    " programming.\u201d"
)
SPEECH = (
    "So far, the State Department has funded $30 million, and officials said it was"
    ' "money well spent on a very good cause."'
)


def test_a_short_quoted_phrase_at_the_end_leaves_a_statement_to_fill_in():
    prompts = _candidates([PHRASE], cloze_questions)
    assert any("$_ million" in p for p in prompts), prompts


def test_speech_at_the_end_is_not_a_statement():
    assert _candidates([SPEECH], cloze_questions) == []
