"""Comprehension questions with answer keys and evidence, generated from the analysis.

Kinds (see docs/questions.md): vocabulary in context and literal recall (multiple choice,
or short answer when there are not enough good distractors), cloze with a word bank,
true/false, sequence of dated events, and open why/how prompts with a sample answer.
Every question stores its answer, its evidence sentence verbatim and its paragraph.
Candidates are scored, and each passage keeps the best few of different kinds, never two
with the same answer or the same source sentence.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from companion.clauses import (
    PRONOUN_SUBJECTS,
    attribution,
    clause_tokens,
    finish_question,
    has_quote,
    is_quote,
    span_text,
    speaker_phrase,
    statement,
    subtree_ids,
    tidy,
    wh_question,
)
from companion.definitions import display_name
from companion.distractors import (
    YEAR,
    decade_pool,
    number_pool,
    pick,
    same_thing,
    thing_pool,
)
from companion.lesson import GlossaryEntry, Question, fingerprint
from companion.lessonfile import BLANK
from companion.terms import Thing, normal_key
from companion.wordnet import get_wordnet

if TYPE_CHECKING:
    from companion.generate import Context

MIN_WORDS, MAX_WORDS = 6, 40
KIND_ORDER = ("literal", "vocabulary", "cloze", "true_false", "open", "sequence")
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


@dataclass
class Candidate:
    question: Question
    passage: int
    family: str  # literal, vocabulary, cloze, true_false, open, sequence
    score: float
    answer_key: str
    sentence_key: tuple[int, int]
    short_form: Question | None = None  # a literal question asked without choices


class Builder:
    """Everything the question rules share for one lesson."""

    def __init__(self, context: Context, glossary: list[list[GlossaryEntry]]):
        self.context = context
        self.analysis = context.analysis
        self.glossary = glossary
        self.things: list[Thing] = [t for t in context.things if t.mentions]
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
        return " ".join(sentence.text.split()).replace("-->", "–>")

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
            accept=list(accept or []),
        )

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

    def previous_sentence(self, sentence: Span) -> Span | None:
        index = self.sentence_positions.get((id(sentence.doc), sentence.start), 0)
        return self.analysis.sentences[index - 1].span if index > 0 else None


# ---------------------------------------------------------------------- filters


def usable_sentence(sentence: Span) -> bool:
    """Long enough, short enough, a real clause, not a quotation, not garbled."""
    words = [t for t in sentence if not t.is_punct]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if is_quote(sentence) or sentence.text.strip()[-1:] not in ".!":
        return False
    if sentence.root.pos_ not in ("VERB", "AUX"):
        return False
    if sum(1 for t in sentence if t.dep_ == "dep") > 1:
        return False  # the parser could not make sense of it: likely garbled
    return not re.search(r"(\b\w+\b)\s+\1\b", sentence.text, re.IGNORECASE)


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


# ---------------------------------------------------------------------- literal


def literal_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not usable_sentence(sentence) or has_quote(sentence):
        return []
    if starts_with_unresolved_pronoun(builder, sentence):
        return []
    out: list[Candidate] = []
    for verb, prefix in clause_verbs(builder, sentence):
        subject, resolved = builder.resolved_subject(verb)
        if subject is None or (subject.lower_ in PRONOUN_SUBJECTS and not resolved):
            continue
        for rule in (_when, _where, _how_many, _who):
            found = rule(builder, sentence, verb, prefix, subject, resolved)
            if found is not None:
                out.append(found)
    return out


def clause_verbs(builder: Builder, sentence: Span) -> list[tuple[Token, str]]:
    """The clauses a question can be made from, each with its "According to X" prefix:
    the main clause (the reported clause of "X said ..."), and adverbial clauses with a
    subject of their own ("After the USSR withdrew from Afghanistan in 1989, ...")."""
    speech, clause = attribution(sentence)
    prefix = ""
    main = sentence.root
    if speech is not None:
        if clause is None:
            return []
        speaker = speaker_phrase(speech, builder.resolve)
        prefix = f"According to {speaker}" if speaker else ""
        main = clause
    verbs = [] if main.lemma_ in ("say", "tell") else [(main, prefix)]
    for token in main.subtree:
        if (
            token.dep_ == "advcl"
            and token.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        ):
            verbs.append((token, prefix))
    return verbs


def _subject_text_override(subject: Token, resolved: str) -> dict[int, str]:
    return {subject.i: resolved} if resolved else {}


def _question_with(builder, verb, wh, answer_ids, subject_question, prefix, subject, resolved):
    if resolved and not subject_question:
        # Put the resolved name in place of the pronoun: build the question, then swap.
        question = wh_question(verb, wh, answer_ids, subject_question, prefix)
        return (
            re.sub(rf"\b{re.escape(subject.text.lower())}\b", resolved, question, count=1)
            if question
            else ""
        )
    return wh_question(verb, wh, answer_ids, subject_question, prefix)


def _when(builder: Builder, sentence, verb, prefix, subject, resolved) -> Candidate | None:
    for ent in sentence.ents:
        if ent.label_ != "DATE" or RELATIVE_DATES.match(ent.text.strip()):
            continue
        if not re.search(r"\d{4}|\d{2,4}s\b", ent.text):
            continue
        head = ent.root.head
        if head.dep_ == "prep" and head.lower_ in TIME_PREPS and head.head == verb:
            answer_ids = subtree_ids(head)
        elif ent.root.dep_ in ("npadvmod", "tmod") and ent.root.head == verb:
            answer_ids = subtree_ids(ent.root)
        else:
            continue
        prompt = _question_with(builder, verb, "When", answer_ids, False, prefix, subject, resolved)
        answer = tidy(ent.text)
        answer = re.sub(r"^the\s+", "the ", answer)
        return literal_candidate(
            builder,
            sentence,
            prompt,
            answer,
            "rule:literal-when",
            pool=number_pool(_year(answer), builder.numbers)
            if _year(answer)
            else decade_pool(answer),
            accept=[span_text([t for t in head.subtree])] if head.dep_ == "prep" else [],
        )
    return None


def _year(text: str) -> str:
    match = re.fullmatch(r"(?:in\s+)?((?:1[5-9]|20)\d\d)", text.strip())
    return match.group(1) if match else ""


def _where(builder: Builder, sentence, verb, prefix, subject, resolved) -> Candidate | None:
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS:
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        thing = builder.thing_of(obj) if obj is not None else None
        if thing is None or thing.kind not in PLACEISH:
            continue
        prompt = _question_with(
            builder, verb, "Where", subtree_ids(child), False, prefix, subject, resolved
        )
        answer = builder.name_of(thing)
        pool = thing_pool(thing, builder.things, PLACEISH, builder.name_of)
        return literal_candidate(
            builder,
            sentence,
            prompt,
            answer,
            "rule:literal-where",
            pool=builder.prefer_glossed(pool),
            accept=[t for t in thing.forms],
        )
    return None


def _how_many(builder: Builder, sentence, verb, prefix, subject, resolved) -> Candidate | None:
    for token in sentence:
        if (
            token.dep_ != "nummod"
            or not token.like_num
            or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT")
        ):
            continue
        noun = token.head
        if (
            noun.pos_ != "NOUN"
            or noun.dep_ not in ("dobj", "nsubj", "nsubjpass")
            or noun.head != verb
        ):
            continue
        if noun.tag_ != "NNS" or noun.i - token.i > 2:
            continue  # "how many" needs a plural count noun: troops, districts
        phrase = [
            t
            for t in noun.subtree
            if t.i != token.i
            and t.dep_ not in ("relcl", "acl", "prep", "det", "poss", "case")
            and not any(
                a.dep_ in ("relcl", "acl", "prep") and a.i in subtree_ids(noun) and a != noun
                for a in t.ancestors
            )
        ]
        words = span_text(phrase)
        wh = "How many " + (words if any(t.pos_ == "PROPN" for t in phrase) else words.lower())
        subject_question = noun.dep_ in ("nsubj", "nsubjpass")
        ids = subtree_ids(noun) if not subject_question else {t.i for t in phrase} | {token.i}
        if subject_question:
            ids = subtree_ids(noun)
            prompt = wh_question(verb, wh, ids, True, prefix)
        else:
            prompt = _question_with(builder, verb, wh, ids, False, prefix, subject, resolved)
        answer = token.text
        if prompt and re.search(r"\d", prompt):
            return None  # another number in the question would confuse it
        return literal_candidate(
            builder,
            sentence,
            prompt,
            answer,
            "rule:literal-how-many",
            pool=number_pool(answer, builder.numbers),
            accept=[f"{token.text} {noun.text}"],
        )
    return None


def _who(builder: Builder, sentence, verb, prefix, subject, resolved) -> Candidate | None:
    if subject.lower_ in PRONOUN_SUBJECTS:
        return None
    thing = builder.thing_of(subject)
    if thing is None or thing.kind not in PERSONISH | GROUPISH:
        return None
    ids = subtree_ids(subject)
    if any(c.dep_ == "conj" for c in subject.children) or len(ids) > 6:
        return None  # "Masood and the NRF": a two-part answer
    if verb.lemma_ == "be" and not any(c.dep_ == "attr" for c in verb.children):
        return None
    if thing.kind == "person" and len(display_name(thing).split()) < 2:
        return None  # a one-word "person" is as likely a mislabelled place or object
    wh = "Who" if thing.kind == "person" else ("Which group" if thing.label == "NORP" else "What")
    prompt = wh_question(verb, wh, ids, True, prefix)
    mention_text = span_text([t for t in subject.subtree if builder.thing_of(t) is thing])
    answer = builder.name_of(thing) if thing.kind == "person" or not mention_text else mention_text
    kinds = PERSONISH if thing.kind == "person" else GROUPISH
    pool = thing_pool(thing, builder.things, kinds, builder.name_of)
    pool = [p for p in pool if not _also_does(builder, p, verb)]
    return literal_candidate(
        builder,
        sentence,
        prompt,
        answer,
        "rule:literal-who",
        pool=builder.prefer_glossed(pool),
        accept=sorted(thing.forms),
    )


def _also_does(builder: Builder, name: str, verb: Token) -> bool:
    """A distractor that the article also says did this would be a second right answer."""
    thing = builder.by_name.get(name)
    for m in thing.mentions if thing is not None else []:
        head = m.span.root
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == verb.lemma_:
            return True
    return False


def literal_candidate(
    builder: Builder,
    sentence: Span,
    prompt: str,
    answer: str,
    source: str,
    pool: list[str],
    accept: list[str],
) -> Candidate | None:
    if not prompt or not answer or _leaks(prompt, answer):
        return None
    if len(prompt.split()) > 30 or len(prompt.split()) < 4:
        return None
    body = prompt.split(", ", 1)[1] if prompt.startswith("According to ") else prompt
    if re.search(r"[:;]", prompt) or "," in body or re.match(r"When (?:is|are|was|were) ", body):
        return None  # a list, an aside or a copula: the question would read badly
    distractors = pick(answer, pool, 3)
    accept = [a for a in dict.fromkeys(accept) if a and a != answer]
    short = builder.make("short_answer", prompt, sentence, answer, None, source, accept)
    quality = sentence_quality(sentence)
    if len(distractors) < 2:
        return candidate(builder, short, sentence, "literal", 1.1 + quality, answer)
    choices = [answer, *distractors]
    question = builder.make("multiple_choice", prompt, sentence, answer, choices, source)
    found = candidate(builder, question, sentence, "literal", 1.3 + quality, answer)
    found.short_form = short
    return found


def _leaks(prompt: str, answer: str) -> bool:
    """The answer (or its last word, for a name) appears in the prompt."""
    lowered = prompt.lower()
    key = answer.lower().strip()
    if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", lowered):
        return True
    last = key.split()[-1] if key.split() else ""
    return (
        len(last) > 3
        and last[:1].isalpha()
        and answer[:1].isupper()
        and re.search(rf"(?<!\w){re.escape(last)}(?!\w)", lowered) is not None
    )


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


# ---------------------------------------------------------------------- vocabulary


def vocabulary_questions(builder: Builder, passage: int) -> list[Candidate]:
    out = []
    pool = _definition_pool(builder)
    for entry in builder.glossary[passage]:
        thing = _thing_for_term(builder, entry.term)
        if (
            thing is None
            or thing.is_name
            or entry.source not in ("wordnet", "article", "shared glossary")
        ):
            continue
        mention = next(
            (
                m
                for m in sorted(thing.mentions, key=lambda m: (m.paragraph, m.start))
                if builder.passage_of(m.paragraph) == passage
            ),
            None,
        )
        if mention is None:
            continue
        options = [
            d
            for pos, d, lemma in pool
            if pos == thing.pos and lemma != thing.lemma and d != entry.definition
        ]
        distractors = _spread(options, entry.definition, 3)
        if len(distractors) < 2:
            continue
        number = builder.paragraph_number(mention.paragraph)
        prompt = f"As used in paragraph {number}, what does “{mention.text}” mean?"
        question = builder.make(
            "multiple_choice",
            prompt,
            mention.sentence,
            entry.definition,
            [entry.definition, *distractors],
            "rule:vocabulary",
        )
        out.append(
            candidate(
                builder,
                question,
                mention.sentence,
                "vocabulary",
                1.3 + 0.2 * len(distractors),
                entry.term,
            )
        )
    return out


def _spread(options: list[str], answer: str, count: int) -> list[str]:
    """Distractor definitions of similar length to the answer, stably chosen."""
    unique = [o for o in dict.fromkeys(options) if o.lower() != answer.lower()]
    unique.sort(key=lambda o: (abs(len(o.split()) - len(answer.split())), o))
    return unique[:count]


def _thing_for_term(builder: Builder, term: str) -> Thing | None:
    key = normal_key(term.split(" (")[0])
    for thing in builder.things:
        if key in {normal_key(f) for f in thing.forms}:
            return thing
    return None


def _definition_pool(builder: Builder) -> list[tuple[str, str, str]]:
    """(part of speech, definition, lemma) of the article's words: glossed words first,
    then WordNet's first sense of the other rare words."""
    if hasattr(builder, "_pool"):
        return builder._pool  # type: ignore[attr-defined]
    pool: list[tuple[str, str, str]] = []
    for entries in builder.glossary:
        for entry in entries:
            thing = _thing_for_term(builder, entry.term)
            if thing is not None and not thing.is_name:
                pool.append((thing.pos, entry.definition, thing.lemma))
    wordnet = get_wordnet()
    from companion.definitions import wordnet_text

    for thing in builder.things:
        if thing.is_name or any(lemma == thing.lemma for _, _, lemma in pool):
            continue
        senses = wordnet.synsets(thing.lemma, thing.pos)
        if senses:
            text = wordnet_text(senses[0], thing)
            if text:
                pool.append((thing.pos, text, thing.lemma))
    builder._pool = pool  # type: ignore[attr-defined]
    return pool


# ---------------------------------------------------------------------- cloze


def cloze_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not usable_sentence(sentence) or has_quote(sentence):
        return []
    out = []
    for thing, mention in _term_mentions(builder, sentence):
        if len(thing.mentions) and sum(1 for t in sentence if builder.thing_of(t) is thing) > (
            mention.end - mention.start
        ):
            continue  # the answer would still be in the sentence
        text = sentence.text.strip()
        offset = sentence.start_char
        start = mention.doc[mention.start].idx - offset
        end = mention.doc[mention.end - 1].idx + len(mention.doc[mention.end - 1].text) - offset
        prompt = " ".join((text[:start] + BLANK + text[end:]).split())
        if prompt.startswith(BLANK):
            continue  # a sentence should not open with its gap
        if (
            thing.acronym
            and thing.acronym in prompt
            or any(f.lower() in prompt.lower() for f in thing.forms if len(f) > 3)
        ):
            continue
        answer = mention.text
        kinds = {thing.kind} | ({"group", "name", "acronym"} if thing.kind in GROUPISH else set())
        if thing.is_name:
            others = [t for t in builder.things if not _named_in_prompt(t, prompt)]
            pool = thing_pool(thing, others, kinds, lambda t: t.first.text)
        elif thing.pos == "a":
            pool = []  # "secure, _____, and reliable": other adjectives could fit too
        else:
            tag = mention.doc[mention.start].tag_
            pool = [
                m.text
                for t in builder.things
                if not t.is_name and t.pos == thing.pos and t is not thing
                for m in t.mentions[:1]
                if m.doc[m.start].tag_ == tag
            ]
        pool = [p for p in pool if p.lower() not in prompt.lower()]
        bank = pick(answer, builder.prefer_glossed(pool), 3)
        glossed = normal_key(answer) in builder.glossed
        if len(bank) >= 2:
            question = builder.make(
                "cloze", prompt, sentence, answer, [answer, *bank], "rule:cloze"
            )
        else:
            question = builder.make("cloze", prompt, sentence, answer, None, "rule:cloze")
        score = (
            0.9
            + (0.4 if glossed else 0.0)
            + sentence_quality(sentence)
            + (0.1 if len(bank) >= 2 else 0)
        )
        out.append(candidate(builder, question, sentence, "cloze", score, answer))
    return out


def _named_in_prompt(thing: Thing, prompt: str) -> bool:
    """A thing the prompt already names, under any of its names or its acronym."""
    lowered = prompt.lower()
    names = {f.lower() for f in thing.forms} | ({thing.acronym.lower()} if thing.acronym else set())
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", lowered) for n in names if n)


def _term_mentions(builder: Builder, sentence: Span):
    seen = set()
    for thing, mention in builder.mentions_in_doc.get(id(sentence.doc), []):
        if sentence.start <= mention.start < sentence.end and id(thing) not in seen:
            seen.add(id(thing))
            yield thing, mention


# ---------------------------------------------------------------------- true / false


def true_false_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not usable_sentence(sentence) or has_quote(sentence):
        return []
    if starts_with_unresolved_pronoun(builder, sentence):
        return []
    speech, clause = attribution(sentence)
    verb = clause if speech is not None else sentence.root
    if verb is None:
        return []
    subject, resolved = builder.resolved_subject(verb)
    if subject is not None and subject.lower_ in PRONOUN_SUBJECTS and not resolved:
        return []
    replacements = {subject.i: resolved} if resolved else {}
    if subject is None or _inverted(verb, subject):
        return []  # "Could the channel have been carved ...": not a statement
    true_text = statement(verb, replacements)
    if len(true_text.split()) < 0.6 * sum(1 for t in sentence if not t.is_punct):
        return []  # too much of the sentence left out: the statement could mislead
    if re.match(r"(?:its|this|these|those|it)\b", true_text, re.IGNORECASE) or re.search(
        r"\b(?:he|him|his|she|her|they|them|their)\b", true_text, re.IGNORECASE
    ):
        return []  # a statement must stand on its own: no pronoun left to guess
    if not true_text or len(true_text.split()) < 5 or len(true_text.split()) > 30:
        return []
    speaker = speaker_phrase(speech, builder.resolve) if speech is not None else ""
    prefer_false = int(fingerprint(true_text), 16) % 2 == 0
    false = _false_version(builder, verb, replacements)
    versions = [(true_text, "true", 0.0 if prefer_false else 0.15)]
    if false and false != true_text:
        versions.append((false, "false", 0.15 if prefer_false else 0.0))
    out = []
    for text, answer, bonus in versions:
        first_word = text.split()[0] if text.split() else ""
        keep = _starts_with_name(builder, verb) or "." in first_word or any(
            c.isupper() for c in first_word[1:]
        )
        body = text if keep else text[:1].lower() + text[1:]
        prompt = f"Does {speaker} say that {body}?" if speaker else f"Is it true that {body}?"
        question = builder.make(
            "true_false",
            finish_question(prompt),
            sentence,
            answer,
            ["True", "False"],
            "rule:true-false",
        )
        out.append(
            candidate(
                builder,
                question,
                sentence,
                "true_false",
                0.9 + bonus + sentence_quality(sentence),
                f"tf:{true_text}",
            )
        )
    return out


def _inverted(verb: Token, subject: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < subject.i]
    return bool(auxes) or (verb.i < subject.i and verb.lemma_ == "be")


def _starts_with_name(builder: Builder, verb: Token) -> bool:
    """Whether the statement's first word keeps its capital inside a question."""
    tokens = clause_tokens(verb, set())
    first = tokens[0] if tokens else verb
    if first.lower_ in ("the", "a", "an"):
        return False
    if first.text in builder.capitalised_inside or "." in first.text:
        return True  # a name or an abbreviation ("U.S.")
    return (
        first.pos_ == "PROPN"
        or builder.thing_of(first) is not None
        or first.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
        or any(ch.isupper() for ch in first.text[1:])
    )


def _false_version(builder: Builder, verb: Token, replacements: dict[int, str]) -> str | None:
    """Swap a year, number, or named thing for another of the same kind from the article,
    so that the passage clearly contradicts the statement."""
    tokens = clause_tokens(verb, set())
    for token in tokens:
        digits = token.text.replace(",", "")
        if token.ent_type_ in ("DATE", "TIME") and not YEAR.match(digits):
            continue  # "September 2" must not become "September 40"
        if token.like_num and digits.isdigit() and token.i not in replacements:
            pool = number_pool(digits, builder.numbers)
            if YEAR.match(digits):
                pool = [p for p in pool if abs(int(p) - int(digits)) >= 3]
            choice = next((p for p in pool if p != digits), None)
            if choice:
                return statement(verb, {**replacements, token.i: choice})
    for token in tokens:
        thing = builder.thing_of(token)
        if thing is None or not thing.is_name or token.i in replacements:
            continue
        mention = next(
            m for m in thing.mentions if m.doc is token.doc and m.start <= token.i < m.end
        )
        if not _swappable(mention) or sum(1 for t in tokens if builder.thing_of(t) is thing) > len(
            mention.span
        ):
            continue  # the thing is named twice in the clause: one swap would contradict itself
        pool = [
            t
            for t in builder.things
            if t is not thing and t.kind == thing.kind and t.label == thing.label and t.mentions
        ]
        names = [builder.name_of(t) for t in sorted(pool, key=lambda t: (-len(t.mentions), t.key))]
        names = [
            n
            for n in names
            if not _also_does(builder, n, verb) and not _co_occurs(builder, n, verb)
        ]
        choice = pick(mention.text, builder.prefer_glossed(names), 1)
        if choice:
            swap = {i: "" for i in range(mention.start, mention.end)}
            swap[mention.start] = choice[0]
            before = mention.doc[mention.start - 1] if mention.start > 0 else None
            if before is not None and before.lower_ == "the" and not _takes_the(builder, choice[0]):
                swap[before.i] = ""
            return statement(verb, {**replacements, **swap})
    return None


def _swappable(mention) -> bool:
    """Only a whole subject or object is swapped: never a modifier ("NASA’s ... center"),
    a possessive, or a name in brackets."""
    root = mention.span.root
    doc = mention.doc
    if root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj"):
        return False
    if mention.start > 0 and doc[mention.start - 1].text == "(":
        return False
    return not (mention.end < len(doc) and doc[mention.end].tag_ == "POS")


def _takes_the(builder: Builder, name: str) -> bool:
    """Whether the article writes "the" before this name ("the Taliban", but "al Qaeda")."""
    for thing in builder.things:
        if display_name(thing) == name:
            return any(m.start > 0 and m.doc[m.start - 1].lower_ == "the" for m in thing.mentions)
    return False


def _co_occurs(builder: Builder, name: str, verb: Token) -> bool:
    """The replacement already appears with this verb somewhere: the swap might be true."""
    lowered = name.lower()
    return any(lowered in text for text in builder.sentences_with_lemma.get(verb.lemma_, []))


# ---------------------------------------------------------------------- sequence


@dataclass
class Event:
    year: float
    text: str
    sentence: Span


def sequence_question(builder: Builder) -> Candidate | None:
    """Put 3-4 dated events of the article in order."""
    events: list[Event] = []
    for item in builder.analysis.sentences:
        sentence = item.span
        if is_quote(sentence):
            continue
        for event in _dated_events(builder, sentence):
            if all(
                abs(event.year - e.year) >= 1 and not same_thing(event.text, e.text) for e in events
            ):
                events.append(event)
    if len(events) < 3:
        return None
    events.sort(key=lambda e: e.year)
    chosen = events[-4:] if len(events) > 4 else events
    order = [e.text for e in chosen]
    shuffled = list(order)
    random.Random(fingerprint(order)).shuffle(shuffled)
    if shuffled == order:
        shuffled = shuffled[1:] + shuffled[:1]
    last = max(chosen, key=lambda e: (builder.paragraph_of(e.sentence), e.sentence.start)).sentence
    question = builder.make(
        "sequence", "In what order did these events happen?", last, order, shuffled, "rule:sequence"
    )
    return candidate(builder, question, last, "sequence", 2.0, "sequence")


def _dated_events(builder: Builder, sentence: Span) -> list[Event]:
    events = []
    for ent in sentence.ents:
        if ent.label_ not in ("DATE", "EVENT"):
            continue
        year = _event_year(ent.text)
        if year is None:
            continue
        verb = _governing_verb(ent)
        if verb is None or verb.lemma_ in ("say", "tell"):
            continue
        text = _event_text(builder, verb, ent)
        if text:
            events.append(Event(year, text, sentence))
    if not events and any(
        t.lower_ == "now"
        and t.head.pos_ in ("VERB", "AUX")
        and t.head.tag_ in ("VBG", "VBP", "VBZ")
        for t in sentence
    ):
        verb = next(t.head for t in sentence if t.lower_ == "now")
        text = _event_text(builder, verb, None)
        if text:
            events.append(Event(9999, text, sentence))
    return events


def _governing_verb(ent: Span) -> Token | None:
    """The verb a date belongs to; where the parse is unsure (a 'dep' link on the way),
    the nearest verb before the date."""
    token, path = ent.root, []
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        path.append(token)
        token = token.head
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if (
        token.pos_ in ("VERB", "AUX")
        and token.dep_ != "dep"
        and not any(t.dep_ == "dep" for t in path)
        and (has_subject or token.dep_ in ("advcl", "relcl", "xcomp", "conj"))
    ):
        return token
    before = [
        t
        for t in ent.sent
        if t.i < ent.start
        and t.pos_ == "VERB"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    ]
    return before[-1] if before else None


def _event_year(text: str) -> float | None:
    match = re.search(r"\b((?:1[5-9]|20)\d\d)\b", text)
    if match:
        return float(match.group(1))
    match = re.search(r"\b((?:1[5-9]|20)\d)0s\b", text)
    if match:
        return float(match.group(1)) * 10 + 5
    return None


def _event_text(builder: Builder, verb: Token, date: Span | None) -> str:
    exclude: set[int] = set()
    if date is not None:
        branch = next((c for c in verb.children if date.root.i in subtree_ids(c)), None)
        if branch is not None and branch.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "acomp"):
            return ""  # "recalled his 2009 flight": removing the date would remove the event
        exclude = subtree_ids(branch) if branch is not None else set()
    if verb.lemma_ == "be" and not any(c.dep_ in ("attr", "acomp") for c in verb.children):
        return ""
    for child in verb.children:
        if child.lower_ == "now" or (
            child.dep_ == "advmod" and child.lower_ in ("still", "also", "soon")
        ):
            exclude |= subtree_ids(child)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    replacements: dict[int, str] = {}
    prefix = ""
    if verb.dep_ == "relcl" and subject is not None and subject.lower_ in ("which", "who", "that"):
        noun = verb.head
        words = [t for t in noun.lefts if t.dep_ in ("det", "compound", "amod")] + [noun]
        replacements[subject.i] = span_text(words)
    elif subject is None and verb.dep_ == "advcl":
        return ""
    elif subject is not None and subject.lower_ in PRONOUN_SUBJECTS:
        name = builder.antecedent(subject) or _main_subject_name(builder, verb)
        if not name:
            return ""
        replacements[subject.i] = name
    if subject is not None:
        for part in [subject, *[c for c in subject.children if c.dep_ == "conj"]]:
            thing = builder.thing_of(part)
            if part.i not in replacements and thing is not None and thing.kind == "person":
                mention = next(
                    m for m in thing.mentions if m.doc is part.doc and m.start <= part.i < m.end
                )
                if mention.end - mention.start == 1:
                    replacements[part.i] = display_name(thing)
    if subject is None:
        subject_of_head = next((c for c in verb.head.children if c.dep_ in ("nsubj",)), None)
        if subject_of_head is None:
            return ""
        prefix = builder.resolve(subject_of_head) if builder.thing_of(subject_of_head) else ""
        if not prefix:
            return ""
    text = statement(verb, replacements, exclude, compact=True)
    text = re.sub(r"\s+[,;:]$", "", text)
    if prefix:
        text = f"{prefix} {text[:1].lower()}{text[1:]}"
    words = text.split()
    if not 3 <= len(words) <= 16:
        return ""
    return text.rstrip(".")


def _main_subject_name(builder: Builder, verb: Token) -> str:
    head = verb.head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and builder.thing_of(subject):
        return builder.resolve(subject)
    return ""


# ---------------------------------------------------------------------- open


CAUSAL_MARKS = {"because", "since", "as"}


def open_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not usable_sentence(sentence) or starts_with_unresolved_pronoun(builder, sentence):
        return []
    out = []
    for token in sentence:
        if token.dep_ == "mark" and token.lower_ == "because" and token.head.dep_ == "advcl":
            cause = token.head
            effect = cause.head
            prompt = wh_question(effect, "Why", subtree_ids(cause), False)
            if prompt and re.search(
                r"\b(?:he|him|his|she|her|they|them|their|it|its)\b", prompt, re.I
            ):
                prompt = ""  # a pronoun the student cannot resolve from the question
            if prompt:
                prompt = f"{FOLLOW_UP}, {prompt[:1].lower()}{prompt[1:]}"
                sample = span_text(list(cause.subtree))
                out.append(_open(builder, sentence, prompt, sample, "rule:open-because", 1.6))
        if token.lemma_ == "play" and any(c.lower_ == "role" for c in token.children):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in PRONOUN_SUBJECTS:
                topic = span_text(list(subject.subtree))
                prompt = (
                    f"{FOLLOW_UP}, how does {topic[:1].lower() + topic[1:]} affect what happens?"
                )
                out.append(
                    _open(builder, sentence, prompt, sentence.text.strip(), "rule:open-role", 1.5)
                )
        if token.lemma_ == "lead" and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in token.children
        ):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in PRONOUN_SUBJECTS:
                topic = span_text(list(subject.subtree))
                prompt = f"{FOLLOW_UP}, what did {topic[:1].lower() + topic[1:]} lead to?"
                out.append(
                    _open(builder, sentence, prompt, sentence.text.strip(), "rule:open-led-to", 1.4)
                )
    return out


def quotation_question(builder: Builder, sentence: Span) -> list[Candidate]:
    """ "What does X mean by “...”?" for a short, attributed quotation."""
    match = re.search(r"“([^”]{12,90}?)[,.]?”", sentence.text)
    if not match or len(match.group(1).split()) > 14:
        return []
    speaker = _quote_speaker(builder, sentence)
    if not speaker:
        return []
    quote = match.group(1).strip().rstrip(",.")
    prompt = f"What does {speaker} mean by “{quote}”? Use evidence from the passage"
    prompt = f"{FOLLOW_UP}, what does {speaker} mean by “{quote}”?"
    rest = sentence.text.replace(match.group(0), "").strip(" ,.")
    sample = _following_quote(builder, sentence) or rest
    return [_open(builder, sentence, prompt, sample, "rule:open-quotation", 1.2)]


def _quote_speaker(builder: Builder, sentence: Span) -> str:
    for token in sentence:
        if token.lemma_ in ("say", "tell", "add") and token.pos_ == "VERB":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            if subject.lower_ in ("he", "she"):
                return builder.antecedent(subject) or _recent_person(builder, sentence)
            if builder.thing_of(subject) is not None:
                return builder.resolve(subject)
    return ""


def _recent_person(builder: Builder, sentence: Span) -> str:
    """The person most recently quoted or named in the two sentences before."""
    sentences = builder.analysis.sentences
    index = builder.sentence_index(sentence)
    for item in reversed(sentences[max(0, index - 4) : index]):
        people = [
            builder.thing_of(t)
            for t in item.span
            if builder.thing_of(t) and builder.thing_of(t).kind == "person"
        ]
        names = {display_name(p) for p in people if p}
        if len(names) == 1:
            return names.pop()
        if names:
            return ""
    return ""


def _following_quote(builder: Builder, sentence: Span) -> str:
    """The speaker's next quoted words, which usually explain the first ones."""
    quotes = re.findall(r"“([^”]+)”", sentence.text)
    if len(quotes) >= 2:
        return f"“{quotes[1].strip()}”"
    following = [
        s.span
        for s in builder.analysis.sentences_in(builder.paragraph_of(sentence))
        if s.span.start > sentence.start
    ]
    if not following:
        index = builder.paragraph_of(sentence) + 1
        following = (
            [s.span for s in builder.analysis.sentences_in(index)]
            if index < len(builder.analysis.docs)
            else []
        )
    if following and is_quote(following[0]):
        return following[0].text.strip()
    return ""


def main_idea_question(builder: Builder, passage: int) -> Candidate | None:
    """ "What is the main idea of paragraphs 9-13?" with the passage's most central
    sentence as the sample answer."""
    paragraphs = builder.context.drafts[passage].paragraphs
    sentences = [
        s.span
        for i in paragraphs
        for s in builder.analysis.sentences_in(i)
        if _summary_sentence(s.span)
    ]
    if len(sentences) < 2:
        return None
    words = [{t.lemma_.lower() for t in s if t.is_alpha and not t.is_stop} for s in sentences]

    def centrality(index: int) -> float:
        return sum(len(words[index] & w) for j, w in enumerate(words) if j != index) / (
            1 + len(words[index]) ** 0.5
        )

    best = max(range(len(sentences)), key=lambda i: (centrality(i), -i))
    first = builder.paragraph_number(paragraphs[0])
    last = builder.paragraph_number(paragraphs[-1])
    where = f"paragraphs {first}-{last}" if last > first else f"paragraph {first}"
    prompt = f"{FOLLOW_UP}, what is the main idea of {where}?"
    return _open(
        builder, sentences[best], prompt, sentences[best].text.strip(), "rule:open-main-idea", 1.0
    )


def _summary_sentence(sentence: Span) -> bool:
    """A sentence that can stand as a sample main idea: a full statement, not speech, not
    an instruction, not leaning on the sentence before."""
    text = sentence.text.strip()
    first = sentence[0]
    return (
        len(sentence) >= 8
        and not is_quote(sentence)
        and text.endswith(".")
        and not text.endswith(("include.", "following."))
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in sentence.root.children)
        and first.lower_ not in DISCOURSE_START
        and first.lower_ not in PRONOUN_SUBJECTS
    )


DISCOURSE_START = {"then", "however", "but", "and", "so", "also", "please", "meanwhile", "still"}


def _open(
    builder: Builder, sentence: Span, prompt: str, sample: str, source: str, score: float
) -> Candidate:
    sample = tidy(sample)
    sample = sample[:1].upper() + sample[1:]
    if not sample.endswith((".", "!", "?", "”")):
        sample += "."
    question = builder.make("open", finish_question(prompt), sentence, sample, None, source)
    return candidate(
        builder,
        question,
        sentence,
        "open",
        score + sentence_quality(sentence) * 0.3,
        f"open:{prompt}",
    )


# ---------------------------------------------------------------------- selection


def build_questions(context: Context, glossary: list[list[GlossaryEntry]]) -> list[list[Question]]:
    """Questions for each passage."""
    builder = Builder(context, glossary)
    per_passage: list[list[Candidate]] = [[] for _ in context.drafts]
    for index, draft in enumerate(context.drafts):
        for paragraph in draft.paragraphs:
            for item in context.analysis.sentences_in(paragraph):
                sentence = item.span
                for rule in (
                    literal_questions,
                    cloze_questions,
                    true_false_questions,
                    open_questions,
                    quotation_question,
                ):
                    per_passage[index] += rule(builder, sentence)
        per_passage[index] += vocabulary_questions(builder, index)
        idea = main_idea_question(builder, index)
        if idea is not None:
            per_passage[index].append(idea)
    sequence = sequence_question(builder)
    if sequence is not None:
        per_passage[sequence.passage].append(sequence)
    return select(per_passage, context.options.questions_per_passage)


def select(per_passage: list[list[Candidate]], limit: int) -> list[list[Question]]:
    """Each passage keeps up to `limit` questions: the best of each kind in turn, never two
    with the same answer or the same source sentence in the lesson; a sequence question
    and at least one open question are kept where there is one."""
    used_answers: set[str] = set()
    used_sentences: set[tuple[int, int]] = set()
    result: list[list[Candidate]] = []
    open_seen = False
    truth = {"true": 0, "false": 0}
    for index, candidates in enumerate(per_passage):
        # True/false answers alternate through the lesson: the less used answer first.
        rarer = "false" if truth["false"] <= truth["true"] else "true"
        ranked = sorted(
            candidates,
            key=lambda c: (
                c.family == "true_false" and c.question.answer != rarer,
                -c.score,
                c.question.id,
            ),
        )
        chosen: list[Candidate] = []
        families = list(KIND_ORDER)
        must = [c for c in ranked if c.family == "sequence"][:1]
        last_passage = index == len(per_passage) - 1
        if not open_seen and (last_passage or index % 2 == 1):
            must += [c for c in ranked if c.family == "open"][:1]
        for c in must:
            if _fits(c, used_answers, used_sentences):
                _take(c, chosen, used_answers, used_sentences)
        while len(chosen) < limit:
            progress = False
            for family in families:
                if len(chosen) >= limit:
                    break
                if any(c.family == family for c in chosen) and len(chosen) < len(families):
                    continue
                pick_ = next(
                    (
                        c
                        for c in ranked
                        if c.family == family
                        and c not in chosen
                        and _fits(c, used_answers, used_sentences, chosen)
                    ),
                    None,
                )
                if pick_ is not None:
                    _take(pick_, chosen, used_answers, used_sentences)
                    progress = True
            if not progress:
                extra = next(
                    (
                        c
                        for c in ranked
                        if c not in chosen and _fits(c, used_answers, used_sentences, chosen)
                    ),
                    None,
                )
                if extra is None:
                    break
                _take(extra, chosen, used_answers, used_sentences)
        open_seen = open_seen or any(c.family == "open" for c in chosen)
        for c in chosen:
            if c.family == "true_false":
                truth[str(c.question.answer)] += 1
        order = {
            family: i
            for i, family in enumerate(
                ("vocabulary", "literal", "cloze", "true_false", "sequence", "open")
            )
        }
        chosen.sort(key=lambda c: (order[c.family], c.question.paragraph or 0))
        result.append(chosen)
    return _with_short_answer([[c.question for c in chosen] for chosen in result], result)


def _with_short_answer(
    questions: list[list[Question]], chosen: list[list[Candidate]]
) -> list[list[Question]]:
    """Ask one literal question without choices when the lesson has no short answer yet:
    recall without the help of choices is a level of its own."""
    if any(q.kind == "short_answer" for passage in questions for q in passage):
        return questions
    literal = [
        (i, j, c)
        for i, passage in enumerate(chosen)
        for j, c in enumerate(passage)
        if c.short_form is not None
    ]
    if len(literal) >= 2:
        i, j, c = literal[-1]
        questions[i][j] = c.short_form
    return questions


def _fits(
    c: Candidate,
    answers: set[str],
    sentences: set[tuple[int, int]],
    chosen: list[Candidate] | None = None,
) -> bool:
    if c.answer_key in answers:
        return False
    if chosen is not None and sum(1 for x in chosen if x.family == c.family) >= 2:
        return False  # at most two of one kind in a passage
    return (
        c.family in ("open", "sequence")
        and c.question.source == "rule:open-main-idea"
        or c.sentence_key not in sentences
    )


def _take(
    c: Candidate, chosen: list[Candidate], answers: set[str], sentences: set[tuple[int, int]]
) -> None:
    chosen.append(c)
    answers.add(c.answer_key)
    sentences.add(c.sentence_key)
