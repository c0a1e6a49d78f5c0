"""The question kinds: the one table every stage reads.

Each kind of question is one ``Kind`` row in ``KIND_LIST``: its name (the string in
``Question.kind``, the JSON and the worksheet options; a lesson file gives a question's
shape instead, see docs/lesson-format.md), its label, its place in every list of kinds,
and what the stages need to know about it: how the lesson file writes it and tells it
from the others, what ``companion check`` asks of it, how a student answers it and how
that answer is graded, and how a worksheet prints it. Code outside this module reads
these properties and never compares kind names, so adding a kind means adding a row here
(and its generator in ``companion.generation.questions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

MAX_TEXT_ANSWER = 300  # characters in a typed word or short answer
MAX_LONG_ANSWER = 4000  # characters in a written (open) answer


class AnswerForm(StrEnum):
    """How ``Question.answer`` holds the right answer."""

    CHOICE = "choice"  # the text of the right choice
    BOOLEAN = "boolean"  # "true" or "false"; the choices are the kind's fixed_choices
    TEXT = "text"  # the word or words to type (with a word bank: the right word's text)
    ORDER = "order"  # the choices (items), in the right order
    SAMPLE = "sample"  # a sample answer to compare with: there is no right answer


class Choices(StrEnum):
    """Whether a question of the kind has choices."""

    NONE = "none"  # never: the answer is typed
    LIST = "list"  # always its own list (choices to pick from, or items to order)
    FIXED = "fixed"  # always the same ones: the kind's fixed_choices
    WORD_BANK = "word_bank"  # optional: with choices, the answer is picked from them


class Grading(StrEnum):
    """How a student's answer is read and checked."""

    PICK = "pick"  # the index of one choice; right when that choice is the answer
    TYPED = "typed"  # typed text, normalised; right when it matches the answer or accept
    ORDER = "order"  # a position for each item; right when all are in the right order
    SELF = "self"  # not scored: the student compares with the sample answer


class Control(StrEnum):
    """How the student answers, on the lesson page and on paper."""

    CHOOSE = "choose"  # radio buttons; lettered bubbles on paper
    WORD_BANK = "word_bank"  # a drop-down of the question's own choices; a word bank on paper
    WRITE = "write"  # a one-line text field; on paper, the blank or ruled lines
    ORDER = "order"  # items moved into order; numbered boxes on paper
    ESSAY = "essay"  # a text area; ruled lines on paper


class UnknownKindError(ValueError):
    """A question kind that is not in the table (a bug: files never produce one)."""


@dataclass(frozen=True)
class Kind:
    """One kind of question and everything the stages need to know about it."""

    name: str  # Question.kind: in JSON, worksheet options (?kind=) and the page's markup
    label: str  # shown to students and teachers
    order: int  # place in every list of kinds (page summary, print options, answer key)
    answer: AnswerForm
    choices: Choices
    grading: Grading
    control: Control  # without choices; see control_of
    fixed_choices: tuple[str, ...] = ()  # Choices.FIXED: the choices, in file order
    # -- the lesson file (docs/lesson-format.md). Choices are written `- [x]` / `- [ ]`,
    # or `- [2]` (the item's place) when the answer is an ORDER.
    key_label: str = "Answer"  # the key line written when the question has no choices
    blank: bool | None = None  # the prompt has a blank `_____` (True), has none (False),
    # or either (None); the parser tells kinds of the same shape apart by it
    # -- `companion check`
    few_choices: str = ""  # the problem when it has fewer than two choices ("": no rule)
    no_answer: str = ""  # the problem when it has neither choices nor an answer ("": no rule)
    # -- the lesson page and the worksheet
    answer_label: str = "Your answer"  # the label of the field the student types in
    max_answer: int = MAX_TEXT_ANSWER  # characters a typed answer may have
    shuffle: bool = False  # worksheet versions A, B, C shuffle its choices
    answer_lines: int = 0  # ruled lines to write on, on the printed worksheet

    def __post_init__(self) -> None:
        if (self.choices is Choices.FIXED) != bool(self.fixed_choices):
            raise ValueError(f"kind '{self.name}': fixed_choices go with Choices.FIXED")

    @property
    def scored(self) -> bool:
        """Auto-graded (right or wrong), as opposed to a free answer compared with a sample."""
        return self.grading is not Grading.SELF

    def word_bank(self, choices: Sequence[object]) -> bool:
        """True when a question of this kind with these choices is answered from them."""
        return self.choices is Choices.WORD_BANK and bool(choices)

    def grading_of(self, choices: Sequence[object]) -> Grading:
        """How a question of this kind with these choices is graded."""
        return Grading.PICK if self.word_bank(choices) else self.grading

    def control_of(self, choices: Sequence[object]) -> Control:
        """How a question of this kind with these choices is answered."""
        return Control.WORD_BANK if self.word_bank(choices) else self.control


_TABLE = (
    Kind(
        name="multiple_choice",
        label="Multiple choice",
        order=10,
        answer=AnswerForm.CHOICE,
        choices=Choices.LIST,
        grading=Grading.PICK,
        control=Control.CHOOSE,
        blank=False,
        few_choices="a multiple-choice question needs at least two choices",
        shuffle=True,
    ),
    Kind(
        name="true_false",
        label="True or false",
        order=20,
        answer=AnswerForm.BOOLEAN,
        choices=Choices.FIXED,
        fixed_choices=("True", "False"),
        grading=Grading.PICK,
        control=Control.CHOOSE,
    ),
    Kind(
        name="cloze",
        label="Fill in the blank",
        order=30,
        answer=AnswerForm.TEXT,
        choices=Choices.WORD_BANK,
        grading=Grading.TYPED,
        control=Control.WRITE,
        blank=True,
        few_choices="a multiple-choice question needs at least two choices",
        no_answer="the question has no 'Answer: ...' line",
        answer_label="The missing word",
        shuffle=True,
    ),
    Kind(
        name="short_answer",
        label="Short answer",
        order=40,
        answer=AnswerForm.TEXT,
        choices=Choices.NONE,
        grading=Grading.TYPED,
        control=Control.WRITE,
        blank=False,
        no_answer="the question has no 'Answer: ...' line",
        answer_lines=2,
    ),
    Kind(
        name="sequence",
        label="Sequence",
        order=50,
        answer=AnswerForm.ORDER,
        choices=Choices.LIST,
        grading=Grading.ORDER,
        control=Control.ORDER,
        few_choices="a sequence needs at least two items",
        shuffle=True,
    ),
    Kind(
        name="open",
        label="Open response",
        order=60,
        answer=AnswerForm.SAMPLE,
        choices=Choices.NONE,
        grading=Grading.SELF,
        control=Control.ESSAY,
        key_label="Sample answer",
        no_answer="the open question has no 'Sample answer: ...'",
        max_answer=MAX_LONG_ANSWER,
        answer_lines=4,
    ),
)

KIND_LIST: tuple[Kind, ...] = tuple(sorted(_TABLE, key=lambda k: k.order))
KINDS: tuple[str, ...] = tuple(k.name for k in KIND_LIST)
KIND_LABELS: dict[str, str] = {k.name: k.label for k in KIND_LIST}
_BY_NAME: dict[str, Kind] = {k.name: k for k in KIND_LIST}


def kind(name: str) -> Kind:
    """The kind called ``name``; UnknownKindError for a name that is not in the table."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UnknownKindError(
            f"unknown question kind {name!r}: the kinds are {', '.join(KINDS)}"
        ) from None
