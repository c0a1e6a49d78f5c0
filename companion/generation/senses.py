"""WordNet senses for glossary terms: which sense of a word fits this article (a
simplified Lesk), and a sense's gloss as a short definition. See docs/glossary.md."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Set
from dataclasses import replace
from functools import lru_cache

from companion.common.occurrence import term_pattern
from companion.common.wordnet import SPACY_POS, Synset, WordNet, get_wordnet
from companion.generation.analysis import zipf
from companion.generation.clauses import joining_hyphen
from companion.generation.context_lines import adjective_noun, country_sense
from companion.generation.definitions import (
    LEADING_DETERMINERS,
    MAX_DEFINITION_WORDS,
    Definition,
    repeats_term,
    shorten,
    usable,
)
from companion.generation.learner_dictionary import (
    LINED_VERDICTS,
    LearnerEntry,
    NameEntry,
    NewsNameEntry,
    Sense,
    learner_dictionary,
    learner_names,
    learner_senses,
    look_up,
    news_names,
    news_people,
    title_words,
)
from companion.generation.lexicon import (
    LABEL_LEXNAMES,
    PERSON_LEXNAME,
    WEEKDAYS_MONTHS,
)
from companion.generation.terms import (
    Mention,
    Thing,
    display_name,
    firm,
    named_machine,
    normal_key,
    spelling_variants,
)

COMMON_CUE_ZIPF = 5.0  # "light" 5.4, "dark" 5.1; "minister" 4.9, "fashion" 4.8
MIN_TOPIC_SCORE = 5  # a topic word in the sentence and another in the article, or more
WORDNET_NAME_LEXNAMES = {14, 15, 18, 11, 7}  # noun.group, location, person, event, act
# a noun whose first sense WordNet's tagged corpus saw this often is no glossary word
COMMON_NOUN_TAGS = 2
EVENT_LEXNAME = 11  # noun.event
# British spellings WordNet's tagged corpus counts under the American one
AMERICAN_SPELLING = (
    (re.compile(r"ll(er|ers|ed|ing)$"), r"l\1"),  # traveller
    (re.compile(r"our$"), "or"),  # labour
    (re.compile(r"tre$"), "ter"),  # theatre
)
GROUP_LEXNAME = 14  # noun.group: "the securities industry", "the British government"
PLACE_LEXNAMES = frozenset({15, 6})  # noun.location; noun.artifact (buildings)
# a gloss that places the thing in a country ("... court in the United States")
# ("... city in southeastern England": a word may come between)
COUNTRIES = re.compile(
    r"\b(?:in|of|by) (?:the )?(?:[a-z-]+ )?"
    r"(United States|United Kingdom|Great Britain|Britain|England)\b"
)

DEMONYMS = re.compile(
    r"\b(?<!Latin )(?<!South )(?<!Central )(British|American|English|federal|UK|US|U\.S\.)(?!\w)"
)  # ("largest Latin American country" is not the United States')
_AMERICA = ("american", "america", "us", "usa", "washington", "u.s", "u.s.")
_BRITAIN = ("british", "britain", "uk", "england", "london", "english", "scotland", "wales")
_ENGLAND = ("english", "england", "britain", "british", "uk", "london")
DEMONYM_COUNTRIES = {
    # WordNet's "federal" is the United States' ("independent federal agency ..." for
    # Ghana's Environmental Protection Agency)
    "federal": (*_AMERICA, "united"),
    "british": _BRITAIN,
    "uk": _BRITAIN,
    "american": _AMERICA,
    "us": _AMERICA,
    "u.s.": _AMERICA,
    "english": _ENGLAND,
}
COUNTRY_NAMES = {
    "united states": _AMERICA,
    "united kingdom": _BRITAIN,
    "great britain": _BRITAIN,
    "britain": _BRITAIN,
    "england": _ENGLAND,
}

# a usage note WordNet puts where a definition should be ("quirky: informal terms; ...")
REGISTER = re.compile(r"\(?(?:informal|formal|slang|informal terms|old-fashioned)\)?", re.I)

# "used also of staining in making microscope slides": a note on use, not a definition
USAGE_NOTE = re.compile(r"(?:used|also|usually|often|sometimes|formerly|called)\b", re.I)
RELATING = re.compile(r"of or (?:relating|pertaining) to\b")

# the words a names line says what kind of body a thing is in, not what it does
BODY_WORDS = frozenset(
    {
        "company", "companies", "group", "firm", "body", "organisation", "organization",
        "agency", "corporation", "business", "one", "world", "largest", "biggest", "leading",
        "international", "national", "multinational", "global", "major", "former", "main",
        "based", "owned", "state", "government", "official", "public", "private", "country",
        "countries", "people", "chain", "maker",
    }
)

STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "to",
        "and",
        "or",
        "for",
        "with",
        "by",
        "as",
        "at",
        "from",
        "that",
        "which",
        "who",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "into",
        "than",
        "not",
        "no",
        "any",
        "all",
        "some",
        "one",
        "such",
        "used",
        "especially",
        "etc",
        "usually",
        "often",
        "have",
        "having",
        "has",
        "had",
        "being",
        "does",
        "made",
        "make",
        "like",
    ]
)  # ignored when glosses and contexts are compared


def _content_lemmas(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2}


US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    "|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    "|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah"
    "|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
# "Plymouth: town in Massachusetts" for the city in Devon: a place put in a state
IN_A_STATE = re.compile(rf"\b(?:in|of) (?:the )?(?:[a-z-]+ )?({US_STATES})\b")


def _another_region(thing: Thing, gloss: str) -> bool:
    """The article writes the place with its region ("Potsdam, St Elizabeth"), and the
    gloss does not name that region: WordNet's place of that name is another one. Only a
    place: after a body's name the comma leads to anything ("the Taliban, Qari Yousuf
    Ahmadi said", a spokesman)."""
    if thing.kind != "place":
        return False
    for mention in thing.mentions:
        doc = mention.doc
        if mention.end + 1 >= len(doc) or doc[mention.end].text != ",":
            continue
        region = []
        end = len(doc)
        for token in doc[mention.end + 1 :]:
            if token.pos_ != "PROPN" or not token.text[:1].isupper():
                end = token.i
                break  # (the tagger may call "St Elizabeth" a person)
            if token.ent_type_ in ("DATE", "TIME") or token.lower_ in WEEKDAYS_MONTHS:
                break  # a dateline: "HARARE, Zimbabwe, November 15"
            region.append(token.text)
        if end < len(doc) and doc[end].lower_ in ("and", "or"):
            continue  # "southern Somalia, Bakool and Lower Shabelle": its parts, listed
        if region and " ".join(region) not in gloss:
            return True
    return False


# "central bank of India", "India's central bank": the country whose thing it is
OF_A_COUNTRY = re.compile(
    r"\bof (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)|\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s\b"
)
IN_A_COUNTRY = re.compile(  # "in the northern Dominican Republic", "in central Chile"
    r"\bin (?:the )?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east"
    r"|south-?west)(?:ern)? )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)
# a country's own line, whose "of India" says where it is, not whose it is ("Bhutan:
# landlocked principality in the Himalayas to the northeast of India")
A_COUNTRY = re.compile(
    r"(?:[\w,'-]+ ){0,3}(?:country|republic|kingdom|principality|nation|emirate|sultanate)\b"
)
PLACE_LINE_HEAD = re.compile(
    r"(?:[\w-]+ ){0,3}(?:city|town|port|village|capital|region|province|county|district)\b"
)
# kinds of news names no person's surname is taken for (a place is: "Jordan", "Houston")
NOT_A_SURNAME_KINDS = frozenset({"group", "event", "other"})
# the news names file's kinds a line must have to stand for a thing of each kind
NEWS_KINDS = {
    "group": frozenset({"group"}),
    "place": frozenset({"place"}),
    "event": frozenset({"event"}),
}


def _one_bare_word(thing: Thing) -> bool:
    """A "person" of one word that the article never writes after a capitalised word
    ("Mr Merck", "Premier Ford", "Albert Bourla"): no first name, no title, so likely not
    a person at all."""
    return all(len(form.split()) == 1 for form in thing.forms) and not any(
        m.start > 0 and m.doc[m.start - 1].is_title for m in thing.mentions
    )


def _shares_a_word(name: str, line: str) -> bool:
    """A content word of the name (five letters or more, as stems) is in the line; or
    the name is not made of English words ("All India Anna Dravida Munnetra Kazhagam"),
    which a line would not echo."""
    found = re.findall(r"[A-Za-z]{5,}", name)
    if any(zipf(w.lower()) < 3.0 for w in found):
        return True
    words = {_stem(w.lower()) for w in found}
    return bool(words & {_stem(w.lower()) for w in re.findall(r"[A-Za-z]{5,}", line)})


def _after_the(thing: Thing) -> bool:
    return any(_after_the_word(m) for m in thing.mentions)


def _after_the_word(mention: Mention) -> bool:
    return mention.start > 0 and mention.doc[mention.start - 1].lower_ == "the"


# the news names file's kind of thing for an entity label
LABEL_NEWS_KINDS = {
    "EVENT": "event",
    "ORG": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


def _same_line(a: str, b: str) -> bool:
    return LEADING_DETERMINERS.sub("", a).strip().lower() == LEADING_DETERMINERS.sub(
        "", b
    ).strip().lower()


def names_another_country(text: str, article_stems: set[str]) -> bool:
    """ "Supreme Court: highest federal court in the United States" for India's court: a
    gloss tied to a country the article never mentions; or to a sport it never mentions
    ("World Cup: soccer tournament ..." in a story about cricket)."""
    country = COUNTRIES.search(text)
    if country and not _country_named(country.group(1), article_stems):
        return True  # "Canterbury: city in southeastern England" for the New Zealand region
    state = IN_A_STATE.search(text)
    if state and not {_stem(w) for w in state.group(1).split()} <= article_stems:
        return True  # "Morristown: town in New Jersey" in Tennessee
    for demonym in DEMONYMS.findall(text):
        if not _named_by(DEMONYM_COUNTRIES[demonym.lower()], article_stems):
            return True  # "House of Commons: lower house of the British parliament" in Ottawa
    return _another_field(text, article_stems)


def _another_field(text: str, article_stems: set[str]) -> bool:
    """A line tied to a sport or field the article never mentions, by its name or by
    words only that sport uses (a match report says "goal" and "striker", seldom
    "football")."""
    return any(
        not ({_stem(word) for word in (field, *FIELD_WORDS.get(field, ()))} & article_stems)
        for field in FIELDS.findall(text.lower())
    )  # (the words of a field looked up by its name, not its stem: "tennis", not "tenni")


_SOCCER = ("footballer", "striker", "midfielder", "goalkeeper", "goal", "fifa", "uefa")
FIELD_WORDS = {
    "football": (*_SOCCER, "soccer", "touchdown", "quarterback", "nfl"),
    "soccer": (*_SOCCER, "football"),
    "cricket": ("wicket", "batsman", "bowler", "cricketer"),
    "rugby": ("scrum", "lineout", "flanker", "nrl", "halfback", "wallabies", "springboks"),
    "baseball": ("pitcher", "inning", "mlb"),
    "basketball": ("nba", "rebound"),
    "hockey": ("nhl", "puck"),
    "tennis": ("wimbledon", "atp", "wta"),
    "golf": ("golfer", "pga", "birdie", "bogey"),
}


def _country_named(country: str, article_stems: set[str]) -> bool:
    """The article names the country, in full or by another of its names ("UK",
    "Britain", "London" for the United Kingdom; "U.S." for the United States)."""
    own = {_stem(w) for w in country.split()}
    return own <= article_stems or _named_by(COUNTRY_NAMES[country.lower()], article_stems)


# a state's name says the United States ("Major League Baseball: ... in the US and
# Canada" for a story set in New York); not Georgia, nor New Mexico ("new" and "Mexico")
@lru_cache(maxsize=1)
def _state_words() -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset(_stem(w) for w in state.lower().split())
        for state in US_STATES.split("|")
        if state not in ("Georgia", "New Mexico")
    )


def _named_by(aliases: tuple[str, ...], article_stems: set[str]) -> bool:
    """The article names the country by one of its names, or (the United States) by a
    state's."""
    if {_stem(w) for w in aliases} & article_stems:
        return True
    if "america" in aliases and {_stem("united"), _stem("states")} <= article_stems:
        return True  # "the United States", named in full
    return "america" in aliases and any(words <= article_stems for words in _state_words())


FIELDS = re.compile(
    r"\b(soccer|football|baseball|basketball|cricket|rugby|tennis|golf|hockey|volleyball"
    r"|military|computer|navy|naval|nautical|aviation|gambling|betting)(?:ers?)?\b"
)  # and fields: "glitch: fault in a computer program" for a mishap on a stage; its
# players: "footballer", "cricketers"


def _position(mention: Mention) -> tuple[int, int]:
    return (mention.paragraph, mention.start)


def _sentence_stems(mention: Mention) -> set[str]:
    """The stems of the content words of the sentence a mention stands in."""
    return {_stem(t.lemma_.lower()) for t in mention.sentence if t.is_alpha and not t.is_stop}


@lru_cache(maxsize=32)
def _stems(lemmas: frozenset[str]) -> frozenset[str]:
    """The stems of a passage's lemmas (made once a passage, not once a word)."""
    return frozenset(_stem(w) for w in lemmas)


def _stem(word: str) -> str:
    """A crude stem, enough to match 'minerals' with 'mineral' and 'motives' with
    'motive', but not 'waterproof' with 'water'."""
    word = word.lower()
    for suffix in ("ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    if re.search(r"(?:ss|x|z|ch|sh)es$", word) and len(word) >= 5:
        return word[:-2]  # "taxes", "churches"
    if word.endswith("s") and not word.endswith("ss") and len(word) >= 5:
        return word[:-1]  # "motives", "minerals"
    return word


# a word after a first name that makes it someone else's ("Rihanna Clarke"; not "Neymar Sr")
A_SURNAME = r"\s+(?!(?:Sr|Jr|Snr|Jnr)\b)[A-Z][a-z]"


_FOLDED: list[tuple[Mapping[str, NewsNameEntry], dict[str, NewsNameEntry]]] = []


def _folded(listed: Mapping[str, NewsNameEntry]) -> dict[str, NewsNameEntry]:
    """A people or names file by folded name, built once for each file (folding a whole
    file took a tenth of a short lesson's time when each lesson did it)."""
    for held, folded in _FOLDED:
        if held is listed:
            return folded
    _FOLDED[:] = [*_FOLDED[-1:], (listed, {normal_key(n): e for n, e in listed.items()})]
    return _FOLDED[-1][1]


class SenseChooser:
    """Simplified Lesk: overlap between a sense's gloss and the term's context."""

    def __init__(
        self,
        wordnet: WordNet,
        article_lemmas: set[str],
        article_text: str = "",
        dictionary: Mapping[str, LearnerEntry] | None = None,
        names: Mapping[int, NameEntry] | None = None,
        news: Mapping[str, NewsNameEntry] | None = None,
        people: Mapping[str, NewsNameEntry] | None = None,
        senses: Mapping[tuple[str, str], tuple[Sense, ...]] | None = None,
    ):
        self.wordnet = wordnet
        self.dictionary = dictionary  # None: the learner dictionary Companion ships
        self.names = names  # None: its named things, by WordNet offset
        self.news = news  # None: its named things WordNet lacks, by name
        self.people = people  # None: its well-known people WordNet lacks, by name
        self.senses = senses  # None: its news meanings of ambiguous words
        self.article = {_stem(w) for w in article_lemmas}
        self.article_text = article_text
        self._spellings: dict[str, str] = {}
        self._cues: dict[frozenset[str], frozenset[str]] = {}
        self._countries: set[int] | None = None

    def _spelt_out(self, acronym: str) -> str:
        """The article's own words for an acronym: capitalised words whose initials make
        it ("National Organization of Theatre Owners" for NATO), or ''. Looked up once
        per acronym: the article is scanned for each."""
        if acronym not in self._spellings:
            self._spellings[acronym] = self._find_spelling(acronym)
        return self._spellings[acronym]

    def _find_spelling(self, acronym: str) -> str:
        if not re.fullmatch(r"[A-Z]{2,6}", acronym):
            return ""
        joining = r"(?:\s+(?:of|for|and|the|on|in|&)\s+|\s+)"
        word = r"[A-Z][a-z]+"
        pattern = word + (joining + word) * (len(acronym) - 1)
        for start in re.finditer(word, self.article_text):  # overlapping: "The National ..."
            match = re.compile(pattern).match(self.article_text, start.start())
            if match is None:
                continue
            words = re.findall(word, match.group(0))
            if "".join(w[0] for w in words) == acronym:
                return match.group(0)
        return self._named_before(acronym)

    def _named_before(self, acronym: str) -> str:
        """A name the article gives the acronym in so many words, initials or not: "the
        National Organization of Theatre Owners" or NATO", "... Owners (NATO)"."""
        name = r"[A-Z][a-z]+(?:\s+(?:(?:of|for|and|the|on|in|&)\s+)?[A-Z][a-z]+)+"
        pattern = rf"({name})[\"”’']*\s*(?:\(\s*|,?\s+or\s+){acronym}\b"
        match = re.search(pattern, self.article_text)
        return match.group(1) if match else ""

    def define_expansion(self, thing: Thing, expansion: str) -> Definition | None:
        """What an acronym's spelt-out words name, from WordNet's one sense of them or of
        their head ("initial public offering" of "initial public offering of shares"):
        the words alone do not say what an IPO is."""
        words = expansion.split()
        for end in range(len(words), 1, -1):
            senses = self.wordnet.synsets(" ".join(words[:end]), "n")
            if len(senses) == 1:
                text = wordnet_text(senses[0], thing)
                if text and _noun_phrase(text):
                    return Definition(text, "wordnet", thing.first, 0.7)
                return None
        return None

    def define_word(self, thing: Thing, passage_lemmas: Set[str]) -> Definition | None:
        # the first use that is not the second half of a hyphened word ("anti-money
        # laundering", then "money laundering"): the word's own sense is read there
        mention = next(
            (m for m in sorted(thing.mentions, key=_position) if not _after_joining_hyphen(m)),
            thing.first,
        )
        sentence = _sentence_stems(mention)
        passage = _stems(frozenset(passage_lemmas))
        senses: list[Synset] = []
        for form in _american_first(self.wordnet.base_forms(thing.lemma, thing.pos)):
            senses = self.wordnet.synsets(form, thing.pos)
            if senses:
                break
        # a word is no name: "Woolworths" the shop is not Woolworth the businessman
        senses = [s for s in senses if not s.instance]
        if " " in thing.lemma:
            # a phrase is the term of the sense it heads or the first other name, not a
            # byword far down another's list ("confidential information", fourth under
            # "tip": "indication of potential opportunity"; "nerve agent", second to
            # "nerve gas", is one)
            senses = [s for s in senses if form.lower() in (x.lower() for x in s.lemmas[:2])]
        people = [s for s in senses if s.lexname == PERSON_LEXNAME]
        if thing.pos == "n" and people and _said_of_a_person(mention.span.root):
            senses = people  # "Emma Silverstone, a florist from Leeds": not the shop
        if not senses and thing.pos == "a" and not _modifier(mention):
            # the tagger took a noun for an adjective ("didn't scream "zeitgeist""):
            # WordNet knows it only as a noun. (Not in front of another noun: "ripple
            # effect", "hippy-chick" mean more than the noun.)
            return self.define_word(replace(thing, pos="n"), passage_lemmas)
        if not senses:
            return self._dictionary_only(thing)  # "underlying condition", "rollout": no
            # WordNet ("state-sponsored": a phrase of the learner dictionary's, hyphened)
        if not senses or self._two_words_in_one(mention.text.lower(), thing.pos):
            return None
        if self._in_compound(mention):
            return None  # "barbed wire": the pair is the term, not "barbed" alone
        if _after_joining_hyphen(mention):
            return None  # "culturally-savvy": the compound's second half, not "savvy: a
            # cognitive condition"
        if _taken_at(mention.span.root):
            return None  # "took a swipe at", "took a dig at": an idiom, not the noun's sense
        entry = self.dictionary_entry(thing)
        if entry is not None and entry.verdict == "gloss" and _irregular_plural(mention, entry):
            return None  # "middlemen: person who passes goods ...": a line for one, and no
            # singular the page could head it with
        if entry is not None and entry.verdict == "ambiguous" and entry.pos == thing.pos:
            return self._sense_by_topic(entry, mention, sentence, passage)
        if entry is not None and entry.verdict == "gloss" and entry.pos == thing.pos:
            other = self._other_meaning(entry, sentence, passage)
            if other is not None:
                # "bail" in a cricket report, "coup" in a fashion story: the meaning the
                # article's topic words point to, or none when most readers know it
                text = LEADING_DETERMINERS.sub("", other.definition)
                return Definition(text, "dictionary", mention, 0.8) if text else None
        if entry is not None and (entry.verdict != "gloss" or entry.pos == thing.pos):
            # the learner dictionary's verdict, made for a grade-8 reader, wins; its line
            # loses its article like every other ("region of a country that ..."). A
            # plural takes it too: the entry is then headed by the singular it defines
            # (build_glossary)
            text = LEADING_DETERMINERS.sub("", entry.definition)
            return Definition(text, "dictionary", mention, 0.85) if text else None
        if entry is not None and entry.verdict == "gloss":
            return None  # the dictionary glosses the word as another part of speech:
            # the tagger erred ("it is expedient" as a noun: WordNet's "means to an end";
            # "Sunda Strait" as an adjective: "narrow"), or the article uses a sense the
            # dictionary left out (both kinds rejected blind)
        if entry is None and " " not in thing.lemma and self._dictionary():
            return None  # a word the learner dictionary lacks is rarer than its band
            # (Zipf 2.5) or newer than WordNet: its WordNet lines were judged blind 7.5
            # of 14 right ("treacly: overly sweet", "anaplasmosis", "laggard")
        if thing.pos == "n" and _plural(mention, thing):
            return None  # "motorists", "onlookers", "archaeologists: anthropologist who ...":
            # reviewed on unseen news, 15 of 54 plural nouns' glosses accepted (common, or
            # a singular gloss for a group), against 53.5 of 120 singular ones
        if everyday_compound(thing.lemma) or everyday_compound(mention.text):
            return None  # "classmate", "checkpoint", "heartbreaking", "footfall"
        if thing.pos == "n" and self._first_tags(thing) >= COMMON_NOUN_TAGS:
            return None  # a noun WordNet's tagged corpus met often: known to the reader
            # ("robbers", "downpours", "sprinter") or meant in a newer sense ("uptake",
            # "locales"); reviewed on unseen news: 5.5 of 24 such entries accepted
        scored = []
        for rank, sense in enumerate(senses[:10]):
            signature = {
                _stem(w) for w in _content_lemmas(sense.gloss + " " + " ".join(sense.lemmas))
            }
            for hyper in sense.hypernyms[:2]:
                signature |= {
                    _stem(w)
                    for w in _content_lemmas(self.wordnet.synset(hyper, sense.pos).definition)
                }
            signature -= {_stem(thing.lemma)}
            # "pullback": "back" in a gloss is no evidence for a sense of the word itself
            signature = {w for w in signature if len(w) < 3 or w not in thing.lemma.lower()}
            local = 2 * len(signature & sentence) + 0.5 * len(signature & passage)
            qualifier = re.match(r"\(([^)]*)\)", sense.definition)
            if qualifier and not (
                {_stem(w) for w in _content_lemmas(qualifier.group(1))} & (sentence | passage)
            ):
                local -= 3  # a sense for another field ("(electronics)", "(of a leaf shape)")
            overlap = local + 0.5 * len(signature & self.article)
            scored.append((overlap + 2.5 / (rank + 1), local, rank, sense))
        first_local = scored[0][1]
        scored.sort(key=lambda s: (-s[0], s[2]))
        _, overlap, rank, sense = scored[0]
        if rank != 0 and overlap < max(2, first_local + 2):
            return None  # a later sense beats the usual one only on clear evidence
        if len(senses) > 2 and overlap < 2:
            return None  # a weak fit among many senses: better no entry than a wrong one
        if len(senses) == 2 and overlap < 2 and (rank != 0 or not self._dominant(thing, sense)):
            return None
        several = thing.pos in ("n", "a") and len(senses) > 1
        if several and overlap < 3 and not self._clear_first(thing):
            return None  # "envoy: brief stanza", "defiance: hostile challenge": a noun of
            # several senses needs its sentence to agree (reviewed: 2 of 9 right without);
            # so does an adjective ("contentious" bill: not "inclined to dispute")
        if thing.pos == "v":
            return None  # news uses verbs figuratively ("tarnished", "derailed", "tamed"):
            # a dictionary sense too often misleads (reviewed: 7 of 21 right)
        if _informal(sense) or (thing.pos == "a" and PROPERTY_GLOSS.match(sense.definition)):
            return None
        text = wordnet_text(sense, thing)
        if not text or names_another_country(text, self.article):
            return None
        if thing.pos == "n" and not _noun_phrase(text):
            return None  # "underdog: at a disadvantage ...", "fusspot: thinks about ..."
        if thing.pos == "n" and _vague_gloss(text, thing):
            return None
        if thing.pos == "n" and len(text.split()) < MIN_NOUN_GLOSS_WORDS:
            return None  # "standing ovation: enthusiastic recognition", "fete: elaborate
            # party", "funfair: traveling show" (reviewed on unseen news: 3 of 12 right)
        confidence = 0.8 if len(senses) == 1 else (0.7 if overlap >= 2 else 0.5)
        return Definition(text, "wordnet", mention, confidence)

    def _dictionary_only(self, thing: Thing) -> Definition | None:
        """A word or phrase only the learner dictionary knows, by its line (gloss only,
        and a single word only in the part of speech the line is for)."""
        entry = self.dictionary_entry(thing)
        if entry is None or entry.verdict != "gloss":
            return None
        if " " not in thing.lemma and thing.kind != "phrase" and entry.pos != thing.pos:
            return None
        text = LEADING_DETERMINERS.sub("", entry.definition)
        return Definition(text, "dictionary", thing.first, 0.85) if text else None

    def title_word(
        self, thing: Thing, passage_lemmas: Set[str], title_only: bool = False
    ) -> Definition | None:
        """The news meaning of a headline's word ("strike": workers stopping work), from
        the title words file; for a word of two common meanings, only when the article
        is about this one (its topic words score MIN_TOPIC_SCORE at least, and three
        times the score of the word's other headline meaning, where the file lists two:
        a title "drought" of rain or of wins). A word met only in the title
        (`title_only`) goes by its Thing's part of speech: a headline's tags are a guess
        ("treble cap" an adjective)."""
        mention = thing.first
        tagged = thing.pos if title_only else SPACY_POS.get(mention.span.root.pos_, "")
        if tagged == "a" and thing.pos == "n":
            tagged = "n"  # a noun in front of another, tagged an adjective ("anti-doping")
        senses = title_words().get((thing.lemma, tagged), ())
        if not senses:
            return None  # the entry is headed where the word is first met: "charged"
            # there is a verb, whatever most uses are (and "recalled" takes the verb's
            # line where the article's later uses are nouns)
        if not senses[0].cues:
            return Definition(senses[0].definition, "dictionary", mention, 0.8)
        passage = _stems(frozenset(passage_lemmas))
        sense = self._clear_lead(senses, _sentence_stems(mention), passage)
        return Definition(sense.definition, "dictionary", mention, 0.8) if sense else None

    def _sense_by_topic(
        self, entry: LearnerEntry, mention, sentence: Set[str], passage: Set[str]
    ) -> Definition | None:
        """A word of several news meanings ("custody": held by the police, or the care
        of a child) takes the meaning whose topic words the article holds, near the word
        above all (a topic word counts once in the article, twice in the passage, four
        times in the sentence), when it has a clear lead: MIN_TOPIC_SCORE at least and
        three times the score of any other meaning ("her silhouette" in a fashion story
        that says "darker" is neither); none when the meaning is one most readers know."""
        senses = self._senses_of(entry)
        sense = self._clear_lead(senses, sentence, passage) if senses else None
        if sense is None:
            return None
        text = LEADING_DETERMINERS.sub("", sense.definition)
        return Definition(text, "dictionary", mention, 0.8) if text else None

    def _clear_lead(
        self, senses: tuple[Sense, ...], sentence: Set[str], passage: Set[str]
    ) -> Sense | None:
        """The meaning whose topic words score MIN_TOPIC_SCORE at least and three times
        any other meaning's score; None without such a lead."""
        scores = [self._topic_score(sense, sentence, passage) for sense in senses]
        ranked = sorted(range(len(senses)), key=lambda i: -scores[i])
        best = scores[ranked[0]]
        second = scores[ranked[1]] if len(ranked) > 1 else 0
        if best < MIN_TOPIC_SCORE or (second and best < 3 * second):
            return None
        return senses[ranked[0]]

    def _other_meaning(
        self, entry: LearnerEntry, sentence: Set[str], passage: Set[str]
    ) -> Sense | None:
        """For a word the dictionary glosses with one line, a news meaning the senses file
        also lists, when the article is clearly about it: its score (as in
        _sense_by_topic) MIN_TOPIC_SCORE at least and three times that of the line's own
        meaning and of every other. Without such a lead the dictionary's line stands: it
        is the word's usual meaning ("bail" in a court story, or in one that says little)."""
        senses = self._senses_of(entry)
        if not senses:
            return None
        scores = [self._topic_score(sense, sentence, passage) for sense in senses]
        best = max(range(len(senses)), key=lambda i: scores[i])
        if _same_line(senses[best].definition, entry.definition) or scores[best] < MIN_TOPIC_SCORE:
            return None
        if any(scores[best] < 3 * score for i, score in enumerate(scores) if i != best):
            return None
        return senses[best]

    def has_meanings(self, entry: LearnerEntry) -> bool:
        """The senses file lists the word's news meanings (it chooses among them)."""
        return bool(self._senses_of(entry))

    def _senses_of(self, entry: LearnerEntry) -> tuple[Sense, ...]:
        listed = self.senses if self.senses is not None else learner_senses()
        return listed.get((entry.word, entry.pos), ())

    def _topic_score(self, sense: Sense, sentence: Set[str], passage: Set[str]) -> int:
        cues = self._cue_stems(sense.cues)
        return 2 * len(cues & sentence) + len(cues & passage) + len(cues & self.article)

    def _cue_stems(self, cues: frozenset[str]) -> frozenset[str]:
        """Cue words as the article's lemmas are compared ("charged" as "charge"), but
        not the commonest, which any story may hold ("light", "night", "figure": a
        fashion story's "silhouette" is no shadow against the sky). Made once a sense."""
        if cues not in self._cues:
            self._cues[cues] = self._stems_of_cues(cues)
        return self._cues[cues]

    def _stems_of_cues(self, cues: frozenset[str]) -> frozenset[str]:
        cues = frozenset(cue for cue in cues if zipf(cue) < COMMON_CUE_ZIPF)
        forms = {
            form
            for cue in cues
            for pos in "nv"
            for form in self.wordnet.base_forms(cue, pos)
            if form != cue and self.wordnet.synsets(form, pos)
        }
        return frozenset(_stem(form) for form in forms | cues)

    def dictionary_entry(self, thing: Thing) -> LearnerEntry | None:
        """The learner dictionary's entry for a word: its lemma, WordNet's base forms,
        then their American spellings ("palaeontology" as "paleontology")."""
        forms = [thing.lemma.lower(), *self.wordnet.base_forms(thing.lemma, thing.pos)]
        forms += [american for form in forms for american in _american_spellings(form)]
        written = {m.text.lower() for m in thing.mentions}
        if len(written) == 1 and thing.pos == "n" and not written & set(forms):
            plural = look_up(list(written), self.dictionary)
            if plural is not None and plural.verdict == "gloss":
                return plural  # "premises" (a building), never "premise"
        return look_up(forms, self.dictionary)

    def _first_tags(self, thing: Thing) -> int:
        """How often WordNet's tagged corpus met the first sense, under either spelling
        ("traveller" once, "traveler" three times)."""
        word = thing.lemma.lower()
        forms = {word, *_american_first([word]), *(p.sub(r, word) for p, r in AMERICAN_SPELLING)}
        return max(self.wordnet.tag_count(form, 1) for form in forms)

    def _clear_first(self, thing: Thing) -> bool:
        """The first sense is far the most common in WordNet's tagged corpus."""
        first, second = (self.wordnet.tag_count(thing.lemma, n) for n in (1, 2))
        return first >= 3 and first >= 3 * second

    def _in_compound(self, mention) -> bool:
        """The word and the next one make a term of WordNet's own ("barbed wire"), or a
        phrase of another language ("optimum optimorum"): the word's own senses are not
        what the article means."""
        doc, end = mention.doc, mention.end
        if mention.end - mention.start != 1 or end >= len(doc):
            return False
        if joining_hyphen(doc[end]) and end + 1 < len(doc) and doc[end + 1].is_alpha:
            return True  # "augmented-reality game": the compound is the term
        if not doc[end].is_alpha:
            return False
        following = doc[end].lower_
        if doc[end].is_lower and zipf(following) == 0 and not self.wordnet.synsets(following, "n"):
            return True
        pair = f"{mention.text.lower()} {doc[end].lemma_.lower()}"
        return bool(self.wordnet.synsets(pair, "n")) or self._after_its_modifier(mention)

    def _after_its_modifier(self, mention) -> bool:
        """The word and the one before it make a term of WordNet's own ("secret ballot":
        the vote, not the paper; "nerve agent"): the pair is what the article means."""
        if mention.start == 0:
            return False
        before, word = mention.doc[mention.start - 1], mention.doc[mention.start]
        if not before.is_alpha or not before.is_lower or before.head.i != word.i:
            return False
        return bool(self.wordnet.synsets(f"{before.lower_} {word.lemma_.lower()}", "n"))

    def _two_words_in_one(self, surface: str, pos: str) -> bool:
        """A form of two dictionary words ("booties": bootie or booty): which one the
        article means is a guess."""
        bases = {
            form
            for form in self.wordnet.base_forms(surface, pos)
            if form != surface and self.wordnet.synsets(form, pos)
        }
        return len(bases) > 1

    def _dominant(self, thing: Thing, sense: Synset) -> bool:
        """WordNet's first sense, trusted without context only when the tagged corpus
        saw it often. (An adjective's first sense was once trusted as well: reviewed, 3
        of 8 such entries were right: "viscous", "sparkly", "meticulous" were not.)"""
        return self.wordnet.tag_count(thing.lemma, 1) >= 2

    def define_name(self, thing: Thing) -> Definition | None:
        found = self._wordnet_name(thing)
        if found is not None and (found.source == "wordnet" or self._as_a_word(found, thing)):
            # the news names file's line, written for a student, over WordNet's for the
            # same name ("NATO: ... for purposes of collective security"), and over the
            # learner dictionary's for its sense as a word ("Homeland Security" the US
            # department, not the work of protecting a country)
            line = self._news_line_instead(thing)
            if line is not None:
                return replace(line, household=found.household)
        if found is not None:
            return found
        if line := self.news_person(thing):
            return line  # Wayne Rooney, Jayalalithaa: well-known people WordNet lacks
        person = thing.kind == "person" and not _after_the(thing)
        if self._names_a_thing(thing) and not any(
            _place_and_institution(self.wordnet.synsets(f, "n")) for f in thing.forms
        ):
            # WordNet's line stood or was refused above; but where WordNet knows the name
            # only as another kind of thing ("Wimbledon" the suburb, for the tournament),
            # the news names file's line for the label's kind
            kind = self._kind_wordnet_lacks(thing)
            if kind:
                return self._news_name(thing, kinds=frozenset({kind}))
            # a name of two words or more: the names file's line for it whole, where
            # WordNet gave no line ("Bank of England: central bank of England and
            # Wales", a gloss that repeats the name) or the recogniser gave no kind
            # ("Chancellor of the Exchequer")
            return self._news_name(thing, whole=True)
        # Kerala, the NHS, Sinn Féin: newer or smaller than WordNet; the Springboks, whom
        # WordNet knows only as gazelles (and the recogniser took for a person: no person
        # is called "the ..."); "Manchester United's Wayne Rooney", where it took the
        # club for a person: no person has a club's two-word name
        if person and _one_bare_word(thing):
            # "Pfizer jab", "Brexit" taken for a person: a company's, an event's or a
            # thing's line, never a place's ("Jordan scored": the country is a surname)
            return self._news_name(thing, kinds=NOT_A_SURNAME_KINDS)
        return self._news_name(thing, whole=person) or self._initials_word(thing)

    def _as_a_word(self, found: Definition, thing: Thing) -> bool:
        """The line is the learner dictionary's for the name's words in lower case."""
        entry = self._dictionary().get(display_name(thing).lower())
        return (
            found.source == "dictionary"
            and entry is not None
            and LEADING_DETERMINERS.sub("", entry.definition) == found.text
        )

    def _initials_word(self, thing: Thing) -> Definition | None:
        """An acronym the learner dictionary glosses as a word ("IPO": the first time a
        company sells its shares to the public), which the recogniser took for a body.
        Like a news name's line, only where it is central (the title, or two
        paragraphs)."""
        form = thing.first.text
        if not (form.isupper() and form.isalpha() and len(form) >= 3):
            return None
        entry = look_up([form.lower()], self.dictionary)
        if entry is None or entry.verdict != "gloss" or entry.pos != "n":
            return None
        text = LEADING_DETERMINERS.sub("", entry.definition)
        return Definition(text, "dictionary", thing.first, 0.8, central_only=True)

    def _news_line_instead(self, thing: Thing) -> Definition | None:
        """The news names file's line of the thing's kind, standing where WordNet's line
        would: kept as WordNet's is, not only where the name is central."""
        if thing.kind not in NEWS_KINDS:
            return None
        line = self._news_name(thing, kinds=NEWS_KINDS[thing.kind])
        return replace(line, central_only=False) if line is not None else None

    def _names_a_thing(self, thing: Thing) -> bool:
        """WordNet knows one of the thing's forms as a name (an instance, a group, a
        place, a person, an event): its senses, and the names file's verdicts on them,
        decide."""
        return any(
            sense.instance or sense.lexname in WORDNET_NAME_LEXNAMES
            for form in self._wordnet_forms(thing)
            for sense in self.wordnet.synsets(form, "n")
        )

    def _wordnet_forms(self, thing: Thing) -> list[str]:
        """The forms WordNet is asked about: a person's by two words or more (a bare
        surname could be anyone: "Watson" the basketball player is not Bell's
        assistant), another thing's by its longest ("Brooklyn Flea" is not the borough
        of Brooklyn, nor the "Deepwater Horizon" rig the "horizon" line)."""
        longest = len(max(thing.forms, key=len).split()) if thing.forms else 0
        person = thing.kind == "person" or thing.label == "PERSON"
        return [
            form
            for form in self._name_forms(thing)
            if not (person and len(form.split()) < 2)
            and not (
                thing.kind != "person" and len(form.split()) < longest and form != thing.expansion
            )
        ]

    def _kind_wordnet_lacks(self, thing: Thing) -> str:
        """The news names kind of the thing's label (an EVENT is an `event`) when no
        WordNet sense of its forms is of that kind; "" otherwise."""
        kind = LABEL_NEWS_KINDS.get(thing.label, "")
        lexnames = LABEL_LEXNAMES.get(thing.label, set())
        senses = [s for f in self._name_forms(thing) for s in self.wordnet.synsets(f, "n")]
        return "" if any(s.lexname in lexnames for s in senses) else kind

    def _name_forms(self, thing: Thing) -> list[str]:
        forms = sorted(thing.forms, key=lambda f: -len(f))
        return [thing.expansion, *forms] if thing.expansion else forms

    def news_person(self, thing: Thing) -> Definition | None:
        """The news people file's line for the person's full name ("Maria Sharapova",
        not "Sharapova": a surname could be anyone's), or a one-name person's
        ("Jayalalithaa") when WordNet knows the name as nothing else; none when the file
        calls the name known or ambiguous, or the line names a sport the article never
        does (another person of the same name). Central people only, like news names."""
        listed = self.people if self.people is not None else news_people()
        forms = self._name_forms(thing)
        for form in forms:
            entry = listed.get(form) or self._spelt_otherwise(form, listed)
            if entry is None:
                continue
            if any(m.text == form and _after_the_word(m) for m in thing.mentions):
                return None  # "the Springboks": no person (but "the Assad government"
                # is the Bashar Assad named in full)
            if len(form.split()) < 2 and (
                len(forms[0].split()) > 1
                or self._names_a_thing(thing)
                or re.search(rf"\b{re.escape(form)}{A_SURNAME}", self.article_text)
            ):
                return None  # "Rihanna Clarke, a nurse": the first name of someone else
                # (but "Neymar Sr" is the father of the Neymar the article is about)
            if entry.verdict not in LINED_VERDICTS or _another_field(
                entry.definition, self.article
            ):
                return None
            return _news_definition(entry, thing)
        return None

    def _spelt_otherwise(
        self, form: str, listed: Mapping[str, NewsNameEntry]
    ) -> NewsNameEntry | None:
        """The people file's entry for a full name of three words or more spelt with other
        capitals or hyphens ("Zine el-Abidine Ben Ali", "Zine El Abidine Ben Ali":
        transliterated names are spelt many ways; two words folded could be a common
        phrase)."""
        if len(form.split()) < 3:
            return None
        return _folded(listed).get(normal_key(form))

    def _news_name(
        self, thing: Thing, whole: bool = False, kinds: frozenset[str] = frozenset()
    ) -> Definition | None:
        """The line of Companion's news names file for the thing's longest form it
        holds; none when the file calls it known or ambiguous, or its line ties it to a
        country or sport the article never mentions (the UK's Labour Party in Auckland).
        `whole`: only a name of two words or more, whole; `kinds`: only a line of one of
        those kinds."""
        listed = self._news_lines()
        for form in self._name_forms(thing):
            if whole and len(form.split()) < 2:
                continue
            entry = (
                listed.get(form)
                or listed.get(LEADING_DETERMINERS.sub("", form))
                or listed.get(firm(form))  # "Merrill Lynch & Co."
            )
            if entry is None and form.istitle() and " " not in form and len(form) <= 7:
                entry = listed.get(form.upper())  # "Cern", "Nato", "Opec": British news
                # writes an acronym said as a word with one capital
            if entry is None and always_possessive(thing, form):
                entry = listed.get(f"{form}'s")  # "Sotheby's", whose "'s" the mention lost
            if entry is None and " " in form and any(w.isupper() for w in form.split()):
                entry = _folded(listed).get(normal_key(form))  # "ARM Holdings"
            if entry is not None and entry.verdict == "ambiguous":
                entry = _paired_entry(thing, form, listed) or entry  # "Mars rover, Curiosity"
            if entry is None:
                continue
            if kinds and entry.kind not in kinds:
                return None
            if entry.verdict not in LINED_VERDICTS or self._tied_elsewhere(form, entry):
                return None
            if form.isupper() and self._country_not_named(entry.definition):
                return None  # "RBI: central bank of India" in a baseball story (runs
                # batted in): an acronym is many things, its line's country must be named
            spelt = self._spelt_out(form)
            if spelt and spelt.lower() in entry.definition.lower() and _spelt_beside(thing, spelt):
                return None  # "TTPS: Trinidad and Tobago Police Service, ...": the article
                # spells it out in the same sentence (but "the International Olympic
                # Committee banned ... The IOC board ...": its line says what it does)
            if spelt and form.isupper() and not _shares_a_word(spelt, entry.definition):
                return None  # "IPCC: United Nations panel ... climate change" where the
                # article spells out the Independent Police Complaints Commission
            # a name met once in passing ("estimates from Thomson Reuters", a photo
            # credit) is not worth its line: the title or two paragraphs
            return _news_definition(entry, thing)
        return None

    def _news_lines(self) -> Mapping[str, NewsNameEntry]:
        return self.news if self.news is not None else news_names()

    def _tied_elsewhere(self, form: str, entry: NewsNameEntry) -> bool:
        """The line ties the name to a country or a field the article never mentions
        (names_another_country). A company's own coined name is one company wherever
        the story is: "Pixar: American computer animation film studio" in a story that
        says neither America nor computers, Boeing in an Icelandic ash cloud's; a name
        made of words ("Labour Party", "Supreme Court") or letters ("GSK") is many
        bodies, unless the article is about the trade its line names ("BP: British oil
        and gas company" in an oil spill off Louisiana)."""
        if entry.kind == "group" and self._coined(form):
            return False
        if entry.kind == "group" and re.fullmatch(r"[A-Z]{2,5}", form) and self._its_trade(
            entry.definition
        ):
            return _another_field(entry.definition, self.article)
        return names_another_country(entry.definition, self.article)

    def _its_trade(self, line: str) -> bool:
        """The article says a word of the line's head that names a trade or a field, not
        what kind of body it is ("oil" and "gas" of "British oil and gas company, one of
        the world's largest")."""
        head = line.split(",")[0].lower()
        words = set(re.findall(r"\b[a-z]{3,}\b", head)) - STOP - BODY_WORDS
        return any(_stem(word) in self.article for word in words)

    def _coined(self, form: str) -> bool:
        """A name none of whose words is a word of the language: no WordNet sense that
        is not itself a name ("Pixar", "Boeing", "GlaxoSmithKline"), no word in capitals."""
        words = form.split()
        return all(
            word[:1].isupper()
            and not word.isupper()
            and not any(not s.instance for pos in "nva" for s in self.wordnet.synsets(word, pos))
            for word in words
        )

    def _country_not_named(self, line: str) -> bool:
        """The line makes the thing a country's ("of India", "India's") and the article
        names that country neither by name nor by its people's adjective. ("with clubs in
        Australia and New Zealand" says where, not whose.) The United States and Britain
        are names_another_country's, with their other names."""
        named = self._countries_named()
        for words in itertools.chain(*OF_A_COUNTRY.findall(line)):
            if not words or words.lower() in COUNTRY_NAMES:
                continue
            country = self._country(words)
            if country is not None and country not in named:
                return True
        return False

    def _several_places(self, form: str) -> bool:
        """WordNet knows more than one place of the name (Santiago: Chile's capital, a
        Dominican city, Santiago de Cuba); one place of its name is trusted wherever its
        country goes unnamed (Cape Town in a story that says only "the city")."""
        senses = self.wordnet.synsets(form, "n")
        places = [s for s in senses if s.instance and s.lexname == LOCATION_LEXNAME]
        return len(places) > 1

    def _place_in_a_country_not_named(self, line: str) -> bool:
        """A place's line that puts it in a country the article never names ("city in the
        Dominican Republic"): another place of the same name."""
        if not PLACE_LINE_HEAD.match(line):
            return False
        named = self._countries_named()
        for words in IN_A_COUNTRY.findall(line):
            country = self._country(words)
            if words.lower() not in COUNTRY_NAMES and country is not None and country not in named:
                return True
        return False

    def _countries_named(self) -> set[int]:
        """The countries the article names, by name or adjective, as WordNet synsets
        (found once)."""
        if self._countries is None:
            words = set(re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?", self.article_text))
            words |= {w for pair in words for w in pair.split()}
            found = {self._country(w) for w in words} | {self._country_of(w) for w in words}
            self._countries = found - {None}
        return self._countries

    @staticmethod
    def _country(name: str) -> int | None:
        """The WordNet synset (offset) of the country of this name, or None."""
        sense = country_sense(name)
        return sense.offset if sense is not None else None

    @staticmethod
    def _country_of(adjective: str) -> int | None:
        """ "Indian" -> India's synset (offset), through WordNet's pertainym."""
        noun = adjective_noun(adjective)
        return SenseChooser._country(noun) if noun else None

    def _wordnet_name(self, thing: Thing) -> Definition | None:
        if thing.label == "NORP" and _people_word_as_modifier(thing.first):
            # "a Prussian general", "the Martian surface": the adjective's sense
            for sense in self.wordnet.synsets(thing.first.text, "a")[:1]:
                text = wordnet_text(sense, thing)
                return Definition(text, "wordnet", thing.first, 0.7) if text else None
            # not the noun: "Martian" in "Martian rocks" is no imaginary person, nor
            # "Aztec" in "Aztec exhibitions" a member of the Nahuatl people
            return None
        if _called_a_machine(thing):
            return None  # "the orbiter Galileo" is not the astronomer
        for form in self._wordnet_forms(thing):
            for sense, exact in self._name_senses(form, fuzzy=thing.kind == "person"):
                if not (sense.instance or sense.lexname in WORDNET_NAME_LEXNAMES):
                    continue
                if sense.lexname == EVENT_LEXNAME and not sense.instance:
                    # "World Cup", "Olympic Games": events WordNet lists as a kind are
                    # mostly known to every student (reviewed blind: 0.5 of 7 accepted);
                    # the news names file, which judged each name, has the last word
                    # ("World Series" gloss, "World Cup" ambiguous, "Olympics" known)
                    return self._news_name(thing, kinds=frozenset({"event"}))
                if thing.label and sense.lexname not in LABEL_LEXNAMES.get(
                    thing.label, {sense.lexname}
                ):
                    continue  # "Artemis" the program is not the Greek goddess
                stems = {_stem(w) for w in _content_lemmas(sense.definition)}
                agrees = thing.label in LABEL_LEXNAMES  # checked just above
                if (not exact or not agrees) and not (stems & self.article):
                    continue  # nothing in the article bears this sense out
                qualifier = re.match(r"\(([^)]*)\)", sense.definition)
                if qualifier and not (
                    {_stem(w) for w in _content_lemmas(qualifier.group(1))} & self.article
                ):
                    continue  # "(Greek mythology) ...": a sense from another field
                expansion = thing.expansion or self._spelt_out(form)
                if (
                    expansion
                    and form != expansion
                    and not any(spelling_variants(expansion, lemma) for lemma in sense.lemmas)
                ):
                    continue  # NATO, spelt out as "National Organization of Theatre Owners"
                text = wordnet_text(sense, thing, keep_years=thing.kind == "person")
                if text and _vague_gloss(text, thing) and thing.kind in NEWS_KINDS:
                    # "FEMA: independent agency of the United States government": the news
                    # names file's line, if it has one, says what the body does
                    return self._news_line_instead(thing)
                listed = self._listed_line(sense, form)
                if native_of_known_place(text) or (
                    text
                    and not (listed is not None and listed.verdict == "gloss")
                    and (not _noun_phrase(text) or _vague_gloss(text, thing))
                ):
                    return None  # "Mesozoic Era: from 230 million to 63 million years ago"
                    # (but "Hong Kong: formerly a Crown Colony ..." has the learner
                    # reference's line, which says what it is)
                if text and _another_region(thing, text):
                    return None  # "Potsdam: city in northeastern Germany" for "Potsdam, St
                    # Elizabeth" in Jamaica: another place of the same name
                if text and not A_COUNTRY.match(text) and (
                    names_another_country(text, self.article)
                    or (self.article_text and self._country_not_named(text))
                    or (
                        self.article_text
                        and self._place_in_a_country_not_named(text)
                        and self._several_places(form)
                    )
                ):
                    continue  # "Salisbury: capital and largest city of Zimbabwe" for the
                    # English city; "Santiago: second-largest city in the Dominican
                    # Republic" in a story about Spain
                if listed is not None and listed.verdict == "gloss":
                    if (
                        listed.name != form
                        and sense.instance
                        and thing.kind in NEWS_KINDS
                        and form in self._news_lines()
                    ):  # (a place's or a body's own line, not a person's short name's:
                        # "Hubble" the telescope is not Edwin Hubble)
                        news = self._news_name(thing, kinds=NEWS_KINDS[thing.kind])
                        if news is not None:
                            return news  # "Yugoslavia": WordNet's first sense is the later
                            # Serbia and Montenegro, whose line the names file gives
                    # the learner reference's line for the thing WordNet found
                    line = LEADING_DETERMINERS.sub("", listed.definition)
                    return Definition(line, "dictionary", thing.first, 0.85)
                if listed is not None and listed.verdict != "known":
                    return None  # news mostly means another thing of that name
                if text:
                    confidence = 0.75 if exact else 0.6
                    household = listed is not None  # known to students: glossed only when
                    # the title names it (build_glossary)
                    return Definition(text, "wordnet", thing.first, confidence, household)
        return None

    def _dictionary(self) -> Mapping[str, LearnerEntry]:
        return learner_dictionary() if self.dictionary is None else self.dictionary

    def _listed_line(self, sense: Synset, form: str) -> NameEntry | None:
        """The learner reference's verdict and line for a WordNet name sense."""
        listed = self._listed_name(sense)
        if not sense.instance:
            # a title or body written as a name ("Medical Officer", "Defence Force"): the
            # dictionary's verdict on the words, if it has one (a name it skips,
            # "Taliban", keeps WordNet's line)
            titled = look_up([form.lower()], self.dictionary)
            if titled is not None and titled.verdict in ("gloss", "known"):
                listed = NameEntry(sense.offset, form, titled.verdict, titled.definition)
        return listed

    def _listed_name(self, sense: Synset) -> NameEntry | None:
        names = learner_names() if self.names is None else self.names
        return names.get(sense.offset)

    def _news_sense_first(self, senses: list[Synset]) -> list[Synset]:
        """The senses with the one the names file glosses first, where it calls the first
        sense ambiguous and glosses one other of the same kind ("Bahrain": the island, then
        the country the news means)."""
        first = self._listed_name(senses[0]) if senses else None
        if first is None or first.verdict != "ambiguous":
            return senses
        glossed = [
            s
            for s in senses[1:]
            if s.lexname == senses[0].lexname
            and (listed := self._listed_name(s)) is not None
            and listed.verdict == "gloss"
        ]
        return glossed + [s for s in senses if s not in glossed] if len(glossed) == 1 else senses

    def _name_senses(self, form: str, fuzzy: bool):
        """Senses named exactly `form`; for a person also those found through a spelling
        of the surname (Masood -> Masoud) whose full name matches `form` but for spelling.
        None for a place that also names an institution (Wall Street: the street, or the
        securities industry; Downing Street, Whitehall, the Pentagon): news mostly means
        the institution, WordNet first gives the place."""
        senses = self.wordnet.synsets(form, "n")
        if _place_and_institution(senses):
            return
        if senses and senses[0].lexname in PLACE_LEXNAMES:
            senses = self._place_the_article_names(senses)
        for sense in self._news_sense_first(senses)[:1]:
            yield sense, True
        if not fuzzy or len(form.split()) < 2:
            return
        for variant in _vowel_variants(form.split()[-1]):
            for sense in self.wordnet.synsets(variant, "n"):
                if any(spelling_variants(form, lemma) for lemma in sense.lemmas):
                    yield sense, False
                    return


    def _place_the_article_names(self, senses: list[Synset]) -> list[Synset]:
        """Of a name's places of different kinds (Leicester the county, Leicester the
        city), the one whose kind the article says ("the city's elected mayor"); none when
        it says neither kind, the first when it says both."""
        kinds = {}
        for sense in senses:
            found = SETTLEMENT.search(sense.definition) if sense.instance else None
            if sense.lexname in PLACE_LEXNAMES and found:
                kinds.setdefault(found.group(0), sense)
        if len(kinds) < 2:
            return senses
        said = [
            s for kind, s in kinds.items() if re.search(rf"\b{kind}\b", self.article_text, re.I)
        ]
        if len(said) == 1:
            return said
        return senses if said else []


# a name every student knows (Mars 4.3, Libya 3.8): a word made from it needs no entry
KNOWN_NAME_ZIPF = 3.6
# "Welsh: native or resident of Wales": a people named after a place
NATIVE_OF = re.compile(
    r"\b(?:native|inhabitant|resident|citizen)s? (?:or \w+ )?of (?:the )?([A-Z]\w+(?: [A-Z]\w+)*)"
)


def native_of_known_place(text: str) -> bool:
    """A people glossed by a place every student knows ("Welsh: native or resident of
    Wales", "Libyans"): the word says as much; "Uzbek" (Uzbekistan) keeps its entry."""
    match = NATIVE_OF.search(text)
    return bool(match) and zipf(match.group(1).lower()) >= KNOWN_NAME_ZIPF


COLLOQUIAL_DOMAIN = 7075172  # WordNet 3.0 synset "colloquialism", a usage domain
INFORMAL_NOTE = re.compile(r"\(used informally\)")
# an adjective gloss naming what a thing has ("having a musical sound", "having four
# units", "of a light grey"): a literal sense the article rarely means (reviewed: 0 of 5)
PROPERTY_GLOSS = re.compile(r"(?:having|of a)\b")


def _plural(mention, thing: Thing) -> bool:
    """The noun as written is a plural of its lemma ("motorists"; not "news", "physics")."""
    root = mention.span.root
    return root.tag_ in ("NNS", "NNPS") and mention.text.lower() != thing.lemma.lower()


def _irregular_plural(mention, entry: LearnerEntry) -> bool:
    """A plural the dictionary's word does not inflect to by the page's rule
    ("middlemen" of "middleman"): the entry cannot be headed by the singular."""
    if mention.span.root.tag_ not in ("NNS", "NNPS"):
        return False
    return term_pattern(entry.word).fullmatch(mention.text) is None


def _taken_at(token) -> bool:
    """A noun taken "at" someone: "took a swipe at rivals", "taking a dig at", "take aim
    at": the phrase is an idiom for criticising or attacking."""
    near = (*token.children, *token.head.children)
    return (
        token.dep_ == "dobj"
        and token.head.lemma_ == "take"
        and any(c.dep_ == "prep" and c.lower_ == "at" for c in near)
    )


def _said_of_a_person(token) -> bool:
    """The noun names a person: it stands beside a person's name ("Emma Silverstone, a
    florist from Leeds") or says something ("the florist said")."""
    if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
        return True
    return token.dep_ == "nsubj" and token.head.lemma_ in ("say", "tell", "add", "explain")


def _people_word_as_modifier(mention) -> bool:
    """ "a Prussian general", "Monet and Aztec exhibitions": a people's name that
    modifies a noun (the parse may call it an adjective or a conjunct)."""
    root, doc = mention.span.root, mention.doc
    following = doc[mention.end] if mention.end < len(doc) else None
    return (
        root.dep_ in ("amod", "compound")
        or root.pos_ == "ADJ"
        or (following is not None and following.pos_ == "NOUN")
    )


def _modifier(mention) -> bool:
    """The word stands before a noun it modifies, or is joined to the next by a hyphen."""
    doc, end = mention.doc, mention.end
    if end >= len(doc):
        return False
    if not doc[end - 1].whitespace_ and doc[end].text == "-":
        return True
    return doc[end - 1].head.i > end - 1 and doc[end].pos_ in ("NOUN", "PROPN", "ADJ")


# a gloss that names no thing: a "quality of being ..." for an amount or a piece of work
# ("shortfall: property of being an amount by which ...", "refurbishment: state of being
# restored ..."), "one of several international races" (which?); reviewed blind on unseen
# news: 2 of 13 accepted
VAGUE_GLOSS = re.compile(
    r"(?:quality|property|state) of being\b|trait of\b|(?:any|one) of (?:several|various|many)\b"
)
# a compound of two everyday words is read from its parts ("classmate", "checkpoint",
# "snowfall"), or means something WordNet does not give ("footfall" of shoppers,
# "backroom" staff): reviewed blind on unseen news, 0.5 of 24 such entries accepted
EVERYDAY_PART_ZIPF = 4.5
PREFIX_WORDS = frozenset({"anti", "out", "upper", "pro", "over", "counter", "super"})
MIN_NOUN_GLOSS_WORDS = 3  # a noun's gloss of two words rarely says what the thing is
# a gloss that opens with a preposition describes a state, not a thing: "underdog: at a
# disadvantage and expected to lose"
PREPOSITIONS = frozenset(
    {"at", "in", "on", "under", "over", "without", "with", "by", "from", "for", "to", "into"}
    | {"of", "about", "after", "before", "during", "through", "beyond", "within", "out"}
)


def _noun_phrase(text: str) -> bool:
    """A gloss that can name what a noun is: not one that opens with a preposition, nor
    with a participle and its preposition ("Antarctica: covered by an ice cap ...", the
    second half of a gloss whose first half named the term)."""
    words = text.lower().split()
    if not words or words[0] in PREPOSITIONS:
        return False
    return not (len(words) > 1 and words[0].endswith("ed") and words[1] in PREPOSITIONS)


def everyday_compound(word: str) -> bool:
    """One word made of two everyday words of three letters or more ("class" + "mate",
    "sea" + "wall"), not a prefix and a word ("antitrust", "outset") nor a word and its
    ending ("docking" is "dock" + "-ing", not "doc" + "king")."""
    word = word.lower()
    if not word.isalpha():
        return False
    for i in range(3, len(word) - 2):
        first, second = word[:i], word[i:]
        if first in PREFIX_WORDS:
            continue
        if zipf(first) >= EVERYDAY_PART_ZIPF and zipf(second) >= EVERYDAY_PART_ZIPF:
            return not _inflected(word)
    return False


def _inflected(word: str) -> bool:
    """ "docking", "stealthy": a word and an ending, where a split in two looks like two
    words."""
    for ending in ("ing", "ed", "y", "er", "s"):
        stem = word[: -len(ending)]
        if (
            word.endswith(ending)
            and len(stem) >= 3
            and zipf(stem) >= EVERYDAY_PART_ZIPF - 1
            and not everyday_compound(stem)
        ):
            return True
    return False


# WordNet's line for a government body that says where it sits or how it stands, not
# what it does ("independent agency of the United States government" for FEMA, "agency in
# the Department of Health and Human Services", "United Nations agency concerned with
# atomic energy"): reviewed blind on unseen news, 2 of 10 such lines accepted
AGENCY_SEAT = re.compile(
    r"(?:independent (?:federal )?agency|agency (?:in|of) the|United Nations agency concerned)\b"
)


def _vague_gloss(text: str, thing: Thing) -> bool:
    """A gloss that says what kind of quality, not what the thing is; or an "act of" for
    a word in -ing, which news uses for the thing done ("docking stations", "whirling");
    or where a body sits, not what it does."""
    if VAGUE_GLOSS.match(text) or AGENCY_SEAT.match(text):
        return True
    return text.startswith("act of ") and thing.lemma.lower().endswith("ing")


def _after_joining_hyphen(mention) -> bool:
    """The word is the second half of a hyphenated word ("culturally-savvy")."""
    doc, start = mention.doc, mention.start
    return start >= 2 and joining_hyphen(doc[start - 1]) and doc[start - 2].is_alpha


def _informal(sense: Synset) -> bool:
    """A colloquial word ("whopping", "telly"): known from speech, glossed by nothing
    better than "very large"."""
    return COLLOQUIAL_DOMAIN in sense.usage or bool(INFORMAL_NOTE.search(sense.definition))


def _american_spellings(word: str) -> list[str]:
    """ "palaeontology" -> "paleontology", "colour" -> "color", "organise" -> "organize"."""
    changed = re.sub(r"(?<=[a-z])ae(?=[a-z]{3})", "e", word)
    changed = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", changed)
    for pattern, replacement in AMERICAN_SPELLING:
        changed = pattern.sub(replacement, changed)
    return [changed] if changed != word else []


def _american_first(forms: list[str]) -> list[str]:
    """ "mechanised" looked up as "mechanized" first: WordNet orders the senses of the
    American spelling by use, and its British one in another order."""
    american = [re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", f) for f in forms]
    changed = [a for a, f in zip(american, forms, strict=True) if a != f]
    return list(dict.fromkeys([*changed, *forms]))


def _spelt_beside(thing: Thing, spelt: str) -> bool:
    """The article spells the acronym out in a sentence that uses it."""
    return any(spelt.lower() in m.sentence.text.lower() for m in thing.mentions)


def always_possessive(thing: Thing, form: str) -> bool:
    """Every mention of the name is followed by "'s": a name that ends in it ("Sotheby's",
    "Moody's"), not a possessive ("Parkinson's" for a Mr Parkinson, said once without)."""
    return all(
        m.text == form and m.end < len(m.doc) and m.doc[m.end].tag_ == "POS"
        for m in thing.mentions
    )


def _news_definition(entry: NewsNameEntry, thing: Thing) -> Definition:
    """A news names or people file's line: for central names only (the title, or two
    paragraphs), and for a name most students know ("title"), only the title's."""
    household = entry.verdict == "title"
    return Definition(
        entry.definition, "dictionary", thing.first, 0.8, household=household, central_only=True
    )


def _paired_entry(
    thing: Thing, form: str, listed: Mapping[str, NewsNameEntry]
) -> NewsNameEntry | None:
    """For a name the news names file calls ambiguous, its line as "<name> <word>" where
    a sentence that names it says the word ("NASA's most sophisticated Mars rover,
    Curiosity, touched down": the file's "Curiosity rover", not curiosity the feeling)."""
    for mention in thing.mentions:
        words = {t.lower_ for t in mention.sentence if t.is_alpha and t.is_lower}
        for word in sorted(words):
            entry = listed.get(f"{form} {word}")
            if entry is not None and entry.verdict == "gloss":
                return entry
    return None


def _place_and_institution(senses: list[Synset]) -> bool:
    """WordNet's first sense of a name is a place, a later one the body it stands for
    (Wall Street, Downing Street, the Pentagon): news mostly means the body."""
    return bool(senses) and senses[0].lexname in PLACE_LEXNAMES and any(
        s.lexname == GROUP_LEXNAME and not s.instance for s in senses[1:]
    )


def _called_a_machine(thing: Thing) -> bool:
    """A name the article gives to an object: "Nasa orbiter Galileo"."""
    return any(named_machine(m.doc[m.start]) for m in thing.mentions)


def _vowel_variants(name: str, limit: int = 400):
    """Spellings of a transliterated name one vowel apart per word (Masood -> Masoud)."""
    words = name.lower().split()
    options = []
    for word in words:
        alts = {word}
        for i, ch in enumerate(word):
            if ch in "aeiou":
                for v in "aeiou":
                    alts.add(word[:i] + v + word[i + 1 :])
        for a, b in (("oo", "ou"), ("ou", "oo"), ("ee", "i"), ("i", "ee")):
            if a in word:
                alts.add(word.replace(a, b))
        options.append(sorted(alts))
    for count, combo in enumerate(itertools.product(*options)):
        if count >= limit:
            return
        if list(combo) != words:
            yield " ".join(combo)


def _pertainym_text(sense: Synset, thing: Thing) -> str:
    """ "Jovian: of or pertaining to ... the planet Jupiter" says nothing a student can
    use; "of Jupiter, the largest planet and the 5th from the sun" does."""
    noun = get_wordnet().synset(sense.pertainyms[0], "n")
    if zipf(noun.lemmas[0].lower()) >= KNOWN_NAME_ZIPF:
        return ""  # "Martian: of Mars, ...": read from a name every student knows
    listed = learner_names().get(noun.offset)
    if listed is not None and listed.verdict != "gloss":
        return ""  # the names file: students know the Himalayas ("on the border between
        # India and Tibet", WordNet's line, was refused for peaks in Nepal and Pakistan)
    gloss = noun.definition.split(";")[0].strip()
    if gloss.startswith("("):
        return ""  # "(Roman mythology) supreme god": a sense from another field
    gloss = re.split(r"\s(?:including|especially)\s", gloss)[0]  # the kind, not the detail
    gloss = shorten(gloss, 14, lists=False) or shorten(gloss, lists=False)
    if not gloss or not usable(gloss, thing, allow_pronouns=True):
        return ""
    name = noun.lemmas[0]
    if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*[^s]s", name) and not (
        A_COUNTRY.match(gloss) or PLACE_LINE_HEAD.match(gloss)
    ):
        name = f"the {name}"  # "of the Hebrides", "of the Alps": a plural name (not a
        # country or a town whose name ends in "s": "of Belarus", "of Athens")
    return f"of {name}, {gloss}"  # (the noun may share the term's root)


def _without_own_name(segment: str, sense: Synset) -> str:
    """ "Ethiopia is a republic in northeastern Africa ...": a few glosses open with the
    name they define; what follows "is" is the definition."""
    for lemma in sense.lemmas:
        name = lemma.replace("_", " ")
        if segment.startswith(f"{name} is "):
            return segment[len(name) + 4 :]
    return segment


ARCHAIC = re.compile(r"(?:an? )?(?:archaic|obsolete)\b", re.I)
OFFENSIVE = re.compile(
    r"\b(?:regarded as offensive|offensive (?:term|name|word)|(?:derogatory|disparaging) term)\b",
    re.I,
)
LOCATION_LEXNAME = 15  # WordNet's noun.location
SETTLEMENT = re.compile(r"\b(?:city|town|port|village|capital|county|district|province)\b")


def wordnet_text(sense: Synset, thing: Thing, keep_years: bool = False) -> str:
    """A sense's gloss as a short definition that does not repeat the term."""
    segments = [_without_own_name(s.strip(), sense) for s in sense.definition.split(";")]
    segments = [s for s in segments if s]
    years = next(
        (
            s
            for s in segments
            if re.fullmatch(r"\(?\d{3,4}\s*-\s*\d{3,4}\)?", s.split()[-1] if s.split() else "")
        ),
        "",
    )
    if segments and RELATING.match(segments[0]) and sense.pertainyms:
        return _pertainym_text(sense, thing)
    segments = [s for s in segments if not REGISTER.fullmatch(s) and not USAGE_NOTE.match(s)]
    if segments and sense.instance and repeats_term(segments[0], thing):
        return ""  # "Cyprus: a country on the island of Cyprus; 80% of the people are of
        # Greek origin ...": the later parts of a name's gloss add facts, not what it is
    if OFFENSIVE.search(sense.gloss):
        return ""  # "Oriental: (term is regarded as offensive by Asians ...)": a sense a
        # school glossary does not give, and rarely the article's (Oriental Mindoro)
    if segments and ARCHAIC.match(segments[0]):
        return ""  # "Bourne: an archaic term for a boundary" (the town): news means no
        # archaic sense
    segments = [s for s in segments if not repeats_term(s, thing)]
    if not segments:
        return ""
    if segments[0].startswith("of ") and len(segments) > 1:
        segments = segments[1:]  # "of laws and regulations; designed to protect trade ..."
    text = re.sub(r"^\([^)]*\)\s*", "", segments[0])  # "(of a path e.g.) having bends"
    if not thing.is_name:  # "(especially in the use of words)": a narrower field
        text = re.sub(r"\s*\([^)]*\)", "", text)
    if len(text.split()) < 3 and len(segments) > 1:
        text = f"{text}, {segments[1]}"
    text = re.sub(r"^one (who|that)\b", r"someone \1", LEADING_DETERMINERS.sub("", text))
    if re.search(r",\s*etc\.?$", text):
        return ""  # "patchy: irregular or uneven in quality, texture, etc.": a list cut short
    text = re.sub(r"\s+etc\.?$", "", text)  # "brunt: main force of a blow etc"
    text = shorten(text, 18, lists=False) or shorten(text, lists=False)
    if keep_years and years:
        match = re.search(r"\(\d{3,4}\s*-\s*\d{3,4}\)", years)
        if match and len(text.split()) < MAX_DEFINITION_WORDS - 1 and match.group(0) not in text:
            text = f"{text} {match.group(0)}"
    if (
        sense.instance
        and sense.lexname == LOCATION_LEXNAME
        and SETTLEMENT.search(text)
        and not re.search(r"[A-Z]", text)
    ):
        return ""  # "Christchurch: industrial city at the center of a rich agricultural
        # region": a place said without where it is (reviewed blind: not what it is)
    if thing.pos == "v" and text and not text.startswith("to "):
        text = f"to {text}"
    return text if usable(text, thing, allow_pronouns=True) else ""

