"""Grade students' answers to a lesson's questions.

The lesson page sends answers as form fields (the same fields with or without
JavaScript), so this module reads them, validates them, grades them and sums them up:

- ``a-<key>``: the answer to a question; a choice's index for multiple choice, true/false
  and word-bank cloze; the text for short answer, cloze and open questions;
- ``s-<key>-<i>``: for a sequence, the position (1, 2, ...) the student gave item ``i``
  (items are numbered in the order the lesson file shows them). A prefix of its own
  keeps these names from ever clashing with an ``a-`` name.

``<key>`` is the question's id, made safe for HTML ids, unique in the lesson and
namespaced (``q`` or ``q-...``, never an id of another part of the page; see
``question_slots``). Numbers in fields are read by ``parse_number`` only. Nothing here
knows about Flask.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from companion.common.answertext import (
    ARTICLES,
    LEADING_WORDS,
    answer_words,
    strip_leading,
    word_set,
)
from companion.lesson.kinds import MAX_TEXT_ANSWER as MAX_TEXT_ANSWER  # re-exported
from companion.lesson.kinds import AnswerForm, Control, Grading, Kind
from companion.lesson.model import Lesson, Passage, Question

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")
# The ids the page derives from a key ("<key>-prompt", "<key>-item-2-pos", ...; see
# templates/lesson_parts.html): a key must never look like one of another key's.
_DERIVED_ID = re.compile(r"-(?:prompt|hint|pos|item(?:-\d+)?)$")
MAX_NUMBER_DIGITS = 4  # a choice's index, a sequence position, a count of versions

Answer = int | str | list[int]


@dataclass(frozen=True)
class Slot:
    """A question as the page shows it: its safe key, its number and its passage."""

    key: str
    number: int  # 1, 2, ... through the lesson
    question: Question
    passage: Passage

    @property
    def field(self) -> str:
        return f"a-{self.key}"

    def item_field(self, index: int) -> str:
        """The field holding the position of a sequence's item ``index``."""
        return f"s-{self.key}-{index}"

    @property
    def spec(self) -> Kind:
        return self.question.spec

    @property
    def grading(self) -> Grading:
        """How this question is graded: its kind's way, or picking from its word bank."""
        return self.spec.grading_of(self.question.choices)

    @property
    def control(self) -> Control:
        """How the page lets the student answer it."""
        return self.spec.control_of(self.question.choices)

    @property
    def uses_choices(self) -> bool:
        """True when the answer is a choice's index (radio buttons or a word bank)."""
        return self.grading is Grading.PICK


def parse_number(raw: object, max_digits: int = MAX_NUMBER_DIGITS) -> int | None:
    """A small whole number from a form field or an option: ASCII digits only (spaces
    around them allowed), at most ``max_digits`` of them; None for anything else.

    ``str.isdigit`` and ``int`` are not enough: "²" passes ``isdigit`` but ``int`` refuses
    it, ``int`` reads other scripts' digits ("٣"), and thousands of digits exceed
    Python's limit on converting long strings. Every form value or option that becomes a
    number goes through here.
    """
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if not 1 <= len(text) <= max_digits or not text.isascii() or not text.isdigit():
        return None
    return int(text)


def question_slots(lesson: Lesson) -> list[Slot]:
    """Every question of the lesson with a key that is a valid, unique HTML id.

    Keys are namespaced: each is ``q`` or starts with ``q-`` (a question whose id is
    ``summary``, ``p1`` or ``reset`` gets ``q-summary``, ...), so a question's element can
    never take the id of another part of the page, nor of another question's parts.
    """
    slots: list[Slot] = []
    seen: set[str] = set()
    for passage in lesson.passages:
        for question in passage.questions:
            base = _UNSAFE_ID.sub("-", question.id).strip("-") or "q"
            if base != "q" and not base.startswith("q-"):
                base = "q-" + base
            if _DERIVED_ID.search(base):
                base += "-q"
            key, n = base, 2
            while key in seen:
                key, n = f"{base}-{n}", n + 1
            seen.add(key)
            slots.append(Slot(key, len(slots) + 1, question, passage))
    return slots


# --------------------------------------------------------------------------- reading answers


class AnswerError(ValueError):
    """A submitted answer that cannot be read (out of range, too long, ...)."""


def read_answer(slot: Slot, get: Callable[[str], str | None]) -> Answer | None:
    """The slot's answer from form fields (``get`` is e.g. ``form.get``); None when the
    question was left blank; AnswerError when the fields are not a valid answer."""
    q = slot.question
    if slot.grading is Grading.ORDER:
        return _read_sequence(slot, get)
    raw = get(slot.field)
    if raw is None or not raw.strip():
        return None
    if slot.uses_choices:
        count = len(q.choices) if q.choices else 2
        return _index(raw, count)
    limit = slot.spec.max_answer
    if len(raw) > limit:
        raise AnswerError(f"Your answer is too long (at most {limit} characters).")
    return raw.strip()


def _index(raw: str, count: int) -> int:
    index = parse_number(raw)
    if index is None or not 0 <= index < count:
        raise AnswerError("That choice is not one of the options.")
    return index


def _read_sequence(slot: Slot, get: Callable[[str], str | None]) -> list[int] | None:
    """Item indexes in the order the student put them (positions must be 1..n, once each)."""
    count = len(slot.question.choices)
    positions = [get(slot.item_field(i)) for i in range(count)]
    if all(p is None or not p.strip() for p in positions):
        return None
    numbers = [parse_number(p) or 0 for p in positions]
    if sorted(numbers) != list(range(1, count + 1)):
        raise AnswerError(f"Give each item a different position, from 1 to {count}.")
    return sorted(range(count), key=lambda i: numbers[i])


# --------------------------------------------------------------------------- typed answers

# Words that make an answer name more than one thing, or deny it: "Charika or Kabul",
# "Charika and Bagram", "not Charika". An answer holding one is wrong even when it also
# holds the key.
HEDGE_WORDS = word_set(
    "or nor either neither and maybe perhaps possibly probably not no never but except "
    "unless isnt arent wasnt werent dont doesnt didnt cant cannot wont"
)
# Words an answer may wrap around the key without using the question's or the evidence's
# own words: "It is in Charika", "the city of Charika", "in the year 1989".
FILLER_WORDS = LEADING_WORDS | word_set(
    "it its is are was were be been they he she we this that there these those called "
    "named known as city town village place area region country province capital year "
    "month day person man woman people group"
)


def normalise_answer(text: str) -> str:
    """A short answer reduced for comparison: case, accents, punctuation, spacing, a
    leading "the/a/an", and number words ("forty" -> "40") do not matter."""
    return " ".join(strip_leading(answer_words(text), ARTICLES))


def typo_allowance(key: str) -> int:
    """How many slips of the keyboard (a letter added, missing, changed, or two swapped)
    an answer to ``key`` (normalised) may have: none under 5 letters or with a digit,
    1 up to 8 letters, 2 beyond."""
    if any(c.isdigit() for c in key):
        return 0
    letters = sum(c.isalpha() for c in key)
    return 0 if letters < 5 else 1 if letters <= 8 else 2


def _close_enough(given: str, key: str) -> bool:
    if given == key:
        return True
    allowed = typo_allowance(key)
    if not allowed or any(c.isdigit() for c in given):
        return False
    return edit_distance(given, key, allowed) <= allowed


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance between ``a`` and ``b`` (a swap of neighbours
    counts once), or ``limit + 1`` as soon as it is known to be more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def _key_words(text: str) -> list[str]:
    return strip_leading(answer_words(text))


def _holds_key(mine: list[str], key: list[str], context: frozenset[str]) -> bool:
    """True when the words of an answer hold the key (with the typos its length allows)
    and every other word is a filler or a word of the question or its evidence."""
    size, key_text = len(key), " ".join(key)
    for start in range(len(mine) - size + 1):
        if not _close_enough(" ".join(mine[start : start + size]), key_text):
            continue
        extra = mine[:start] + mine[start + size :]
        if all(w not in HEDGE_WORDS and (w in FILLER_WORDS or w in context) for w in extra):
            return True
    return False


def text_matches(given: str, question: Question) -> bool:
    """Does a typed answer match the answer or one of ``question.accept``?

    The rule (docs/grading.md): case, accents, punctuation and leading prepositions and
    articles do not matter; the answer may say more than the key ("Negotiations are
    underway in Charika.") as long as its other words come from the question or its
    evidence sentence, and it may not hedge ("Charika or Kabul"); a few typos are forgiven
    in proportion to the key's length, none in numbers.
    """
    answer = question.answer if isinstance(question.answer, str) else ""
    keys = [k for k in (_key_words(a) for a in [answer, *question.accept]) if k]
    mine = answer_words(given)
    if not mine or not keys:
        return False
    context = frozenset(answer_words(question.prompt) + answer_words(question.evidence))
    return any(_holds_key(mine, key, context) for key in keys)


# --------------------------------------------------------------------------- grading


@dataclass(frozen=True)
class Result:
    """The outcome of checking one question.

    status: ``correct``, ``incorrect``, ``sample`` (an open question: the student
    compares with the sample answer), ``unanswered``, ``invalid`` (``message`` says
    why) or ``no_key`` (the lesson file has no right answer for it).
    """

    status: str
    expected: tuple[str, ...] = ()  # the right answer (a sequence: its items in order)
    evidence: str = ""
    paragraph: int | None = None
    message: str = ""
    answer: Answer | None = None  # what the student gave, as read

    @property
    def correct(self) -> bool | None:
        return {"correct": True, "incorrect": False}.get(self.status)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "correct": self.correct,
            "expected": list(self.expected),
            "evidence": self.evidence,
            "paragraph": self.paragraph,
            "message": self.message,
        }


def expected_answer(question: Question) -> tuple[str, ...]:
    if isinstance(question.answer, list):
        return tuple(question.answer)
    if question.spec.answer is AnswerForm.BOOLEAN:
        return (question.answer.capitalize(),) if question.answer else ()
    return (question.answer,) if question.answer else ()


def grade(question: Question, answer: Answer | None) -> Result:
    """Grade one answer, as read by ``read_answer``.

    Only an answered question's result carries the right answer and the evidence: the
    page shows them after a check, and an unanswered (or invalid) question must not give
    them away (``/check`` returns what is here).
    """
    if answer is None:
        return Result("unanswered")
    base = {
        "expected": expected_answer(question),
        "evidence": question.evidence,
        "paragraph": question.paragraph,
        "answer": answer,
    }
    if not question.spec.scored:
        return Result("sample", **base)
    if not base["expected"]:
        return Result("no_key", **base)
    return Result("correct" if _is_right(question, answer) else "incorrect", **base)


def _is_right(question: Question, answer: Answer) -> bool:
    spec = question.spec
    if spec.grading is Grading.ORDER:
        return [question.choices[i] for i in answer] == list(question.answer)
    if spec.answer is AnswerForm.BOOLEAN:  # stored as "true" or "false"
        return spec.fixed_choices[answer].lower() == str(question.answer).lower()
    if isinstance(answer, int):  # a picked choice (also from a word bank)
        return question.choices[answer] == question.answer
    return text_matches(answer, question)


def grade_slot(slot: Slot, get: Callable[[str], str | None]) -> Result:
    """Read and grade one question's answer from form fields."""
    try:
        answer = read_answer(slot, get)
    except AnswerError as exc:
        return Result("invalid", message=str(exc))  # no answer, so nothing given away
    return grade(slot.question, answer)


def grade_form(
    slots: list[Slot], get: Callable[[str], str | None], keys: Iterable[str] | None = None
) -> dict[str, Result]:
    """Grade the questions named in ``keys`` (every question when None); unknown keys
    are ignored."""
    wanted = None if keys is None else set(keys)
    return {s.key: grade_slot(s, get) for s in slots if wanted is None or s.key in wanted}
