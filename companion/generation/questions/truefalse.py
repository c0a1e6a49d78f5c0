"""True/false: statements from the passage, and false ones made by one clear swap."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from companion.common.wordnet import get_wordnet
from companion.generation.clauses import (
    according_to,
    attribution,
    base_form,
    clause_tokens,
    do_support,
    finish_statement,
    has_quote,
    joining_hyphen,
    span_text,
    speaker_phrase,
    statement,
)
from companion.generation.distractors import same_thing
from companion.generation.lexicon import (
    NAME_LABELS,
    PRONOUN_SUBJECTS,
    SPEECH_VERBS,
    SWAP_LABELS,
)
from companion.generation.questions.base import (
    FINITE,
    Builder,
    Candidate,
    also_does,
    candidate,
    generic_possessive,
    hypothetical,
    sentence_quality,
    starts_with_unresolved_pronoun,
)
from companion.generation.terms import Thing, display_name, normal_key
from companion.lesson.model import fingerprint


def true_false_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not builder.usable(sentence) or has_quote(sentence) or builder.leans(sentence):
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
    if speech is not None and subject is not None and subject.lower_ in PRONOUN_SUBJECTS:
        return []  # "Muhyiddin said he was in talks": "he" is the speaker or another man
        # named before ("According to Mr Muhyiddin, Anwar was in talks" was keyed true)
    speaker = speaker_phrase(speech, builder.resolve) if speech is not None else ""
    if speaker and _capital_only_the_sentences(speech, speaker):
        speaker = speaker[:1].lower() + speaker[1:]  # "According to party officials"
    elif speaker and _institution_without_the(speaker):
        speaker = f"the {speaker}"  # "According to the Korea Meteorological Administration"
    if resolved and (
        resolved == speaker.removeprefix("the ") or resolved.lower() in speaker.lower()
    ):
        return []  # "The Yankees say they are finished ...": without "say" (and its "for
        # now") a statement of intent reads as a fact
    if resolved and _takes_the(builder, resolved):
        resolved = f"the {resolved}"  # "they" -> "the New York Yankees", not "New York ..."
    replacements = {subject.i: resolved} if resolved else {}
    if subject is None or _inverted(verb, subject):
        return []  # "Could the channel have been carved ...": not a statement
    if any(c.dep_ == "cc" for c in subject.children) and not any(
        c.dep_ == "conj" for c in subject.children
    ):
        return []  # "The new Town Hall and [upgraded] ...": an "and" with nothing after it,
        # a misparse of the subject
    if any(
        c.dep_ == "appos" and any(g.dep_ in ("cc", "conj") for g in c.children)
        for c in subject.children
    ):
        return []  # "Glen King, Stephen Allison and Kevin Gallagher were each jailed": a
        # list the parse took for an aside would leave "Glen King were each jailed"
    if verb.tag_ == "VBP" and subject.tag_ in ("NN", "NNP"):
        return []  # "Discount offer valid through April 13": a misparse, not a statement
    true_text = statement(verb, replacements)
    kept = clause_tokens(verb, set())
    if _cut_too_much(verb, kept, true_text, sentence):
        return []  # too much of the sentence left out: the statement could mislead
    kept_ids = {t.i for t in kept} | {verb.i}
    if any(
        t.dep_ in ("nsubj", "nsubjpass") and t.i in kept_ids and t.head.i not in kept_ids
        for t in sentence
    ):
        return []  # a subject kept, its verb cut
    last = max(kept_ids)
    if any(
        t.i > last
        and t.i not in kept_ids
        and t.pos_ in ("VERB", "AUX")
        and t.dep_ in ("ccomp", "advcl", "parataxis")  # (a verb after "and" shares the
        # subject: "was arrested [and has been charged]" may go)
        and any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in t.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
        for t in sentence
    ):
        return []  # "... more places are being provided and the annual target [to recruit
        # enough trainees has been surpassed]": the cut verb's subject was parsed into the
        # statement
    if re.search(r"['’]s\.?$", true_text):
        return []  # "... on Saturday at noon’s": a possessive left with nothing after it
    if re.search(r"\bnot only\b", true_text, re.I) and not re.search(r"\bbut\b", true_text):
        return []  # "The frogs are not only hard to keep in captivity [, but are also very
        # hard to find]": the other half was cut
    if any(t.i >= 2 and joining_hyphen(t.doc[t.i - 1]) and t.i - 2 not in kept_ids for t in kept):
        return []  # "reader was stolen" from "an e-reader was stolen": half a word kept
    if _list_cut(verb, kept, sentence):
        return []  # "believe that planting, growing [, tending and counting ...] can help"
    if re.match(r"(?:of|than) \w+ing\b", true_text, re.I):
        return []  # "[Neighbors say instead] of rebuilding the road, ...": a fragment
    if _cut_mid_clause(verb, kept, sentence):
        return []  # "few problems surfaced as the year 2000 [began]": a clause's subject
        # left without its verb
    if true_text.rstrip(".").split()[-1:] == [verb.text] and any(
        c.dep_ in ("conj", "dobj", "ccomp", "xcomp", "advcl", "attr", "acomp", "dative")
        for c in verb.children
    ):
        return []  # "one cannot help [but trust that ...]", "Travelers aboard the ship
        # recounted [hundreds throwing up ...]": the verb's other half was cut
    if re.search(r"\b[a-z]\.[a-z]\.?$", true_text):
        return []  # ends in "a.m.": a clock time cut from its clause
    if re.search(r"\b(?:under|in|on|at|of|for|with|from|by|to|into)\.?$", true_text):
        return []  # "have planted 850,000 saplings under.": the name after it was cut
    if any(t.dep_ == "mark" and t.lower_ in CONTRASTS for t in sentence):
        return []  # "X gained, while Y fell": a dropped "while" leaves two clauses run on
    if hypothetical(verb) or any(c.dep_ == "aux" and c.lower_ in HEDGES for c in verb.children):
        return []  # "should ...", "may ...", "if ...": an opinion or a guess is not a fact
    if verb.lemma_ == "seem" or any(t.lower_ in GUESSES for t in kept):
        return []  # "images suggested that it was probably not that of a king", "The film
        # industry seems to have done ...": a guess
    if re.search(r"\bboth\b", true_text) and not re.search(r"\bboth\b.*\band\b", true_text):
        return []  # "living in Berlin during 2007 with both HIV.": "and leukemia" was cut
    if re.search(r"\bas a result\b|--|[-–—]\s+[-–—]", true_text, re.I):
        return []  # "might be whittled down as a result": of what? "standings -- --
        # qualify": the list between the dashes was cut out
    if re.search(r"\bas well\b(?! as)|\bothers\b", true_text, re.I):
        return []  # "... were present as well", "Hundreds of others were trapped": as well
        # as whom? The sentence before said
    if re.search(r",\s+(?:though|however|too)\.?$", true_text):
        return []  # "Economists cautioned against reading too much into it, though.": the
        # contrast it answered was left out
    if speaker and speaker.split()[0] in ("One", "A", "An", "Some"):
        return []  # "According to One expert not involved ...": nobody the student can find
    if speaker and _bare_role(speaker):
        return []  # "According to Chief conductor and artistic director, ...": the name
        # that followed the role was left out
    if re.fullmatch(r"the (?:statement|report|study|survey|document|release|letter)", speaker):
        return []  # "According to the statement, ...": whose statement? said sentences before
    if re.match(
        r"(?:its|this|these|those|it|both|such|others|another|the two)\b", true_text, re.I
    ) or re.search(
        r"\b(?:he|him|his|she|her|they|them|their|i|me|my|we|us|our|you|your|here)\b",
        true_text,
        re.IGNORECASE,
    ):
        return []  # a statement must stand on its own: no pronoun left to guess
    if any(t.lower_ == "it" and t.dep_ in ("dobj", "pobj") for t in kept) or any(
        t.lower_ in DEMONSTRATIVES
        and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and t.head.dep_ not in ("relcl", "acl")  # "the bills that were passed"
        for t in kept
    ):
        return []  # "NASA did not release new images of it", "did not see that": of what?
    if not true_text or len(true_text.split()) < 5 or len(true_text.split()) > 30:
        return []
    if generic_possessive(true_text):
        return []  # "the state's unemployment rate was 8.2 percent": which state?
    if any(true_text.count(a) != true_text.count(b) for a, b in ("()", "[]")):
        return []  # "valid through April 13, 2011 (11:59 p.m. local time": cut in a bracket
    if _says_it_twice(true_text):
        return []  # "A governor's got to do what a governor's got to do": a saying
    if re.match(r"(?:No|Yes|Well|Alas),", true_text):
        return []  # "No, the goal is not to ...": a reply, not a statement
    if re.match(r"[A-Z][\w.-]*,\s+(?:and|or|but)\b", true_text):
        return []  # "Kiruttinan, and in the burning of ...": a sentence cut after an initial
    prefer_false = int(fingerprint(true_text), 16) % 2 == 0
    false = _false_version(builder, verb, replacements)
    if false is None and not speaker:
        false = negated(verb, replacements)
    versions = [(true_text, "true", 0.0 if prefer_false else 0.15)]
    if false and false != true_text:
        versions.append((false, "false", 0.15 if prefer_false else 0.0))
    out = []
    for text, answer, bonus in versions:
        first_word = text.split()[0] if text.split() else ""
        keep = (
            _starts_with_name(builder, verb)
            or "." in first_word
            or any(c.isupper() for c in first_word[1:])
        )
        body = text if keep else text[:1].lower() + text[1:]
        attributed = speaker and not re.sub(r"^the ", "", text.lower()).startswith(
            re.sub(r"^the ", "", speaker.lower())
        )
        prompt = f"{according_to(speaker)}, {body}" if attributed else text
        question = builder.make(
            "true_false",
            f"True or false: {finish_statement(prompt)}",
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


def _cut_too_much(verb: Token, clause: list[Token], text: str, sentence: Span) -> bool:
    """Whether the statement leaves out so much of its sentence that it could mislead.
    Up to 40% may go; more only when what goes is a clause of time, manner or cause, or a
    second clause after "and"/"but", and the statement keeps 8 words or more: "Retail sales
    suffered an unexpected fall last month [as shoppers tightened their belts ...]" is
    still true on its own, while "The road will stay closed [until May]" would mislead."""
    kept, words = len(text.split()), sum(1 for t in sentence if not t.is_punct)
    kept_ids = {t.i for t in clause} | {verb.i}
    cuts = [t for t in sentence if t.i not in kept_ids and t.head.i in kept_ids and t != t.head]
    if any(_bounds_the_fact(cut) for cut in cuts):
        return True  # "[If the measure is deemed to be successful,] the earlier finish will
        # be extended": whatever else is kept, the condition may not go
    if kept >= 0.6 * words:
        return False
    if kept < 0.4 * words or kept < 8:
        return True
    for cut in cuts:
        if cut.is_punct or cut.dep_ in ("relcl", "appos") and cut.head.dep_ in SUBJECTS:
            continue  # "the USSR, which controlled Kabul, withdrew": the subject's aside
        if cut.head != verb or cut.dep_ not in SAFE_CUTS:
            return True  # "signed a deal [to maintain annual dialogue]": the deal is unsaid
        if any(m.dep_ == "mark" and m.lower_ in RISKY_MARKS for m in cut.children):
            return True  # "until", "unless", "since": the clause bounds the fact
        if any(t.dep_ == "neg" or t.lower_ in ("only", "except") for t in cut.subtree):
            return True
    return False


def _list_cut(verb: Token, clause: list[Token], sentence: Span) -> bool:
    """An item of a list left out while the items before it stay: a list of names or
    things (not a second clause with its own verb, which may go)."""
    kept = {t.i for t in clause} | {verb.i}

    def nominal(head: Token) -> bool:
        return head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or (
            head.tag_ == "VBG" and head.dep_ in NOMINAL_DEPS  # "planting, growing"
        )

    for t in sentence:
        if t.dep_ != "conj" or t.head.i not in kept or not nominal(t.head):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue  # a clause of its own, which may go
        if t.i not in kept:
            return True  # the last items went
        first = t
        while first.dep_ == "conj":
            first = first.head
        members = [first, *_conjuncts(first)]
        joined = [c for m in members for c in m.children if c.dep_ == "cc"]
        if not any(c.i in kept for c in joined):
            return True  # "planting, growing [, tending and counting]": no "and" is left
    return False


NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})


def _conjuncts(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *_conjuncts(child)]
    return out


TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
TIME_MARKS = frozenset({"after", "before"})


def _cut_mid_clause(verb: Token, clause: list[Token], sentence: Span) -> bool:
    """The statement stops where the parse cut a clause it had misread, leaving its
    subject behind: "... from Exmouth or people [can walk]", "... found more than 80 per
    cent [either already had ...]", "... its most recent console, the Wii U[, failed
    ...]"; or a span of time measured from the clause cut: "removed less than an hour
    [after Banksy confirmed it]"."""
    kept = {t.i for t in clause} | {verb.i}
    words = [t for t in sentence if not t.is_punct]
    last_kept = max((t for t in words if t.i in kept), key=lambda t: t.i, default=None)
    if last_kept is None or last_kept.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return False
    after = [t for t in words if t.i > last_kept.i]
    while after and after[0].i not in kept and after[0].dep_ in ("advmod", "preconj"):
        after = after[1:]  # "either already had" (not "and": "..., and is now at ..." is
        # a second verb of the same subject, safely cut)
    if not after or after[0].i in kept:
        return False
    following = after[0]
    if following.tag_ in FINITE:
        # (not ", said Arturo Sandoval", ", warn experts": the speaker, told apart)
        return following.lemma_ not in SPEECH_VERBS and verb.head != following
    span_of_time = (
        last_kept.lemma_.lower() in TIME_UNITS
        and last_kept.dep_ == "npadvmod"
        and any(c.dep_ == "nummod" or c.lower_ in ("a", "an") for c in last_kept.children)
    )  # "removed less than an hour [after ...]" (not "for more than 20 minutes [after
    # the show]", nor "last month": a point in time)
    return span_of_time and following.lower_ in TIME_MARKS


def _bounds_the_fact(cut: Token) -> bool:
    """A clause left out that bounds what the statement says: "if", "unless", "until"...;
    or the clause that says first, last or only at what ("the first English university [to
    confirm that it will raise fees]")."""
    if cut.dep_ in ("relcl", "acl") and any(
        c.lower_ in RANKING_WORDS or c.tag_ == "JJS" for c in cut.head.children
    ):
        return True
    return cut.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in RISKY_MARKS for m in cut.children
    )


RANKING_WORDS = frozenset({"first", "last", "only", "next", "second", "third"})


SAFE_CUTS = frozenset({"advcl", "conj", "cc"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RISKY_MARKS = frozenset({"if", "unless", "until", "since", "once", "whether", "than", "so"})


def negated(verb: Token, replacements: dict[int, str]) -> str | None:
    """The statement said the other way round, where a plain "not" reads naturally and
    the passage clearly contradicts it: "The council approved the wall in 2009." ->
    "The council did not approve the wall in 2009."; never with a word a "not" would
    tangle with ("only", "also", "all", "some", "more than") or a second verb joined on."""
    tokens = clause_tokens(verb, set())
    if any(t.lower_ in NEGATION_TANGLES or t.dep_ == "neg" for t in tokens):
        return None
    if re.search(
        r"\bup to\b|,\s+followed by\b|\bdue to\b|\bbecause of\b|\bthanks to\b|\bowing to\b"
        r"|\buntil\b|\bfirst time\b|\bin \d+ (?:minutes|hours|days|weeks|months|years)\b",
        span_text(tokens),
        re.I,
    ):
        return None  # "were not delayed for up to 45 minutes": less, or not at all? "did
        # not bear the brunt of the cuts, followed by Liberia": a ranking is not denied;
        # "has not been on a sustained path, thanks to banking stocks": a cause of nothing;
        # "will not host a sale until the closing", "will not become mandatory in 24 hours",
        # "was not free of congestion for the first time": the "not" reads two ways
    if any(t.tag_ in ("JJS", "RBS") for t in tokens) or "by far" in span_text(tokens).lower():
        return None  # "have not been dropping fastest": which part is denied?
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (
        subject.like_num or any(c.dep_ == "nummod" for c in subject.children)
    ):
        return None  # "Fifty-two observation sites were not showing record amounts": true
        # of other sites, or false of these? A counted subject reads two ways
    if subject is not None and _counted(subject) or any(_a_number_of(t) for t in tokens):
        return None  # "Dozens of people were not killed", "A total of 25 routes were not
        # disrupted", "does not explore a number of themes": some were not, so true?
        # (reviewed: all three judged unclear)
    if subject is not None and _nouns_before_subject(tokens, subject):
        return None  # "A light-year is 10 trillion km, the distance light travels in a
        # year" parsed with "travels" as the main verb: the "not" lands in the aside
    if any(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") for t in (*verb.children, *tokens)):
        return None  # "won and celebrated", "forced to resign and later arrested": only
        # the first would be denied
    if verb.lemma_ in SPEECH_VERBS or verb.lemma_ in ("report", "announce", "note"):
        return None  # "..., state police did not report": the source, not the fact
    if any(c.dep_ == "advmod" and c.i < verb.i for c in verb.children):
        return None  # "always did not believe"
    if any(t.lower_.startswith(("un", "non")) and t.pos_ in ("ADJ", "VERB") for t in tokens):
        return None  # "were not unknown", "did not go unanswered": a double negative
    if verb.lemma_ in PERCEPTION_VERBS and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None  # "Caterham saw Kobayashi come home 15th": "did not see" reads as unseen
    if verb.lemma_ in NEGATIVE_VERBS or verb.lemma_ in ASPECT_VERBS:
        return None  # "did not decline to make Page available", "did not begin to wonder"
    if any(
        t.lower_ == "with" and t.head == verb and t.i > 0 and t.doc[t.i - 1].text == ","
        for t in tokens
    ):
        return None  # "Objections were not raised, with concerns over the impact": the
        # "with" that follows still tells of them
    if any(t.lower_ in TRAILING_ASIDES for t in tokens if t.i > verb.i):
        return None  # "has not surpassed its highs, which is positive": the aside stays true
    if sum(1 for t in tokens if not t.is_punct) > MAX_NEGATED_WORDS:
        return None  # a long sentence of details, denied, is hard to judge
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if auxes:
        if auxes[0].lower_ == "to":
            return None
        change = {auxes[0].i: f"{auxes[0].text} not"}
    elif verb.lemma_ == "be":
        change = {verb.i: f"{verb.text} not"}
    elif verb.tag_ in ("VBD", "VBZ", "VBP"):
        change = {verb.i: f"{do_support(verb)} not {base_form(verb)}"}
    else:
        return None
    return statement(verb, {**replacements, **change})


COUNT_NOUNS = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens", "lots"}
    | {"total", "number", "majority", "minority", "handful", "couple", "pair", "host"}
)


def _counted(subject: Token) -> bool:
    """A subject that is a count of something: "Dozens of people", "A total of 25 routes",
    "Hundreds of fans"."""
    return subject.lower_ in COUNT_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children
    )


def _a_number_of(token: Token) -> bool:
    """ "a number of themes": how many are denied?"""
    return (
        token.lower_ in ("number", "total", "handful", "couple", "host")
        and any(c.lower_ == "a" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    )


def _nouns_before_subject(tokens: list[Token], subject: Token) -> bool:
    """A noun or a verb before the subject that is not in a fronted phrase of time or
    place ("On Monday, the council ..."): the parse took a later clause for the main one."""
    first = min(t.i for t in subject.subtree)
    before = [t for t in tokens if t.i < first and not t.is_punct]
    fronted = {
        inner.i
        for t in tokens
        if t.head.i == subject.head.i and t.dep_ in ("prep", "advmod", "npadvmod", "advcl")
        for inner in t.subtree
    }
    return any(t.pos_ in ("NOUN", "VERB", "AUX") and t.i not in fronted for t in before)


MAX_NEGATED_WORDS = 22
NEGATIVE_VERBS = frozenset(
    {"decline", "refuse", "fail", "deny", "lack", "avoid", "reject", "prevent", "stop"}
    | {"miss", "lose", "oppose", "forbid", "ban", "prohibit", "resist", "quit", "doubt"}
)
ASPECT_VERBS = frozenset({"begin", "start", "continue", "seem", "appear", "sound", "look", "feel"})
TRAILING_ASIDES = frozenset({"which", "albeit", "although", "though", "whereas"})
NEGATION_TANGLES = frozenset(
    {"not", "never", "no", "nothing", "none", "nobody", "only", "also", "still", "already"}
    | {"just", "even", "all", "every", "each", "some", "many", "most", "few", "several"}
    | {"more", "less", "than", "any", "either", "neither", "nor", "almost", "nearly"}
    | {"since", "always", "ever", "too", "both"}  # "has not echoed ... too": "either" was
    # meant; "did not spread both dengue and malaria": neither, or only one?
    | {"alone", "including"}  # "Six physicians in Halifax alone will not retire": true of
    # others? "did not last through the weekend, including a presentation": nonsense
    | {"little", "maximum", "minimum", "despite"}  # "Little is not known", "a maximum of
    # three Policemen will not ...", "did not come despite the loss": muddled, not false
)
CONTRASTS = frozenset({"while", "whereas", "although", "though"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
PERCEPTION_VERBS = frozenset({"see", "watch", "hear", "feel", "notice"})
HEDGES = frozenset({"should", "must", "ought", "may", "might", "could", "would"})
GUESSES = frozenset({"probably", "possibly", "perhaps", "likely", "reportedly", "apparently"})


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
    if first.is_sent_start and not first.ent_type_ and _common_noun(first):
        return False  # "Mudslides have occurred ...": tagged a name only for its capital
    thing = builder.thing_of(first)
    return (
        first.pos_ == "PROPN"
        or (thing is not None and thing.is_name)
        or first.ent_type_ in NAME_LABELS | {"FAC", "EVENT"}
        or any(ch.isupper() for ch in first.text[1:])
    )


def _capital_only_the_sentences(speech: Token, speaker: str) -> bool:
    """The speaker as written opens the sentence with a common noun: "Police said ...",
    "Party officials said ..." (not "Reuters said", not "Labour MPs said")."""
    subject = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    first = subject.doc[subject.left_edge.i]
    return (
        first.is_sent_start
        and first.text == speaker.split()[0]
        and first.text[:1].isupper()
        and first.text[1:].islower()
        and first.pos_ != "PROPN"
        and _common_noun(first)
        and not _capitalised_in_wordnet(first.text)
    )


def _capitalised_in_wordnet(word: str) -> bool:
    """WordNet writes the word with a capital in one of its senses: "Labour" (the party),
    "Conservative", "Green"; "Party" and "Police" it writes small."""
    wordnet = get_wordnet()
    return any(word in sense.lemmas for sense in wordnet.synsets(word.lower(), "n"))


def _common_noun(token: Token) -> bool:
    """A word WordNet knows in small letters as a noun, not as a name ("mudslides")."""
    wordnet = get_wordnet()
    return any(
        not sense.instance
        for form in wordnet.base_forms(token.lower_, "n")
        for sense in wordnet.synsets(form, "n")
    )


def _false_version(builder: Builder, verb: Token, replacements: dict[int, str]) -> str | None:
    """Swap a year, number, or named thing for another of the same kind from the article,
    so that the passage clearly contradicts the statement."""
    # Only names are swapped: a changed year read as a nudge to every reviewer ("grew 23
    # percent in 2006" for 2010), and a changed number is one.
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "CNN has not confirmed NRF deaths" is not clearly false: a swap
        # under "not" may well be true too
    tokens = clause_tokens(verb, set())
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
        if thing.label not in SWAP_LABELS or not _glossed(builder, thing):
            continue  # only well-typed, glossed names are swapped: a person for a person...
        pool = [
            t
            for t in builder.things
            if t is not thing
            and t.kind == thing.kind
            and t.label == thing.label
            and len(t.mentions) >= 2  # a name the article returns to, not a one-off
            and _glossed(builder, t)
        ]
        names = [builder.name_of(t) for t in sorted(pool, key=lambda t: (-len(t.mentions), t.key))]
        in_sentence = {id(builder.thing_of(t)) for t in verb.sent if builder.thing_of(t)}
        names = [
            n
            for n in names
            if not also_does(builder, n, verb)
            and not _co_occurs(builder, n, verb)
            and id(builder.by_name.get(n)) not in in_sentence  # "the NRF and the NRF"
        ]
        # Any other name of the same sort will do: length does not matter in a statement.
        choice = [n for n in names if not same_thing(n, mention.text)][:1]
        if choice:
            swap = {i: "" for i in range(mention.start, mention.end)}
            swap[mention.start] = (
                _short_form(builder, choice[0]) if _is_modifier(mention) else choice[0]
            )
            before = mention.doc[mention.start - 1] if mention.start > 0 else None
            if before is not None and before.lower_ == "the" and not _takes_the(builder, choice[0]):
                swap[before.i] = ""
            return statement(verb, {**replacements, **swap})
    return None


def _glossed(builder: Builder, thing: Thing) -> bool:
    """Whether the lesson glosses the thing: its name and kind are then trustworthy."""
    return any(normal_key(f) in builder.glossed for f in thing.forms)


def _swappable(mention) -> bool:
    """Only a whole subject or object is swapped, or a name before a common noun
    ("Taliban fighters"); never part of a longer name, a possessive, or a name in
    brackets."""
    root = mention.span.root
    doc = mention.doc
    modifier = _is_modifier(mention) and root.head.i == mention.end
    if root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj") and not modifier:
        return False
    if mention.start > 0 and doc[mention.start - 1].text == "(":
        return False
    return not (mention.end < len(doc) and doc[mention.end].tag_ == "POS")


def _is_modifier(mention) -> bool:
    root = mention.span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN"


def _short_form(builder: Builder, name: str) -> str:
    """A name as it reads before a noun: "NRF fighters", not "National Resistance Front of
    Afghanistan fighters"."""
    thing = builder.by_name.get(name)
    if thing is None:
        return name
    if thing.acronym:
        return thing.acronym
    return min(thing.forms, key=lambda f: (len(f.split()), len(f)))


def _says_it_twice(text: str) -> bool:
    """Three words in a row that come back later in the statement: a saying or a
    tautology, neither true nor false."""
    words = re.findall(r"[\w'’]+", text.lower())
    triples = list(zip(words, words[1:], words[2:], strict=False))
    return len(set(triples)) < len(triples)


INSTITUTION_HEADS = frozenset(
    {"administration", "department", "agency", "service", "office", "ministry", "bureau"}
    | {"commission", "authority", "council", "institute", "organisation", "organization"}
    | {"association", "society", "foundation", "board", "committee", "centre", "center"}
)


def _institution_without_the(speaker: str) -> bool:
    """ "Korea Meteorological Administration": a body whose name ends in a word for a body
    and that the sentence wrote without "the" (a headline's way)."""
    words = speaker.split()
    return (
        len(words) >= 2
        and words[0].lower() != "the"
        and words[-1].lower() in INSTITUTION_HEADS
        and all(w[:1].isupper() for w in words if w.lower() not in ("of", "and", "for"))
    )


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


def _bare_role(speaker: str) -> bool:
    """A speaker of two words or more whose only capital is the sentence's own: a role
    without its holder's name or an article ("Chief conductor and artistic director"), or
    a role "of" something without its article ("Head of the interim ... Centre")."""
    words = speaker.split()
    if len(words) < 2 or not words[0][:1].isupper() or words[0].lower() in ("the", "a", "an"):
        return False
    if words[1] == "of" and _common_noun_word(words[0]):
        # "According to Head of the interim Australian Centre ...": no "the", and the
        # name that followed went ("Secretary of State John Kerry" keeps his)
        return not (len(words) >= 4 and not all(_common_noun_word(w) for w in words[-2:]))
    return all(not w[:1].isupper() for w in words[1:])


def _common_noun_word(word: str) -> bool:
    return bool(get_wordnet().synsets(word.lower(), "n")) and not _capitalised_in_wordnet(word)
