"""Glossary generation: which terms to gloss, where, and with which definition.

Each thing (see companion.generation.terms) gets at most one entry in the lesson, under the passage
where it first appears, with the sentence that supports its definition as evidence.
Entries are ranked in each passage by difficulty for the grade, importance in the article
and confidence in the definition, and the best N are kept (see docs/glossary.md).
"""

from __future__ import annotations

import math
import re

from companion.common.occurrence import term_in_text
from companion.common.wordnet import get_wordnet
from companion.generation.context import Context
from companion.generation.context_lines import context_line
from companion.generation.definitions import (
    RELATIONAL_START,
    Definition,
    article_explanation,
    shared_definition,
    shorten,
)
from companion.generation.senses import SenseChooser
from companion.generation.terms import (
    Thing,
    display_name,
    resolver_for,
    zipf_threshold,
)
from companion.lesson.model import GlossaryEntry

NAME_WEIGHT = {
    "person": 0.35,
    "group": 0.35,
    "place": 0.25,
    "event": 0.3,
    "work": 0.2,
    "name": 0.2,
    "acronym": 0.25,
}


def build_glossary(context: Context, things: list[Thing]) -> list[list[GlossaryEntry]]:
    """Glossary entries for each passage of the lesson, from the article's things."""
    analysis = context.analysis
    resolve = resolver_for(things)
    article_lemmas = {
        t.lemma_.lower() for doc in analysis.docs for t in doc if t.is_alpha and not t.is_stop
    }
    chooser = SenseChooser(get_wordnet(), article_lemmas)
    per_passage: list[list[tuple[float, bool, GlossaryEntry]]] = [[] for _ in context.drafts]
    for thing in things:
        if context.avoids(display_name(thing)):
            continue
        definition = define(thing, context, chooser, resolve)
        if definition is None:
            continue
        passage = context.passage_of(thing.first.paragraph)
        entry = GlossaryEntry(
            term=term_in_passage(thing, context, passage),
            definition=definition.text,
            source=definition.source,
            evidence=evidence_for(thing, definition, context, passage),
            status="generated",
        )
        entry_score = score(thing, definition, context.options.grade)
        per_passage[passage].append((entry_score, not thing.is_name, entry))
    add_shared_terms(per_passage, context)
    limit = context.options.glossary_per_passage
    result = []
    for scored in per_passage:
        best = pick(scored, limit)
        # Keep the kept entries in reading order, the order a student meets them.
        result.append(sorted(best, key=lambda e: _first_position(e, context)))
    return result


def pick(scored: list[tuple[float, bool, GlossaryEntry]], limit: int) -> list[GlossaryEntry]:
    """The best `limit` entries, keeping one place for a vocabulary word when the passage
    has one: names must not crowd out the words students most need to learn."""
    ranked = sorted(scored, key=lambda s: (-s[0], s[2].term.lower()))
    chosen = ranked[:limit]
    if limit >= 3 and not any(is_word for _, is_word, _ in chosen):
        word = next((s for s in ranked if s[1]), None)
        if word is not None:
            chosen = [*ranked[: limit - 1], word]
    return [entry for _, _, entry in chosen]


def define(thing: Thing, context: Context, chooser: SenseChooser, resolve) -> Definition | None:
    shared = shared_definition(thing, context.options.shared_glossary)
    if shared:
        return shared
    definition = _define(thing, context, chooser, resolve)
    if definition and definition.text.startswith("place in ") and len(thing.mentions) < 2:
        return None  # "Laurel, Maryland" named once in passing: not worth an entry
    return definition


def _define(thing: Thing, context: Context, chooser: SenseChooser, resolve) -> Definition | None:
    article = article_explanation(thing, resolve)
    if article and not article.text.lower().startswith(RELATIONAL_START):
        if thing.kind == "place":
            category = context_line(thing, resolve)
            if category and not article.text.lower().startswith(category.text.split()[0].lower()):
                return _combine(category, article, "article")
        return article
    if thing.is_name:
        category = chooser.define_name(thing) or context_line(thing, resolve)
    else:
        passage_lemmas = _passage_lemmas(context, context.passage_of(thing.first.paragraph))
        category = chooser.define_word(thing, passage_lemmas)
    if article and category:
        return _combine(category, article, article.source)
    return category or article


def _combine(first: Definition, second: Definition, source: str) -> Definition:
    """'category; explanation', e.g. 'multiethnic alliance in Afghanistan; now the main
    body of the NRF', shortened to fit."""
    room = 25 - len(second.text.split()) - 1
    head = shorten(first.text, room) if room >= 3 else ""
    if not head:
        return second
    return Definition(
        f"{head}; {second.text}", source, second.evidence, max(first.confidence, second.confidence)
    )


def _passage_lemmas(context: Context, passage: int) -> set[str]:
    docs = [context.analysis.docs[i] for i in context.drafts[passage].paragraphs]
    return {t.lemma_.lower() for doc in docs for t in doc if t.is_alpha and not t.is_stop}


def term_in_passage(thing: Thing, context: Context, passage: int) -> str:
    """The term as the passage writes it: the fullest form, with an acronym in brackets
    ("National Resistance Front (NRF)") when the passage spells it out that way."""
    paragraphs = set(context.drafts[passage].paragraphs)
    mentions = [m for m in thing.mentions if m.paragraph in paragraphs]
    forms = [m.text for m in sorted(mentions, key=lambda m: (m.paragraph, m.start))]
    if thing.kind == "person" and thing.is_name:
        full = display_name(thing)
        if full in forms:
            return full
    longest = max(len(f.split()) for f in forms)
    term = next(f for f in forms if len(f.split()) == longest)
    if thing.acronym and thing.expansion:
        text = " ".join(context.analysis.paragraphs[i] for i in sorted(paragraphs))
        for form in forms:
            pattern = re.escape(form) + r"\s*\(" + re.escape(thing.acronym) + r"\)"
            if re.search(pattern, text):
                return f"{form} ({thing.acronym})"
    if thing.kind == "word" and not thing.is_name:
        return term.lower() if term[:1].isupper() and term[1:].islower() else term
    return term


def evidence_for(thing: Thing, definition: Definition, context: Context, passage: int) -> str:
    """The sentence supporting the definition when it is in the entry's passage, else the
    sentence where the term first appears."""
    paragraphs = context.drafts[passage].paragraphs
    mention = definition.evidence
    if mention is None or mention.paragraph not in paragraphs:
        mention = thing.first
    return " ".join(mention.sentence.text.split()).replace("-->", "–>")


def score(thing: Thing, definition: Definition, grade: int) -> float:
    """Difficulty for the grade + importance in the article + confidence in the definition."""
    if thing.is_name:
        difficulty = 0.5 + NAME_WEIGHT.get(thing.kind, 0.2) + max(0.0, 4.5 - thing.rarity) / 12
    else:
        difficulty = min(1.0, max(0.0, zipf_threshold(grade) - thing.rarity) / 1.5) * 0.9
    importance = math.log2(1 + len(thing.mentions)) / 3
    return difficulty + importance + definition.confidence


def add_shared_terms(
    per_passage: list[list[tuple[float, bool, GlossaryEntry]]], context: Context
) -> None:
    """Terms of the teacher's shared glossary that the article uses but generation did not
    pick: added at their first passage, ranked first."""
    present = {e.term.lower() for scored in per_passage for _, _, e in scored}
    for entry in context.options.shared_glossary:
        if entry.term.lower() in present:
            continue
        for index, draft in enumerate(context.drafts):
            text = " ".join(context.analysis.paragraphs[i] for i in draft.paragraphs)
            if term_in_text(entry.term, text):
                sentence = next(
                    (
                        s.text
                        for i in draft.paragraphs
                        for s in context.analysis.sentences_in(i)
                        if term_in_text(entry.term, s.text)
                    ),
                    "",
                )
                per_passage[index].append(
                    (
                        10.0,
                        False,
                        GlossaryEntry(
                            term=entry.term,
                            definition=entry.definition,
                            source="shared glossary",
                            evidence=sentence,
                            status="generated",
                        ),
                    )
                )
                present.add(entry.term.lower())
                break


def _first_position(entry: GlossaryEntry, context: Context) -> int:
    text = " ".join(context.analysis.paragraphs).lower()
    position = text.find(entry.term.lower().split(" (")[0])
    return position if position >= 0 else len(text)
