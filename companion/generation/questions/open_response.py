"""Open response: why / how prompts, quotations to interpret, the main idea."""

from __future__ import annotations

import re

from spacy.tokens import Span

from companion.generation.clauses import (
    finish_question,
    is_quote,
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
    sentence_quality,
    starts_with_unresolved_pronoun,
    usable_sentence,
)
from companion.generation.terms import display_name

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


DISCOURSE_START = {
    "then",
    "however",
    "but",
    "and",
    "so",
    "also",
    "please",
    "meanwhile",
    "still",
    "for",
    "similarly",
    "likewise",
    "instead",
    "finally",
}


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
