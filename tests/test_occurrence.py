"""The one rule for "does this term occur in this text" (companion.common.occurrence)."""

from __future__ import annotations

import pytest

from companion.common.occurrence import find_term, term_forms, term_in_text


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("colony", "Bee colonies grow"),
        ("assassinate", "He was assassinated in 2001."),
        ("assassinate", "a plot assassinating the leader"),
        ("clash", "Heavy clashes broke out"),
        ("Taliban", "the Taliban's fighters"),
        ("Northern Alliance", "the Northern\nAlliance fought"),
        ("NRF", "NRF fighters"),
        ("NRF", "two NRFs"),
        ("warlord", "Warlords ruled"),
        ("carry", "she carried it"),
        ("shun", "neighbours shunned him"),  # a doubled consonant before -ed, -ing
        ("commit", "committing a crime"),
        ("travel", "they travelled north"),
        ("queue", "fans queued all night"),  # a vowel before the final e: "queu-ed"
        ("queue", "fans queuing outside"),
        ("free", "freeing the hostages"),
    ],
)
def test_inflected_forms_count(term: str, text: str):
    assert term_in_text(term, text)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("colony", "a colonial power"),
        ("NRF", "the nrf said"),  # an acronym only in capitals
        ("art", "the party started"),
        ("shun", "the shunt moved"),
        ("flee", "he fled"),  # an irregular form is another word to this rule
        ("Taliban", "Talibanistan"),
        ("Northern Alliance", "the northern alliances' alliance"[:14]),
        ("", "anything"),
    ],
)
def test_other_words_do_not(term: str, text: str):
    assert not term_in_text(term, text)


def test_a_standalone_occurrence_is_found_before_a_hyphenated_one():
    text = "anti-Taliban groups fought the Taliban"
    match = find_term("Taliban", text)
    assert match is not None and match.start() == text.rindex("Taliban")
    assert find_term("Taliban", "anti-Taliban groups").group(0) == "Taliban"


def test_a_name_with_its_acronym_occurs_by_either():
    term = "Major League Baseball (MLB)"
    assert term_forms(term) == [term, "Major League Baseball", "MLB"]
    assert term_forms("Taliban") == ["Taliban"]
    assert term_in_text(term, "officials of MLB said")
    assert term_in_text(term, "Major League Baseball rules")
    assert not term_in_text(term, "the league said")
    assert not term_in_text(term, "mlb said")  # the acronym still only in capitals


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("serviceman", "three servicemen were hurt", True),
        ("chairman", "the chairman's speech", True),
        ("woman", "two women", True),
        ("German", "the Germans", True),
        ("human", "humans and apes", True),
        ("German", "Germany", False),
        ("serviceman", "servicemanship", False),
    ],
)
def test_a_term_ending_in_man_matches_its_plural(term: str, text: str, found: bool):
    """ "serviceman" heads the learner dictionary's line where the article says
    "servicemen": the page must find and mark it there."""
    assert (find_term(term, text) is not None) is found
