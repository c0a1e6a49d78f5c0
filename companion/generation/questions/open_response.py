"""Open response: why / how prompts with a sample answer from the article.

"Main idea" and "what does X mean by ..." prompts are not generated: a sentence copied
from the passage is not a main idea, and the next quotation does not explain the first
(docs/questions.md). Teachers write those, with their own sample answers."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from companion.generation.clauses import (
    finish_question,
    span_text,
    subtree_ids,
    tidy,
    wh_question,
)
from companion.generation.lexicon import PRONOUN_SUBJECTS
from companion.generation.questions.base import (
    FOLLOW_UP,
    Builder,
    Candidate,
    candidate,
    generic_possessive,
    hypothetical,
    lower_sentence_start,
    sentence_quality,
    starts_with_unresolved_pronoun,
)

CAUSAL_MARKS = {"because", "since", "as"}


MIN_CAUSE_WORDS = 5  # "because" and four words or more


def open_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not builder.usable(sentence) or starts_with_unresolved_pronoun(builder, sentence):
        return []
    if builder.leans(sentence):
        return []  # "why is the firm ...?", "why is there another one?": which?
    out = []
    for token in sentence:
        cause, source = _cause(token)
        if cause is not None:
            found = _why(builder, sentence, cause, source)
            out += [found] if found else []
        if token.lemma_ == "lead" and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in token.children
        ):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            general = any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)
            # ("distance or geographical barriers can lead to speciation": a rule, and
            # "what did ... lead to?" would make it an event)
            result = next(
                (
                    g
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ == "to"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if (
                subject is not None
                and subject.lower_ not in PRONOUN_SUBJECTS
                and not general
                and not _the_bare_noun(subject)
                and result is not None
            ):
                topic = span_text(list(subject.subtree))
                prompt = f"{FOLLOW_UP}, what did {topic[:1].lower() + topic[1:]} lead to?"
                # the sample is what it led to, and only that: "Torrential rain led to
                # flooding in some parts while high winds tore trees down" answers
                # "Flooding in some parts" (reviewed: whole sentences were rejected when
                # they ran on into another event, or kept a "But" from the one before)
                sample = span_text(list(result.subtree))
                found = _open(builder, sentence, prompt, sample, "rule:open-led-to", 1.4)
                out += [found] if found else []
    return out


def _cause(token: Token) -> tuple[Token | None, str]:
    """The word whose subtree gives the reason for its head verb, with the rule's name:
    "because ..." (a clause); "because of ...", "due to ...", "as a result of ...",
    "in order to ...", "so that ..." (said as plainly; "The flight was cancelled due to
    fog"). Not "due to" after "be" ("Delays were due to fog": "Why were delays?"), nor
    "so" alone ("..., so crews cleared it" gives a result, not a reason). Not "by ...ing"
    either: in news it tells what was done more often than how ("Miami finished a 6-6
    season by beating Boston College")."""
    head = token.head
    if token.dep_ == "mark" and head.dep_ == "advcl":
        if token.lower_ == "because":
            return head, "rule:open-because"
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if token.lower_ == "so" and after is not None and after.lower_ == "that":
            return head, "rule:open-why"
        return None, ""
    if token.dep_ != "prep" or head.pos_ not in ("VERB", "AUX") or head.lemma_ == "be":
        return None, ""
    words = [c.lower_ for c in token.children]
    if (token.lower_, words[:1]) in (("because", ["of"]), ("due", ["to"])):
        return token, "rule:open-why"
    objects = [c for c in token.children if c.dep_ == "pobj"]
    linked = {"as": ("result", "prep", "of"), "in": ("order", "acl", "")}.get(token.lower_)
    if (
        linked
        and [o.lower_ for o in objects] == [linked[0]]
        and any(c.dep_ == linked[1] and c.lower_.startswith(linked[2]) for c in objects[0].children)
    ):
        return token, "rule:open-why"  # "as a result of ...", "in order to pay ..."
    return None, ""


def _why(builder: Builder, sentence: Span, cause: Token, source: str) -> Candidate | None:
    """ "Why ...?" of the verb the cause hangs on, the cause as the sample answer."""
    effect = cause.head
    prompt = wh_question(effect, "Why", subtree_ids(cause), False)
    prompt = lower_sentence_start(prompt, sentence) if prompt else ""
    if _bare_plural_subject(effect):
        return None  # "why were numbers rising?": numbers of what?
    if effect.dep_ == "ccomp" and effect.head.lemma_ in CLAIMS:
        return None  # "The union claims Winnipeg Transit suffers ... because ...": the
        # question would state a claim as a fact
    if not prompt or re.search(r"\b(?:he|him|his|she|her|they|them|their|it|its)\b", prompt, re.I):
        return None  # a pronoun the student cannot resolve from the question
    if generic_possessive(prompt):
        return None  # "why can the man's absentee ballot stand?": which man?
    subject = next((c for c in effect.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WP", "WDT"):
        return None  # "why have who passed away?": the reason belongs to a relative clause
    if hypothetical(effect) or any(c.dep_ == "xcomp" for c in effect.children):
        return None  # "why do 100 people have to die?", "why would it close?": not a fact
    if any(t.lower_ == "than" for t in effect.subtree):
        return None  # "more people die as a result of heatwaves than because of floods": a
        # comparison, not a reason; "as a result of the pandemic and more than 100 [tested
        # positive]": a parse that ran into the next clause
    tokens = list(cause.subtree)
    following = cause.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(cause.doc) else None
    if following is not None and following.pos_ in ("VERB", "AUX"):
        return None  # "as a result of a violent clash with police and several campuses
        # [have been shut]": the cause ran on into the next clause's subject
    sample = span_text(tokens)
    if len(sample.split()) < MIN_CAUSE_WORDS:
        return None  # "Because it turns out.": a turn of phrase, not a cause
    if re.search(r"\s[-–—]\s|[()“”\"]", sample):
        return None  # an aside or a quotation inside: the sample would be cut
    prompt = f"{FOLLOW_UP}, {prompt[:1].lower()}{prompt[1:]}"
    return _open(builder, sentence, prompt, sample, source, 1.6)


def _open(
    builder: Builder, sentence: Span, prompt: str, sample: str, source: str, score: float
) -> Candidate | None:
    if prompt.count("“") != prompt.count("”") or prompt.count('"') % 2:
        return None  # "why has the virus strain been called “Aussie flu?": a quotation cut
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


CLAIMS = frozenset({"claim", "allege", "argue", "insist", "believe", "think", "suggest"})


def _bare_plural_subject(verb) -> bool:
    """The verb's subject is a plural noun alone: "numbers were rising"."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.tag_ == "NNS"
        and not any(
            c.dep_ in ("det", "poss", "amod", "compound", "prep", "nummod")
            for c in subject.children
        )
    )


def _the_bare_noun(subject) -> bool:
    """ "the change", "this move": a subject that names its thing only by pointing back to
    the sentence before ("what did the change lead to?" was too vague for reviewers)."""
    return subject.pos_ == "NOUN" and all(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
        for c in subject.children
    )
