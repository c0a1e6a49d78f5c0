"""What the generators read: the options a teacher chose and the analysed article.

Both are inputs and are never written to by a generator; each stage returns what the
next one needs (the glossary's things go to the questions as an argument).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from companion.common.occurrence import term_in_text
from companion.generation.analysis import COMMON_ZIPF, Analysis, zipf
from companion.generation.passages import Draft
from companion.lesson.model import GlossaryEntry


@dataclass(frozen=True)
class Options:
    grade: int = 8
    glossary_per_passage: int = 5
    questions_per_passage: int = 4
    # four choices for "Who ...?" and "When ...?" questions: off unless the teacher asks
    # (reviewed blind on unseen news, 15.5 of 37 such items were accepted, against 52.5
    # of 65 for the same questions asked without choices: the options were the fault)
    choices: bool = False
    shared_glossary: tuple[GlossaryEntry, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Context:
    """The analysis and which paragraphs make each passage."""

    analysis: Analysis
    drafts: list[Draft]
    options: Options
    title: str = ""
    # garbled names and unsuitable words (companion.lesson.warnings.words_to_avoid):
    # never glossed, blanked or asked about, and no question is built on their sentences
    avoid: frozenset[str] = frozenset()

    @cached_property
    def text(self) -> str:
        """The article's paragraphs, joined once per lesson."""
        return "\n".join(self.analysis.paragraphs)

    @cached_property
    def article_words(self) -> frozenset[str]:
        """Every word of the article, lowercased (read once per lesson)."""
        return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", self.text))

    @cached_property
    def common_long_words(self) -> tuple[str, ...]:
        """The article's common words of seven letters or more: those that may hold a
        clipped word ("earthquake" holds "quake"); found once per lesson."""
        return tuple(w for w in self.article_words if len(w) >= 7 and zipf(w) >= COMMON_ZIPF)

    @cached_property
    def web_names(self) -> frozenset[str]:
        """Names the article writes as web addresses ("Blurb.com" -> "blurb")."""
        found = re.findall(r"\b([A-Za-z][\w-]*)\.(?:com|net|org|co\.uk)\b", self.text)
        return frozenset(name.lower() for name in found)

    @cached_property
    def passage_lemmas(self) -> tuple[frozenset[str], ...]:
        """The lowercased lemmas of each passage's content words (read once per lesson:
        every glossed word's sense is chosen against its passage's)."""
        return tuple(
            frozenset(
                t.lemma_.lower()
                for i in draft.paragraphs
                for t in self.analysis.docs[i]
                if t.is_alpha and not t.is_stop
            )
            for draft in self.drafts
        )

    def avoids(self, text: str) -> bool:
        """True when the text uses one of the words to avoid."""
        return any(term_in_text(word, text) for word in self.avoid)

    def passage_of(self, paragraph: int) -> int:
        for index, draft in enumerate(self.drafts):
            if paragraph in draft.paragraphs:
                return index
        raise ValueError(paragraph)
