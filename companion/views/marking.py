"""Enrich a passage's sanitised HTML for the lesson page: glossary marks and sentence spans.

This runs on the HTML that ``render.render_markdown`` already sanitised, and only ever
splits *text nodes*: it never moves, drops or re-nests a tag, so bold, italic, links and
code stay exactly as they were.

Glossary marks (the rule documented in docs/lesson-format.md and docs/lesson-page.md):

- a glossary entry is marked once, at the **first occurrence of its term in the passage
  the entry belongs to** (the guide glosses a term once per lesson, at its first passage);
- an occurrence is the term itself, or its plural (``-s``, ``-es``, ``-y`` -> ``-ies``,
  ``-man`` -> ``-men``),
  as a whole word, ignoring case (acronyms in capitals match case-sensitively), and an
  occurrence that stands alone is preferred to one inside a hyphenated word;
- occurrences inside links or code, or split by inline markup (``**Front** line``), are
  skipped and the next occurrence is taken; longer terms are placed first, so
  "National Resistance Front" wins over "Front";
- a term without such an occurrence is not marked; it is still in the glossary lists.

Sentence spans: each sentence of a paragraph is wrapped in ``<span class="s"
data-s="P.N">`` pieces (paragraph P, sentence N), so that the page can highlight the
evidence of a question and the sentence being read aloud. A question's evidence sentence
always gets sentences of its own, even where the simple splitter would cut differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from companion.common.abbreviations import sentence_cuts
from companion.common.occurrence import term_forms, term_pattern
from companion.lesson.model import GlossaryEntry, Passage, Question

VOID_TAGS = {"br", "img", "hr", "wbr"}
SKIP_INSIDE = {"a", "code"}  # never put a mark inside these (a button in a link is invalid)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass
class Token:
    """One piece of an HTML fragment: a start/end/void tag (kept verbatim) or text."""

    kind: str  # "start", "end", "void" or "text"
    tag: str = ""
    raw: str = ""  # a tag's exact source
    text: str = ""  # a text node's decoded characters


class _Tokenizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        kind = "void" if tag in VOID_TAGS else "start"
        self.tokens.append(Token(kind, tag, self.get_starttag_text() or f"<{tag}>"))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.tokens.append(Token("void", tag, self.get_starttag_text() or f"<{tag}>"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_TAGS:
            self.tokens.append(Token("end", tag, f"</{tag}>"))

    def handle_data(self, data: str) -> None:
        if self.tokens and self.tokens[-1].kind == "text":
            self.tokens[-1].text += data
        else:
            self.tokens.append(Token("text", text=data))


def tokenize(html: str) -> list[Token]:
    parser = _Tokenizer()
    parser.feed(html)
    parser.close()
    return parser.tokens


def escape_text(text: str) -> str:
    """Escape a text node; ``"`` too, so that text can never look like the attributes
    this module writes (``class="s" data-s="..."``)."""
    return escape(text, quote=False).replace('"', "&quot;")


def serialize(tokens: list[Token]) -> str:
    return "".join(escape_text(t.text) if t.kind == "text" else t.raw for t in tokens)


def plain_text(tokens: list[Token]) -> str:
    return "".join(t.text for t in tokens if t.kind == "text")


# --------------------------------------------------------------------------- glossary marks


def _markable_texts(paragraphs: list[list[Token]]):
    """Yield (paragraph index, token index) of text tokens where a mark may go."""
    for p_index, tokens in enumerate(paragraphs):
        stack: list[str] = []
        for t_index, token in enumerate(tokens):
            if token.kind == "start":
                stack.append(token.tag)
            elif token.kind == "end" and token.tag in stack:
                del stack[len(stack) - 1 - stack[::-1].index(token.tag) :]
            elif token.kind == "text" and not SKIP_INSIDE.intersection(stack):
                yield p_index, t_index


def _find_first(paragraphs: list[list[Token]], term: str) -> tuple[int, int, re.Match] | None:
    for strict in (True, False):
        for form in term_forms(term):
            pattern = term_pattern(form, strict)
            for p_index, t_index in _markable_texts(paragraphs):
                match = pattern.search(paragraphs[p_index][t_index].text)
                if match:
                    return p_index, t_index, match
    return None


def _insert_mark(tokens: list[Token], t_index: int, match: re.Match, open_tag: str) -> None:
    text = tokens[t_index].text
    pieces = [
        Token("text", text=text[: match.start()]),
        Token("start", "a", open_tag),
        Token("text", text=match.group(0)),
        Token("end", "a", "</a>"),
        Token("text", text=text[match.end() :]),
    ]
    tokens[t_index : t_index + 1] = [p for p in pieces if p.kind != "text" or p.text]


def glossary_ids(passage: Passage, index: int) -> tuple[str, str]:
    """(id of the entry in the passage's glossary list, id of its mark in the text)."""
    return f"g-{passage.id}-{index + 1}", f"t-{passage.id}-{index + 1}"


def mark_terms(
    paragraphs: list[list[Token]],
    passage: Passage,
    entries: list[GlossaryEntry],
    indexes: set[int] | None = None,
) -> set[int]:
    """Mark each entry's first occurrence (see the module docstring), or only the entries
    of `indexes`; return the indexes of the entries that were marked."""
    marked: set[int] = set()
    wanted = range(len(entries)) if indexes is None else indexes
    order = sorted(wanted, key=lambda i: -len(entries[i].term))
    for index in order:
        term = entries[index].term.strip()
        if not term:
            continue
        found = _find_first(paragraphs, term)
        if found is None:
            continue
        p_index, t_index, match = found
        entry_id, mark_id = glossary_ids(passage, index)
        open_tag = (
            f'<a class="term" href="#{entry_id}" id="{mark_id}" data-entry="{entry_id}">'
        )
        _insert_mark(paragraphs[p_index], t_index, match, open_tag)
        marked.add(index)
    return marked


def mark_title(title: str, passage: Passage, unmarked: set[int]) -> tuple[str, set[int]]:
    """The title as HTML, with a mark for each entry of the first `passage` that its text
    does not hold but the title does (a headline's own word: "Thai PM *hails* rescue");
    and the indexes of the entries marked there."""
    tokens = [[Token("text", text=title)]]
    marked = mark_terms(tokens, passage, passage.glossary, unmarked)
    return serialize(tokens[0]), marked


# --------------------------------------------------------------------------- sentences


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text folded for matching (quotes, dashes, spaces, case) and, for each of its
    characters, the index of the original character."""
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if space:
                continue
            ch, space = " ", True
        else:
            space = False
            low = ch.lower()
            ch = low if len(low) == 1 else ch
        out.append(ch)
        where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def find_text(haystack: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` is in ``haystack``, ignoring case, spacing and quote styles."""
    hay, where = _normalised(haystack)
    ndl, _ = _normalised(needle.strip())
    if not ndl:
        return None
    start = hay.find(ndl)
    if start < 0:
        return None
    return where[start], where[start + len(ndl) - 1] + 1


def sentence_ranges(text: str, forced: set[int] = frozenset()) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets, trimmed of spaces; ``forced`` adds cuts."""
    cuts = sorted(sentence_cuts(text) | {c for c in forced if 0 <= c <= len(text)})
    ranges = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            ranges.append((start, end))
    return ranges


def wrap_sentences(tokens: list[Token], number: int, ranges: list[tuple[int, int]]) -> None:
    """Wrap each sentence's text, piece by text node, in ``<span class="s">``."""
    offset = 0
    first_piece = set(range(len(ranges)))
    out: list[Token] = []
    for token in tokens:
        if token.kind != "text":
            out.append(token)
            continue
        text, end = token.text, offset + len(token.text)
        pos = offset
        for k, (start, stop) in enumerate(ranges):
            lo, hi = max(start, pos), min(stop, end)
            if lo >= hi:
                continue
            if lo > pos:
                out.append(Token("text", text=text[pos - offset : lo - offset]))
            ident = f' id="s{number}-{k + 1}"' if k in first_piece else ""
            first_piece.discard(k)
            out.append(Token("start", "span", f'<span class="s" data-s="{number}.{k + 1}"{ident}>'))
            out.append(Token("text", text=text[lo - offset : hi - offset]))
            out.append(Token("end", "span", "</span>"))
            pos = hi
        if pos < end:
            out.append(Token("text", text=text[pos - offset :]))
        offset = end
    tokens[:] = out


def sentence_ids(number: int, ranges: list[tuple[int, int]], span: tuple[int, int]) -> list[str]:
    """The ids ("P.N") of the sentences that overlap ``span``."""
    return [
        f"{number}.{k + 1}" for k, (s, e) in enumerate(ranges) if s < span[1] and e > span[0]
    ]


# --------------------------------------------------------------------------- a passage


@dataclass
class MarkedPassage:
    """A passage's paragraphs as page HTML, plus what the page needs to link to them."""

    paragraphs: list[str]
    marked: set[int] = field(default_factory=set)  # glossary entries marked in the text
    evidence: list[list[str]] = field(default_factory=list)  # per question: sentence ids
    sentences: dict[str, str] = field(default_factory=dict)  # "P.N" -> sentence text


def _evidence_spans(
    texts: list[str], first: int, questions: list[Question]
) -> list[tuple[int, tuple[int, int]] | None]:
    """For each question, (paragraph index in the passage, span) of its evidence."""
    found: list[tuple[int, tuple[int, int]] | None] = []
    for question in questions:
        order = list(range(len(texts)))
        if question.paragraph is not None and 0 <= question.paragraph - first < len(texts):
            order.insert(0, order.pop(question.paragraph - first))
        hit = None
        if question.evidence.strip():
            for p_index in order:
                span = find_text(texts[p_index], question.evidence)
                if span:
                    hit = (p_index, span)
                    break
        found.append(hit)
    return found


def mark_passage(passage: Passage, paragraph_html: list[str]) -> MarkedPassage:
    """Glossary marks and sentence spans for one passage, given its rendered paragraphs."""
    tokens = [tokenize(html) for html in paragraph_html]
    texts = [plain_text(t) for t in tokens]
    spans = _evidence_spans(texts, passage.first_paragraph, passage.questions)
    marked = mark_terms(tokens, passage, passage.glossary)
    result = MarkedPassage(paragraphs=[], marked=marked)
    all_ranges = []
    for p_index, para_tokens in enumerate(tokens):
        number = passage.first_paragraph + p_index
        forced = {c for hit in spans if hit and hit[0] == p_index for c in hit[1]}
        ranges = sentence_ranges(texts[p_index], forced)
        all_ranges.append(ranges)
        for k, (s, e) in enumerate(ranges):
            result.sentences[f"{number}.{k + 1}"] = texts[p_index][s:e]
        wrap_sentences(para_tokens, number, ranges)
        result.paragraphs.append(serialize(para_tokens))
    for hit in spans:
        if hit is None:
            result.evidence.append([])
            continue
        p_index, span = hit
        number = passage.first_paragraph + p_index
        result.evidence.append(sentence_ids(number, all_ranges[p_index], span))
    return result


_BLANK = re.compile(r"_{3,}")


def prompt_html(prompt: str) -> str:
    """A question prompt as HTML: escaped text, with a cloze blank shown as a line that a
    screen reader reads as "blank"."""
    parts = _BLANK.split(prompt)
    blank = '<span class="blank"><span class="visually-hidden">blank</span></span>'
    return blank.join(escape(p, quote=False) for p in parts)
