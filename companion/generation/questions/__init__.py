"""Comprehension questions with answer keys and evidence, generated from the analysis.

Kinds (see docs/questions.md): literal recall (multiple choice with four options, or a
short answer when there are not four good ones), cloze (a name or a number without a
bank; a hard word with a bank of the lesson's glossed words), true/false statements,
sequence of dated events, the sentence that states the article's main idea (its lead,
against three details), and open why prompts with a sample answer.
Every question stores its answer, its evidence sentence verbatim and its paragraph.
Candidates are scored, and each passage keeps the best few of different kinds, never two
with the same answer or the same source sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from companion.generation.context import Context
from companion.generation.questions.base import KIND_ORDER, Builder, Candidate
from companion.generation.questions.cloze import cloze_questions
from companion.generation.questions.grammar import broken_texts
from companion.generation.questions.literal import literal_questions
from companion.generation.questions.main_idea import main_idea_question
from companion.generation.questions.open_response import open_questions
from companion.generation.questions.quotes import quote_questions
from companion.generation.questions.roles import role_questions
from companion.generation.questions.sequence import sequence_question
from companion.generation.questions.truefalse import true_false_questions
from companion.generation.terms import Thing, normal_key
from companion.lesson.model import GlossaryEntry, Question


def build_questions(
    context: Context, glossary: list[list[GlossaryEntry]], things: list[Thing]
) -> list[list[Question]]:
    """Questions for each passage, about the article's things and its glossary."""
    found = question_candidates(context, glossary, things)
    return choose_questions(found, glossary, context.options.questions_per_passage)


def question_candidates(
    context: Context, glossary: list[list[GlossaryEntry]], things: list[Thing]
) -> list[list[Candidate]]:
    """Every candidate question of each passage that passes the filters that do not depend
    on where the passages end (the costly part: the rules). The grammar gate runs later,
    on the candidates chosen (choose_questions)."""
    builder = Builder(context, glossary, things)
    per_passage: list[list[Candidate]] = [[] for _ in context.drafts]
    for index, draft in enumerate(context.drafts):
        for paragraph in draft.paragraphs:
            for item in context.analysis.sentences_in(paragraph):
                sentence = item.span
                for rule in (
                    literal_questions,
                    quote_questions,
                    role_questions,
                    cloze_questions,
                    true_false_questions,
                    open_questions,
                ):
                    per_passage[index] += rule(builder, sentence)
    asked = {c.sentence_key for found in per_passage for c in found}
    for whole in (sequence_question(builder), main_idea_question(builder, asked)):
        if whole is not None:
            per_passage[whole.passage].append(whole)
    return [[c for c in found if not _avoided(c.question, context)] for found in per_passage]


def choose_questions(
    per_passage: list[list[Candidate]], glossary: list[list[GlossaryEntry]], limit: int
) -> list[list[Question]]:
    """The questions each passage keeps (cheap: run again when passages are joined).

    The grammar gate parses the rewrites of the candidates chosen, not of every candidate
    (parsing them all took a third of the questions' time): a refused one is dropped and
    the passages choose again, until every choice passes. That gives what gating every
    candidate first would: a candidate that is never chosen changes no choice."""
    kept = [
        [c for c in found if not gives_away(c.question, entries)]
        for found, entries in zip(per_passage, glossary, strict=True)
    ]
    while True:
        chosen = select_candidates(kept, limit)
        refused = {id(c) for c in _refused([c for found in chosen for c in found])}
        if not refused:
            return balance_true_false(_with_short_answer(chosen))
        kept = [[c for c in found if id(c) not in refused] for found in kept]


def join_candidates(
    per_passage: list[list[Candidate]], joins: list[list[int]]
) -> list[list[Candidate]]:
    """The candidates of passages joined into one (groups of passage indices, in order)."""
    return [
        [replace(c, passage=new) for old in join for c in per_passage[old]]
        for new, join in enumerate(joins)
    ]


MIN_PER_PASSAGE = 2
NUMBER_CLOZE = "rule:cloze-number"


def balance_true_false(per_passage: list[list[Question]]) -> list[list[Question]]:
    """Roughly as many false statements as true ones in a lesson: surplus true ones go,
    last passage first, where the passage keeps at least two questions."""
    answers = [q.answer for qs in per_passage for q in qs if q.kind == "true_false"]
    surplus = answers.count("true") - answers.count("false") - 1
    for questions in reversed(per_passage):
        for question in reversed(list(questions)):
            if surplus <= 0:
                return per_passage
            if (
                question.kind == "true_false"
                and question.answer == "true"
                and len(questions) > MIN_PER_PASSAGE
            ):
                questions.remove(question)
                surplus -= 1
    return per_passage


REWRITTEN = ("multiple_choice", "short_answer", "true_false", "open")


def _refused(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates whose rewritten prompt the grammar gate refuses (questions.grammar),
    parsed together. Cloze prompts are the article's own sentences, and so is the
    quotation of "Who said ...?" (its own words may lean on their context, "this
    morning", or end as speech does: quotes.py checks it is a whole sentence). Each
    verdict is kept on its candidate, so a candidate chosen again is not parsed again."""
    for c in candidates:
        if c.grammar is None and _gate_text(c.question) == c.question.evidence:
            c.grammar = ""  # a true statement that is its sentence word for word: the
            # article's own, as a cloze prompt is (and parsing it alone took a tenth of
            # a short article's parse)
    unjudged = [c for c in candidates if _rewritten(c.question) and c.grammar is None]
    bad = broken_texts(_gate_text(c.question) for c in unjudged) if unjudged else {}
    for c in unjudged:
        c.grammar = bad.get(_gate_text(c.question), "")
    return [c for c in candidates if c.grammar]


def _rewritten(question: Question) -> bool:
    return question.kind in REWRITTEN and question.source != "rule:quote-who"


def gives_away(question: Question, entries: list[GlossaryEntry]) -> bool:
    """The passage's glossary entry for the answer repeats the question's words: "The
    _____ – now the main body of the NRF – was soon formed." beside "Northern Alliance:
    ...; now the main body of the NRF". The student taps the words and reads the key."""
    if not isinstance(question.answer, str) or question.kind == "true_false":
        return False
    answer = normal_key(question.answer)
    prompt = _trigrams(question.prompt)
    return any(
        normal_key(entry.term.split(" (")[0]) == answer and _trigrams(entry.definition) & prompt
        for entry in entries
    )


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return set(zip(words, words[1:], words[2:], strict=False))


def _gate_text(question: Question) -> str:
    return question.prompt.removeprefix("True or false: ")


def _avoided(question: Question, context: Context) -> bool:
    """A question built from a garbled or unsuitable word or sentence."""
    answer = question.answer if isinstance(question.answer, str) else " ".join(question.answer)
    parts = [question.prompt, question.evidence, answer, *question.choices]
    return context.avoids("\n".join(parts))


def select_candidates(per_passage: list[list[Candidate]], limit: int) -> list[list[Candidate]]:
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
                        if c not in chosen
                        and _fits(
                            c,
                            used_answers,
                            used_sentences,
                            chosen,
                            second_figure=len(chosen) < MIN_PER_PASSAGE,
                        )
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
            for i, family in enumerate(("literal", "cloze", "true_false", "sequence", "open"))
        }
        chosen.sort(key=lambda c: (order[c.family], c.question.paragraph or 0))
        result.append(chosen)
    return result


def _with_short_answer(chosen: list[list[Candidate]]) -> list[list[Question]]:
    """The chosen questions; one literal question is asked without choices when the lesson
    has no short answer yet: recall without the help of choices is a level of its own."""
    questions = [[c.question for c in found] for found in chosen]
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
    second_figure: bool = False,
) -> bool:
    """Whether a candidate may join the passage's questions; `second_figure` lets a
    passage short of two questions take a second number to fill in."""
    if c.answer_key in answers:
        return False
    if chosen is not None and any(_same_answer(c.answer_key, x.answer_key) for x in chosen):
        return False  # "Runald" beside "Patrik Runald" in one passage
    same = sum(1 for x in chosen if x.family == c.family) if chosen is not None else 0
    if same >= 3 or (same == 2 and len(chosen or ()) > 2):
        return False  # at most two of one kind in a passage, unless the passage would
        # have only those two: a third cloze beats a passage of two questions
    if (
        chosen is not None
        and not second_figure
        and c.question.source == NUMBER_CLOZE
        and any(x.question.source == NUMBER_CLOZE for x in chosen)
    ):
        return False  # one figure to fill in per passage: a lesson is more than numbers
    return (
        c.family in ("open", "sequence")
        and c.question.source == "rule:open-main-idea"
        or c.sentence_key not in sentences
    )


def _same_answer(one: str, other: str) -> bool:
    """ "Runald" and "Patrik Runald": one name the other holds (a second question on
    the same person would give the first away)."""
    if one.startswith("tf:") or other.startswith("tf:"):
        return False  # a statement's key is its text: any name in it would match
    a, b = set(one.split()), set(other.split())
    return bool(a) and bool(b) and (a <= b or b <= a)


def _take(
    c: Candidate, chosen: list[Candidate], answers: set[str], sentences: set[tuple[int, int]]
) -> None:
    chosen.append(c)
    answers.add(c.answer_key)
    sentences.add(c.sentence_key)
