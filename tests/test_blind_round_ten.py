"""Rules written in the tenth session from the blind reviewers' verdicts on unseen news
(docs/glossary.md, docs/questions.md, docs/passages.md): each with a counter-example that
must be kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.generation.newswire import clean_news
from companion.generation.senses import everyday_compound
from tests.test_glossary import _glossary

STORY = (
    "The first boatload of people fleeing a volcano has reached a neighbouring island,"
    " officials said on Friday."
)


@pytest.mark.parametrize(
    "word", ["classmate", "checkpoint", "snowfall", "footfall", "backroom", "heartbreaking"]
)
def test_a_compound_of_two_everyday_words_is_no_glossary_word(word: str):
    assert everyday_compound(word)


@pytest.mark.parametrize(
    "word", ["docking", "stealthy", "fortnight", "proton", "antitrust", "outset", "typhoon"]
)
def test_a_word_and_its_ending_or_a_prefix_is_no_compound(word: str):
    assert not everyday_compound(word)


def test_an_everyday_compound_gets_no_entry_a_rare_word_keeps_its_entry(tmp_path: Path):
    glossary = _glossary(
        tmp_path,
        "Police close road\n\nPolice set up a checkpoint on the road near the border on"
        " Monday, and the typhoon hit the coast on Tuesday.\n\nThe road opened again on"
        " Wednesday.",
    )
    assert "checkpoint" not in glossary
    assert "typhoon" in glossary


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The airline reported a shortfall of ten million dollars in its budget.", "shortfall"),
        ("The government has promised an end to austerity in next year's budget.", "austerity"),
    ],
)
def test_a_gloss_that_names_a_quality_not_a_thing_is_dropped(tmp_path: Path, text, term):
    glossary = _glossary(tmp_path, f"Budget news\n\n{text}\n\nThe minister spoke on Monday.")
    assert term not in glossary, glossary[term]


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("PORT VILA, 08 AUGUST 2018 (REUTERS) – " + STORY, "PORT VILA, 08 AUGUST 2018 (REUTERS) –"),
        ("LONDON, Oct. 3, 2018 (Reuters) - " + STORY, "LONDON, Oct. 3, 2018 (Reuters) -"),
        ("PARIS, 3 March (AFP) - " + STORY, "PARIS, 3 March (AFP) -"),
        ("NASA, 3 Things - " + STORY, None),
    ],
)
def test_a_dateline_may_give_the_day_first_or_the_year(lead: str, dateline):
    result = clean_news([lead, STORY])
    assert result.removed == ([dateline] if dateline else [])
