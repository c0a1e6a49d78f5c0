"""Reading statistics: word count, reading time and a Flesch-Kincaid grade level.

Syllables are counted with pyphen's hyphenation dictionary (offline), which is close to
dictionary syllable counts for English.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from companion.common.textutil import plain_text, words

WORDS_PER_MINUTE = 200  # a typical silent reading rate for middle school
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?:\s|$)")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables in one word: pyphen's hyphenation points plus one, at least one."""
    if word.isdigit():
        return max(1, len(word) // 2)
    return max(1, len(_dictionary().positions(word.lower())) + 1)


@dataclass(frozen=True)
class TextStats:
    words: int
    sentences: int
    syllables: int

    @property
    def grade_level(self) -> float:
        """Flesch-Kincaid grade level, rounded to one decimal, never below 0."""
        if not self.words:
            return 0.0
        grade = (
            0.39 * self.words / max(1, self.sentences) + 11.8 * self.syllables / self.words - 15.59
        )
        return round(max(0.0, grade), 1)

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE)) if self.words else 0


def text_stats(paragraphs: list[str]) -> TextStats:
    total_words = total_sentences = total_syllables = 0
    for paragraph in paragraphs:
        text = plain_text(paragraph)
        tokens = words(text)
        total_words += len(tokens)
        total_syllables += sum(syllables(t) for t in tokens)
        if tokens:
            total_sentences += max(1, len(_SENTENCE_END.findall(text + " ")))
    return TextStats(total_words, total_sentences, total_syllables)
