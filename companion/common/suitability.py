"""Words not for a classroom: profanity, slurs and vulgar sexual words.

A word is unsuitable when better-profanity (a maintained word list, with its spelling
variants) flags it **and** WordNet confirms it: one of its senses is marked as an
obscenity, an ethnic slur or a disparagement, or its usual sense's gloss calls it
obscene, offensive, vulgar or sexual, or WordNet does not know the word at all (most
coinages and spelled variants). The second test keeps the list's many ordinary words
out ("kill", "organ", "strip", "pot", "fat", "erect"), so that a news story about a
crime or a hospital raises no alarm. A hyphened word WordNet does not know is judged by
its words, each as above ("fat-burning" is not unsuitable, "mother-fucker" is), and
"sex" as gender ("same-sex marriage") is not the act. Such words are never glossed, blanked
or asked about, and the teacher is told about them (docs/passages.md).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product

from better_profanity import profanity

from companion.common.abbreviations import continues_sentence
from companion.common.wordnet import get_wordnet

# WordNet 3.0 synsets used as usage domains (";u" pointers) of words not for a classroom
OBSCENITY = 7124340  # obscenity, smut, vulgarism, filth, dirty word
ETHNIC_SLUR = 6718862
DISPARAGEMENT = 6717170
UNSUITABLE_USAGE = frozenset({OBSCENITY, ETHNIC_SLUR, DISPARAGEMENT})
# Glosses that say a sense is vulgar, a slur, or sexual: "obscene terms for female genitals"
UNSUITABLE_GLOSS = re.compile(r"\b(?:obscen\w*|offensive|vulgar\w*|derogatory|disparag\w*)")
SEXUAL_GLOSS = re.compile(
    r"\b(?:genital\w*|prostitut\w*|copulat\w*|sexual intercourse|to stimulate sexual)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z*@$'’-]*[A-Za-z*]|[A-Za-z]")


@lru_cache(maxsize=1)
def _load() -> None:
    profanity.load_censor_words()


PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz'")  # a whole word to better-profanity


@cache
def _plain_variants() -> frozenset[str] | None:
    """Every spelling of a listed word made of plain letters (and apostrophes) that
    better-profanity matches: its character map lets "i" stand for "l" and "u" for
    "v"... ("vvhore" is not one, "wh0re" is not plain). A set lookup gives the library's
    answer for a plain word without its scan of the whole list, which took a twentieth
    of a new article's generation. None (ask the library) if the map ever holds a
    substitution of other than one character."""
    _load()
    mapping = profanity.CHARS_MAPPING
    if any(len(alternative) != 1 for options in mapping.values() for alternative in options):
        return None
    variants: set[str] = set()
    for listed in profanity.CENSOR_WORDSET:
        options = [[c for c in mapping.get(char, (char,)) if c in PLAIN] for char in str(listed)]
        variants.update("".join(letters) for letters in product(*options))
    return frozenset(variants)


def listed(word: str) -> bool:
    """better-profanity's ``contains_profanity`` for one lowercase word, from the set of
    plain spellings when the word is plain."""
    variants = _plain_variants()
    if variants is not None and len(word) > 1 and PLAIN.issuperset(word):
        return word in variants
    return profanity.contains_profanity(word)  # (loaded by _plain_variants)


@lru_cache(maxsize=20_000)
def is_unsuitable(word: str) -> bool:
    """True for a profanity, a slur or a vulgar word (see the module's rule)."""
    word = word.lower().strip("'’-")
    if len(word) < 3:
        return False
    if not listed(word):
        return False
    parts = [part for part in word.split("-") if len(part) >= 3]
    if "-" in word and parts:
        return _compound_confirmed(word, parts)
    return _confirmed_by_wordnet(word)


# "sex" as gender (WordNet's second sense), not the act: "same-sex marriage"
SEX_AS_GENDER = re.compile(r"(?:same|single|opposite|mixed|cross)-sex")


def _compound_confirmed(word: str, parts: list[str]) -> bool:
    """A hyphened word WordNet does not know ("same-sex", "fat-burning", "gay-rights")
    is judged by its words, each on its own: the list flags it for one of them ("sex",
    "fat", "gay"), which WordNet must then confirm as it would alone ("mother-fucker"
    is; "fat-burning" is not)."""
    if SEX_AS_GENDER.fullmatch(word):
        return False
    if any(get_wordnet().synsets(word, pos) for pos in ("n", "v", "a", "r")):
        return _confirmed_by_wordnet(word)  # a compound WordNet knows: its own senses
    return any(listed(part) and _confirmed_by_wordnet(part) for part in parts)


def _confirmed_by_wordnet(word: str) -> bool:
    wordnet = get_wordnet()
    if not wordnet.available:
        return True  # without WordNet, the word list alone decides
    known = False
    for pos in ("n", "v", "a", "r"):
        for form in wordnet.base_forms(word, pos):
            senses = [s for s in wordnet.synsets(form, pos) if not s.instance]
            known = known or bool(senses)
            if any(
                UNSUITABLE_USAGE.intersection(s.usage) or UNSUITABLE_GLOSS.search(s.definition)
                for s in senses
            ):
                return True
            # sexual only in its usual sense: "erect" a building is fine
            if senses and SEXUAL_GLOSS.search(senses[0].definition):
                return True
    return not known


def unsuitable_words(text: str) -> list[str]:
    """The unsuitable words of a text, lowercased, in order of first use. Capitalised
    words inside a sentence are names ("Wang", "Weiner") and are left alone."""
    found: dict[str, None] = {}
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].isupper() and not word.isupper() and not _sentence_start(text, match.start()):
            continue
        if is_unsuitable(word):
            found.setdefault(word.lower(), None)
    return list(found)


def _sentence_start(text: str, offset: int) -> bool:
    start = max(0, offset - 200)  # the previous word is near: a whole text's prefix for
    before = text[start:offset].rstrip(" \"“‘'(")  # each capitalised word was quadratic
    if start and not re.search(r"\s", before):
        before = text[:offset].rstrip(" \"“‘'(")  # too little to hold that word whole
    if not before or before[-1] not in ".!?:":
        return not before
    previous = before.split()[-1]
    following = _WORD.match(text, offset)
    return not continues_sentence(previous, following.group(0) if following else "")


SENSITIVE_GLOSS = re.compile(r"\bsex\w*|\bgenital|\bmammary|\bnaked|\bnude", re.I)


@lru_cache(maxsize=20_000)
def is_sensitive(word: str) -> bool:
    """A word on the profanity list that is not a profanity but touches sex or the
    intimate body ("pedophile", "nipples"): not for a glossary entry or a question, though
    news may use it (no teacher warning)."""
    word = word.lower()
    if len(word) < 3 or not listed(word):
        return False
    wordnet = get_wordnet()
    for pos in ("n", "v", "a"):
        for form in wordnet.base_forms(word, pos):
            senses = wordnet.synsets(form, pos)
            if senses and SENSITIVE_GLOSS.search(senses[0].definition):
                return True  # the usual sense: "erect" a building is fine
    return False


def sensitive_words(text: str) -> list[str]:
    """The sensitive words of a text (see is_sensitive), lowercased, in order of use."""
    found: dict[str, None] = {}
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].islower() and is_sensitive(word):
            found.setdefault(word.lower(), None)
    return list(found)
