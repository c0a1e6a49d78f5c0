"""text2qti's plain-text quiz format, and the QTI 1.2 package text2qti builds from it
(Canvas, and Blackboard, Schoology, Brightspace...; docs/exports.md).

The QTI zip is never written by hand: ``write_qti`` writes the text2qti source and
converts it with text2qti itself, so the package is what a teacher would get by
running ``text2qti`` on the ``--format text2qti`` file.

Every text in the source is Markdown (text2qti's), so the writer escapes it: Markdown's
own characters, text2qti's ``$`` (LaTeX math) and the quotes, dashes and dots its
"smarty" extension would turn into curly ones; a passage goes in as the sanitised HTML
the lesson page shows. Typed answers are plain text in text2qti: they are written as
they are.
"""

from __future__ import annotations

import re

from text2qti.config import Config
from text2qti.err import Text2qtiError
from text2qti.qti import QTI
from text2qti.quiz import Quiz

from companion.common.textutil import one_line, plural
from companion.lesson.model import Lesson
from companion.views.exports.common import (
    Export,
    ExportError,
    Item,
    Shape,
    choices_of,
    clean,
    feedback_lines,
    is_true,
    items,
    passage_html,
    right_index,
    typed_answers,
)

ORDER_ESSAY = "Write them in order, first to last."  # a sequence, as an essay
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]\"'$])")
_RUNS = re.compile(r"(?<=-)-|-(?=-)|(?<=\.)\.|\.(?=\.)")  # "--" and "..." (smarty)
_LIST_START = re.compile(r"^(\d+)([.)])")


def markdown(text: str) -> str:
    """One line of plain text as text2qti Markdown that shows that same text."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _BACKSLASHED.sub(r"\\\1", text)
    text = _RUNS.sub(lambda m: "\\" + m.group(0), text)
    text = _LIST_START.sub(r"\1\\\2", text)  # "1989. The year" is no list
    if text and text[0] in "#+-=~:!%":  # no heading, list, rule or fence
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


def raw_html(html: str) -> str:
    """Sanitised HTML as a raw HTML block: ``$`` and ``\\`` as character references, so
    that text2qti reads no math and no escape in it."""
    return "<div>" + html.replace("\\", "&#92;").replace("$", "&#36;") + "</div>"


def write_text2qti(lesson: Lesson) -> Export:
    source, count, notes = text2qti_source(lesson)
    summary = plural(count, "question")
    return Export(source.encode("utf-8"), summary, tuple(notes))


def write_qti(lesson: Lesson) -> Export:
    """The QTI 1.2 zip, converted from the text2qti source by text2qti."""
    source, count, notes = text2qti_source(lesson)
    try:
        quiz = Quiz(source, config=Config(), source_name=f"{lesson.slug}-text2qti.txt")
        data = QTI(quiz).zip_bytes()
    except Text2qtiError as exc:
        raise ExportError(f"text2qti cannot convert it: {one_line(str(exc))}") from None
    return Export(data, plural(count, "question"), tuple(notes))


def text2qti_source(lesson: Lesson) -> tuple[str, int, list[str]]:
    exported, notes = items(lesson)
    if not exported:
        raise ExportError("the lesson has no questions to export")
    about = f"Read each passage of “{lesson.title}”, then answer the questions after it."
    blocks = [f"Quiz title: {one_line(lesson.title)}", f"Quiz description: {markdown(about)}"]
    seen: set[str] = set()
    for number, passage in enumerate(lesson.passages, 1):
        mine = [item for item in exported if item.passage is passage]
        if not mine:
            continue
        blocks.append(
            f"Text title: Passage {number}: {one_line(passage.heading)}\n"
            f"Text: {raw_html(passage_html(passage))}"
        )
        blocks += [question(item, seen) for item in mine]
    return clean("\n\n".join(blocks)) + "\n", len(exported), notes


def question(item: Item, seen: set[str]) -> str:
    """One question: its title, its prompt, the general feedback, then its answers."""
    start = f"{item.number}.  "
    prompt = unique(prompt_text(item, " " * len(start)), seen)
    lines = [f"Title: Question {item.number}", start + prompt]
    feedback = " ".join(feedback_lines(item))
    if feedback:
        lines.append(f"... {markdown(feedback)}")
    lines += answer_lines(item)
    return "\n".join(lines)


def prompt_text(item: Item, indent: str) -> str:
    """The prompt; a sequence (an essay here: text2qti has no ordering) lists its items,
    on lines as deep as the prompt's text (text2qti's rule for a wrapped paragraph)."""
    text = markdown(item.question.prompt)
    if item.shape is not Shape.ORDER:
        return text
    bullets = "\n".join(f"{indent}- {markdown(choice)}" for choice in item.question.choices)
    return f"{text} {markdown(ORDER_ESSAY)}\n\n{bullets}"


def unique(prompt: str, seen: set[str]) -> str:
    """text2qti refuses two questions with the same text: a repeated prompt is numbered."""
    text, n = prompt, 2
    while text in seen:
        text, n = f"{prompt} ({n})", n + 1
    seen.add(text)
    return text


def answer_lines(item: Item) -> list[str]:
    q = item.question
    if item.shape is Shape.CHOICE:
        right = right_index(q)
        return [choice_line(i, i == right, text) for i, text in enumerate(choices_of(q))]
    if item.shape is Shape.TRUE_FALSE:
        truth = is_true(q)
        return [choice_line(0, truth, "True"), choice_line(1, not truth, "False")]
    if item.shape is Shape.TYPED:
        return [f"*   {answer}" for answer in typed_answers(q)]
    return ["____"]  # an essay (an open question, or a sequence)


def choice_line(index: int, right: bool, text: str) -> str:
    letter = chr(ord("a") + index % 26)
    marker = f"*{letter})" if right else f"{letter}) "
    return f"{marker} {markdown(text)}"
