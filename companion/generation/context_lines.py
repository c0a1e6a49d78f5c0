"""Context lines: for a person, place or group with no other definition, a short line
from the article ("NRF spokesman", "valley in northern Afghanistan")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from companion.common.wordnet import Synset, get_wordnet
from companion.generation.analysis import doc_text, zipf
from companion.generation.definitions import (
    Definition,
    _subtree_text,
    clean_phrase,
    cut_from_its_sentence,
    fits_kind,
    usable,
)
from companion.generation.lexicon import (
    GROUP_LABELS,
    PLACE_LABELS,
    PRONOUNS,
    TIME_LABELS,
)
from companion.generation.terms import Mention, Resolver, Thing, display_name

OWNER_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})


def context_line(thing: Thing, resolve) -> Definition | None:
    """For a person, place or group with no other definition: a short line from the
    article about it, e.g. "NRF spokesman" or "valley in northern Afghanistan"."""
    finders = {
        "person": (_title_before_name, _leader_of),
        # a town or a country is never what a noun after it says: "the Neath plant"
        "place": (_place_line, _generic_head)
        if thing.label == "GPE"
        else (_place_line, _name_as_modifier, _generic_head),
        "name": (_name_as_modifier, _generic_head),
        "event": (_name_as_modifier,),
        "work": (_name_as_modifier,),
        "group": (_title_before_name, _name_as_modifier)
        + ((_group_predicate,) if _may_describe_group(thing) else ()),
    }.get(thing.kind, ())
    for finder in finders:
        for mention in sorted(thing.mentions, key=lambda m: (m.paragraph, m.start)):
            text = finder(mention, resolve)
            text = clean_phrase(text) if text else ""
            if (
                text
                and usable(text, thing)
                and not cut_from_its_sentence(text)
                and (thing.kind == "group" or fits_kind(text, thing))
            ):  # (a role before a "group" is the tagger's person: "festival director
                # Mirsad Purivatra")
                return Definition(text, "context", mention, 0.4)
    return None


def _name_as_modifier(mention: Mention, resolve) -> str:
    """ "NASA’s Curiosity rover" -> "NASA rover"; "the Europa Clipper spacecraft" ->
    "spacecraft": the common noun a name modifies says what it is."""
    root = mention.span.root
    head = root.head
    if root.dep_ != "compound" or head.pos_ != "NOUN" or head.i != mention.end:
        return ""
    if not _is_category(head):
        return ""  # "Media Fusion employee", "Boeing team": the noun is not what it is
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    words = [resolve(owner)] if owner is not None and owner.pos_ == "PROPN" else []
    words += [t.text for t in head.lefts if t.dep_ in ("amod", "compound") and t.i >= mention.end]
    words.append(head.text if head.tag_ != "NNS" else head.lemma_)
    return " ".join(words)


CATEGORY_NOUNS = {
    "mission",
    "program",
    "programme",
    "project",
    "spacecraft",
    "rover",
    "rocket",
    "satellite",
    "telescope",
    "vehicle",
    "ship",
    "aircraft",
    "airplane",
    "app",
    "website",
    "software",
    "vaccine",
    "drug",
    "virus",
    "disease",
    "pandemic",
    "storm",
    "hurricane",
    "law",
    "treaty",
    "festival",
    "game",
    "book",
    "film",
    "movie",
    "album",
    "song",
    "channel",
    "probe",
    "lander",
    "orbiter",
    "capsule",
    "exhibit",
    "exhibition",
    "competition",
    "challenge",
    "campaign",
    "initiative",
    "system",
    "network",
    "instrument",
    "camera",
    "model",
}


def _is_category(noun: Token) -> bool:
    """A noun that says what a named thing is: a rover, a mission, a law."""
    if noun.tag_ == "NNS":
        return False
    if noun.lemma_.lower() in CATEGORY_NOUNS:
        return True

    senses = get_wordnet().synsets(noun.lemma_.lower(), "n")
    return bool(senses) and senses[0].lexname == 6  # noun.artifact: rocket, telescope


GENERIC_HEADS = {
    "mount": "mountain",
    "mountains": "mountain range",
    "lake": "lake",
    "river": "river",
    "crater": "crater",
    "valley": "valley",
    "island": "island",
    "bay": "bay",
    "sea": "sea",
    "ocean": "ocean",
    "desert": "desert",
    "university": "university",
    "college": "college",
    "hospital": "hospital",
    "museum": "museum",
    "park": "park",
    "bridge": "bridge",
    "airport": "airport",
    "center": "center",
    "laboratory": "laboratory",
    "institute": "institute",
    "company": "company",
    "corporation": "company",
    "program": "program",
    "mission": "mission",
    "telescope": "telescope",
    "festival": "festival",
    "party": "political party",
    "council": "council",
    "court": "court",
}


def _generic_head(mention: Mention, resolve) -> str:
    """ "Mount Sharp, which stands 3 miles above the floor of Gale Crater" -> "mountain
    that stands 3 miles above the floor of Gale Crater"; "Gale Crater" -> "crater"."""
    words = mention.text.split()
    category = GENERIC_HEADS.get(words[0].lower()) if words[0].lower() == "mount" else None
    category = category or GENERIC_HEADS.get(words[-1].lower())
    if not category or len(words) < 2:
        return ""
    root = mention.span.root
    clause = next((c for c in root.children if c.dep_ == "relcl" and c.i > mention.end), None)
    if clause is not None:
        relative = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if relative is not None and relative.lower_ in ("which", "that"):
            text = _subtree_text(clause)
            text = re.sub(r"^(?:which|that)\s+", "", text)
            if text and len(text.split()) <= 18:
                return f"{category} that {text}"
    return ""


# verbs that say what a group is for: "group that vowed to continue the fight against ..."
PURPOSE_VERBS = frozenset(
    {"vow", "pledge", "promise", "fight", "seek", "aim", "campaign", "lobby", "oppose"}
    | {"represent", "advocate", "resist", "struggle", "defend", "champion"}
)


def _may_describe_group(thing: Thing) -> bool:
    """Say "group that ..." only of an organisation the article names often, whose name
    is not an ordinary word or a model number (a rover called Curiosity, the DC-8)."""

    name = thing.first.text
    return (
        thing.label in GROUP_LABELS
        and len(thing.mentions) >= 3
        and not re.search(r"\d", name)
        and (len(name.split()) > 1 or zipf(name.lower()) < 3.5)
    )


def _title_before_name(mention: Mention, resolve: Resolver) -> str:
    """ "NRF spokesman Fahim Dasti", "former Afghan Vice President Amrullah Saleh"."""
    root = mention.span.root
    words = [
        t
        for t in root.subtree
        if t.i < mention.start
        and t.dep_ in ("compound", "amod", "nmod", "npadvmod")
        and t.ent_type_ not in TIME_LABELS
        and t.pos_ != "DET"
    ]
    if len(words) < 1 or not any(t.pos_ == "NOUN" or t.text[:1].isupper() for t in words):
        return ""
    if words[-1].i != mention.start - 1 or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return ""
    if not _role_word(words[-1]):
        return ""  # "Florida-based", "Northrup Grumman", "downtown": not a title
    if any(t.dep_ == "amod" and not _role_adjective(t) for t in words):
        return ""  # "The reliable character actor J.K. Simmons": the writer's opinion
    start = _title_start(mention, words[0].i)
    before = mention.doc[start - 1] if start > 0 else None
    if before is not None and before.text[:1].isupper() and not before.is_sent_start:
        return ""  # "All India Anna Dravida ... general secretary": a name cut in two
    title = mention.doc[start : mention.start]
    if any(t.pos_ in ("CCONJ", "ADV", "VERB") for t in title):
        return ""  # "technologically groundbreaking and box office titan": praise, not a title
    return _title_of(title, resolve)


# adjectives of rank and office in a title; other adjectives must be relational
# ("political analyst", "medical director": WordNet gives them a pertainym)
ROLE_ADJECTIVES = frozenset(
    {"former", "senior", "junior", "chief", "top", "deputy", "assistant", "acting", "vice"}
    | {"executive", "general", "associate", "special", "late", "longtime", "interim"}
    | {"principal", "founding", "managing", "lead", "retired", "then", "current", "prime"}
)


def _role_adjective(token: Token) -> bool:
    if token.text[:1].isupper() or token.lower_ in ROLE_ADJECTIVES:
        return True
    return any(sense.pertainyms for sense in get_wordnet().synsets(token.lower_, "a"))


# "the NRF, now led by Masood's son, Ahmed Masood" -> "leader of the NRF"
LEADING_VERBS = {"lead": "leader", "head": "head", "found": "founder", "chair": "chair"}


def _leader_of(mention: Mention, resolve: Resolver) -> str:
    """A person named as the agent of "led by", "headed by", "founded by" after a named
    group: the person's role in it."""
    token = mention.span.root
    if token.dep_ == "appos":
        token = token.head  # "led by Masood's son, Ahmed Masood"
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "by":
        return ""
    verb = preposition.head
    role = LEADING_VERBS.get(verb.lemma_)
    if role is None or verb.tag_ != "VBN" or verb.dep_ != "acl":
        return ""
    i = verb.i - 1
    while i > 0 and verb.doc[i].dep_ in ("punct", "advmod"):
        i -= 1  # "the wider NRF, now led by": the name just before (the parse may hang
    group = verb.doc[i]  # the participle on another noun of the sentence)
    if group.pos_ != "PROPN" or preposition.dep_ not in ("agent", "prep"):
        return ""
    thing = resolve.thing_of(group)
    if thing is None or thing.kind != "group":
        return ""
    the = "the " if any(c.lower_ == "the" for c in group.children) else ""
    return f"{role} of {the}{resolve(group)}"


def _title_start(mention: Mention, start: int) -> int:
    """Where a title begins when the parse cut it: "Delta Works (DLW) co-founder" hangs
    "co-" and the company on another word. Walks left over a hyphenated prefix, a
    bracket and the name before it."""
    doc, first = mention.doc, start
    i = start - 1
    if i > 0 and doc[i].text == "-" and not doc[i - 1].whitespace_:
        first, i = i - 1, i - 2  # "co-founder"
    if i > 0 and doc[i].text == ")":
        opening = next((j for j in range(i - 1, max(i - 6, -1), -1) if doc[j].text == "("), None)
        if opening is None:
            return first
        i = opening - 1
    while i >= 0 and doc[i].pos_ == "PROPN" and doc[i].ent_type_ in OWNER_LABELS:
        first, i = i, i - 1  # "Delta Works"
    return first


FAME_WORDS = frozenset(
    {"star", "superstar", "legend", "icon", "idol", "celebrity", "hero", "heroine", "great"}
    | {"favourite", "favorite", "sensation", "darling", "giant", "titan", "heavyweight"}
)


RELATION_WORDS = frozenset(
    {"teammate", "team-mate", "colleague", "rival", "partner", "compatriot", "friend"}
    | {"opponent", "girlfriend", "boyfriend", "pal", "ally", "fellow"}
)

# where someone lives, not what they do in the story: "Louisville resident Diana
# Reinhardt" gave "resident of Louisville" (reviewed blind: not what she is, the niece of
# the soldier the story is about)
RESIDENCE_WORDS = frozenset(
    {"resident", "native", "local", "citizen", "inhabitant", "homeowner", "neighbour"}
    | {"neighbor", "villager", "townsman", "townswoman"}
)


def _role_word(token: Token) -> bool:
    """A noun naming a person or a group by role: "spokesman", "Governor" (capitalised
    titles are tagged as names)."""
    if token.pos_ not in ("NOUN", "PROPN") or (token.pos_ == "PROPN" and token.ent_type_):
        return False
    if token.lemma_.lower() in FAME_WORDS | RELATION_WORDS | RESIDENCE_WORDS:
        return False  # "Monty Python star John Cleese": fame, not what he does; "Mercedes
        # teammate Nico Rosberg": whose teammate is a person, not the team
    senses = get_wordnet().synsets(token.lower_ if token.pos_ == "PROPN" else token.lemma_, "n")
    # the first two senses: "founder" is first a foundry in WordNet, then a person
    return any(sense.lexname in (14, 18) for sense in senses[:2])


def _title_of(title: Span, resolve: Resolver) -> str:
    """ "Google CEO" -> "CEO of Google", "Arizona Governor" -> "governor of Arizona": a
    role said with what it belongs to. Titles without a name in front stay as they are."""
    tokens = _without_brackets(list(title))  # "Google (GOOG) co-founder"
    in_country = _with_country(tokens, resolve)
    if in_country:
        return in_country
    owner = [
        t
        for t in tokens
        if t.pos_ == "PROPN" and _owner_name(t, resolve) and not _role_modifier(t, tokens)
    ]
    rest = [t for t in tokens if t not in owner]
    if not owner and len(tokens) == 2 and _role_word(tokens[1]):
        named = _the_one_named(tokens[0], resolve)
        if named:
            return f"{_joined(tokens[1:], lower=True)} of the {named}"
    if not owner or not rest or owner[-1].i > rest[0].i or not _role_word(rest[-1]):
        return _joined(tokens, lower=False)
    if any(t.ent_type_ == "NORP" for t in title):
        return title.text  # "former Afghan Vice President"
    if owner[0].i > 0 and owner[0].doc[owner[0].i - 1].lower_ == "of":
        return ""  # "Directorate of Criminal Investigations Commander Abed Kavoo": the
        # title starts inside a longer name ("investigations commander of Criminal")
    if _a_body_of_many(owner):
        return ""  # "Assembly Speaker" -> "speaker of Assembly": which assembly? (reviewed
        # blind on unseen news: "speaker of House", "leader of Labour", "majority leader
        # of Senate", "leader of Championship": none accepted)
    return f"{_joined(rest, lower=True)} of {_owner_phrase(owner)}"


def _role_modifier(token: Token, tokens: list[Token]) -> bool:
    """ "Chief" of "Toshiba Corp Chief Executive": the role's first word, not the
    company's last ("executive of Toshiba Corp Chief")."""
    after = [t for t in tokens if t.i == token.i + 1]
    return token.lower_ in ROLE_MODIFIERS and bool(after) and _role_word(after[0])


ROLE_MODIFIERS = frozenset({"chief", "deputy", "vice", "acting", "interim"})


def _a_body_of_many(owner: list[Token]) -> bool:
    """One word that is also a common noun for a kind of body or event (Assembly,
    Senate, House, Labour, Championship), or first of all for a kind of building or
    place (Museum, Hospital, City): not a name that says which."""
    if len(owner) != 1:
        return False
    word = owner[0].text.lower()
    senses = [s for s in get_wordnet().synsets(word, "n") if word in s.lemmas]
    if senses and not senses[0].instance and senses[0].lexname in PLACE_LEXNAMES:
        return True  # "Museum Director Rajesh Purohit" -> "director of Museum": which?
    if senses and not senses[0].instance and senses[0].lexname in FIELD_LEXNAMES:
        return True  # "Health Minister Leo Varadkar" -> "minister of Health": a field, not
        # a body (reviewed blind: the title read back from the sentence, and wrongly)
    return any(not sense.instance and sense.lexname in BODY_LEXNAMES for sense in senses)


BODY_LEXNAMES = frozenset({4, 11, 14})  # WordNet's noun.act, noun.event, noun.group
PLACE_LEXNAMES = frozenset({6, 15})  # noun.artifact (a museum), noun.location (a city)
# abstract nouns, the fields a minister or a department covers (health, justice, culture):
# noun.attribute, cognition, communication, feeling, phenomenon, process, state
FIELD_LEXNAMES = frozenset({7, 9, 10, 12, 19, 22, 26})


def _owner_phrase(owner: list[Token]) -> str:
    """ "U.K. supermarket chain" -> "of the U.K.", "United States senator" -> "of the
    United States": an abbreviated or "United" country takes "the"."""
    text = _joined(owner, lower=False)
    if re.fullmatch(r"[A-Z](?:\.[A-Z])+\.?", text):
        return f"the {text.rstrip('.')}."
    return with_the(text)


# the last word of a name said with "the": "the Scotland Office", "the Exporters
# Association", "the United Kingdom" (reviewed: "minister of Scotland Office" and "Prime
# Minister of United Kingdom" each needed a teacher's edit)
THE_NOUNS = frozenset(
    {"office", "department", "ministry", "council", "committee", "agency", "service"}
    | {"commission", "board", "authority", "kingdom", "republic", "union", "federation"}
    | {"association", "party", "islands", "states", "emirates", "institute", "assembly"}
)
PLURAL_COUNTRIES = re.compile(r"[A-Z]\w+(?:ands|ines|amas|ives|elles|oros)")


def with_the(name: str) -> str:
    """A name as it reads after "of": with "the" where English puts one."""
    words = name.split()
    if not words or words[0].lower() == "the":
        return name
    if (
        name.startswith("United ")
        or words[-1].lower() in THE_NOUNS
        or PLURAL_COUNTRIES.fullmatch(name)
    ):
        return f"the {name}"
    return name


def _the_one_named(kind: Token, resolve: Resolver) -> str:
    """ "festival director Mirsad Purivatra" in an article that names one festival, the
    Sarajevo Film Festival: the name of the one group or event of that kind, or ""."""
    if kind.pos_ != "NOUN" or not kind.is_lower:
        return ""
    word = kind.lemma_.lower()
    names = {
        display_name(t)
        for t in resolve.things
        if t.is_name
        and display_name(t).lower().split()[-1:] == [word]
        and len(display_name(t).split()) > 1
    }
    return names.pop() if len(names) == 1 else ""


# titles held in a country's government: "Prime Minister" said bare in an article about
# one country is that country's ("President" of a company is said with the company)
STATE_TITLES = frozenset(
    {"president", "vice president", "prime minister", "premier", "chancellor", "king", "queen"}
    | {"foreign minister", "finance minister", "defence minister", "defense minister"}
)
TITLE_MODIFIERS = frozenset({"former", "then", "acting", "late", "interim"})
COUNTRY_GLOSS = re.compile(
    r"^(?:an? |the )?(?:[\w-]+ ){0,3}"
    r"(?:republic|monarchy|kingdom|nation|country|sultanate|emirate)\b"
)


def _state_title(tokens: list[Token]) -> bool:
    words = [t.lower_ for t in tokens if t.lower_ not in TITLE_MODIFIERS]
    return " ".join(words) in STATE_TITLES


def _with_country(tokens: list[Token], resolve: Resolver) -> str:
    """ "Syrian President" -> "President of Syria"; a bare "Prime Minister" -> "Prime
    Minister of India" when India is the one country the article names, in the title's
    paragraph. "" otherwise."""
    nationality = [t for t in tokens if t.ent_type_ == "NORP"]
    role = [t for t in tokens if t not in nationality]
    if not role or not _state_title(role) or len(nationality) > 1:
        return ""
    if nationality:
        country = country_of_adjective(nationality[0].text)
    else:
        country = home_country(resolve)
        if country and country not in doc_text(tokens[0].doc):
            return ""  # the one country named, but not where the title is: "Premier
            # Campbell Newman" of Queensland in a story with a trade mission to India
    return f"{_joined(role, lower=False)} of {with_the(country)}" if country else ""


def country_name(name: str) -> str:
    """WordNet's name for a country ("US" -> "United States"), or "" for a name that is
    not one (a state, a city, a continent)."""
    sense = country_sense(name)
    if sense is None:
        return ""
    return sense.lemmas[0] if name.isupper() else name  # not Russia's "Soviet Union"


def country_sense(name: str) -> Synset | None:
    """The country a name's first WordNet sense is, or None."""
    for sense in get_wordnet().synsets(name, "n")[:1]:
        if sense.instance and sense.lexname == 15 and COUNTRY_GLOSS.match(sense.definition):
            return sense
    return None


def _maybe_a_country(name: str) -> str:
    """A place one of whose senses is a country ("Georgia": first the US state, then the
    republic on the Black Sea): it may be the home country, so it counts as one."""
    senses = get_wordnet().synsets(name, "n")
    if any(s.instance and s.lexname == 15 and COUNTRY_GLOSS.match(s.definition) for s in senses):
        return f"?{name}"
    return ""


def country_of_adjective(adjective: str) -> str:
    """ "Syrian" -> "Syria", through WordNet's pertainym; not "Chinese" -> "Taiwan"."""
    noun = adjective_noun(adjective)
    return country_name(noun) if noun else ""


def adjective_noun(adjective: str) -> str:
    """The noun an adjective pertains to, spelt alike ("Syrian" -> "Syria"), or ""."""
    wordnet = get_wordnet()
    for sense in wordnet.synsets(adjective, "a")[:1]:
        for offset in sense.pertainyms[:1]:
            noun = wordnet.synset(offset, "n").lemmas[0]
            if noun[:3].lower() == adjective[:3].lower():
                return noun
    return ""


def home_country(resolve: Resolver) -> str:
    """The one country an article names (by name or nationality), or "". Read from the
    parsed paragraphs, as countries every student knows are no glossary things."""
    if resolve.country is None:
        docs = {id(m.doc): m.doc for thing in resolve.things for m in thing.mentions}
        countries = set()
        for doc in docs.values():
            for ent in doc.ents:
                if ent.label_ == "GPE":
                    name = ent.text.removeprefix("the ")
                    countries.add(country_name(name) or _maybe_a_country(name))
                elif ent.label_ == "NORP":
                    countries.add(country_of_adjective(ent.text))
        countries.discard("")
        single = countries.pop() if len(countries) == 1 else ""
        resolve.country = "" if single.startswith("?") else single  # (not Georgia alone:
        # in a story from Atlanta the president is not Georgia's)
    return resolve.country


def _owner_name(token: Token, resolve: Resolver) -> bool:
    """A company, place or group name; the parser may miss one in one place ("Google
    (GOOG) co-founder") that the article names elsewhere."""
    if token.ent_type_ in OWNER_LABELS:
        return True
    thing = resolve.thing_of(token)
    return thing is not None and thing.kind in ("group", "place")


def _without_brackets(tokens: list[Token]) -> list[Token]:
    depth, kept = 0, []
    for token in tokens:
        depth += token.text == "("
        if depth == 0:
            kept.append(token)
        depth -= token.text == ")" and depth > 0
    return kept


def _joined(tokens: list[Token], lower: bool) -> str:
    """Tokens as written ("co-founder", not "co - founder"), acronyms kept in capitals."""
    parts = []
    for token in tokens:
        text = token.text if token.text.isupper() or not lower else token.text.lower()
        parts.append(text + (token.whitespace_ if token.i + 1 in {t.i for t in tokens} else " "))
    return "".join(parts).strip()


def _place_line(mention: Mention, resolve) -> str:
    """ "Afghanistan's northern Panjshir Valley" -> "valley in northern Afghanistan";
    "Dara district in Panjshir valley" -> "district in Panjshir valley"."""
    span = mention.span
    last = span[-1]
    kind_word = last.text.lower() if last.text.lower() in PLACE_WORDS else ""
    root = span.root
    owner = next((c for c in root.children if c.dep_ == "poss" and c.i < span.start), None)
    if owner is not None and kind_word:
        adjectives = [c.text for c in root.children if c.dep_ == "amod" and c.i < span.start]
        if not adjectives:
            return ""  # "China's Sichuan province" -> "province in China": what the
            # sentence says in the same words (reviewed: "circular")
        where = " ".join([*adjectives, resolve(owner)])
        return f"{kind_word} in {where}"
    prep = next(
        (
            c
            for c in root.children
            if c.dep_ == "prep" and c.lower_ in ("in", "near", "of") and c.i >= span.end
        ),
        None,
    )
    if prep is not None and kind_word:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if (
            obj is not None
            and obj.ent_type_ in PLACE_LABELS
            or (obj is not None and obj.text[:1].isupper())
        ):
            return f"{kind_word} {prep.lower_} {_subtree_text(obj)}"
    return ""


PLACE_WORDS = {
    "valley",
    "province",
    "district",
    "river",
    "mountains",
    "mountain",
    "lake",
    "island",
    "islands",
    "county",
    "state",
    "city",
    "region",
    "desert",
    "sea",
    "bay",
    "park",
    "forest",
    "peninsula",
    "canal",
    "coast",
    "basin",
    "plateau",
    "village",
    "town",
    "area",
    "strait",
    "gulf",
    "falls",
    "glacier",
    "volcano",
}


def _group_predicate(mention: Mention, resolve) -> str:
    verb = _verb_of_subject(mention)
    if verb is None:
        return ""
    phrase = _verb_phrase(verb, resolve)
    if not phrase:
        return ""
    noun = "group"
    return f"{noun} that {phrase}"


def _verb_of_subject(mention: Mention) -> Token | None:
    root = mention.span.root
    subject = root
    while subject.dep_ == "conj":
        subject = subject.head
    if subject.dep_ not in ("nsubj",) or subject.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = subject.head
    if verb.lemma_ not in PURPOSE_VERBS:
        return None  # "group that opened an inquiry" says what it did, not what it is
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    return verb


def _verb_phrase(verb: Token, resolve) -> str:
    """The verb with its particles, infinitive complement and object; no clauses."""
    parts: list[Token] = [verb]
    current = verb
    for _ in range(2):
        xcomp = next((c for c in current.children if c.dep_ == "xcomp" and c.i > current.i), None)
        if xcomp is None:
            break
        parts += [c for c in xcomp.children if c.dep_ == "aux"] + [xcomp]
        current = xcomp
    obj = next((c for c in current.children if c.dep_ in ("dobj", "attr")), None)
    particles = [c for c in current.children if c.dep_ == "prt"]
    tokens = sorted({*parts, *particles}, key=lambda t: t.i)
    text = " ".join(t.text for t in tokens)
    if obj is None:
        return ""
    obj_text = _subtree_text(obj)
    if not obj_text or any(t.lower_ in PRONOUNS for t in obj.subtree):
        return ""
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > obj.i for c in current.children) or any(
        c.dep_ in ("xcomp", "acl", "relcl")
        and c.pos_ in ("VERB", "AUX")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in obj.children
    ):
        return ""  # "aims to get more than a million people [to pledge ...]": the purpose
        # is in the clause that would be cut
    if verb.tag_ == "VBG":
        pass
    return f"{text} {obj_text}"
