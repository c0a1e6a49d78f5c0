"""Printable worksheets and answer keys: the print options and the model templates render.

A worksheet is built from a Lesson and a set of WorksheetOptions (parsed from query
parameters or command-line flags by ``parse_options``, so the web and the CLI accept and
reject exactly the same things). The student copy and the answer key are two views of the
same Worksheet, so their question numbers always match.

- Questions are numbered through the worksheet (1..N across passages), after the kind
  filter.
- Versions A, B, C shuffle the choices (and sequence items) of every question. Each
  version's order is stable (it depends only on the question's id and the version
  letter) and versions differ from each other; each version has its own answer key.
- Without a version, choices are printed in the order the lesson file gives them.

See docs/worksheets.md.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from string import ascii_uppercase

from companion.common.errors import CompanionError
from companion.common.settings import PAPERS
from companion.common.textutil import in_quotes, plain_text
from companion.lesson.fileformat import BLANK_RE
from companion.lesson.kinds import KINDS, AnswerForm, Choices, Control, Kind, kind
from companion.lesson.model import GlossaryEntry, Lesson, Passage, Question
from companion.views.grading import parse_number

VERSIONS = "ABC"
# "update" is sent by the print options form's Update button: it tells a form with no
# kind ticked (refused with NO_KINDS) from a URL without ``kind`` (every kind).
OPTION_NAMES = ("paper", "version", "kind", "questions_only", "large_print", "update")
NO_KINDS = "Tick at least one question kind: a worksheet needs questions of one kind or more."
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"", "0", "false", "no", "off"}
MIN_SHARED_WORD_BANK = 2  # a word bank of one word would give its answer away


class OptionsError(CompanionError):
    """A worksheet option that cannot be used: a 400 on the web, exit 2 on the CLI."""


class NoKindsError(OptionsError):
    """The print options form was sent with no question kind ticked. ``options`` are the
    other options as sent, with no kinds, so that the form can be shown again."""

    def __init__(self, options: WorksheetOptions):
        super().__init__(NO_KINDS)
        self.options = options


@dataclass(frozen=True)
class WorksheetOptions:
    paper: str = "letter"
    version: str = ""  # "" = choices in the lesson file's order; else one of VERSIONS
    kinds: tuple[str, ...] = KINDS
    questions_only: bool = False
    large_print: bool = False

    def query(self) -> dict[str, str | list[str]]:
        """These options as query parameters (only those that differ from the defaults,
        the paper always), for links between the worksheet, its key and their PDFs."""
        params: dict[str, str | list[str]] = {"paper": self.paper}
        if self.version:
            params["version"] = self.version
        if self.kinds != KINDS:
            params["kind"] = list(self.kinds)
        if self.questions_only:
            params["questions_only"] = "1"
        if self.large_print:
            params["large_print"] = "1"
        return params


# --------------------------------------------------------------------------- options


def parse_options(
    params: Mapping[str, Sequence[str]], paper_default: str = "letter"
) -> WorksheetOptions:
    """Options from query parameters ({name: [values]}); OptionsError names the problem.

    Unknown names are refused (a typo like ``papers=a4`` should not be silently ignored);
    ``kind`` may be repeated or comma-separated; an empty value means the default.
    """
    for name in params:
        if name not in OPTION_NAMES:
            raise OptionsError(f"unknown option '{_shorten(name)}': use {', '.join(OPTION_NAMES)}")
    options = WorksheetOptions(
        paper=_paper(_single(params, "paper"), paper_default),
        version=_version(_single(params, "version")),
        kinds=_kinds(params.get("kind", [])),
        questions_only=_flag(params, "questions_only"),
        large_print=_flag(params, "large_print"),
    )
    if _flag(params, "update") and not _kinds_named(params.get("kind", [])):
        raise NoKindsError(replace(options, kinds=()))
    return options


def _kinds_named(values: Sequence[str]) -> bool:
    return any(part.strip() for value in values for part in value.split(","))


def _single(params: Mapping[str, Sequence[str]], name: str) -> str:
    values = list(params.get(name, []))
    if len(values) > 1:
        raise OptionsError(f"give '{name}' only once")
    return values[0].strip() if values else ""


def _paper(value: str, default: str) -> str:
    paper = value.lower() or default
    if paper not in PAPERS:
        raise OptionsError(f"paper must be 'letter' or 'a4', not '{_shorten(value)}'")
    return paper


def _version(value: str) -> str:
    version = value.upper()
    if version and (len(version) != 1 or version not in VERSIONS):  # not "AB": one letter
        raise OptionsError(
            f"version must be one of {', '.join(VERSIONS)} (or empty), not '{_shorten(value)}'"
        )
    return version


def _kinds(values: Sequence[str]) -> tuple[str, ...]:
    wanted: set[str] = set()
    for value in values:
        for part in value.split(","):
            kind = part.strip().lower().replace("-", "_")
            if not kind:
                continue
            if kind not in KINDS:
                raise OptionsError(
                    f"unknown question kind '{_shorten(part.strip())}': use {', '.join(KINDS)}"
                )
            wanted.add(kind)
    return tuple(k for k in KINDS if k in wanted) if wanted else KINDS


def _flag(params: Mapping[str, Sequence[str]], name: str) -> bool:
    value = _single(params, name).lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise OptionsError(f"{name} must be 1 or 0 (yes or no), not '{_shorten(value)}'")


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_version_count(value: str) -> list[str]:
    """The versions for ``--versions N``: N from 1 to len(VERSIONS) -> ['A', ...]."""
    count = parse_number(value)
    if count is None or not 1 <= count <= len(VERSIONS):
        raise OptionsError(f"--versions must be a number from 1 to {len(VERSIONS)}")
    return list(VERSIONS[:count])


# --------------------------------------------------------------------------- shuffling


def shuffled_order(
    seed: str,
    count: int,
    version: str,
    answer: int | None = None,
    avoid: list[int] | None = None,
) -> list[int]:
    """The display order (indices into the original list) of ``count`` items in a version.

    Each version draws from its own generator seeded with ``seed`` and its letter, so its
    order is the same every time. Orders already used by an earlier version are skipped,
    and so, while possible, are orders that put ``answer`` where an earlier version has it
    (neighbours with different versions then have different answer letters). ``avoid`` is
    an order never to use if another exists (a sequence's right order).
    """
    if not version or count < 2:
        return list(range(count))
    taken: list[list[int]] = []
    for letter in VERSIONS[: VERSIONS.index(version) + 1]:
        taken.append(_draw(f"{seed}|{letter}", count, answer, avoid, taken))
    return taken[-1]


def _draw(
    seed: str, count: int, answer: int | None, avoid: list[int] | None, taken: list[list[int]]
) -> list[int]:
    rng = random.Random(seed)
    order = list(range(count))
    fallback: list[int] | None = None
    for _ in range(200):
        rng.shuffle(order)
        if order in taken or order == avoid:
            continue
        if fallback is None:
            fallback = list(order)
        if answer is None or all(o.index(answer) != order.index(answer) for o in taken):
            return list(order)
    return fallback if fallback is not None else list(order)


# --------------------------------------------------------------------------- the model


@dataclass
class Choice:
    letter: str  # A, B, C... as printed
    text: str
    correct: bool = False  # multiple choice, true/false, word-bank cloze
    position: int | None = None  # sequence: the item's place in the right order


@dataclass
class WorksheetQuestion:
    number: int
    kind: str
    prompt: str
    choices: list[Choice] = field(default_factory=list)
    answer: str = ""  # the answer as the key prints it ("" when the file has none)
    accept: list[str] = field(default_factory=list)
    paragraph: int | None = None  # the paragraph holding the evidence
    evidence: str = ""
    lines: int = 0  # ruled answer lines on the student copy
    id: str = ""

    @property
    def spec(self) -> Kind:
        return kind(self.kind)

    @property
    def control(self) -> Control:
        """What the student copy prints to answer on (besides the ruled lines)."""
        return self.spec.control_of(self.choices)

    @property
    def prompt_parts(self) -> list[str]:
        """The prompt cut at its blanks (``_____``): the template draws each blank."""
        return BLANK_RE.split(self.prompt) if self.spec.blank else [self.prompt]

    @property
    def quoted_evidence(self) -> str:
        """The evidence in quotation marks, unless it starts or ends with its own."""
        return in_quotes(self.evidence)

    @property
    def correct_choice(self) -> Choice | None:
        return next((c for c in self.choices if c.correct), None)

    @property
    def word_bank(self) -> bool:
        """A fill-in-the-blank question with its own choices prints them as a word bank."""
        return self.spec.word_bank(self.choices)

    @property
    def in_shared_word_bank(self) -> bool:
        """A fill-in-the-blank question without choices takes its word from the passage's
        shared word bank (when there is one)."""
        return self.spec.choices is Choices.WORD_BANK and not self.choices


@dataclass
class Section:
    """One passage of the worksheet and the questions printed after it."""

    heading: str
    paragraphs: list[tuple[int, str]]  # (number through the lesson, Markdown)
    glossary: list[GlossaryEntry]
    questions: list[WorksheetQuestion]
    word_bank: list[str] = field(default_factory=list)  # for cloze questions without choices

    @property
    def word_bank_numbers(self) -> list[int]:
        return [q.number for q in self.questions if q.in_shared_word_bank]


@dataclass
class Worksheet:
    slug: str
    title: str
    credit: str  # the article's source for people ("CNN, September 3, 2021") or ""
    options: WorksheetOptions
    sections: list[Section]

    @property
    def questions(self) -> list[WorksheetQuestion]:
        return [q for s in self.sections for q in s.questions]


def build_worksheet(lesson: Lesson, options: WorksheetOptions) -> Worksheet:
    """The worksheet of a lesson. With ``questions_only``, passages without a question
    are left out; otherwise every passage is printed, with or without questions."""
    sections: list[Section] = []
    number = 1
    for passage in lesson.passages:
        questions = []
        for question in passage.questions:
            if question.kind in options.kinds:
                questions.append(_question(question, number, options.version, lesson))
                number += 1
        if options.questions_only and not questions:
            continue
        sections.append(_section(passage, questions, options))
    return Worksheet(lesson.slug, lesson.title, lesson.credit, options, sections)


def _section(
    passage: Passage, questions: list[WorksheetQuestion], options: WorksheetOptions
) -> Section:
    paragraphs = [] if options.questions_only else _numbered(passage)
    glossary = [] if options.questions_only else list(passage.glossary)
    free_cloze = sorted(
        {q.answer for q in questions if q.in_shared_word_bank and q.answer},
        key=str.casefold,
    )
    bank = free_cloze if len(free_cloze) >= MIN_SHARED_WORD_BANK else []
    return Section(passage.heading, paragraphs, glossary, questions, bank)


def _numbered(passage: Passage) -> list[tuple[int, str]]:
    return [(passage.first_paragraph + i, text) for i, text in enumerate(passage.paragraphs)]


def _question(q: Question, number: int, version: str, lesson: Lesson) -> WorksheetQuestion:
    spec = q.spec
    item = WorksheetQuestion(
        number=number,
        kind=q.kind,
        prompt=q.prompt,
        accept=list(q.accept),
        paragraph=q.paragraph or evidence_paragraph(lesson, q.evidence),
        evidence=q.evidence,
        lines=spec.answer_lines,
        id=q.id,
    )
    version = version if spec.shuffle else ""  # an unshuffled kind keeps the file's order
    if spec.answer is AnswerForm.ORDER:
        item.choices = _sequence_items(q, version)
        item.answer = ", ".join(str(c.position or "?") for c in item.choices)
    elif spec.answer is AnswerForm.BOOLEAN:
        truth = str(q.answer).lower()
        item.choices = [Choice("", c, truth == c.lower()) for c in spec.fixed_choices]
        item.answer = next((c.text for c in item.choices if c.correct), "")
    elif q.choices:
        item.choices = _shuffled_choices(q, version)
        item.answer = str(q.answer)
    else:
        item.answer = str(q.answer)
    return item


def _shuffled_choices(q: Question, version: str) -> list[Choice]:
    answer = q.choices.index(q.answer) if q.answer in q.choices else None
    order = shuffled_order(q.id, len(q.choices), version, answer=answer)
    return [
        Choice(ascii_uppercase[i % 26], q.choices[index], index == answer)
        for i, index in enumerate(order)
    ]


def _sequence_items(q: Question, version: str) -> list[Choice]:
    right = list(q.answer) if isinstance(q.answer, list) else []
    right_order = [q.choices.index(t) for t in right] if set(right) <= set(q.choices) else None
    order = shuffled_order(q.id, len(q.choices), version, avoid=right_order)
    items = []
    for i, index in enumerate(order):
        text = q.choices[index]
        position = right.index(text) + 1 if text in right else None
        items.append(Choice(ascii_uppercase[i % 26], text, position=position))
    return items


def _comparable(text: str) -> str:
    return " ".join(text.split()).casefold()


def evidence_paragraph(lesson: Lesson, evidence: str) -> int | None:
    """The number of the paragraph that holds an evidence sentence (for items whose file
    does not record it), or None."""
    needle = _comparable(evidence)
    if not needle:
        return None
    for passage in lesson.passages:
        for number, text in _numbered(passage):
            if needle in _comparable(plain_text(text)):
                return number
    return None


# --------------------------------------------------------------------------- page CSS


def page_css(worksheet: Worksheet, answer_key: bool = False) -> str:
    """The @page rule that depends on the worksheet: the paper size and the footer's
    title. (Static rules live in static/css/print.css; string-set cannot carry the title
    because Chromium does not support it, so the footer text is written here.)"""
    label = _shorten(worksheet.title, 70)
    if worksheet.options.version:
        label += f" · Version {worksheet.options.version}"
    if answer_key:
        label += " · Answer key"
    size = PAPERS[worksheet.options.paper]
    return f"@page {{ size: {size}; @bottom-left {{ content: {css_string(label)}; }} }}\n"


def css_string(text: str) -> str:
    """A CSS string literal holding ``text``: everything but letters, digits and spaces
    is written as a hex escape, so no text can end the string or the rule."""
    out = []
    for char in text:
        if char == " " or (char.isascii() and char.isalnum()):
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'
