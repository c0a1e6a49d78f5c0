"""First and second tries at a question, and the summary of first tries.

The first graded try at a question is the one that counts. After a wrong first try the
student gets a hint (the paragraph to look at again) and one more try; the answer and its
evidence are shown after that second try, or when the student asks ("Show answer").

The server keeps nothing between requests, so the page carries each question's state in
one form field, ``t-<key>`` (a hidden field without JavaScript, the browser's
``localStorage`` with it), written by ``TryState.encode``. The field is trusted as the
student's own, like the answers: a student who edits it only fools their own summary,
which they could also reset with "Start again", and nothing is recorded on the server.
Nothing here knows about Flask (docs/lesson-page.md, "Questions").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from companion.lesson.kinds import KIND_LIST
from companion.views.grading import Answer, Result, Slot, expected_answer, grade_slot

Get = Callable[[str], str | None]

# What the page shows under a question.
NOTHING = ""  # no feedback (not checked, or the answer changed since its check)
MESSAGE = "message"  # "answer the question first", or why an answer cannot be read
HINT = "hint"  # wrong first try: "look again at paragraph N", one more try
ANSWER = "answer"  # right or wrong, with the answer and the evidence

_STATE = re.compile(r"(correct|incorrect|sample|no_key)\.([01])\.([0-9a-f]{12})?")
_NOT_GRADED = ("unanswered", "invalid")


def state_field(key: str) -> str:
    """The form field that carries a question's ``TryState``."""
    return f"t-{key}"


@dataclass(frozen=True)
class TryState:
    """Where a student is with one question."""

    first: str = ""  # the first try's status (correct, incorrect, sample, no_key); "" before
    shown: bool = False  # the answer and its evidence have been shown
    seen: str = ""  # the fingerprint of the answer checked last

    def encode(self) -> str:
        return f"{self.first}.{int(self.shown)}.{self.seen}" if self.first else ""

    @classmethod
    def decode(cls, raw: str | None) -> TryState:
        match = _STATE.fullmatch(raw or "")
        if match is None:
            return cls()
        return cls(match[1], match[2] == "1", match[3] or "")


def fingerprint(answer: Answer) -> str:
    """A short digest of an answer as read, to tell whether it changed since its check."""
    return hashlib.sha256(repr(answer).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Outcome:
    """One question after a request: its current answer graded, its new state, and
    what the page shows (``mode``)."""

    result: Result
    state: TryState
    mode: str

    @property
    def second_try(self) -> bool:
        return self.state.first == "incorrect" and self.mode == ANSWER

    def to_dict(self) -> dict:
        """What the page's script receives: the answer and evidence only once shown."""
        r = self.result
        data = {"status": r.status, "correct": r.correct, "message": r.message}
        data |= {"mode": self.mode, "state": self.state.encode(), "first": self.state.first}
        if self.mode == ANSWER:
            data |= {"expected": list(r.expected), "evidence": r.evidence}
        if self.mode in (ANSWER, HINT):
            data["paragraph"] = r.paragraph
        return data


def read_states(slots: Iterable[Slot], get: Get) -> dict[str, TryState]:
    return {s.key: TryState.decode(get(state_field(s.key))) for s in slots}


def assess(slot: Slot, get: Get, state: TryState, tried: bool, reveal: bool) -> Outcome:
    """Grade a question's current answer and move its state on: ``tried`` when the
    student pressed its Check button (a try counts only for a new answer), ``reveal``
    when they pressed "Show answer"."""
    result = grade_slot(slot, get)
    reveal = reveal and slot.spec.scored
    if result.status in _NOT_GRADED:
        return _not_graded(slot, result, state, tried, reveal)
    seen = fingerprint(result.answer)
    if reveal:
        return Outcome(result, TryState(state.first or "incorrect", True, seen), ANSWER)
    if tried and (not state.first or seen != state.seen):
        first = state.first or result.status
        shown = bool(state.first) or first != "incorrect"  # a second try shows the answer
        return Outcome(result, TryState(first, shown, seen), ANSWER if shown else HINT)
    if state.first and seen == state.seen:  # unchanged since its check: the same feedback
        return Outcome(result, state, ANSWER if state.shown else HINT)
    return Outcome(result, state, NOTHING)


def _not_graded(slot: Slot, result: Result, state: TryState, tried: bool, reveal: bool):
    if reveal:
        q = slot.question
        shown = Result(
            "shown", expected=expected_answer(q), evidence=q.evidence, paragraph=q.paragraph
        )
        return Outcome(shown, TryState(state.first or "incorrect", True, state.seen), ANSWER)
    return Outcome(result, state, MESSAGE if tried else NOTHING)


def check_answers(
    slots: list[Slot],
    get: Get,
    keys: Iterable[str],
    tried: Iterable[str] = (),
    revealed: Iterable[str] = (),
) -> tuple[dict[str, Outcome], dict[str, TryState]]:
    """The outcome of each question named in ``keys`` (unknown keys are ignored), and
    every question's state after this request (for the summary)."""
    states = read_states(slots, get)
    wanted, tried, revealed = set(keys), set(tried), set(revealed)
    outcomes = {}
    for slot in slots:
        if slot.key in wanted:
            outcome = assess(slot, get, states[slot.key], slot.key in tried, slot.key in revealed)
            outcomes[slot.key] = outcome
            states[slot.key] = outcome.state
    return outcomes, states


# --------------------------------------------------------------------------- summary


@dataclass
class KindTally:
    label: str
    scored: bool
    total: int = 0
    right: int = 0
    wrong: int = 0
    todo: int = 0  # not answered yet


@dataclass
class Tally:
    """First tries: the questions right, wrong, answered without a score (open ones,
    and questions without an answer key) and not answered yet, in page order."""

    right: list[Slot] = field(default_factory=list)
    wrong: list[Slot] = field(default_factory=list)
    written: list[Slot] = field(default_factory=list)
    todo: list[Slot] = field(default_factory=list)
    kinds: list[KindTally] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.right) + len(self.wrong) + len(self.written) + len(self.todo)

    @property
    def done(self) -> bool:
        return self.total > 0 and not self.todo


_GROUP = {"correct": "right", "incorrect": "wrong", "sample": "written", "no_key": "written"}


def tally(slots: list[Slot], states: Mapping[str, TryState]) -> Tally:
    """Sum up every question's first try."""
    out = Tally()
    kinds = {k.name: KindTally(k.label, k.scored) for k in KIND_LIST}
    for slot in slots:
        state = states.get(slot.key) or TryState()
        group = _GROUP.get(state.first, "todo")
        getattr(out, group).append(slot)
        kind = kinds[slot.spec.name]
        kind.total += 1
        if group in ("right", "wrong", "todo"):
            setattr(kind, group, getattr(kind, group) + 1)
    out.kinds = [k for k in kinds.values() if k.total]
    return out
