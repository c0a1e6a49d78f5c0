"""Definitions from the shared glossary and from the article's own words
(companion.generation.definitions): dash and bracket glosses, "X, or Y,", appositives,
copulas, "known as"/"called", and the shaping every definition goes through."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.tokens import Doc

from companion.generation.analysis import load_nlp
from companion.generation.definitions import (
    MAX_DEFINITION_WORDS,
    article_explanation,
    clean_phrase,
    repeats_term,
    shared_definition,
    shorten,
    usable,
)
from companion.generation.terms import Mention, Thing, normal_key
from companion.lesson.model import GlossaryEntry


@cache
def parse(text: str) -> Doc:
    return load_nlp()(text)


def mention(text: str, term: str, paragraph: int = 0) -> Mention:
    doc = parse(text)
    start = text.index(term)
    span = doc.char_span(start, start + len(term))
    assert span is not None, f"{term!r} is not a whole-token span of {text!r}"
    return Mention(paragraph, doc, span.start, span.end, span.text)


def thing(kind: str, *mentions: Mention, lemma: str = "", acronym: str = "") -> Thing:
    first = mentions[0].text if mentions else ""
    return Thing(
        key=normal_key(first),
        kind=kind,
        mentions=list(mentions),
        lemma=lemma,
        acronym=acronym,
    )


def plain(token) -> str:
    return token.text


def explain(text: str, term: str, kind: str = "place", resolve=plain) -> str | None:
    lemma = term.lower() if kind == "word" else ""
    found = article_explanation(thing(kind, mention(text, term), lemma=lemma), resolve)
    if found is not None:
        assert (found.source, found.confidence) == ("article", 0.9)
        assert found.evidence is not None and found.evidence.text == term
    return found.text if found else None


def words(n: int) -> str:
    return " ".join(f"word{i}" for i in range(1, n + 1))


# ---------------------------------------------------------------------------- shorten


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("  a   short\n text, ", MAX_DEFINITION_WORDS, "a short text"),  # spacing and edge commas
        (words(25), 25, words(25)),  # exactly at the limit
        # too long: cut at the last comma that leaves at most `limit` words
        (f"{words(4)}, {words(3)}, {words(30)}", 25, f"{words(4)}, {words(3)}"),
        # a relative clause is a clean cut
        (f"{words(5)} which {words(30)}", 25, words(5)),
        (f"{words(5)} ({words(30)})", 25, words(5)),
        # "and" only when there is no comma or clause to cut at
        (f"{words(6)} and {words(30)}", 25, words(6)),
        (f"{words(4)}, {words(3)} and {words(30)}", 25, words(4)),
        # a cut must leave at least three words
        (f"word1 word2, {words(30)}", 25, ""),
        # no boundary at all: no definition rather than half of one
        (words(26), 25, ""),
        (f"{words(4)}, {words(20)}", 18, words(4)),
        # "the branch of Islam" needs its "that" clause: no cut there
        ("member of the branch of Islam that regards Ali as the successor of the prophet", 8, ""),
        ("terrorist network opposed to the United States that gives money to groups", 8,
         "terrorist network opposed to the United States"),
    ],
)
def test_shorten(text: str, limit: int, expected: str):
    assert shorten(text, limit) == expected


# ---------------------------------------------------------------------------- clean_phrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the capital of Parwan.", "capital of Parwan"),
        ("a group of fighters and", "group of fighters"),
        ("An old city, ", "old city"),
        ("another militia –", "militia"),
        ("some rebels or", "rebels"),
        ("theory of change", "theory of change"),  # "the" only as a word
        ("island (in the north)", "island (in the north)"),
        ("island (in the north", ""),  # unbalanced brackets
        ("the “holy warriors", ""),  # unbalanced curly quotes
        ('the "holy warriors', ""),  # an odd number of straight quotes
        ('the "holy" warriors', '"holy" warriors'),
        ("  – ", ""),
    ],
)
def test_clean_phrase(text: str, expected: str):
    assert clean_phrase(text) == expected


# ---------------------------------------------------------------------------- usable and repeats


GUERRILLA = Thing(key="guerrilla", kind="word", lemma="guerrilla")
INVOLVED = Thing(key="involved", kind="word", lemma="involved")
SPACECRAFT = Thing(key="spacecraft", kind="word", lemma="spacecraft")
NRF = Thing(key="national resistance front", kind="group", acronym="NRF")
NRF.mentions = [
    Mention(0, None, 0, 3, "National Resistance Front"),
    Mention(0, None, 4, 5, "NRF"),
]
SON = Thing(key="ahmed masood", kind="person")
SON.mentions = [Mention(0, None, 0, 2, "Ahmed Masood"), Mention(0, None, 5, 6, "Masood")]


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("a guerrilla fighter", GUERRILLA, True),
        ("guerrillas of the hills", GUERRILLA, True),  # plural
        ("member of an irregular armed force", GUERRILLA, False),
        ("uninvolved person", INVOLVED, True),  # same root
        ("intensely involving others", INVOLVED, True),  # same first letters
        ("vehicle that travels beyond the sky", SPACECRAFT, False),
        ("craft for travel beyond the sky", SPACECRAFT, False),  # "craft": too short a part
        ("armed wing of the NRF", NRF, True),  # the acronym
        ("armed wing of the NRF's allies", NRF, True),
        ("group of the National Resistance Front", NRF, True),
        ("group of the national resistance fronts", NRF, True),
        ("anti-NRF militia", NRF, True),  # hyphens fold to spaces
        ("NRFX militia", NRF, False),  # whole words only
        ("armed group in the valley", NRF, False),
        # a person's full name counts, a bare surname does not
        ("son of Ahmed Shah Masood", SON, False),
        ("brother of Ahmed Masood", SON, True),
    ],
)
def test_repeats_term(text: str, term: Thing, expected: bool):
    assert repeats_term(text, term) is expected


@pytest.mark.parametrize(
    ("text", "allow_pronouns", "expected"),
    [
        ("member of an irregular armed force", False, True),
        ("fighter", False, True),
        ("", False, False),
        ("ox", False, False),  # no word of three letters
        ("12 34", False, False),
        (words(MAX_DEFINITION_WORDS), False, True),
        (words(MAX_DEFINITION_WORDS + 1), False, False),
        ("leader of his people", False, False),  # a pronoun points outside the definition
        ("leader of his people", True, True),
        ("a guerrilla fighter", True, False),  # repeats the term
        ("maybe more like Exhibit F or G", False, False),  # a hedge, not what it is
        ("international name Meari", False, False),  # another name for a storm
        ("name of a river in the north", False, True),
    ],
)
def test_usable(text: str, allow_pronouns: bool, expected: bool):
    assert usable(text, GUERRILLA, allow_pronouns) is expected


# ---------------------------------------------------------------------------- the article's words


@pytest.mark.parametrize(
    ("text", "term", "kind", "expected"),
    [
        # a dash gloss: "X – or Y –", "– that is, Y –", "– meaning Y –"
        (
            "The Mujahideen – or Islamic holy warriors – fought the Soviets.",
            "Mujahideen",
            "group",
            "Islamic holy warriors",
        ),
        (
            "They built a trebuchet – that is, a giant catapult – to attack.",
            "trebuchet",
            "word",
            "giant catapult",
        ),
        (
            "They built a trebuchet – meaning a giant catapult – to attack.",
            "trebuchet",
            "word",
            "giant catapult",
        ),
        # a dash that opens an aside is not a gloss
        ("The Taliban – who took power in August – refused to talk.", "Taliban", "group", None),
        ("The Taliban – fresh from victory – refused to talk.", "Taliban", "group", None),
        # a bracket gloss, but not an aside, a number or an acronym
        (
            "They crossed the Hindu Kush (a high mountain range) on foot.",
            "Hindu Kush",
            "place",
            "high mountain range",
        ),
        ("They crossed the Hindu Kush (all of the time) on foot.", "Hindu Kush", "place", None),
        ("They crossed the Hindu Kush (see below) on foot.", "Hindu Kush", "place", None),
        ("They crossed the Hindu Kush (3 high passes) on foot.", "Hindu Kush", "place", None),
        (
            "The National Resistance Front (NRF) fought on.",
            "National Resistance Front",
            "group",
            None,
        ),
        # "X, or Y,"
        (
            "The troops used a trebuchet, or catapult, to break the walls.",
            "trebuchet",
            "word",
            "catapult",
        ),
        # "X, or ..." that goes on with another case of the sentence: no gloss
        (
            "Shipments loaded on vessels, or for which letters of credit were issued, may go.",
            "vessels",
            "word",
            None,
        ),
        (
            "Teachers cheated on the Competency Tests, or altering the conditions of the tests.",
            "Competency Tests",
            "group",
            None,
        ),
        # an appositive noun phrase, without its relative clause
        (
            "Fighters moved to Charika, the capital of neighboring Parwan province, on Friday.",
            "Charika",
            "place",
            "capital of neighboring Parwan province",
        ),
        (
            "They reached Charika, a town that lies north of Kabul, at dawn.",
            "Charika",
            "place",
            "town",
        ),
        ("Fahim Dasti, NRF spokesman, said so.", "Fahim Dasti", "person", "NRF spokesman"),
        # a place beside its region
        (
            "The lab is in Laurel, Maryland, near the capital.",
            "Laurel",
            "place",
            "place in Maryland",
        ),
        # an appositive with a pronoun points elsewhere
        ("Ahmad Wali Masood, his brother, spoke.", "Ahmad Wali Masood", "person", None),
        # "X is a Y" for a name, not negated, not an opinion
        (
            "The Taliban is a militant group that rules Afghanistan.",
            "Taliban",
            "group",
            "militant group",
        ),
        (
            "The Taliban was the ruling group of Afghanistan.",
            "Taliban",
            "group",
            "ruling group of Afghanistan",
        ),
        ("Dasti is the NRF spokesman.", "Dasti", "person", "NRF spokesman"),
        ("The Taliban is not a political party.", "Taliban", "group", None),
        ("Kandahar is such a beautiful city.", "Kandahar", "place", None),
        ("Kandahar is the best place to visit.", "Kandahar", "place", None),
        ("Kabul is one of the oldest cities.", "Kabul", "place", None),
        ("The Taliban is a Taliban faction.", "Taliban", "group", None),  # repeats the term
        # a claim about a common noun is not a definition
        ("Ejections are a direct hazard to the spacecraft.", "Ejections", "word", None),
        # "a Y known as X", "a Y called X"
        (
            "A mountain range known as the Hindu Kush divides the country.",
            "Hindu Kush",
            "place",
            "mountain range",
        ),
        (
            "A militia called the Haqqani Network attacked the base.",
            "Haqqani Network",
            "group",
            "militia",
        ),
        # "X is the term used to describe Y": Y, not "term"
        (
            "NAFLD, considered as one of the major causes of morbidity and mortality "
            "worldwide, is the term used to describe fat build-up in liver cells in people "
            "who do not drink alcohol excessively.",
            "NAFLD",
            "group",
            "fat build-up in liver cells in people who do not drink alcohol excessively",
        ),
        (
            "Brexit is the name given to Britain's departure from the European Union.",
            "Brexit",
            "name",
            "Britain's departure from the European Union",
        ),
        ("Xylella is the name of the game.", "Xylella", "name", None),
        # nothing to say
        ("The Taliban entered the city.", "Taliban", "group", None),
    ],
)
def test_article_explanation(text: str, term: str, kind: str, expected: str | None):
    assert explain(text, term, kind) == expected


def test_owner_of_an_appositive_is_named_in_full():
    def resolve(token) -> str:
        return "Ahmed Shah Masood" if token.text == "Masood" else token.text

    text = "Masood's son, Ahmed Masood, leads the resistance."
    assert explain(text, "Ahmed Masood", "person", resolve) == "son of Ahmed Shah Masood"


def test_an_owner_the_article_leaves_unnamed_gives_no_line():
    text = "\"It was a bad one,\" said the city's mayor, Gary Chesney, on Friday."
    assert not explain(text, "Gary Chesney", "person", lambda token: token.text)


def test_first_mention_with_an_explanation_is_the_evidence():
    plain_first = mention("The Taliban entered the city.", "Taliban", paragraph=0)
    explained = mention("The Taliban is a militant group.", "Taliban", paragraph=1)
    explained_later = mention("The Taliban was an armed movement.", "Taliban", paragraph=2)
    # mentions are read in article order, whatever order the Thing holds them in
    found = article_explanation(thing("group", explained_later, plain_first, explained), plain)
    assert found is not None
    assert found.text == "militant group"
    assert found.evidence is explained


def test_no_mentions_no_explanation():
    assert article_explanation(thing("group"), plain) is None


# ---------------------------------------------------------------------------- shared glossary


SHARED = [
    GlossaryEntry("volcano", "opening in the earth's crust", source="shared glossary"),
    GlossaryEntry("National Resistance Front (NRF)", "armed group in Panjshir"),
    GlossaryEntry("Masoud", "Afghan commander"),
    GlossaryEntry("ambush", "surprise attack from hiding"),
]


def named(kind: str, *forms_: str, acronym: str = "", expansion: str = "", lemma: str = ""):
    made = Thing(key=normal_key(forms_[0]), kind=kind, acronym=acronym, expansion=expansion)
    made.lemma = lemma
    made.mentions = [Mention(i, None, 0, 1, f) for i, f in enumerate(forms_)]
    return made


@pytest.mark.parametrize(
    ("term", "definition"),
    [
        (named("group", "NRF"), "armed group in Panjshir"),  # the acronym in brackets
        (named("group", "National Resistance Front"), "armed group in Panjshir"),
        (
            named("group", "NRF", acronym="NRF", expansion="national resistance front"),
            "armed group in Panjshir",
        ),
        (named("person", "Masood"), "Afghan commander"),  # a spelling variant
        (named("word", "ambushed", lemma="ambush"), "surprise attack from hiding"),  # the lemma
        (named("word", "Volcanoes", lemma="volcano"), "opening in the earth's crust"),
        (named("place", "the Volcano"), "opening in the earth's crust"),  # case and "the"
        (named("word", "volcanic", lemma="volcanic"), None),
        (named("person", "Ahmed Masood"), None),  # a full name is not a bare surname
        (named("group", "Taliban"), None),
    ],
)
def test_shared_definition(term: Thing, definition: str | None):
    found = shared_definition(term, SHARED)
    if definition is None:
        assert found is None
    else:
        assert found is not None
        assert (found.text, found.source, found.confidence) == (
            definition,
            "shared glossary",
            1.0,
        )
        assert found.evidence is term.first


def test_shared_definition_takes_the_first_matching_entry():
    entries = [GlossaryEntry("ambush", "first"), GlossaryEntry("Ambush", "second")]
    found = shared_definition(named("word", "ambush", lemma="ambush"), entries)
    assert found is not None and found.text == "first"


def test_empty_shared_glossary():
    assert shared_definition(named("group", "NRF"), []) is None


def test_an_appositive_far_along_the_sentence_is_not_the_name_s():
    """The parser hangs "the government health plan" on "Biogen", the sentence's subject;
    it is Medicare's, and an appositive follows its name."""
    text = (
        "Biogen said it would charge about $56,000 a year for a typical patient, a price "
        "that could put a heavy burden on Medicare, the government health plan for older "
        "Americans."
    )
    assert not explain(text, "Biogen", kind="group")
    assert explain("Charika, the capital of Parwan, fell on Monday.", "Charika")
