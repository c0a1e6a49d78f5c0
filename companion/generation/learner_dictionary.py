"""Companion's learner dictionary: plain grade-8 definitions for news vocabulary.

WordNet's glosses were written for adults and list every sense; judged blind on unseen
news, only about half of the glossary lines built from them were accepted (a later sense
in its place: "influx: process of flowing in"; adult words: "thrombus or embolus"; common
words glossed). This file (``data/learner_dictionary.tsv``) holds, for about 4,200 words of
middle frequency met in news (wordfreq Zipf 2.0-3.6), a verdict and, for the words a grade-8
reader needs explained, one plain definition of the word's usual news meaning:

- ``gloss``: worth a glossary line; the definition is that line;
- ``known``: most 13-year-olds know it: no entry (busload, glitch, sturdy);
- ``ambiguous``: two common news meanings, or a verb form whose meaning is the sentence's
  (bill, strike, exemplary, edged): no entry, since the line cannot be chosen without
  understanding the sentence;
- ``skip``: not for a school glossary, or no simple correct definition: no entry.

A word the file does not hold falls back to WordNet. See docs/glossary.md for how the file
was made and how to extend it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DICTIONARY_FILE = Path(__file__).with_name("data") / "learner_dictionary.tsv"
VERDICTS = frozenset({"gloss", "known", "ambiguous", "skip"})
POS = frozenset({"n", "a"})


@dataclass(frozen=True)
class LearnerEntry:
    word: str
    pos: str  # "n" or "a": the part of speech the verdict and definition are for
    verdict: str
    definition: str  # only for verdict "gloss"


class DictionaryError(ValueError):
    """A malformed line of the dictionary file: the message names the file and line."""


def parse_dictionary(
    lines: list[str], name: str = "learner_dictionary.tsv"
) -> dict[str, LearnerEntry]:
    """Entries by word. Every line is checked, so a bad edit fails at once, with its line."""
    entries: dict[str, LearnerEntry] = {}
    for number, line in enumerate(lines, start=1):
        row = line.rstrip("\r\n").split("\t")
        if number == 1 and row[:1] == ["word"]:
            continue  # the header
        if not row or not "".join(row).strip():
            continue
        entry = _entry(row, f"{name}:{number}")
        if entry.word in entries:
            raise DictionaryError(f"{name}:{number}: '{entry.word}' is listed twice")
        entries[entry.word] = entry
    return entries


def _entry(row: list[str], where: str) -> LearnerEntry:
    if len(row) != 4:
        raise DictionaryError(f"{where}: expected 4 tab-separated fields, found {len(row)}")
    word, pos, verdict, definition = (field.strip() for field in row)
    if not re.fullmatch(r"[a-z]+", word):
        raise DictionaryError(f"{where}: the word must be one lower-case word, not '{word}'")
    if pos not in POS:
        raise DictionaryError(f"{where}: part of speech must be n or a, not '{pos}'")
    if verdict not in VERDICTS:
        raise DictionaryError(f"{where}: verdict must be one of {sorted(VERDICTS)}")
    if (verdict == "gloss") != bool(definition):
        raise DictionaryError(f"{where}: a definition is needed for 'gloss' and only for it")
    if definition and _names_itself(word, definition):
        raise DictionaryError(f"{where}: the definition of '{word}' uses the word itself")
    return LearnerEntry(word, pos, verdict, definition)


def _names_itself(word: str, definition: str) -> bool:
    """The headword or a word made from it: a definition word sharing its first six
    letters ("spokesperson" for "spokeswoman", "Prussia" for "Prussian"), or the whole
    of a shorter headword."""
    stem = word[:6]
    return any(w.startswith(stem) for w in re.findall(r"[a-z]+", definition.lower()))


@cache
def learner_dictionary() -> dict[str, LearnerEntry]:
    text = DICTIONARY_FILE.read_text(encoding="utf-8")
    return parse_dictionary(text.splitlines(), DICTIONARY_FILE.name)


def look_up(
    forms: list[str], entries: Mapping[str, LearnerEntry] | None = None
) -> LearnerEntry | None:
    """The entry for the first of a word's forms (lemma, then WordNet base forms) that the
    dictionary (by default the shipped one) holds."""
    entries = learner_dictionary() if entries is None else entries
    return next((entries[f] for f in forms if f in entries), None)
