"""Glossary generation: which terms to gloss, where, and with which definition.

Each thing (see companion.generation.terms) gets at most one entry in the lesson, under the passage
where it first appears, with the sentence that supports its definition as evidence.
Entries are ranked in each passage by difficulty for the grade, importance in the article
and confidence in the definition, and the best N are kept (see docs/glossary.md).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Set
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from companion.common.occurrence import term_in_text, term_pattern
from companion.common.suitability import sensitive_words, unsuitable_words
from companion.common.wordnet import get_wordnet
from companion.generation.analysis import COMMON_ZIPF, zipf
from companion.generation.clauses import joining_hyphen
from companion.generation.context import Context
from companion.generation.context_lines import context_line, country_sense
from companion.generation.definitions import (
    RELATIONAL_START,
    Definition,
    article_explanation,
    shared_definition,
    shorten,
)
from companion.generation.learner_dictionary import LearnerEntry, news_names, title_words
from companion.generation.senses import SenseChooser, always_possessive
from companion.generation.terms import (
    COUNTRY_LINE,
    LAND,
    LOCATION_LEXNAME,
    Mention,
    Thing,
    display_name,
    family_name_first,
    initials,
    normal_key,
    resolver_for,
    spelling_variants,
    title_lemmas,
    title_only_words,
    zipf_threshold,
)
from companion.lesson.model import DRAFT, GlossaryEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc

CENTRAL_PARAGRAPHS = 2  # a name met in two paragraphs is one to know
WELL_KNOWN_ZIPF = 3.6  # Las Vegas 4.0, Jupiter 3.7; Kabul 3.4, Strasbourg 3.2
# a place every student knows, left out even when the title names it: New York 5.3,
# Paris 4.8, Mexico 4.75 (reviewers: "common, like United States"); North Korea 4.6 and
# Haiti 3.7 were accepted in titles, New Zealand 4.5 rejected twice
HOUSEHOLD_PLACE_ZIPF = 4.7
HOUSEHOLD_COUNTRY_ZIPF = 4.4  # Brazil 4.6, South Korea 4.6; Chile 4.1, Nepal 3.8
FORMER = re.compile(r"(?:an? )?former\b")  # "former communist country in central Europe"
COUNTRY_SHORT_FORMS = frozenset({"US", "U.S.", "USA", "U.S.A.", "UK", "U.K."})
WELL_KNOWN_GROUP_ZIPF = 4.6  # United Nations 4.7, Congress 4.9; FDA's full name 4.5
# WordNet lexicographer files of concrete everyday words: noun.animal, noun.artifact,
# noun.body, noun.food, noun.plant, verb.body, verb.consumption
# noun.animal, artifact, body, food, plant, quantity (litre, kilogram); verb.body, consumption
EVERYDAY_LEXNAMES = frozenset({5, 6, 8, 13, 20, 23, 29, 34})
QUANTITY_LEXNAME = 23
LIVING_LEXNAMES = frozenset({5, 13, 20})  # noun.animal, noun.food, noun.plant
TRANSPARENT_SUFFIXES = ("able", "ible", "less", "ness", "ers", "er", "ors", "or", "dom", "ing")
COMPOUND_PART_ZIPF = 3.5  # "hail" + "storm": parts a reader knows, the gloss built on them
COMMON_BASE_ZIPF = 4.0  # "break" 5.2, "reach" 5.0; "access" 4.6 but "inaccess" is no word
MIN_NAME_DEFINITION_WORDS = 3
ROLE_OF = ("leader of", "head of", "founder of", "chair of")  # roles tied to a group
# a definition word rarer than this is jargon for grade 8: "brooding", "hydrocarbons",
# "premeditated" (reviewed: 11 of 16 entries with a word of 2.9-3.15 rejected);
# "fundamentalist" (3.16) stays
JARGON_ZIPF = 3.15
# a prefix on a common word is read from its parts ("unanswered", "misstep", "overdue")
TRANSPARENT_PREFIXES = ("un", "non", "dis", "im", "in", "mis", "over", "under", "out", "super")
PREFIXES = ("multi", "anti", "non", "inter", "over", "under", "semi", "super", "pre", "re", "un")
# a role tied to something: "spokesman for the Center for ...", "chief of ... at ..."
ANCHORED = re.compile(r"\b(?:of|for|at|in|with|from|on|between)\b")
VAGUE_REFERENT = re.compile(  # "spokesman for the opposition coalition party": which?
    r"\bthe (?:[a-z]+ ){0,2}(?:group|company|organization|organisation|team|party|agency|firm"
    r"|club|coalition|alliance|movement|union)$"
)

NAME_WEIGHT = {
    "person": 0.35,
    "group": 0.35,
    "place": 0.25,
    "event": 0.3,
    "work": 0.2,
    "name": 0.2,
    "acronym": 0.25,
}


def build_glossary(context: Context, things: list[Thing]) -> list[list[GlossaryEntry]]:
    """Glossary entries for each passage of the lesson, from the article's things."""
    analysis = context.analysis
    resolve = resolver_for(things)
    article_lemmas = {
        t.lemma_.lower() if t.text not in COUNTRY_SHORT_FORMS else t.lower_
        for doc in analysis.docs
        for t in doc
        if t.is_alpha and not t.is_stop or t.text in COUNTRY_SHORT_FORMS
    }  # "US" is a stop word ("us"), and "U.S." no word: both say the United States
    chooser = SenseChooser(get_wordnet(), article_lemmas, "\n".join(analysis.paragraphs))
    per_passage: list[list[tuple[float, bool, GlossaryEntry]]] = [[] for _ in context.drafts]
    drafts: list[list[GlossaryEntry]] = [[] for _ in context.drafts]
    from_title = title_only_words(
        context.title, analysis, article_lemmas, context.options.grade, {t.key for t in things}
    )
    from_title_ids = {id(t) for t in from_title}
    titled: set[int] = set()  # the entries of words only the title uses
    headline: set[int] = set()  # the entries of every term the title names
    for thing in things + from_title:
        title_only = id(thing) in from_title_ids
        if context.avoids(display_name(thing)):
            thing = _without_avoided_forms(thing, context)
            if thing is None:
                continue
        definition = define(thing, context, chooser, resolve)
        if definition is None:
            draft = draft_entry(thing, context, chooser, resolve)
            if draft is not None:
                drafts[context.passage_of(thing.first.paragraph)].append(draft)
            continue
        passage = context.passage_of(thing.first.paragraph)
        evidence = evidence_for(thing, definition, context, passage)
        if unsuitable_words(evidence) or sensitive_words(evidence):
            continue  # "... he shouted [a profanity] ..., the league said it would review
            # the outburst": no entry shows students that sentence
        heading = _heading(thing, definition, term_in_passage(thing, context, passage), chooser)
        if heading is None:
            continue
        definition = _for_a_people_word(heading, thing, definition, context)
        if definition is None:
            continue
        entry = GlossaryEntry(
            term=heading,
            definition=definition.text,
            source=definition.source,
            evidence=evidence,
            status="generated",
        )
        titled_term = in_title(thing, context)
        entry_score = score(thing, definition, context.options.grade, titled_term)
        per_passage[passage].append((entry_score, not thing.is_name, entry))
        if title_only:
            titled.add(id(entry))
        if titled_term and (thing.is_name or term_in_text(heading, context.title)):
            headline.add(id(entry))  # (a word as a word: not "arms" in "harms")
    add_shared_terms(per_passage, context)
    limit = context.options.glossary_per_passage
    result = []
    glossed: list[set[str]] = []
    defined: set[str] = set()
    named: set[str] = set()
    for scored in per_passage:
        scored = [
            item
            for item in scored
            if not _part_of_glossed(item[2], glossed) and not _variant_of_glossed(item[2], glossed)
        ]
        scored = _one_per_definition(scored, defined)
        scored = _no_acronym_of_a_glossed_phrase(scored, named, context)
        scored = _not_of_a_glossed_name(scored, named)
        best = pick(_one_per_stem(scored, context.title), limit, headline)
        named |= {normal_key(e.term) for e in best}
        glossed += [set(normal_key(e.term).split()) for e in best]
        defined |= {e.definition.lower() for e in best}
        # Keep the kept entries in reading order, the order a student meets them (the
        # title's own words first).
        result.append(sorted(best, key=lambda e: _first_position(e, context, titled)))
    for entries, passage_drafts in zip(result, drafts, strict=True):
        entries += passage_drafts[:MAX_DRAFTS_PER_PASSAGE]
    return result


def _without_avoided_forms(thing: Thing, context: Context) -> Thing | None:
    """The thing named only by its forms without a word to avoid ("Hosni Mubarak", where
    "Mohammed" of "President Mohammed Hosni Mubarak" looks like a garbled "Mohamed");
    None when every form has one."""
    kept = [m for m in thing.mentions if not context.avoids(m.text)]
    return replace(thing, mentions=kept) if kept else None


ACRONYM_TERM = re.compile(r"[A-Z]{2,6}")


def _no_acronym_of_a_glossed_phrase(
    scored: list[tuple[float, bool, GlossaryEntry]], named: set[str], context: Context
) -> list[tuple[float, bool, GlossaryEntry]]:
    """An acronym and the phrase of its initials, each glossed ("initial public offering
    ... The IPO", the phrase in small letters, so the two were never one thing): the one
    the title or else the article writes first keeps its entry (reviewers: the second
    was a duplicate).
    A phrase glossed in an earlier passage always stands."""

    def first(term: str) -> int:  # (the title's, first of all: "... hold IPO price")
        return -1 if term_in_text(term, context.title) else _article_position(term, context)

    phrases = {initials(e.term): e.term for _, _, e in scored if " " in e.term}
    earlier = {initials(key) for key in named if " " in key}
    later: set[str] = set()
    for _, _, entry in scored:
        phrase = phrases.get(entry.term)
        if ACRONYM_TERM.fullmatch(entry.term) and phrase is not None:
            later.add(entry.term if first(phrase) < first(entry.term) else phrase)
    return [
        item
        for item in scored
        if item[2].term not in later
        and not (ACRONYM_TERM.fullmatch(item[2].term) and item[2].term in earlier)
    ]


def _heading(
    thing: Thing, definition: Definition, term: str, chooser: SenseChooser
) -> str | None:
    """A learner dictionary line defines the singular, or a verb's base form: "meteorite"
    heads it where the passage says "meteorites", "concede" where it says "conceded"
    (the page still marks the passage's form), in the article's spelling ("scrutinise").
    None for a verb whose form the base cannot head ("fled", "upheld"): its line, "run
    away from danger", would not fit the word the student reads."""
    entry = None if thing.is_name else chooser.dictionary_entry(thing)
    lines = [] if thing.is_name else [title_words().get((thing.lemma, pos), ()) for pos in "nva"]
    headline = next((h for h in itertools.chain(*lines) if h.definition == definition.text), None)
    if headline is not None:
        entry = LearnerEntry(headline.word, headline.pos, "gloss", headline.definition)
        # (a headline's word: "charge" heads "accuse someone officially of a crime")
    if definition.source != "dictionary" or entry is None or term.lower() == entry.word:
        return term
    for base in (entry.word, thing.lemma.lower()):
        if term_pattern(base).fullmatch(term):
            return base[:1].upper() + base[1:] if term[:1].isupper() else base  # "Briton"
    return None if entry.pos == "v" else term


def _for_a_people_word(
    heading: str, thing: Thing, definition: Definition, context: Context
) -> Definition | None:
    """A place's entry headed by its people's word, as the passage writes it
    ("Singaporean", "Senegalese economist", "Sumatran rhino"), says whose: "of
    Singapore, small, wealthy island country ..." (reviewers: the place's line alone is
    not what the word is); and only where the place is the story's, in its title or in
    PEOPLE_WORD_PARAGRAPHS of its paragraphs: a rescue ship's flag or an economist's
    nationality is incidental."""
    if thing.kind != "place" or not LAND.match(definition.text):
        return definition  # (LAND's heads hold COUNTRY_LINE's: country, kingdom ...)
    for sense in get_wordnet().synsets(heading, "a"):
        if sense.pertainyms:
            country = get_wordnet().synset(sense.pertainyms[0], "n").lemmas[0]
            if country == heading:
                continue
            paragraphs = len({m.paragraph for m in thing.mentions})
            if paragraphs < PEOPLE_WORD_PARAGRAPHS and not in_title(thing, context):
                return None
            return replace(definition, text=f"of {country}, {definition.text}")
    return definition


PEOPLE_WORD_PARAGRAPHS = 3


DRAFT_PARAGRAPHS = 3  # a name met in three paragraphs (or the title) is central
MAX_DRAFTS_PER_PASSAGE = 2


def draft_entry(
    thing: Thing, context: Context, chooser: SenseChooser, resolve
) -> GlossaryEntry | None:
    """For a central person, group or place with no definition the generator trusts, an
    entry with status needs-review and the best line it found, for the teacher to correct:
    students do not see it until the teacher accepts it ("Maria Sharapova: soprano" is a
    line of the article, not what she is)."""
    if not thing.is_name or thing.kind not in ("person", "group", "place"):
        return None
    titled = in_title(thing, context)
    if not titled and len({m.paragraph for m in thing.mentions}) < DRAFT_PARAGRAPHS:
        return None
    household = WELL_KNOWN_GROUP_ZIPF if thing.kind == "group" else 0.0
    if well_known(thing, household) and not (titled and thing.kind != "group"):
        return None  # a household name is left out on purpose, not for want of a line
    if _not_what_it_names(thing):
        return None  # Jupiter; Northampton the rugby team
    found = _define(thing, context, chooser, resolve) or context_line(thing, resolve)
    if found is None or not found.text.strip():
        return None
    if thing.kind == "place" and _household_country(thing, found):
        return None
    passage = context.passage_of(thing.first.paragraph)
    return GlossaryEntry(
        term=term_in_passage(thing, context, passage),
        definition=found.text,
        source=found.source,
        evidence=evidence_for(thing, found, context, passage),
        status=DRAFT,
    )


def _part_of_glossed(entry: GlossaryEntry, glossed: list[set[str]]) -> bool:
    """A word that is part of a glossed compound, or a compound holding a glossed word
    ("additives" and "food additives"): one entry is enough. Names are left alone
    ("Ahmed Masood" is not part of "Ahmed Shah Masood")."""
    if not entry.term[:1].islower():
        return False
    words = {_singular(w) for w in normal_key(entry.term).split()}
    # (in the singular: "accord" is part of the "Abraham Accords" glossed before)
    return any(
        words <= (other := {_singular(w) for w in others}) or other <= words
        for others in glossed
        if others
    )


def _one_per_definition(
    scored: list[tuple[float, bool, GlossaryEntry]], defined: set[str]
) -> list[tuple[float, bool, GlossaryEntry]]:
    """One entry per line: two names of one person the article kept apart ("El Chapo"
    and "Joaquín Guzmán") would show the student the same line twice. The best scored
    stays, unless an earlier passage already gave that line."""
    kept: list[tuple[float, bool, GlossaryEntry]] = []
    seen = set(defined)
    for item in sorted(scored, key=lambda s: -s[0]):
        line = item[2].definition.lower()
        if line in seen:
            continue
        seen.add(line)
        kept.append(item)
    return kept


def _variant_of_glossed(entry: GlossaryEntry, glossed: list[set[str]]) -> bool:
    """A word one letter from a word glossed in an earlier passage ("ascent" after
    "ascend"), or of its family ("provincial" after "province"; the same rule as in one
    passage, _one_per_stem): to a reader, the same entry twice."""
    if not entry.term[:1].islower() or " " in entry.term:
        return False
    key = normal_key(entry.term)
    words = [next(iter(other)) for other in glossed if len(other) == 1]
    return any(spelling_variants(key, word) or _same_family(key, word) for word in words)


STEM_LETTERS = 5  # "bribes" and "bribery", "fanatic" and "fanatical"


def _same_family(a: str, b: str) -> bool:
    """One word family: the same first letters, or a form WordNet derives from the other
    ("retain" and "retention", "emit" and "emitter", whose first letters part)."""
    if a[:STEM_LETTERS] == b[:STEM_LETTERS]:
        return True
    wordnet = get_wordnet()
    return b in wordnet.derived_words(a) or a in wordnet.derived_words(b)


def _not_of_a_glossed_name(
    scored: list[tuple[float, bool, GlossaryEntry]], named: set[str]
) -> list[tuple[float, bool, GlossaryEntry]]:
    """ "Maltese: of Malta, a republic ..." beside "Malta": the adjective's line is the
    name's entry again (a name of this passage, or one glossed before)."""
    here = named | {normal_key(e.term) for _, _, e in scored}

    def again(entry: GlossaryEntry) -> bool:
        match = re.match(r"of (?:the )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)", entry.definition)
        return match is not None and normal_key(match.group(1)) in here - {normal_key(entry.term)}

    return [item for item in scored if not again(item[2])]


def _one_per_stem(
    scored: list[tuple[float, bool, GlossaryEntry]], title: str = ""
) -> list[tuple[float, bool, GlossaryEntry]]:
    """Of two words of one family in a passage ("bribes" beside "bribery"), one: the
    second entry only repeats the first. The title's word stays ("prosecutor" in a title
    about one, not the passage's "prosecuted"); then a plural gives way ("bribes" is a
    form of the plainer word), then the more common word."""
    kept: list[tuple[float, bool, GlossaryEntry]] = []
    def order(item: tuple[float, bool, GlossaryEntry]) -> tuple:
        return (not term_in_text(item[2].term, title), *_family_order(item))

    heads = {_singular(_name_head(e.term)) for _, word, e in scored if not word} - {""}
    for item in sorted(scored, key=order):
        term = item[2].term.lower()
        if item[1] and " " not in term and _singular(term) in heads:
            continue  # "accord" beside the "Abraham Accords": part of a glossed name
        if (
            item[1]
            and " " not in term
            and any(other[1] and _same_family(other[2].term.lower(), term) for other in kept)
        ):
            continue
        kept.append(item)
    return kept


def _name_head(term: str) -> str:
    """The last word of a name of two words or more ("Accords"), or ""."""
    words = term.split(" (")[0].split()
    return words[-1].lower() if len(words) > 1 and words[-1][:1].isupper() else ""


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _family_order(item: tuple[float, bool, GlossaryEntry]) -> tuple[bool, float, str]:
    term = item[2].term.lower()
    return (term.endswith("s") and not term.endswith("ss"), zipf(term), term)


TITLE_EXTRA = 2  # places a passage may add beyond its limit for the title's terms ...
TITLE_EXTRA_FROM = 5  # ... when the limit is this or more (the default): a teacher who
# asks for fewer entries a passage gets no more than asked


def pick(
    scored: list[tuple[float, bool, GlossaryEntry]], limit: int, headline: Set[int] = frozenset()
) -> list[GlossaryEntry]:
    """The best `limit` entries, keeping one place for a vocabulary word when the passage
    has one: names must not crowd out the words students most need to learn. The terms
    the title names (ids in `headline`) do not count against the limit, up to
    TITLE_EXTRA of them: the story is about them ("crackdown" and "exodus" in a title that
    also names the UN, Myanmar and the Rohingya), and the passage's own hard words keep
    their places."""
    ranked = sorted(scored, key=lambda s: (-s[0], s[2].term.lower()))
    if limit >= TITLE_EXTRA_FROM:
        limit += min(TITLE_EXTRA, sum(1 for s in ranked if id(s[2]) in headline))
    chosen = ranked[:limit]
    if limit >= 3 and not any(is_word for _, is_word, _ in chosen):
        word = next((s for s in ranked if s[1]), None)
        if word is not None:
            chosen = [*ranked[: limit - 1], word]
    return [entry for _, _, entry in chosen]


def define(thing: Thing, context: Context, chooser: SenseChooser, resolve) -> Definition | None:
    shared = shared_definition(thing, context.options.shared_glossary)
    if shared:
        return shared
    if re.fullmatch(r"[A-Z]{2}", thing.first.text) and not (
        thing.expansion or _initials_in_title(thing, context)
    ):
        return None  # "(OV)": a reporter's initials as often as a body the article never
        # spells out (WordNet: "Orange Volunteers"); but "... as BP tests new cap"
    if thing.kind in ("person", "place") and not central(thing, context):
        return None  # a one-off person or place: its role is in its sentence, or incidental
    if thing.kind == "name" and _split_name(thing) and not central(thing, context):
        return None  # "Graf" of "Steffi Graf", which the parse split: a one-off person
    if thing.kind in ("person", "place") and well_known(thing) and not in_title(thing, context):
        return None  # Las Vegas, Jupiter, Paris Hilton: students know them
    if thing.kind == "place" and well_known(thing, HOUSEHOLD_PLACE_ZIPF) and not (
        _former_state(thing, chooser)
    ):
        return None  # New Zealand, New York, even in the title (reviewers: common); but
        # East Germany is history to a student
    if _not_what_it_names(thing):
        return None  # Jupiter, even in the title; Northampton the rugby team
    if thing.kind == "group" and well_known(thing, WELL_KNOWN_GROUP_ZIPF) and not (
        _initials_in_title(thing, context)
    ):
        return None  # the UN, the European Union, Congress; but "EU imposes oil embargo
        # ...", "WHO declares ...": letters the title leaves the reader to spell out
    if thing.is_name and (_shouted_word(thing) or _american_state(thing)):
        return None  # "A THIEF stole ...": a word in capitals; New Jersey, South Dakota
    listed = None if thing.is_name else chooser.dictionary_entry(thing)
    # a headline's word the learner dictionary gives no line for this part of speech (an
    # ambiguous word's meanings are the senses file's to choose, "known" ones included)
    unlined = (
        listed is None
        or listed.verdict == "known"
        or (listed.verdict in ("gloss", "ambiguous") and listed.pos != thing.pos)
        or (listed.verdict == "ambiguous" and not chooser.has_meanings(listed))
    )
    headline = _headline_word(thing, context, chooser) if unlined else None
    if listed is not None and listed.verdict not in ("gloss", "ambiguous") and not headline:
        return None  # the learner dictionary: known, or not for school (an ambiguous
        # word may take the line of the meaning its article is about: senses.py); but a
        # headline's word in its news sense is worth a line ("strike", "curb")
    # the dictionary's own line for the word: it has judged the word worth a line
    vetted = listed is not None and listed.pos == thing.pos or headline is not None
    several = listed is not None and listed.verdict == "ambiguous"
    if (
        not thing.is_name
        and not several
        and everyday(thing, vetted)
        and not (vetted and in_title(thing, context))
    ):
        return None  # burrito, sneezing, sedan: known, whatever a dictionary says (but
        # "locust swarms ravage crops": the title's subject, which the dictionary glosses)
    if not thing.is_name and not vetted and _unclear(thing):
        return None
    if not thing.is_name and _brand(thing, context):
        return None  # "Blurb: 25 Percent Off" where the article means Blurb.com
    if not thing.is_name and _clipped(thing, context):
        return None  # "quake" in a story that says "earthquake"
    if (
        not thing.is_name
        and not (vetted and in_title(thing, context))
        and _always_compounded(thing, context.analysis.title)
    ):
        return None  # "drug cartels", "health overhaul": not the word's dictionary sense
        # (but a title's word the dictionaries give a line keeps it: "climate pact",
        # "investor backlash", "Nasdaq debut")
    definition = _define(thing, context, chooser, resolve) or headline
    if definition is not None and definition.household and not in_title(thing, context):
        return None  # Mount Everest, the House of Commons: students know them
    if definition is not None and thing.kind == "place" and _household_country(thing, definition):
        return None  # Brazil, South Korea, even in the title (reviewers: "household
        # country name"; but Chile, Nepal, Zimbabwe accepted)
    if definition is not None and not trustworthy(definition, thing, context) and thing.is_name:
        # "Page is no standard-issue CEO" is no definition; "Google co-founder Larry
        # Page" gives one; "Nairobi, the capital" gives none, the names file does
        definition = chooser.define_name(thing) or context_line(thing, resolve)
    if definition is None or not trustworthy(definition, thing, context):
        return None
    if (definition.source == "context" or definition.central_only) and not central(
        thing, context
    ):
        return None  # "festival director Mirsad Purivatra" once (the parse said a group)
    if _one_off_body_named_before_its_kind(thing, context):
        return None  # "a smaller rebel group, the ELN": its role is in its sentence
    if thing.is_name and _won_place_line(thing, definition):
        return None  # "won Wimbledon": the tournament, not "area of southwest London"
    if _printed_role_of_a_person(thing, definition, context):
        return None  # "Jeff Cronin: spokesman for the Center for Science in the Public
        # Interest": a quoted expert's or official's role as the article prints it, met
        # again later; reviewed blind, 0 of 5 accepted ("copied sentence", "minor name").
        # A draft for the teacher when central (draft_entry)
    if thing.is_name and _titled_in_its_own_words(thing, definition, context):
        # "Tacloban: capital of Leyte province", "Leicester City: champions of England",
        # "WhatsApp: main form of communication": the story's own subject in the
        # article's words, which say what it did or where, not what it is (every set so
        # far: 0 of 11 accepted); the names files' line if they have one ("Crimea: scene
        # of the worst East-West confrontation" is a peninsula), else a draft for the
        # teacher (draft_entry)
        definition = chooser.define_name(thing)
        if definition is None or not trustworthy(definition, thing, context):
            return None
    if thing.is_name and _role_beside_name(thing, definition, context):
        return None  # "Choi Young-jin, the top UN envoy in Ivory Coast": said where it is met
    if thing.is_name and _role_at_every_mention(thing, definition):
        return None  # "Microsoft CEO Satya Nadella" each time he is named
    if thing.kind == "person" and definition.source == "dictionary" and not in_title(
        thing, context
    ):
        role = context_line(thing, resolve)
        if role is not None and _role_at_every_mention(thing, role):
            return None  # the same, where a well-known person's line says more (but the
            # title's people are the story's: "... took on Bruno Mars and Paris Hilton")
    return definition


def _headline_word(thing: Thing, context: Context, chooser: SenseChooser) -> Definition | None:
    """The title words file's line for a word of the title that the article uses again in
    the same part of speech (reviewers list a headline's "curb", "strike", "slump" among
    the words a reader needs explained; the learner dictionary calls many of them known)."""
    if thing.is_name or thing.lemma not in title_lemmas(context.title):
        return None
    passage = context.passage_of(thing.first.paragraph)
    title_only = thing.first.doc is context.analysis.title
    return chooser.title_word(thing, context.passage_lemmas[passage], title_only)


def _one_off_body_named_before_its_kind(thing: Thing, context: Context) -> bool:
    """A body outside the title, met in one paragraph, named in front of the noun that
    says what it is (reviewers: a minor one-off name whose role is already in the same
    sentence)."""
    # (not any body its sentence explains: "The Northern Alliance – now the main body of
    # the NRF – was soon formed" is the seed's key group, named once)
    return (
        thing.kind in ("group", "acronym")
        and not central(thing, context)
        and all(_named_before_its_kind(m) for m in thing.mentions)
    )


def _named_before_its_kind(mention: Mention) -> bool:
    """ "the smaller National Liberation Army (ELN) rebel group": the name in front of
    the noun of two words or more that says what kind of body it is."""
    doc = mention.doc
    end = mention.end
    if doc[end : end + 1].text == "(":
        end += 3  # "National Liberation Army (ELN) rebel group"
    elif doc[end : end + 1].text == ")":
        end += 1  # the same, met as "ELN"
    kind = doc[end : end + 2]
    return (
        len(kind) == 2
        and all(t.pos_ == "NOUN" for t in kind)
        and kind[1].lemma_ in BODY_KINDS
    )


BODY_KINDS = frozenset(
    {"group", "party", "company", "firm", "agency", "organisation", "organization"}
)


def _printed_role_of_a_person(thing: Thing, definition: Definition, context: Context) -> bool:
    """A person outside the title whose only line is the article's own words for them
    (its appositive; a state title said with its country, "President of Syria", is
    another matter), unless it says whose family they are ("son of Ahmed Shah Masood
    and leader of ...": two people of one name told apart)."""
    return (
        thing.kind == "person"
        and definition.source == "article"
        and not in_title(thing, context)
        and not re.match(rf"{KINSHIP.pattern} [A-Z]", definition.text)
    )  # (but "mother of a fifth grader" tells no one apart)


def _household_country(thing: Thing, definition: Definition) -> bool:
    """A country most students know, defined as one (not one that is gone: "East
    Germany: former communist country in central Europe ...")."""
    known = well_known(thing, HOUSEHOLD_COUNTRY_ZIPF)
    return known and COUNTRY_LINE.match(definition.text) is not None and not (
        FORMER.match(definition.text)
    )


def _former_state(thing: Thing, chooser: SenseChooser) -> bool:
    """A place the names files call a former country or state: West Germany, the Soviet
    Union, Yugoslavia (a reader born this century knows them from history lessons, if
    at all; reviewers list "East Germany" among a title's terms to explain)."""
    line = chooser.define_name(thing)
    return line is not None and FORMER.match(line.text) is not None


def _unclear(thing: Thing) -> bool:
    """Rules for a word the learner dictionary does not vouch for, from blind reviews of
    WordNet's lines."""
    return (
        transparent(thing.lemma or thing.key)  # breakable, unusable: read from parts
        or _common_polysemous(thing)  # "sitcom", "diners", "ripples" in a planet's rings
        or _form_of_a_verb(thing)  # "swollen: characteristic of false pride"
    )


def _clipped(thing: Thing, context: Context) -> bool:
    """A short form of a common word the article also uses: "quake" beside "earthquake"."""
    word = (thing.lemma or thing.key).lower()
    if " " in word or len(word) < 4:
        return False
    return any(
        other != word
        and other.endswith(word)
        and len(other) - len(word) >= 3
        and zipf(other[: -len(word)]) >= COMMON_ZIPF  # "earth" + "quake"
        for other in context.common_long_words
    )


def _shouted_word(thing: Thing) -> bool:
    """A common word written in capitals for effect ("A THIEF stole from a neighbour"),
    which the tagger took for a name: WordNet has it in lower case, as no one thing."""
    name = display_name(thing)
    if not name.isupper() or len(name) < 4 or " " in name:
        return False
    senses = get_wordnet().synsets(name.lower(), "n")
    return any(name.lower() in s.lemmas and not s.instance for s in senses)


def _american_state(thing: Thing) -> bool:
    """One of the 50 US states: a reader of grade 8 knows them (reviewers rejected "South
    Dakota: state in north central United States" as "like United States")."""
    wordnet = get_wordnet()
    senses = wordnet.synsets(display_name(thing), "n")[:1]
    return any(
        "American state" in wordnet.synset(h, "n").lemmas for s in senses for h in s.hypernyms
    )


def _split_name(thing: Thing) -> bool:
    """A name WordNet knows as one person or place, met right after another capitalised
    name word: the end of a longer name the parse cut in two ("Steffi" | "Graf"). Not a
    title ("Nevada Attorney General"), which WordNet knows as a kind of person."""
    mention = thing.first
    if mention.start == 0:
        return False
    before = mention.doc[mention.start - 1]
    if not (before.pos_ == "PROPN" and before.text[:1].isupper() and before.is_alpha):
        return False
    senses = get_wordnet().synsets(display_name(thing), "n")
    return bool(senses) and senses[0].instance


def _not_what_it_names(thing: Thing) -> bool:
    """Never an entry nor a draft: a well-known planet or river, even in the title
    (reviewers rejected "Jupiter: largest planet ..." as common knowledge), or a place
    that plays ("Northampton romped to an eight try victory": the team, not the town)."""
    household = well_known(thing) and not _listed_name_of_words(thing)
    return (household and _natural_object(thing)) or _plays(thing) or _party_label(thing)


def _listed_name_of_words(thing: Thing) -> bool:
    """A name of several words the news names file gives a line: wordfreq rates a phrase
    by its rarest word, so "White Island" and "Great Barrier Reef" would pass for a
    household name."""
    name = display_name(thing)
    listed = news_names().get(name)
    return " " in name and listed is not None and listed.verdict == "gloss"


def _party_label(thing: Thing) -> bool:
    """ "Sen. Kirsten Gillibrand, D-New York": a senator's party and state, not the city."""
    return bool(thing.mentions) and all(
        m.start >= 2
        and m.doc[m.start - 1].text == "-"
        and m.doc[m.start - 2].text in ("D", "R", "I")
        for m in thing.mentions
    )


# verbs of a side in a game: a place that does them is the team named after it
PLAYING_VERBS = frozenset(
    {"beat", "defeat", "win", "lose", "draw", "score", "romp", "thrash", "trail", "lead"}
    | {"concede", "equalise", "equalize", "overcome", "edge", "rout", "host"}
)


# verbs of winning: a place won is the contest held there ("won Wimbledon")
WINNING_VERBS = frozenset({"win", "clinch", "lift", "retain", "defend"})


def _plays(thing: Thing) -> bool:
    """A place that is the subject of a verb of playing ("Northampton romped to an eight
    try victory", "Sale trailed 4-2"). Not a country: one that "won the vote" to host a
    World Cup is the country (a national team is named by a country most students know,
    left out on other grounds)."""
    if thing.kind != "place" or country_sense(display_name(thing)) is not None:
        return False
    for mention in thing.mentions:
        root = mention.span.root
        if root.dep_ == "nsubj" and root.head.lemma_ in PLAYING_VERBS:
            return True
    return False


# a line that makes the thing a place: wrong for a place's name that was won
PLACE_LINE = re.compile(r"(?:[\w-]+ ){0,2}(?:area|suburb|district|town|city|village)\b")


def _won_place_line(thing: Thing, definition: Definition) -> bool:
    """A name that is won ("she won Wimbledon at 17") given a place's line ("area of
    southwest London where ..."): the article means the contest held there."""
    return bool(PLACE_LINE.match(definition.text)) and any(
        m.span.root.dep_ == "dobj" and m.span.root.head.lemma_ in WINNING_VERBS
        for m in thing.mentions
    )


NATURAL_OBJECT_LEXNAME = 17  # WordNet's noun.object: planets, rivers, mountains


def _natural_object(thing: Thing) -> bool:
    senses = get_wordnet().synsets(display_name(thing), "n")[:1]
    return bool(senses) and senses[0].instance and senses[0].lexname == NATURAL_OBJECT_LEXNAME


COMMON_POLYSEMOUS_ZIPF = 3.4  # "sitcom" 3.5, "ripple" 3.4; "remnant" 3.3, "sheen" 3.3


def _common_polysemous(thing: Thing) -> bool:
    """A fairly common noun of several WordNet senses: known in its everyday sense, or
    glossed in the wrong one (reviewed: 0 of 5 such entries accepted)."""
    if thing.pos != "n" or not thing.lemma or zipf(thing.lemma) < COMMON_POLYSEMOUS_ZIPF:
        return False
    wordnet = get_wordnet()
    return any(len(wordnet.synsets(f, "n")) > 1 for f in wordnet.base_forms(thing.lemma, "n"))


def _form_of_a_verb(thing: Thing) -> bool:
    """A participle ("-ed", "-ing", "-en") of a verb of several WordNet senses: the gloss of
    the adjective or noun is most often another sense than the article's verb ("crippled
    drainage": "disabled in the feet or legs"; "illuminated: provided with artificial
    light"). Reviewed blind on unseen news: 15.5 of 47 such entries accepted, against 62%
    for the other words."""
    word = thing.first.text.lower()
    if not word.endswith(("ed", "ing", "en")):
        return False
    wordnet = get_wordnet()
    return any(
        len(wordnet.synsets(verb, "v")) > 1
        for verb in wordnet.base_forms(word, "v")
        if verb != word
    )


def _always_compounded(thing: Thing, title: Doc | None = None) -> bool:
    """A noun the article only uses with another noun in front of it ("drug cartels",
    "health overhaul", "sales slump", "United Nations envoy", "St Julien appellation"; a
    measure is no such noun: "an 18-day ordeal"):
    the compound means something the word's own senses do not (reviewed: 2 of 14 such
    entries accepted, against 42% of the others).
    Two-word terms WordNet lists ("turf war") are terms of their own and not affected. A
    name in front of the word in the `title` is a headline's shorthand ("Rohingya
    crackdown", "Amsterdam heist": a crackdown on the Rohingya, a heist in Amsterdam),
    which leaves the word its own meaning."""
    if thing.pos != "n" or " " in thing.key or not thing.mentions:
        return False
    for mention in thing.mentions:
        root = mention.span.root
        before = root.doc[root.i - 1] if root.i > 0 else None
        if not (
            before is not None
            and before.dep_ == "compound"
            and before.head.i == root.i
            and before.pos_ in ("NOUN", "PROPN")
            and not _measure(before)
            and not (title is not None and mention.doc is title and _headline_noun(thing, before))
        ) and not _hyphened(mention):
            return False
    return True


def _headline_noun(thing: Thing, before) -> bool:
    """A title's noun after a name, or one the title words file has a line for: a
    headline's shorthand, the word in its own news sense ("Rohingya crackdown", a
    crackdown on the Rohingya; "border standoff", "money laundering probe")."""
    return before.pos_ == "PROPN" or (thing.lemma, thing.pos) in title_words()


def _measure(noun) -> bool:
    """A unit with its number in front of a noun ("an 18-day ordeal", "a 24-hour
    walkout"): how long or big the thing is, not a compound with a meaning of its own."""
    return any(child.dep_ == "nummod" for child in noun.children)


def _hyphened(mention) -> bool:
    """A word written onto another with a hyphen ("festival-goers", "state-run"): half of
    a compound, whose meaning the word alone does not give ("goers: someone who leaves")."""
    doc, start, end = mention.doc, mention.start, mention.end
    return (start > 0 and joining_hyphen(doc[start - 1])) or (
        end < len(doc) and joining_hyphen(doc[end])
    )


def _brand(thing: Thing, context: Context) -> bool:
    """A word the article also writes as a web address ("Blurb.com"): a company's name."""
    return any(form.lower() in context.web_names for form in {*thing.forms, thing.key})


MINOR_PERSON_PARAGRAPHS = 2  # a quoted expert named with a role, then once by surname


def _titled_in_its_own_words(thing: Thing, definition: Definition, context: Context) -> bool:
    """A place or a body the title names whose line is words the article prints beside
    it (a person's printed role is often what they are: "Richard III: last Plantagenet
    king of England", "former chief of staff to Vice President Dick Cheney")."""
    return (
        thing.kind in ("place", "group")
        and definition.source in ("article", "context")
        and _as_printed(definition)
        and in_title(thing, context)
    )


def _as_printed(definition: Definition) -> bool:
    """The definition is the role as the sentence prints it ("chief economist at Markit")."""
    evidence = definition.evidence
    return evidence is not None and definition.text.lower() in evidence.sentence.text.lower()


def _role_beside_name(thing: Thing, definition: Definition, context: Context) -> bool:
    """A name met in one paragraph only, explained by its own sentence: the student reads
    the explanation right there. The same for a person met in two, whose line is the role
    the sentence prints beside the name: a quoted expert ("Chris Williamson, chief
    economist at Markit, said ..." and later "Williamson said")."""
    paragraphs = len({m.paragraph for m in thing.mentions})
    titled = in_title(thing, context)
    lead = titled or thing.first.paragraph == 0  # the story's own people: the title's,
    # or the lead's ("Volkswagen CEO Martin Winterkorn resigned on Wednesday ...")
    if _role_printed_before_first_mention(thing, definition, exact=lead):
        return True  # "Former Minneapolis police officer Derek Chauvin was sentenced ...":
        # the entry would copy those words back, even for the title's person (reviewers:
        # "copied sentence"); a person met after the lead, turned round too ("Hennepin
        # County Judge Peter Cahill": "judge of Hennepin County"; but the title's or the
        # lead's "Arizona Governor Jan Brewer" keeps "governor of Arizona")
    if titled or paragraphs > MINOR_PERSON_PARAGRAPHS:
        return False
    if paragraphs > 1 and not (thing.kind == "person" and _as_printed(definition)):
        return False  # "President of Syria" for "Syrian President": more than the sentence
    if _explicit_gloss(definition) or ";" in definition.text:
        return False  # the article's own gloss ("the Mujahideen – or Islamic holy warriors
        # –"), or one with a dictionary's "what it is" before it
    evidence = definition.evidence
    return definition.source in ("article", "context") and evidence is not None and any(
        m.sentence.start == evidence.sentence.start and m.doc is evidence.doc
        for m in thing.mentions
    )


def _role_printed_before_first_mention(
    thing: Thing, definition: Definition, exact: bool = False
) -> bool:
    """A person's line that is the role printed right before the name where the student
    first meets it, the glossed sentence ("Former Minneapolis police officer Derek
    Chauvin"); unless `exact`, also those words in another order."""
    evidence = definition.evidence
    if thing.kind != "person" or definition.source != "context" or evidence is None:
        return False
    first = thing.first
    if evidence.doc is not first.doc or evidence.start != first.start:
        return False
    before = first.doc[first.sentence.start : first.start].text
    if exact:
        return before.lower().rstrip(" ,").endswith(definition.text.lower())
    words = _content_words(definition.text)
    # the words themselves, or the same words turned round ("Hennepin County Judge Peter
    # Cahill": "judge of Hennepin County")
    return bool(words) and words <= _content_words(" ".join(before.split()[-len(words) - 2 :]))


def _role_at_every_mention(thing: Thing, definition: Definition) -> bool:
    """The article's line for a name is printed in every sentence that names it: the
    student reads it each time ("Microsoft CEO Satya Nadella said ...")."""
    if definition.source not in ("article", "context") or _explicit_gloss(definition):
        return False  # (the article's own gloss of a hard word: "the Mujahideen – or
        # Islamic holy warriors –" is the entry students need where they meet it)
    words = _content_words(definition.text)
    return bool(words) and all(words <= _content_words(m.sentence.text) for m in thing.mentions)


def _content_words(text: str) -> set[str]:
    return {
        w.lower().removesuffix("s")
        for w in re.findall(r"[A-Za-z]+", text)
        if w.lower() not in ("the", "of", "a", "an", "in", "at", "for", "and", "to", "on")
    }


def in_title(thing: Thing, context: Context) -> bool:
    title = context.title.lower()
    if any(form.lower() in title for form in thing.forms if len(form) > 2):
        return True
    if not thing.is_name and thing.lemma in title_lemmas(context.title):
        return True  # "Cycling body strips Armstrong ..." where the article says "stripped"
    if _short_name_in(thing, context.title):
        return True
    # a title names people by surname: "Nadal ends Federer's reign", "May turns to ..."
    full = display_name(thing).split() if thing.kind == "person" else []
    while full and (full[-1].rstrip(".") in POST_NOMINALS or REGNAL.fullmatch(full[-1])):
        full.pop()  # "Robert Francis QC" is "Francis" in the title, "King Felipe VI" "Felipe"
    # (not the first name of another: "Nawaz Sharif" is not Maryam Nawaz); a name written
    # family name first is its first word in the title ("Hwang's" of "Hwang Woo-suk")
    surname = full[0] if family_name_first(" ".join(full)) else full[-1] if full else ""
    return len(full) >= 2 and len(surname) > 2 and re.search(
        rf"\b{re.escape(surname)}\b(?!\s+[A-Z])", context.title
    ) is not None


REGNAL = re.compile(r"[IVX]{1,4}")
POST_NOMINALS = frozenset({"QC", "KC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "Jr", "Sr"})


def _initials_in_title(thing: Thing, context: Context) -> bool:
    """The title writes the thing by its initials ("EU", "WHO"), as the article does."""
    return any(
        form.isupper() and form.isalpha() and 2 <= len(form) <= 5
        and re.search(rf"\b{form}\b", context.title) is not None
        for form in thing.forms
    )  # fmt: skip


# the last word of a place's name that a title leaves out: "jet ditches in Hudson"
GEOGRAPHIC_HEADS = frozenset(
    {"river", "lake", "valley", "mountains", "island", "islands", "canal", "bay", "sea"}
    | {"desert", "gulf", "strait", "peninsula", "volcano", "glacier", "falls", "reef"}
)
SHORT_NAME_ZIPF = 4.5  # "red" 5.3, "yellow" 4.6, "boston" 4.6; "hudson" 4.0, "merrill" 3.1


def _short_name_in(thing: Thing, title: str) -> bool:
    """The title names a place without its geographic word ("Hudson" for the Hudson
    River) or a company by its first word ("Merrill" for Merrill Lynch & Co.), and that
    word is no common one ("Red" is not the Red Sea, nor "Boston" the Red Sox)."""
    words = display_name(thing).split()
    if len(words) < 2:
        return False
    if thing.kind == "place" and words[-1].lower() in GEOGRAPHIC_HEADS:
        short = " ".join(words[:-1])
    elif thing.kind == "group":
        short = words[0]
    else:
        return False
    named = re.search(rf"\b{re.escape(short)}\b", title) is not None
    return named and zipf(short.lower()) < SHORT_NAME_ZIPF


def central(thing: Thing, context: Context) -> bool:
    """A name the student needs to follow the article: in the title, or met again in
    another paragraph."""
    if in_title(thing, context):
        return True
    return len({m.paragraph for m in thing.mentions}) >= CENTRAL_PARAGRAPHS


def well_known(thing: Thing, threshold: float = 0.0) -> bool:
    """A person, place or group common in English text (wordfreq): a household name.
    For the household bars (places, groups), a name of several words the news names
    file gives a line is not one: wordfreq rates a phrase by its rarest word, so "White
    Island" and "Air France" would pass for "New Zealand". (The file's "known" does not
    bar a title's name: reviewers list "Sri Lanka" in "Sri Lanka protesters storm ...".)"""
    if threshold >= WELL_KNOWN_GROUP_ZIPF and _listed_name_of_words(thing):
        return False
    return zipf(display_name(thing).lower()) >= (threshold or WELL_KNOWN_ZIPF)


def transparent(word: str) -> bool:
    """A word a reader builds from a common one: "breakable", "unusable", "lovable",
    "reachable" (but not "inaccessible" or "disrepute", whose parts are not common)."""
    word = word.lower()
    if " " in word:
        return False
    if _closed_compound(word):
        return True
    forms = [word]
    for prefix in TRANSPARENT_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 3:
            forms.append(word[len(prefix) :])
            if _common_word(forms[-1]):
                return True  # "unanswered", "impatient", "misstep", "overdue"
            break
    for form in forms:  # "unbreakable" read as "un" + "breakable"; "uniqueness" as it is
        for suffix in TRANSPARENT_SUFFIXES:
            if form.endswith(suffix) and len(form) > len(suffix) + 1:
                base = form[: -len(suffix)]
                if any(len(b) >= 3 and zipf(b) >= COMMON_BASE_ZIPF for b in (base, base + "e")):
                    return True
    return False


def _common_word(word: str) -> bool:
    forms = {word, word.removesuffix("s"), word.removesuffix("ed"), word.removesuffix("d")}
    return any(len(f) >= 3 and zipf(f) >= COMMON_BASE_ZIPF for f in forms)


def _closed_compound(word: str) -> bool:
    """Two common words run together, whose meaning is built from them: "gunfire" (the
    act of shooting a gun), "handheld", "webmaster"; not "brainchild" or "barbed"."""
    wordnet = get_wordnet()
    senses = wordnet.synsets(word, "n")[:2] + wordnet.synsets(word, "a")[:2]
    gloss_words = {w for s in senses for w in re.findall(r"[a-z]+", s.definition.lower())}
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if (
            zipf(head) >= COMPOUND_PART_ZIPF
            and zipf(tail.removesuffix("s")) >= COMPOUND_PART_ZIPF
            and (
                gloss_words & {head, tail, head + "s", tail + "s", head + "es"}
                or any(_inflects(g, tail) for g in gloss_words)
            )
        ):
            return True
    return False


def _inflects(gloss_word: str, part: str) -> bool:
    """ "falling" for "fall" (snowfall: "precipitation falling from clouds ..."): the gloss
    says the part in another form."""
    return len(part) >= 4 and gloss_word.startswith(part) and gloss_word[len(part) :] in (
        "ing",
        "ed",
        "s",
        "er",
        "ers",
    )


def everyday(thing: Thing, vetted: bool = False) -> bool:
    """A concrete everyday word (food, objects, the body, animals, plants; what bodies
    do), rare in print but known to a 13-year-old. For a word the learner dictionary
    glosses (`vetted`), only food, animals and plants: its writers judged objects and
    the body word by word ("garrison", "aorta", "carcass" are worth a line; "brie",
    "haddock" a reader meets at home)."""
    senses = get_wordnet().synsets(thing.lemma, thing.pos) if thing.lemma else []
    lexnames = LIVING_LEXNAMES if vetted else EVERYDAY_LEXNAMES
    if not senses or senses[0].lexname not in lexnames:
        return False
    # a unit is everyday ("liters"); a number word is not ("lakh", "crore")
    return thing.rarity >= (3.2 if senses[0].lexname == QUANTITY_LEXNAME else 2.8)


def trustworthy(definition: Definition, thing: Thing, context: Context) -> bool:
    """Precision first: leave the term out rather than give a vague, circular or
    too-hard definition (docs/glossary.md, "Leaving terms out")."""
    text = definition.text
    words = re.findall(r"[A-Za-z][a-z’'-]*", text)
    if thing.is_name and len(words) < MIN_NAME_DEFINITION_WORDS:
        return False  # "soprano", "bar", "new group": not what the thing is
    if (
        thing.is_name
        and definition.source == "article"
        and not _anchored(text)
        and not _explicit_gloss(definition)
    ):
        return False  # "iconic business tycoon", "former agriculture minister": of what?
    if text.startswith("place in "):
        return False  # "Creede: place in Colorado" says no more than "Creede, Colorado"
    if re.fullmatch(r"[\"“][^\"“”]+[\"”]", text):
        return False  # 'the Dinaledi Chamber, or "Chamber of Stars"': what its name
        # means, not what it is
    if VAGUE_REFERENT.search(text):
        return False  # "spokesman for the group": which group?
    vetted = definition.source == "dictionary"
    if any(
        _unexplained_acronym(a, thing, context) and not (vetted and _classified(a, text))
        for a in re.findall(r"\b[A-Z]{2,6}\b", text)
    ):
        return False  # "secretary of HHS": the reader is left with another puzzle
    if circular(text, thing, vetted) or text.lower().startswith("of or relating to"):
        return False
    # a hard word of the article may stand in a word's dictionary gloss (the student
    # meets it in the text anyway), not in a name's line copied from the article:
    # "assistant professor of pharmacognosy" leaves the reader with another puzzle
    if definition.source == "dictionary":
        return True  # written in plain words for the grade ("dizziness", "runways"
        # are rare in print, not hard)
    own_line = thing.is_name and definition.source in ("article", "context")
    article = set() if own_line else context.article_words
    words = [re.sub(r"[’']s?$", "", w) for w in words]  # "corporation's": "corporation"
    hard = [w for w in words if w.islower() and len(w) > 3 and w not in article and _hard(w)]
    return not hard  # "cutaneous", "betulaceous": harder than the word it explains


KNOWN_ACRONYM_ZIPF = 3.5  # FDA 3.9, MLB 3.9, NASA 4.2; HHS 3.1, FTC 3.2, NRF 2.2


def _unexplained_acronym(acronym: str, thing: Thing, context: Context) -> bool:
    """An acronym in a definition that neither the article spells out ("the National
    Resistance Front (NRF)") nor every reader knows (FDA, NASA)."""
    if acronym in thing.forms or zipf(acronym.lower()) >= KNOWN_ACRONYM_ZIPF:
        return False
    # "(FARC)", "FARC (", "the Revolutionary Armed Forces of Colombia, or FARC"
    spelt = rf"\(\s*{acronym}\s*\)|\b{acronym}\s*\(|\b[A-Z][a-z]+,? or (?:the )?{acronym}\b"
    return not re.search(spelt, context.text)


def _anchored(text: str) -> bool:
    """An article's line that ties its role to something named: "spokesman for the NRF",
    "strategic railway town between Donetsk and Luhansk"; not "iconic business tycoon"
    (of what?). A line tied only by a possessive or a capitalised word says what the
    thing is too seldom: reviewed blind, 3 of 10 verdicts accepted ("Mombasa: East
    Africa's busiest port", "Ms Markle: 36-year-old American actress", "Libor: London
    interbank offered rate" refused; "Asda: UK's third-largest supermarket chain"
    accepted)."""
    return ANCHORED.search(text) is not None


def _classified(acronym: str, text: str) -> bool:
    """An acronym in a dictionary line with the kind of thing it names beside it: "the
    Dutch airline KLM", "the FARC rebels", "FTX, a website for ..." (not "secretary of
    HHS")."""
    if re.search(rf"\b{acronym}, (?:a|an) ", text):
        return True
    beside = re.findall(rf"(\w+) {acronym}\b", text) + re.findall(rf"\b{acronym} (\w+)", text)
    return any(w.islower() and len(w) > 2 and w not in STOP_WORDS for w in beside)


def _hard(word: str) -> bool:
    """Rarer than a grade-8 reader can use, unless a prefix on a common word
    ("multiethnic")."""
    if zipf(word) >= JARGON_ZIPF:
        return False
    for prefix in PREFIXES:
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) > 3 and zipf(rest) >= 3.5:
            return False
    return True


def _explicit_gloss(definition: Definition) -> bool:
    """The article glossed the term itself: "the Mujahideen – or Islamic holy warriors –",
    "X (Y)"."""
    if definition.evidence is None:
        return False
    sentence = definition.evidence.sentence.text
    return f"or {definition.text}" in sentence or f"({definition.text}" in sentence


def circular(text: str, thing: Thing, vetted: bool = False) -> bool:
    """A word's definition built on its own stem: "derision: act of deriding". (A name
    may repeat its category word: "Northern Alliance: multiethnic alliance ...".) A
    learner dictionary line (`vetted`) may hold a word the term holds inside it
    ("lopsided: uneven, with one side much bigger"): its writers checked its stem."""
    if thing.is_name:
        return (
            _name_in_its_gloss(text, thing)
            or _every_word_again(text, thing, vetted)
            or _little_beyond_the_name(text, thing)
        )
    term_words = {w for form in thing.forms for w in re.findall(r"[a-z]+", form.lower())}
    term_words |= set(re.findall(r"[a-z]+", thing.lemma.lower()))
    term_words |= {_without_prefix(w) for w in term_words}  # "unjustified": "justification"
    if thing.kind == "phrase" and _says_more(text, term_words):
        term_words -= _common_modifiers(thing)
    for word in re.findall(r"[a-z]+", text.lower()):
        if not vetted and any(_inside(word, term_word) for term_word in term_words):
            return True  # "onlookers: someone who looks on"
        for term_word in term_words:
            if len(word) >= 6 and len(term_word) >= 6 and _y_as_i(word[:4]) == _y_as_i(
                term_word[:4]
            ):
                return True  # "reliant: relying on another for support"
            if term_word.endswith("y") and word in _y_bases(term_word):
                return True  # "teary: with eyes full of tears", "slippy: ... slip"
            if len(word) >= 4 and any(
                term_word.startswith(base) and term_word[len(base) :] in WORD_ENDINGS
                for base in {word, _y_as_i(word)}
            ):
                return True  # "mindful: bearing in mind", "enviable: causing envy"
            if term_word.startswith("re") and word in ("again", "anew"):
                return True  # "reusable: capable of being used again": read from its parts
            if (
                not thing.is_name
                and len(term_word) >= 4
                and word in (term_word, term_word.rstrip("s"))
            ):
                return True  # ("Panjshir Valley: valley in northern Afghanistan" is fine)
    return False


def _common_modifiers(thing: Thing) -> set[str]:
    """The common words before a phrase's head, which its gloss may say again: "ethnic
    cleansing: expulsion and killing of one ethnic group ..." explains "cleansing" ("drug
    cartels: illicit cartel ..." says its head again)."""
    *modifiers, _ = re.findall(r"[a-z]+", thing.lemma.lower()) or [""]
    return {w for w in modifiers if zipf(w) >= COMMON_MODIFIER_ZIPF}


COMMON_MODIFIER_ZIPF = 4.0  # "ethnic" 4.3, "genetic" 4.2, "birth" 4.7


def _says_more(text: str, term_words: set[str]) -> bool:
    """Four content words or more beyond the term's own, a plural's "s" aside ("brain
    tumour: tumor in the brain" says only its words again)."""
    own = {w.removesuffix("s") for w in term_words}
    said = [w.removesuffix("s") for w in re.findall(r"[a-z]+", text.lower())]
    beyond = [w for w in said if w not in own and w not in GLOSS_FILLER]
    return len(beyond) >= VETTED_BEYOND_WORDS


WORD_ENDINGS = frozenset(
    {"ful", "less", "ness", "ly", "able", "ible", "ish", "ous", "ment", "ism", "ist", "ity"}
)


def _y_as_i(text: str) -> str:
    return text.replace("y", "i")


def _y_bases(word: str) -> set[str]:
    """The word "-y" is made from, as a gloss may write it: "teary" -> tear, tears."""
    base = word[:-1]
    bases = {base, base + "e"} | ({base[:-1]} if len(base) > 2 and base[-1] == base[-2] else set())
    return {f for b in bases if len(b) >= 3 for f in (b, b + "s", b + "es")}


def _name_in_its_gloss(text: str, thing: Thing) -> bool:
    """A one-word name whose gloss leans on its own stem without saying what that is:
    "Jihadist: Muslim who is involved in a jihad" ("Prussian: of Prussia, a former
    kingdom in north-central Europe" says what Prussia is; a name of several words may
    repeat its category: "Northern Alliance: multiethnic alliance in Afghanistan")."""
    words = re.findall(r"[a-z]+", thing.key.lower())
    if len(words) != 1 or len(words[0]) < 6:
        return False
    for match in re.finditer(r"[A-Za-z]+", text):
        gloss_word = match.group(0).lower()
        if gloss_word[:5] == words[0][:5] and not text[match.end() :].startswith(","):
            if _compound_of(words[0], gloss_word):
                continue
            return True
    return False


def _compound_of(name: str, word: str) -> bool:
    """ "Germanwings" is "German" and "wings": a name made of two words, one of which its
    line may say ("former German budget airline of Lufthansa"); "Jihadist" is "jihad"
    with an ending."""
    rest = name[len(word) :]
    return name.startswith(word) and len(rest) >= 4 and zipf(rest) >= 3.0


def _every_word_again(text: str, thing: Thing, vetted: bool = False) -> bool:
    """A name of several words glossed with all of them: "Foreign Minister: government
    minister for foreign relations", "Winter Olympics: Olympics for winter sports". (One
    word again is the name's category: "Northern Alliance: multiethnic alliance ...".)
    A `vetted` line that says much more is not circular: "Church of England: main
    Christian church in England, with the British monarch as its supreme governor"."""
    words = {w for w in re.findall(r"[a-z]+", thing.key.lower()) if len(w) >= 3}
    said = [w.removesuffix("s") for w in re.findall(r"[a-z]+", text.lower())]
    if thing.kind == "person":
        return False  # "Ahmed Masood: son of Ahmed Shah Masood": a relative's name
    if not (len(words) >= 2 and all(w.removesuffix("s") in said for w in words)):
        return False
    return not (vetted and _says_more(text, words))


VETTED_BEYOND_WORDS = 4


GLOSS_FILLER = frozenset({"of", "the", "a", "an", "with", "for", "in", "and", "to", "concerned"})


def _little_beyond_the_name(text: str, thing: Thing) -> bool:
    """A short line that says the name again with a word or two more: "Governor General:
    governor of high rank", "International Atomic Energy Agency: United Nations agency
    concerned with atomic energy" (not what it does)."""
    if thing.kind == "person":
        return False
    name = {w.removesuffix("s") for w in re.findall(r"[a-z]+", thing.key.lower())}
    gloss = re.findall(r"[A-Za-z]+", text)
    content = [w for w in gloss if w.lower() not in GLOSS_FILLER]
    beyond = [
        w
        for w in content
        if w.lower().removesuffix("s") not in name and w not in ("United", "Nations")
    ]
    if any(w[:1].isupper() for w in beyond):
        return False  # "multiethnic alliance in Afghanistan" says where
    return len(name) >= 2 and len(content) <= 6 and len(beyond) <= 2 and len(beyond) < len(content)


def _without_prefix(word: str) -> str:
    for prefix in ("un", "in", "im", "ir", "il", "dis", "non", "mis", "on"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            return word[len(prefix) :]
    return word


def _inside(word: str, term_word: str) -> bool:
    """A gloss word of four letters or more that the term holds inside it, past its
    start: "look" in "onlooker" (not "on", and not a word at the term's start, which the
    stem check above already covers)."""
    stem = word.rstrip("s")
    return len(stem) >= 4 and stem in term_word[2:] and stem != term_word


def _define(thing: Thing, context: Context, chooser: SenseChooser, resolve) -> Definition | None:
    if thing.is_name and (person := chooser.news_person(thing)) is not None:
        return person  # who a well-known person is, not the article's words on what they
        # did ("Milla Jovovich: usually a knockout")
    article = article_explanation(thing, resolve)
    if article and _only_spelt_out(thing, article):
        # "IPO – or initial public offering of shares –": the article gives its words, not
        # what it is
        return chooser.define_expansion(thing, article.text)
    if article and not article.text.lower().startswith(RELATIONAL_START):
        if thing.kind == "person" and KINSHIP.match(article.text):
            return _with_role(article, context_line(thing, resolve))
        if thing.kind == "place" and not re.search(r"\b[A-Z]", article.text):
            # "Haiti: nation of 9 million people" says how big, not where: the names
            # file's line says where ("Caribbean country on the island of Hispaniola")
            article = chooser.define_name(thing) or article
        if thing.kind == "place" and article.source == "article":
            category = context_line(thing, resolve)
            if category and _no_place_word(article.text):
                return category  # "a facility in Woomera, a process that must be
                # completed ...": the aside is about the sentence, not the place
            if category and not article.text.lower().startswith(category.text.split()[0].lower()):
                return _combine(category, article, "article")
        return article
    if thing.is_name:
        category = chooser.define_name(thing) or context_line(thing, resolve)
    else:
        passage = context.passage_of(thing.first.paragraph)
        category = chooser.define_word(thing, context.passage_lemmas[passage])
    if article and category:
        return _combine(category, article, article.source)
    return category or article


def _no_place_word(text: str) -> bool:
    """An aside of one common noun that names no kind of place and no place ("process",
    "move"): what the sentence did, not what the place is."""
    words = text.split()
    return len(words) == 1 and words[0].islower() and not LAND.match(text) and not (
        any(s.lexname == LOCATION_LEXNAME for s in get_wordnet().synsets(words[0], "n")[:1])
    )


def _only_spelt_out(thing: Thing, article: Definition) -> bool:
    acronym = thing.first.text
    return (
        thing.kind == "acronym"
        and acronym.isupper()
        and initials(article.text).startswith(acronym.upper())
    )


KINSHIP = re.compile(r"(?:son|daughter|wife|husband|widow|brother|sister|father|mother) of\b")


def _with_role(kin: Definition, role: Definition | None) -> Definition:
    """ "son of Ahmed Shah Masood" says whose son, not what he does: the role the article
    gives him joins it ("... and leader of the National Resistance Front")."""
    if role is None or KINSHIP.match(role.text) or not role.text.startswith(ROLE_OF):
        return kin
    return Definition(f"{kin.text} and {role.text}", kin.source, kin.evidence, kin.confidence)


def _combine(first: Definition, second: Definition, source: str) -> Definition:
    """'category; explanation', e.g. 'multiethnic alliance in Afghanistan; now the main
    body of the NRF', shortened to fit."""
    room = 25 - len(second.text.split()) - 1
    head = shorten(first.text, room) if room >= 3 else ""
    if not head:
        return second
    return Definition(
        f"{head}; {second.text}", source, second.evidence, max(first.confidence, second.confidence)
    )


def term_in_passage(thing: Thing, context: Context, passage: int) -> str:
    """The term as the passage writes it: the fullest form, with an acronym in brackets
    ("National Resistance Front (NRF)") when the passage spells it out that way."""
    paragraphs = set(context.drafts[passage].paragraphs)
    mentions = [m for m in thing.mentions if m.paragraph in paragraphs]
    forms = [m.text for m in sorted(mentions, key=lambda m: (m.paragraph, m.start))]
    if thing.kind == "person" and thing.is_name:
        full = display_name(thing)
        if full in forms:
            return full
    longest = max(len(f.split()) for f in forms)
    term = next(f for f in forms if len(f.split()) == longest)
    if thing.is_name and always_possessive(thing, term) and f"{term}'s" in news_names():
        return f"{term}'s"  # "Sotheby's": a name that ends in "'s"
    if term.isupper() and len(term) > 5:
        # "ZURICH (AP) —": a dateline's capitals; the passage's own form elsewhere
        term = next((f for f in forms if f.upper() == term and not f.isupper()), term)
    if thing.acronym and thing.expansion:
        spelt = _spelt_with_acronym(thing, forms)
        if spelt:
            return spelt
    if thing.kind == "word" and not thing.is_name:
        capitalised = term[:1].isupper() and term[1:].islower()
        return term.lower() if capitalised and not _always_capitalised(thing) else term
    return term


def _spelt_with_acronym(thing: Thing, forms: list[str]) -> str | None:
    """ "Food and Drug Administration (FDA)" when the article also calls the group by its
    acronym (the title's "FDA proposes ..."), so that the student meets both in the
    heading; the page marks the name, or the acronym where the passage has only that."""
    acronym = thing.acronym
    written = [m.text for m in thing.mentions]
    if not any(is_acronym_form(form, acronym) for form in written):
        return None
    names = [f for f in forms if not is_acronym_form(f, acronym)] or [
        f for f in written if not is_acronym_form(f, acronym)
    ]
    if not names:
        return None
    longest = max(len(f.split()) for f in names)
    name = next(f for f in names if len(f.split()) == longest)
    name = re.sub(r"^[Tt]he\s+", "", name)
    return f"{name} ({acronym})"


def is_acronym_form(form: str, acronym: str) -> bool:
    """ "FDA", "FDA's", "MLBs": the acronym as the article writes it."""
    return re.fullmatch(re.escape(acronym) + r"(?:'?s|’s)?", form) is not None


def _always_capitalised(thing: Thing) -> bool:
    """A word the article always writes with a capital, not only to start a sentence
    ("Ebola", "Briton"), or one WordNet only writes with a capital ("Britons" met once,
    opening a sentence): its heading keeps the capital."""
    if not all(m.text[:1].isupper() for m in thing.mentions):
        return False
    return any(not m.doc[m.start].is_sent_start for m in thing.mentions) or _proper_in_wordnet(
        thing.lemma or thing.key
    )


def _proper_in_wordnet(word: str) -> bool:
    names = [
        name
        for sense in get_wordnet().synsets(word, "n")
        for name in sense.lemmas
        if name.lower() == word.lower()
    ]
    return bool(names) and all(name[:1].isupper() for name in names)


def evidence_for(thing: Thing, definition: Definition, context: Context, passage: int) -> str:
    """The sentence supporting the definition when it is in the entry's passage, else the
    sentence where the term first appears."""
    paragraphs = context.drafts[passage].paragraphs
    mention = definition.evidence
    if mention is None or mention.paragraph not in paragraphs:
        mention = thing.first
    return " ".join(mention.sentence.text.split())


TITLE_WEIGHT = 0.5  # the title's terms are the ones reviewers list as needed first


def score(thing: Thing, definition: Definition, grade: int, titled: bool = False) -> float:
    """Difficulty for the grade + importance in the article (the title's terms first) +
    confidence in the definition."""
    if thing.is_name:
        difficulty = 0.5 + NAME_WEIGHT.get(thing.kind, 0.2) + max(0.0, 4.5 - thing.rarity) / 12
    else:
        difficulty = min(1.0, max(0.0, zipf_threshold(grade) - thing.rarity) / 1.5) * 0.9
    importance = math.log2(1 + len(thing.mentions)) / 3 + (TITLE_WEIGHT if titled else 0.0)
    return difficulty + importance + definition.confidence


def add_shared_terms(
    per_passage: list[list[tuple[float, bool, GlossaryEntry]]], context: Context
) -> None:
    """Terms of the teacher's shared glossary that the article uses but generation did not
    pick: added at their first passage, ranked first."""
    present = {e.term.lower() for scored in per_passage for _, _, e in scored}
    for entry in context.options.shared_glossary:
        if entry.term.lower() in present:
            continue
        for index, draft in enumerate(context.drafts):
            text = " ".join(context.analysis.paragraphs[i] for i in draft.paragraphs)
            if term_in_text(entry.term, text):
                sentence = next(
                    (
                        s.text
                        for i in draft.paragraphs
                        for s in context.analysis.sentences_in(i)
                        if term_in_text(entry.term, s.text)
                    ),
                    "",
                )
                per_passage[index].append(
                    (
                        10.0,
                        False,
                        GlossaryEntry(
                            term=entry.term,
                            definition=entry.definition,
                            source="shared glossary",
                            evidence=sentence,
                            status="generated",
                        ),
                    )
                )
                present.add(entry.term.lower())
                break


def _first_position(entry: GlossaryEntry, context: Context, titled: set[int]) -> int:
    """Where the student meets the term: the title's own terms first, in the title's
    order, then the article's."""
    term = entry.term.split(" (")[0]
    if id(entry) in titled:
        at = context.title.lower().find(term.lower())
        return (at if at >= 0 else len(context.title)) - len(context.title) - 1
    return _article_position(term, context)


def _article_position(term: str, context: Context) -> int:
    """Where the article first writes the term (its length when it never does)."""
    text = " ".join(context.analysis.paragraphs).lower()
    position = text.find(term.lower())
    return position if position >= 0 else len(text)
