"""Moodle XML: the quiz questions, and the glossary as a Moodle glossary import file
(docs/exports.md). Built with lxml, so every text is escaped by the XML writer itself.

The questions follow Moodle's own export (``question/format/xml``): a category named
after the lesson, then for each passage a "description" holding its text, then its
questions. The glossary follows ``mod/glossary``'s export (``<GLOSSARY><INFO>...``).
"""

from __future__ import annotations

from lxml import etree

from companion.common.textutil import one_line, plural
from companion.lesson.model import Lesson
from companion.views.exports.common import (
    Export,
    ExportError,
    Item,
    Shape,
    choices_of,
    clean,
    evidence_line,
    feedback_lines,
    html_escape,
    is_true,
    items,
    paragraph_html,
    passage_html,
    right_index,
    sample_line,
    typed_answers,
)
from companion.views.render import render_markdown

PENALTY = "0.3333333"  # Moodle's default penalty for each wrong try

Element = etree._Element


def write_moodle_xml(lesson: Lesson) -> Export:
    exported, notes = items(lesson)
    if not exported:
        raise ExportError("the lesson has no questions to export")
    quiz = etree.Element("quiz")
    quiz.append(etree.Comment(f" {clean(comment_text(lesson))} "))
    quiz.append(category(lesson.title))
    for number, passage in enumerate(lesson.passages, 1):
        mine = [item for item in exported if item.passage is passage]
        if mine:
            quiz.append(description(f"Passage {number}: {passage.heading}", passage_html(passage)))
            quiz.extend(question(item) for item in mine)
    summary = plural(len(exported), "question")
    return Export(serialize(quiz), summary, tuple(notes))


def comment_text(lesson: Lesson) -> str:
    text = f"{one_line(lesson.title)}: exported by Companion from the lesson '{lesson.slug}'."
    return text.replace("--", "- -")  # "--" may not appear in an XML comment


def serialize(root: Element) -> bytes:
    body = etree.tostring(root, encoding="unicode", pretty_print=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


def add(parent: Element, tag: str, text: str = "", **attrs: str) -> Element:
    element = etree.SubElement(parent, tag, attrs)
    if text:
        element.text = clean(text)
    return element


def text_field(parent: Element, tag: str, text: str, fmt: str = "html") -> Element:
    """``<tag format="html"><text>...</text></tag>``, Moodle's shape for a text."""
    field = add(parent, tag, format=fmt) if fmt else add(parent, tag)
    add(field, "text", text)
    return field


def new_question(kind: str, name: str, text_html: str, feedback_html: str = "") -> Element:
    element = etree.Element("question", type=kind)
    text_field(element, "name", one_line(name), fmt="")
    text_field(element, "questiontext", text_html)
    text_field(element, "generalfeedback", feedback_html)
    add(element, "defaultgrade", "1" if kind != "description" else "0")
    add(element, "penalty", PENALTY if kind != "description" else "0")
    add(element, "hidden", "0")
    return element


def category(title: str) -> Element:
    """The question-bank category named after the lesson ("/" separates levels)."""
    element = etree.Element("question", type="category")
    text_field(element, "category", "$course$/top/" + one_line(title).replace("/", "//"), "")
    return element


def description(name: str, html: str) -> Element:
    return new_question("description", name, html)


def feedback_html(item: Item) -> str:
    return "".join(paragraph_html(line) for line in feedback_lines(item))


def question(item: Item) -> Element:
    build = BUILDERS[item.shape]
    element = build(item)
    add(element, "idnumber", item.question.id[:100])
    return element


def choice_question(item: Item) -> Element:
    q = item.question
    element = new_question("multichoice", item.name, paragraph_html(q.prompt), feedback_html(item))
    for tag, value in (("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "abc")):
        add(element, tag, value)
    add(element, "showstandardinstruction", "0")
    combined_feedback(element)
    right = right_index(q)
    for index, choice in enumerate(choices_of(q)):
        answer(element, html_escape(choice), "100" if index == right else "0", "html")
    return element


def true_false_question(item: Item) -> Element:
    q = item.question
    element = new_question("truefalse", item.name, paragraph_html(q.prompt), feedback_html(item))
    truth = is_true(q)
    answer(element, "true", "100" if truth else "0", "moodle_auto_format")
    answer(element, "false", "0" if truth else "100", "moodle_auto_format")
    return element


def typed_question(item: Item) -> Element:
    """A short answer: every accepted answer full marks, case ignored. A "*" is escaped,
    since Moodle reads it as a wildcard."""
    q = item.question
    element = new_question("shortanswer", item.name, paragraph_html(q.prompt), feedback_html(item))
    add(element, "usecase", "0")
    for text in typed_answers(q):
        answer(element, text.replace("*", "\\*"), "100", "moodle_auto_format")
    return element


def order_question(item: Item) -> Element:
    """Moodle's "ordering" question (in Moodle since 4.4; a plugin before): the items in
    the right order, each with its place as its fraction, as Moodle exports them."""
    q = item.question
    element = new_question("ordering", item.name, paragraph_html(q.prompt), feedback_html(item))
    options = (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    )
    for tag, value in options:
        add(element, tag, value)
    combined_feedback(element)
    for place, text in enumerate(q.answer, 1):
        answer(element, html_escape(text), f"{place}.0000000", "html")
    return element


def essay_question(item: Item) -> Element:
    """An essay, graded by the teacher: the sample answer is the grader's information,
    the evidence the general feedback."""
    q = item.question
    evidence = paragraph_html(evidence_line(q)) if q.evidence else ""
    element = new_question("essay", item.name, paragraph_html(q.prompt), evidence)
    settings = (
        ("responseformat", "editor"),
        ("responserequired", "1"),
        ("responsefieldlines", "10"),
        ("attachments", "0"),
        ("attachmentsrequired", "0"),
    )
    for tag, value in settings:
        add(element, tag, value)
    text_field(element, "graderinfo", paragraph_html(sample_line(q)))
    text_field(element, "responsetemplate", "")
    return element


def combined_feedback(element: Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        text_field(element, tag, "")
    add(element, "shownumcorrect")


def answer(parent: Element, text: str, fraction: str, fmt: str) -> None:
    element = add(parent, "answer", fraction=fraction, format=fmt)
    add(element, "text", text)
    text_field(element, "feedback", "")


BUILDERS = {
    Shape.CHOICE: choice_question,
    Shape.TRUE_FALSE: true_false_question,
    Shape.TYPED: typed_question,
    Shape.ORDER: order_question,
    Shape.ESSAY: essay_question,
}


# --------------------------------------------------------------------------- glossary

GLOSSARY_INFO = (
    ("INTROFORMAT", "1"),
    ("ALLOWDUPLICATEDENTRIES", "0"),
    ("DISPLAYFORMAT", "dictionary"),
    ("SHOWSPECIAL", "1"),
    ("SHOWALPHABET", "1"),
    ("SHOWALL", "1"),
    ("ALLOWCOMMENTS", "0"),
    ("USEDYNALINK", "0"),
    ("DEFAULTAPPROVAL", "1"),
    ("GLOBALGLOSSARY", "0"),
    ("ENTBYPAGE", "10"),
)
ENTRY_FLAGS = (("FORMAT", "1"), ("USEDYNALINK", "0"), ("CASESENSITIVE", "0"))
ENTRY_FLAGS += (("FULLMATCH", "0"), ("TEACHERENTRY", "1"))


def write_moodle_glossary(lesson: Lesson) -> Export:
    """The lesson's glossary as a file for Moodle's Glossary > Import entries."""
    entries = lesson.glossary
    if not entries:
        raise ExportError("the lesson has no glossary entries to export")
    root = etree.Element("GLOSSARY")
    info = add(root, "INFO")
    add(info, "NAME", one_line(lesson.title))
    add(info, "INTRO", paragraph_html(f"Words from the lesson “{one_line(lesson.title)}”."))
    for tag, value in GLOSSARY_INFO:
        add(info, tag, value)
    listed = add(info, "ENTRIES")
    for entry in entries:
        element = add(listed, "ENTRY")
        add(element, "CONCEPT", one_line(entry.term))
        add(element, "DEFINITION", render_markdown(entry.definition))
        for tag, value in ENTRY_FLAGS:
            add(element, tag, value)
    summary = plural(len(entries), "glossary entry", "glossary entries")
    return Export(serialize(root), summary)
