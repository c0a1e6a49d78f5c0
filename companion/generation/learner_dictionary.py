"""Companion's learner dictionary: plain grade-8 definitions for news vocabulary.

WordNet's glosses were written for adults and list every sense; judged blind on unseen
news, only about half of the glossary lines built from them were accepted (a later sense
in its place: "influx: process of flowing in"; adult words: "thrombus or embolus"; common
words glossed). This file (``data/learner_dictionary.tsv``) holds, for about 21,000 nouns
and adjectives of middle frequency (wordfreq Zipf 2.5-4.0, and 2.0-2.5 for words met in
news) and 2,200 phrases, a verdict and, for the words a grade-8 reader needs explained,
one plain definition of the word's usual news meaning:

- ``gloss``: worth a glossary line; the definition is that line;
- ``known``: most 13-year-olds know it: no entry (busload, glitch, sturdy);
- ``ambiguous``: two common news meanings, or a verb form whose meaning is the sentence's
  (bill, strike, exemplary, edged): no entry, since the line cannot be chosen without
  understanding the sentence; unless ``data/learner_senses.tsv`` lists its meanings with
  the topic words of each, and the article is plainly about one;
- ``skip``: not for a school glossary, or no simple correct definition: no entry.

A word the file does not hold falls back to WordNet.

A second file (``data/learner_names.tsv``) does the same for named things WordNet lists
(places, people, organisations, events): by WordNet synset, so that the line is for the
thing WordNet's sense choice found (Waterloo the battle or the town), a verdict and a plain
line ("NATO: a military alliance of North American and European countries that promise to
defend each other", where WordNet says "for purposes of collective security"); ``known``
drops household names (Mount Everest, the House of Commons). See docs/glossary.md for how
the files were made and how to extend them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DICTIONARY_FILE = Path(__file__).with_name("data") / "learner_dictionary.tsv"
NAMES_FILE = Path(__file__).with_name("data") / "learner_names.tsv"
NEWS_NAMES_FILE = Path(__file__).with_name("data") / "news_names.tsv"
NEWS_PEOPLE_FILE = Path(__file__).with_name("data") / "news_people.tsv"
SENSES_FILE = Path(__file__).with_name("data") / "learner_senses.tsv"
TITLE_WORDS_FILE = Path(__file__).with_name("data") / "title_words.tsv"
NEWS_NAME_KINDS = frozenset({"place", "group", "event", "people", "other"})
PERSON_KINDS = frozenset({"person"})
VERDICTS = frozenset({"gloss", "known", "ambiguous", "skip"})
# the news names and people files' verdicts: "title" is a name most students know, whose
# line is written only where a title names it ("Messi crowns career ...")
NEWS_VERDICTS = VERDICTS | {"title"}
LINED_VERDICTS = frozenset({"gloss", "title"})
POS = frozenset({"n", "a", "v"})


@dataclass(frozen=True)
class LearnerEntry:
    word: str
    pos: str  # "n", "a" or "v": the part of speech the verdict and definition are for
    verdict: str
    definition: str  # only for verdict "gloss"


class DictionaryError(ValueError):
    """A malformed line of the dictionary file: the message names the file and line."""


def parse_dictionary(
    lines: list[str], name: str = "learner_dictionary.tsv"
) -> dict[str, LearnerEntry]:
    """Entries by word. Every line is checked, so a bad edit fails at once, with its line."""
    entries: dict[str, LearnerEntry] = {}
    for where, row in _rows(lines, name, "word"):
        entry = _entry(row, where)
        if entry.word in entries:
            raise DictionaryError(f"{where}: '{entry.word}' is listed twice")
        entries[entry.word] = entry
    return entries


def _rows(lines: list[str], name: str, header: str):
    """("file:line", its four stripped fields) for each line but the header and blanks."""
    for number, line in enumerate(lines, start=1):
        row = line.rstrip("\r\n").split("\t")
        if (number == 1 and row[:1] == [header]) or not "".join(row).strip():
            continue
        where = f"{name}:{number}"
        if len(row) != 4:
            raise DictionaryError(f"{where}: expected 4 tab-separated fields, found {len(row)}")
        yield where, [field.strip() for field in row]


def _entry(row: list[str], where: str) -> LearnerEntry:
    word, pos, verdict, definition = row
    if not re.fullmatch(r"[a-z]+(?:[ -][a-z]+){0,3}", word):
        raise DictionaryError(
            f"{where}: the word must be a lower-case word or phrase, not '{word}'"
        )
    if pos not in POS:
        raise DictionaryError(f"{where}: part of speech must be n, a or v, not '{pos}'")
    _check_verdict(verdict, definition, where)
    if definition and _names_itself(word, definition):
        raise DictionaryError(f"{where}: the definition of '{word}' uses the word itself")
    return LearnerEntry(word, pos, verdict, definition)


def _check_verdict(
    verdict: str, definition: str, where: str, verdicts: frozenset[str] = VERDICTS
) -> None:
    if verdict not in verdicts:
        raise DictionaryError(f"{where}: verdict must be one of {sorted(verdicts)}")
    if (verdict in LINED_VERDICTS) != bool(definition):
        raise DictionaryError(
            f"{where}: a definition is needed for {_quoted(LINED_VERDICTS & verdicts)}"
            " and only for it"
        )


def _quoted(verdicts: frozenset[str]) -> str:
    return " and ".join(f"'{v}'" for v in sorted(verdicts))


@dataclass(frozen=True)
class NameEntry:
    offset: int  # the WordNet 3.0 noun synset (data.noun offset) the line is for
    name: str  # its name, for the reader of the file
    verdict: str
    definition: str


def parse_names(lines: list[str], name: str = "learner_names.tsv") -> dict[int, NameEntry]:
    """Entries by WordNet offset, every line checked as in parse_dictionary."""
    entries: dict[int, NameEntry] = {}
    for where, (offset, thing, verdict, definition) in _rows(lines, name, "offset"):
        if not re.fullmatch(r"\d{8}", offset):
            raise DictionaryError(f"{where}: the offset must be 8 digits, not '{offset}'")
        _check_verdict(verdict, definition, where)
        if definition and re.search(rf"\b{re.escape(thing)}\b", definition, re.IGNORECASE):
            raise DictionaryError(f"{where}: the definition of '{thing}' repeats the name")
        if int(offset) in entries:
            raise DictionaryError(f"{where}: offset {offset} is listed twice")
        entries[int(offset)] = NameEntry(int(offset), thing, verdict, definition)
    return entries


@dataclass(frozen=True)
class NewsNameEntry:
    name: str  # as news prints it: "NHS", "Sinn Féin", "Kerala"
    kind: str  # place, group, event, people or other (`person` in the news people file)
    verdict: str
    definition: str


def parse_news_names(
    lines: list[str], name: str = "news_names.tsv", kinds: frozenset[str] = NEWS_NAME_KINDS
) -> dict[str, NewsNameEntry]:
    """Entries by name (case as printed), every line checked as in parse_dictionary. The
    news people file is read with the same format, its one kind `person`."""
    entries: dict[str, NewsNameEntry] = {}
    for where, (thing, kind, verdict, definition) in _rows(lines, name, "name"):
        if not (thing[:1].isupper() or thing[:1].isdigit()):
            raise DictionaryError(f"{where}: a name starts with a capital, not '{thing}'")
        if kind not in kinds:
            raise DictionaryError(f"{where}: kind must be one of {sorted(kinds)}")
        _check_verdict(verdict, definition, where, NEWS_VERDICTS)
        if definition and re.search(rf"\b{re.escape(thing)}\b", definition, re.IGNORECASE):
            raise DictionaryError(f"{where}: the definition of '{thing}' repeats the name")
        if thing in entries:
            raise DictionaryError(f"{where}: '{thing}' is listed twice")
        entries[thing] = NewsNameEntry(thing, kind, verdict, definition)
    return entries


def _names_itself(word: str, definition: str) -> bool:
    """The headword or a word made from it: a definition word sharing its first six
    letters ("spokesperson" for "spokeswoman", "Prussia" for "Prussian"), or the whole
    of a shorter headword; for a phrase, the phrase itself ("hedge fund: a fund that")."""
    if " " in word or "-" in word:
        return bool(re.search(rf"\b{re.escape(word)}", definition, re.IGNORECASE))
    stem = word[:6]
    return any(w.startswith(stem) for w in re.findall(r"[a-z]+", definition.lower()))


@cache
def learner_dictionary() -> dict[str, LearnerEntry]:
    text = DICTIONARY_FILE.read_text(encoding="utf-8")
    return parse_dictionary(text.splitlines(), DICTIONARY_FILE.name)


@cache
def learner_names() -> dict[int, NameEntry]:
    text = NAMES_FILE.read_text(encoding="utf-8")
    return parse_names(text.splitlines(), NAMES_FILE.name)


@cache
def news_names() -> dict[str, NewsNameEntry]:
    text = NEWS_NAMES_FILE.read_text(encoding="utf-8")
    return parse_news_names(text.splitlines(), NEWS_NAMES_FILE.name)


@dataclass(frozen=True)
class Sense:
    """One news meaning of a word the dictionary calls ambiguous: its line ('' for a
    meaning most 13-year-olds know) and the words of an article about that meaning."""

    word: str
    pos: str
    definition: str
    cues: frozenset[str]


MIN_CUES = 4


def parse_senses(
    lines: list[str], name: str = "learner_senses.tsv"
) -> dict[tuple[str, str], tuple[Sense, ...]]:
    """The senses of each (word, part of speech), every line checked: a bad edit stops
    generation with its file and line."""
    found: dict[tuple[str, str], list[Sense]] = {}
    for where, (word, pos, definition, cues) in _rows(lines, name, "word"):
        if not re.fullmatch(r"[a-z]+(?:[ -][a-z]+){0,3}", word):
            raise DictionaryError(f"{where}: the word must be a lower-case word, not '{word}'")
        if pos not in POS:
            raise DictionaryError(f"{where}: part of speech must be n, a or v, not '{pos}'")
        if not definition:
            raise DictionaryError(f"{where}: a sense needs a definition or 'known'")
        if definition != "known" and _names_itself(word, definition):
            raise DictionaryError(f"{where}: the definition of '{word}' uses the word itself")
        words = cues.split()
        if len(words) < MIN_CUES or not all(re.fullmatch(r"[a-z]+", w) for w in words):
            raise DictionaryError(f"{where}: at least {MIN_CUES} lower-case cue words")
        senses = found.setdefault((word, pos), [])
        if any(set(words) & s.cues for s in senses):
            raise DictionaryError(f"{where}: a cue of '{word}' is shared by two senses")
        line = "" if definition == "known" else definition
        senses.append(Sense(word, pos, line, frozenset(words) - {word}))
    for (word, pos), senses in found.items():
        if len(senses) < 2:
            raise DictionaryError(f"{name}: '{word}' ({pos}) needs two senses or none")
    return {key: tuple(senses) for key, senses in found.items()}


def parse_title_words(
    lines: list[str], name: str = "title_words.tsv"
) -> dict[tuple[str, str], tuple[Sense, ...]]:
    """The news meanings of each (word, part of speech) a headline uses: a line and, for
    a word with another common meaning, the words of an article about this one (none:
    news almost always means this). A word of two headline meanings ("drought" of rain,
    and of wins) has a line for each, every one with its topic words. Every line
    checked, as in the other files."""
    found: dict[tuple[str, str], tuple[Sense, ...]] = {}
    for where, (word, pos, definition, cues) in _rows(lines, name, "word"):
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", word):
            raise DictionaryError(f"{where}: the word must be a lower-case word, not '{word}'")
        if pos not in POS:
            raise DictionaryError(f"{where}: part of speech must be n, a or v, not '{pos}'")
        if not definition or _names_itself(word, definition):
            raise DictionaryError(f"{where}: '{word}' needs a definition without the word")
        words = cues.split()
        if words and (len(words) < MIN_CUES or not all(re.fullmatch(r"[a-z]+", w) for w in words)):
            raise DictionaryError(f"{where}: no cue words, or {MIN_CUES} lower-case ones")
        others = found.get((word, pos), ())
        if others and not (words and all(other.cues for other in others)):
            raise DictionaryError(
                f"{where}: '{word}' ({pos}) is listed twice without topic words for each"
            )
        found[(word, pos)] = (*others, Sense(word, pos, definition, frozenset(words) - {word}))
    return found


@cache
def title_words() -> dict[tuple[str, str], tuple[Sense, ...]]:
    return parse_title_words(TITLE_WORDS_FILE.read_text(encoding="utf-8").splitlines())


@cache
def learner_senses() -> dict[tuple[str, str], tuple[Sense, ...]]:
    text = SENSES_FILE.read_text(encoding="utf-8")
    return parse_senses(text.splitlines(), SENSES_FILE.name)


@cache
def news_people() -> dict[str, NewsNameEntry]:
    text = NEWS_PEOPLE_FILE.read_text(encoding="utf-8")
    return parse_news_names(text.splitlines(), NEWS_PEOPLE_FILE.name, PERSON_KINDS)


def look_up(
    forms: list[str], entries: Mapping[str, LearnerEntry] | None = None
) -> LearnerEntry | None:
    """The entry for the first of a word's forms (lemma, then WordNet base forms) that the
    dictionary (by default the shipped one) holds."""
    entries = learner_dictionary() if entries is None else entries
    return next((entries[f] for f in forms if f in entries), None)
