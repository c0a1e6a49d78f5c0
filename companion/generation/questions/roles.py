"""Who holds a role: "Keith Brown, the father of the piano group ..." asks "Who is the
father of the piano group ...?".

News introduces people by a name and the role beside it, in an appositive. The question
copies the role as the article writes it, so it needs no rewriting of the sentence, and
its key is the person's full name. Only a role tied to something ("of", "for", "at",
"in": a chairman of a named company, a spokesman for a named agency) is asked about: "the
21-year-old" or "a veteran" names no one in particular. Four options only when the
article names three other people in full who hold no such role; otherwise the question
is asked without choices.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from companion.generation.distractors import pick
from companion.generation.questions.base import (
    MC_DISTRACTORS,
    Builder,
    Candidate,
    candidate,
    not_a_person,
    person_noun,
    sentence_quality,
    surnames,
)
from companion.generation.terms import Thing, display_name

MIN_ROLE_WORDS, MAX_ROLE_WORDS = 3, 14
# roles many people hold at once: "a member of", "a resident of", "a student at"
ONE_OF_MANY = frozenset(
    {"member", "resident", "student", "pupil", "volunteer", "supporter", "fan", "worker"}
    | {"employee", "passenger", "customer", "parent", "citizen", "friend", "relative"}
    | {"neighbour", "neighbor", "colleague", "participant", "visitor", "patient", "graduate"}
    | {"democrat", "republican", "conservative", "liberal", "socialist", "independent"}
)
ANCHORS = frozenset({"of", "for", "at", "in", "with"})
PAST_ROLE = frozenset({"former", "late", "then"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "conj", "cc", "ccomp", "parataxis"})
ROLE_START_POS = frozenset({"ADJ", "NOUN", "PROPN"})  # "senior technical analyst at ..."


def role_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not builder.usable(sentence):
        return []
    found = []
    for ent in sentence.ents:
        thing = builder.thing_of(ent.root) if ent.label_ == "PERSON" else None
        if thing is None or thing.kind != "person" or len(display_name(thing).split()) < 2:
            continue
        role = next((c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end), None)
        text = role_phrase(role) if role is not None else ""
        if text.startswith(("a ", "an ")) and _role_said_twice(builder, role):
            text = ""  # "Who is a UK professor of physics?": the article names two
        if text:
            found.append(_question(builder, sentence, thing, role, text))
    return found


def role_phrase(role: Token) -> str:
    """The appositive as written, when it names a role tied to something: "the
    billionaire chairman of Reliance ADA Group", "president and CEO of the National
    Restaurant Association"; a relative clause after a comma is left off ("a spokesman
    for the Center for Science in the Public Interest, which has long lobbied ...").
    "" otherwise."""
    tokens = _without_relative_clause(sorted(role.subtree, key=lambda t: t.i))
    words = [t for t in tokens if not t.is_punct]
    doc = role.doc
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if not MIN_ROLE_WORDS <= len(words) <= MAX_ROLE_WORDS or not person_noun(role):
        return ""
    if role.lemma_.lower() in ONE_OF_MANY:
        return ""  # "Who is the member of the School Management Committee?": one of many
    if tokens[0].lower_ not in ("the", "a", "an") and tokens[0].pos_ not in ROLE_START_POS:
        return ""  # "his son": whose?
    if after is not None and not after.is_punct:
        return ""  # the parse cut the phrase short
    if not any(t.lower_ in ANCHORS and t.head.i >= role.i for t in tokens):
        return ""  # "the 21-year-old", "a veteran": tied to nothing
    for t in tokens:
        if t is role or (t.dep_ in ("conj", "cc") and (t.dep_ == "cc" or person_noun(t))):
            continue  # "president and CEO of ...": two roles in one
        if t.dep_ in CLAUSE_DEPS or t.ent_type_ == "PERSON" or t.pos_ == "PRON" or t.like_num:
            return ""  # a clause, another person, a pronoun or a figure: not a plain role
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    if any(mark in text for mark in (",", ";", ":", "(", "“", '"')):
        return ""
    if tokens[0].lower_ in ("the", "a", "an"):
        return text[0].lower() + text[1:]
    # news drops the article ("Walter Drag, meteorologist at the National Weather
    # Service"); a question needs it back: "Who is the meteorologist at ...?"
    return f"the {text}" if text[:1].islower() else text


def _without_relative_clause(tokens: list[Token]) -> list[Token]:
    """The tokens before ", which ..." / ", who ...", when the rest is that clause."""
    for i, token in enumerate(tokens[:-1]):
        if token.text == "," and tokens[i + 1].lower_ in ("which", "who", "where"):
            return tokens[:i]
    return tokens


def _role_said_twice(builder: Builder, role: Token) -> bool:
    """The role's noun is in the article more than once ("a UK professor of physics" and
    "also a UK physics professor"): "a" role has more than one holder."""
    lemma = role.lemma_.lower()
    return sum(1 for doc in builder.analysis.docs for t in doc if t.lemma_.lower() == lemma) > 1


def _question(builder: Builder, sentence: Span, thing: Thing, role: Token, text: str) -> Candidate:
    answer = display_name(thing)
    verb = "was" if PAST_ROLE & {t.lower_ for t in role.subtree} else "is"
    prompt = f"Who {verb} {text}?"
    forms = builder.short_forms(thing, answer)
    accept = sorted({*forms, *surnames(answer, forms)} - {answer})
    short = builder.make("short_answer", prompt, sentence, answer, None, "rule:role-who", accept)
    quality = sentence_quality(sentence)
    others = builder.same_sort_of_person(answer, _other_people(builder, thing, role))
    distractors = pick(answer, others, MC_DISTRACTORS, prompt)
    if not builder.context.options.choices or len(distractors) < MC_DISTRACTORS:
        return candidate(builder, short, sentence, "literal", 1.0 + quality, answer)
    choices = [answer, *distractors]
    question = builder.make("multiple_choice", prompt, sentence, answer, choices, "rule:role-who")
    found = candidate(builder, question, sentence, "literal", 1.2 + quality, answer)
    found.short_form = short
    return found


def _other_people(builder: Builder, thing: Thing, role: Token) -> list[str]:
    """People the article names in full, none of them given the same kind of role (two
    spokesmen would make two right answers)."""
    people = []
    for other in builder.things:
        name = display_name(other)
        if other is thing or other.label != "PERSON" or len(name.split()) < 2:
            continue
        if not_a_person(name):
            continue  # "Nouveau Beaujolais", a wine the tagger called a person
        if any(
            c.dep_ == "appos" and c.lemma_ == role.lemma_
            for m in other.mentions
            for c in m.span.root.children
        ):
            continue
        people.append(name)
    return people
