"""Sequence: put 3-4 dated events of the article in order."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from companion.generation.clauses import is_quote, span_text, statement, subtree_ids
from companion.generation.distractors import (
    same_thing,
)
from companion.generation.lexicon import PRONOUN_SUBJECTS
from companion.generation.questions.base import (
    Builder,
    Candidate,
    a_whole_event,
    candidate,
    hypothetical,
    the_one_before,
)
from companion.generation.terms import display_name
from companion.lesson.model import fingerprint


@dataclass
class Event:
    year: float
    text: str
    sentence: Span


def sequence_question(builder: Builder) -> Candidate | None:
    """Put 3-4 dated events of the article in order."""
    events: list[Event] = []
    for item in builder.analysis.sentences:
        sentence = item.span
        if is_quote(sentence) or not builder.usable(sentence):
            continue  # a quotation, or a sentence too garbled for any question
        for event in _dated_events(builder, sentence):
            if all(
                abs(event.year - e.year) >= 1 and not same_thing(event.text, e.text) for e in events
            ):
                events.append(event)
    if len(events) < 3:
        return None
    events.sort(key=lambda e: e.year)
    chosen = events[-4:] if len(events) > 4 else events
    order = [e.text for e in chosen]
    shuffled = list(order)
    random.Random(fingerprint(order)).shuffle(shuffled)
    if shuffled == order:
        shuffled = shuffled[1:] + shuffled[:1]
    last = max(chosen, key=lambda e: (builder.paragraph_of(e.sentence), e.sentence.start)).sentence
    question = builder.make(
        "sequence", "In what order did these events happen?", last, order, shuffled, "rule:sequence"
    )
    return candidate(builder, question, last, "sequence", 2.0, "sequence")


def _spans_years(ent: Span) -> bool:
    """A date that is a stretch of time: "between late 2006 and late 2010", "2006-2010",
    "from 2006 to 2010"."""
    if len(re.findall(r"\b\d{4}\b", ent.text)) > 1:
        return True
    around = ent.doc[max(0, ent.start - 5) : ent.end]
    return any(t.lower_ == "between" for t in around) or (
        any(t.lower_ == "from" for t in around) and any(t.lower_ in ("to", "until") for t in ent)
    )


def _dated_events(builder: Builder, sentence: Span) -> list[Event]:
    events = []
    for ent in sentence.ents:
        if ent.label_ not in ("DATE", "EVENT"):
            continue
        year = _event_year(ent.text)
        if year is None or _spans_years(ent):
            continue  # "between 2006 and 2010": a stretch of time has no one place in order
        verb = _governing_verb(ent)
        if verb is None or verb.lemma_ in ("say", "tell") or hypothetical(verb):
            continue  # "as if Thomson Corp and Reuters had been trading as one from 2007"
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children
        ):
            continue  # "His mother opened a unit": the event would read "Mother opened"
        if not a_whole_event(verb, subject, clauses=False) or any(
            c.lower_ == "will" or (c.dep_ == "mark" and c.lower_ in NO_EVENT_MARKS)
            for c in verb.children
        ):
            continue  # "The Trust planted [, gave away or sold 3,254,048 trees]", "More
            # than 250 participated", "The move will generate savings ... beginning": no
            # event a student can place
        if not _dates_the_verb(ent, verb):
            continue  # "music director ... to 2006" (when it ended), "tours are planned,
            # including a return to Vienna in 2010", "the last such case in 2013": the
            # date of something else than the event
        text = _event_text(builder, verb, ent)
        if text and not re.search(r"\s[-–—]\s|[-–—]$", text):  # "opened - in the decades"
            events.append(Event(year, text, sentence))
    if not events and any(
        t.lower_ == "now"
        and t.head.pos_ in ("VERB", "AUX")
        and t.head.tag_ in ("VBG", "VBP", "VBZ")
        for t in sentence
    ):
        verb = next(t.head for t in sentence if t.lower_ == "now")
        text = _event_text(builder, verb, None)
        if text:
            events.append(Event(9999, text, sentence))
    return events


WHEN_PREPOSITIONS = frozenset({"in", "on", "during", "at"})
# "since records have been kept in 1869", "if it stands": no event to place
NO_EVENT_MARKS = frozenset({"since", "if", "unless", "whether", "because"})


def _dates_the_verb(ent: Span, verb: Token) -> bool:
    """The date says when the verb's event happened: it hangs on the verb itself, alone
    ("On Monday, ...", "last year") or by "in", "on", "during" or "at"."""
    path, token = [], ent.root
    while token != verb and token.head != token:
        path.append(token)
        token = token.head
    if token != verb:
        return True  # the nearest verb before the date: nothing better to go on
    return len(path) == 1 or (len(path) == 2 and path[1].lower_ in WHEN_PREPOSITIONS)


def _governing_verb(ent: Span) -> Token | None:
    """The verb a date belongs to; where the parse is unsure (a 'dep' link on the way),
    the nearest verb before the date."""
    token, path = ent.root, []
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        path.append(token)
        token = token.head
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if (
        token.pos_ in ("VERB", "AUX")
        and token.dep_ != "dep"
        and not any(t.dep_ == "dep" for t in path)
        and (has_subject or token.dep_ in ("advcl", "relcl", "xcomp", "conj"))
    ):
        return token
    before = [
        t
        for t in ent.sent
        if t.i < ent.start
        and t.pos_ == "VERB"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    ]
    return before[-1] if before else None


def _event_year(text: str) -> float | None:
    match = re.search(r"\b((?:1[5-9]|20)\d\d)\b", text)
    if match:
        return float(match.group(1))
    match = re.search(r"\b((?:1[5-9]|20)\d)0s\b", text)
    if match:
        return float(match.group(1)) * 10 + 5
    return None


def _event_text(builder: Builder, verb: Token, date: Span | None) -> str:
    exclude: set[int] = set()
    if date is not None:
        branch = next((c for c in verb.children if date.root.i in subtree_ids(c)), None)
        if branch is not None and branch.dep_ in (
            "dobj",
            "nsubj",
            "nsubjpass",
            "attr",
            "acomp",
            "agent",
        ):
            return ""  # "recalled his 2009 flight": removing the date would remove the
            # event; "were caused [by an object ... in 1983]" would lose its cause
        exclude = subtree_ids(branch) if branch is not None else set()
    if verb.lemma_ == "be" and not any(c.dep_ in ("attr", "acomp") for c in verb.children):
        return ""
    for child in verb.children:
        if child.lower_ == "now" or (
            child.dep_ == "advmod" and child.lower_ in ("still", "also", "soon")
        ):
            exclude |= subtree_ids(child)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    replacements: dict[int, str] = {}
    prefix = ""
    if verb.dep_ == "relcl" and subject is not None and subject.lower_ in ("which", "who", "that"):
        noun = verb.head
        between = noun.doc[noun.i + 1 : subject.i]
        if any(not t.is_punct for t in between) or any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children
        ):
            return ""  # "in the footsteps of his mother Diana, Princess of Wales, who opened
            # a children's unit in 1993": the parse hung "who" on a noun further back, and
            # the event came out as "Mother opened ..." (both reviewers rejected it)
        words = [t for t in noun.lefts if t.dep_ in ("det", "compound", "amod")] + [noun]
        replacements[subject.i] = span_text(words)
    elif subject is None and verb.dep_ == "advcl":
        return ""
    elif subject is not None and subject.lower_ in PRONOUN_SUBJECTS:
        name = builder.antecedent(subject) or _main_subject_name(builder, verb)
        if not name:
            return ""
        replacements[subject.i] = name
    if subject is not None:
        for part in [subject, *[c for c in subject.children if c.dep_ == "conj"]]:
            thing = builder.thing_of(part)
            if part.i not in replacements and thing is not None and thing.kind == "person":
                mention = next(
                    m for m in thing.mentions if m.doc is part.doc and m.start <= part.i < m.end
                )
                if mention.end - mention.start == 1:
                    replacements[part.i] = display_name(thing)
    if subject is None:
        subject_of_head = next((c for c in verb.head.children if c.dep_ in ("nsubj",)), None)
        if subject_of_head is None:
            return ""
        prefix = builder.resolve(subject_of_head) if builder.thing_of(subject_of_head) else ""
        if not prefix:
            return ""
    if subject is not None and any(the_one_before(t) for t in subject.subtree):
        return ""  # "The latter was bought by ...": which one is in the sentence before
    text = statement(verb, replacements, exclude, compact=True)
    text = re.sub(r"\s+[,;:]$", "", text)
    if prefix:
        text = f"{prefix} {text[:1].lower()}{text[1:]}"
    words = text.split()
    if not 3 <= len(words) <= 16:
        return ""
    if words[0].lower() in EVENT_OPENERS or words[-1].lower() in EVENT_ENDERS:
        return ""  # "When something tilted the D ring off its axis by": a cut clause
    return text.rstrip(".")


# an event cut from its sentence starts with a joining word or ends on one
EVENT_OPENERS = frozenset({"when", "from", "after", "before", "because", "if", "while", "since"})
EVENT_ENDERS = frozenset(
    {"by", "of", "to", "in", "on", "at", "for", "with", "from", "and", "or", "but", "the", "a"}
    | {"an", "known", "as"}
)


def _main_subject_name(builder: Builder, verb: Token) -> str:
    head = verb.head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and builder.thing_of(subject):
        return builder.resolve(subject)
    return ""
