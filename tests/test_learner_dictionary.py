"""Companion's learner dictionary (companion/generation/data/learner_dictionary.tsv): its
file format, and its place in the glossary (docs/glossary.md, "Definitions")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.generation.definitions import usable
from companion.generation.learner_dictionary import (
    DictionaryError,
    learner_dictionary,
    learner_names,
    look_up,
    parse_dictionary,
    parse_names,
)
from companion.generation.terms import Thing
from tests.generated import lesson_from_text
from tests.test_glossary import _glossary

HEADER = "word\tpos\tverdict\tdefinition"


def test_a_well_formed_file_gives_one_entry_a_word():
    entries = parse_dictionary(
        [
            HEADER,
            "influx\tn\tgloss\tthe arrival of many people or things at once",
            "glitch\tn\tknown\t",
            "",
            "exemplary\ta\tambiguous\t",
        ]
    )
    assert set(entries) == {"influx", "glitch", "exemplary"}
    assert entries["influx"].definition == "the arrival of many people or things at once"
    assert entries["glitch"].verdict == "known" and entries["glitch"].definition == ""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("influx\tn\tgloss", "expected 4 tab-separated fields, found 3"),
        ("Influx\tn\tgloss\ta flow", "must be a lower-case word or phrase"),
        ("influx\tv\tgloss\ta flow of people", "part of speech must be n or a"),
        ("influx\tn\tmaybe\t", "verdict must be one of"),
        ("influx\tn\tgloss\t", "a definition is needed for 'gloss' and only for it"),
        ("influx\tn\tknown\ta flow of people", "a definition is needed for 'gloss'"),
        ("spokeswoman\tn\tgloss\ta female spokesperson", "uses the word itself"),
        ("prussian\ta\tgloss\tof or relating to Prussia", "uses the word itself"),
    ],
)
def test_a_bad_line_is_named_with_its_file_and_line(line: str, message: str):
    with pytest.raises(DictionaryError) as error:
        parse_dictionary([HEADER, "glitch\tn\tknown\t", line], "words.tsv")
    assert str(error.value).startswith("words.tsv:3: ")
    assert message in str(error.value)


def test_a_word_listed_twice_is_an_error():
    with pytest.raises(DictionaryError, match=r"words.tsv:3: 'glitch' is listed twice"):
        parse_dictionary([HEADER, "glitch\tn\tknown\t", "glitch\tn\tskip\t"], "words.tsv")


@given(st.lists(st.text(alphabet="ab \tnglosx\n.", max_size=30), max_size=6))
def test_any_text_parses_or_fails_with_a_located_error(lines: list[str]):
    try:
        entries = parse_dictionary(lines, "f.tsv")
    except DictionaryError as error:
        assert str(error).startswith("f.tsv:")
    else:
        assert all(e.verdict in ("gloss", "known", "ambiguous", "skip") for e in entries.values())


def test_the_shipped_dictionary_loads_and_defines_thousands_of_words():
    entries = learner_dictionary()  # every line is checked on load
    glossed = [e for e in entries.values() if e.verdict == "gloss"]
    assert len(entries) > 4000 and len(glossed) > 1500
    assert all(3 <= len(e.definition.split()) <= 16 for e in glossed)


def test_look_up_takes_the_first_form_the_dictionary_holds():
    entries = learner_dictionary()
    word = next(w for w, e in sorted(entries.items()) if e.verdict == "gloss")
    assert look_up(["notaword", word]) == entries[word]
    assert look_up(["notaword"]) is None


def _article(word: str) -> str:
    return (
        "Town council meets again\n\n"
        f"The council spoke about the {word} on Monday. Officials said the {word} had "
        "surprised many people in the town.\n\n"
        "The council will meet again next month to decide what to do, the mayor said."
    )


def test_a_word_the_dictionary_glosses_takes_its_plain_definition(tmp_path: Path):
    """ "influx: process of flowing in" (WordNet's first sense) was rejected blind; the
    dictionary gives the news meaning."""
    entry = learner_dictionary()["influx"]
    assert entry.verdict == "gloss"
    lesson = lesson_from_text(tmp_path, _article("influx"))
    found = {e.term: e for e in lesson.glossary}
    assert found["influx"].definition == re.sub(r"^(?:a|an|the) ", "", entry.definition)
    assert found["influx"].source == "dictionary"


def test_a_word_the_dictionary_calls_known_gets_no_entry(tmp_path: Path):
    """WordNet defines "glitch", but a grade-8 reader knows it (rejected blind as not
    worth glossing)."""
    assert learner_dictionary()["glitch"].verdict == "known"
    assert "glitch" not in _glossary(tmp_path, _article("glitch"))


def _line(word: str) -> str:
    return re.sub(r"^(?:a|an|the) ", "", learner_dictionary()[word].definition)


def test_a_plural_takes_the_line_headed_by_its_singular(tmp_path: Path):
    """ "meteorites" had no entry (a singular WordNet gloss under a plural heading was
    rejected); the dictionary's line now heads "meteorite", which the page marks in
    "meteorites"."""
    glossary = _glossary(tmp_path, _article("meteorites"))
    assert glossary.get("meteorite") == _line("meteorite"), glossary
    assert "meteorites" not in glossary


def test_a_word_the_dictionary_vouches_for_is_not_read_from_its_parts(tmp_path: Path):
    """ "backlog" is back + log to the rule for WordNet's words; the dictionary glosses it."""
    assert _glossary(tmp_path, _article("backlog")).get("backlog") == _line("backlog")


def test_a_british_spelling_finds_the_american_line(tmp_path: Path):
    glossary = _glossary(tmp_path, _article("palaeontology"))
    assert glossary.get("palaeontology") == _line("paleontology"), glossary


def _name_line(offset: int) -> str:
    return re.sub(r"^(?:a|an|the) ", "", learner_names()[offset].definition)


def test_a_named_thing_takes_the_plain_line_for_the_thing_wordnet_found(tmp_path: Path):
    """WordNet: "island of northwestern Scotland noted for its rugged mountain scenery";
    the names file's line, for that synset, is plainer."""
    skye = 8893717
    assert learner_names()[skye].name == "Isle of Skye"
    glossary = _glossary(
        tmp_path,
        "Dinosaur footprints found\n\nScientists found dinosaur footprints on the Isle of "
        "Skye. The Isle of Skye has many fossils.\n\nThe team will return to the Isle of "
        "Skye next year, the university said.",
    )
    assert glossary.get("Isle of Skye") == _name_line(skye), glossary


def test_a_household_name_gets_no_entry(tmp_path: Path):
    assert learner_names()[9277010].verdict == "known"  # Everest
    glossary = _glossary(
        tmp_path,
        "Climbers return\n\nClimbers came back from Mount Everest on Monday. Mount Everest "
        "was crowded this year.\n\nMore climbers will go to Mount Everest next spring.",
    )
    assert "Mount Everest" not in glossary and "Everest" not in glossary, glossary


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("8893717\tIsle of Skye\tgloss\tan island", "the offset must be 8 digits"),
        ("08893717\tSkye\tgloss\tan island called Skye", "repeats the name"),
        ("08893717\tSkye\tmaybe\t", "verdict must be one of"),
        ("08893717\tSkye\tgloss", "expected 4 tab-separated fields"),
    ],
)
def test_a_bad_names_line_is_named_with_its_file_and_line(line: str, message: str):
    with pytest.raises(DictionaryError) as error:
        parse_names(["offset\tname\tverdict\tdefinition", line], "names.tsv")
    assert str(error.value).startswith("names.tsv:2: ") and message in str(error.value)


def test_the_shipped_names_load_with_a_line_for_most():
    entries = learner_names()
    assert len(entries) > 2500
    assert sum(e.verdict == "gloss" for e in entries.values()) > len(entries) / 2


def test_a_word_the_dictionary_lacks_gets_no_wordnet_line(tmp_path: Path):
    """Words rarer than the dictionary's band: WordNet's lines for them were judged blind
    7.5 of 14 right ("treacly: overly sweet", "anaplasmosis: disease of cattle that is
    transmitted by cattle ticks" in a story on a tick-borne illness of people)."""
    assert "anaplasmosis" not in learner_dictionary()
    assert "anaplasmosis" not in _glossary(tmp_path, _article("anaplasmosis"))


@pytest.mark.usefixtures("wordnet_only")
def test_without_the_dictionary_wordnet_still_decides(tmp_path: Path):
    assert "anaplasmosis" in _glossary(tmp_path, _article("anaplasmosis"))


def test_a_phrase_takes_its_line_or_none():
    """ "sting operation" was WordNet's "complicated confidence game planned and executed
    with great care" (rejected blind); "web browser" every student knows."""
    entries = learner_dictionary()
    assert entries["sting operation"].verdict == "gloss"
    assert entries["web browser"].verdict == "known"


def test_a_phrase_in_an_article_is_glossed_from_the_dictionary(tmp_path: Path):
    text = (
        "Village votes\n\nPeople queued at the polling station on Monday. The polling "
        "station opened early.\n\nOfficials counted the votes late into the night."
    )
    glossary = _glossary(tmp_path, text)
    assert glossary.get("polling station") == _line("polling station"), glossary


def test_an_irregular_plural_gets_no_line_for_one(tmp_path: Path):
    """ "middlemen: person who passes goods, money or messages" was rejected blind: the
    line is for one, and "middleman" would not mark "middlemen" on the page."""
    assert learner_dictionary()["middleman"].verdict == "gloss"
    glossary = _glossary(tmp_path, _article("middlemen"))
    assert "middlemen" not in glossary and "middleman" not in glossary, glossary


@pytest.mark.parametrize(
    ("text", "usable_line"),
    [
        ("(middle) pointing at one of the artefacts during the exhibition", False),
        ("minister (second left) at the opening", False),
        ("minister of information and culture", True),
    ],
)
def test_a_photo_caption_is_no_definition(text: str, usable_line: bool):
    thing = Thing(key="lai muhammad", kind="person")
    assert usable(text, thing) is usable_line


def test_a_dictionary_line_is_not_held_to_the_rare_word_rule(tmp_path: Path):
    """ "tarmac: hard black surface for roads and airport runways": "runways" is rare in
    print (the rule that keeps "cutaneous" out of WordNet's glosses), not hard."""
    assert _glossary(tmp_path, _article("tarmac")).get("tarmac") == _line("tarmac")


def test_a_line_cut_after_and_is_no_definition():
    """WordNet's ASEAN gloss, cut before its bracketed list of members, ended in "and"."""
    thing = Thing(key="asean", kind="group")
    cut = "association of nations dedicated to economic and political cooperation in southeastern Asia and"
    assert not usable(cut, thing)
    assert usable("association of nations in southeastern Asia", thing)


@pytest.mark.parametrize(
    ("title", "glossed"),
    [("Medical Officer", True), ("Defence Force", False)],
)
def test_a_title_written_as_a_name_takes_the_dictionary_verdict(
    tmp_path: Path, title: str, glossed: bool
):
    """ "Defence Force: organization of defenders that provides resistance against
    attack" (WordNet) was rejected blind as circular; the dictionary calls it known."""
    text = (
        f"Floods hit the north\n\nThe {title} said on Monday that help was coming. The "
        f"{title} sent a team to the towns.\n\nThe {title} will report to parliament next week."
    )
    glossary = _glossary(tmp_path, text)
    expected = _line(title.lower()) if glossed else None
    assert glossary.get(title) == expected, glossary


def test_a_commoner_word_is_glossed_when_the_dictionary_calls_it_hard(tmp_path: Path):
    """ "allegiance" (Zipf 3.7) is above the grade-8 rarity threshold, but the dictionary
    says a 13-year-old needs it explained."""
    assert learner_dictionary()["allegiance"].verdict == "gloss"
    assert _glossary(tmp_path, _article("allegiance")).get("allegiance") == _line("allegiance")


def test_the_commoner_words_are_for_grade_8_and_younger(tmp_path: Path):
    lesson = lesson_from_text(tmp_path, _article("allegiance"), grade=12)
    assert "allegiance" not in {e.term for e in lesson.glossary}


def test_a_wordnet_sense_it_calls_offensive_gives_no_line():
    """ "ORIENTAL: term is regarded as offensive by Asians" for the province of Oriental
    Mindoro, rejected blind."""
    from companion.common.wordnet import get_wordnet
    from companion.generation.senses import wordnet_text

    sense = get_wordnet().synsets("oriental", "n")[0]
    thing = Thing(key="oriental", kind="word", pos="n", lemma="oriental")
    assert wordnet_text(sense, thing) == ""
