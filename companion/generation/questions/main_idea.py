"""Main idea: "Which sentence best states the main idea of the article?" with the news
lead (the first sentence, where it restates the headline) against three details."""

from __future__ import annotations

import re

from spacy.tokens import Span

from companion.generation.analysis import zipf
from companion.generation.questions.base import (
    Builder,
    Candidate,
    candidate,
    has_speech,
    starts_with_unresolved_pronoun,
)

PROMPT = "Which sentence best states the main idea of the article?"
MIN_LEAD_WORDS, MAX_LEAD_WORDS = 12, 40
DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,| \()")  # "NEW DELHI, Oct 13"
MIN_DETAIL_WORDS, MAX_DETAIL_WORDS = 10, 40
LENGTH_SHARE = 0.5  # a detail half the lead's length or more: the key must not stand out
COMMON_ZIPF = 5.5  # "said", "year", "people": words that tie no sentence to a headline


def main_idea_question(builder: Builder, asked: set[tuple[int, int]]) -> Candidate | None:
    """`asked`: the sentences (paragraph, start) other questions were made from, the
    first choice for the details."""
    sentences = [s.span for s in builder.analysis.sentences]
    if not sentences:
        return None
    headline = _content(builder.context.title)
    lead = next((s for s in sentences if _words(s) >= MIN_LEAD_WORDS), None)
    if lead is None or not _plain(builder, lead, MIN_LEAD_WORDS, MAX_LEAD_WORDS):
        return None  # the first full sentence, or nothing: a later one is not the lead
    if lead is None or len(_content(lead.text) & headline) < 2:
        return None  # no lead that restates the headline: the main idea is not clear
    lead_words = _content(lead.text)
    details = [
        s
        for s in sentences[1:]
        if builder.paragraph_of(s) >= 2
        and _plain(builder, s, MIN_DETAIL_WORDS, MAX_DETAIL_WORDS)
        and len(_content(s.text) & headline) <= 1
        and len(_content(s.text) & lead_words) <= 1
        and _words(s) >= LENGTH_SHARE * _words(lead)
    ]
    # one per paragraph, spread over the article; sentences other rules made questions
    # of come first (they were read for slips of the source)
    picked: list[Span] = []
    for pool in ([s for s in details if _key(builder, s) in asked], details):
        spread = _one_per_paragraph(builder, [s for s in pool if s not in picked], picked)
        picked += spread[:: max(1, len(spread) // 3)][: 3 - len(picked)]
    if len(picked) < 3:
        return None
    picked.sort(key=lambda s: (builder.paragraph_of(s), s.start))
    options = [_option(lead), *(_option(s) for s in picked)]
    question = builder.make("multiple_choice", PROMPT, lead, options[0], options, "rule:main-idea")
    last = len(builder.context.drafts) - 1
    found = candidate(builder, question, lead, "open", 1.5, "main-idea")
    found.passage = last
    return found


def _key(builder: Builder, sentence: Span) -> tuple[int, int]:
    return builder.paragraph_of(sentence), sentence.start


def _one_per_paragraph(builder: Builder, pool: list[Span], taken: list[Span]) -> list[Span]:
    found: list[Span] = []
    for s in pool:
        if all(builder.paragraph_of(s) != builder.paragraph_of(c) for c in [*taken, *found]):
            found.append(s)
    return found


def _words(sentence: Span) -> int:
    return sum(1 for t in sentence if not t.is_punct)


def _plain(builder: Builder, sentence: Span, least: int, most: int) -> bool:
    """A sentence that stands as an option on its own: no quotation, nothing that points
    back ("But ...", "this move", an unresolved "he"), no dateline ("NEW DELHI, Oct 13")."""
    first = sentence[0]
    return (
        least <= _words(sentence) <= most
        and builder.usable(sentence)
        and first.pos_ != "CCONJ"
        and first.tag_ != "PRP$"  # "His touched down at 4.30pm": whose?
        and not DATELINE.match(sentence.text)
        and not has_speech(sentence)
        and not builder.leans(sentence)
        and not starts_with_unresolved_pronoun(builder, sentence)
    )


def _content(text: str) -> set[str]:
    """The words that carry a sentence's subject: not function words or everyday ones."""
    return {
        w[:6]
        for w in re.findall(r"[a-z0-9]+", text.lower())
        if len(w) > 2 and zipf(w) < COMMON_ZIPF
    }


def _option(sentence: Span) -> str:
    return sentence.text.strip()
