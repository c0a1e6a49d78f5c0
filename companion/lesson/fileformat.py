"""Read and write lesson files: Markdown with YAML front matter.

The format is specified in docs/lesson-format.md. In short::

    ---
    title: ...
    ---

    ## Passage heading

    Paragraph (Markdown, one paragraph per block).

    ### Glossary

    Term
    :   Definition
        <!-- {source: article, status: generated, evidence: ..., hash: ...} -->

    ### Questions

    1. Prompt?
        - [ ] wrong choice
        - [x] right choice
        <!-- {id: q-..., paragraph: 3, source: ..., status: generated, ...} -->

Provenance lives in HTML comments: teachers see it in the file, students never do.
A value containing '-->' (which would end the comment) is written as a double-quoted
YAML string with the '>' escaped ('--\\x3E'), which any YAML reader turns back into '-->'.
Writing a parsed file gives back the same bytes: every parsed item keeps its own text.

YAML is read by one strict loader (``load_yaml``): a lesson file comes from anyone, so
anchors and aliases (the "billion laughs"), deep nesting, huge values and text that is
not valid Unicode are refused as a one-line LessonFileError instead of hanging or
crashing the app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from companion.common.errors import LessonFileError
from companion.lesson.evidence import fresh_evidence, mark_stale_evidence
from companion.lesson.kinds import KIND_LIST, MAX_TEXT_ANSWER, AnswerForm, Choices, Grading, Kind
from companion.lesson.model import STATUSES, GlossaryEntry, Lesson, Passage, Question, fingerprint

BLANK = "_____"
BLANK_RE = re.compile(r"_{3,}")
INDENT = "    "
_QUESTION_START = re.compile(r"^(\d+)[.)]\s+(.*)$")
_CHOICE = re.compile(r"^[-*+]\s+\[( |x|X|\d+)\]\s+(.*)$")
_KEY_LABELS = tuple(dict.fromkeys(k.key_label for k in KIND_LIST))  # "Answer", "Sample answer"
_KEY_LINE = re.compile(
    rf"^({'|'.join(re.escape(label) for label in _KEY_LABELS)}):\s*(.*)$", re.IGNORECASE
)
_SUBSECTION = re.compile(r"^###\s+(.*?)\s*#*\s*$")
_PASSAGE = re.compile(r"^##\s+(.*?)\s*#*\s*$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TYPED_KINDS = " and ".join(  # "fill in the blank (without choices) and short answer"
    k.label.lower() + (" (without choices)" if k.choices is Choices.WORD_BANK else "")
    for k in KIND_LIST
    if k.grading is Grading.TYPED
)

MAX_YAML_DEPTH = 20  # nested lists/mappings in the front matter or an item's comment
MAX_YAML_STRING = 10_000  # characters in one YAML string
MAX_YAML_TEXT = 200_000  # characters in one front matter block or comment
_COMMENT_END_ESCAPED = "--\\x3E"  # '-->' inside a double-quoted YAML string


# --------------------------------------------------------------------------- writing


def write_lesson(lesson: Lesson) -> str:
    """The lesson as the text of a lesson file."""
    front: dict[str, Any] = {"title": lesson.title}
    if lesson.source:
        front["source"] = lesson.source
    front.update(lesson.meta)
    text = _dump_yaml(front).rstrip("\n")
    if lesson.front_raw is not None and _load_yaml_quietly(lesson.front_raw) == front:
        text = lesson.front_raw
    out = ["---", text, "---", ""]
    for passage in lesson.passages:
        out += [f"## {_one_line(passage.heading)}", ""]
        for paragraph in passage.paragraphs:
            out += [paragraph, ""]
        if passage.glossary or passage.drafts:
            out += ["### Glossary", ""]
            # in file order (a parsed entry has its line), new entries after
            entries = [*passage.glossary, *passage.drafts]
            for entry in sorted(entries, key=lambda e: (e.line == 0, e.line)):
                out += [entry.raw if entry.raw is not None else format_entry(entry), ""]
        if passage.questions:
            out += ["### Questions", ""]
            for number, question in enumerate(passage.questions, start=1):
                text = (
                    question.raw if question.raw is not None else format_question(question, number)
                )
                out += [text, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def format_entry(entry: GlossaryEntry) -> str:
    meta = {
        "source": entry.source,
        "status": entry.status,
        "evidence": entry.evidence,
        "hash": entry.content_hash(),
    }
    return "\n".join([*entry_lines(entry), _comment(meta)])


def entry_lines(entry: GlossaryEntry) -> list[str]:
    """A glossary entry's term and definition lines, as written in a lesson file."""
    return [_one_line(entry.term), f":   {_one_line(entry.definition)}".rstrip()]


def format_question(question: Question, number: int) -> str:
    lines = question_lines(question, f"{number}. ")
    meta: dict[str, Any] = {"id": question.id}
    if question.paragraph is not None:
        meta["paragraph"] = question.paragraph
    meta["source"] = question.source
    meta["status"] = question.status
    if question.accept:
        meta["accept"] = list(question.accept)
    meta["evidence"] = question.evidence
    meta["hash"] = question.content_hash()
    lines.append(_comment(meta))
    return "\n".join(lines)


def question_lines(question: Question, number: str) -> list[str]:
    """A question's prompt line (after ``number``, such as "3. ") and the lines of its
    choices or answer, as written in a lesson file."""
    return [f"{number}{_one_line(question.prompt)}", *_answer_lines(question)]


def _answer_lines(question: Question) -> list[str]:
    """The lines under a question's prompt that give its choices and answer."""
    spec = question.spec
    if spec.answer is AnswerForm.ORDER:
        order = list(question.answer) if isinstance(question.answer, list) else []
        positions = [order.index(c) + 1 if c in order else 0 for c in question.choices]
        return [_choice_line(p, c) for p, c in zip(positions, question.choices, strict=True)]
    if spec.answer is AnswerForm.BOOLEAN:
        truth = "true" if str(question.answer).lower() == "true" else "false"
        return [_choice_line("x" if c.lower() == truth else " ", c) for c in spec.fixed_choices]
    if question.choices:
        marks = ["x" if c == question.answer else " " for c in question.choices]
        return [_choice_line(m, c) for m, c in zip(marks, question.choices, strict=True)]
    return [f"{INDENT}{spec.key_label}: {_one_line(str(question.answer))}".rstrip()]


def refresh_stale_evidence(lesson: Lesson) -> list[Question]:
    """For `generate --update`: give each question whose evidence was stale (see
    companion.lesson.evidence) the one sentence of its passage that holds its answer, or
    no evidence when there is no such sentence. Its comment is rewritten with the new
    evidence and paragraph; every other key, the hash included, stays as it was (so the
    question still counts as edited). Returns the questions changed."""
    return [
        question
        for passage in lesson.passages
        for question in passage.questions
        if refresh_evidence(question, passage)
    ]


def refresh_evidence(question: Question, passage: Passage) -> bool:
    """Give one question with stale evidence the sentence of its passage that holds its
    answer, or none (see refresh_stale_evidence); True when it had stale evidence."""
    if not question.stale_evidence or question.raw is None:
        return False
    evidence, paragraph = fresh_evidence(question, passage) or ("", None)
    question.raw = _with_evidence(question.raw, evidence, paragraph)
    question.evidence, question.paragraph = evidence, paragraph
    question.stale_evidence = ""
    return True


def _with_evidence(raw: str, evidence: str, paragraph: int | None) -> str:
    """An item's text with its comment's ``evidence`` and ``paragraph`` replaced (or
    removed, when ``evidence`` is empty)."""
    lines, meta = split_comment(raw)
    meta = dict(meta or {})
    if evidence:
        meta["paragraph"], meta["evidence"] = paragraph, evidence
    else:
        meta.pop("paragraph", None)
        meta.pop("evidence", None)
    return "\n".join([*lines, comment_line(meta)])


def split_comment(raw: str) -> tuple[list[str], dict[str, Any] | None]:
    """An item's lines before its provenance comment, and the comment's data (None when
    it has no comment: the item is the teacher's)."""
    lines = raw.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("<!--")), None)
    if start is None:
        return lines, None
    body = "\n".join(lines[start:]).strip()[4:-3]
    return lines[:start], dict(load_yaml(body) or {})


def comment_line(meta: dict[str, Any]) -> str:
    """An item's provenance comment, as one indented line (see _comment)."""
    return _comment(meta)


def _choice_line(mark: str | int, choice: str) -> str:
    return f"{INDENT}- [{mark}] {_one_line(choice)}"


class _CommentDumper(yaml.SafeDumper):
    """safe_dump, except that a string containing '-->' is always double-quoted, so that
    its '-->' can be escaped (see _comment)."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if "-->" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_CommentDumper.add_representer(str, _represent_str)


def _comment(meta: dict[str, Any]) -> str:
    body = yaml.dump(
        meta,
        Dumper=_CommentDumper,
        default_flow_style=True,
        sort_keys=False,
        allow_unicode=True,
        width=2**31,
    ).strip()
    # Every '-->' is inside a double-quoted string (no YAML punctuation makes one), where
    # '\x3E' reads back as '>': the comment stays open and the value round-trips exactly.
    body = body.replace("-->", _COMMENT_END_ESCAPED)
    if "-->" in body:  # pragma: no cover - cannot happen, but never write a broken comment
        raise ValueError("a lesson item's provenance cannot contain '-->'")
    return f"{INDENT}<!-- {body} -->"


def _dump_yaml(data: dict[str, Any]) -> str:
    # Lists stay on one line ("generated: [a, b]"): the front matter stays short.
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=2**31, default_flow_style=None
    )


def _load_yaml_quietly(text: str) -> Any:
    try:
        return load_yaml(text)
    except LessonFileError:
        return None


class _Refused(yaml.MarkedYAMLError):
    """YAML that the strict loader will not read (its problem and the mark of where)."""


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases, nesting deeper than MAX_YAML_DEPTH,
    strings longer than MAX_YAML_STRING and lone surrogates (e.g. a "\\ud800" escape)."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                problem="aliases ('*name') are not allowed", problem_mark=event.start_mark
            )
        if getattr(event, "anchor", None) is not None:
            raise _Refused(
                problem="anchors ('&name') are not allowed", problem_mark=event.start_mark
            )
        if isinstance(event, yaml.ScalarEvent):
            _check_string(event.value, event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise _Refused(
                    problem=f"lists or mappings nested more than {MAX_YAML_DEPTH} deep",
                    problem_mark=event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _check_string(value: str, mark: Any) -> None:
    if len(value) > MAX_YAML_STRING:
        raise _Refused(
            problem=f"a value longer than {MAX_YAML_STRING:,} characters", problem_mark=mark
        )
    if _SURROGATE.search(value):
        raise _Refused(
            problem="a value that is not valid Unicode (a lone surrogate)", problem_mark=mark
        )


def load_yaml(
    text: str, path: str | None = None, line: int = 1, what: str = "YAML", invalid: str = ""
) -> Any:
    """The data in a YAML text, read strictly (see _StrictLoader). Any problem is a
    one-line LessonFileError naming the file line (``line`` is the text's first line):
    "<what>: <problem>", or ``invalid`` (when given) for a plain syntax error."""
    if len(text) > MAX_YAML_TEXT:
        raise LessonFileError(f"{what}: longer than {MAX_YAML_TEXT:,} characters", path, line)
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "invalid YAML"
        where = line + mark.line if mark is not None else line
        lines = text.split("\n")
        at = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
        hint = _colon_hint(str(problem), at)
        if invalid and not isinstance(exc, _Refused):
            raise LessonFileError(invalid + hint, path, line) from None
        raise LessonFileError(f"{what}: {_one_line(problem)}{hint}", path, where) from None
    except (RecursionError, ValueError, TypeError, OverflowError, UnicodeError) as exc:
        # e.g. int() of a 5,000-digit number; never a traceback for a bad file
        message = _one_line(str(exc))[:200] or type(exc).__name__
        raise LessonFileError(f"{what}: cannot read a value ({message})", path, line) from None
    finally:
        loader.dispose()


def _colon_hint(problem: str, line_text: str) -> str:
    """The fix for YAML's complaint about a value holding ': ' (a title such as
    "Panjshir Valley: Taliban clash"): put the value in quotes, shown on the line itself."""
    if "mapping values are not allowed" not in problem and "got ':'" not in problem:
        return ""
    key, sep, value = line_text.strip().partition(": ")
    if not sep or not key.isidentifier() or not value.strip():
        return " (a value that holds ': ' must be in quotes)"
    value = value.strip()
    quoted = f'"{value}"' if '"' not in value else "'" + value.replace("'", "''") + "'"
    return f" (a value that holds ': ' must be in quotes: {key}: {_one_line(quoted)[:80]})"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# --------------------------------------------------------------------------- reading


@dataclass
class _Line:
    number: int
    text: str


def parse_lesson(text: str, slug: str = "lesson", path: str = "") -> Lesson:
    """Parse a lesson file; raise LessonFileError naming the line of a fatal problem."""
    return _Parser(text, slug, path).parse()


def parse_lesson_with_problems(
    text: str, slug: str = "lesson", path: str = ""
) -> tuple[Lesson, list[tuple[int, str]]]:
    """Parse a lesson file and also return the (line, message) problems it tolerated."""
    parser = _Parser(text, slug, path)
    lesson = parser.parse()
    return lesson, parser.problems


class _Parser:
    def __init__(self, text: str, slug: str, path: str):
        if text.startswith("\ufeff"):
            text = text[1:]
        self.lines = [_Line(i, t.rstrip("\r")) for i, t in enumerate(text.split("\n"), start=1)]
        self.slug = slug
        self.path = path
        surrogate = _SURROGATE.search(text)
        if surrogate:
            line = text.count("\n", 0, surrogate.start()) + 1
            raise self.error("the text is not valid Unicode (a lone surrogate)", line)
        self.pos = 0
        self.problems: list[tuple[int, str]] = []  # soft problems, for `companion check`

    def error(self, message: str, line: int) -> LessonFileError:
        return LessonFileError(message, self.path or None, line)

    # -- top level
    def parse(self) -> Lesson:
        meta = self.front_matter()
        front_raw = self.front_raw
        title = meta.pop("title", None)
        source = meta.pop("source", "")
        lesson = Lesson(
            slug=self.slug,
            title=str(title) if title is not None else self.slug,
            source="" if source is None else str(source),
            meta=meta,
            front_raw=front_raw,
        )
        if title is None:
            self.problems.append((1, "the front matter has no 'title:'"))
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if not line.text.strip():
                self.pos += 1
                continue
            match = _PASSAGE.match(line.text)
            if not match:
                raise self.error(
                    "text outside a passage: start each passage with a '## Heading' line",
                    line.number,
                )
            self.pos += 1
            lesson.passages.append(self.passage(match.group(1), line.number))
        lesson.renumber()
        return lesson

    def front_matter(self) -> dict[str, Any]:
        if not self.lines or self.lines[0].text.strip() != "---":
            raise self.error("the file must start with '---' and a front matter block", 1)
        for index in range(1, len(self.lines)):
            if self.lines[index].text.strip() == "---":
                block = "\n".join(line.text for line in self.lines[1:index])
                self.front_raw = block
                self.pos = index + 1
                data = (
                    load_yaml(block, self.path or None, 2, "front matter") if block.strip() else {}
                )
                if not isinstance(data, dict):
                    raise self.error("front matter must be 'key: value' lines", 2)
                return {str(k): v for k, v in data.items()}
        raise self.error("front matter is not closed with a '---' line", 1)

    # -- passages
    def passage(self, heading: str, line_number: int) -> Passage:
        passage = Passage(id="", heading=heading, line=line_number)
        paragraph: list[str] = []
        section = "text"
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if _PASSAGE.match(line.text):
                break
            sub = _SUBSECTION.match(line.text)
            if sub:
                if paragraph:
                    passage.paragraphs.append("\n".join(paragraph))
                    paragraph = []
                name = sub.group(1).strip().lower()
                if name not in ("glossary", "questions"):
                    raise self.error(
                        f"unknown section '### {sub.group(1)}': use '### Glossary' or "
                        "'### Questions'",
                        line.number,
                    )
                section = name
                self.pos += 1
                continue
            if section == "text":
                self.pos += 1
                if line.text.strip():
                    paragraph.append(line.text)
                elif paragraph:
                    passage.paragraphs.append("\n".join(paragraph))
                    paragraph = []
            elif not line.text.strip():
                self.pos += 1
            elif section == "glossary":
                entry = self.entry()
                (passage.drafts if entry.is_draft else passage.glossary).append(entry)
            else:
                passage.questions.append(self.question())
        if paragraph:
            passage.paragraphs.append("\n".join(paragraph))
        return passage

    def item_lines(self) -> list[_Line]:
        """The lines of one glossary entry or question: up to a blank line or a heading,
        taking in a whole HTML comment even if it spans blank lines."""
        start = self.pos
        self.pos += 1
        in_comment = "<!--" in self.lines[start].text and "-->" not in self.lines[start].text
        while self.pos < len(self.lines):
            text = self.lines[self.pos].text
            if not in_comment and (not text.strip() or text.startswith("#")):
                break
            if not in_comment and not text[:1].isspace() and not text.startswith(":"):
                break  # the next glossary term or question at column 0
            if "<!--" in text and "-->" not in text.split("<!--", 1)[1]:
                in_comment = True
            elif "-->" in text:
                in_comment = False
            self.pos += 1
        if in_comment:
            raise self.error(
                "an HTML comment '<!--' is not closed with '-->'", self.lines[start].number
            )
        return self.lines[start : self.pos]

    def entry(self) -> GlossaryEntry:
        lines = self.item_lines()
        first = lines[0]
        if first.text.startswith(":") or first.text[:1].isspace():
            raise self.error(
                "a definition (':   ...') must follow a term on its own line", first.number
            )
        term = first.text.strip()
        definition_parts: list[str] = []
        meta: dict[str, Any] | None = None
        comment_lines: list[_Line] = []
        seen_definition = False
        for line in lines[1:]:
            stripped = line.text.strip()
            if comment_lines or stripped.startswith("<!--"):
                comment_lines.append(line)
                continue
            if line.text.startswith(":"):
                if seen_definition:
                    raise self.error(f"'{term}' has more than one definition", line.number)
                seen_definition = True
                definition_parts.append(line.text[1:].strip())
            elif seen_definition:
                definition_parts.append(stripped)
            else:
                raise self.error(
                    f"glossary term '{term}' must be one line, followed by ':   definition'",
                    line.number,
                )
        if not seen_definition:
            raise self.error(
                f"glossary term '{term}' has no definition line (':   ...')", first.number
            )
        if comment_lines:
            meta = self.comment_meta(comment_lines)
        entry = GlossaryEntry(term=term, definition=" ".join(definition_parts).strip())
        self.apply_meta(entry, meta, first.number)
        entry.raw = "\n".join(line.text for line in lines)
        entry.line = first.number
        return entry

    def question(self) -> Question:
        lines = self.item_lines()
        first = lines[0]
        match = _QUESTION_START.match(first.text)
        if not match:
            raise self.error(
                "a question must start with its number, like '1. What happened?'", first.number
            )
        prompt_parts = [match.group(2).strip()]
        marks: list[tuple[str, str]] = []
        key: tuple[str, str] | None = None
        comment_lines: list[_Line] = []
        for line in lines[1:]:
            stripped = line.text.strip()
            if comment_lines or stripped.startswith("<!--"):
                comment_lines.append(line)
                continue
            choice = _CHOICE.match(stripped)
            key_line = _KEY_LINE.match(stripped)
            if choice:
                marks.append((choice.group(1).lower(), choice.group(2).strip()))
            elif key_line:
                key = (key_line.group(1).lower(), key_line.group(2).strip())
            elif not marks and key is None:
                prompt_parts.append(stripped)
            else:
                lines_allowed = ["'- [ ] choice'", *(f"'{k}: ...'" for k in _KEY_LABELS)]
                raise self.error(
                    f"unexpected line in a question: use {_one_of(lines_allowed)}", line.number
                )
        prompt = " ".join(p for p in prompt_parts if p)
        spec = _kind_of_shape(prompt, marks, key)
        if spec is None:
            raise self.error("this question's shape matches no question kind", first.number)
        question = _build_question(spec, prompt, marks, key)
        correct = sum(1 for mark, _ in marks if mark == "x")
        if marks and spec.answer is not AnswerForm.ORDER and correct != 1:
            self.problems.append(
                (
                    first.number,
                    "no choice is marked correct ('- [x]')"
                    if correct == 0
                    else "more than one choice is marked correct ('- [x]')",
                )
            )
        meta = self.comment_meta(comment_lines) if comment_lines else None
        self.apply_meta(question, meta, first.number)
        question.raw = "\n".join(line.text for line in lines)
        question.line = first.number
        return question

    def comment_meta(self, lines: list[_Line]) -> dict[str, Any]:
        text = "\n".join(line.text for line in lines).strip()
        if not text.startswith("<!--") or not text.endswith("-->"):
            raise self.error(
                "expected one HTML comment '<!-- ... -->' after the item", lines[0].number
            )
        body = text[4:-3]
        first = lines[0].number + body[: len(body) - len(body.lstrip())].count("\n")
        body = body.strip()
        invalid = "the item's comment is not valid '{key: value}' data"
        data = (
            load_yaml(body, self.path or None, first, "the item's comment", invalid) if body else {}
        )
        if not isinstance(data, dict):
            raise self.error("the item's comment must be '{key: value, ...}'", lines[0].number)
        return data

    def apply_meta(
        self, item: GlossaryEntry | Question, meta: dict[str, Any] | None, line: int
    ) -> None:
        if meta is None:
            item.source, item.status = "teacher", "reviewed"
            if isinstance(item, Question):
                item.id = "q-" + fingerprint(item.prompt)
            return
        item.source = str(meta.get("source", "teacher"))
        item.status = str(meta.get("status", "generated"))
        if item.status not in STATUSES:
            raise self.error(
                f"unknown status '{item.status}': use one of {', '.join(STATUSES)}", line
            )
        item.evidence = str(meta.get("evidence", "") or "")
        if isinstance(item, Question):
            item.id = str(meta.get("id") or "q-" + fingerprint(item.prompt))
            paragraph = meta.get("paragraph")
            item.paragraph = paragraph if isinstance(paragraph, int) else None
            item.accept = self.accept_list(item, meta.get("accept"), line)
        stored = meta.get("hash")
        item.edited = stored is not None and str(stored) != item.content_hash()
        if isinstance(item, Question):
            mark_stale_evidence(item)

    def accept_list(self, question: Question, value: Any, line: int) -> list[str]:
        """A question's ``accept:`` (other right answers) as a list of strings; a soft
        problem for each thing wrong with it (docs/grading.md)."""
        if value is None or value == []:
            return []
        items = value if isinstance(value, list) else [value]
        if any(isinstance(v, (list, dict)) for v in items):
            message = "'accept:' must be a list of answers, like [in 1952, 1952]"
            self.problems.append((line, message))
            return []
        answers = [_one_line("" if v is None else v) for v in items]
        if not all(answers):
            self.problems.append((line, "'accept:' holds an empty answer"))
        if any(len(a) > MAX_TEXT_ANSWER for a in answers):
            self.problems.append(
                (line, f"an 'accept:' answer is longer than {MAX_TEXT_ANSWER} characters")
            )
        if question.spec.grading_of(question.choices) is not Grading.TYPED:
            self.problems.append((line, f"'accept:' is only used by {_TYPED_KINDS} questions"))
        return [a for a in answers if a]


def _one_of(options: list[str]) -> str:
    """'a', 'b' or 'c'."""
    return " or ".join([", ".join(options[:-1]), options[-1]]) if len(options) > 1 else options[0]


def _kind_of_shape(
    prompt: str, marks: list[tuple[str, str]], key: tuple[str, str] | None
) -> Kind | None:
    """The kind a question has in the file (see docs/lesson-format.md), read from the
    kind table. A kind with fixed choices (True, False) wins over one that takes any."""
    blank = BLANK_RE.search(prompt) is not None
    for spec in sorted(KIND_LIST, key=lambda k: not k.fixed_choices):
        if spec.blank in (None, blank) and _has_shape(spec, marks, key):
            return spec
    return None


def _has_shape(spec: Kind, marks: list[tuple[str, str]], key: tuple[str, str] | None) -> bool:
    """Whether a question written with these choice marks and key line can be of ``spec``:
    numbered items are an ORDER; `[x]` marks are choices (fixed ones must be the same, in
    the same order); without marks, the key line's label ('Answer' when there is none)."""
    if not marks:
        label = key[0] if key else "answer"
        return spec.choices in (Choices.NONE, Choices.WORD_BANK) and spec.key_label.lower() == label
    if all(m.isdigit() for m, _ in marks):
        return spec.answer is AnswerForm.ORDER
    if spec.answer is AnswerForm.ORDER or spec.choices is Choices.NONE:
        return False
    fixed = [c.lower() for c in spec.fixed_choices]
    return not fixed or [text.lower() for _, text in marks] == fixed


def _build_question(
    spec: Kind, prompt: str, marks: list[tuple[str, str]], key: tuple[str, str] | None
) -> Question:
    """A question of kind ``spec`` with its choices and answer as written in the file."""
    question = Question(id="", kind=spec.name, prompt=prompt)
    correct = [text for mark, text in marks if mark == "x"]
    if spec.answer is AnswerForm.ORDER:
        question.choices = [text for _, text in marks]
        question.answer = [text for _, text in sorted(marks, key=lambda m: int(m[0]))]
    elif spec.answer is AnswerForm.BOOLEAN:
        question.choices = list(spec.fixed_choices)
        question.answer = correct[0].lower() if len(correct) == 1 else ""
    elif marks:
        question.choices = [text for _, text in marks]
        question.answer = correct[0] if len(correct) == 1 else ""
    else:
        question.answer = key[1] if key else ""
    return question


def parse_glossary(text: str, path: str = "") -> list[GlossaryEntry]:
    """Parse a shared glossary file: glossary entries as in a lesson's '### Glossary'
    section, optionally under headings (which are ignored) and without front matter."""
    parser = _Parser(text, "glossary", path)
    entries: list[GlossaryEntry] = []
    while parser.pos < len(parser.lines):
        line = parser.lines[parser.pos]
        if not line.text.strip() or line.text.startswith("#"):
            parser.pos += 1
            continue
        if line.text.strip().startswith("<!--") and line.text.strip().endswith("-->"):
            parser.pos += 1  # a comment on its own, e.g. a note to colleagues
            continue
        entry = parser.entry()
        if entry.source == "teacher":
            entry.source = "shared glossary"
        entries.append(entry)
    return entries
