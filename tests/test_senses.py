"""Choosing a WordNet sense (companion.generation.senses): simplified Lesk over the
sentence, the passage and the article, with WordNet's sense order as the prior; a weak fit
gives no entry; names take an instance sense that fits their entity label.

The rules are tested on a small hand-made WordNet; a few tests also read the real
WordNet 3.0 files (skipped when they are not installed)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from spacy.tokens import Doc

from companion.common.wordnet import Synset, get_wordnet
from companion.generation.analysis import analyse, load_nlp
from companion.generation.senses import SenseChooser, wordnet_text
from companion.generation.terms import Mention, Thing, find_things, normal_key


@cache
def parse(text: str) -> Doc:
    return load_nlp()(text)


@cache
def find_things_cached(article: str) -> tuple[Thing, ...]:
    return tuple(find_things(analyse([article])))


def lemmas(text: str) -> set[str]:
    return {t.lemma_.lower() for t in parse(text) if t.is_alpha and not t.is_stop}


def word(text: str, form: str, pos: str, lemma: str) -> Thing:
    doc = parse(text)
    token = next(t for t in doc if t.text == form)
    mention = Mention(0, doc, token.i, token.i + 1, token.text)
    return Thing(key=lemma, kind="word", pos=pos, lemma=lemma, mentions=[mention])


def name(text: str, form: str, kind: str, label: str) -> Thing:
    doc = parse(text)
    start = text.index(form)
    span = doc.char_span(start, start + len(form))
    mention = Mention(0, doc, span.start, span.end, span.text)
    return Thing(key=normal_key(form), kind=kind, labels=[label], mentions=[mention])


def synset(
    offset: int,
    gloss: str,
    pos: str = "n",
    lemmas_: tuple[str, ...] = ("x",),
    instance: bool = False,
    lexname: int = 5,
    hypernyms: tuple[int, ...] = (),
) -> Synset:
    return Synset(offset, pos, lemmas_, gloss, instance, hypernyms, lexname)


class TinyWordNet:
    """Just what SenseChooser reads: senses by (word, pos), hypernyms, tag counts."""

    def __init__(self, senses, hypernyms=(), counts=None):
        self.senses = {(w.lower(), p): list(s) for (w, p), s in senses.items()}
        self.hypernyms = {s.offset: s for s in hypernyms}
        self.counts = counts or {}

    def base_forms(self, word: str, pos: str) -> list[str]:
        return [word.lower()]

    def synsets(self, word: str, pos: str) -> list[Synset]:
        return self.senses.get((word.lower(), pos), [])

    def synset(self, offset: int, pos: str) -> Synset:
        return self.hypernyms[offset]

    def tag_count(self, lemma: str, sense_number: int) -> int:
        return self.counts.get((lemma, sense_number), 0)


def choose(wordnet, thing: Thing, text: str, passage: str = "", article: str = ""):
    chooser = SenseChooser(wordnet, lemmas(article or text), dictionary={})  # WordNet alone
    return chooser.define_word(thing, lemmas(passage or text))


# ---------------------------------------------------------------------------- Lesk on words

# Three senses of "bank": the money sense is WordNet's first.
MONEY = synset(1, "financial institution that accepts deposits and lends money")
SLOPE = synset(2, "sloping land beside a body of water such as a river")
TILT = synset(3, "a turning flight maneuver; aircraft tips laterally about its longitudinal axis")
BANKS = TinyWordNet({("bank", "n"): [MONEY, SLOPE, TILT]})


@pytest.mark.parametrize(
    ("sentence", "definition"),
    [
        (
            "The heron waited on the muddy bank of the river, by the water.",
            "sloping land beside a body of water such as a river",
        ),
        (
            "She put her money on deposit at the bank.",
            "financial institution that accepts deposits and lends money",
        ),
        (
            "The pilot began a steep bank in flight over the aircraft carrier.",
            "turning flight maneuver",
        ),
    ],
)
def test_the_sense_that_overlaps_the_sentence_wins(sentence: str, definition: str):
    found = choose(BANKS, word(sentence, "bank", "n", "bank"), sentence)
    assert found is not None
    assert found.text.startswith(definition)
    assert (found.source, found.confidence) == ("wordnet", 0.7)
    assert found.evidence.text == "bank"


def test_a_weak_fit_among_many_senses_is_no_entry():
    sentence = "They walked past the bank on Tuesday."
    assert choose(BANKS, word(sentence, "bank", "n", "bank"), sentence) is None


def test_the_passage_counts_less_than_the_sentence():
    sentence = "They walked past the bank on Tuesday."
    thing = word(sentence, "bank", "n", "bank")
    # a noun of several senses needs an overlap of 3: five passage words (0.5 each) are
    # not enough without the sentence ...
    passage = "The river water covered the sloping land and a body."
    assert choose(BANKS, thing, sentence, passage=passage) is None
    # ... one word of the sentence (2) with two of the passage is
    sentence = "They walked past the bank by the river on Tuesday."
    thing = word(sentence, "bank", "n", "bank")
    found = choose(BANKS, thing, sentence, passage="The water covered the sloping land.")
    assert found is not None and found.text.startswith("sloping land")


def test_the_term_itself_is_no_evidence():
    # every gloss naming "bank" would otherwise match every sentence with "bank" in it
    senses = [
        synset(1, "bank for money"),
        synset(2, "bank of a river"),
        synset(3, "bank of lights"),
    ]
    sentence = "They walked past the bank on Tuesday."
    wordnet = TinyWordNet({("bank", "n"): senses})
    assert choose(wordnet, word(sentence, "bank", "n", "bank"), sentence) is None


def test_hypernym_glosses_widen_the_signature():
    hyper = synset(90, "a natural stream of flowing water")
    senses = [synset(1, "an institution"), synset(2, "a slope of land", hypernyms=(90,)), TILT]
    sentence = "The stream kept flowing past the bank."
    wordnet = TinyWordNet({("bank", "n"): senses}, hypernyms=[hyper])
    found = choose(wordnet, word(sentence, "bank", "n", "bank"), sentence)
    assert found is not None and found.text == "slope of land"


def pipes(first_gloss: str) -> TinyWordNet:
    return TinyWordNet(
        {
            ("pipe", "n"): [
                synset(1, first_gloss),
                synset(2, "a metal tube that carries gas to a stove"),
                synset(3, "a long story"),
            ]
        }
    )


@pytest.mark.parametrize(
    ("first_gloss", "sentence", "expected"),
    [
        # two words of overlap (4) are a fit ...
        (
            "a circuit that holds a charge",
            "The pipe holds a charge.",
            "circuit that holds a charge",
        ),
        # ... but not for a sense of another field (4 - 3)
        ("(electronics) a circuit that holds a charge", "The pipe holds a charge.", None),
        # unless the sentence names the field
        (
            "(electronics) a circuit that holds a charge",
            "In electronics, the pipe holds a charge.",
            "circuit that holds a charge",
        ),
        (
            "(electronics) a circuit that holds a charge",
            "Gas flows through the pipe to the stove.",
            "metal tube that carries gas to a stove",
        ),
    ],
)
def test_a_sense_from_another_field_is_penalised(first_gloss, sentence, expected):
    thing = word(sentence, "pipe", "n", "pipe")
    found = choose(pipes(first_gloss), thing, sentence, passage="Nothing else.")
    assert (found.text if found else None) == expected


def test_a_single_sense_needs_no_context():
    wordnet = TinyWordNet({("guerrilla", "n"): [synset(1, "a member of an irregular armed force")]})
    sentence = "A guerrilla waited."
    found = choose(wordnet, word(sentence, "guerrilla", "n", "guerrilla"), sentence)
    assert found is not None
    assert (found.text, found.confidence) == ("member of an irregular armed force", 0.8)


@pytest.mark.parametrize(
    ("pos", "counts", "expected"),
    [
        ("n", {("crane", 1): 5}, None),  # often seen: a common noun (below)
        ("n", {("crane", 1): 1}, None),  # rarely seen: not without context
        ("n", {}, None),
        ("a", {}, None),  # an adjective too: "viscous", "sparkly" were the other sense
        ("a", {("crane", 1): 5}, "machine that lifts heavy weights"),
        ("v", {}, None),  # never a verb: news uses them figuratively
    ],
)
def test_two_senses_without_context_trust_only_a_dominant_first(pos, counts, expected):
    senses = [
        synset(1, "machine that lifts heavy weights", pos),
        synset(2, "large wading bird", pos),
    ]
    wordnet = TinyWordNet({("crane", pos): senses}, counts=counts)
    sentence = "They saw a crane today."
    found = choose(wordnet, word(sentence, "crane", pos, "crane"), sentence)
    if expected is None:
        assert found is None
    else:
        assert found is not None and (found.text, found.confidence) == (expected, 0.5)


@pytest.mark.parametrize(("count", "kept"), [(0, True), (1, True), (2, False), (19, False)])
def test_a_noun_the_tagged_corpus_met_often_is_no_glossary_word(count, kept):
    """ "robbers", "downpours", "uptake": known to the reader, or meant in a newer sense."""
    wordnet = TinyWordNet(
        {("robber", "n"): [synset(1, "a thief who steals by threatening violence")]},
        counts={("robber", 1): count},
    )
    sentence = "A robber took the till."
    found = choose(wordnet, word(sentence, "robber", "n", "robber"), sentence)
    assert (found is not None) == kept


def test_two_senses_with_context_take_the_fitting_one():
    senses = [
        synset(1, "machine that lifts heavy weights"),
        synset(2, "large wading bird with long legs"),
    ]
    wordnet = TinyWordNet({("crane", "n"): senses})
    sentence = "A crane stood on long legs, wading in the marsh like a bird."
    found = choose(wordnet, word(sentence, "crane", "n", "crane"), sentence)
    assert found is not None
    assert (found.text, found.confidence) == ("large wading bird with long legs", 0.7)


def test_unknown_word_has_no_sense():
    sentence = "A zorblat appeared."
    assert choose(BANKS, word(sentence, "zorblat", "n", "zorblat"), sentence) is None


# ---------------------------------------------------------------------------- names

KABUL = synset(
    10, "capital and largest city of Afghanistan", lemmas_=("Kabul",), instance=True, lexname=15
)
OLYMPUS = synset(
    11,
    "(Greek mythology) mountain home of the gods",
    lemmas_=("Olympus",),
    instance=True,
    lexname=15,
)
MASOUD = synset(
    12,
    "Afghan leader of forces opposed to the Taliban; was assassinated (1953-2001)",
    lemmas_=("Masoud", "Ahmad Shah Masoud"),
    instance=True,
    lexname=18,
)
CHAIR = synset(13, "a seat for one person", lemmas_=("chair",), lexname=6)
SALISBURY = synset(
    16, "capital and largest city of Zimbabwe", lemmas_=("Salisbury",), instance=True, lexname=15
)
NAMES = TinyWordNet(
    {
        ("kabul", "n"): [KABUL],
        ("olympus", "n"): [OLYMPUS],
        ("masoud", "n"): [MASOUD],
        ("ahmed shah masoud", "n"): [MASOUD],
        ("chair", "n"): [CHAIR],
        ("salisbury", "n"): [SALISBURY],
        ("prussian", "a"): [synset(14, "of or relating to Prussia", pos="a")],
        ("national resistance front", "n"): [
            synset(15, "a group resisting the Taliban", instance=True, lexname=14)
        ],
    }
)


def define_name(thing: Thing, article: str):
    return SenseChooser(NAMES, lemmas(article), article, names={}, news={}).define_name(thing)


def test_an_instance_sense_that_fits_the_label():
    text = "Fighters entered Kabul as Afghanistan's army fled."
    found = define_name(name(text, "Kabul", "place", "GPE"), text)
    assert found is not None
    assert (found.text, found.source, found.confidence) == (
        "capital and largest city of Afghanistan",
        "wordnet",
        0.75,
    )


def test_a_place_line_tied_to_a_country_the_article_never_names_is_refused():
    # WordNet's only Salisbury is Zimbabwe's old capital; the poisoning was in England
    text = "A former spy was poisoned in Salisbury, and Britain expelled Russian diplomats."
    assert define_name(name(text, "Salisbury", "place", "GPE"), text) is None
    named = "Salisbury, the capital of Zimbabwe, was renamed Harare."
    found = define_name(name(named, "Salisbury", "place", "GPE"), named)
    assert found is not None and found.text == "capital and largest city of Zimbabwe"


def test_a_sense_of_another_kind_than_the_label_is_refused():
    text = "Fighters entered Kabul."
    assert define_name(name(text, "Kabul", "person", "PERSON"), text) is None


def test_a_sense_from_another_field_needs_the_article_to_name_it():
    text = "Climbers reached Olympus in the snow."
    assert define_name(name(text, "Olympus", "place", "LOC"), text) is None
    myth = "In Greek mythology, the gods lived on Olympus."
    found = define_name(name(myth, "Olympus", "place", "LOC"), myth)
    assert found is not None and found.text == "mountain home of the gods"


def test_a_common_noun_sense_is_not_a_name():
    text = "Chair spoke to the council."
    assert define_name(name(text, "Chair", "group", "ORG"), text) is None


def test_a_bare_surname_could_be_anyone():
    text = "Masoud fought the Taliban."
    assert define_name(name(text, "Masoud", "person", "PERSON"), text) is None


def test_another_spelling_of_a_person_needs_support_from_the_article():
    text = "Ahmed Shah Masood fought the Taliban for years."
    found = define_name(name(text, "Ahmed Shah Masood", "person", "PERSON"), text)
    assert found is not None
    assert found.confidence == 0.6  # found through a spelling variant
    assert found.text == "Afghan leader of forces opposed to the Taliban (1953-2001)"
    unrelated = "Ahmed Shah Masood sold carpets."
    assert define_name(name(unrelated, "Ahmed Shah Masood", "person", "PERSON"), unrelated) is None


def test_the_expansion_of_an_acronym_is_looked_up():
    text = "The NRF fought on."
    thing = name(text, "NRF", "group", "ORG")
    assert define_name(thing, text) is None
    thing.expansion = "national resistance front"
    found = define_name(thing, text)
    assert found is not None and found.text == "group resisting the Taliban"


def test_a_nationality_used_as_an_adjective_takes_the_adjective_sense():
    text = "A Prussian general led the army."
    found = define_name(name(text, "Prussian", "group", "NORP"), text)
    assert found is not None
    assert (found.text, found.confidence) == ("of or relating to Prussia", 0.7)


# ---------------------------------------------------------------------------- wordnet_text

PERSON = Thing(key="jane doe", kind="person")
MEANDER = Thing(key="meander", kind="word", pos="v", lemma="meander")
GUERRILLA = Thing(key="guerrilla", kind="word", pos="n", lemma="guerrilla")


@pytest.mark.parametrize(
    ("gloss", "term", "expected"),
    [
        # examples and a leading field qualifier go; a verb reads "to ..."
        ('(of a path e.g.) have bends; "the road meanders"', MEANDER, "to have bends"),
        ("to wind; follow a winding course", MEANDER, "to wind, follow a winding course"),
        # a segment that repeats the term is dropped; a short first one takes the next
        (
            "a guerrilla fighter; a member of an irregular armed force",
            GUERRILLA,
            "member of an irregular armed force",
        ),
        (
            "a fighter; member of an irregular armed force",
            GUERRILLA,
            "fighter, member of an irregular armed force",
        ),
        ("a guerrilla; guerrillas", GUERRILLA, ""),
        # a pronoun is allowed in a dictionary gloss
        ("he who fights from hiding", GUERRILLA, "he who fights from hiding"),
        # a long gloss is cut at the last clause boundary within 18 words
        (
            "a person who fights in an irregular armed force, usually in small groups that "
            "attack a stronger army by surprise and then retreat into the hills",
            GUERRILLA,
            "person who fights in an irregular armed force, usually in small groups",
        ),
        # years are dropped unless asked for
        ("English writer of novels; (1775-1817)", PERSON, "English writer of novels"),
    ],
)
def test_wordnet_text(gloss: str, term: Thing, expected: str):
    assert wordnet_text(synset(1, gloss, pos=term.pos), term) == expected


def test_wordnet_text_keeps_a_persons_years_when_asked():
    sense = synset(1, "English writer of novels; (1775-1817)")
    assert wordnet_text(sense, PERSON, keep_years=True) == "English writer of novels (1775-1817)"
    inline = synset(2, "Dutch painter noted for his use of color (1853-1890)")
    assert wordnet_text(inline, PERSON, keep_years=True) == (
        "Dutch painter noted for his use of color (1853-1890)"  # once, not twice
    )


# ---------------------------------------------------------------------------- real WordNet

needs_wordnet = pytest.mark.skipif(
    not get_wordnet().available,
    reason=f"WordNet 3.0 files not found in {get_wordnet().folder} (install wordnet-base)",
)


@needs_wordnet
@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Workers cut slate from the old quarry, digging stone out of the hillside.", "surface"),
        ("The eagle dropped on its quarry, a rabbit it had hunted and caught for food.", "animal"),
    ],
)
def test_real_wordnet_quarry(sentence: str, start: str):
    """(Not "bank": a noun that common is no glossary word at all.)"""
    found = choose(get_wordnet(), word(sentence, "quarry", "n", "quarry"), sentence)
    assert found is not None and found.text.startswith(start)
    bank = "She deposited the money in her account at the bank."
    assert choose(get_wordnet(), word(bank, "bank", "n", "bank"), bank) is None


@needs_wordnet
def test_real_wordnet_verb_and_adjective():
    """Verbs are left out (news uses them figuratively: "tarnished", "derailed");
    adjectives are glossed, but one of two senses only when the sentence bears it out."""
    sentence = "The rebels assassinated the governor."
    assert (
        choose(get_wordnet(), word(sentence, "assassinated", "v", "assassinate"), sentence) is None
    )
    sentence = "The deal was lucrative, and the firm made a big profit."
    found = choose(get_wordnet(), word(sentence, "lucrative", "a", "lucrative"), sentence)
    assert found is not None and found.text == "producing a sizeable profit"
    sentence = "The valley is inaccessible in winter."
    assert (
        choose(get_wordnet(), word(sentence, "inaccessible", "a", "inaccessible"), sentence) is None
    )


@needs_wordnet
@pytest.mark.parametrize(
    ("article", "key", "definition"),
    [
        (
            "Taliban fighters entered Kabul, the capital of Afghanistan.",
            "kabul",
            "capital and largest city of Afghanistan",
        ),
        (
            "Taliban fighters entered Kabul, the capital of Afghanistan.",
            "taliban",
            "fundamentalist Islamic militia",
        ),
        (
            "Ahmed Shah Masood fought the Soviet army and the Taliban in Afghanistan.",
            "ahmed shah masood",
            "Afghan leader of forces opposed to the Taliban (1953-2001)",
        ),
        (
            "Abraham Lincoln was president during the Civil War in the United States.",
            "abraham lincoln",
            "16th President of the United States (1809-1865)",
        ),
    ],
)
def test_real_wordnet_names(article: str, key: str, definition: str):
    things = {t.key: t for t in find_things_cached(article)}
    chooser = SenseChooser(get_wordnet(), lemmas(article), names={}, news={})  # WordNet's own
    found = chooser.define_name(things[key])
    assert found is not None and found.text == definition


@pytest.mark.parametrize(
    ("text", "article", "other"),
    [
        ("highest federal court in the United States", "India's Supreme Court ruled.", True),
        ("highest federal court in the United States", "The United States court ruled.", False),
        ("terrorist network intensely opposed to the United States", "It attacked.", False),
        # or a sport: the cricket World Cup is not the soccer one
        ("soccer tournament held every four years", "England lost the cricket match.", True),
        ("soccer tournament held every four years", "The soccer team lost.", False),
        ("fault or defect in a computer program", "An owl flew off during the show.", True),
        ("someone who sells advice about gambling", "A tipster handed the painting in.", True),
    ],
)
def test_a_gloss_placed_in_a_country_the_article_never_names(text, article, other):
    from companion.generation.senses import _stem, names_another_country

    stems = {_stem(w) for w in article.replace(".", "").replace("'s", "").split()}
    assert names_another_country(text, stems) is other


@needs_wordnet
@pytest.mark.parametrize(
    ("sentence", "form", "lemma", "pos"),
    [
        # the word and the next make a WordNet term: not the word's own sense
        ("They put up a barbed wire fence near the hamlets.", "barbed", "barbed", "a"),
        # a phrase of another language: "optimum" alone is not what it means
        ("Her guests are the optimum optimorum of the city.", "optimum", "optimum", "a"),
        # informal: a word known from speech, glossed by no more than "very large"
        ("He earns a whopping sum every year.", "whopping", "whopping", "a"),
        # an adjective glossed by what a thing has ("having a musical sound")
        ("The band played a tuneful song for the crowd.", "tuneful", "tuneful", "a"),
    ],
)
def test_real_wordnet_refuses_risky_word_senses(sentence, form, lemma, pos):
    assert choose(get_wordnet(), word(sentence, form, pos, lemma), sentence) is None


@needs_wordnet
def test_a_british_spelling_takes_the_american_senses_order():
    """WordNet lists "mechanised" with "using vehicles" first, "mechanized" with "equipped
    with machinery" first: the American order is the one by use."""
    from companion.generation.senses import _american_first

    assert _american_first(["mechanised", "mechanise"])[:2] == ["mechanized", "mechanize"]
    assert _american_first(["lucrative"]) == ["lucrative"]


@pytest.mark.parametrize(
    ("word_", "stem"),
    [("motives", "motive"), ("minerals", "mineral"), ("taxes", "tax"), ("glass", "glass")],
)
def test_stems_match_a_plural_with_its_singular(word_: str, stem: str):
    """ "ulterior motives" in a gloss matches "motive" in the sentence."""
    from companion.generation.senses import _stem

    assert _stem(word_) == _stem(stem) == stem


@needs_wordnet
def test_a_noun_the_tagger_took_for_an_adjective_takes_its_noun_sense():
    sentence = 'One sparkly glove did not scream "zeitgeist" in those years.'
    found = choose(get_wordnet(), word(sentence, "zeitgeist", "a", "zeitgeist"), sentence)
    assert found is not None and found.text == "spirit of the time"
    # but not a word in front of the noun it modifies: "ripple effect" means more
    sentence = "The epidemic may have a ripple effect worldwide."
    assert choose(get_wordnet(), word(sentence, "ripple", "a", "ripple"), sentence) is None


def test_an_adjective_of_two_senses_needs_more_than_one_shared_word():
    senses = [
        synset(1, "inclined to dispute or disagree", "a"),
        synset(2, "likely to cause controversy", "a"),
    ]
    wordnet = TinyWordNet({("contentious", "a"): senses})
    sentence = "Lawmakers would dispute the contentious bill."
    assert choose(wordnet, word(sentence, "contentious", "a", "contentious"), sentence) is None
    sentence = "Lawmakers would dispute and disagree about the contentious bill."
    found = choose(wordnet, word(sentence, "contentious", "a", "contentious"), sentence)
    assert found is not None and found.text == "inclined to dispute or disagree"


def test_a_word_the_dictionary_glosses_as_another_part_of_speech_is_left_out():
    """The tagger took "expedient" for a noun; the learner dictionary glosses it as an
    adjective. WordNet's noun sense ("means to an end") was rejected blind, as was
    "narrow" for the "Strait" a tagger called an adjective: no entry."""
    text = "The minister said it was expedient to delay the vote until the spring."
    thing = word(text, "expedient", "n", "expedient")
    chooser = SenseChooser(get_wordnet(), lemmas(text))
    assert chooser.dictionary_entry(thing).pos == "a"
    assert chooser.define_word(thing, lemmas(text)) is None
    adjective = replace(thing, pos="a")
    assert "useful" in chooser.define_word(adjective, lemmas(text)).text
