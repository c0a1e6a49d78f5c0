"""Answers as words: one normaliser for grading typed answers (companion.views.grading)
and for telling whether a question's evidence sentence still holds its answer
(companion.lesson.evidence).

Case, accents, punctuation and spacing do not matter; number words become digits
("forty-two" -> "42") and thousands separators go ("1,000" -> "1000"). The rules are
documented in docs/grading.md.
"""

from __future__ import annotations

import re
import unicodedata

_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
_TENS = {"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60"}
_TENS |= {"seventy": "70", "eighty": "80", "ninety": "90"}
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(_SMALL_NUMBERS.split(" "))} | _TENS
_NUMBER_WORDS["hundred"] = "100"
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_NOT_WORD = re.compile(r"[^\w%]+")


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list (for word lists written as one string)."""
    return frozenset(text.split())


ARTICLES = word_set("a an the")
# Words an answer may start with that do not change it: "in Charika", "on Thursday",
# "the NRF", "by 1989" (removed from the front of both the answer and the key).
LEADING_WORDS = ARTICLES | word_set(
    "in at on to by for from of with into onto near inside within during since until "
    "about around after before over under between through across along"
)
# Words that carry no content: an evidence sentence shares them with any answer.
FUNCTION_WORDS = LEADING_WORDS | word_set(
    "and or but nor so as than that this these those there here it its they them their "
    "he him his she her we us our i me my you your who whom whose which what when where "
    "why how is are was were be been being am do does did has have had will would can "
    "could shall should may might must not no yes"
)


def answer_words(text: str) -> list[str]:
    """The words of an answer, reduced for comparison (see the module's docstring)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _THOUSANDS.sub("", text.replace("’", "'"))
    text = text.replace("'s ", " ").replace("'", "")
    return _join_tens([_NUMBER_WORDS.get(w, w) for w in _NOT_WORD.sub(" ", text).split()])


def number_tables() -> dict[str, object]:
    """The number words ``answer_words`` reads, for a copy of it in another language
    (the static site's script reads answers in the browser: docs/exports.md)."""
    return {"numbers": dict(_NUMBER_WORDS), "tens": sorted(_TENS.values())}


def _join_tens(words: list[str]) -> list[str]:
    """["40", "2"] (from "forty-two") -> ["42"]."""
    out: list[str] = []
    for word in words:
        if out and out[-1] in _TENS.values() and len(word) == 1 and word in "123456789":
            out[-1] = str(int(out[-1]) + int(word))
        else:
            out.append(word)
    return out


def strip_leading(words: list[str], leading: frozenset[str] = LEADING_WORDS) -> list[str]:
    """``words`` without the leading ``leading`` words, but never down to nothing."""
    start = 0
    while start < len(words) - 1 and words[start] in leading:
        start += 1
    return words[start:]


def stem(word: str) -> str:
    """A crude stem, so that "muscles" meets "muscle" and "clustering" "cluster"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words (not ``FUNCTION_WORDS``)."""
    return {stem(w) for w in answer_words(text) if w not in FUNCTION_WORDS}


def contains_phrase(words: list[str], phrase: list[str]) -> bool:
    """True when ``phrase`` occurs in ``words`` as consecutive whole words."""
    size = len(phrase)
    return size > 0 and any(words[i : i + size] == phrase for i in range(len(words) - size + 1))
