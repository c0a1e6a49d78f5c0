"""What every question rule shares: the Builder (indexes over the analysis), the
Candidate, and the sentence filters."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from companion.common.wordnet import get_wordnet
from companion.generation.analysis import COMMON_ZIPF, doc_text, zipf
from companion.generation.clauses import has_quote, is_quote
from companion.generation.context import Context
from companion.generation.lexicon import (
    NAME_PARTICLES,
    PERSON_LEXNAME,
    PRONOUN_SUBJECTS,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
)
from companion.generation.terms import Thing, display_name, normal_key
from companion.lesson.model import GlossaryEntry, Question, fingerprint

MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 6, 40
KIND_ORDER = ("literal", "cloze", "true_false", "open", "sequence")
TIME_PREPS = {"in", "on", "during", "since", "until", "by", "after", "before", "at"}
PLACE_PREPS = {"in", "at", "near", "inside", "outside"}
PERSONISH = {"person"}
GROUPISH = {"group", "name", "acronym"}
PLACEISH = {"place"}
RELATIVE_DATES = re.compile(
    r"^(?:(?:late|early|last|next|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|tomorrow|tonight|recent\s+\w+|\w+\s+(?:days?|weeks?|"
    r"months?|years?)(?:\s+ago)?)$",
    re.IGNORECASE,
)
FOLLOW_UP = "Using evidence from the passage"
MC_DISTRACTORS = 3  # every multiple-choice item and word bank has four options


@dataclass
class Candidate:
    question: Question
    passage: int
    family: str  # literal, cloze, true_false, open, sequence
    score: float
    answer_key: str
    sentence_key: tuple[int, int]
    short_form: Question | None = None  # a literal question asked without choices
    grammar: str | None = None  # the grammar gate's verdict ("" passes), once it has run


class Builder:
    """Everything the question rules share for one lesson."""

    def __init__(self, context: Context, glossary: list[list[GlossaryEntry]], things: list[Thing]):
        self.context = context
        self.analysis = context.analysis
        self.glossary = glossary
        self.things: list[Thing] = [t for t in things if t.mentions]
        self.owner: dict[tuple[int, int], Thing] = {}
        for thing in self.things:
            for m in thing.mentions:
                for i in range(m.start, m.end):
                    self.owner[(id(m.doc), i)] = thing
        self.numbers = [
            t.text.replace(",", "")
            for doc in self.analysis.docs
            for t in doc
            if t.like_num and t.text.replace(",", "").isdigit()
        ]
        self.glossed = {normal_key(e.term.split(" (")[0]) for p in glossary for e in p}
        # Indexes, so that every look-up is cheap on a long article.
        self.doc_index = {id(doc): i for i, doc in enumerate(self.analysis.docs)}
        self.sentence_positions = {
            (id(s.span.doc), s.span.start): i for i, s in enumerate(self.analysis.sentences)
        }
        self.mentions_in_doc: dict[int, list[tuple[Thing, object]]] = {}
        for thing in self.things:
            for m in thing.mentions:
                self.mentions_in_doc.setdefault(id(m.doc), []).append((thing, m))
        self.by_name = {display_name(t): t for t in self.things}
        self.capitalised_inside = {
            t.text
            for doc in self.analysis.docs
            for t in doc
            if t.text[:1].isupper() and not t.is_sent_start and t.is_alpha
        }
        self.sentences_with_lemma: dict[str, list[str]] = {}
        self._usable: dict[tuple[int, int], bool] = {}
        self._junk: dict[tuple[int, int], bool] = {}
        self._leans: dict[tuple[int, int, bool], bool] = {}
        self._speakers: dict[int, tuple[int, Thing]] | None = None
        self._pronouns: dict[str, str] | None = None
        for item in self.analysis.sentences:
            lowered = item.span.text.lower()
            for lemma in {t.lemma_ for t in item.span}:
                self.sentences_with_lemma.setdefault(lemma, []).append(lowered)

    # ------------------------------------------------------------------ helpers
    def thing_of(self, token: Token) -> Thing | None:
        return self.owner.get((id(token.doc), token.i))

    def resolve(self, token: Token) -> str:
        thing = self.thing_of(token)
        if thing is not None and thing.is_name:
            return display_name(thing)
        return token.text

    def prefer_glossed(self, pool: list[str]) -> list[str]:
        """Glossed terms first: they are the ones students have met and can weigh."""
        return sorted(pool, key=lambda p: normal_key(p) not in self.glossed)

    def paragraph_of(self, sentence: Span) -> int:
        return self.doc_index[id(sentence.doc)]

    def sentence_index(self, sentence: Span) -> int:
        return self.sentence_positions[(id(sentence.doc), sentence.start)]

    def passage_of(self, paragraph: int) -> int:
        return self.context.passage_of(paragraph)

    def paragraph_number(self, paragraph: int) -> int:
        return paragraph + 1

    def name_of(self, thing: Thing) -> str:
        return display_name(thing)

    def evidence(self, sentence: Span) -> str:
        return " ".join(sentence.text.split())

    def make(
        self,
        kind: str,
        prompt: str,
        sentence: Span,
        answer,
        choices=None,
        source: str = "",
        accept=None,
    ) -> Question:
        paragraph = self.paragraph_of(sentence)
        evidence = self.evidence(sentence)
        qid = "q-" + fingerprint(kind, evidence, answer, prompt)
        choices = list(choices or [])
        if choices and kind not in ("sequence", "true_false"):
            random.Random(qid).shuffle(choices)
        return Question(
            id=qid,
            kind=kind,
            prompt=prompt,
            choices=choices,
            answer=answer,
            evidence=evidence,
            paragraph=self.paragraph_number(paragraph),
            source=source,
            status="generated",
            accept=_other_forms(
                answer,
                [
                    f
                    for f in [*(accept or []), *_without_title(answer)]
                    if not self.shared_surname(f, evidence)
                ],
            ),
        )

    def shared_surname(self, form: str, evidence: str = "") -> bool:
        """One word that ends the names of two people of the article ("Watson" for
        Bradley and Amanda Watson): no answer to accept for either (reviewed: rejected),
        unless the evidence itself calls the person so ("Masood led the offensive")."""
        if " " in form or _said_alone(form, evidence):
            return False
        return len({display_name(t) for t in self.named_in_full(form)}) > 1

    def named_in_full(self, surname: str) -> list[Thing]:
        """The people the article names in two words or more ending with `surname`."""
        return [
            t
            for t in self.things
            if t.label == "PERSON"
            and len(display_name(t).split()) >= 2
            and display_name(t).split()[-1] == surname
        ]

    def resolved_subject(self, verb: Token) -> tuple[Token | None, str]:
        """The verb's subject and its name; a pronoun subject is resolved only where the
        previous sentence names exactly one person or group."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None, ""
        if subject.lower_ in PRONOUN_SUBJECTS:
            antecedent = self.antecedent(subject)
            return (subject, antecedent) if antecedent else (subject, "")
        return subject, ""

    def antecedent(self, pronoun: Token) -> str:
        """The one person (for he/she) or group or place (for it/they) that a pronoun can
        refer to: named earlier in the same sentence, else in the sentence before."""
        if pronoun.lower_ not in ("he", "she", "they", "his", "her", "their"):
            return ""  # "it" is too often an expletive ("it became apparent that ...")
        kinds = PERSONISH if pronoun.lower_ in ("he", "she", "his", "her") else GROUPISH | PLACEISH
        sentence = pronoun.sent
        earlier = self._named_in([t for t in sentence if t.i < pronoun.i], kinds)
        if earlier:
            return earlier if earlier != "?" else ""
        previous = self.previous_sentence(sentence)
        named = self._named_in(list(previous), kinds) if previous is not None else ""
        return named if named != "?" else ""

    def short_forms(self, thing: Thing, answer: str) -> set[str]:
        """The thing's forms, and a word of its full name the article uses alone for a
        person the tagger kept apart ("Mao said ..." beside "Mao Ning"): the forms a
        student may write."""
        words = answer.split()
        alone = {
            display_name(t)
            for t in self.things
            if t.kind == "person" and display_name(t) in words[:-1]
        }
        return {*thing.forms, *alone}

    def person_named_in(self, sentence: Span) -> str:
        """The one person the sentence names ("" if none or several)."""
        named = self._named_in(list(sentence), PERSONISH)
        return named if named != "?" else ""

    def _named_in(self, tokens: list[Token], kinds: set[str]) -> str:
        """The single thing of these kinds named in the tokens, '?' if several, '' if none."""
        found = {
            id(thing): thing
            for token in tokens
            if (thing := self.thing_of(token)) is not None and thing.kind in kinds
        }
        if len(found) > 1:
            return "?"
        return display_name(next(iter(found.values()))) if found else ""

    def usable(self, sentence: Span) -> bool:
        """usable_sentence, worked out once per sentence for all the question rules."""
        key = (id(sentence.doc), sentence.start)
        if key not in self._usable:
            self._usable[key] = usable_sentence(sentence, self.junk)
        return self._usable[key]

    def leans(self, sentence: Span, people: bool = True) -> bool:
        """leans_on_context, worked out once per sentence for all the question rules."""
        key = (id(sentence.doc), sentence.start, people)
        if key not in self._leans:
            self._leans[key] = leans_on_context(sentence, people)
        return self._leans[key]

    def junk(self, sentence: Span) -> bool:
        """junk_or_slip, worked out once per sentence for all the question rules."""
        key = (id(sentence.doc), sentence.start)
        if key not in self._junk:
            self._junk[key] = junk_or_slip(sentence)
        return self._junk[key]

    def speaker_counts(self) -> dict[int, tuple[int, Thing]]:
        """Every thing the article quotes ("X said"), by id, with how often; worked out
        once for all the question rules."""
        if self._speakers is None:
            counts: dict[int, tuple[int, Thing]] = {}
            for doc in self.analysis.docs:
                for token in doc:
                    if token.dep_ != "nsubj" or token.head.lemma_ not in SPEECH_VERBS:
                        continue
                    thing = self.thing_of(token)
                    if thing is not None:
                        count, _ = counts.get(id(thing), (0, thing))
                        counts[id(thing)] = (count + 1, thing)
            self._speakers = counts
        return self._speakers

    def pronoun_of(self, name: str) -> str:
        """ "he" or "she", as the article refers to the person named so ("" when it never
        does, or does both): a "Who" question's options must not mix men and women when
        the question is about one of them."""
        if self._pronouns is None:
            votes: dict[str, set[str]] = {}
            for doc in self.analysis.docs:
                for token in doc:
                    if token.lower_ in ("he", "his", "him", "she", "her", "hers"):
                        person = self.antecedent(token) if token.lower_ in PERSON_WORDS else ""
                        if person:
                            gender = "she" if token.lower_ in FEMININE else "he"
                            votes.setdefault(person, set()).add(gender)
            self._pronouns = {n: g.pop() for n, g in votes.items() if len(g) == 1}
        return self._pronouns.get(name, "")

    def same_sort_of_person(self, answer: str, pool: list[str]) -> list[str]:
        """Options of the answer's sort: people the article calls what it calls the answer
        ("she", "he"), or never calls either. An answer it never calls either keeps only
        options of that kind too: no three women among the options for the men's final.
        And people who hold an office as the answer does, or none as it does not: no
        "Prime Minister David Cameron" among the players who might have won Wimbledon."""
        mine = self.pronoun_of(answer)
        office = self.holds_office(answer)
        return [
            p
            for p in pool
            if self.pronoun_of(p) == mine
            and not self._a_place(p)
            and self.holds_office(p) == office
            and self.plainly_a_person(p)
        ]

    def plainly_a_person(self, name: str) -> bool:
        """The article shows the name is a person's: "he" or "she" refers to it, it says
        something, or a word for a person stands beside it ("striker Harry Kane", "Sam
        Allardyce, the manager"). The tagger's PERSON alone also takes in clubs and
        parties ("Bolton Wanderers", "Sinn Féin"), which must not be options for "Who"."""
        if self.pronoun_of(name):
            return True
        thing = self.by_name.get(name)
        for mention in thing.mentions if thing is not None else []:
            root = mention.span.root
            if root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS:
                return True
            beside = [c for c in root.children if c.dep_ in ("appos", "compound")]
            if root.dep_ == "appos":
                beside.append(root.head)
            if any(person_noun(t) for t in beside):
                return True
        return False

    def holds_office(self, name: str) -> bool:
        """The article gives the person a title of office before the name ("Prime
        Minister David Cameron", "Foreign Ministry spokesman Qin Gang", "Gov. Jan
        Brewer")."""
        thing = self.by_name.get(name)
        for mention in thing.mentions if thing is not None else []:
            before = mention.doc[mention.start - 1] if mention.start > 0 else None
            if (
                before is not None
                and before.dep_ == "compound"
                and before.head.i >= mention.start
                and before.text[:1].isupper()
                and is_role_title(before.text.rstrip("."))
            ):
                return True
        return False

    def _a_place(self, name: str) -> bool:
        """A "person" of the tagger's that the article puts somewhere: "Born at Plas
        Wilmot", "in the town's Cae Glas Park" (never a person at all)."""
        thing = self.by_name.get(name)
        for mention in thing.mentions if thing is not None else []:
            root = mention.span.root
            owner = mention.doc[mention.start - 1] if mention.start > 0 else None
            if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
                return True
            if owner is not None and owner.dep_ == "case" and owner.head.lower_ in PLACE_NOUNS:
                return True
        return False

    def speakers(self) -> int:
        """How many different things the article quotes ("X said")."""
        return len(self.speaker_counts())

    def previous_sentence(self, sentence: Span) -> Span | None:
        index = self.sentence_positions.get((id(sentence.doc), sentence.start), 0)
        return self.analysis.sentences[index - 1].span if index > 0 else None


PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "into"})
PLACE_NOUNS = frozenset({"town", "city", "village", "country", "state", "region", "county"})


def _other_forms(answer, forms: list[str]) -> list[str]:
    """The accepted forms, once each, without the key itself ("also accepted: UNC" for
    the key "UNC" read as an error to reviewers)."""
    key = answer.lower() if isinstance(answer, str) else ""
    out: list[str] = []
    for form in forms:
        if form.lower() != key and form.lower() not in (f.lower() for f in out):
            out.append(form)
    return out


def _said_alone(surname: str, text: str) -> bool:
    """The text names someone by the surname alone ("Masood led ..."), not only after a
    first name or a title ("Amanda Watson", "Mr Watson")."""
    for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = text[: match.start()].split()[-1:]
        if not before or not before[0][:1].isupper() or before[0][-1:] in ".,:;":
            return True
    return False


def usable_sentence(sentence: Span, junk: Callable[[Span], bool] | None = None) -> bool:
    """Long enough, short enough, a real clause, not a quotation, not garbled (`junk`:
    junk_or_slip, or the Builder's record of it)."""
    tokens = list(sentence)  # made once: each walk of the span makes new tokens
    words = [t for t in tokens if not t.is_punct]
    if not MIN_SENTENCE_WORDS <= len(words) <= MAX_SENTENCE_WORDS:
        return False
    if is_quote(sentence) or inside_quotation(sentence) or not _ends_statement(sentence.text):
        # (an exclamation is a cry or a comment, not a fact: "You got to be kidding _!")
        return False
    if sentence.root.pos_ not in ("VERB", "AUX") or _no_statement_verb(sentence.root):
        return False
    if sum(1 for t in tokens if t.dep_ == "dep") > 1:
        return False  # the parser could not make sense of it: likely garbled
    if any(sum(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) > 1 for t in tokens):
        return False  # a verb with two subjects is a misparse ("Sarah, whose son is in year
        # one, said ...": "Sarah" and "son" both subjects of "is")
    if (junk or junk_or_slip)(sentence):
        return False
    if APPEAL.search(sentence.text):
        return False  # "Anyone with information is asked to contact 101 quoting reference
        # 91734Q/19 or Crimestoppers on 0800 555 111": a police appeal, not the story
    if re.search(r"(?:^|\s)#[A-Za-z]", sentence.text):
        return False  # "High-Level #AU Mission to #Burundi ...": a post quoted from a feed
    if re.search(r"\b0\d{2,3} ?(?:meters|metres|m|km|feet|ft)\b", sentence.text):
        return False  # "Visibility was 0050 meters": a figure garbled by a weather feed
    if sentence.text.strip()[:1].islower():
        return False  # "so the _, acting as ...": the end of a sentence cut in two
    if sentence.text.strip()[:1] in BULLETS:
        return False  # "• There were cheers for ...": a summary box's line, said again below
    if CUT_AFTER_INITIAL.match(sentence.text.strip()):
        return False  # "Kiruttinan, and in the burning of ...": cut after "Tha."
    if caption(sentence):
        return False
    if _plural_with_singular_verb(sentence):
        return False  # "Some schools in the province is forced to ...": the source's slip
    if not re.search(r"""[.!?]["”’')\]]*\s*$""", doc_text(sentence.doc)):
        return False  # a paragraph with no full stop at its end: a caption or a heading
        # ("The artwork appeared on the side of the Griffin Hotel in Stockport. The pub's
        # landlord said it was 'a surprise'")
    return not re.search(r"(\b\w+\b)\s+\1\b", sentence.text, re.IGNORECASE)


def _no_statement_verb(root: Token) -> bool:
    """An order to the reader ("Send your story ideas to ..."), or a caption's participle
    with "being" and no finite verb ("The sculpture being unveiled in the grounds of ...")."""
    if root.tag_ == "VB" and root.i == root.sent.start:
        return True
    return (
        root.tag_ in ("VBN", "VBG")
        and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "being" for c in root.children)
        and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in root.children)
    )


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


APPEAL = re.compile(
    r"^\s*Anyone with (?:any )?information\b|\bquoting (?:reference|crime|incident)\b"
    r"|\b0\d{3} ?\d{3} ?\d{3,4}\b",
    re.IGNORECASE,
)
SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})


def _plural_with_singular_verb(sentence: Span) -> bool:
    """A plural common noun as the subject of "is", "was", "has" or "does": a slip of the
    source ("Maintenance works on the motorway is expected to end"), which a question
    would copy."""
    for token in sentence:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ not in ("NNS", "VBZ"):
            continue  # (a subject tagged as a verb is a plural the parser misread: "works")
        if token.lemma_.lower() == token.lower_ or any(c.dep_ == "cc" for c in token.children):
            continue  # "series", "news"; "Tom and Jerry is"
        verbs = [token.head, *(c for c in token.head.children if c.dep_ in ("aux", "auxpass"))]
        if any(v.lower_ in SINGULAR_VERBS and v.i > token.i for v in verbs):
            return True
    return False


def _ends_statement(text: str) -> bool:
    """A full stop at the end, also inside a closing quotation mark when the quotation is a
    name or a short phrase, not speech: 'as "music director designate."'."""
    text = text.strip()
    if text.endswith("."):
        return True
    quoted = QUOTED.findall(text)
    if not text.endswith(('."', ".”")) or not quoted:
        return False
    last = quoted[-1][0] or quoted[-1][1]
    return len(last.split()) <= MAX_QUOTED_PHRASE_WORDS and text.count('"') % 2 == 0


def has_speech(sentence: Span) -> bool:
    """Direct speech in the sentence: a quotation of more than three words. A word or a
    name in quotation marks ("calling her fans "Monsters"") is shown as it is."""
    if not has_quote(sentence):
        return False
    text = sentence.text
    if "‘" in text or re.search(r"(?:^|[\s:,])'[A-Z]", text):
        return True  # British single quotation marks: speech, or an apostrophe's twin
        # ("says: 'We are extremely pleased ...", also with a straight mark)
    quoted = QUOTED.findall(text)
    if not quoted or text.count('"') % 2 or text.count("“") != text.count("”"):
        return True
    return any(len((a or b).split()) > MAX_QUOTED_PHRASE_WORDS for a, b in quoted)


def inside_quotation(sentence: Span) -> bool:
    """A sentence in the middle of a quotation opened by an earlier sentence: "... said:
    "Apologies to everyone. We're starting to get WhatsApp working again." The second
    sentence has no quotation mark of its own, but it is someone's words."""
    before = doc_text(sentence.doc)[: sentence.start_char]
    marks = list(re.finditer(r"[“”\"]", before))
    if not marks:
        return False
    i = marks[-1].start()  # the last quotation mark before the sentence: did it open one?
    return before[i] == "“" or (
        before[i] == '"' and (i == 0 or before[i - 1].isspace() or before[i - 1] in "([—–-")
    )


CALENDAR_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)


# a sentence that points at a picture the student does not see
PICTURE_POINTER = re.compile(
    r",\s(?:above|below|pictured|left|right|centre|center)(?:,|\s(?=with\b))"
    r"|,\s(?:top|bottom|above|below|left|right)(?: (?:left|right))?\.?$"
    r"|\((?:above|below|pictured|left|right|centre|center|top|bottom)\)"
    r"|\b(?:pictured|seen) (?:above|below|here)\b",
    re.IGNORECASE,
)


PICTURE_OPENER = re.compile(r"\s*(?:In )?[Tt]his (?:image|photo|photograph|picture)\b")
CAPTION_DATE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: (?:morning|afternoon|evening|night))?, "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b"
)


def caption(sentence: Span) -> bool:
    """A photo caption left in the text: a paragraph of one sentence that tells, in the
    present tense and with a date, what a picture shows ("Afghan resistance movement and
    anti-Taliban forces conduct military training ... on September 2.")."""
    if PICTURE_POINTER.search(sentence.text):
        return True  # "The complete remains of Richard III, above, show ...": the picture
    if re.match(r"\s*Pictured (?:are|is|from|left|right|:)|.*\bPicture credit\s*:", sentence.text):
        return True  # "Pictured are Galway's Jason Flynn, ...", "Picture credit: David Maher"
    if PICTURE_OPENER.match(sentence.text) or CAPTION_DATE.search(sentence.text):
        return True  # "This image by the U.S. Forest Service showed ...", "... remained
        # burning Wednesday evening, Sept. 5, 2018 on Interstate 5": a news photo's caption
        # dates it in full; a report says "on Wednesday"
    doc, root = sentence.doc, sentence.root
    if root.tag_ not in ("VBP", "VBZ") or _sentence_count(doc) != 1:
        return False
    if root.lemma_ in SPEECH_VERBS or root.lemma_ in ("be", "have"):
        return False
    return any(ent.label_ == "DATE" and CALENDAR_DAY.search(ent.text) for ent in sentence.ents)


def _sentence_count(doc: Doc) -> int:
    """The paragraph's number of sentences, counted once (spaCy walks the whole
    paragraph each time it is asked)."""
    if "companion_sentences" not in doc.user_data:
        doc.user_data["companion_sentences"] = sum(1 for _ in doc.sents)
    return doc.user_data["companion_sentences"]


def junk_or_slip(sentence: Span) -> bool:
    """Web-page furniture, two sentences glued, a slip of the source, a starred-out
    swear word or a bracket cut in two: nothing to copy into a question."""
    text = sentence.text
    return (
        page_furniture(text)
        or glued(sentence)
        or copied_slip(sentence)
        or CENSORED.search(text) is not None  # "Holy S%@#!", "“ - off”"
        or any(text.count(a) != text.count(b) for a, b in ("()", "[]"))
    )  # ("valid through April 13, 2011 (11:59 p.m.": cut mid-bracket)


BULLETS = "•●▪■◆►"
MAX_QUOTED_PHRASE_WORDS = 3  # "music director designate": a phrase; more is speech
QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")  # a quotation, curly or straight
CUT_AFTER_INITIAL = re.compile(r"[A-Z][\w.-]*,\s+(?:and|or|but)\b")
CENSORED = re.compile(r"\w[%@#*!]*[%@#*][%@#*!]+|[“\"]\s*-+\s*\w+[”\"]|\b\w-{2,}")
FURNITURE = re.compile(
    r"\b(?:click here|scroll down|posted by|sign up|subscribe)\b|\bAdvertisement\b"
    r"|\bthis video (?:has expired|is unavailable|is no longer available)\b"
    r"|^(?:Listen|Watch|Click|See|View|Read)\b.{0,80}\bhere\W*$",  # "Listen to Wales ... here."
    re.I,
)
SHOUTING = re.compile(r"\b[A-Z]{2,}\b(?:\W+\b[A-Z]{2,}\b){2,}")  # three capitalised words
HEADLINE = re.compile(r"^(?:[A-Z][\w'’.&-]*\s*){1,5}:\s")  # "Piperlime: Half-Off Shoes ..."


def glued(sentence: Span) -> bool:
    """Two sentences run together where a heading lost its full stop: "all about the
    Crazycats Following pop stars on Twitter is ...": a capitalised function word or
    verb in mid-sentence, right after a word."""
    opener = sentence[0].pos_ in ("CCONJ", "SCONJ", "ADV", "ADP", "DET")
    for token in sentence[2 if opener else 1 :]:
        # ("But Help for Heroes has hit back": a name after the opening conjunction)
        previous = token.doc[token.i - 1]
        if (
            token.text[:1].isupper()
            and not token.ent_type_
            and token.pos_ in ("VERB", "AUX", "DET", "PRON", "ADP", "SCONJ", "CCONJ", "ADV")
            and previous.is_alpha
            and token.lower_ not in ("i",)
            and not _in_title_case(token)
        ):
            return True
        if (
            token.text[:1].isupper()
            and token.pos_ == "NOUN"
            and previous.like_num
            and not token.ent_type_
            and sum(c.isupper() for c in token.text) == 1  # "234 MPs": a plural acronym
        ):
            return True  # "... were disrupted in 1994 Scientists have traced ...": a
            # heading ending on a year, run into the next sentence
    return False


def _in_title_case(token: Token) -> bool:
    """A word inside a run of capitalised words: a title ("played D:ream's Things Can Only
    Get Better"), not a heading glued to the next sentence ("the Crazycats Following pop
    stars on Twitter ...")."""
    doc = token.doc
    before = doc[token.i - 1]
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return before.text[:1].isupper() and after is not None and after.text[:1].isupper()


JOINING_WORDS = frozenset({"of", "for", "in", "the", "and", "on", "at", "to", "a", "an"})


# adjectives that come before "a" in good English: "such a", "quite a", "half an hour"
BEFORE_ARTICLE = frozenset({"such", "quite", "many", "half", "what", "rather", "all", "both"})


def _article_after_adjective(token: Token) -> bool:
    """ "belong to new a species": a slip, unless "so big a", "too good a", "as long a"."""
    doc = token.doc
    if token.pos_ != "ADJ" or token.lower_ in BEFORE_ARTICLE or token.i + 2 >= len(doc):
        return False
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    if before in ("so", "too", "as", "how", "this", "that"):
        return False
    return doc[token.i + 1].lower_ in ("a", "an") and doc[token.i + 2].pos_ in ("NOUN", "ADJ")


def _adjective_for_adverb(token: Token) -> bool:
    """ "has voluntary recalled the devices": an adjective between "has" and its past
    participle, where the adverb ("voluntarily") was meant."""
    doc = token.doc
    if token.tag_ != "JJ" or token.i == 0 or token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    return before.lemma_ == "have" and before.pos_ == "AUX" and after.tag_ == "VBN"


HYPHENED = re.compile(r"\b([A-Za-z]{2,})-([A-Za-z]{2,})\b")


def _in_dictionary(word: str, wordnet) -> bool:
    """WordNet knows the word, in any part of speech and any inflection."""
    return any(wordnet.synsets(f, pos) for pos in "nvar" for f in wordnet.base_forms(word, pos))


def _broken_word(first: str, second: str, wordnet) -> bool:
    """Two halves that are no words, joined by a hyphen into a common one: "Amer-ican"."""
    joined = (first + second).lower()
    return (
        zipf(joined) >= COMMON_ZIPF
        and _in_dictionary(joined, wordnet)
        and not _in_dictionary(first.lower(), wordnet)
        and not _in_dictionary(second.lower(), wordnet)
    )


TYPO_ZIPF = 2.5  # "availabe" 1.65, "niney" 1.1; but also "laddish", "strimmer", "lapilli"


@lru_cache(maxsize=20_000)
def _letter_dropped(word: str, wordnet) -> bool:
    """A rare word no dictionary knows that is a common word with one letter left out
    ("availabe": available, "niney": ninety). Rare real words are not ("laddish",
    "strimmer", "lapilli", "framerates": no letter makes them common). Worked out once
    a word: every sentence's words are checked."""
    if len(word) < 4 or zipf(word) >= TYPO_ZIPF:
        return False
    if _in_dictionary(word, wordnet):
        return False
    return any(
        zipf(word[:i] + letter + word[i:]) >= COMMON_ZIPF
        for i in range(len(word) + 1)
        for letter in "abcdefghijklmnopqrstuvwxyz"
    )


# slips of real words that no dictionary look-up sees: "then" after a comparative, two
# finite auxiliaries in a row, "it not" for "if not" between commas
REAL_WORD_SLIP = re.compile(
    r"\b(?:more|less|rather|better|worse|greater|larger|smaller|higher|lower|fewer) then\b"
    r"|\b(?:was|is|were|are) (?:also |still |now )?(?:has|have|had|was|is|were|are)\b(?! to\b)"
    r"|\b(?:has|have|had) lead\b"  # "it has lead to a pothole problem" (led)
    r"|\b(?:much|lot|little|nothing|something|anything|more|has|have|had|want|wants|need|needs"
    r"|going|got) too (?:do|be|go|get|make|see|have|take|give|come)\b"
    # "Still much too do in Trenton" (to do)
    r"|, it not,"
    r"|(?-i:\b(?:a|an) the\b|\bthe (?:a|an)\b(?! cappella))|\bbut however\b"
    # "according to a the most recent report", "projects but however could not"
    r"|\b(?:aa|bb|cc|dd|ff|gg|hh|jj|kk|mm|nn|pp|qq|rr|ss|tt|uu|vv|ww|yy|zz)\b",  # "aa gang"
    re.IGNORECASE,
)
SINGLE_QUOTED = re.compile(r"(?:^|(?<=[\s(]))'[^'\n]{1,80}'(?=[\s,.;:!?)]|$)")
# a letter standing alone where a word was meant: "first identified o Sept. 14"
LONE_LETTER = re.compile(r"(?<![\w'’.&/-])[b-hj-uwyz](?![\w'’.&/-])")
# a lowercase word run into a name with a hyphen where a dash was meant: "competition-Adrian"
RUN_INTO_NAME = re.compile(r"\b([a-z]{4,})-[A-Z][a-z]")
HYPHEN_PREFIXES = frozenset({"anti", "post", "trans", "ultra", "inter", "intra", "mega", "semi"})


SPLIT_THOUSANDS = re.compile(r"(?<![\d,.])\b\d{1,3}, \d{2,3}\b(?!,? ?\d)(?! (?:and|or)\b)")
MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? $")


def copied_slip(sentence: Span) -> bool:
    """A typo of the source that a question would copy: a lowercase word no dictionary
    knows ("arument"), a doubled article ("a military a crackdown"), a ticker ("(GOOG)"),
    a broken decimal ("5. 51 percent")."""
    tokens = list(sentence)  # made once: each walk of the span makes new tokens
    wordnet = get_wordnet()
    for token in tokens:
        if (
            token.is_alpha
            and token.text.islower()
            and len(token) >= 4
            and zipf(token.lower_) < 1
            and not _in_dictionary(token.lower_, wordnet)
        ):
            return True  # (but "grunters" is in WordNet)
        if token.is_alpha and token.text.islower() and _letter_dropped(token.lower_, wordnet):
            return True  # "availabe", "niney per cent": a common word short of a letter
    text = sentence.text
    if re.search(r"\b(?:a|an) \w+ (?:a|an) \w+", text) or re.search(r"\d\. \d", text):
        return True
    if re.search(r"\b[a-z]+\.\d", text):
        return True  # "201,700 miles from Earth or.85 of the distance": a space lost
    if re.search(r"[A-Za-z][a-rt-z]'(?:\s|$)", SINGLE_QUOTED.sub("Q", text)):
        return True  # "for even Bree' slight figure": a possessive lost its s (not "as an
        # 'endorsement' of": a word in single quotes)
    if re.search(r"\b\d+(?!st|nd|rd|th)[a-z]{4,}\b", text):
        return True  # "100metres", "12,000miles": a number glued to its unit
    if any(not MONTH_BEFORE.search(text[: m.start()]) for m in SPLIT_THOUSANDS.finditer(text)):
        return True  # "passed 54, 214 times", "63,326 (25, 10%)": a figure broken in two
    if REAL_WORD_SLIP.search(text):
        return True  # "more then", "Mahrez was has been", "one of, it not, the toughest"
    if LONE_LETTER.search(text) or any(
        m.group(1) not in HYPHEN_PREFIXES for m in RUN_INTO_NAME.finditer(text)
    ):
        return True  # "identified o Sept. 14", "fancy dress competition-Adrian Farao"
    if any(_broken_word(m.group(1), m.group(2), wordnet) for m in HYPHENED.finditer(text)):
        return True  # "the Amer-ican bald eagle", "BUS-TED": a word broken at a line's end
    if any(_misspelt_name(token) for token in tokens) or any(
        _article_after_adjective(token) or _adjective_for_adverb(token) for token in tokens
    ):
        return True
    return any(
        not _initials_of(match.group(1), text[: match.start()])
        for match in re.finditer(r"\(([A-Z]{2,5})\)", text)
    )


def _misspelt_name(token: Token) -> bool:
    """A capitalised word no dictionary knows, one letter away from a common one:
    "Euroean" (European). Rare names ("Kiruttinan") are far from every common word."""
    word = token.text
    if not (word.istitle() and word.isalpha() and len(word) >= 6) or zipf(word.lower()) > 0:
        return False
    return _near_a_common_word(word.lower())


@lru_cache(maxsize=20_000)
def _near_a_common_word(lowered: str) -> bool:
    """One letter left out of or added to a common word (a name recurs in an article:
    worked out once)."""
    for i in range(len(lowered) + 1):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if zipf(lowered[:i] + letter + lowered[i:]) >= COMMON_SPELLING_ZIPF:
                return True  # a letter left out
    return any(
        zipf(lowered[:i] + lowered[i + 1 :]) >= COMMON_SPELLING_ZIPF for i in range(len(lowered))
    )  # a letter too many


COMMON_SPELLING_ZIPF = 4.0


def _initials_of(acronym: str, before: str) -> bool:
    """ "National Resistance Front (NRF)", "chronic liver disease (CLD)": the letters
    start the words before it; a ticker after "Google (GOOG)" does not."""
    words = [w for w in re.findall(r"[A-Za-z]+", before) if w.lower() not in JOINING_WORDS]
    initials = "".join(w[0] for w in words[-len(acronym) - 3 :]).upper()
    return acronym in initials


# an acronym, or its plural: "OPEC", "FDA", "GPs", "MPs"
ACRONYM = re.compile(r"[A-Z]{2,5}s?")


def name_with_s(doc, end: int) -> bool:
    """The name ending before `end` takes an "'s" that is part of it and owns nothing
    after: "auctioned by Christie's in New York", "McDonald's is launching ..."."""
    if end >= len(doc) or doc[end].lower_ not in ("'s", "’s"):
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "ADV", "VERB")


def page_furniture(text: str) -> bool:
    """Web-page text run into a sentence, or shouting: "Scroll down for video", "Posted
    by ...", "CLICK HERE", a headline and its colon glued to the sentence, comments in
    capitals."""
    return bool(FURNITURE.search(text) or SHOUTING.search(text) or HEADLINE.match(text))


def hypothetical(verb: Token) -> bool:
    """ "If the AIADMK was voted to power", "would be retrieved": what may happen is not a
    fact to ask about."""
    return any(
        c.dep_ == "mark"
        and c.lower_ in ("if", "unless", "whether")
        or c.dep_ == "aux"
        and c.lower_ in ("would", "could", "might", "may", "should")
        for c in verb.children
    )


def is_role_title(text: str) -> bool:
    """ "Chief Minister", "Attorney General": a role, which several people hold."""
    senses = get_wordnet().synsets(text.lower(), "n") or get_wordnet().synsets(
        text.split()[-1].lower(), "n"
    )
    return bool(senses) and senses[0].lexname == PERSON_LEXNAME and not senses[0].instance


GENERIC_HEADS = frozenset(
    {"firm", "company", "group", "issue", "state", "agency", "team", "club", "party", "man"}
    | {"woman", "boy", "girl", "official", "study", "report", "move", "plan", "deal", "case"}
    | {"disease", "city", "country", "site", "product", "device", "bill", "law", "virus"}
    | {"list", "story", "cost", "result"}
)


THIRD = frozenset({"he", "she", "they"})  # a cloze may keep these: the passage settles them
PERSON_WORDS = frozenset({"he", "she", "his", "her"})  # the ones Builder.antecedent reads
FEMININE = frozenset({"she", "her", "hers"})
GENERIC_POSSESSIVE = re.compile(
    rf"\bthe (?:{'|'.join(sorted(GENERIC_HEADS))})(?:'s|’s)", re.IGNORECASE
)


def generic_possessive(text: str) -> bool:
    """ "the state's unemployment rate", "the man's absentee ballot": whose? The
    sentence before said; a question on its own does not."""
    return GENERIC_POSSESSIVE.search(text) is not None


def _a_person_noun(token: Token) -> bool:
    """A role as a subject ("the champion"), not a named group's people ("the FDA
    advisers", "Taliban fighters")."""
    if token.pos_ != "NOUN" or any(
        c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("ORG", "GPE", "NORP")
        for c in token.children
    ):
        return False
    senses = get_wordnet().synsets(token.lemma_.lower(), "n")
    return bool(senses) and senses[0].lexname == PERSON_LEXNAME  # champion, researcher


COMPARED_BACK = frozenset({"similar", "similarly", "likewise", "equally"})
# "Shortly afterwards, ...": after what the sentence before said
AFTER_BEFORE = frozenset({"afterwards", "afterward", "thereafter", "later"})
# nouns that, after "the" and with nothing to say which, name what the story told before
SAID_BEFORE = frozenset({"comment", "comments", "remark", "remarks", "claim", "claims"})
TOLD_BEFORE = frozenset(
    {"mystery", "incident", "matter", "episode", "affair", "decision", "announcement"}
    | {"findings", "discovery", "controversy", "scandal", "row", "dispute", "items"}
    | SAID_BEFORE
)


def told_before(token: Token) -> bool:
    """ "the incident", "the bold comment": said in an earlier sentence ("bold" says how
    it was said, not which)."""
    if token.lower_ not in TOLD_BEFORE or token.pos_ != "NOUN":
        return False
    det = [c for c in token.children if c.dep_ == "det"]
    defining = ("prep", "relcl", "acl", "compound")
    if token.lower_ not in SAID_BEFORE:
        defining += ("amod",)
    defined = any(c.dep_ in defining for c in token.children)
    return bool(det) and det[0].lower_ == "the" and not defined


BARE_QUANTIFIERS = frozenset(
    {"many", "most", "several", "few", "all", "none", "each", "either", "neither"}
)


def the_one_before(token: Token) -> bool:
    """ "the latter", "the former" (but not "the former president"), "The first was ..."
    (the first what?)."""
    if token.lower_ in ("first", "second", "third", "last") and token.dep_ in (
        "nsubj",
        "nsubjpass",
    ):
        return True
    return token.lower_ == "latter" or (
        token.lower_ == "former" and token.dep_ != "amod" and token.head.pos_ != "NOUN"
    )


def leans_on_context(sentence: Span, people: bool = True) -> bool:
    """A sentence whose subject points back to one the student does not see with it:
    "Both are ...", "The firm's ...", "The issue pitted ...", and with `people` also "She's
    0-3 against ..." (a cloze keeps those: three reviewers of four accepted "she" there,
    with the passage above it)."""
    tokens = list(sentence)  # made once: each walk of the span makes new tokens
    if any(t.lower_ in COMPARED_BACK for t in tokens):
        return True  # "caused by a similar object": similar to what the sentence before said
    if sentence[0].lower_ == "then" and sentence[0].dep_ == "advmod":
        return True  # "Then the patience will be all worthwhile": if what was said before
    opening = [t for t in sentence[:3] if t.dep_ == "advmod"]
    if any(t.lower_ in AFTER_BEFORE for t in opening) and any(t.text == "," for t in sentence[:4]):
        return True  # "Shortly afterwards, ...", "Later, ..."
    if re.match(r"\W*(?:Now,?\s+)?(?:[\w-]+\s+){1,3}(?:later|earlier),", sentence.text):
        return True  # "Now, over a year later, tadpoles have been born": later than what?
    if re.match(r"(?:At|By) (?:the|that) time,", sentence.text):
        return True  # "At the time, the smaller businesses were given ...": which time?
    if re.match(r"\W*(?:Instead|Otherwise|If so|If that|If this|Either way),? ", sentence.text):
        return True  # "Instead, the three by two seating ...": instead of what?
    if any(
        t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "DT" and t.lower_ in ("that", "this")
        for t in tokens
    ):
        return True  # "If that happens, ...": what the sentence before said
    if any(
        t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "ORDINAL" and t.pos_ != "NOUN"
        for t in tokens
    ):
        return True  # "Who believes the second to be related ...?": the second what?
    if any(told_before(t) for t in tokens):
        return True  # "might illuminate the mystery": which one was said before
    if any(the_one_before(t) for t in tokens):
        return True  # "The latter film has not ...": which one was said before
    subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    for subject in subjects:
        pronoun = subject.lower_ in (PRONOUN_SUBJECTS if people else PRONOUN_SUBJECTS - THIRD)
        if pronoun or subject.lower_ in ("both", "others", "some"):
            return True
        if subject.pos_ == "ADJ" and (
            subject.tag_ == "JJS" or any(c.tag_ == "RBS" for c in subject.children)
        ):
            return True  # "The most elaborate, ..., was found ...": the most elaborate what?
        if subject.lower_ in BARE_QUANTIFIERS and not any(
            c.dep_ == "prep" for c in subject.children
        ):
            return True  # "Many will disappear": many what? ("Many of the glaciers" is fine)
        words = [t.lower_ for t in subject.subtree]
        if words[0] in ("the", "this", "that") and (
            subject.lower_ in GENERIC_HEADS
            or _a_person_noun(subject)
            or subject.ent_type_ == "NORP"
        ):
            return True  # "The firm ...", "The three-time Grand Slam champion is ...",
            # "the 21-year-old Belarussian"
    first = next((t for t in tokens if not t.is_punct), None)
    owner = first.head if first is not None and first.dep_ == "det" else None
    return (
        first is not None
        and first.lower_ == "the"
        and owner is not None
        and owner.lower_ in GENERIC_HEADS
        and any(c.dep_ == "case" for c in owner.children)  # "The firm's ..."
    )


def starts_with_unresolved_pronoun(builder: Builder, sentence: Span) -> bool:
    first = next((t for t in sentence if not t.is_punct), None)
    if first is None or first.lower_ not in PRONOUN_SUBJECTS:
        return False
    return not builder.antecedent(first)


def sentence_quality(sentence: Span) -> float:
    """Prefer 10-28 word sentences rich in named things and numbers."""
    words = sum(1 for t in sentence if not t.is_punct)
    length = 1.0 - min(abs(words - 18), 18) / 24
    content = min(len(sentence.ents), 4) * 0.08
    return length + content


def candidate(
    builder: Builder, question: Question, sentence: Span, family: str, score: float, answer: str
) -> Candidate:
    paragraph = builder.paragraph_of(sentence)
    return Candidate(
        question,
        builder.passage_of(paragraph),
        family,
        score,
        normal_key(str(answer)),
        (paragraph, sentence.start),
    )


THING_LEXNAMES = frozenset({6, 13, 27})  # WordNet: artifact, food, substance


def not_a_person(name: str) -> bool:
    """A "person" of the tagger's whose last word WordNet knows only as a thing:
    "Nouveau Beaujolais" (a wine) is no option for "Who ...?". ("Brown" is also a
    person; "Ba" is a chemical symbol and "Raja" a genus: short words and the names of
    plants and animals say nothing.)"""
    words = name.split()
    if words and words[0].lower() in WEATHER_SYSTEMS:
        return True  # "Storm Desmond", "Hurricane Florence": a storm given a person's name
    if any(_only_a_place(w) for w in {words[0], words[-1]}):
        return True  # "Tiny Djibouti", "Manchester United": a place, or a team named after one
    word = words[-1]
    if len(word) < 4:
        return False
    senses = [s for s in get_wordnet().synsets(word, "n") if word in s.lemmas]
    return bool(senses) and all(s.lexname in THING_LEXNAMES for s in senses)


LOCATION_LEXNAME = 15
WEATHER_SYSTEMS = frozenset({"storm", "hurricane", "typhoon", "cyclone", "tropical"})


def _only_a_place(word: str) -> bool:
    """A name WordNet knows only as places ("Djibouti", "Manchester"); "Paris" and "London"
    are also people (the Trojan prince, the writer)."""
    senses = [s for s in get_wordnet().synsets(word, "n") if word in s.lemmas]
    return bool(senses) and all(s.lexname == LOCATION_LEXNAME for s in senses)


def surnames(name: str, forms: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The ways a person is named by surname: "Socorro" and "del Socorro" for "Maria del
    Socorro", as the article may write either. When the article calls the person alone by
    another word of the name (its `forms`), that is the family name: "Yuen" for "Yuen Kuan
    Moon" ("Yuen stressed that ..."), and "Moon" is no answer."""
    words = name.split()
    if any(form in words[:-1] for form in forms):
        return set()  # (the form itself is accepted with the article's other forms)
    found = {words[-1]}
    if len(words) > 2 and words[-2].lower() in NAME_PARTICLES:
        found.add(" ".join(words[-2:]))
    return found


def also_does(builder: Builder, name: str, verb: Token) -> bool:
    """A distractor that the article also says did this would be a second right answer."""
    thing = builder.by_name.get(name)
    for m in thing.mentions if thing is not None else []:
        head = m.span.root
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == verb.lemma_:
            return True
    return False


NAME_PARTS = frozenset({"inc", "corp", "group", "company", "university", "national", "state"})


def in_number_range(token: Token) -> bool:
    """A number joined to another by a dash or "to": one end of a range."""
    doc = token.doc
    near = [
        doc[i] for i in (token.i - 2, token.i - 1, token.i + 1, token.i + 2) if 0 <= i < len(doc)
    ]
    if any(t.text in ("-", "–", "—", "to") for t in near) and any(
        t.like_num and t is not token for t in near
    ):
        return True
    # "between late 2006 and late 2010"
    return any(t.lower_ == "between" for t in doc[max(0, token.i - 6) : token.i])


def leaks_answer(prompt: str, answer: str) -> bool:
    """The answer (or its last word, for a name) appears in the prompt."""
    lowered = prompt.lower()
    key = answer.lower().strip()
    if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", lowered):
        return True
    if not answer[:1].isupper():
        return False
    # any longer word of a name: "_'s iTunes ... said Apple" for "Apple Inc"
    return any(
        len(word) > 3
        and word[:1].isalpha()
        and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered) is not None
        for word in key.split()
        if word not in NAME_PARTS
    )


def _without_title(answer) -> list[str]:
    """ "Sue Coakley" for a key "Cllr Sue Coakley": the name a student writes."""
    words = answer.split() if isinstance(answer, str) else []
    title = words[0].rstrip(".").lower() if words else ""
    if len(words) >= 3 and (title in TITLE_ABBREVIATIONS or title in ("mr", "mrs", "ms", "dr")):
        return [" ".join(words[1:])]
    return []


def role_before_name(answer: str) -> bool:
    """A key that opens with a capitalised role before a full name ("Chair Dan LaCute",
    "Contractor Jim Hall", "Doncaster Coun John Hoare"), the entity as the parse tagged
    it. ("Baker Mayfield", a first name and a surname, stays.)"""
    return name_after_role(answer) != answer


def name_after_role(answer: str) -> str:
    """The full name after a role that opens the key, else the key as it is."""
    words = answer.split()
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return answer
    for index, word in enumerate(words[:-2]):
        if _role_word(word, first=index == 0):
            return " ".join(words[index + 1 :])
    return answer


def _role_word(word: str, first: bool) -> bool:
    """ "Pres.", "Coun", "Chair", "Contractor"; first in the key also a department in the
    plural ("Ports Francis Richardson" of "Minister of Ports Francis Richardson")."""
    if word.rstrip(".").lower() in TITLE_ABBREVIATIONS and (word.endswith(".") or not first):
        return True  # "Pres. Dilma Rousseff", "Doncaster Coun John Hoare"
    wordnet = get_wordnet()
    plural = first and word.endswith("s")
    if plural and any(not s.instance for s in wordnet.synsets(word[:-1].lower(), "n")):
        return True
    senses = wordnet.synsets(word.lower(), "n")[:3]
    return first and any(s.lexname == PERSON_LEXNAME and not s.instance for s in senses)


def person_noun(token: Token) -> bool:
    """A noun for a person by role; a capitalised title counts ("Vice Secretary")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("PERSON", "ORG", "GPE"):
        return False
    senses = get_wordnet().synsets(token.lemma_.lower(), "n")[:2]
    return any(sense.lexname == PERSON_LEXNAME for sense in senses)


def lower_sentence_start(prompt: str, sentence: Span) -> str:
    """ "Where were Hundreds of people marching?": the sentence's first word, moved into
    the question, loses the capital it had only as the first word."""
    first = sentence[0]
    named = first.ent_type_ not in ("", "CARDINAL", "QUANTITY", "DATE", "TIME", "PERCENT")
    if first.text == "The":
        named = False  # "Where has the Town Hall been built ...?", not "... has The Town"
    if first.pos_ == "PROPN" or named or not first.text[:1].isupper():
        return prompt
    head, _, rest = prompt.partition(" ")
    rest = re.sub(rf"\b{re.escape(first.text)}\b", first.text.lower(), rest, count=1)
    return f"{head} {rest}"


def a_whole_event(verb: Token, subject: Token | None, clauses: bool = True) -> bool:
    """A verb whose "When ...?" asks about one whole event: not a participle or a clause
    of "since" or "if" ("savings beginning in 2014", "since records have been kept in
    1869"), not one of several verbs sharing an object ("the Trust planted, gave away or
    sold 3,254,048 trees"), and not with a bare count as its subject ("more than 250
    participated"). With `clauses` False, a verb of a relative or "until" clause counts
    (a sequence may place "the USSR, which controlled Kabul in the 1980s")."""
    if clauses and verb.dep_ in ("acl", "relcl", "amod"):
        return False
    if clauses and any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in verb.children):
        return False
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return False
    return subject is None or not (
        subject.like_num or (subject.pos_ == "NUM") or subject.lower_ in ("more", "less")
    )


CLAUSE_MARKS = frozenset({"since", "if", "until", "unless", "because", "as", "while", "when"})
