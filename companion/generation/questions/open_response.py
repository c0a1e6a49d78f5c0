"""Open response: why / how prompts with a sample answer from the article.

"Main idea" and "what does X mean by ..." prompts are not generated: a sentence copied
from the passage is not a main idea, and the next quotation does not explain the first
(docs/questions.md). Teachers write those, with their own sample answers."""

from __future__ import annotations

import re

from spacy.tokens import Span

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
    lower_sentence_start,
    sentence_quality,
    starts_with_unresolved_pronoun,
)

CAUSAL_MARKS = {"because", "since", "as"}


MIN_CAUSE_WORDS = 5  # "because" and four words or more


def open_questions(builder: Builder, sentence: Span) -> list[Candidate]:
    if not builder.usable(sentence) or starts_with_unresolved_pronoun(builder, sentence):
        return []
    out = []
    for token in sentence:
        if token.dep_ == "mark" and token.lower_ == "because" and token.head.dep_ == "advcl":
            cause = token.head
            effect = cause.head
            prompt = wh_question(effect, "Why", subtree_ids(cause), False)
            prompt = lower_sentence_start(prompt, sentence) if prompt else ""
            if _bare_plural_subject(effect):
                prompt = ""  # "why were numbers rising?": numbers of what?
            if effect.dep_ == "ccomp" and effect.head.lemma_ in CLAIMS:
                prompt = ""  # "The union claims Winnipeg Transit suffers ... because ...":
                # the question would state a claim as a fact
            if prompt and re.search(
                r"\b(?:he|him|his|she|her|they|them|their|it|its)\b", prompt, re.I
            ):
                prompt = ""  # a pronoun the student cannot resolve from the question
            if prompt and generic_possessive(prompt):
                prompt = ""  # "why can the man's absentee ballot stand?": which man?
            sample = span_text(list(cause.subtree))
            if len(sample.split()) < MIN_CAUSE_WORDS:
                prompt = ""  # "Because it turns out.": a turn of phrase, not a cause
            if re.search(r"\s[-–—]\s|[()“”\"]", sample):
                prompt = ""  # an aside or a quotation inside: the sample would be cut
            if prompt:
                prompt = f"{FOLLOW_UP}, {prompt[:1].lower()}{prompt[1:]}"
                found = _open(builder, sentence, prompt, sample, "rule:open-because", 1.6)
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
