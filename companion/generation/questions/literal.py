"""Literal recall made by transforming a clause with its dependency parse: "Who ...?" about
a person, and "When ...?" with four years to choose from. ("What" and "Where" rewrites,
and "When" asked without choices, were dropped: reviewed blind on unseen news, 32.5 of 68
such questions were accepted; "how many" is a number cloze.)"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from companion.common.wordnet import get_wordnet
from companion.generation.clauses import (
    according_to,
    attribution,
    has_quote,
    span_text,
    speaker_phrase,
    subtree_ids,
    tidy,
    wh_question,
)
from companion.generation.distractors import (
    number_pool,
    pick,
    thing_pool,
)
from companion.generation.lexicon import PERSON_LEXNAME, PRONOUN_SUBJECTS, STREET_WORDS
from companion.generation.questions.base import (
    MC_DISTRACTORS,
    PERSONISH,
    RELATIVE_DATES,
    TIME_PREPS,
    Builder,
    Candidate,
    a_whole_event,
    also_does,
    candidate,
    generic_possessive,
    hypothetical,
    is_role_title,
    leaks_answer,
    lower_sentence_start,
    name_after_role,
    name_with_s,
    not_a_person,
    role_before_name,
    sentence_quality,
    starts_with_unresolved_pronoun,
    told_before,
)
from companion.generation.terms import display_name

# a pronoun (or "another") in a rewritten question points at a sentence the student
# does not see
OUTSIDE_REFERENCE = re.compile(
    r"\b(?:he|she|they|him|his|her|hers|their|them|its|it|this|these|those"
    r"|i|me|my|we|us|our|you|your|another|here)\b",
    re.I,
)


def _all_dictionary_words(name: str) -> bool:
    """ "Head Coach": every word a common noun or adjective; "Tim Cook" has a first name."""
    wordnet = get_wordnet()
    return all(
        wordnet.synsets(word.lower(), "n") or wordnet.synsets(word.lower(), "a")
        for word in name.split()
    )


def literal_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not builder.usable(sentence) or has_quote(sentence):
        return []
    if starts_with_unresolved_pronoun(builder, sentence):
        return []
    out: list[Candidate] = []
    for verb, prefix in clause_verbs(builder, sentence):
        subject, resolved = builder.resolved_subject(verb)
        if subject is None or (subject.lower_ in PRONOUN_SUBJECTS and not resolved):
            continue
        for rule in (_when, _who):
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
        prefix = according_to(speaker) if speaker else ""
        main = clause
    verbs = [] if main.lemma_ in ("say", "tell") or hypothetical(main) else [(main, prefix)]
    for token in main.subtree:
        if (
            token.dep_ == "advcl"
            and token.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and not hypothetical(token)
            and not _parenthetical(token)
        ):
            verbs.append((token, prefix))
    return verbs


def _parenthetical(verb: Token) -> bool:
    """ ", Prieto continued, the stela shows ...": a clause set off by commas with no
    conjunction to tie it on is an aside of saying, not an event ("Who continued on the
    south-facing side?")."""
    tokens = list(verb.subtree)
    doc = verb.doc
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    return (
        not any(c.dep_ == "mark" for c in verb.children)
        and (before is None or before.text == ",")
        and after is not None
        and after.text == ","
    )


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
    if not a_whole_event(verb, subject) or any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children
    ):
        return None  # (a plan: "when will the move generate annual savings of roughly $65
        # million beginning?" had its date on another word)
    for ent in sentence.ents:
        if ent.label_ != "DATE" or RELATIVE_DATES.match(ent.text.strip()):
            continue
        if not re.search(r"\d{4}|\d{2,4}s\b", ent.text):
            continue
        head = ent.root.head
        if head.lower_ in ("since", "until", "between"):
            continue  # "When have scientists known ...?" - "since the late 1990s"
        if head.dep_ == "prep" and head.lower_ in TIME_PREPS and head.head == verb:
            answer_ids = subtree_ids(head)
        elif ent.root.dep_ in ("npadvmod", "tmod") and ent.root.head == verb:
            answer_ids = subtree_ids(ent.root)
        else:
            continue
        prompt = _question_with(builder, verb, "When", answer_ids, False, prefix, subject, resolved)
        answer = tidy(ent.text)
        answer = re.sub(r"^the\s+", "the ", answer)
        year = _year(answer)
        if re.search(r"\b(?:1[5-9]|20)\d\d\b", prompt):
            return None  # "When did the orchestra tour Japan in 2011?" from "toured Japan
            # in 1999 and Europe in 2011": another year left in the question
        if not year:
            return None  # "When ...?" without four years to choose from: reviewed blind,
            # a short answer keyed "the late 1990s" or "this Feb. 16" was rarely accepted
        found = literal_candidate(
            builder,
            sentence,
            prompt,
            answer,
            "rule:literal-when",
            pool=number_pool(year, builder.numbers),
            accept=[span_text([t for t in head.subtree])] if head.dep_ == "prep" else [],
        )
        return found if found is not None and found.short_form is not None else None
    return None


def _year(text: str) -> str:
    match = re.fullmatch(r"(?:in\s+)?((?:1[5-9]|20)\d\d)", text.strip())
    return match.group(1) if match else ""


def _who(builder: Builder, sentence, verb, prefix, subject, resolved) -> Candidate | None:
    if subject.lower_ in PRONOUN_SUBJECTS:
        return None
    before = subject.doc[subject.i - 1] if subject.i > 0 else None
    if subject.tag_ == "NNPS" or (
        subject.lower_.endswith("s") and before is not None and before.lower_ == "the"
    ):
        return None  # "the Comedors were added to the list": a family, not Jonas Comedor
    thing = builder.thing_of(subject)
    if thing is None or thing.kind != "person":
        return None  # "What ...?", "Where ...?", "When ...?" rewrites: reviewed blind on
        # unseen news, 32.5 of 68 were accepted ("What missed a birdie chance?", "Where
        # does Al Mitchell live?"), against 64 of 93 for "Who ...?" about a person
    if verb.lemma_ in MADE_THINGS and (
        subject.dep_ == "nsubjpass" or not any(c.dep_ == "dobj" for c in verb.children)
    ):
        return None  # "Who has been built on the site of the old steelworks?" (a hospital
        # named after a person), "Who has fully reopened?" (a pier): a thing the tagger
        # took for a person, built or opened, or opening by itself
    if name_with_s(subject.doc, subject.i + 1):
        return None  # "McDonald's is launching ...": the name is "McDonald's"
    if subject.lower_.rstrip(".") in STREET_WORDS:
        return None  # "Who has been particularly affected?" of "Blackridge Rd": a road the
        # tagger took for a person
    other_clauses = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    if any(told_before(t) for t in verb.subtree if t.i not in other_clauses):
        return None  # "Who made the bold comment?": which comment, the sentence before said
    ids = subtree_ids(subject)
    if any(c.dep_ == "conj" for c in subject.children) or len(ids) > 6:
        return None  # "Masood and the NRF": a two-part answer
    if verb.lemma_ == "be" and not any(c.dep_ == "attr" for c in verb.children):
        return None
    if verb.lemma_ == "do" and not any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "attr") for c in verb.children
    ):
        return None  # "just as Rousseff did at the opener": "did" stands for another verb
    if any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in verb.children):
        return None  # a comparison: "just as Rousseff did at the opener of the World Cup"
    if verb.lemma_ in ("be", "become", "remain") and any(
        c.dep_ == "attr" and not _person_word(c) for c in verb.children
    ):
        return None  # "Who will become the first stop on the Blue route?" of Cavello Bay:
        # a place the tagger took for a person
    if verb.lemma_ == "be" and not any(_tied_role(c) for c in verb.children if c.dep_ == "attr"):
        return None  # "Who was the soprano?": of what? (a role must be tied to something)
    if verb.lemma_ == "be" and any(
        c.dep_ == "attr" and c.lower_ in ("one", "among") for c in verb.children
    ):
        return None  # "Who is one of thousands of people across the UK?": anyone fits
    if is_role_title(display_name(thing)) and (
        thing.label != "PERSON" or _all_dictionary_words(display_name(thing))
    ):
        return None  # "What spoke in Tuticorin?" - "Chief Minister", "who is appointed?" -
        # "Head Coach" (tagged as a person): a role, not a name (but "Tim Cook" is one)
    if len(display_name(thing).split()) < 2:
        return None  # a one-word "person" is as likely a mislabelled place or object
    if not_a_person(display_name(thing)):
        return None  # "Who hosts the biggest French military base?" - "Tiny Djibouti"
    prompt = wh_question(verb, "Who", ids, True, prefix)
    answer = builder.name_of(thing)
    pool = thing_pool(thing, builder.things, PERSONISH, builder.name_of)
    # options are people named in full: not "Googleplex", "Saturn" or a bare "Milla"
    people = {builder.name_of(t) for t in builder.things if t.label == "PERSON"}
    pool = [p for p in pool if p in people and len(p.split()) >= 2 and not not_a_person(p)]
    if any(
        other is not thing and other.kind == "person" and _same_object(builder, other, verb)
        for other in builder.things
    ):
        return None  # "Who had 14 points for Washington?": Westbrook had 14 too
    pool = [p for p in pool if not also_does(builder, p, verb)]
    pool = builder.same_sort_of_person(answer, pool)
    return literal_candidate(
        builder,
        sentence,
        prompt,
        answer,
        "rule:literal-who",
        pool=builder.prefer_glossed(pool),
        accept=sorted(thing.forms),
    )


# verbs done to buildings and objects, not people: "has been built", "was opened"
MADE_THINGS = frozenset(
    {"build", "construct", "open", "design", "erect", "demolish", "renovate", "refurbish"}
    | {"restore", "reopen", "close", "sell", "buy", "install", "paint", "complete"}
    | {"restock", "refuel", "repair", "launch", "dock", "sink", "tow", "moor", "refit"}
)


def _same_object(builder: Builder, other, verb: Token) -> bool:
    """Another person does the same thing to the same object somewhere in the article
    ("Westbrook had 14 points"): the question would have two right answers."""
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")}
    for mention in other.mentions:
        if mention.span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue  # "Halep beat Williams": Williams is the object, not a rival subject
        head = mention.span.root.head
        if head.lemma_ == verb.lemma_ and objects & {
            c.lemma_.lower() for c in head.children if c.dep_ in ("dobj", "attr")
        }:
            return True
    return False


def _tied_role(attribute: Token) -> bool:
    """An attribute that says whose or what role it is: "the leader of the Northern
    Alliance", "Google's co-founder", "the NRF spokesman"."""
    return any(c.dep_ in ("prep", "poss", "compound", "amod") for c in attribute.children)


def _clear_kind(prompt: str) -> bool:
    body = prompt.split(", ", 1)[1] if prompt.startswith("According to ") else prompt
    return body.startswith(("Who ", "who ", "When ", "when "))


def literal_candidate(
    builder: Builder,
    sentence: Span,
    prompt: str,
    answer: str,
    source: str,
    pool: list[str],
    accept: list[str],
) -> Candidate | None:
    if not prompt or not answer or leaks_answer(prompt, answer):
        return None
    if len(prompt.split()) > 30 or len(prompt.split()) < 4:
        return None
    body = prompt.split(", ", 1)[1] if prompt.startswith("According to ") else prompt
    if re.search(r"[:;]", prompt) or "," in body or re.match(r"When (?:is|are|was|were) ", body):
        return None  # a list, an aside or a copula: the question would read badly
    if OUTSIDE_REFERENCE.search(body) or generic_possessive(body):
        return None  # "Who had come off his wing?": whose? the sentence before knew
    if _cut_before_its_noun(body, sentence):
        return None  # "Who knows the importance of attractive?" ("of attractive, up-to-date
        # playgrounds"): the phrase was cut at a comma
    if _capital_left_at_end(body, sentence):
        return None  # "Who will challenge racial perceptions Bestselling?": the name that
        # the capital opened was cut off
    if re.search(r"\b(?:also|too|as well)\b", body):
        return None  # "Who was also a national hero?": also beside whom? Another answer
    if any(body.count(a) != body.count(b) for a, b in ("()", "[]", "“”")):
        return None  # a bracket or a quotation cut in two
    if re.search(r"\s[-–—]\s", body) or (
        re.search(r"\bboth\b", body) and not re.search(r"\bboth\b.*\band\b", body)
    ):
        return None  # "When did Knowbury Memorial Hall open - in the decades?", "living in
        # Berlin with both HIV?": a dash's aside or the other half of "both ... and" cut
    prompt = lower_sentence_start(prompt, sentence)
    if role_before_name(answer):
        accept = [answer, *accept]  # "Chair Dan LaCute" -> "Dan LaCute": the role is
        answer = name_after_role(answer)  # no part of the name
    distractors = pick(answer, pool, 3, prompt)
    accept = [a for a in dict.fromkeys(accept) if a and a != answer]
    short = builder.make("short_answer", prompt, sentence, answer, None, source, accept)
    quality = sentence_quality(sentence)
    if (
        not builder.context.options.choices
        or len(distractors) < MC_DISTRACTORS
        or not _clear_kind(prompt)
    ):
        # four options of one clear kind (people for "Who", years for "When"), or the
        # question is asked without choices
        return candidate(builder, short, sentence, "literal", 1.1 + quality, answer)
    choices = [answer, *distractors]
    question = builder.make("multiple_choice", prompt, sentence, answer, choices, source)
    found = candidate(builder, question, sentence, "literal", 1.3 + quality, answer)
    found.short_form = short
    return found


def _cut_before_its_noun(question: str, sentence: Span) -> bool:
    """The question ends on an adjective, a determiner or a preposition whose noun came
    after it in the sentence."""
    words = question.rstrip("?").split()
    last = words[-1] if words else ""
    for token in sentence:
        if token.text != last:
            continue
        if token.pos_ in ("ADJ", "DET") and (token.head.i > token.i or token.dep_ == "amod"):
            return True
        if token.pos_ in ("ADP", "CCONJ") and any(c.i > token.i for c in token.children):
            return True
        if token.tag_ == "VBG" and any(c.i > token.i for c in token.children):
            return True  # "... annual savings of roughly $65 million beginning?" [in 2014]
    return False


def _person_word(noun: Token) -> bool:
    """A noun for a person (leader, woman, winner) or a name; not "stop" or "venue"."""
    if noun.pos_ == "PROPN" or noun.pos_ not in ("NOUN",):
        return noun.pos_ in ("PROPN", "PRON", "NUM")
    senses = get_wordnet().synsets(noun.lemma_.lower(), "n")[:2]
    return not senses or any(s.lexname == PERSON_LEXNAME for s in senses)


def _capital_left_at_end(question: str, sentence: Span) -> bool:
    """The question ends on a capitalised word that is no name: the first word of a title
    ("Bestselling") or a role whose name went with the answer. (A word WordNet knows only
    in small letters is a name when the parse tagged it so: "Arsenal".)"""
    match = re.search(r"\b([A-Z][a-z]+)\?$", question)
    if match is None:
        return False
    word = match.group(1)
    if any(t.text == word and t.ent_type_ and t.pos_ == "PROPN" for t in sentence):
        return False  # ("Bestselling Aboriginal author Heiss": tagged ORG, but a verb)
    senses = [s for pos in ("n", "a", "v") for s in get_wordnet().synsets(word.lower(), pos)]
    if not senses:
        return word.lower().endswith(("ing", "ed"))  # "Bestselling", "Award-winning"
    return not any(word in s.lemmas for s in senses)
