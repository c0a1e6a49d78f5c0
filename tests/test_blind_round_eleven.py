"""Rules written in the eleventh session from the blind reviewers' verdicts on unseen news
(docs/glossary.md, docs/questions.md, docs/passages.md): each with a counter-example that
must be kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.generation.analysis import load_nlp
from companion.generation.context_lines import _a_body_of_many
from companion.generation.newswire import clean_news
from companion.generation.questions.base import role_before_name
from tests.test_blind_round_ten import STORY, _candidates

CAPTION = "Multi-club coach: Wayne Bennett has spent time with the Broncos and Newcastle."


def test_a_caption_pasted_again_without_its_credit_goes_with_the_credited_copy():
    result = clean_news([STORY, CAPTION, CAPTION + "Credit: Getty Images", STORY + " Again."])
    assert result.paragraphs == [STORY, STORY + " Again."]
    assert CAPTION in result.removed


def test_a_paragraph_that_only_starts_like_a_caption_stays():
    lead = "Wayne Bennett has spent"
    result = clean_news([STORY, lead, CAPTION + "Credit: Getty Images", STORY + " Again."])
    assert lead in result.paragraphs


@pytest.mark.parametrize(
    ("owner", "many"),
    [("Museum", True), ("Hospital", True), ("City", True), ("Google", False), ("Apple", False)],
)
def test_a_role_of_a_building_or_place_that_could_be_any_is_no_definition(owner, many):
    doc = load_nlp()(f"{owner} Director John Smith spoke on Monday.")
    assert _a_body_of_many([doc[0]]) is many


@pytest.mark.parametrize(
    ("answer", "stripped"),
    [("Ports Francis Richardson", True), ("James Earl Jones", False), ("Rhodes Scholar Ann Lee", False)],
)
def test_a_plural_word_of_a_department_before_a_name_is_no_part_of_the_key(answer, stripped):
    assert role_before_name(answer) is stripped


FERRIES = (
    "Ferry route reversed\n\nCavello Bay will become the first stop in the morning on the Blue"
    " route to Hamilton, officials said on Monday.\n\nDirector of Marine and Ports Francis"
    " Richardson said: \"The changes were necessary in the interest of public safety and of"
    " every passenger on the route.\"\n\nThe mosquitoes spread both dengue and malaria"
    " in the town last year. Kate Warne became the chief investment strategist of the bank."
)


def test_no_who_question_of_a_place_no_title_in_a_speaker_and_no_not_with_both(
    tmp_path: Path, monkeypatch
):
    questions = _candidates(tmp_path, FERRIES, monkeypatch)
    prompts = [q.prompt for q in questions]
    assert not any(p.startswith("Who will become") for p in prompts), prompts
    speakers = [q.answer for q in questions if q.prompt.startswith("Who said")]
    assert speakers == ["Francis Richardson"], speakers
    assert not any("not spread both" in p for p in prompts), prompts
    assert any(p.startswith("Who became the chief") for p in prompts), prompts
