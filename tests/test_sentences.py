"""Sentence ends that respect abbreviations and initials, one rule for the spaCy pass and
the lesson page (companion.common.abbreviations)."""

from __future__ import annotations

from functools import cache

import pytest

from companion.common.abbreviations import continues_sentence, split_sentences
from companion.generation.analysis import analyse

CASES = [
    (
        "The gunmen fled, said another police officer, Senior Supt. Nestor Fajura. "
        "They were caught.",
        2,
    ),
    ("Gov. Jan Brewer met Sen. John McCain in St. Louis on Jan. 5 with Lt. Col. Jones.", 1),
    ("John F. Kennedy spoke. No. 10 Downing Street said so.", 2),
    ("He lives on Mt. Everest. A.K. Singh told reporters.", 2),
    ("He works at Acme Inc. The firm grew fast.", 2),  # an abbreviation can end a sentence
    ("The U.S. Army and the U.N. agreed on Sept. 11 to act.", 1),
    ("I said no. Then we left.", 2),
]


@cache
def spacy_sentences(text: str) -> list[str]:
    return [s.text.strip() for s in analyse([text]).docs[0].sents]


@pytest.mark.parametrize(("text", "count"), CASES)
def test_the_spacy_pass_keeps_abbreviations_inside_sentences(text: str, count: int):
    assert len(spacy_sentences(text)) == count, spacy_sentences(text)


@pytest.mark.parametrize(("text", "count"), CASES)
def test_the_plain_text_splitter_agrees(text: str, count: int):
    assert split_sentences(text) == spacy_sentences(text)
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize(
    ("word", "following", "continues"),
    [
        ("Supt.", "Nestor", True),
        ("Dr.", "Smith", True),
        ("F.", "Kennedy", True),
        ("Jan.", "5", True),
        ("No.", "10", True),
        ("Inc.", "The", False),
        ("U.S.", "The", False),
        ("A.K.", "Singh", True),
        ("U.S.", "officials", True),
        ("Fajura.", "They", False),
        ("Dr.", "", False),
    ],
)
def test_continues_sentence(word: str, following: str, continues: bool):
    assert continues_sentence(word, following) is continues
