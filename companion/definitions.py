"""Definitions for glossary terms, right for the article's sense of the word.

In order of preference (each definition records its source):

1. the teacher's shared glossary (``shared glossary``);
2. the article's own explanation (``article``): a dash or parenthesis gloss ("the
   Mujahideen – or Islamic holy warriors –"), an appositive ("Charika, the capital of
   neighboring Parwan province"), "X is/was/has been a Y", "a Y known as / called X";
3. WordNet 3.0 (``wordnet``): for a word, the sense whose gloss best overlaps the
   sentence and the passage (simplified Lesk with WordNet's sense order as the prior); a
   sense is dropped when the fit is weak; for a name, an instance sense;
4. for a person, place or group, a short line from the article (``context``): a title
   ("NRF spokesman"), a location ("valley in northern Afghanistan"), or what a group did;
5. otherwise nothing: no entry is better than a wrong one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from companion.lesson import GlossaryEntry
from companion.terms import SPEECH_VERBS, Mention, Thing, normal_key, spelling_variants
from companion.wordnet import Synset, WordNet

MAX_WORDS = 25
DASHES = {"–", "—", "-", "--"}
PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "this",
    "these",
    "those",
    "we",
    "our",
    "you",
    "your",
    "i",
    "me",
    "my",
}
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
LEADING_DETERMINERS = re.compile(r"^(?:a|an|the|another|one|some)\s+", re.IGNORECASE)
WORDNET_NAME_LEXNAMES = {14, 15, 18, 11, 7}  # noun.group, location, person, event, act
# Which WordNet noun files fit a spaCy entity label (6 artifact, 7 act, 11 event,
# 14 group, 15 location, 18 person).
LABEL_LEXNAMES = {
    "PERSON": {18},
    "GPE": {15},
    "LOC": {15, 17},
    "FAC": {6, 15},
    "ORG": {14},
    "NORP": {14, 18},
    "EVENT": {7, 11},
}
STOP = {
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
}


@dataclass
class Definition:
    text: str
    source: str
    evidence: Mention | None  # the mention whose sentence supports the definition
    confidence: float


# ------------------------------------------------------------------------- shaping


def shorten(text: str, limit: int = MAX_WORDS) -> str:
    """At most `limit` words, cut at a clause boundary; '' if no clean cut exists.

    Cuts before a relative clause or at a comma are preferred to cuts at "and"/"or",
    which can leave half of a list."""
    text = " ".join(text.split()).strip(" ,;:")
    if len(text.split()) <= limit:
        return text
    for boundary in (r",\s|;\s|\s(?:that|which|who|whose|where)\s|\s\(", r"\s(?:and|but|or)\s"):
        best = ""
        for match in re.finditer(boundary, text):
            prefix = text[: match.start()].strip(" ,;")
            if 3 <= len(prefix.split()) <= limit:
                best = prefix
        if best:
            return best
    return ""


def clean_phrase(text: str) -> str:
    """An explanation from the article as a definition phrase: no leading article, no
    trailing punctuation or dangling conjunction, balanced quotes and brackets."""
    text = " ".join(text.split()).strip(" ,;:.–—-")
    text = LEADING_DETERMINERS.sub("", text)
    text = re.sub(r"\s+(?:and|or|but|as|of|to|the|a|an)$", "", text)
    for open_, close in (("(", ")"), ("“", "”"), ("[", "]")):
        if text.count(open_) != text.count(close):
            return ""
    if text.count('"') % 2:
        return ""
    return text


def usable(text: str, thing: Thing, allow_pronouns: bool = False) -> bool:
    """A definition that is short, not empty, and does not repeat the term."""
    words = re.findall(r"[\w’'-]+", text.lower())
    if len(words) < 1 or len(words) > MAX_WORDS or not re.search(r"[a-z]{3}", text):
        return False
    if not allow_pronouns and PRONOUNS & set(words):
        return False
    return not repeats_term(text, thing)


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


# ------------------------------------------------------------------------- article


def article_explanation(thing: Thing, resolve) -> Definition | None:
    """The article's own explanation of a term, from the first mention that has one."""
    for mention in sorted(thing.mentions, key=lambda m: (m.paragraph, m.start)):
        for finder in (_dash_or_paren_gloss, _appositive, _copula, _known_as):
            text = finder(mention, resolve)
            text = clean_phrase(text) if text else ""
            if text and len(text.split()) > MAX_WORDS:
                text = shorten(text)
            if text and usable(text, thing):
                return Definition(text, "article", mention, 0.9)
    return None


def _dash_or_paren_gloss(mention: Mention, _resolve) -> str:
    """ "X – or Y –", "X (Y)", "X, or Y,": Y glosses X. An acronym in brackets is not a gloss."""
    doc, i = mention.doc, mention.end
    if i >= len(doc):
        return ""
    opener = doc[i].text
    if opener in DASHES or opener == "(":
        closer = {"(": ")"}.get(opener)
        tokens = []
        for token in doc[i + 1 :]:
            if (closer and token.text == closer) or (not closer and token.text in DASHES):
                break
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
        return "".join(t.text_with_ws for t in tokens).strip()
    return ""


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
    token: Token, skip: Token | None = None, stop_deps=("relcl", "acl", "appos")
) -> str:
    """A phrase: the token and its dependents, leaving out clauses (at any depth), the
    commas around them, and `skip` (the term itself)."""
    skipped: set[int] = set()
    for t in token.subtree:
        if t is not token and t.dep_ in stop_deps and t.i > token.i:
            skipped.update(x.i for x in t.subtree)
    if skip is not None:
        skipped.update(t.i for t in skip.subtree)
    for t in token.subtree:
        if t.dep_ == "punct" and t.i > token.i and (t.i + 1 in skipped or t.text in ",;"):
            skipped.add(t.i)
    keep = [t for t in token.subtree if t.i not in skipped]
    if token not in keep:
        return ""
    from companion.clauses import span_text

    return span_text(keep)


def _appositive(mention: Mention, resolve) -> str:
    root = mention.span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= mention.end:
            if child.pos_ == "NOUN":
                return _subtree_text(child)
            if child.ent_type_ in ("GPE", "LOC") and mention.doc[mention.start].ent_type_ in (
                "GPE",
                "LOC",
            ):
                return f"place in {_subtree_text(child)}"  # "Laurel, Maryland"
            return ""
    in_brackets = mention.start > 0 and mention.doc[mention.start - 1].text == "("
    if (
        root.dep_ == "appos"
        and root.head.i < mention.start
        and root.head.pos_ == "NOUN"
        and not in_brackets
    ):
        # "Masood's son, Ahmed Masood": the head describes the mention.
        head = root.head
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        noun = _subtree_text(head, skip=owner)
        if owner is not None and noun:
            noun = LEADING_DETERMINERS.sub("", noun)
            return f"{noun} of {resolve(owner)}"
        return noun
    return ""


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
    return _subtree_text(attr)


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


# ------------------------------------------------------------------------- WordNet


def _content_lemmas(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2}


def _stem(word: str) -> str:
    """A crude stem, enough to match 'minerals' with 'mineral' but not 'waterproof'
    with 'water'."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


class SenseChooser:
    """Simplified Lesk: overlap between a sense's gloss and the term's context."""

    def __init__(self, wordnet: WordNet, article_lemmas: set[str]):
        self.wordnet = wordnet
        self.article = {_stem(w) for w in article_lemmas}

    def define_word(self, thing: Thing, passage_lemmas: set[str]) -> Definition | None:
        mention = thing.first
        sentence = {
            _stem(t.lemma_.lower()) for t in mention.sentence if t.is_alpha and not t.is_stop
        }
        passage = {_stem(w) for w in passage_lemmas}
        senses: list[Synset] = []
        for form in self.wordnet.base_forms(thing.lemma, thing.pos):
            senses = self.wordnet.synsets(form, thing.pos)
            if senses:
                break
        if not senses:
            return None
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
            local = 2 * len(signature & sentence) + 0.5 * len(signature & passage)
            qualifier = re.match(r"\(([^)]*)\)", sense.definition)
            if qualifier and not (
                {_stem(w) for w in _content_lemmas(qualifier.group(1))} & (sentence | passage)
            ):
                local -= 3  # a sense for another field ("(electronics)", "(of a leaf shape)")
            overlap = local + 0.5 * len(signature & self.article)
            scored.append((overlap + 2.5 / (rank + 1), local, rank, sense))
        scored.sort(key=lambda s: (-s[0], s[2]))
        _, overlap, rank, sense = scored[0]
        if len(senses) > 2 and overlap < 2:
            return None  # a weak fit among many senses: better no entry than a wrong one
        if len(senses) == 2 and overlap < 2 and (rank != 0 or not self._dominant(thing, sense)):
            return None
        text = wordnet_text(sense, thing)
        if not text:
            return None
        confidence = 0.8 if len(senses) == 1 else (0.7 if overlap >= 2 else 0.5)
        return Definition(text, "wordnet", mention, confidence)

    def _dominant(self, thing: Thing, sense: Synset) -> bool:
        """WordNet's first sense, trusted without context only when the tagged corpus
        saw it often. For a verb or adjective with two senses, the second is usually a
        figurative extension ("assassinate" a reputation), so the first is trusted."""
        return thing.pos in ("a", "v") or self.wordnet.tag_count(thing.lemma, 1) >= 2

    def define_name(self, thing: Thing) -> Definition | None:
        if thing.label == "NORP" and thing.first.span.root.dep_ in ("amod", "compound"):
            # "a Prussian general", "the Martian surface": the adjective's sense
            for sense in self.wordnet.synsets(thing.first.text, "a")[:1]:
                text = wordnet_text(sense, thing)
                if text:
                    return Definition(text, "wordnet", thing.first, 0.7)
        forms = sorted(thing.forms, key=lambda f: -len(f))
        if thing.expansion:
            forms.insert(0, thing.expansion)
        for form in forms:
            if thing.kind == "person" and len(form.split()) < 2:
                continue  # a bare surname could be anyone
            for sense, exact in self._name_senses(form, fuzzy=thing.kind == "person"):
                if not (sense.instance or sense.lexname in WORDNET_NAME_LEXNAMES):
                    continue
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
                text = wordnet_text(sense, thing, keep_years=thing.kind == "person")
                if text:
                    return Definition(text, "wordnet", thing.first, 0.75 if exact else 0.6)
        return None

    def _name_senses(self, form: str, fuzzy: bool):
        """Senses named exactly `form`; for a person also those found through a spelling
        of the surname (Masood -> Masoud) whose full name matches `form` but for spelling."""
        for sense in self.wordnet.synsets(form, "n")[:1]:
            yield sense, True
        if not fuzzy or len(form.split()) < 2:
            return
        for variant in _vowel_variants(form.split()[-1]):
            for sense in self.wordnet.synsets(variant, "n"):
                if any(spelling_variants(form, lemma) for lemma in sense.lemmas):
                    yield sense, False
                    return


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


def wordnet_text(sense: Synset, thing: Thing, keep_years: bool = False) -> str:
    """A sense's gloss as a short definition that does not repeat the term."""
    segments = [s.strip() for s in sense.definition.split(";") if s.strip()]
    years = next(
        (
            s
            for s in segments
            if re.fullmatch(r"\(?\d{3,4}\s*-\s*\d{3,4}\)?", s.split()[-1] if s.split() else "")
        ),
        "",
    )
    segments = [s for s in segments if not repeats_term(s, thing)]
    if not segments:
        return ""
    text = re.sub(r"^\([^)]*\)\s*", "", segments[0])  # "(of a path e.g.) having bends"
    if len(text.split()) < 3 and len(segments) > 1:
        text = f"{text}, {segments[1]}"
    text = LEADING_DETERMINERS.sub("", text)
    text = shorten(text, 18) or shorten(text)
    if keep_years and years:
        match = re.search(r"\(\d{3,4}\s*-\s*\d{3,4}\)", years)
        if match and len(text.split()) < MAX_WORDS - 1:
            text = f"{text} {match.group(0)}"
    if thing.pos == "v" and text and not text.startswith("to "):
        text = f"to {text}"
    return text if usable(text, thing, allow_pronouns=True) else ""


# ------------------------------------------------------------------------- context


def context_line(thing: Thing, resolve) -> Definition | None:
    """For a person, place or group with no other definition: a short line from the
    article about it, e.g. "NRF spokesman" or "valley in northern Afghanistan"."""
    finders = {
        "person": (_title_before_name,),
        "place": (_place_line, _name_as_modifier, _generic_head),
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
            if text and usable(text, thing):
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
    from companion.wordnet import get_wordnet

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


def _may_describe_group(thing: Thing) -> bool:
    """Say "group that ..." only of an organisation the article names often, whose name
    is not an ordinary word or a model number (a rover called Curiosity, the DC-8)."""
    from companion.analysis import zipf

    name = thing.first.text
    return (
        thing.label in ("ORG", "NORP")
        and len(thing.mentions) >= 3
        and not re.search(r"\d", name)
        and (len(name.split()) > 1 or zipf(name.lower()) < 3.5)
    )


def _title_before_name(mention: Mention, _resolve) -> str:
    """ "NRF spokesman Fahim Dasti", "former Afghan Vice President Amrullah Saleh"."""
    root = mention.span.root
    words = [
        t
        for t in root.subtree
        if t.i < mention.start
        and t.dep_ in ("compound", "amod", "nmod", "npadvmod")
        and t.ent_type_ not in ("DATE", "TIME")
        and t.pos_ != "DET"
    ]
    if len(words) < 1 or not any(t.pos_ == "NOUN" or t.text[:1].isupper() for t in words):
        return ""
    if words[-1].i != mention.start - 1 or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return ""
    if words[-1].pos_ != "NOUN":
        return ""  # "Florida-based", "Northrup Grumman": not a title
    first = words[0].i
    return mention.doc[first : mention.start].text


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
            and obj.ent_type_ in ("GPE", "LOC", "FAC")
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


def _predicate(mention: Mention, resolve) -> str:
    """What the article says a person did: "led the anti-Taliban offensive"."""
    verb = _verb_of_subject(mention)
    if verb is None:
        return ""
    return _verb_phrase(verb, resolve)


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
    if verb.lemma_ in SPEECH_VERBS or verb.lemma_ == "be":
        return None
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
    if verb.tag_ == "VBG":
        pass
    return f"{text} {obj_text}"


def resolver_for(things: list[Thing]):
    """A function naming the Thing a token belongs to ("Masood" -> "Ahmed Shah Masood")."""
    owner: dict[tuple[int, int], Thing] = {}
    for thing in things:
        for m in thing.mentions:
            for i in range(m.start, m.end):
                owner[(id(m.doc), i)] = thing

    def resolve(token: Token | Span) -> str:
        first = token[0] if isinstance(token, Span) else token
        thing = owner.get((id(first.doc), first.i))
        if thing is not None and thing.is_name:
            return display_name(thing)
        return token.text if isinstance(token, Span) else first.text

    return resolve


def display_name(thing: Thing) -> str:
    """The fullest form of a name the article uses (its first full mention)."""
    forms = [m.text for m in sorted(thing.mentions, key=lambda m: (m.paragraph, m.start))]
    longest = max(len(f.split()) for f in forms)
    return next(f for f in forms if len(f.split()) == longest)


# ------------------------------------------------------------------------- shared


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
