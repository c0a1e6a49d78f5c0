"""The review screen's changes to a lesson file: accept, lock, delete, edit and add items.

The Markdown file stays the source of truth, so every change is made to the file's text
and written back at once (``save_change``): atomically, with a backup in ``.backup/``,
and only if the file is still the one the teacher's page was loaded from (its
``content_version``), so that an edit made meanwhile in an editor or another tab is never
lost. Each operation changes only the lines of the item it is about (or adds the lines of
a new item); every other byte of the file stays as the teacher wrote it. An item is found
by the parser (``fileformat.parse_lesson``), which gives its first line and its text.

Items are named by keys: a question by its ``id``, a glossary entry by ``term:`` and its
term in lowercase, as ``generate --update`` names them in the front matter's
``generated:`` list. A key used twice in a (broken) file gets ``~2``, ``~3``...

An edited item is checked with the rules of ``companion check`` (``lesson.check``) and
must read back as written; otherwise ``EditError`` says what is wrong and nothing is
written. An edited generated item keeps its comment, and so its ``hash``: it counts as
edited, as if the teacher had changed it in an editor, and becomes ``reviewed``.
"""

from __future__ import annotations

import fcntl
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from companion.common.errors import CompanionError
from companion.common.files import backup, write_atomic
from companion.common.textutil import one_line
from companion.lesson.check import check_lesson, id_problems
from companion.lesson.fileformat import (
    BLANK_RE,
    comment_line,
    entry_lines,
    parse_lesson,
    parse_lesson_with_problems,
    question_lines,
    refresh_evidence,
    split_comment,
)
from companion.lesson.kinds import AnswerForm, kind
from companion.lesson.limits import limit_problems
from companion.lesson.model import GlossaryEntry, Lesson, Passage, Question

TERM_KEY = "term:"
REVIEWED, LOCKED, GENERATED = "reviewed", "locked", "generated"
_NUMBER = re.compile(r"^\s*\d+[.)]\s+")
_SECTION = re.compile(r"^###\s+(glossary|questions)\s*#*\s*$", re.IGNORECASE)


class EditError(CompanionError):
    """A change that cannot be made (the messages say why); nothing was written."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or [message]


class ConflictError(CompanionError):
    """The lesson file changed on disk since the page was loaded; nothing was written."""


CONFLICT = (
    "The lesson file changed since this page was loaded (in an editor, another tab or by "
    "another teacher), so your change was not saved. This is the file as it is now: "
    "please make your change again."
)


# --------------------------------------------------------------------------- items


@dataclass
class Item:
    """A glossary entry or question, where it is in the file."""

    key: str
    item: GlossaryEntry | Question
    passage: Passage
    start: int  # index of its first line in text.split("\n")
    end: int  # index after its last line

    @property
    def is_question(self) -> bool:
        return isinstance(self.item, Question)


def entry_key(entry: GlossaryEntry) -> str:
    """A glossary entry's key, as in the front matter's ``generated:`` list."""
    return TERM_KEY + entry.term.lower()


def lesson_items(lesson: Lesson) -> list[Item]:
    """Every glossary entry and question of a parsed lesson, in file order, each with a
    key of its own."""
    found: list[Item] = []
    seen: dict[str, int] = {}
    for passage in lesson.passages:
        for item in [*passage.glossary, *passage.drafts, *passage.questions]:
            base = item.id if isinstance(item, Question) else entry_key(item)
            seen[base] = seen.get(base, 0) + 1
            key = base if seen[base] == 1 else f"{base}~{seen[base]}"
            start = item.line - 1
            end = start + (item.raw or "").count("\n") + 1
            found.append(Item(key, item, passage, start, end))
    return sorted(found, key=lambda i: i.start)


def find_item(lesson: Lesson, key: str) -> Item:
    for item in lesson_items(lesson):
        if item.key == key:
            return item
    raise EditError("This item is no longer in the lesson file: it was changed or deleted.")


def find_passage(lesson: Lesson, passage_id: str) -> Passage:
    for passage in lesson.passages:
        if passage.id == passage_id:
            return passage
    raise EditError("This passage is no longer in the lesson file.")


def _parse(text: str) -> Lesson:
    try:
        return parse_lesson(text)
    except CompanionError as exc:
        line = f"line {exc.line}: " if exc.line else ""
        raise EditError(f"The lesson file cannot be read ({line}{exc.message}).") from None


# --------------------------------------------------------------------------- changes


@dataclass(frozen=True)
class Change:
    """A lesson file's new text, and the key of the item changed or added (None when
    the item is gone or several changed)."""

    text: str
    key: str | None = None


def _replace(text: str, start: int, end: int, new: list[str]) -> str:
    """``text`` with lines start..end replaced by ``new``, in the file's line ending."""
    lines = text.split("\n")
    crlf = any(line.endswith("\r") for line in lines[start:end] or lines[start - 1 : start])
    new = [line + "\r" if crlf else line for line in new]
    return "\n".join([*lines[:start], *new, *lines[end:]])


def set_status(text: str, key: str, status: str) -> Change:
    """Mark an item ``reviewed`` (accept; also unlocks) or ``locked``."""
    item = find_item(_parse(text), key)
    lines = _with_status(item.item, status)
    if lines is None:
        return Change(text, key)
    return Change(_replace(text, item.start, item.end, lines), key)


def _with_status(item: GlossaryEntry | Question, status: str) -> list[str] | None:
    """The item's lines with ``status`` in its comment (None: nothing to change). An
    item without a comment is the teacher's and already reviewed; locking it adds one."""
    lines, meta = split_comment(item.raw or "")
    if meta is None:
        if status == REVIEWED:
            return None
        meta = {"source": "teacher"}
    if meta.get("status", GENERATED) == status:
        return None
    meta["status"] = status
    return [*lines, comment_line(meta)]


def accept_passage(text: str, passage_id: str) -> Change:
    """Accept every item of a passage still marked ``generated``."""
    lesson = _parse(text)
    passage = find_passage(lesson, passage_id)
    items = [
        i for i in lesson_items(lesson) if i.passage is passage and i.item.status == GENERATED
    ]
    for item in reversed(items):  # from the bottom, so that line numbers above still hold
        lines = _with_status(item.item, REVIEWED)
        if lines is not None:
            text = _replace(text, item.start, item.end, lines)
    return Change(text)


def delete_item(text: str, key: str) -> Change:
    """Remove an item's lines and the blank line after it (before it, at the end of a
    file). `generate --update` will not bring a deleted generated item back: it is in
    the front matter's ``generated:`` list and no longer in the file."""
    item = find_item(_parse(text), key)
    lines = text.split("\n")
    start, end = item.start, item.end
    if end < len(lines) and not lines[end].strip() and end + 1 < len(lines):
        end += 1
    elif start > 0 and not lines[start - 1].strip():
        start -= 1
    return Change("\n".join([*lines[:start], *lines[end:]]))


@dataclass(frozen=True)
class QuestionDraft:
    """A question as the review screen's form gives it.

    ``answer`` is the right choice's text, "true" or "false", the typed answer or the
    sample answer, by the kind's answer form; a sequence gives ``order`` instead: each
    item's place in the right order (1, 2, 3...), as the file writes it."""

    kind: str
    prompt: str
    choices: tuple[str, ...] = ()
    answer: str = ""
    order: tuple[int, ...] = ()
    accept: tuple[str, ...] = field(default=())

    def cleaned(self) -> QuestionDraft:
        """Each field on one line, empty choices and accepted answers left out."""
        _no_comment_marks(self.prompt, self.answer, *self.choices, *self.accept)
        order = [*self.order, *[0] * (len(self.choices) - len(self.order))]
        kept = [(one_line(c), p) for c, p in zip(self.choices, order, strict=True) if one_line(c)]
        return QuestionDraft(
            kind=self.kind,
            prompt=one_line(self.prompt),
            choices=tuple(c for c, _ in kept),
            answer=one_line(self.answer),
            order=tuple(p for _, p in kept) if self.order else (),
            accept=tuple(a for a in (one_line(x) for x in self.accept) if a),
        )

    def checked(self) -> QuestionDraft:
        """The draft cleaned (see ``cleaned``); EditError for what the file cannot say
        (a true/false answer that is neither)."""
        draft = self.cleaned()
        spec = kind(draft.kind)
        if spec.answer is AnswerForm.BOOLEAN and draft.answer.lower() not in ("true", "false"):
            raise EditError("Choose whether the statement is true or false.")
        return draft

    def question(self, question_id: str = "") -> Question:
        """The draft as a Question (its answer as the model holds it)."""
        spec = kind(self.kind)
        question = Question(id=question_id, kind=self.kind, prompt=self.prompt)
        question.accept = list(self.accept)
        if spec.answer is AnswerForm.ORDER:
            question.choices = list(self.choices)
            order = [*self.order, *range(len(self.order) + 1, len(self.choices) + 1)]
            ranked = sorted(zip(order, range(len(order)), self.choices, strict=False))
            question.answer = [choice for _, _, choice in ranked]
        elif spec.answer is AnswerForm.BOOLEAN:
            question.choices = list(spec.fixed_choices)
            question.answer = self.answer.lower()
        else:
            question.choices = list(self.choices)
            question.answer = self.answer
        return question


def _draft_lines(draft: QuestionDraft, number: str) -> list[str]:
    """The lines a draft is written as, after ``number`` ("3. ")."""
    lines = question_lines(draft.question(), number)
    if kind(draft.kind).answer is not AnswerForm.ORDER:
        return lines
    # as numbered, even 1, 1, 3: `check`'s rule then names the problem
    marks = [f"    - [{p}] {c}" for p, c in zip(draft.order, draft.choices, strict=True)]
    return [lines[0], *marks]


def edit_entry(text: str, key: str, term: str, definition: str) -> Change:
    """Change a glossary entry's term and definition; its comment (provenance) stays,
    with ``status: reviewed`` unless it is locked."""
    item = find_item(_parse(text), key)
    entry = _new_entry(term, definition)
    lines = entry_lines(entry)
    _, meta = split_comment(item.item.raw or "")
    if meta is not None:
        lines.append(comment_line(_reviewed(meta)))
    new = _replace(text, item.start, item.end, lines)
    _validate(text, new, item.start, len(lines), lambda got: _same_entry(got, entry))
    return Change(new, entry_key(entry))


def edit_question(text: str, key: str, draft: QuestionDraft) -> Change:
    """Change a question's prompt, choices, answer and accepted answers; its comment
    stays (with ``status: reviewed`` unless locked, and ``accept:`` as given), and
    evidence that no longer holds the answer is replaced or removed as
    `generate --update` does."""
    draft = draft.checked()
    item = find_item(_parse(text), key)
    question = item.item
    if not isinstance(question, Question):
        raise EditError("This item is a glossary entry, not a question.")
    if draft.kind != question.kind:
        raise EditError("The question's kind cannot be changed here: add a new question.")
    number = _number_of(question.raw or "")
    lines = _draft_lines(draft, number)
    _, meta = split_comment(question.raw or "")
    if meta is not None or draft.accept:
        meta = _reviewed(meta if meta is not None else {"source": "teacher", "status": REVIEWED})
        meta.pop("accept", None)
        if draft.accept:
            meta = _insert_accept(meta, list(draft.accept))
        lines.append(comment_line(meta))
    new = _replace(text, item.start, item.end, lines)
    new, count = _refreshed(new, item.start, len(lines))
    _validate(text, new, item.start, count, lambda got: _same_question(got, draft))
    return Change(new, _key_at(new, item.start))


def _new_entry(term: str, definition: str) -> GlossaryEntry:
    _no_comment_marks(term, definition)
    return GlossaryEntry(term=one_line(term), definition=one_line(definition))


COMMENT_MARKS = (
    "Text cannot hold '<!--' or '-->': in a lesson file they start and end the comment "
    "that says where an item came from."
)


def _no_comment_marks(*texts: str) -> None:
    if any("<!--" in t or "-->" in t for t in texts):
        raise EditError(COMMENT_MARKS)


def _reviewed(meta: dict[str, Any]) -> dict[str, Any]:
    meta = dict(meta)
    if meta.get("status", GENERATED) != LOCKED:
        meta["status"] = REVIEWED
    return meta


def _insert_accept(meta: dict[str, Any], accept: list[str]) -> dict[str, Any]:
    """``accept:`` where the writer puts it: after ``status``, before ``evidence``."""
    out: dict[str, Any] = {}
    for name, value in meta.items():
        if name == "evidence":
            out["accept"] = accept
        out[name] = value
    out.setdefault("accept", accept)
    return out


def _number_of(raw: str) -> str:
    match = _NUMBER.match(raw)
    return match.group(0).lstrip() if match else "1. "


def _refreshed(text: str, start: int, count: int) -> tuple[str, int]:
    """The text with the question at ``start`` given fresh evidence when its evidence
    went stale (fileformat.refresh_evidence), and its new number of lines."""
    try:
        lesson = parse_lesson(text)
    except CompanionError:
        return text, count  # _validate says what is wrong
    for item in lesson_items(lesson):
        question = item.item
        if item.start == start and isinstance(question, Question):
            if not refresh_evidence(question, item.passage):
                break
            lines = (question.raw or "").split("\n")
            return _replace(text, item.start, item.end, lines), len(lines)
    return text, count


def _key_at(text: str, start: int) -> str | None:
    for item in lesson_items(_parse(text)):
        if item.start == start:
            return item.key
    return None


def add_entry(text: str, passage_id: str, term: str, definition: str) -> Change:
    """Add the teacher's own glossary entry (no comment: source teacher, reviewed) at the
    end of a passage's glossary, making the section when there is none."""
    lesson = _parse(text)
    passage = find_passage(lesson, passage_id)
    entry = _new_entry(term, definition)
    lines = entry_lines(entry)
    new, start = _insert(text, lesson, passage, "glossary", lines)
    _validate(text, new, start, len(lines), lambda got: _same_entry(got, entry))
    return Change(new, entry_key(entry))


def add_question(text: str, passage_id: str, draft: QuestionDraft) -> Change:
    """Add the teacher's own question at the end of a passage's questions (numbered
    after the last one), making the section when there is none."""
    draft = draft.checked()
    lesson = _parse(text)
    passage = find_passage(lesson, passage_id)
    last = passage.questions[-1].raw if passage.questions else ""
    number = int(_number_of(last).rstrip(".) ")) + 1 if last else 1
    lines = _draft_lines(draft, f"{number}. ")
    if draft.accept:
        meta = {"source": "teacher", "status": REVIEWED, "accept": list(draft.accept)}
        lines.append(comment_line(meta))
    new, start = _insert(text, lesson, passage, "questions", lines)
    _validate(text, new, start, len(lines), lambda got: _same_question(got, draft))
    return Change(new, _key_at(new, start))


def _insert(
    text: str, lesson: Lesson, passage: Passage, section: str, new: list[str]
) -> tuple[str, int]:
    """The text with ``new`` at the end of a passage's section (after a blank line), and
    the index of its first line. A missing section is made: a glossary goes before the
    questions, questions at the end of the passage."""
    lines = text.split("\n")
    items = [i for i in lesson_items(lesson) if i.passage is passage]
    heads = _section_heads(lines, lesson, passage, items)
    own = [i for i in items if i.is_question == (section == "questions")]
    heading = f"### {section.capitalize()}"
    if own or section in heads:
        at = own[-1].end if own else heads[section] + 1
        before, after = [""], []
    elif section == "glossary" and "questions" in heads:
        at = heads["questions"]
        before, after = [heading, ""], [""]
    else:
        at = _last_filled_line(lines, _passage_end(lines, lesson, passage)) + 1
        before, after = ["", heading, ""], []
    crlf = at > 0 and lines[at - 1].endswith("\r")
    block = [line + "\r" if crlf else line for line in [*before, *new, *after]]
    return "\n".join([*lines[:at], *block, *lines[at:]]), at + len(before)


def _passage_end(lines: list[str], lesson: Lesson, passage: Passage) -> int:
    index = lesson.passages.index(passage)
    if index + 1 < len(lesson.passages):
        return lesson.passages[index + 1].line - 1
    return len(lines)


def _last_filled_line(lines: list[str], end: int) -> int:
    at = end - 1
    while at > 0 and not lines[at].strip():
        at -= 1
    return at


def _section_heads(
    lines: list[str], lesson: Lesson, passage: Passage, items: list[Item]
) -> dict[str, int]:
    """Where a passage's '### Glossary' and '### Questions' lines are (not inside items)."""
    inside = {n for i in items for n in range(i.start, i.end)}
    heads: dict[str, int] = {}
    for at in range(passage.line, _passage_end(lines, lesson, passage)):
        match = _SECTION.match(lines[at].rstrip("\r"))
        if match and at not in inside:
            heads.setdefault(match.group(1).lower(), at)
    return heads


# --------------------------------------------------------------------------- checking


def _validate(
    old: str, text: str, start: int, count: int, same: Callable[[GlossaryEntry | Question], str]
) -> None:
    """Refuse a change whose item breaks a rule of `companion check`, that makes a new
    problem elsewhere (a term already in the glossary further down), or whose item does
    not read back as it was given (``same`` says how it differs, "" when it does not)."""
    try:
        lesson, soft = parse_lesson_with_problems(text)
    except CompanionError as exc:
        raise EditError(f"This cannot be written in a lesson file: {exc.message}.") from None
    lines = range(start + 1, start + count + 1)
    found = _check_problems((lesson, soft))
    before = Counter(_unlined(m) for _, m in _check_problems(parse_lesson_with_problems(old)))
    after = Counter(_unlined(m) for _, m in found)
    new = [m for m, _ in (after - before).items()]
    problems = [m for line, m in found if line in lines or _unlined(m) in new]
    problems = list(dict.fromkeys(problems))
    got = next((i.item for i in lesson_items(lesson) if i.start == start), None)
    if not problems:
        difference = "it would not be read back" if got is None else same(got)
        if difference:
            problems.append(f"This cannot be written in a lesson file as it is: {difference}.")
    if problems:
        raise EditError(_sentence(problems[0]), [_sentence(p) for p in problems])


def _check_problems(parsed: Lesson | tuple[Lesson, list[tuple[int, str]]]) -> list[tuple[int, str]]:
    """What `companion check` reports about a parsed lesson (its errors, not warnings)."""
    lesson, soft = parsed if isinstance(parsed, tuple) else (parsed, [])
    return [*soft, *check_lesson(lesson), *limit_problems(lesson), *id_problems(lesson)]


_LINE_REF = re.compile(r" \(line \d+\)")


def _unlined(message: str) -> str:
    """A problem's message without the line it refers to (lines move with a change)."""
    return _LINE_REF.sub("", message)


def _sentence(message: str) -> str:
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


def _same_entry(got: GlossaryEntry | Question, entry: GlossaryEntry) -> str:
    if not isinstance(got, GlossaryEntry):
        return "it would be read as a question"
    if got.term != entry.term:
        return "a term must be one line of text, not starting with ':' or '#'"
    if got.definition != entry.definition:
        return "the definition would read differently"
    return ""


def _same_question(got: GlossaryEntry | Question, draft: QuestionDraft) -> str:
    if not isinstance(got, Question):
        return "it would be read as a glossary entry"
    spec = kind(draft.kind)
    if got.kind != draft.kind:
        if spec.blank and not BLANK_RE.search(draft.prompt):
            return "a fill-in-the-blank prompt needs a blank '_____'"
        if spec.blank is False and BLANK_RE.search(draft.prompt):
            return f"a blank '_____' in the prompt would make it {got.spec.label.lower()}"
        return f"it would be read as {got.spec.label.lower()}"
    wanted = draft.question(got.id)
    for name in ("prompt", "choices", "answer", "accept"):
        if getattr(got, name) != getattr(wanted, name):
            return f"its {name} would read differently"
    return ""


# --------------------------------------------------------------------------- the file


def content_version(data: bytes) -> str:
    """A fingerprint of a lesson file's bytes: the page sends it back with each change."""
    return hashlib.sha256(data).hexdigest()[:20]


@dataclass(frozen=True)
class Loaded:
    """A lesson file as a page loads it: its text, version and parsed lesson."""

    text: str
    version: str
    lesson: Lesson


def load(path: Path, slug: str = "lesson") -> Loaded:
    data = path.read_bytes()
    text = data.decode("utf-8")
    lesson = parse_lesson(text, slug=slug, path=str(path))
    return Loaded(text, content_version(data), lesson)


@dataclass(frozen=True)
class Saved:
    change: Change
    version: str
    backup: Path | None  # None when the change left the file as it was


def save_change(path: Path, version: str, change: Callable[[str], Change]) -> Saved:
    """Apply ``change`` to the lesson file, if it is still at ``version``: back it up,
    write it atomically. Raises ConflictError (the file changed since it was loaded) or
    EditError (the change cannot be made); nothing is written then."""
    with folder_lock(path.parent):
        data = path.read_bytes()
        if content_version(data) != version:
            raise ConflictError(CONFLICT, str(path))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise EditError("The lesson file is not valid UTF-8 text.") from None
        result = change(text)
        if result.text == text:
            return Saved(result, version, None)
        saved = backup(path)
        write_atomic(path, result.text)
        return Saved(result, content_version(result.text.encode("utf-8")), saved)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """One change at a time to a folder's lessons, across threads and server processes
    (an editor takes no lock: the version check is what protects its edits)."""
    folder = folder / ".backup"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
