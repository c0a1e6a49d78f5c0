"""Abbreviations that end in a full stop without ending the sentence, in one place: the
spaCy pass (companion.generation.analysis) and the lesson page's sentence marks
(companion.views.marking) both split sentences by this rule.

- a title or rank before a name never ends a sentence ("Senior Supt. Nestor Fajura",
  "Gov. Jan Brewer", "Mt. Everest");
- nor does a middle initial ("John F. Kennedy");
- nor do dotted initials before a name ("A.K. Singh", "U.S. Army"), unless a word that
  opens sentences follows ("in the U.S. The president ...");
- other abbreviations (months, "No.", "Inc.") end one only before a capitalised word:
  "Jan. 5", "No. 10", "Acme Inc. said" continue the sentence.
"""

from __future__ import annotations

import re

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "rev",
        "fr",
        "msgr",
        "hon",
        "pres",
        "gov",
        "sen",
        "rep",
        "amb",
        "atty",
        "supt",
        "insp",
        "det",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "brig",
        "cdr",
        "pfc",
        "spc",
        "lieut",
        "st",
        "ste",
        "mt",
        "ft",
    ]
)
MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
OTHERS = frozenset(
    [
        "no",
        "nos",
        "inc",
        "co",
        "corp",
        "ltd",
        "plc",
        "llc",
        "bros",
        "jr",
        "sr",
        "vs",
        "etc",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "assn",
        "ave",
        "blvd",
        "rd",
        "hwy",
        "ariz",
        "calif",
        "colo",
        "conn",
        "fla",
        "ill",
        "ind",
        "kan",
        "mass",
        "mich",
        "minn",
        "miss",
        "nev",
        "okla",
        "ore",
        "penn",
        "tenn",
        "tex",
        "va",
        "wash",
        "wis",
        "wyo",
    ]
)
ABBREVIATIONS = TITLES | MONTHS | OTHERS
# Words that usually open a sentence: after "U.S." they start a new one.
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "but",
        "and",
        "so",
        "yet",
        "or",
        "in",
        "on",
        "at",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "if",
        "when",
        "while",
        "after",
        "before",
        "as",
        "for",
        "then",
        "however",
        "meanwhile",
        "still",
        "also",
    ]
)


def _bare(word: str) -> str:
    return word.rstrip(".").lower()


def is_initial(word: str) -> bool:
    """A capital letter and a full stop: "F." in "John F. Kennedy"."""
    bare = word.rstrip(".")
    return len(bare) == 1 and bare.isupper()


def is_dotted_acronym(word: str) -> bool:
    """ "U.S.", "U.N.", "a.m.": letters each followed by a full stop."""
    parts = word.rstrip(".").split(".")
    return len(parts) >= 2 and all(len(p) == 1 and p.isalpha() for p in parts)


def continues_sentence(word: str, next_word: str) -> bool:
    """True when ``word`` (ending in a full stop) does not end its sentence before
    ``next_word``."""
    bare = _bare(word)
    if not next_word:
        return False
    if bare in TITLES or is_initial(word):
        return next_word[0].isupper() or next_word[0].isdigit()
    if is_dotted_acronym(word):  # "A.K. Singh", "U.S. Army"; but "the U.S. The ..."
        return next_word.lower().strip("\"“‘'(") not in SENTENCE_OPENERS
    if bare in ABBREVIATIONS:
        return not next_word[0].isupper()
    return False


def tokenizer_exceptions() -> list[str]:
    """Abbreviations to keep as one token with their full stop ("Supt.", "Col.")."""
    return [word.capitalize() + "." for word in sorted(ABBREVIATIONS)]


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\S+?)[\"'”’)\]]*$")
_WORD_AFTER = re.compile(r"\s+[\"'“‘(\[]?(\S+)")


def sentence_cuts(text: str) -> set[int]:
    """Offsets where a sentence starts in plain text, by the rule above (for text that
    has not been through spaCy: the importer and the lesson page's sentence marks)."""
    cuts = {0, len(text)}
    for match in _SENTENCE_END.finditer(text):
        if match.group(0).startswith("."):
            before = _WORD_BEFORE.search(text[: match.start() + 1])
            after = _WORD_AFTER.match(text, match.end())
            word = before.group(1) if before else ""
            if continues_sentence(word, after.group(1) if after else ""):
                continue
        cuts.add(match.end())
    return cuts


def split_sentences(text: str) -> list[str]:
    """Plain text cut into sentences (trimmed, none empty)."""
    cuts = sorted(sentence_cuts(text))
    pieces = (text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False))
    return [p for p in pieces if p]
