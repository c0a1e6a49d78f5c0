"""Every export of the seed lesson and of a lesson with every kind and awkward text
(quotes, colons, braces, = ~ #, HTML-like text, backslashes, $, unicode), read back by a
real parser: GIFT by pygiftparser, the text2qti source by text2qti, the QTI zip's XML,
Moodle XML by lxml, Quizlet and CSV by the csv module (docs/exports.md). The expected
values come from the Lesson model, not from the writers' helpers."""

from __future__ import annotations

import csv
import html
import io
import re
import warnings
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from text2qti.config import Config
from text2qti.quiz import Quiz

from companion.common.textutil import plain_text
from companion.lesson.model import Lesson, Question
from companion.lesson.store import load_lesson
from companion.views.exports import FORMATS, ExportError, export_format
from companion.views.exports.gift import write_gift
from companion.views.exports.moodle_xml import write_moodle_glossary, write_moodle_xml
from companion.views.exports.qti import text2qti_source, write_qti, write_text2qti
from companion.views.exports.tables import write_csv, write_quizlet
from tests.helpers import ROOT, SAMPLE

with warnings.catch_warnings():  # pygiftparser 1.1 calls locale.getdefaultlocale()
    warnings.simplefilter("ignore", DeprecationWarning)
    from pygiftparser import answer as gift_answers
    from pygiftparser import parser as gift_parser
    from pygiftparser import utils as gift_utils

AWKWARD = ROOT / "tests" / "data" / "lessons" / "export-awkward.md"
ALL_KINDS = ROOT / "tests" / "data" / "lessons" / "page-all-kinds.md"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


@pytest.fixture(scope="module", params=[SAMPLE, AWKWARD, ALL_KINDS], ids=lambda p: p.stem)
def lesson(request) -> Lesson:
    return load_lesson(request.param)


def answered(lesson: Lesson) -> list[Question]:
    return lesson.questions  # every fixture question has its key


def sample_passages(lesson: Lesson) -> int:
    return sum(1 for p in lesson.passages if p.questions)


def has_bank(q: Question) -> bool:
    return q.kind == "cloze" and bool(q.choices)


def typed(q: Question) -> list[str]:
    return list(dict.fromkeys([q.answer, *q.accept]))


# ----------------------------------------------------------------- GIFT

# pygiftparser 1.1 ends an answer block at the first "}", even an escaped "\}" (its
# pattern `.*?[^\\]?}` makes the backslash optional); Moodle's own reader replaces the
# escapes first. This is that one pattern corrected, as Moodle reads it; the rest of
# pygiftparser is used as published (docs/exports.md, "Checked by").
_TEXT = r"(?:[^\\{}]|\\.)"
FIXED_ANSWER = re.compile(
    r"^(?P<head>" + _TEXT + r"*){\s*(?P<answer>(?:[^\\}]|\\.)*?)"
    r"(####(\[(?P<gf_markup>.*?)\])*(?P<generalfeedback>(?:[^\\}]|\\.)*))?}(?P<tail>.*)",
    re.M | re.S,
)


def read_gift(data: bytes, monkeypatch) -> list:
    monkeypatch.setattr(gift_utils, "reAnswer", FIXED_ANSWER)
    return gift_parser.parseFile(io.StringIO(data.decode("utf-8")))


def gift_text(text: str, is_html: bool = True) -> str:
    """A GIFT text as Moodle stores it: escapes undone (and HTML entities, for [html]).
    pygiftparser turns every "\\n" into a line break, even the "\\n" of an escaped
    backslash before an "n" ("C:\\\\new"); the exports never hold a line break, so it
    is put back first."""
    text = re.sub(r"\\(.)", r"\1", text.strip().replace("\n", "\\n"))
    return html.unescape(text) if is_html else text


def test_gift_reads_back_with_pygiftparser(lesson: Lesson, monkeypatch):
    parsed = read_gift(write_gift(lesson).data, monkeypatch)
    assert all(q.valid for q in parsed)
    descriptions = [q for q in parsed if isinstance(q.answers, gift_answers.Description)]
    questions = [q for q in parsed if q not in descriptions]
    assert len(descriptions) == sample_passages(lesson)
    assert all(q.markup == "html" for q in parsed)
    for read, q in zip(questions, answered(lesson), strict=True):
        check_gift_question(read, q)


def check_gift_question(read, q: Question) -> None:
    sets = gift_answers
    if q.evidence:
        assert q.evidence in gift_text(read.generalFeedback)
    if q.kind == "multiple_choice" or has_bank(q):
        assert isinstance(read.answers, sets.SelectSet)
        right = [gift_text(a.answer) for a in read.answers.answers if a.fraction == 100]
        assert right == [q.answer]
        assert [gift_text(a.answer) for a in read.answers.answers] == q.choices
    elif q.kind == "true_false":
        assert isinstance(read.answers, sets.TrueFalseSet)
        assert read.answers.answer == (q.answer == "true")
    elif q.kind in ("cloze", "short_answer"):
        assert isinstance(read.answers, sets.ShortSet)
        # "->" would make Moodle read a matching question: it is written "→"
        expected = [a.replace("->", "→") for a in typed(q)]
        assert [gift_text(a.answer, is_html=False) for a in read.answers.answers] == expected
    elif q.kind == "sequence":
        assert isinstance(read.answers, sets.MatchingSet)
        pairs = {gift_text(a.question): int(a.answer) for a in read.answers.answers}
        assert pairs == {item: q.answer.index(item) + 1 for item in q.choices}
        assert "The right order: 1. " + q.answer[0] in gift_text(read.generalFeedback)
    else:
        assert isinstance(read.answers, sets.Essay)
        assert "Sample answer: " + q.answer in gift_text(read.generalFeedback)
    if "_____" in q.prompt and read.tail:  # a cloze: GIFT's missing word
        head, tail = q.prompt.split("_____")
        assert (gift_text(read.text), gift_text(read.tail)) == (head.strip(), tail.strip())
    else:
        assert gift_text(read.text).startswith(q.prompt)


def test_gift_escapes_every_control_character():
    data = write_gift(load_lesson(AWKWARD)).data.decode()
    question = next(line for line in data.split("\n\n") if line.startswith("::Q01"))
    assert r"What does the sign \= mean in" in question
    assert r"=is equal to \{always\} ~about \~ roughly ~\# a hash\: not a number" in question
    assert "~&lt;b&gt;bold&lt;/b&gt; &amp; \"quoted\"" in question
    assert r"####The text says (paragraph 1)\: “The sign \= means" in question
    short = next(line for line in data.split("\n\n") if line.startswith("::Q05"))
    assert r"{=points right\: → \#1 =it points right =right \= east" in short
    assert "\n" not in question and "\n" not in short  # one question, one line


# ----------------------------------------------------------------- text2qti and QTI


def test_text2qti_converts_the_source_without_error(lesson: Lesson):
    source = write_text2qti(lesson).data.decode()
    quiz = Quiz(source, config=Config(), source_name="lesson.txt")
    questions = [x for x in quiz.questions_and_delims if type(x).__name__ == "Question"]
    texts = [x for x in quiz.questions_and_delims if type(x).__name__ == "TextRegion"]
    assert len(questions) == len(lesson.questions)
    assert len(texts) == sample_passages(lesson)


def test_text2qti_never_reads_a_file_or_math_from_lesson_text():
    lesson = load_lesson(AWKWARD)
    lesson.passages[0].questions[0].choices[1] = "![x](/etc/passwd) and $x$"
    source, _count, _notes = text2qti_source(lesson)
    quiz = Quiz(source, config=Config(), source_name="lesson.txt")
    assert quiz.images == {}
    assert r"\[x\](/etc/passwd) and \$x\$" in source
    choices = qti_items(write_qti(lesson).data)[1].iter(f"{QTI}response_label")
    assert html_text(list(choices)[1].findtext(f".//{QTI}mattext")) == "![x](/etc/passwd) and $x$"


def qti_items(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert "imsmanifest.xml" in names
        etree.fromstring(archive.read("imsmanifest.xml"))
        (main,) = [n for n in names if n.endswith(".xml") and "/" in n and "meta" not in n]
        root = etree.fromstring(archive.read(main))
    return list(root.iter(f"{QTI}item"))


def qti_type(item) -> str:
    for field in item.iter(f"{QTI}qtimetadatafield"):
        if field.findtext(f"{QTI}fieldlabel") == "question_type":
            return field.findtext(f"{QTI}fieldentry")
    return ""


def html_text(fragment: str) -> str:
    return lxml.html.fragment_fromstring(fragment, create_parent="div").text_content()


def qti_right_answers(item) -> list[str]:
    """The texts that score 100: choices' texts, or a short answer's accepted answers."""
    labels = {
        label.get("ident"): html_text(label.findtext(f".//{QTI}mattext"))
        for label in item.iter(f"{QTI}response_label")
        if label.find(f".//{QTI}mattext") is not None
    }
    right = []
    for condition in item.iter(f"{QTI}respcondition"):
        if condition.findtext(f"{QTI}setvar") == "100":
            right += [labels.get(v.text, v.text) for v in condition.iter(f"{QTI}varequal")]
    return right


def test_qti_zip_unzips_with_the_right_items_and_answers(lesson: Lesson):
    items = qti_items(write_qti(lesson).data)
    texts = [i for i in items if qti_type(i) == "text_only_question"]
    questions = [i for i in items if qti_type(i) != "text_only_question"]
    assert len(texts) == sample_passages(lesson)
    assert len(questions) == len(lesson.questions)
    for item, q in zip(questions, answered(lesson), strict=True):
        kind = qti_type(item)
        prompt = html_text(item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext"))
        assert prompt.startswith(q.prompt)
        if q.kind == "multiple_choice" or has_bank(q):
            assert (kind, qti_right_answers(item)) == ("multiple_choice_question", [q.answer])
        elif q.kind == "true_false":
            right = [q.answer.capitalize()]
            assert (kind, qti_right_answers(item)) == ("true_false_question", right)
        elif q.kind in ("cloze", "short_answer"):
            assert (kind, qti_right_answers(item)) == ("short_answer_question", typed(q))
        else:  # sequence and open: an essay, the key in the feedback
            assert kind == "essay_question"
            feedback = html_text(item.findtext(f".//{QTI}itemfeedback//{QTI}mattext"))
            key = q.answer[0] if isinstance(q.answer, list) else q.answer
            assert key in feedback


# ----------------------------------------------------------------- Moodle XML


def moodle_text(element) -> str:
    """A <text> of Moodle XML: escaped HTML, never markup of the XML itself."""
    text = element.find("text")
    assert len(text) == 0, etree.tostring(text)
    return text.text or ""


def test_moodle_xml_parses_with_every_question_and_answer(lesson: Lesson):
    root = etree.fromstring(write_moodle_xml(lesson).data)
    assert root.tag == "quiz"
    for text in root.iter("text"):
        assert len(text) == 0  # no unescaped markup anywhere
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert moodle_text(questions[0].find("category")).startswith("$course$/top/")
    descriptions = [q for q in questions if q.get("type") == "description"]
    real = [q for q in questions if q.get("type") not in ("category", "description")]
    assert len(descriptions) == sample_passages(lesson)
    for element, q in zip(real, answered(lesson), strict=True):
        check_moodle_question(element, q)


def check_moodle_question(element, q: Question) -> None:
    kind = element.get("type")
    assert html_text(moodle_text(element.find("questiontext"))) == q.prompt
    assert element.findtext("idnumber") == q.id
    raw = [(moodle_text(a), a.get("fraction")) for a in element.findall("answer")]
    answers = [(html_text(text) if text else "", fraction) for text, fraction in raw]
    if q.kind == "multiple_choice" or has_bank(q):
        assert kind == "multichoice" and element.findtext("single") == "true"
        assert answers == [(c, "100" if c == q.answer else "0") for c in q.choices]
    elif q.kind == "true_false":
        assert kind == "truefalse"
        assert dict(raw)[q.answer] == "100"
    elif q.kind in ("cloze", "short_answer"):  # plain text, a "*" escaped (a wildcard)
        assert kind == "shortanswer"
        assert raw == [(a.replace("*", "\\*"), "100") for a in typed(q)]
    elif q.kind == "sequence":
        assert kind == "ordering"
        assert [a for a, _ in answers] == q.answer
        assert [f for _, f in answers] == [f"{n}.0000000" for n in range(1, len(q.answer) + 1)]
    else:
        assert kind == "essay"
        assert q.answer in html_text(moodle_text(element.find("graderinfo")))
    if q.evidence and kind != "essay":
        assert q.evidence in html_text(moodle_text(element.find("generalfeedback")))


def test_moodle_glossary_import_file(lesson: Lesson):
    root = etree.fromstring(write_moodle_glossary(lesson).data)
    assert root.tag == "GLOSSARY" and root.findtext("INFO/NAME") == lesson.title
    entries = root.findall("INFO/ENTRIES/ENTRY")
    assert [e.findtext("CONCEPT") for e in entries] == [g.term for g in lesson.glossary]
    for entry, gloss in zip(entries, lesson.glossary, strict=True):
        assert html_text(entry.findtext("DEFINITION")) == plain_text(gloss.definition)
        assert entry.findtext("FORMAT") == "1"


# ----------------------------------------------------------------- Quizlet and CSV


def test_quizlet_round_trips_with_the_csv_module(lesson: Lesson):
    text = write_quizlet(lesson).data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows == [[g.term, plain_text(g.definition)] for g in lesson.glossary]


def unformula(value: str) -> str:
    return value[1:] if value[:2] in {"'" + c for c in "=+-@"} else value


def test_csv_round_trips_with_the_csv_module(lesson: Lesson):
    data = write_csv(lesson).data
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    glossary = [r for r in rows if r["item"] == "glossary"]
    questions = [r for r in rows if r["item"] == "question"]
    assert [(r["text"], r["answer"]) for r in glossary] == [
        (g.term, plain_text(g.definition)) for g in lesson.glossary
    ]
    for row, q in zip(questions, answered(lesson), strict=True):
        assert unformula(row["text"]) == q.prompt
        choices = [row[k] for k in row if k.startswith("choice_") and row[k]]
        assert choices == (q.choices if q.kind != "true_false" else ["True", "False"])
        if q.kind == "sequence":
            assert row["answer"].split("\n") == q.answer
        elif q.kind == "true_false":
            assert row["answer"] == q.answer.capitalize()
        else:
            assert unformula(row["answer"]) == q.answer
        assert row["also_accept"].split("\n") == (q.accept if q.accept else [""])
        assert unformula(row["evidence"]) == q.evidence


def test_csv_cells_never_run_as_formulas():
    lesson = load_lesson(AWKWARD)
    lesson.passages[0].questions[0].prompt = "=HYPERLINK(\"http://example.org\")"
    rows = list(csv.reader(io.StringIO(write_csv(lesson).data.decode("utf-8-sig"))))
    assert "'=HYPERLINK(\"http://example.org\")" in [cell for row in rows for cell in row]


# ----------------------------------------------------------------- the registry


def test_each_format_has_a_file_name_and_a_type():
    assert [f.name for f in FORMATS] == [
        "gift", "moodle-xml", "moodle-glossary", "qti", "text2qti", "quizlet", "csv",
    ]
    assert export_format("qti").filename("x") == "x-qti.zip" and export_format("qti").binary
    assert not any(f.binary for f in FORMATS if f.name != "qti")
    with pytest.raises(ExportError, match="unknown export format 'pdf'"):
        export_format("pdf")


def test_a_lesson_without_questions_or_glossary_says_so(tmp_path: Path):
    path = tmp_path / "empty.md"
    path.write_text("---\ntitle: Empty\n---\n\n## Only text\n\nA paragraph.\n")
    lesson = load_lesson(path)
    for fmt in FORMATS:
        assert not fmt.available(lesson)
        with pytest.raises(ExportError, match="has no"):
            fmt.write(lesson)


def test_control_characters_in_a_lesson_never_break_an_export(tmp_path: Path):
    path = tmp_path / "control.md"
    path.write_text(
        "---\ntitle: Bells\n---\n\n## One\n\nBees \x01fly.\n\n### Glossary\n\nBees\n:   in\x1bsects\n\n"
        "### Questions\n\n1. Do bees \x01fly?\n    - [x] Yes\x0b\n    - [ ] No\n"
    )
    lesson = load_lesson(path)
    for fmt in FORMATS:
        data = fmt.write(lesson).data
        if fmt.name == "qti":
            assert len(qti_items(data)) == 2  # its XML parses
            continue
        if fmt.name.startswith("moodle"):
            etree.fromstring(data)
        assert not re.search(rb"[\x01\x0b\x1b]", data), fmt.name
