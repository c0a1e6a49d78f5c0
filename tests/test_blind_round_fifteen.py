"""Glossary rules of the fifteenth session (docs/glossary.md, "Leaving terms out"): faults
the fourteenth session's blind reviewers found in entries students saw."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.generation.analysis import load_nlp
from companion.generation.context_lines import _a_body_of_many, _role_word
from tests.test_glossary import _glossary


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
