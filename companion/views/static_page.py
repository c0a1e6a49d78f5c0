"""The static site's lesson page: what its script needs to check answers in the browser,
where there is no server to ask (`companion export-site`, docs/exports.md).

The data holds every question's key (so anyone reading the page source sees the
answers: the docs say so) and the feedback the server would show for each outcome,
rendered by the server's own template (``render`` is given by the web layer), so that a
question checked on the static page looks exactly as on the server. Typed answers are
graded by ``static/js/static-check.js``, a copy of ``companion.views.grading``'s rule;
the words it needs (articles, fillers, hedges, number words) and each question's key
words come from the same Python tables, read here.
"""

from __future__ import annotations

from collections.abc import Callable

from companion.common.answertext import (
    ARTICLES,
    LEADING_WORDS,
    answer_words,
    number_tables,
    strip_leading,
)
from companion.lesson.kinds import KIND_LIST, AnswerForm, Grading
from companion.views.grading import (
    FILLER_WORDS,
    HEDGE_WORDS,
    Result,
    Slot,
    expected_answer,
)
from companion.views.page import LessonPage
from companion.views.tries import ANSWER, HINT, MESSAGE, Outcome, TryState

Render = Callable[[Slot, Outcome], str]


def static_key(page: LessonPage, render: Render) -> dict:
    """Everything the static page's script needs, as JSON-ready data."""
    return {
        "words": {
            "articles": sorted(ARTICLES),
            "leading": sorted(LEADING_WORDS),
            "filler": sorted(FILLER_WORDS),
            "hedge": sorted(HEDGE_WORDS),
            **number_tables(),
        },
        "kinds": [{"name": k.name, "label": k.label, "scored": k.scored} for k in KIND_LIST],
        "questions": {slot.key: question_key(slot, render) for slot in page.slots},
    }


def question_key(slot: Slot, render: Render) -> dict:
    q = slot.question
    data: dict = {
        "number": slot.number,
        "kind": q.kind,
        "grading": slot.grading.value,
        "scored": slot.spec.scored,
        "count": len(q.choices) if q.choices else len(slot.spec.fixed_choices),
        "max": slot.spec.max_answer,
        "has_key": bool(expected_answer(q)),
        "html": {name: render(slot, outcome) for name, outcome in outcomes(slot).items()},
    }
    if slot.grading is Grading.PICK:
        data["right"] = right_choice(slot)
    elif slot.grading is Grading.TYPED:
        answers = [q.answer if isinstance(q.answer, str) else "", *q.accept]
        data["keys"] = [k for k in (key_words(a) for a in answers) if k]
        data["context"] = sorted(set(answer_words(q.prompt) + answer_words(q.evidence)))
    elif slot.grading is Grading.ORDER:
        data["items"], data["order"] = list(q.choices), list(q.answer)
    return data


def key_words(answer: str) -> list[str]:
    """A key's words as grading compares them (without leading "in", "the"...)."""
    return strip_leading(answer_words(answer))


def right_choice(slot: Slot) -> int:
    """The index grading takes as right, as ``grading._is_right`` reads it (-1 when none
    is: every pick is then wrong)."""
    q = slot.question
    if slot.spec.answer is AnswerForm.BOOLEAN:
        fixed = [choice.lower() for choice in slot.spec.fixed_choices]
        return fixed.index(str(q.answer).lower()) if str(q.answer).lower() in fixed else -1
    return q.choices.index(q.answer) if q.answer in q.choices else -1


def outcomes(slot: Slot) -> dict[str, Outcome]:
    """The outcomes a question can show, by the name the script looks them up by:
    a hint, the answer after a right first try ("correct") or second ("again"), after
    a wrong second try or on request ("incorrect", "shown"), a sample answer, no key."""
    q = slot.question
    base = {"expected": expected_answer(q), "evidence": q.evidence, "paragraph": q.paragraph}

    def answer(status: str, first: str) -> Outcome:
        return Outcome(Result(status, **base), TryState(first, True), ANSWER)

    shown = TryState("incorrect", True)
    found = {"unanswered": Outcome(Result("unanswered"), TryState(), MESSAGE)}
    if not slot.spec.scored:
        return found | {"sample": answer("sample", "sample")}
    found["shown"] = Outcome(Result("shown", **base), shown, ANSWER)
    if not base["expected"]:
        return found | {"no_key": answer("no_key", "no_key")}
    return found | {
        "hint": Outcome(Result("incorrect", **base), TryState("incorrect"), HINT),
        "correct": Outcome(Result("correct", **base), TryState("correct", True), ANSWER),
        "again": Outcome(Result("correct", **base), shown, ANSWER),
        "incorrect": Outcome(Result("incorrect", **base), shown, ANSWER),
    }
