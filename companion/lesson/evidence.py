"""Does a question's evidence sentence still hold its answer?

A teacher who rewrites a generated question (its prompt, choices or answer) may leave
the old ``evidence:`` in its comment. When the question was edited (its ``hash`` no
longer matches) and the evidence no longer holds the answer, the evidence is stale: the
parser moves it to ``Question.stale_evidence`` (with its paragraph), so the lesson page,
the worksheet and the answer key show none, `companion check` warns, and
`generate --update` replaces it with the one sentence of the passage that holds the
answer, or removes it (docs/lesson-format.md, "Evidence").

What "holds the answer" means depends on the kind's answer form:

- a choice or typed text: one of the content words of the answer (or of an ``accept``
  variant) is in the evidence ("Masood led the offensive" holds "Ahmed Shah Masood");
- a true/false statement, a sequence item: at least half of the content words of the
  statement (of one of the items) are in the evidence;
- an open question: the evidence shares a content word with its prompt or sample answer
  (a sample answer explains the evidence in other words).
"""

from __future__ import annotations

import re

from companion.common.abbreviations import split_sentences
from companion.common.answertext import answer_words, contains_phrase, content_stems, stem
from companion.common.textutil import plain_text
from companion.lesson.kinds import AnswerForm
from companion.lesson.model import Passage, Question

_TRUE_OR_FALSE = re.compile(r"^\s*true\s+or\s+false\s*[:?.-]?\s*", re.IGNORECASE)


def evidence_holds_answer(question: Question, evidence: str | None = None) -> bool:
    """True when ``evidence`` (the question's own by default) holds the question's
    answer, by the rule of its answer form (see the module's docstring)."""
    text = question.evidence if evidence is None else evidence
    found = {stem(w) for w in answer_words(text)}
    form = question.spec.answer
    if form in (AnswerForm.CHOICE, AnswerForm.TEXT):
        answers = _answers(question)  # none: `check` reports that; nothing to compare
        return not answers or any(_shares_a_word(a, found) for a in answers)
    if form is AnswerForm.BOOLEAN:
        return _shares_half(_TRUE_OR_FALSE.sub("", question.prompt), found)
    if form is AnswerForm.ORDER:
        items = question.choices
        return not items or any(_shares_half(item, found) for item in items)
    return _shares_a_word(f"{question.prompt} {question.answer}", found)


def _answers(question: Question) -> list[str]:
    answer = question.answer if isinstance(question.answer, str) else ""
    return [a for a in [answer, *question.accept] if a.strip()]


def _shares_a_word(answer: str, found: set[str]) -> bool:
    wanted = content_stems(answer) or {stem(w) for w in answer_words(answer)}
    return bool(wanted & found)


def _shares_half(text: str, found: set[str]) -> bool:
    wanted = content_stems(text)
    return not wanted or 2 * len(wanted & found) >= len(wanted)


def mark_stale_evidence(question: Question) -> None:
    """Move an edited question's evidence to ``stale_evidence`` when it no longer holds
    the answer (its paragraph goes with it). Questions not edited since they were
    generated, and those without evidence, are left alone."""
    if not question.edited or not question.evidence or evidence_holds_answer(question):
        return
    question.stale_evidence = question.evidence
    question.evidence = ""
    question.paragraph = None


def fresh_evidence(question: Question, passage: Passage) -> tuple[str, int] | None:
    """The one sentence of ``passage`` that holds a choice or typed answer as a phrase,
    with its paragraph number; None when no sentence or more than one does (or when the
    answer is of another form)."""
    if question.spec.answer not in (AnswerForm.CHOICE, AnswerForm.TEXT):
        return None
    keys = [answer_words(a) for a in _answers(question)]
    found: list[tuple[str, int]] = []
    for offset, paragraph in enumerate(passage.paragraphs):
        for sentence in split_sentences(plain_text(paragraph)):
            words = answer_words(sentence)
            if any(contains_phrase(words, key) for key in keys):
                found.append((sentence, passage.first_paragraph + offset))
    return found[0] if len(found) == 1 else None
