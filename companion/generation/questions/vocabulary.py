"""Vocabulary in context: "As used in paragraph 12, what does “remnants” mean?"."""

from __future__ import annotations

import re

from companion.common.wordnet import get_wordnet
from companion.generation.questions.base import MC_DISTRACTORS, Builder, Candidate, candidate
from companion.generation.senses import wordnet_text
from companion.generation.terms import Thing, normal_key


def vocabulary_questions(builder: Builder, passage: int) -> list[Candidate]:
    out = []
    pool = _definition_pool(builder)
    for entry in builder.glossary[passage]:
        thing = _thing_for_term(builder, entry.term)
        if (
            thing is None
            or thing.is_name
            or entry.source not in ("wordnet", "article", "shared glossary")
        ):
            continue
        mention = next(
            (
                m
                for m in sorted(thing.mentions, key=lambda m: (m.paragraph, m.start))
                if builder.passage_of(m.paragraph) == passage
            ),
            None,
        )
        if mention is None:
            continue
        options = [
            d
            for pos, d, lemma in pool
            if pos == thing.pos and lemma != thing.lemma and d != entry.definition
        ]
        distractors = _spread(options, entry.definition, MC_DISTRACTORS)
        if len(distractors) < MC_DISTRACTORS:
            continue
        number = builder.paragraph_number(mention.paragraph)
        prompt = f"As used in paragraph {number}, what does “{mention.text}” mean?"
        question = builder.make(
            "multiple_choice",
            prompt,
            mention.sentence,
            entry.definition,
            [entry.definition, *distractors],
            "rule:vocabulary",
        )
        out.append(
            candidate(
                builder,
                question,
                mention.sentence,
                "vocabulary",
                1.3 + 0.2 * len(distractors),
                entry.term,
            )
        )
    return out


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3 and w not in _COMMON}


_COMMON = {"that", "with", "from", "something", "someone", "make", "made", "being", "into"}


def _spread(options: list[str], answer: str, count: int) -> list[str]:
    """Distractor definitions of similar length to the answer, stably chosen; none that
    shares a content word with the answer ("to hinder ..." beside "to be a hindrance
    ..."), which could be a second right answer."""
    stems = _stems(answer)
    unique = [
        o for o in dict.fromkeys(options) if o.lower() != answer.lower() and not (_stems(o) & stems)
    ]
    unique.sort(key=lambda o: (abs(len(o.split()) - len(answer.split())), o))
    return unique[:count]


def _thing_for_term(builder: Builder, term: str) -> Thing | None:
    key = normal_key(term.split(" (")[0])
    for thing in builder.things:
        if key in {normal_key(f) for f in thing.forms}:
            return thing
    return None


def _definition_pool(builder: Builder) -> list[tuple[str, str, str]]:
    """(part of speech, definition, lemma) of the article's words: glossed words first,
    then WordNet's first sense of the other rare words."""
    if hasattr(builder, "_pool"):
        return builder._pool  # type: ignore[attr-defined]
    pool: list[tuple[str, str, str]] = []
    for entries in builder.glossary:
        for entry in entries:
            thing = _thing_for_term(builder, entry.term)
            if thing is not None and not thing.is_name:
                pool.append((thing.pos, entry.definition, thing.lemma))
    wordnet = get_wordnet()

    for thing in builder.things:
        if thing.is_name or any(lemma == thing.lemma for _, _, lemma in pool):
            continue
        senses = wordnet.synsets(thing.lemma, thing.pos)
        if senses:
            text = wordnet_text(senses[0], thing)
            if text:
                pool.append((thing.pos, text, thing.lemma))
    builder._pool = pool  # type: ignore[attr-defined]
    return pool
