"""Definitions for glossary terms, right for the article's sense of the word.

In order of preference (each definition records its source):

1. the teacher's shared glossary (``shared glossary``);
2. the article's own explanation (``article``): a dash or parenthesis gloss ("the
   Mujahideen – or Islamic holy warriors –"), an appositive ("Charika, the capital of
   neighboring Parwan province"), "X is/was/has been a Y", "a Y known as / called X";
3. for a word, Companion's learner dictionary (``dictionary``, see
   companion.generation.learner_dictionary): a plain line for a grade-8 reader, or no
   entry for a word it calls known or ambiguous; for a word it does not hold, WordNet 3.0
   (``wordnet``): the sense whose gloss best overlaps the sentence and the passage
   (simplified Lesk with WordNet's sense order as the prior), dropped when the fit is
   weak; for a name, a WordNet instance sense, in the plain line Companion's learner
   names file gives that sense (``dictionary``) when it has one;
4. for a person, place or group, a short line from the article (``context``): a title
   ("NRF spokesman"), a location ("valley in northern Afghanistan"), or what a group did;
5. otherwise nothing: no entry is better than a wrong one.

This module holds 1, 2 and the shaping every definition goes through (length, no
repetition of the term, no leading article); 3 is in companion.generation.senses and 4 in
companion.generation.context_lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from companion.common.wordnet import get_wordnet
from companion.generation.analysis import zipf
from companion.generation.clauses import joining_hyphen, span_text
from companion.generation.lexicon import (
    ARTIFACT_LEXNAME,
    DASHES,
    PERSON_LEXNAME,
    PRONOUNS,
    REGION_LABELS,
)
from companion.generation.terms import (
    Mention,
    Thing,
    normal_key,
    spelling_variants,
)
from companion.lesson.model import GlossaryEntry

MAX_DEFINITION_WORDS = 25
RELATIONAL_START = (
    "now ",
    "currently ",
    "then ",
    "later ",
    "formerly ",
    "once ",
    "still ",
    "also ",
)
# "one" only as an article: "one of a pair of long straps" keeps it
LEADING_DETERMINERS = re.compile(
    r"^(?:a|an|the|another|some|one(?!\s+(?:of|who|that)\b))\s+", re.IGNORECASE
)


# 14 group, 15 location, 18 person).
@dataclass
class Definition:
    text: str
    source: str
    evidence: Mention | None  # the mention whose sentence supports the definition
    confidence: float
    household: bool = False  # a name every student knows (the learner names file)
    central_only: bool = False  # a line worth giving only for a thing the article is about


RESTRICTED = re.compile(r"\bthe (?:[a-z]+ ){0,2}[a-z]+(?: of [\w ]+)?$")  # "the branch of Islam"


# after a comma, the rest of a list: "[a person,] committee, or piece of research"
LIST_GOES_ON = re.compile(r"(?:(?:or|and)\b|[\w'-]+(?: [\w'-]+)?, (?:or|and)\b)")


def shorten(text: str, limit: int = MAX_DEFINITION_WORDS, lists: bool = True) -> str:
    """At most `limit` words, cut at a clause boundary; '' if no clean cut exists.

    Cuts before a relative clause or at a comma are preferred to cuts at "and"/"or",
    which can leave half of a list (``lists=False`` never cuts there)."""
    text = " ".join(text.split()).strip(" ,;:")
    if len(text.split()) <= limit:
        return text
    boundaries = [r",\s|;\s|\s(?:that|which|who|whose|where)\s|\s\("]
    if lists:
        boundaries.append(r"\s(?:and|but|or)\s")
    for boundary in boundaries:
        best = ""
        for match in re.finditer(boundary, text):
            prefix = text[: match.start()].strip(" ,;")
            if match.group(0).startswith(",") and LIST_GOES_ON.match(text[match.end() :]):
                continue  # "a person, committee, or piece of research": inside a list
            if RESTRICTED.search(prefix) and match.group(0).strip() == "that":
                continue  # "member of the branch of Islam [that regards Ali as ...]": "the
                # branch" needs its clause
            if 3 <= len(prefix.split()) <= limit:
                best = prefix
        if best:
            return best
    return ""


def clean_phrase(text: str) -> str:
    """An explanation from the article as a definition phrase: no leading article, no
    trailing punctuation or dangling conjunction, balanced quotes and brackets."""
    text = " ".join(text.split()).strip(" ,;:–—-")
    if not re.search(r"\b[A-Z](?:\.[A-Z])+\.$", text):  # "the U.K." keeps its dot
        text = text.rstrip(".").rstrip(" ,;:–—-")
    if ":" in text:
        return ""  # "Snack on the run: Tamari almonds ...": page headings, not a phrase
    text = LEADING_DETERMINERS.sub("", text)
    text = re.sub(r"\s+(?:and|or|but|as|of|to|the|a|an)$", "", text)
    for open_, close in (("(", ")"), ("“", "”"), ("[", "]")):
        if text.count(open_) != text.count(close):
            return ""
    if text.count('"') % 2:
        return ""
    return text


def _without_scientific_name(text: str) -> str:
    """A Latin name after the plain one is jargon to a grade-8 reader: "survivor of the
    Pinta Island tortoise, Chelonoidis nigra abingdonii" ends at "tortoise"."""
    match = SCIENTIFIC_NAME.search(text)
    if match is None or any(zipf(w) >= LATIN_ZIPF for w in match.group(1).lower().split()):
        return text
    return text[: match.start()]


SCIENTIFIC_NAME = re.compile(r",\s+([A-Z][a-z]+(?: [a-z]+){1,2})$")
LATIN_ZIPF = 3.0  # "nigra" 2.5, "sapiens" 2.4: no word of them in common English use


MAX_ANDS = 3


def usable(text: str, thing: Thing, allow_pronouns: bool = False) -> bool:
    """A definition that is short, not empty, and does not repeat the term."""
    words = re.findall(r"[\w’'-]+", text.lower())
    if len(words) < 1 or len(words) > MAX_DEFINITION_WORDS or not re.search(r"[a-z]{3}", text):
        return False
    if not allow_pronouns and PRONOUNS & set(words):
        return False
    if re.search(r"\b(?:one|two|three|four|more|several|many)\W*$", text):
        return False  # "concerted: joint activity of two or more": of two or more what?
    if re.search(r"\b(?:about|of|to|for|with|by|from|and|or|the|a|an)\W*$", text) or re.search(
        r"(?<!\bor )\b(?:something|someone|somebody)\W*$", text
    ):
        return False  # "conducive: tending to bring about": bring about what?
        # "reshuffle: redistribution of something": of what? "ASEAN: association of
        # nations dedicated to ... cooperation in southeastern Asia and": and what?
    if re.match(r"\s*['’]s\b", text):
        return False  # "'s foreign minister of New Zealand": the owner was cut off
    if all(w[:1].isupper() for w in re.findall(r"[A-Za-z][\w’'-]*", text)) or (
        len(text.split()) == 1 and text[:1].isupper()
    ):
        return False  # "Young Contemporaries Awards: Bakat Muda Sezaman (BMS)",
        # "Space.com: SpaceWeather.com": another name, not what it is
    if re.search(r"\b(\w+) \1\b", text, re.IGNORECASE):
        return False  # "boss of Ryanair Ryanair": a caption's doubled word
    if CAPTION_PLACE.search(text):
        return False  # "Lai Muhammad: (middle) pointing at one of the artefacts": a
        # photo caption, not who he is
    if NOT_A_DEFINITION.match(text):
        return False  # "Exhibit A: maybe more like Exhibit F or G", "Falcon: international
        # name Meari": a hedge or another name, not what it is
    if words.count("and") >= MAX_ANDS:
        return False  # "club dedicated to promoting responsible citizenship and good
        # government and community and national and international welfare": a run-on
    return not repeats_term(text, thing)


NOT_A_DEFINITION = re.compile(
    r"\s*(?:(?:maybe|perhaps|probably|possibly|likely|just|even|also)\b"
    r"|(?:[a-z]+ )?(?:name|nickname|also known as|aka)\s+[A-Z])",
)
# where a photo caption places a person: "(middle)", "(second left)", "(L-R)"
CAPTION_PLACE = re.compile(
    r"\((?:(?:second|third|far|top|bottom|front|back) )?(?:left|right|middle|centre|center|"
    r"l-r|r-l|pictured|above|below)\)",
    re.IGNORECASE,
)
HEAD_END = re.compile(r"\s(?:of|in|on|at|for|from|with|to|by|that|who|which|whose|where)\s|[,;(]")
GROUP_LEXNAME, PLACE_LEXNAME = 14, 15  # WordNet's noun.group and noun.location


def fits_kind(text: str, thing: Thing) -> bool:
    """The article's line says what kind of thing the term is: a person noun for a person
    ("Sandra Girdner: investigation into the allegation ..." is not), not one person for a
    group ("Safaricom: market leader in ..."; "Islamic holy warriors" fits), one place for
    a place ("Perlis: several districts in Kedah ..."). The head is the last word before
    "of", "in", "that" ...; words WordNet does not know pass (it refuses what it can see)."""
    words = re.findall(r"[A-Za-z][\w'-]*", HEAD_END.split(f" {text} ", 1)[0])
    if not words:
        return True
    head = words[-1].lower()
    wordnet = get_wordnet()
    singular = next((b for b in wordnet.base_forms(head, "n") if b != head), "")
    senses = wordnet.synsets(singular or head, "n")
    if not senses:
        return True
    lexnames = {s.lexname for s in senses}
    if thing.kind == "person":
        return PERSON_LEXNAME in lexnames or words[-1][:1].isupper()
    if thing.kind == "group" or thing.label == "ORG":
        return bool(singular) or senses[0].lexname != PERSON_LEXNAME  # "warriors" fits
    if thing.kind == "place":
        if thing.label == "GPE" and lexnames == {ARTIFACT_LEXNAME}:
            return False  # "Kathmandu: airport at Nepal's capital": a building, not a town
            # ("Hubble: NASA telescope" stays: the parse said a place, not a town)
        return not (singular and PLACE_LEXNAME in lexnames)  # one place, not "districts"
    return True


def cut_from_its_sentence(text: str) -> bool:
    """A line of the article that only makes sense in its sentence: a list's gloss after a
    dash ("Hale-Bopp: Hyakutake - earlier comets"), or an owner that is a bare noun
    ("Merton: family's country house": which family?)."""
    return bool(re.search(r"\s[-–—]\s", text) or re.match(r"\s*(?:the\s+)?[a-z]+['’]s\b", text))


def _same_root(a: str, b: str) -> bool:
    """'intensely' and 'intense', 'uninvolved' and 'involved'."""
    if len(a) < 5 or len(b) < 5:
        return a == b
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 0.6 * len(long_):
        return True  # "involved" in "uninvolved"; but a spacecraft may be a "craft"
    n = max(5, min(len(a), len(b)) - 2)
    return a[:n] == b[:n]


def repeats_term(text: str, thing: Thing) -> bool:
    lowered = f" {normal_key(text)} "
    names = thing.forms
    if thing.kind == "person":
        # "son of Ahmed Shah Masood" does not repeat "Ahmed Masood": only full names count
        names = {f for f in names if len(f.split()) > 1} or names
    forms = {normal_key(f) for f in names} | {thing.lemma, thing.acronym.lower()}
    if not thing.is_name:
        words = re.findall(r"[a-z]+", text.lower())
        if any(_same_root(w, form) for w in words for form in forms if form and " " not in form):
            return True
    for form in filter(None, forms):
        if len(form) >= 3 and re.search(rf"(?<![\w-]){re.escape(form)}(?:s|es)?(?![\w-])", lowered):
            return True
    return False


def article_explanation(thing: Thing, resolve) -> Definition | None:
    """The article's own explanation of a term, from the first mention that has one."""
    # A word (not a name) takes only an explicit gloss, "X (Y)" or "X – or Y –": an
    # appositive or "is a" beside a word was most often the next words of the sentence
    # ("hailstones: distribution of lapilli", "winegrowers: union").
    finders = (
        (_dash_or_paren_gloss, _appositive, _copula, _known_as)
        if thing.is_name
        else (_dash_or_paren_gloss,)
    )
    for mention in sorted(thing.mentions, key=lambda m: (m.paragraph, m.start)):
        for finder in finders:
            text = finder(mention, resolve)
            text = clean_phrase(text) if text else ""
            if text and not thing.is_name and re.search(r"\d", text):
                continue  # "liters: 20.5 gallons": a conversion, not a definition
            if text and len(text.split()) > MAX_DEFINITION_WORDS:
                text = shorten(text)
            text = _without_scientific_name(text)
            if text and cut_from_its_sentence(text):
                continue
            if text and " " not in text and "-" not in text and zipf(text.lower()) < RARE_GLOSS:
                continue  # "whooping cough (pertussis)": a rarer name for it, no meaning
            if text and usable(text, thing) and not _cut_inside_name(text, mention):
                if _a_ranking(text, mention) or PART_OF.match(text) or not fits_kind(text, thing):
                    continue  # "Halifax: part of Lloyds Banking Group": whose, not what
                return Definition(text, "article", mention, 0.9)
    return None


PART_OF = re.compile(r"(?:a |an )?(?:part|unit|division|subsidiary|arm) of\b", re.I)


def _a_ranking(text: str, mention: Mention) -> bool:
    """ "youngest winner of the Booker", "first cyclone in the Bay of Bengal", "UK's
    biggest private-sector employer": a record the thing holds, not what it is (reviewed
    on unseen news: none of 4 accepted)."""
    words = text.split()
    if len(words) > 1 and re.search(r"['’]s$", words[0]):
        words = words[1:]  # "UK's biggest ..."
    first = words[0] if words else ""
    return any(
        t.text == first and (t.tag_ in ("JJS", "RBS") or t.ent_type_ == "ORDINAL")
        for t in mention.sentence
    )


def _cut_inside_name(text: str, mention: Mention) -> bool:
    """ "president of contract business at Winter" from "... at Winter, Wyman Cos.": a
    phrase ending on a name that the sentence carries on after a comma."""
    last = text.split()[-1] if text.split() else ""
    if not last[:1].isupper():
        return False
    sentence = " ".join(mention.sentence.text.split())
    return re.search(re.escape(text) + r",\s+[A-Z]", sentence) is not None


def _dash_or_paren_gloss(mention: Mention, _resolve) -> str:
    """ "X – or Y –", "X (Y)", "X, or Y,": Y glosses X. An acronym in brackets is not a gloss."""
    doc, i = mention.doc, mention.end
    if i >= len(doc):
        return ""
    before = doc[mention.start - 1] if mention.start > 0 else None
    if (
        before is not None
        and before.is_alpha
        and (
            before.dep_ == "compound"
            or (before.dep_ == "amod" and zipf(before.lower_) < RARE_WORD_ZIPF)
        )
    ):
        return ""  # "wāhine atua (female deity)": the gloss is the whole phrase's
    opener = doc[i].text
    if opener in DASHES or opener == "(":
        closer = {"(": ")"}.get(opener)
        tokens = []
        for token in doc[i + 1 :]:
            if (closer and token.text == closer) or (
                not closer and token.text in DASHES and not joining_hyphen(token)
            ):
                break  # ("elective – or non-urgent – care": the hyphen is the word's)
            if token.sent != doc[i].sent:
                break
            tokens.append(token)
        else:
            if closer:
                return ""
        text = "".join(t.text_with_ws for t in tokens).strip()
        if re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}s?", text) or not tokens:
            return ""
        if closer is None and not re.match(r"(?:or|i\.e\.|that is|meaning|now|the|a|an)\b", text):
            return ""  # a dash that opens an aside, not a gloss
        if closer and not _noun_phrase_like(tokens):
            return ""  # "(all of the time)", "(see below)": not a gloss
        return re.sub(r"^(?:or|i\.e\.,?|that is,?|meaning)\s+", "", text)
    if opener == "," and i + 1 < len(doc) and doc[i + 1].lower_ == "or":
        tokens = []
        for token in doc[i + 2 :]:
            if token.text == "," or token.is_sent_end or token.text in DASHES:
                break
            tokens.append(token)
        if tokens and (
            tokens[0].pos_ in ("ADP", "SCONJ", "PRON") or tokens[0].tag_ in CLAUSE_VERB_TAGS
        ):
            return ""  # "loaded on vessels, or for which letters of credit ...", "the
            # tests, or altering the conditions ...": another case of the sentence, not a
            # gloss ("a trebuchet, or catapult," is one, whatever the tagger says)
        return "".join(t.text_with_ws for t in tokens).strip()
    return ""


CLAUSE_VERB_TAGS = frozenset({"VBG", "VBD", "VBN", "VBZ"})
RARE_GLOSS = 3.0  # a one-word gloss rarer than this is jargon (pertussis 2.55)
RARE_WORD_ZIPF = 2.0  # "wāhine" (in "wāhine atua"): no English adjective


def _noun_phrase_like(tokens: list[Token]) -> bool:
    first = tokens[0]
    if first.lower_ in ("or", "i.e.", "that"):
        return True
    return (
        first.pos_ in ("DET", "ADJ", "NOUN")
        and first.lower_ not in ("all", "each", "every", "some", "any", "no", "this", "that")
        and any(t.pos_ == "NOUN" for t in tokens)
        and not any(t.like_num for t in tokens)
    )


def _subtree_text(
    token: Token,
    skip: Token | None = None,
    stop_deps=("relcl", "acl", "appos"),
    end: int | None = None,
) -> str:
    """A phrase: the token and its dependents, leaving out clauses (at any depth), the
    commas around them, `skip` (the term itself) and anything from index `end` on."""
    skipped: set[int] = set(range(end, len(token.doc))) if end is not None else set()
    for t in token.subtree:
        if t is not token and t.dep_ in stop_deps and t.i > token.i and not _names_its_head(t):
            skipped.update(x.i for x in t.subtree)
    if skip is not None:
        skipped.update(t.i for t in skip.subtree)
    last = max(t.i for t in token.subtree)
    for t in token.subtree:
        # the commas around a clause left out go with it; a comma inside the phrase stays
        # ("in Sittingbourne, Kent, United Kingdom", not "in Sittingbourne Kent United ...")
        beside_a_cut = t.i + 1 in skipped or t.i - 1 in skipped or t.i == last
        if t.dep_ == "punct" and t.i > token.i and (beside_a_cut or t.text == ";"):
            skipped.add(t.i)
    _keep_hyphened_words_whole(token, skipped)
    keep = [t for t in token.subtree if t.i not in skipped]
    if token not in keep:
        return ""

    return span_text(keep)


def _names_its_head(token: Token) -> bool:
    """A name right after its noun, with no comma: "the British house Alexander McQueen"
    says which house (cut, the line would end "of the British house")."""
    if token.dep_ != "appos" or token.pos_ != "PROPN":
        return False
    start = min(t.i for t in token.subtree)
    return start == token.head.i + 1


def _keep_hyphened_words_whole(token: Token, skipped: set[int]) -> None:
    """Never half a hyphenated word: "the co-founder of Apple", where the parser hung
    "founder" apart as an apposition, must not come out "the co- of Apple"."""
    words = list(token.subtree)
    changed = True
    while changed:
        changed = False
        for left, right in zip(words, words[1:], strict=False):
            joined = right.i == left.i + 1 and not left.whitespace_
            glued = joined and "-" in (left.text, right.text)
            if glued and (left.i in skipped) != (right.i in skipped):
                skipped.discard(left.i)
                skipped.discard(right.i)
                changed = True


def _appositive(mention: Mention, resolve) -> str:
    root = mention.span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= mention.end:
            if child.left_edge.i > mention.end + 1:
                return ""  # the parser hung another noun's appositive on the name, far
                # along the sentence ("Biogen said ... a heavy burden on Medicare, the
                # government health plan ..."): an appositive follows its name
            if child.pos_ == "NOUN":
                return _subtree_text(child)
            head_label = mention.doc[mention.start].ent_type_
            if child.ent_type_ in REGION_LABELS and head_label in REGION_LABELS:
                return f"place in {_subtree_text(child)}"  # "Laurel, Maryland"
            return ""
    in_brackets = mention.start > 0 and mention.doc[mention.start - 1].text == "("
    if (
        root.dep_ == "appos"
        and root.head.i < mention.start
        and root.head.pos_ == "NOUN"
        and not in_brackets
        and not any(t.dep_ == "cc" for t in mention.doc[root.head.i + 1 : mention.start])
        and not _in_list(root)
        and not (root.head.dep_ == "attr" and any(c.dep_ == "dobj" for c in root.children))
    ):
        # "Masood's son, Ahmed Masood": the head describes the mention. (Not "X was the
        # soprano, Azarenka the alto": the parser hangs the second pair on the first; nor
        # a name after "and": "Pupils from Tonbridge School and ... Grammar School".)
        head = root.head
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        # a clause between the noun and the name says which one: "a site that monitors
        # reports of outages across the internet, Downdetector"
        noun = _subtree_text(head, skip=owner, stop_deps=("appos",), end=mention.start)
        if owner is not None and noun:
            noun = LEADING_DETERMINERS.sub("", noun)
            whose = resolve(owner)
            if owner.pos_ == "NOUN" and whose.lower() == owner.text.lower():
                return ""  # "the city's mayor, Gary Chesney": which city, the entry can't say
            return f"{noun} of {whose}"
        return noun
    return ""


def _in_list(token: Token) -> bool:
    """A name among the items of a list ("the size and type of fonts used, the raw HTML
    of each page, and ..."): the item before it is not its description."""
    head = token.head
    if any(t.dep_ == "conj" for t in (token, head)) or any(
        c.dep_ == "conj" for t in (token, head) for c in t.children
    ):
        return True
    return sum(1 for t in token.sent if t.text == ",") >= 4


def _copula(mention: Mention, _resolve) -> str:
    root = mention.span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be" or root.pos_ != "PROPN":
        return ""  # "Ejections are a direct hazard" is a claim, not a definition
    if any(c.dep_ == "neg" for c in verb.children):
        return ""
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i), None)
    if attr is None or attr.pos_ not in ("NOUN", "PROPN"):
        return ""
    if any(
        t.lower_ in ("such", "so", "one", "very", "most", "best")
        for t in attr.subtree
        if t.i < attr.i
    ):
        return ""
    if attr.pos_ == "PROPN" and not any(c.dep_ == "det" for c in attr.children):
        return ""
    if attr.lemma_ in NAMING_NOUNS:
        return _what_it_names(attr)
    return _subtree_text(attr)


NAMING_NOUNS = frozenset({"term", "name", "word", "phrase", "label", "nickname"})
NAMES_WHAT = re.compile(
    r"^(?:(?:used|given|coined)\s+)?(?:to\s+(?:describe|refer\s+to|mean|denote)|for|to)\s+(.+?)\W*$",
    re.S,
)


def _what_it_names(attr: Token) -> str:
    """ "NAFLD ... is the term used to describe fat build-up in liver cells ...", "X is a
    term for Y", "the name given to Y": Y, to the end of the sentence (a bare "term" says
    nothing)."""
    sentence = attr.sent
    rest = attr.doc[attr.i + 1 : sentence.end].text
    found = NAMES_WHAT.match(rest)
    return found.group(1) if found else ""


def _known_as(mention: Mention, _resolve) -> str:
    root = mention.span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_ == "know":
        verb = head.head
    elif root.dep_ in ("oprd", "dobj") and head.lemma_ in ("call", "name") and head.dep_ == "acl":
        verb = head
    else:
        return ""
    if verb.dep_ != "acl":
        return ""
    return _subtree_text(verb.head)


def shared_definition(thing: Thing, shared: list[GlossaryEntry]) -> Definition | None:
    keys = {normal_key(f) for f in thing.forms} | {
        normal_key(thing.expansion),
        thing.acronym.lower(),
    }
    if thing.lemma:
        keys.add(thing.lemma)
    keys.discard("")
    for entry in shared:
        entry_keys = {normal_key(entry.term)}
        match = re.match(r"^(.*?)\s*\(([^)]+)\)$", entry.term)
        if match:
            entry_keys |= {normal_key(match.group(1)), normal_key(match.group(2))}
        if any(spelling_variants(a, b) for a in keys for b in entry_keys):
            return Definition(entry.definition, "shared glossary", thing.first, 1.0)
    return None
