"""Glossary rules of the fifteenth session (docs/glossary.md, "Leaving terms out"): faults
the fourteenth session's blind reviewers found in entries students saw."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.common.wordnet import Synset
from companion.generation.analysis import load_nlp
from companion.generation.context_lines import _a_body_of_many, _role_word
from companion.generation.definitions import fits_kind
from companion.generation.senses import wordnet_text
from tests.test_glossary import _glossary
from tests.test_names_and_gaps import name


@pytest.mark.parametrize(
    ("sentence", "many"),
    [
        ("Health Minister Leo Varadkar spoke on Monday.", True),
        ("Education Secretary Mary Clarke spoke on Monday.", True),
        ("Patients wait for news, Health Minister Leo Varadkar said.", True),
        ("Google Director John Smith spoke on Monday.", False),
        ("Arizona Governor Jan Brewer spoke on Monday.", False),
    ],
)
def test_a_role_in_a_field_is_no_role_of_a_named_body(sentence: str, many: bool):
    """ "minister of Health" only reads the title back from the sentence, wrongly."""
    doc = load_nlp()(sentence)
    owner = next(t for t in doc if t.text in ("Health", "Education", "Google", "Arizona"))
    assert _a_body_of_many([owner]) is many


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Louisville resident Diana Reinhardt spoke on Monday.", False),
        ("Leeds native Emma Stone spoke on Monday.", False),
        ("NRF spokesman Fahim Dasti spoke on Monday.", True),
    ],
)
def test_where_someone_lives_is_no_role(sentence: str, role: bool):
    doc = load_nlp()(sentence)
    assert _role_word(doc[1]) is role


def test_a_name_after_and_is_not_defined_by_the_words_before_it(tmp_path: Path):
    """A caption "Pupils from Tonbridge School and Tunbridge Wells Girls' Grammar School"
    once gave "Grammar School: Pupils from Tonbridge School": a name after "and" is no
    appositive. "Masood's son, Ahmed Masood" keeps its line."""
    glossary = _glossary(
        tmp_path,
        "Pupils hope for space experiment\n\n"
        "Pupils from Tonbridge School and Tunbridge Wells Girls' Grammar School\n\n"
        "The pupils of Tunbridge Wells Girls' Grammar School won a competition. Tunbridge "
        "Wells Girls' Grammar School sent yeast to the space station.\n\n"
        "Tunbridge Wells Girls' Grammar School said the experiment would fly in March.\n\n"
        "The Freedom Front, now led by Castillo's son, Omar Castillo, vowed to fight on. "
        "Omar Castillo spoke in the hills.\n\nOmar Castillo said the Freedom Front would "
        "not give up.",
    )
    assert not any("Pupils" in d for d in glossary.values()), glossary
    assert glossary.get("Omar Castillo", "").startswith("son of Castillo"), glossary


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The storm left the drainage system crippled across the town.", "crippled"),
        ("Her ankles were badly swollen after the long march home.", "swollen"),
    ],
)
def test_a_participle_of_a_verb_of_several_senses_is_no_glossary_word(
    tmp_path: Path, sentence: str, word: str
):
    """ "crippled drainage" was glossed "disabled in the feet or legs", "swollen" as
    "characteristic of false pride": the participle's own gloss is another sense."""
    story = f"Town counts the cost\n\n{sentence}\n\nVolunteers cleared the streets on Monday."
    glossary = _glossary(tmp_path, story)
    assert word not in {term.lower() for term in glossary}, glossary


@pytest.mark.parametrize(
    ("form", "lemma", "gloss", "instance", "lexname", "text"),
    [
        # WordNet 3.0's glosses, word for word
        (
            "Cyprus",
            "Cyprus",
            "a country on the island of Cyprus; 80% of the people are of Greek origin and"
            " 20% or Turkish origin",
            True,
            15,
            "",
        ),
        (
            "Christchurch",
            "Christchurch",
            "industrial city at the center of a rich agricultural region",
            True,
            15,
            "",
        ),
        ("Bourne", "bourne", "an archaic term for a boundary", False, 15, ""),
        (
            "Kathmandu",
            "Kathmandu",
            "the capital and largest city of Nepal",
            True,
            15,
            "capital and largest city of Nepal",
        ),
    ],
)
def test_a_place_gloss_says_what_and_where_or_nothing(
    form: str, lemma: str, gloss: str, instance: bool, lexname: int, text: str
):
    """A later part of a gloss is a fact, not what the place is; a place needs where it
    is; an archaic sense is never the news's."""
    thing = name(f"Aid reached {form} on Monday after the quake.", form)
    sense = Synset(1, "n", (lemma,), gloss, instance, (), lexname)
    assert wordnet_text(sense, thing) == text


@pytest.mark.parametrize(("label", "fits"), [("GPE", False), ("LOC", True)])
def test_a_town_is_not_defined_by_its_airport(label: str, fits: bool):
    """ "Kathmandu: airport at Nepal's capital" (a town); "Hubble: NASA telescope" stays
    where the parse said a place, not a town."""
    thing = name("Planes landed at Kathmandu on Sunday.", "Kathmandu", label=label)
    assert fits_kind("airport at Nepal's capital", thing) is fits
