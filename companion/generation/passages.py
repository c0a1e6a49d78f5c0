"""Split an article into passages and give each a short heading.

The rule (docs/passages.md): long paragraphs are first cut into readable ones
(companion.generation.paragraphs); then consecutive paragraphs are grouped so that each
passage has 1-5 paragraphs and as close to TARGET_PASSAGE_WORDS words as possible
(80-250), never across a subheading the source gave. A passage keeps the source's
subheading; otherwise its heading names what the passage is most about: the phrase that
is frequent in it and rare in the other passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from companion.generation.analysis import Analysis, zipf
from companion.generation.lexicon import HEADING_ENTITIES, NUMBER_LABELS, TIME_LABELS
from companion.generation.paragraphs import word_count

MIN_PASSAGE_WORDS, TARGET_PASSAGE_WORDS, MAX_PASSAGE_WORDS, MAX_PARAGRAPHS = 80, 160, 250, 5
MAX_JOINED_WORDS = 350  # a passage short of questions joins a neighbour up to this length


@dataclass
class Draft:
    """A passage before it becomes part of a Lesson: paragraph indices and a heading."""

    paragraphs: list[int]
    heading: str


def group_paragraphs(sizes: list[int], breaks: set[int]) -> list[list[int]]:
    """Group paragraph indices into passages (dynamic programming over the word counts)."""
    groups: list[list[int]] = []
    starts = sorted({0, *(b for b in breaks if 0 < b < len(sizes))})
    for a, b in zip(starts, [*starts[1:], len(sizes)], strict=True):
        groups += [[a + i for i in g] for g in _best_grouping(sizes[a:b])]
    return groups


@dataclass(frozen=True)
class Load:
    """What a passage holds once its items are made: words, items, and whether it opens
    with a subheading the source gave."""

    words: int
    questions: int
    entries: int
    subheading: bool = False


def passages_to_join(
    loads: list[Load], enough: int, max_questions: int, max_entries: int
) -> list[list[int]]:
    """Which consecutive passages to join, as groups of passage indices in order.

    A passage with fewer than `enough` questions (a run of quotations, a list, a reader's
    comment) joins the neighbour that makes the shorter passage, when the two stay within
    MAX_JOINED_WORDS (350: a student reads it in two minutes), their items within the
    limits, and no subheading of the source separates them: the student then answers two
    questions or more after every passage read. The items are the same; only where they
    sit changes."""
    groups = [[i] for i in range(len(loads))]
    merged = list(loads)
    while True:
        best: tuple[int, bool, int] | None = None
        for i, load in enumerate(merged):
            if load.questions >= enough:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(merged) and _joinable(
                    merged[min(i, j)], merged[max(i, j)], max_questions, max_entries
                ):
                    option = (load.words + merged[j].words, j > i, min(i, j))
                    best = option if best is None or option < best else best
        if best is None:
            return groups
        a = best[2]
        groups[a : a + 2] = [groups[a] + groups[a + 1]]
        first, second = merged[a], merged[a + 1]
        merged[a : a + 2] = [
            Load(
                first.words + second.words,
                first.questions + second.questions,
                first.entries + second.entries,
                first.subheading,
            )
        ]


def _joinable(first: Load, second: Load, max_questions: int, max_entries: int) -> bool:
    return (
        not second.subheading
        and first.words + second.words <= MAX_JOINED_WORDS
        and first.questions + second.questions <= max_questions
        and first.entries + second.entries <= max_entries
    )


def _cost(words: int, count: int) -> float:
    cost = ((words - TARGET_PASSAGE_WORDS) / 40) ** 2
    if words < MIN_PASSAGE_WORDS:
        cost += 6 + (MIN_PASSAGE_WORDS - words) / 10
    if words > MAX_PASSAGE_WORDS and count > 1:
        cost += 25 + (words - MAX_PASSAGE_WORDS) / 5
    return cost


def _best_grouping(sizes: list[int]) -> list[list[int]]:
    n = len(sizes)
    best = [0.0] + [math.inf] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_PARAGRAPHS), end):
            cost = best[start] + _cost(sum(sizes[start:end]), end - start)
            if cost < best[end]:
                best[end], back[end] = cost, start
    groups, end = [], n
    while end > 0:
        groups.append(list(range(back[end], end)))
        end = back[end]
    return groups[::-1]


def make_drafts(analysis: Analysis, headings: dict[int, str], things=None) -> list[Draft]:
    sizes = [word_count(doc) for doc in analysis.docs]
    groups = group_paragraphs(sizes, set(headings))
    return name_drafts(analysis, groups, headings, things)


def name_drafts(
    analysis: Analysis, groups: list[list[int]], headings: dict[int, str], things=None
) -> list[Draft]:
    """Headings for groups of paragraphs: the source's own, else the passage's topic.
    With the article's named things (companion.generation.terms), a name counts under its full form
    ("Ahmed Shah Masood", never "Masood") and news outlets never make a heading."""
    named = _named_tokens(things) if things is not None else None
    phrases = [_phrases(analysis, group, named) for group in groups]
    document_frequency: Counter[str] = Counter()
    for counts in phrases:
        document_frequency.update(set(counts))
    drafts, used = [], set()
    for group, counts in zip(groups, phrases, strict=True):
        heading = headings.get(group[0]) or _heading(counts, document_frequency, len(groups), used)
        used.add(heading.lower())
        drafts.append(Draft(group, heading))
    return drafts


def _named_tokens(things) -> dict[tuple[int, int], str]:
    """(paragraph, token) -> the full name of the named thing that token is part of."""
    named: dict[tuple[int, int], str] = {}
    for thing in things:
        if thing.is_name:
            name = max((m.text for m in thing.mentions), key=lambda t: (len(t.split()), t))
            if "(" in name or "," in name or len(name.split()) > 5 or re.search(r"\d", name):
                continue
            for m in thing.mentions:
                for i in range(m.start, m.end):
                    named[(m.paragraph, i)] = name
    return named


def _phrases(
    analysis: Analysis, group: list[int], named: dict[tuple[int, int], str] | None
) -> Counter[str]:
    """Candidate heading phrases of a passage with weighted counts; without the article's
    named things (`named` None), spaCy's entities stand in for them."""
    counts: Counter[str] = Counter()
    for index in group:
        doc = analysis.docs[index]
        if named is not None:
            seen: set[int] = set()
            for token in doc:
                name = named.get((index, token.i))
                if name and token.i not in seen:
                    counts[name] += 1.0
                    seen.update(range(token.i, token.i + len(name.split())))
        for ent in doc.ents if named is None else []:
            if ent.label_ in HEADING_ENTITIES:
                counts[_clean_phrase(ent)] += 1.0
        for chunk in analysis.noun_chunks(index):
            if named is not None and any((index, t.i) in named for t in chunk):
                continue
            if chunk.root.pos_ in ("NOUN", "PROPN") and len(chunk) <= 5 and _topical(chunk.root):
                phrase = _clean_phrase(chunk)
                # Count a phrase's head word too, so "the valley" and "the Panjshir Valley"
                # both make the topic "valley" more salient.
                counts[phrase] += 1.0
                if " " in phrase:
                    counts[chunk.root.text] += 0.5
    counts.pop("", None)
    return counts


_LEADING = {"DET", "PRON", "NUM", "ADP", "CCONJ", "PART", "PUNCT"}


def _topical(noun) -> bool:
    """A noun that can name a topic: not a time ("weeks", "a.m."), not an everyday word
    ("country", "people")."""

    return (
        noun.ent_type_ not in TIME_LABELS | NUMBER_LABELS
        and noun.is_alpha
        and len(noun.text) >= 4
        and zipf(noun.lemma_.lower()) < 5.0
    )


def _clean_phrase(span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].pos_ in _LEADING or tokens[0].is_stop):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    text = " ".join("".join(t.text_with_ws for t in tokens).split())
    if not tokens or len(text) < 3 or not re.search(r"[A-Za-z]", text):
        return ""
    if text.count("(") != text.count(")") or re.search(r"\d|,", text):
        return ""  # a figure, or a list cut from its sentence ("extroverted, hail fellow")
    return text


def _heading(counts: Counter[str], df: Counter[str], passages: int, used: set[str]) -> str:
    def score(phrase: str) -> float:
        idf = math.log(1 + passages / df[phrase])
        length_bonus = 1 + 0.15 * min(len(phrase.split()), 3)
        return counts[phrase] * idf * length_bonus

    ranked = sorted(
        (p for p in counts if p.lower() not in used),
        key=lambda p: (-score(p), p),
    )
    if not ranked:
        return "Reading"
    first = ranked[0]
    heading = first
    for other in ranked[1:4]:
        if other.lower() not in first.lower() and first.lower() not in other.lower():
            if score(other) >= 0.6 * score(first) and len(first.split()) + len(other.split()) <= 6:
                heading = f"{first} and {other}"
            break
    return heading[0].upper() + heading[1:]
