"""Sentence surgery (companion.generation.clauses): a verb's clause without its
subordinate clauses, who said what, and wh-questions made by removing the answer,
inverting the first auxiliary or adding do-support."""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace

import pytest
from spacy.tokens import Doc, Span

from companion.generation.analysis import load_nlp
from companion.generation.clauses import (
    attribution,
    base_form,
    clause_tokens,
    do_support,
    finish_question,
    has_quote,
    is_quote,
    lower_first,
    span_text,
    speaker_phrase,
    statement,
    subtree_ids,
    tidy,
    wh_question,
)


@cache
def parse(text: str) -> Doc:
    return load_nlp()(text)


def sentence(text: str) -> Span:
    return next(parse(text).sents)


def root(text: str):
    return sentence(text).root


def answer_ids(text: str, answer: str) -> set[int]:
    """The answer phrase: the word's subtree, or its whole prepositional phrase."""
    token = next(t for t in parse(text) if t.text == answer)
    if token.head.dep_ == "prep":
        token = token.head
    return subtree_ids(token)


def plain(token) -> str:
    return token.text


# ---------------------------------------------------------------------------- text joining


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("word , next .", "word, next."),  # no space before punctuation
        ("( inner )", "(inner)"),  # nor inside brackets and quotes
        ("“ quoted ”", "“quoted”"),
        ("a ( ) b", "a b"),  # brackets left empty
        ("a – – b", "a b"),  # dashes left empty
        ("x — — y", "x y"),
        ("a, , b", "a, b"),  # doubled commas
        ("  ,lead; ", "lead"),  # edge punctuation and spaces
        ("one\n two   three", "one two three"),
        ("end.", "end."),  # a full stop stays
    ],
)
def test_tidy(text: str, expected: str):
    assert tidy(text) == expected


def test_span_text_keeps_spacing_and_order():
    doc = parse("The Taliban, who had lost 40 troops, said on Thursday that they would fight.")
    assert span_text(doc) == doc.text.rstrip(".") + "."
    # tokens are put back in sentence order; a gap becomes one space
    assert span_text([doc[5], doc[1], doc[6]]) == "Taliban lost 40"
    # a token can be replaced
    assert span_text(doc[0:3], {1: "NRF"}) == "The NRF"
    assert span_text([]) == ""


def test_subtree_ids():
    doc = parse("The brave fighters left.")
    fighters = doc[2]
    assert subtree_ids(fighters) == {0, 1, 2}
    assert subtree_ids(doc[3]) == {0, 1, 2, 3, 4}


# ---------------------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    ("text", "quote", "has"),
    [
        ('"We will fight," he said.', True, True),
        ("“They are using their last force,” the sources said.", True, True),
        ("He said “they are using their last force and will fight on” today.", True, True),
        ('He said "no" to the plan.', False, True),
        ("The plan was rejected.", False, False),
    ],
)
def test_is_quote_and_has_quote(text: str, quote: bool, has: bool):
    assert is_quote(sentence(text)) is quote
    assert has_quote(sentence(text)) is has


# ---------------------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    ("text", "speech", "clause"),
    [
        ("The NRF said that the Taliban had lost 40 troops.", "said", "lost"),
        ("The Taliban lost 40 troops, an NRF source said.", "said", "lost"),
        ("He told reporters the fight would continue.", "told", "continue"),
        ("The valley is green.", None, None),  # not speech
        ("The fighters walked to the valley.", None, None),
    ],
)
def test_attribution(text: str, speech: str | None, clause: str | None):
    verb, reported = attribution(sentence(text))
    assert (verb.text if verb else None, reported.text if reported else None) == (speech, clause)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The NRF said that the Taliban had lost 40 troops.", "The NRF"),
        ("The Taliban lost 40 troops, an NRF source said.", "an NRF source"),
        ("NRF spokesman Fahim Dasti said the clashes continued.", "NRF spokesman Fahim Dasti"),
        # pronouns and anonymous sources name no one
        ("He said the fight would continue.", ""),
        ("They said the clashes continued.", ""),
        ("The sources said the clashes continued.", ""),
        ("Officials said the clashes continued.", ""),
        ("Clashes continued, officials said.", ""),
    ],
)
def test_speaker_phrase(text: str, speaker: str):
    verb, _ = attribution(sentence(text))
    assert speaker_phrase(verb, plain) == speaker


def test_speaker_phrase_uses_the_resolved_full_name():
    def resolve(token) -> str:
        return "Fahim Dasti" if token.text == "Dasti" else token.text

    verb, _ = attribution(sentence("Dasti said the clashes continued."))
    assert speaker_phrase(verb, resolve) == "Fahim Dasti"


# ---------------------------------------------------------------------------- clauses


@pytest.mark.parametrize(
    ("text", "full", "compact"),
    [
        # a relative clause on the subject always goes; elsewhere only when compact
        (
            "The rebels, who controlled Kabul, withdrew in 1989.",
            "The rebels withdrew in 1989",
            None,
        ),
        (
            "The fighters attacked the town, which was quiet.",
            "The fighters attacked the town, which was quiet",
            "The fighters attacked the town",
        ),
        # an infinitive that says what the object is stays, even when compact
        (
            "The governor has done nothing to restore this funding.",
            "The governor has done nothing to restore this funding",
            None,
        ),
        # adverbial and coordinated clauses go
        (
            "The fighters attacked the town after the police fled.",
            "The fighters attacked the town",
            None,
        ),
        (
            "The fighters attacked the town and the police fled.",
            "The fighters attacked the town",
            None,
        ),
        # discourse openers lean on the sentence before
        (
            "However, the fighters retreated to the mountains.",
            "The fighters retreated to the mountains",
            None,
        ),
        ("But the army retreated.", "The army retreated", None),
        (
            "For example, the army built a road in the north.",
            "The army built a road in the north",
            None,
        ),
        ("In addition, the rebels seized two towns.", "The rebels seized two towns", None),
        # a speech verb's clause goes with it
        ("However, the Taliban captured the valley on Monday, he said.", "He said", None),
        # fronted phrases that are not openers stay
        (
            "On Monday, the Taliban captured three districts.",
            "On Monday, the Taliban captured three districts",
            None,
        ),
    ],
)
def test_statement(text: str, full: str, compact: str | None):
    verb = root(text)
    assert statement(verb) == full
    assert statement(verb, compact=True) == (compact or full)


def test_statement_replaces_and_excludes_tokens():
    text = "The Taliban captured three districts in the valley."
    doc = parse(text)
    verb = root(text)
    assert (
        statement(verb, replacements={1: "NRF"}) == "The NRF captured three districts in the valley"
    )
    assert (
        statement(verb, exclude=answer_ids(text, "valley"))
        == "The Taliban captured three districts"
    )
    assert clause_tokens(verb, set())[-1].text == "valley"  # trailing punctuation is dropped
    assert doc[-1].text == "."


# ---------------------------------------------------------------------------- verb forms


@pytest.mark.parametrize(
    ("tag", "auxiliary"),
    [("VBD", "did"), ("VBN", "did"), ("VBZ", "does"), ("VBP", "do"), ("VB", "do"), ("VBG", "do")],
)
def test_do_support(tag: str, auxiliary: str):
    assert do_support(SimpleNamespace(tag_=tag)) == auxiliary


@pytest.mark.parametrize(
    ("lemma", "text", "base"),
    [
        ("be", "was", "be"),
        ("withdraw", "withdrew", "withdraw"),
        ("Capture", "Captured", "capture"),
        ("", "ran", "ran"),
    ],
)
def test_base_form(lemma: str, text: str, base: str):
    assert base_form(SimpleNamespace(lemma_=lemma, text=text)) == base


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The troops entered the city.", "the troops"),  # a common word moves inside
        ("Fighters entered the city.", "fighters entered"),
        ("Kabul fell quickly.", "Kabul fell"),  # a name keeps its capital
        ("I saw it.", "I saw"),
    ],
)
def test_lower_first(text: str, expected: str):
    tokens = list(parse(text))[:2]
    assert lower_first(tokens, span_text(tokens)) == expected


def test_lower_first_only_at_the_start_of_a_sentence():
    tokens = list(parse("He met The Guardian editor."))[2:4]
    assert lower_first(tokens, "The Guardian") == "The Guardian"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("when did it happen.", "When did it happen?"),
        ("Who won ?", "Who won?"),
        ("what was lost!?,", "What was lost?"),
        ("  ", ""),
        ("", ""),
    ],
)
def test_finish_question(text: str, expected: str):
    assert finish_question(text) == expected


# ---------------------------------------------------------------------------- wh-questions


@pytest.mark.parametrize(
    ("text", "answer", "wh", "question"),
    [
        # do-support in the verb's tense, the verb back to its base form
        (
            "The USSR withdrew from Afghanistan in 1989.",
            "1989",
            "When",
            "When did the USSR withdraw from Afghanistan?",
        ),
        (
            "The rebels attack convoys in the mountains.",
            "mountains",
            "Where",
            "Where do the rebels attack convoys?",
        ),
        # the first auxiliary moves before the subject
        (
            "The Taliban have captured three districts.",
            "districts",
            "What",
            "What have the Taliban captured?",
        ),
        ("Masood was killed in 2001.", "2001", "When", "When was Masood killed?"),
        # "be" inverts without do-support
        ("The Taliban was a powerful group.", "group", "What", "What was the Taliban?"),
        # words fronted before the subject move to the end
        (
            "On Monday, the Taliban captured three districts in the valley.",
            "valley",
            "Where",
            "Where did the Taliban capture three districts on Monday?",
        ),
        (
            "Since 2014, NASA has studied the planet.",
            "planet",
            "What",
            "What has NASA studied since 2014?",
        ),
        # a relative clause and a discourse opener are left out
        (
            "The rebels, who controlled Kabul, withdrew in 1989.",
            "1989",
            "When",
            "When did the rebels withdraw?",
        ),
        (
            "However, the fighters retreated to the mountains.",
            "mountains",
            "Where",
            "Where did the fighters retreat?",
        ),
    ],
)
def test_wh_question(text: str, answer: str, wh: str, question: str):
    assert wh_question(root(text), wh, answer_ids(text, answer), False) == question


def test_subject_question_keeps_the_word_order():
    text = "Fahim Dasti leads the NRF."
    assert wh_question(root(text), "Who", answer_ids(text, "Dasti"), True) == "Who leads the NRF?"


def test_question_with_a_prefix():
    text = "The soldiers fled to the hills."
    question = wh_question(
        root(text), "Where", answer_ids(text, "hills"), False, "According to the article"
    )
    assert question == "According to the article, where did the soldiers flee?"


def test_no_question_without_a_subject():
    text = "Rebels attack convoys in the mountains."  # parsed as one noun phrase: no verb
    assert wh_question(root(text), "Where", answer_ids(text, "mountains"), False) == ""
    text = "Go to the hills."
    assert wh_question(root(text), "Where", answer_ids(text, "hills"), False) == ""


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Fahim Dasti, the NRF spokesman, said the clashes continued.", "Fahim Dasti"),
        (
            "NRF spokesman Fahim Dasti, a former journalist, said the clashes continued.",
            "NRF spokesman Fahim Dasti",
        ),
    ],
)
def test_a_speaker_without_the_appositive(sentence: str, speaker: str):
    from companion.generation.analysis import load_nlp
    from companion.generation.clauses import speaker_phrase

    doc = load_nlp()(sentence)
    verb = next(t for t in doc if t.lemma_ == "say")
    assert speaker_phrase(verb, lambda token: token.text) == speaker
