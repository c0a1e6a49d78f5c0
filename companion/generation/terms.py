"""Candidate glossary terms: the named things and hard words of an article, one per thing.

Reads the one spaCy analysis of the article. A *Thing* gathers every mention of one
person, group, place, event, acronym, rare word or multiword term, whatever the spelling:
case, plural and possessive forms, a leading "the", an acronym and its expansion, and
spelling variants of a name (Masood / Masoud) are one Thing. Different people who share a
surname are two Things; a bare surname is given to the nearest full name before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from companion.common.wordnet import SPACY_POS, get_wordnet
from companion.generation.analysis import Analysis, doc_text, load_nlp, zipf
from companion.generation.importing import is_boilerplate
from companion.generation.learner_dictionary import (
    learner_dictionary,
    learner_names,
    learner_senses,
    news_names,
    news_people,
    title_words,
)
from companion.generation.lexicon import (
    ARTIFACT_LEXNAME,
    DEMONYM_SUFFIXES,
    NAME_KINDS,
    NAME_PARTICLES,
    NEWS_OUTLETS,
    OUTLET_VERBS,
    WEEKDAYS_MONTHS,
)

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
_SMALL_WORDS = {"of", "the", "and", "for", "on", "de", "in", "to", "&"}


@dataclass
class Mention:
    paragraph: int
    doc: Doc
    start: int  # token index in the paragraph's Doc
    end: int
    text: str

    @property
    def span(self) -> Span:
        return self.doc[self.start : self.end]

    @property
    def sentence(self) -> Span:
        return self.doc[self.start].sent


@dataclass
class Thing:
    key: str
    kind: str  # person, group, place, event, work, name, acronym, word, phrase
    mentions: list[Mention] = field(default_factory=list)
    acronym: str = ""
    expansion: str = ""
    pos: str = "n"  # WordNet part of speech of a word or phrase
    labels: list[str] = field(default_factory=list)  # spaCy entity labels of the mentions
    lemma: str = ""
    rarity: float = 7.0  # wordfreq Zipf of the term: lower is rarer

    @property
    def first(self) -> Mention:
        return min(self.mentions, key=lambda m: (m.paragraph, m.start))

    @property
    def label(self) -> str:
        """The most frequent entity label (ORG, GPE, PERSON...), or '' for words."""
        return max(sorted(set(self.labels)), key=self.labels.count) if self.labels else ""

    @property
    def forms(self) -> set[str]:
        return {m.text for m in self.mentions}

    @property
    def is_name(self) -> bool:
        return self.kind not in ("word", "phrase")


def zipf_threshold(grade: int) -> float:
    """Words rarer than this are candidates: grade 6 -> 3.85, grade 8 -> 3.6, grade 12 -> 3.1."""
    return 4.6 - 0.125 * max(1, min(grade, 12))


@lru_cache(maxsize=1 << 16)
def normal_key(text: str) -> str:
    """Case, a leading 'the', possessive endings, hyphens and spacing folded (cached: the
    glossary folds the same few hundred forms tens of thousands of times a lesson)."""
    text = text.lower().replace("’", "'").replace("-", " ")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text.strip())
    return " ".join(text.split())


def find_things(analysis: Analysis, grade: int = 8, title: str = "") -> list[Thing]:
    """Every candidate term of the article, merged so that each thing is one Thing. A
    word of the `title` that the title words file lists is one at any rarity."""
    names = _named_mentions(analysis)
    acronyms = _acronym_links(analysis)
    things = _group_names(names, acronyms)
    things = _merge_variants(things)
    _merge_acronyms_by_initials(things)
    _listed_people(things)
    _listed_places_and_groups(things)
    _attribute_bare_names(things)
    _attribute_bare_group_names(things)
    words = _rare_words(analysis, grade, things, title_lemmas(title))
    _drop_pieces_of_names(words, things)
    words += _compound_terms(analysis, things, words, title)
    words += _dictionary_phrases(analysis, things, words)
    for thing in things:
        if thing.kind == "person" and len(thing.key.split()) == 1 and zipf(thing.key) >= 4.0:
            thing.kind = "name"  # "Moon", "Marshall": an ordinary word, not a person
    headline = set(re.findall(r"[a-z]+", title.lower()))
    return [t for t in things + words if t.mentions and not _excluded(t, headline)]


# ---------------------------------------------------------------------------- names


def _named_mentions(analysis: Analysis) -> list[tuple[str, str, Mention]]:
    """(kind, mention) for named entities and for rare capitalised words spaCy missed."""
    found: list[tuple[str, str, Mention]] = []
    for index, doc in enumerate(analysis.docs):
        if is_boilerplate(doc_text(doc)):
            continue
        covered: set[int] = set()
        for start, end in _saints_names(doc):
            covered.update(range(start, end))
            found.append(("place", "FAC", Mention(index, doc, start, end, doc[start:end].text)))
        for start, end, kind in _listed_of_names(doc):
            covered.update(range(start, end))
            found.append((kind, "", Mention(index, doc, start, end, doc[start:end].text)))
        for start in _listed_pairs(doc):
            covered.update(range(start, start + 2))
            species = doc[start : start + 2].text
            found.append(("name", "", Mention(index, doc, start, start + 2, species)))
        for ent in doc.ents:
            if covered & set(range(ent.start, ent.end)):
                continue
            if _named_after(doc, ent):
                covered.update(range(ent.start, ent.end))  # no name of its own either
                continue
            cut = _listed_person_cut(doc, ent)
            label = "PERSON" if cut else ent.label_
            kind = NAME_KINDS.get(label)
            start = ent.start - 1 if _first_name_left_out(doc, ent, covered) else ent.start
            end = ent.end + (1 if cut else _rest_of_name_left_out(doc, ent, covered, label))
            mention = _clean_mention(index, doc, start, end, numbered=ent.label_ == "LAW")
            if kind is None or mention is None:
                continue
            if ent.label_ == "NORP" and zipf(mention.text.lower()) >= 3.5:
                continue  # Afghan, Soviet, Islamic: words students know
            covered.update(range(ent.start, end))
            found.append((kind, label, mention))
        for start, end in _proper_runs(doc, covered):
            mention = _clean_mention(index, doc, start, end)
            if mention is not None:
                covered.update(range(start, end))
                found.append(("name", "", mention))
        for token in doc:
            if token.i in covered or not _acronym_or_proper(token):
                continue
            found.append(
                (
                    "acronym" if _ACRONYM.match(token.text) else "name",
                    "",
                    Mention(index, doc, token.i, token.i + 1, token.text),
                )
            )
    return found


def _first_name_left_out(doc: Doc, ent: Span, covered: set[int]) -> bool:
    """ "Conor McGregor needed just 13 seconds ...": the recogniser's person is
    "McGregor", the capitalised name before it left out. A word of the language
    ("Judge", "Coach", "Mark") is not taken: only a name no dictionary knows."""
    if ent.label_ != "PERSON" or ent.start == 0 or len(ent) > 2:
        return False
    before = doc[ent.start - 1]
    return (
        before.pos_ in ("PROPN", "NOUN")  # (a first name opening a sentence may be tagged a
        # noun: "Anders Behring Breivik, the ...", once the dateline is cut)
        and before.is_alpha
        and before.text.istitle()
        and not before.ent_type_
        and before.i not in covered
        and before.lower_ not in WEEKDAYS_MONTHS
        and _unknown_word(before)
        and (before.i == 0 or doc[before.i - 1].pos_ != "PROPN")
    )


# what is named after a person ("non-Hodgkin's lymphoma", "Parkinson's disease")
NAMED_AFTER_HEADS = frozenset({"disease", "syndrome", "lymphoma", "palsy", "sarcoma", "law"})


def _named_after(doc: Doc, ent: Span) -> bool:
    """A name that is part of a thing named after a person ("non-Hodgkin's lymphoma"):
    the thing, not the person (reviewers: "Hodgkin", the doctor, a wrong referent)."""
    after = ent.end if doc[ent.end - 1].tag_ == "POS" else ent.end + 1
    return (
        ent.label_ in ("PERSON", "ORG")
        and after < len(doc)
        and doc[after - 1].tag_ == "POS"
        and doc[after].lower_ in NAMED_AFTER_HEADS
    )  # (the recogniser may hold the "'s" in the name: "non-Hodgkin's" an organisation)


def _rest_of_name_left_out(doc: Doc, ent: Span, covered: set[int], label: str) -> int:
    """ "leader Aung San Suu Kyi from house arrest": the recogniser's person is "Aung
    San", the rest of her name left out. The capitalised proper nouns right after a
    person, up to two, that no dictionary knows (not "Tuesday", not "Street"). (One that
    makes a name the news people file lists, "Usain Bolt", is `_listed_person_cut`.)"""
    if label != "PERSON":
        return 0
    count = 0
    for token in doc[ent.end : ent.end + 2]:
        if not (_bare_proper_noun(token, covered) and _unknown_word(token)):
            break
        count += 1
    return count


def _bare_proper_noun(token, covered: set[int]) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and token.text.istitle()
        and not token.ent_type_
        and token.i not in covered
        and token.lower_ not in WEEKDAYS_MONTHS
    )


def _unknown_word(token) -> bool:
    return not any(get_wordnet().synsets(token.lower_, pos) for pos in "nvar")


def _listed_person_cut(doc: Doc, ent: Span) -> bool:
    """The entity and the proper noun after it make a name the news people file lists
    ("Usain" a place to the recogniser, "Bolt" left out)."""
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        after is not None
        and after.pos_ == "PROPN"
        and not after.ent_type_
        and f"{ent.text} {after.text}" in news_people()
    )


SAINT = frozenset({"st.", "st", "saint"})


# a capitalised word or an initial, then a lower-case word (overlapping: "Zika virus")
LISTED_PAIR = re.compile(r"(?=((?:\b[A-Z]\.|\b[A-Z][a-z]+) [a-z]+\b))")


def _listed_pairs(doc: Doc) -> list[int]:
    """ "E. coli", "T. rex": a genus's initial and a species the news names file lists,
    which the recogniser leaves alone (a lower-case word after an initial); and "Zika
    virus", "Curiosity rover": a name and the lower-case word the file lists it with,
    which the recogniser cuts after the name."""
    if not any(m.group(1) in news_names() for m in LISTED_PAIR.finditer(doc_text(doc))):
        return []  # (the text first: a walk of the tokens makes a spaCy object of each)
    return [
        token.i
        for token in doc[:-1]
        if (re.fullmatch(r"[A-Z]\.", token.text) or token.is_alpha and token.text.istitle())
        and doc[token.i + 1].is_alpha
        and doc[token.i + 1].text.islower()
        and f"{token.text} {doc[token.i + 1].text}" in news_names()
    ]


OF_NAME_KINDS = {"group": "group", "place": "place", "event": "event"}


@lru_cache(maxsize=1)
def _of_names_start() -> re.Pattern[str]:
    """The first word and "of" of every name the news names file lists with "of"."""
    firsts = {n.split()[0] for n in news_names() if " of " in n and n[:1].isupper()}
    alternatives = "|".join(sorted(map(re.escape, firsts)))
    return re.compile(rf"\b(?:{alternatives}) of\b")


def _listed_of_names(doc: Doc) -> list[tuple[int, int, str]]:
    """ "Chancellor of the Exchequer", "Leader of the Opposition": a name the news names
    file lists that the recogniser misses or cuts to its last word ("Exchequer", which
    alone is a government department, not the minister); (start, end, kind) of each.
    A name the recogniser already has whole is left to it."""
    found: list[tuple[int, int, str]] = []
    if not _of_names_start().search(doc_text(doc)):
        return found  # (the text first: a walk of the tokens makes a spaCy object of each)
    names = news_names()
    for token in doc[:-2]:
        if not (token.text.istitle() and doc[token.i + 1].lower_ == "of"):
            continue
        for end in range(min(len(doc), token.i + 6), token.i + 2, -1):
            span = doc[token.i : end]
            entry = names.get(span.text)
            if entry is None or not span[-1].text[:1].isupper():
                continue
            if not any((e.start, e.end) == (span.start, span.end) for e in span.ents):
                found.append((token.i, end, OF_NAME_KINDS.get(entry.kind, "name")))
            break
    return found


def _saints_names(doc: Doc) -> list[tuple[int, int]]:
    """ "St. Michael's Catholic Church", "St Mary's Hospital": one name, which the entity
    recogniser cuts at the "'s" into a place and an organisation."""
    runs = []
    for token in doc[:-3]:
        if token.lower_ not in SAINT or not token.text[:1].isupper():
            continue
        saint, mark = doc[token.i + 1], doc[token.i + 2]
        if not saint.text[:1].isupper() or mark.lower_ not in ("'s", "’s"):
            continue
        end = token.i + 3
        while end < len(doc) and end - token.i < 8 and doc[end].pos_ == "PROPN":
            end += 1
        if end > token.i + 3 and doc[end - 1].text[:1].isupper():
            runs.append((token.i, end))
    return runs


def _proper_runs(doc: Doc, covered: set[int]) -> list[tuple[int, int]]:
    """Runs of two or more capitalised proper nouns the entity recogniser missed
    ("Jet Propulsion Laboratory")."""
    runs, start = [], None
    for token in [*doc, None]:
        inside = (
            token is not None
            and token.i not in covered
            and token.tag_ in ("NNP", "NNPS")
            and token.text[:1].isupper()
            and token.is_alpha
        )
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            end = token.i if token is not None else len(doc)
            if end - start >= 2:
                runs.append((start, end))
            start = None
    return runs


def _acronym_or_proper(token) -> bool:
    if _ACRONYM.match(token.text) and not token.text.isdigit():
        return True
    word = NUMBERED_NAME.sub("", token.text)  # "Chandrayaan-3": a mission's name
    return (
        token.pos_ == "PROPN"
        and word.isalpha()
        and word[:1].isupper()
        and len(word) >= 4
        and word.lower() not in WEEKDAYS_MONTHS
        and zipf(word.lower()) < 3.0
    )


NUMBERED_NAME = re.compile(r"(?<=[a-z])-\d{1,2}$")


# a role the recogniser runs into an acronym before the officer's name ("WHO Director",
# "EU Commissioner"); not after a word ("Finance Minister" is a role, glossed as one)
TRAILING_ROLES = frozenset(
    {"director", "chief", "secretary", "minister", "spokesman", "spokeswoman"}
    | {"spokesperson", "chairman", "chairwoman", "commissioner", "ambassador", "envoy"}
)


# endings that make a word from a name ("Banksy-ed", "Kremlin-backed", "Taliban-run"); not
# the lower-case part of a name ("Kim Jong-il", "Lee Myung-bak")
WORDS_MADE_FROM_NAMES = frozenset(
    {"ed", "style", "like", "led", "backed", "based", "run", "owned", "era", "esque", "ish"}
    | {"type", "linked", "born", "made", "funded", "allied", "inspired", "controlled"}
)


def _clean_mention(
    index: int, doc: Doc, start: int, end: int, numbered: bool = False
) -> Mention | None:
    """Trim a leading 'the' and a trailing possessive; reject what is not a name. A law's
    name may hold its number (`numbered`: "Chapter 11", "Article 50")."""
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or doc[start].is_punct
        or (doc[start].is_sent_start and doc[start].pos_ in ("ADP", "SCONJ", "ADV"))
    ):
        start += 1  # (and "Besides" of "Besides Nadda, ...": the sentence's first word)
    while (
        end - start > 1
        and doc[start].text[:1].islower()
        and doc[start].lower_ not in NAME_PARTICLES
        and doc[start + 1].text[:1].isupper()
    ):
        start += 1  # "north Kerala", "eastern Ukraine": the name, not its direction
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while end - start > 2 and (
        doc[start].lower_ in CHURCH_TITLES
        or doc[start + 1].ent_type_ == "PERSON" and _nationality_noun(doc[start].lower_)
    ):  # (not the "European" of the European Central Bank)
        start += 1  # "Archbishop Emeritus Desmond Tutu", "Briton Chris Froome": the
        # person is Desmond Tutu, Chris Froome
    while (
        end - start > 2
        and doc[end - 1].lower_ in WORDS_MADE_FROM_NAMES
        and doc[end - 2].text == "-"
        and not doc[end - 2].whitespace_
    ):
        end -= 2  # "we just got Banksy-ed": the name, not the word made from it
    while (
        end - start > 1
        and doc[end - 1].lower_ in TRAILING_ROLES
        and doc[end - 2].text.isupper()
        and len(doc[end - 2].text) > 1
    ):
        end -= 1  # "WHO Director(-General Margaret Chan)": the group, not its officer
    owner = [t.i for t in doc[start:end] if t.tag_ == "POS"]
    if owner and owner[-1] + 1 < end:
        start = owner[-1] + 1  # "NASA’s Jet Propulsion Laboratory" -> the laboratory
    if start >= end:
        return None
    text = doc[start:end].text
    particle = doc[start].lower_ in NAME_PARTICLES and end - start > 1
    if not (text[:1].isupper() or particle) or not re.search(r"[A-Za-z]{2}", text):
        return None  # "anti-Taliban", "the 1980s"
    if text.lower() in WEEKDAYS_MONTHS or any(
        t.like_num and not (numbered and t.i > start) or t.ent_type_ == "DATE"
        for t in doc[start:end]
    ):
        return None  # dates and numbers are never glossed
    return Mention(index, doc, start, end, text)


@lru_cache(maxsize=4096)
def _nationality_noun(word: str) -> bool:
    """ "Briton", "Kenyan", "Frenchman": a word WordNet first knows as a person of a
    country, which the recogniser takes into the name after it."""
    senses = get_wordnet().synsets(word, "n")[:1]
    return bool(senses) and NATIONALITY_GLOSS.match(senses[0].definition) is not None


NATIONALITY_GLOSS = re.compile(r"an? (?:native or inhabitant of|person of \w+ nationality)")
# titles the recogniser takes into a person's name (a king's or a president's it leaves
# out, and "Queen Elizabeth II" is how the names files list her)
CHURCH_TITLES = frozenset(
    {"archbishop", "bishop", "cardinal", "emeritus", "reverend", "rev", "pastor", "rabbi"}
)


def _acronym_links(analysis: Analysis) -> dict[str, str]:
    """Acronym -> expansion key, from "National Resistance Front (NRF)" patterns."""
    links: dict[str, str] = {}
    for doc in analysis.docs:
        for token in doc:
            if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
                continue
            acronym = doc[token.i + 1].text
            if not _ACRONYM.match(acronym):
                continue
            expansion = _expansion_before(doc, token.i, acronym.rstrip("s"))
            if expansion:
                links[acronym.rstrip("s")] = normal_key(expansion)
    return links


def _expansion_before(doc: Doc, paren: int, acronym: str) -> str:
    """The capitalised words before '(' whose initials spell the acronym; a word joined
    by a hyphen counts as one ("Non-Alcoholic Fatty Liver Disease (NAFLD)" -> NAFLD, the
    "A" of "Alcoholic" included)."""
    tokens: list[Token] = []
    i = paren - 1
    while i >= 0 and len(tokens) < 12 and _expansion_word(doc, i):
        tokens.insert(0, doc[i])
        i -= 1
    while tokens and (tokens[0].lower_ in _SMALL_WORDS or tokens[0].text == "-"):
        tokens.pop(0)
    for start in range(len(tokens)):
        if tokens[start].lower_ in _SMALL_WORDS or tokens[start].text == "-":
            continue
        for stop in range(len(tokens), start, -1):
            chosen = tokens[start:stop]
            initials = "".join(
                t.text[0] for t in chosen if t.lower_ not in _SMALL_WORDS and t.text != "-"
            ).upper()
            if initials == acronym.upper() and chosen[-1].lower_ not in _SMALL_WORDS:
                return "".join(t.text_with_ws for t in chosen).strip()
    return ""


def _expansion_word(doc: Doc, i: int) -> bool:
    """A capitalised word, a small word ("of", "and") or a hyphen joining two words."""
    token = doc[i]
    if token.text == "-":
        return i > 0 and not doc[i - 1].whitespace_ and not token.whitespace_
    return token.text[:1].isupper() or token.lower_ in _SMALL_WORDS


def _group_names(found: list[tuple[str, str, Mention]], acronyms: dict[str, str]) -> list[Thing]:
    things: dict[str, Thing] = {}
    expansions = {v: k for k, v in acronyms.items()}
    for kind, label, mention in found:
        key = normal_key(mention.text)
        acronym = mention.text.rstrip("s") if _ACRONYM.match(mention.text) else ""
        if acronym and acronym in acronyms:
            key = acronyms[acronym]
        else:
            # "National Resistance Front of Afghanistan" carries the expansion "National
            # Resistance Front" at its start: the same group.
            for expansion in expansions:
                if key == expansion or key.startswith(expansion + " of "):
                    key = expansion
                    break
        thing = things.get(key)
        if thing is None:
            thing = things[key] = Thing(key=key, kind=kind)
        elif thing.kind in ("name", "acronym") and kind not in ("name", "acronym"):
            thing.kind = kind
        if key in expansions:
            thing.acronym, thing.expansion = expansions[key], key
        thing.mentions.append(mention)
        if label:
            thing.labels.append(label)
    for thing in things.values():
        thing.rarity = min(zipf(f.lower()) for f in thing.forms)
        if thing.kind == "acronym" and not thing.expansion:
            thing.acronym = thing.first.text
    return list(things.values())


def edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = diffs = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            diffs += 1
            if diffs > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return diffs + (len(b) - j) + (len(a) - i) <= 1


def spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one name: same number of words, each the same or one letter off
    (Masood / Masoud, Ahmed Masood / Ahmad Masoud). Short words must match exactly."""
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) != len(wb) or wa == wb:
        return wa == wb
    return all(
        x == y
        or (
            min(len(x), len(y)) >= 5
            and x[0] == y[0]
            and not re.search(r"\d", x + y)  # LB331 and LB332 are two bills
            and edit_distance_at_most_one(x, y)
        )
        for x, y in zip(wa, wb, strict=True)
    )


def _demonym_of(word: str, place: str) -> bool:
    """Panjshiri(s) is of Panjshir."""
    return word.startswith(place) and word[len(place) :] in DEMONYM_SUFFIXES and len(place) >= 4


def _merge_variants(things: list[Thing]) -> list[Thing]:
    """Merge spelling variants, demonyms and a bare first word of a longer place name."""
    merged: list[Thing] = []
    for thing in sorted(things, key=lambda t: (-len(t.mentions), t.key)):
        target = next((m for m in merged if _same_thing(m, thing)), None)
        if target is None:
            merged.append(thing)
        else:
            target.mentions += thing.mentions
            target.labels += thing.labels
            if target.kind in ("name", "acronym") and thing.kind not in ("name", "acronym"):
                target.kind = thing.kind
            if thing.kind == "group" and _short_name_of_firm(thing, target):
                target.kind = "group"  # "Blockbuster", which the recogniser took for a
                # person, is Blockbuster Inc
            target.rarity = min(target.rarity, thing.rarity)
    return merged


COMPANY_SUFFIX = re.compile(r",?\s+(?:&\s*Co|Co|Inc|Corp|Ltd|plc|PLC|LLC)\.?$")
HOLDINGS = re.compile(r"\s+Holdings$")


def firm(name: str) -> str:
    """A company's name without its legal ending ("Merrill Lynch & Co.": "Merrill Lynch"),
    nor the "Holdings" of its parent company ("Lehman Brothers Holdings Inc")."""
    return HOLDINGS.sub("", COMPANY_SUFFIX.sub("", name))


def unhyphened(name: str) -> str:
    return name.replace("-", " ")


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL_WORDS).upper()


def _merge_acronyms_by_initials(things: list[Thing]) -> None:
    """ "JPL" and "Jet Propulsion Laboratory" are one thing even when the article never
    writes "Jet Propulsion Laboratory (JPL)": the initials match exactly."""
    names = [t for t in things if len(t.key.split()) >= 2 and t.kind not in ("person",)]
    for thing in things:
        if not _ACRONYM.match(thing.first.text) or thing.expansion or not thing.mentions:
            continue
        acronym = thing.first.text.rstrip("s")
        matches = [
            n
            for n in names
            if n.mentions
            and acronym in {initials(g) for f in map(firm, n.forms) for g in (f, unhyphened(f))}
        ]  # (a hyphened name's parts too: "PSG", Paris Saint-Germain; a company's without
        # "Corp.": "GM" is General Motors Corp., and its GMC brand another thing)
        if len(matches) == 1:
            target = matches[0]
            target.mentions += thing.mentions
            target.labels += thing.labels
            target.acronym, target.expansion = acronym, target.key
            thing.mentions = []


COMMON_HEAD_ZIPF = 4.0  # "west" 5.0, "new" 6.4, "north" 5.0; "panjshir" 1.6


# the last word of a building's or an institution's name, which a city lends its name to
BUILDING_HEADS = frozenset(
    {"airport", "hospital", "cathedral", "church", "station", "stadium", "university"}
    | {"college", "school", "prison", "jail", "museum", "hotel", "council", "zoo", "mosque"}
    | {"multiplex", "arena", "centre", "center", "theatre", "theater", "hall", "mall"}
    | {"tower", "bridge", "dam", "plant", "factory", "mine"}
)  # ("Yellowknife" the city is not the Yellowknife Multiplex, where evacuees gather)


STORM_HEADS = frozenset({"hurricane", "typhoon", "cyclone", "superstorm"})


def _same_thing(a: Thing, b: Thing) -> bool:
    if len(a.key.split()) == 1 and len(b.key.split()) > 1:
        a, b = b, a
    if a.kind == "person" and b.kind == "person" and len(a.key.split()) != len(b.key.split()):
        short, full = sorted((a.key.split(), b.key.split()), key=len)
        return len(short) >= 2 and full[-len(short) :] == short  # "Suu Kyi" is Aung San
        # Suu Kyi (but "Ahmed Masood" is not his father Ahmed Shah Masood)
    if spelling_variants(a.key, b.key) or _short_name_of_firm(a, b):
        return True
    wa, wb = a.key.split(), b.key.split()
    if len(wb) == 1 and len(wa) == 1:
        return _demonym_of(wb[0], wa[0]) or _demonym_of(wa[0], wb[0])
    if len(wa) == 2 and wa[0] in STORM_HEADS and wb == wa[1:]:
        return True  # "in Katrina's wake": Hurricane Katrina, named again by its name
    if wa[-1].lower() in BUILDING_HEADS:
        return False  # "Christchurch" the city is not Christchurch Airport
    if len(wb) == 1 and len(wa) > 1 and a.kind == "place" and zipf(wa[0]) < COMMON_HEAD_ZIPF:
        # "Panjshir" and "Panjshiris" belong with "Panjshir Valley" when that is the
        # article's usual name for it; but "the West" is not "West Ham", nor "New" "New
        # York": a common word is no short name.
        head = wa[0]
        return wb[0] == head or _demonym_of(wb[0], head)
    return False


def _short_name_of_firm(company: Thing, other: Thing) -> bool:
    """ "Blockbuster" for "Blockbuster Inc", "ARM" for "Arm Holdings": a company's name
    without its legal ending."""
    return company.kind in ("group", "name") and any(
        (short := firm(form)) != form and normal_key(short) == other.key
        for form in company.forms
    )


def _listed_people(things: list[Thing]) -> None:
    """A full name the news people file lists is a person, whatever the recogniser took
    it for ("Wladimir Klitschko" for a place): then the bare surname goes with it."""
    listed = news_people()
    for thing in things:
        if thing.kind == "person" or len(thing.key.split()) < 2:
            continue
        entry = next((listed[f] for f in thing.forms if f in listed), None)
        if entry is not None and entry.verdict != "ambiguous":
            thing.kind = "person"


def _listed_places_and_groups(things: list[Thing]) -> None:
    """A name the news names file lists as a place or a group is no person, whatever the
    recogniser took it for ("the Germanwings jet"): its line is looked up, and its rules
    applied, for what it is. A body the file calls a country, a town or land and water
    is a place too ("Samoa", "Nanga Parbat"); one it calls a building keeps the
    recogniser's kind: "the British Museum" is glossed as a body, not left out as a
    one-off place."""
    listed = news_names()
    for thing in things:
        if thing.kind == "place" and thing.label == "PERSON":
            thing.kind = "person"  # most of its mentions taken for a person ("Gabon's
            # ousted president ...", "Sri Lanka's ..."): judged below as the others are
        if thing.kind not in ("person", "group"):
            continue
        entry = next((listed[f] for f in sorted(thing.forms) if f in listed), None)
        if entry is None and _wordnet_country(thing.key):
            thing.kind, thing.labels = "place", ["GPE"] * len(thing.labels)
            continue  # "flown to the Maldives", which the recogniser took for a body
        if entry is None or entry.verdict == "ambiguous" or entry.kind not in ("place", "group"):
            continue  # (a "known" one too: "Sri Lanka president flees" is no person)
        if thing.kind == "group" and not (entry.kind == "place" and LAND.match(entry.definition)):
            continue  # (a body the file calls a place, a museum or a stadium, stays one)
        thing.kind = entry.kind
        # and the recogniser's label with it, which decides the WordNet senses tried
        # ("Borneo" as a PERSON was a bare surname, and WordNet's island never tried)
        thing.labels = [LISTED_KIND_LABELS[entry.kind]] * len(thing.labels)


def _wordnet_country(key: str) -> bool:
    """A name WordNet knows only as a place, and the learner reference glosses as a
    country or islands (not a city: "Liverpool" beat Chelsea)."""
    senses = get_wordnet().synsets(key.replace(" ", "_"), "n")
    if not senses or any(s.lexname != LOCATION_LEXNAME or not s.instance for s in senses):
        return False
    listed = learner_names()
    return any(
        (entry := listed.get(s.offset)) is not None
        and entry.verdict == "gloss"
        and COUNTRY_LINE.match(LEADING_ARTICLE.sub("", entry.definition)) is not None
        for s in senses
    )


LOCATION_LEXNAME = 15  # WordNet's noun.location
# a line that says the place is a country ("large, mostly highland country in ...")
COUNTRY_LINE = re.compile(r"(?:[\w,'-]+ ){0,4}(?:country|republic|kingdom|nation)\b")
LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
LISTED_KIND_LABELS = {"place": "GPE", "group": "ORG"}
# a names file line for a country, a region or a town, or land and water: a place whatever
# the recogniser said ("Samoa", "Nanga Parbat", "Sierra Leone" taken for bodies)
LAND = re.compile(
    r"(?:[\w,'-]+ ){0,4}(?:country|kingdom|republic|nation|island|islands|mountain|peak"
    r"|volcano|river|lake|sea|state|province|region|city|town|capital|village|county"
    r"|peninsula|territory|valley|desert|archipelago)\b"
)


def _attribute_bare_names(things: list[Thing]) -> None:
    """Give a bare surname to the nearest full name before it ("Masood" after "Ahmed Shah
    Masood", "bin Laden" after "Osama bin Laden"); a bare surname with no full name
    before it is left alone."""
    people = [t for t in things if t.kind == "person" and len(t.key.split()) > 1 and not _bare(t)]
    if not people:
        return
    full_mentions = sorted(
        ((m.paragraph, m.start, person) for person in people for m in person.mentions),
        key=lambda x: (x[0], x[1]),
    )
    for thing in list(things):
        surname = _courtesy_surname(thing.key)
        if surname:
            surname = surname if len(surname.split()) == 1 else ""
        elif len(thing.key.split()) == 1 or _bare(thing):
            surname = thing.key
        if not surname or thing in people:
            continue
        owners = [
            p
            for p in people
            if (
                spelling_variants(p.key.split()[-1], surname)
                or p.key.lower().endswith(" " + surname.lower())
                or any(family_name_first(form) == surname for form in p.forms)
            )
            and not _double_barrelled(p, surname)
        ]
        if not owners and thing.kind == "person" and len(thing.key.split()) == 1:
            # "Leonardo's 'Salvator Mundi'": a first name alone, the first name of one
            # person the article names in full (Leonardo da Vinci)
            owners = [p for p in people if p.key.split()[0] == thing.key]
            owners = owners if len(owners) == 1 else []
        if not owners:
            continue
        for mention in thing.mentions:
            before = [
                person
                for paragraph, start, person in full_mentions
                if person in owners and (paragraph, start) < (mention.paragraph, mention.start)
            ]
            if before:
                before[-1].mentions.append(mention)
        thing.mentions = []  # attributed to a person, or left alone: never its own entry


def _double_barrelled(person: Thing, surname: str) -> bool:
    """ "Zuma" is not the surname of Nkosazana Dlamini-Zuma, whom news calls
    "Dlamini-Zuma": a bare surname is the second half of hers only in the key."""
    first, hyphen, second = display_name(person).split()[-1].rpartition("-")
    return (
        bool(hyphen)
        and normal_key(second) == surname
        and normal_key(first) not in NAME_PARTICLES  # "al-Bashir" is Bashir
    )


COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady"})


def _courtesy_surname(key: str) -> str:
    """The name after a courtesy title ("Mr Windsor": "Windsor"), "" for any other key:
    British and Australian papers name a person in full once, then "Mr Windsor"."""
    first, _, rest = key.partition(" ")
    return rest if rest and first.lower().rstrip(".") in COURTESY_TITLES else ""


FAMILY_NAME_FIRST = re.compile(r"([A-Z][a-z]+) [A-Z][a-z]+-[a-z]+")


def family_name_first(name: str) -> str:
    """The family name of a name written family name first, with a hyphened given name
    ("Hwang Woo-suk", "Moon Jae-in": "hwang", "moon"); "" for any other name ("Catherine
    Zeta-Jones" has a double surname)."""
    match = FAMILY_NAME_FIRST.fullmatch(name)
    return match.group(1).lower() if match else ""


def _bare(thing: Thing) -> bool:
    """A surname with its particle ("bin Laden", "van Gogh", "de Klerk"), written in lower
    case at least once (a sentence's first word has a capital: "Bin Laden said")."""
    return any(
        len(words) > 1 and words[0].islower() and words[-1][:1].isupper()
        for words in (form.split() for form in thing.forms)
    )


def _attribute_bare_group_names(things: list[Thing]) -> None:
    """ "Yankees" is the New York Yankees, "Saints" the Northampton Saints: a one-word
    name that is the last word of exactly one longer group name of the article goes
    with it (not when two groups end in it: "United" beside Manchester and West Ham
    United is either). Failing that, a company's first word: "Merrill" is Merrill Lynch
    & Co., "Lehman" Lehman Brothers (but "National" is no short name)."""
    groups = [t for t in things if t.kind == "group" and len(t.key.split()) > 1 and t.mentions]
    for thing in things:
        if len(thing.key.split()) != 1 or thing.kind not in ("group", "name"):
            continue
        word = thing.key.lower()
        owners = [g for g in groups if g.key.split()[-1].lower() == word]
        if not owners and zipf(word) < COMMON_HEAD_ZIPF and thing.mentions:
            # (a company the names file lists, its full name first, as news writes it:
            # not "Tesco" and later its "Tesco Everyday Value" burgers, nor "Rohingya
            # Muslims")
            owners = [
                g
                for g in groups
                if g.key.split()[0].lower() == word
                and _before(g.first, thing.first)
                and any(firm(form) in news_names() for form in g.forms)
            ]
        if len(owners) == 1 and thing.mentions:
            owners[0].mentions += thing.mentions
            owners[0].labels += thing.labels
            thing.mentions = []


# ---------------------------------------------------------------------------- words


@lru_cache(maxsize=64)
def title_lemmas(title: str) -> frozenset[str]:
    """The title's words, lower-cased (titles in Title Case too), and their base forms
    ("Recalls": "recall")."""
    forms = set(re.findall(r"[a-z]+(?:-[a-z]+)?", title.lower()))
    bases = {b for w in forms for pos in "nva" for b in get_wordnet().base_forms(w, pos)}
    return frozenset(forms | bases)


def title_only_words(
    title: str, analysis: Analysis, used: Set[str], grade: int = 8, found: Set[str] = frozenset()
) -> list[Thing]:
    """The title's hard words that the article never uses again, by the base forms it
    `used` ("Thai PM hails rescue", "Pilot ditches jet"): each a Thing whose one mention
    is in the title's own parse, counted in the first paragraph's passage. Names are left
    out (the article names them). Only the glossary reads these; no question is asked of
    the title."""
    if not title.strip():
        return []
    parsed = analysis.title is not None and analysis.title.text == title
    doc = analysis.title if parsed else load_nlp()(title)
    # names: the recogniser's, and proper nouns not capitalised as a headline capitalises
    # every word ("iPhone", "NASA"); a Title Case word may still be a word (_words_in)
    named = {(0, t.i) for t in doc if t.ent_type_ or t.pos_ == "PROPN" and not t.is_title}
    words = [
        w
        for w in _words_in([(0, doc)], grade, named, title_lemmas(title), title=True)
        if w.lemma not in used and w.key not in used
    ]
    # the learner dictionary's phrases the article does not gloss itself ("death toll
    # rises", "Obama sworn in"), commoner ones too: the story is about them
    in_title = phrases_in([(0, doc)], named, TITLE_PHRASE_ZIPF, title=True)
    phrases = [t for t in in_title if t.key not in found]
    _cover(words, phrases)
    words = [w for w in words if w.mentions] + phrases
    wordnet = get_wordnet()
    for word in words:
        if (
            word.kind == "word"
            and word.pos == "n"
            and not wordnet.synsets(word.lemma, "n")
            and wordnet.synsets(word.lemma, "v")
        ):
            word.pos = "v"  # "end shutdown, avert default": a headline drops the words
            # that would show the tagger a verb, and English has no noun "avert"
        _headline_part_of_speech(word)
    return words + _title_only_places(doc, found) + _title_only_initials(doc, found)


def _title_only_initials(title: Doc, found: Set[str]) -> list[Thing]:
    """Letters only the title uses that the learner dictionary glosses as a word
    ("Toshiba CEO resigns", "Huawei CFO arrested", where the article says "chief
    executive"): a Thing of the title's mention."""
    things: list[Thing] = []
    if title.text.isupper():
        return things  # a headline in capitals: its words are no initials
    for token in title:
        key = token.lower_
        if not (token.is_alpha and token.is_upper and len(key) >= 3) or key in found:
            continue
        entry = learner_dictionary().get(key)
        if entry is not None and entry.verdict == "gloss" and entry.pos == "n":
            mention = Mention(0, title, token.i, token.i + 1, token.text)
            things.append(Thing(key, "acronym", [mention], rarity=zipf(key)))
    return things


def _title_only_places(title: Doc, found: Set[str]) -> list[Thing]:
    """A place only the title names, which the news names file glosses ("Bhutto
    assassinated at Rawalpindi rally", where the dateline that named it was cut; "...
    title in Melbourne" where the article says "Melbourne Park"): a Thing of its title
    mention. (A headline's recogniser labels are a guess: "Rawalpindi" a person.)"""
    listed = news_names()
    places = []
    for ent in title.ents:
        entry = listed.get(ent.text)
        key = normal_key(ent.text)
        if entry is None or entry.verdict != "gloss" or entry.kind != "place" or key in found:
            continue
        mention = Mention(0, title, ent.start, ent.end, ent.text)
        places.append(Thing(key, "place", [mention], labels=["GPE"], rarity=zipf(key)))
    return places


def _headline_part_of_speech(word: Thing) -> None:
    """A headline's word the tagger took for another part of speech ("MPs vote to treble
    cap", "Dhoni six seals World Cup glory": an adjective, a noun) takes the title words
    file's one line for it, when that line has topic words for senses.py to check
    against the article (a seal pup is no "make a win certain")."""
    listed = title_words()
    if word.kind != "word" or (word.lemma, word.pos) in listed:
        return
    form = word.mentions[0].text.lower() if word.mentions else ""
    entry = learner_dictionary().get(form)
    if (form, "a") in listed or entry is not None and (entry.verdict, entry.pos) == ("gloss", "a"):
        word.key = word.lemma = form  # "pardons ailing ex-president", "retracts discredited
        word.pos = "a"  # paper": the adjective, not the verb "ail" the tagger read
        return
    others = [pos for (lemma, pos) in listed if lemma == word.lemma]
    if len(others) == 1 and listed[(word.lemma, others[0])][0].cues:
        word.pos = others[0]
    elif (
        not others
        and entry is not None
        and entry.verdict == "gloss"
        and form != word.lemma
        and word.lemma not in learner_dictionary()
    ):
        word.key = word.lemma = form  # "NSA whistleblower Edward Snowden": an adjective to
        word.pos = entry.pos  # the tagger, whose "whistleblow" no dictionary holds


def _listed_headline_word(lemma: str, pos: str, title_only: bool) -> bool:
    """The title words file has a line for the word: in the part of speech it is tagged
    in, or in any when it is met in the title alone, whose tags are a guess ("jet ditches
    in Hudson" tagged a noun: _headline_part_of_speech)."""
    listed = title_words()
    return (lemma, pos) in listed or title_only and any((lemma, p) in listed for p in "nva")


def _rare_words(
    analysis: Analysis, grade: int, names: list[Thing], titled: frozenset[str] = frozenset()
) -> list[Thing]:
    named_tokens = {
        (m.paragraph, i) for t in names for m in t.mentions for i in range(m.start, m.end)
    }
    return _words_in(enumerate(analysis.docs), grade, named_tokens, titled)


def _words_in(
    docs: Iterable[tuple[int, Doc]],
    grade: int,
    named_tokens: set[tuple[int, int]],
    titled: frozenset[str] = frozenset(),
    title: bool = False,
) -> list[Thing]:
    threshold = zipf_threshold(grade)
    words: dict[str, Thing] = {}
    tags: dict[str, Counter[str]] = {}
    for index, doc in docs:
        if is_boilerplate(doc_text(doc)):
            continue
        for token in doc:
            if (index, token.i) in named_tokens:
                continue
            if not (_word_candidate(token, titled) or _capitalised_word(token)):
                continue
            lemma = token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()
            rarity = max(zipf(token.lower_), zipf(lemma))
            pos = SPACY_POS[token.pos_]
            if (
                rarity >= threshold
                and not _hard_for_the_grade(lemma, rarity, threshold)
                and not (lemma in titled and _listed_headline_word(lemma, pos, title))
            ):
                continue  # (a headline's word in its news sense: "strike", "curb")
            if pos == "a" and _noun_as_modifier(lemma):
                pos = "n"  # "dengue death": the noun in front of another
            key = lemma  # one entry per word, whatever the tagger said of each use
            thing = words.setdefault(
                key, Thing(key=key, kind="word", pos=pos, lemma=lemma, rarity=rarity)
            )
            thing.mentions.append(Mention(index, doc, token.i, token.i + 1, token.text))
            tags.setdefault(key, Counter())[pos] += 1
    for key, thing in words.items():
        # the part of speech of most uses, a noun on a tie: "died from dengue" and "one
        # dengue death" are the disease, not an adjective
        thing.pos = max(tags[key], key=lambda p: (tags[key][p], p == "n", p == thing.pos))
    return list(words.values())


def _drop_pieces_of_names(words: list[Thing], names: list[Thing]) -> None:
    """A word the article only writes with a capital that is also a word of one of its
    names ("Parsons said ..." after "May Parsons"; "Bismuth" of the alias "Paul
    Bismuth"): the name again, not the word ("parson", the metal)."""
    in_names = {
        w
        for t in names
        if t.kind != "name"  # (not a run of capitals the recogniser left alone: "the
        # African Ebola epidemic" is no name, and Ebola the word the dictionary glosses)
        for m in t.mentions
        for w in m.text.split()
        if w[:1].isupper()
    }
    for word in words:
        texts = [m.text for m in word.mentions]
        if texts and all(t[:1].isupper() for t in texts) and any(t in in_names for t in texts):
            word.mentions = []


def _capitalised_word(token) -> bool:
    """A noun the tagger took for a name ("died from dengue") or that news capitalises
    ("Ebola"), left alone by the entity recogniser, that the learner dictionary glosses
    as a word: the disease is a word to explain, not a name."""
    if not (token.pos_ == "PROPN" and token.is_alpha and not token.ent_type_):
        return False
    if not (token.text[1:].islower() and len(token.text) >= 4):
        return False
    senses = get_wordnet().synsets(token.lower_, "n")
    # not a word that also names one thing ("Mercury" the planet, not the metal), nor one
    # listed with names ("the Camry, the Corolla, the Tundra": a model, not the plain)
    return (
        _glossed_noun(token.lower_)
        and not any(s.instance for s in senses)
        and not any(_named_conjunct(c) for c in token.conjuncts)
        and not named_machine(token)
    )


def named_machine(token) -> bool:
    """A capitalised word right after a noun for a made thing is that thing's name ("the
    space shuttle Endeavour", "Nasa orbiter Galileo"), not the word ("a serious effort")
    nor the astronomer (after it, the noun is something of the name's: "FDA panel")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is None or before.pos_ != "NOUN" or not before.text.islower():
        return False
    senses = get_wordnet().synsets(before.lemma_, "n")[:1]
    return bool(senses) and senses[0].lexname == ARTIFACT_LEXNAME


def _named_conjunct(token) -> bool:
    """A capitalised word in a list that no dictionary knows: a name ("Camry")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and _unknown_word(token)


def _glossed_noun(word: str) -> bool:
    entry = learner_dictionary().get(word)
    return entry is not None and entry.verdict == "gloss" and entry.pos == "n"


def _noun_as_modifier(lemma: str) -> bool:
    """An "adjective" that is only a noun, to the dictionary (or the title words file:
    "anti-doping", "doping violations") and to WordNet."""
    listed = title_words()
    only_a_noun = (lemma, "n") in listed and (lemma, "a") not in listed
    return (_glossed_noun(lemma) or only_a_noun) and not get_wordnet().synsets(lemma, "a")


# a word this common in print is a candidate only when the learner dictionary, written for
# grade 8, still calls it hard ("tariff", "asylum"; not "teenager")
DICTIONARY_CEILING = 4.7


def _hard_for_the_grade(lemma: str, rarity: float, threshold: float) -> bool:
    if rarity >= DICTIONARY_CEILING or threshold < zipf_threshold(8):
        return False  # the dictionary's verdicts are for grade 8 and younger readers
    entry = learner_dictionary().get(lemma)
    if entry is not None and entry.verdict == "ambiguous":
        # a word of several news meanings, one of them worth a line ("graft")
        return any(sense.definition for sense in learner_senses().get((lemma, entry.pos), ()))
    return entry is not None and entry.verdict == "gloss"


def _before(a: Mention, b: Mention) -> bool:
    return (a.paragraph, a.start) < (b.paragraph, b.start)


# a two-word term of WordNet's is rare enough to gloss below this (a headline's own pair
# up to TITLE_COMPOUND_ZIPF: "nerve agent" 4.1, "genetic code" 4.3, "birth rate" 4.6,
# which the story is about)
COMPOUND_ZIPF = 4.0
TITLE_COMPOUND_ZIPF = 4.7
# a learner dictionary's phrase in the title only, up to "world powers" (5.4): the
# dictionary has judged it worth a line, and wordfreq's figure for a phrase is only an
# estimate from its words
TITLE_PHRASE_ZIPF = 5.5


def _compound_terms(
    analysis: Analysis, names: list[Thing], words: list[Thing], title: str = ""
) -> list[Thing]:
    """Two-word terms that WordNet or the learner dictionary knows as one entry: "clean
    room", "solar array", "gas giant", "death toll". Their single words are then not
    glossed on their own."""
    headline = " ".join(re.findall(r"[a-z]+", title.lower()))

    wordnet = get_wordnet()
    named = {(m.paragraph, i) for t in names for m in t.mentions for i in range(m.start, m.end)}
    found: dict[str, Thing] = {}
    for index, doc in enumerate(analysis.docs):
        for token in doc:
            head = token.head
            if (
                token.dep_ not in ("compound", "amod")
                or head.i != token.i + 1
                or not _common_noun(head)
                or not token.is_alpha
                or not token.text.islower()
                or (index, token.i) in named
                or token.is_stop and not _glossed_noun(f"{token.lower_} {head.lemma_.lower()}")
            ):
                continue  # (a stop word only in a phrase the dictionary glosses: "first
                # responders")
            lemma = f"{token.lower_} {head.lemma_.lower()}"
            rarity = zipf(lemma)
            titled = _in_headline(token, head, headline)
            ceiling = TITLE_COMPOUND_ZIPF if titled else COMPOUND_ZIPF
            listed_ceiling = TITLE_PHRASE_ZIPF if titled else DICTIONARY_CEILING
            if not (
                rarity < ceiling and wordnet.synsets(lemma, "n")
                or rarity < listed_ceiling and _glossed_noun(lemma)
            ):
                continue  # (the learner dictionary's phrases, which it has judged worth a
                # line, up to its ceiling: "death toll", "underlying condition"; in the
                # title as high as a title's own phrases: "saves two match points")
            thing = found.setdefault(
                lemma, Thing(key=lemma, kind="phrase", pos="n", lemma=lemma, rarity=rarity)
            )
            thing.mentions.append(
                Mention(index, doc, token.i, head.i + 1, doc[token.i : head.i + 1].text)
            )
    _cover(words, list(found.values()))
    return list(found.values())


def _common_noun(token) -> bool:
    """A noun, or a word in lower case that the small model tagged a proper noun ("known
    as swine flu": "swine flu" a name to the tagger)."""
    return token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.text.islower()


# ---------------------------------------------------------------------------- phrases


@lru_cache(maxsize=1)
def _phrase_index() -> dict[int, list[tuple[tuple[int, ...], str]]]:
    """The learner dictionary's glossed phrases of more than one token, as the tokenizer
    splits them ("hat-trick": hat, -, trick), each word by its hash in the pipeline's
    string store, by their first word (matching hashes makes no spaCy token objects:
    the finder runs over every word of the article)."""
    nlp = load_nlp()
    index: dict[int, list[tuple[tuple[int, ...], str]]] = {}
    for word, entry in learner_dictionary().items():
        if entry.verdict != "gloss" or not re.search(r"[ -]", word):
            continue
        tokens = tuple(nlp.vocab.strings.add(t.lower_) for t in nlp.tokenizer(word))
        if len(tokens) > 1:
            index.setdefault(tokens[0], []).append((tokens, word))
    for found in index.values():
        found.sort(key=lambda item: -len(item[0]))  # the longest first
    return index


def phrase_matches(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, dictionary phrase) for each glossed phrase of the learner dictionary
    in `doc`, a word matching by its own form or its base form ("boards of directors",
    "war crimes", "sworn in"); the longest where two overlap."""
    index = _phrase_index()
    words = doc.to_array([LOWER, LEMMA]).tolist() if len(doc) else []
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        match = _phrase_at(words, i, index)
        if match is not None:
            found.append(match)
        i = match[1] if match is not None else i + 1
    return found


def _phrase_at(
    words: list[list[int]], i: int, index: dict[int, list[tuple[tuple[int, ...], str]]]
) -> tuple[int, int, str] | None:
    """The longest phrase starting at word `i` (each word its [form, base form])."""
    lower, lemma = words[i]
    for tokens, key in index.get(lower, []) + (index.get(lemma, []) if lemma != lower else []):
        end = i + len(tokens)
        if end <= len(words) and all(word in words[i + k] for k, word in enumerate(tokens)):
            return i, end, key
    return None


def _particle(doc: Doc, start: int, end: int) -> bool:
    """Two words, the second a particle of the first: "sworn in"."""
    second = doc[start + 1]
    return end - start == 2 and second.head.i == start and second.dep_ in ("prt", "prep")


def _modified(doc: Doc, start: int, end: int) -> bool:
    """Two words, the first modifying the second: "war crimes"; not two words that only
    stand side by side ("a world power grid")."""
    first = doc[start]
    return end - start == 2 and first.head.i == start + 1 and first.dep_ in ("compound", "amod")


def _capitalised_name(span: Span) -> bool:
    """Every word of the phrase capitalised, not at a sentence's start: a name ("the U.S.
    Chamber of Commerce"), not the dictionary's phrase."""
    return not span[0].is_sent_start and all(
        t.text[:1].isupper() for t in span if not t.is_stop and t.is_alpha
    )


def phrases_in(
    docs: Iterable[tuple[int, Doc]],
    named_tokens: Set[tuple[int, int]],
    ceiling: float,
    title: bool = False,
) -> list[Thing]:
    """The learner dictionary's phrases in `docs` ("state of emergency", "hat-trick",
    "sworn in"), one Thing each, below the `ceiling` of word frequency; none that runs
    into a name. Two words modifying one another are _compound_terms' in an article's
    paragraphs; in its `title`, they are this finder's ("death toll rises")."""
    dictionary = learner_dictionary()
    found: dict[str, Thing] = {}
    for index, doc in docs:
        if is_boilerplate(doc_text(doc)):
            continue
        for start, end, key in phrase_matches(doc):
            if any((index, i) in named_tokens for i in range(start, end)):
                continue
            pair = end - start == 2
            if pair and not (_particle(doc, start, end) or title and _modified(doc, start, end)):
                continue
            if zipf(key) >= ceiling or not title and _capitalised_name(doc[start:end]):
                continue
            thing = found.setdefault(
                key,
                Thing(key=key, kind="phrase", pos=dictionary[key].pos, lemma=key, rarity=zipf(key)),
            )
            thing.mentions.append(Mention(index, doc, start, end, doc[start:end].text))
    return list(found.values())


def _dictionary_phrases(
    analysis: Analysis, names: list[Thing], words: list[Thing]
) -> list[Thing]:
    """The learner dictionary's phrases that the pairs of _compound_terms miss: three
    words or more ("state of emergency", "hat-trick") and a verb's particle ("sworn
    in"). The words inside them are then not glossed on their own."""
    named = {(m.paragraph, i) for t in names for m in t.mentions for i in range(m.start, m.end)}
    found = phrases_in(enumerate(analysis.docs), named, DICTIONARY_CEILING)
    _cover(words, found)
    return found


def _cover(words: list[Thing], phrases: list[Thing]) -> None:
    """A word met only inside the phrases found is not glossed on its own."""
    covered = {
        (m.paragraph, i) for t in phrases for m in t.mentions for i in range(m.start, m.end)
    }
    for word in words:
        if word.kind != "phrase" and all((m.paragraph, m.start) in covered for m in word.mentions):
            word.mentions = []


def _in_headline(token, head, headline: str) -> bool:
    """The pair stands in the title as the article writes it ("nerve agent"), or in the
    plural ("saves two match points", then "the first match point")."""
    padded = f" {headline} "
    return any(
        f" {token.lower_} {form}{ending} " in padded
        for form in {head.lower_, head.lemma_.lower()}
        for ending in ("", "s", "es")
    )


def _word_candidate(token, titled: frozenset[str] = frozenset()) -> bool:
    return (
        token.is_alpha
        and token.pos_ in ("NOUN", "VERB", "ADJ")
        and not token.is_stop
        and (len(token.text) >= 4 or _short_headline_word(token, titled))
        and (token.text.islower() or (token.is_sent_start and token.text[1:].islower()))
        and not token.ent_type_
    )


def _short_headline_word(token, titled: frozenset[str]) -> bool:
    """A word of three letters the title uses in the title words file's sense, with the
    topic words senses.py checks it by: "labour row escalates", "treble cap", "Covid
    jab" (a line without them, "bid", would be given to every "in a bid to")."""
    lemma = token.lemma_.lower()
    senses = title_words().get((lemma, SPACY_POS.get(token.pos_, "")), ())
    return lemma in titled and bool(senses) and bool(senses[0].cues)


# ---------------------------------------------------------------------------- filters


def _excluded(thing: Thing, headline: Set[str] = frozenset()) -> bool:
    """Never glossed: weekdays, dates, numbers, news outlets, well-known countries. A
    common one-word name the title uses is left to the glossary's rules ("FIFA officials
    arrested", "IOC bans Russia": letters a headline leaves the reader to spell out)."""
    key = thing.key
    if key in WEEKDAYS_MONTHS or key in NEWS_OUTLETS or not re.search(r"[a-z]{2}", key):
        return True
    if thing.is_name and _is_outlet(thing):
        return True
    if thing.is_name and len(key.split()) == 1 and thing.rarity >= 4.2 and key not in headline:
        return True  # NASA, Google, Mars: names every student knows
    return thing.kind == "place" and len(key.split()) == 1 and thing.rarity >= 4.0


SPOKEN_TO_VERBS = {"tell", "say", "speak", "talk", "explain", "write", "accord"}


def _is_outlet(thing: Thing) -> bool:
    """An organisation used the way a news outlet is: "X could not verify", "told X"."""
    if thing.kind not in ("group", "acronym", "name"):
        return False
    outlet_uses = 0
    for mention in thing.mentions:
        head = mention.span.root
        verb = head.head
        if (
            head.dep_ in ("nsubj", "nsubjpass")
            and verb.lemma_ in OUTLET_VERBS
            or head.dep_ in ("dobj", "dative")
            and verb.lemma_ == "tell"
            or head.dep_ == "pobj"
            and verb.lower_ == "to"
            and verb.head.lemma_ in SPOKEN_TO_VERBS
        ):  # (but "fly him to the Maldives" is no outlet use)
            outlet_uses += 1
    return outlet_uses > 0 and outlet_uses * 2 >= len(thing.mentions)


def display_name(thing: Thing) -> str:
    """The fullest form of a name the article uses (its first full mention)."""
    forms = [m.text for m in sorted(thing.mentions, key=lambda m: (m.paragraph, m.start))]
    longest = max(len(f.split()) for f in forms)
    return next(f for f in forms if len(f.split()) == longest)


class Resolver:
    """Names the Thing a token belongs to ("Masood" -> "Ahmed Shah Masood")."""

    def __init__(self, things: list[Thing]):
        self.things = things
        self.country: str | None = None  # the one country the article names, once known
        self.owner: dict[tuple[int, int], Thing] = {}
        self.by_form: dict[str, Thing] = {}
        for thing in things:
            for m in thing.mentions:
                for i in range(m.start, m.end):
                    self.owner[(id(m.doc), i)] = thing
            for form in thing.forms if thing.is_name else ():
                self.by_form.setdefault(form, thing)

    def thing_of(self, token: Token) -> Thing | None:
        """The thing this token is part of, or one the article names with its text
        elsewhere (the parser can miss a name in one sentence)."""
        return self.owner.get((id(token.doc), token.i)) or self.by_form.get(token.text)

    def __call__(self, token: Token | Span) -> str:
        first = token[0] if isinstance(token, Span) else token
        thing = self.thing_of(first)
        if thing is not None and thing.is_name:
            return display_name(thing)
        return token.text if isinstance(token, Span) else first.text


def resolver_for(things: list[Thing]) -> Resolver:
    return Resolver(things)
