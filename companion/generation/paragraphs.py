"""Readable paragraphs from walls of text (docs/passages.md, "Paragraphs").

News text often arrives as one block of 600 words. A paragraph longer than
MAX_PARAGRAPH_WORDS is cut at sentence ends into paragraphs of 1-4 sentences, about
TARGET_WORDS words each, by dynamic programming: every cut costs by how far the pieces
are from the target, and a cut is cheaper where the text turns, at a quotation boundary
(a quoted sentence after a reported one, or the other way) or a topic boundary (the
sentences on either side share few content words). The spaCy parse is kept: the pieces
are slices of the paragraph's Doc, never parsed again.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc, Span

from companion.generation.analysis import Analysis

MAX_PARAGRAPH_WORDS = 120
TARGET_WORDS = 65
MAX_SENTENCES = 4
QUOTE_MARKS = "\"“”‘’'"
QUOTE_TURN = 1.2  # how much cheaper a cut is at a quotation boundary
TOPIC_TURN = 2.0  # ... and at a topic boundary, times (1 - shared words)


def restore_paragraphs(
    analysis: Analysis, headings: dict[int, str]
) -> tuple[Analysis, dict[int, str]]:
    """Split every over-long paragraph; headings move with their paragraphs."""
    if all(word_count(doc) <= MAX_PARAGRAPH_WORDS for doc in analysis.docs):
        return analysis, headings
    docs: list[Doc] = []
    moved: dict[int, str] = {}
    for index, doc in enumerate(analysis.docs):
        if index in headings:
            moved[len(docs)] = headings[index]
        docs += split_paragraph(doc) if word_count(doc) > MAX_PARAGRAPH_WORDS else [doc]
    return Analysis([d.text.strip() for d in docs], docs, title=analysis.title), moved


def word_count(doc: Doc | Span) -> int:
    return sum(1 for t in doc if not t.is_punct and not t.is_space)


def split_paragraph(doc: Doc) -> list[Doc]:
    """A long paragraph as several, cut at the cheapest sentence ends."""
    sentences = [s for s in doc.sents if s.text.strip()]
    if len(sentences) < 2:
        return [doc]
    sizes = [word_count(s) for s in sentences]
    turns = [0.0] + [turn(sentences, i) for i in range(1, len(sentences))]
    starts = _best_cuts(sizes, turns)
    bounds = [sentences[i].start for i in starts] + [len(doc)]
    return [doc[a:b].as_doc() for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _piece_cost(words: int, count: int) -> float:
    cost = ((words - TARGET_WORDS) / 35) ** 2
    if count > MAX_SENTENCES:
        cost += 10 * (count - MAX_SENTENCES)
    if words > MAX_PARAGRAPH_WORDS and count > 1:
        cost += 50 + (words - MAX_PARAGRAPH_WORDS)
    return cost


def _best_cuts(sizes: list[int], turns: list[float]) -> list[int]:
    """Indices of the sentences that start a paragraph (dynamic programming)."""
    n = len(sizes)
    best = [0.0] + [math.inf] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - 2 * MAX_SENTENCES), end):
            cost = best[start] + _piece_cost(sum(sizes[start:end]), end - start)
            cost -= turns[start] if start else 0.0
            if cost < best[end]:
                best[end], back[end] = cost, start
    starts, end = [], n
    while end > 0:
        starts.append(back[end])
        end = back[end]
    return sorted(starts)


def turn(sentences: list[Span], index: int) -> float:
    """How much the text turns between sentence index-1 and sentence index."""
    before, after = sentences[index - 1], sentences[index]
    score = QUOTE_TURN if _quoted(before) != _quoted(after) else 0.0
    left = _content(sentences[max(0, index - 2) : index])
    right = _content(sentences[index : index + 2])
    if left and right:
        shared = len(left & right) / min(len(left), len(right))
        score += TOPIC_TURN * (1 - min(1.0, shared))
    return score


def _quoted(sentence: Span) -> bool:
    return any(t.text[:1] in QUOTE_MARKS for t in sentence if t.is_punct)


def _content(sentences: list[Span]) -> set[str]:
    return {
        (t.ent_type_ and t.text.lower()) or t.lemma_.lower()
        for s in sentences
        for t in s
        if t.pos_ in ("NOUN", "PROPN") and not t.is_stop
    }
