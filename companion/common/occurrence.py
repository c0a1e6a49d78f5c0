"""Does a term occur in a text? One rule, used by generation (the shared glossary),
the lesson page (where a glossary term is marked) and ``companion check``.

A term matches as whole words, its last word with the usual English endings: plural and
third person (-s, -es; "colony" -> "colonies"), past and participles (-ed, -ing;
"assassinate" -> "assassinated", "assassinating"; a doubled last consonant: "shun" ->
"shunned"), the plural of "-man" ("servicemen") and the possessive ("Taliban's").
An all-capitals acronym (NRF) matches only in capitals.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = "aeiou"


def _last_word(word: str) -> str:
    if not word[-1:].isalpha():
        return re.escape(word)
    lower = word.lower()
    if len(word) > 4 and lower.endswith("man"):
        return re.escape(word[:-2]) + "(?:en|ans?)"  # "servicemen"; "Germans", "humans"
    if len(word) > 2 and lower.endswith("y") and lower[-2] not in _VOWELS:
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    if len(word) > 2 and lower.endswith("e") and lower[-2] not in _VOWELS:
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    if len(word) > 2 and lower.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|eing|ing)"  # "queued", "queuing", "freeing"
    if _doubles(lower):
        last = re.escape(word[-1])
        return re.escape(word) + f"(?:s|es|ed|ing|{last}ed|{last}ing)?"
    return re.escape(word) + "(?:s|es|ed|ing)?"


def _doubles(word: str) -> bool:
    """Consonant, vowel, consonant at the end: the consonant may double before -ed and
    -ing ("shun" -> "shunned", "commit" -> "committing", "travel" -> "travelled")."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def is_acronym(term: str) -> bool:
    return sum(c.isalpha() for c in term) >= 2 and term.upper() == term


@lru_cache(maxsize=4096)
def term_pattern(term: str, strict: bool = True) -> re.Pattern[str]:
    """A regex for a term and its inflections as whole words.

    ``strict`` also refuses an occurrence glued to a hyphen ("anti-Taliban"), so that a
    stand-alone occurrence can be preferred.
    """
    words = term.split()
    if not words:
        return re.compile(r"(?!x)x")  # matches nothing
    if is_acronym(term):
        last = re.escape(words[-1]) + "s?"
        flags = 0
    else:
        last = _last_word(words[-1])
        flags = re.IGNORECASE
    body = r"\s+".join([re.escape(w) for w in words[:-1]] + [last])
    edge = r"[\w-]" if strict else r"\w"
    return re.compile(rf"(?<!{edge}){body}(?!{edge})", flags)


_BRACKETED_ACRONYM = re.compile(r"^(.+?)\s*\(([A-Z][A-Z.&]{1,7})\)$")


def term_forms(term: str) -> list[str]:
    """The ways a heading may appear in the text: "Food and Drug Administration (FDA)"
    as written, else its name, else its acronym (a passage that says only "the FDA")."""
    bracketed = _BRACKETED_ACRONYM.match(term.strip())
    return [term, *bracketed.groups()] if bracketed else [term]


def find_term(term: str, text: str) -> re.Match[str] | None:
    """The first occurrence of a term, a stand-alone one before one inside a hyphenated
    word; for "Name (ACRONYM)", the name or the acronym alone when the two are not
    written together."""
    for strict in (True, False):
        for form in term_forms(term):
            match = term_pattern(form, strict).search(text)
            if match:
                return match
    return None


def term_in_text(term: str, text: str) -> bool:
    """True when the term, or one of its inflections, occurs in the text."""
    return find_term(term, text) is not None
