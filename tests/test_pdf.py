"""Worksheet and answer-key PDFs: WeasyPrint's (the server's) and Chromium's (the browser's
print view), read back with poppler's pdftotext and pdfinfo.

Each PDF is rendered once per module.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import create_app
from companion.lesson.model import GlossaryEntry, Lesson, Passage, Question
from companion.lesson.store import load_lesson
from companion.views.pdf import BASE_URL, layout, static_path
from companion.views.worksheet import (
    Worksheet,
    WorksheetOptions,
    WorksheetQuestion,
    build_worksheet,
)
from tests.helpers import SAMPLE, serving, sign_in, teacher_cookie
from tests.test_worksheet import ALL_KINDS, LONG, written_answers

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

CHROMIUM = os.environ.get("COMPANION_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LETTER = (612.0, 792.0)
A4 = (595.3, 841.9)


def normalize(text: str) -> str:
    """Text as read: NFKC, single spaces, no zero-width spaces (the worksheet puts one
    after each question number as a line-break opportunity)."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u200b", "").split())


@dataclass
class Printed:
    """One rendered PDF: the worksheet it shows, its pages' text, and (for WeasyPrint)
    the laid-out document, whose boxes tell exactly what is on which page."""

    worksheet: Worksheet
    path: Path
    pages: list[str]  # normalised pdftotext -layout text of each page
    document: object | None = None
    answer_key: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def read_pdf(path: Path) -> list[str]:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    pages = result.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [normalize(page) for page in pages]


def page_size(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert match, info.stdout
    return float(match.group(1)), float(match.group(2))


def weasyprint_pdf(
    folder: Path, name: str, lesson: Lesson, options: WorksheetOptions, answer_key: bool = False
) -> Printed:
    worksheet = build_worksheet(lesson, options)
    document = layout(worksheet, answer_key)
    path = folder / f"{name}.pdf"
    document.write_pdf(path)
    return Printed(worksheet, path, read_pdf(path), document, answer_key)


@pytest.fixture(scope="module")
def lessons() -> dict[str, Lesson]:
    return {"all": load_lesson(ALL_KINDS), "long": load_lesson(LONG), "seed": load_lesson(SAMPLE)}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, lessons) -> dict[str, Printed]:
    folder = tmp_path_factory.mktemp("pdf")
    quiz_b = WorksheetOptions(version="B", questions_only=True)
    specs = {
        "all": (lessons["all"], WorksheetOptions(), False),
        "all-key": (lessons["all"], WorksheetOptions(), True),
        "quiz-b": (lessons["all"], quiz_b, False),
        "quiz-b-key": (lessons["all"], quiz_b, True),
        "long": (lessons["long"], WorksheetOptions(), False),
        "long-a4-large": (lessons["long"], WorksheetOptions(paper="a4", large_print=True), False),
        "long-key-a4": (lessons["long"], WorksheetOptions(paper="a4", version="C"), True),
        "long-a4-large-qo": (
            lessons["long"],
            WorksheetOptions(paper="a4", large_print=True, questions_only=True),
            False,
        ),
        "seed": (lessons["seed"], WorksheetOptions(), False),
        "many": (many_sections(), WorksheetOptions(), False),
    }
    return {
        name: weasyprint_pdf(folder, name, lesson, options, key)
        for name, (lesson, options, key) in specs.items()
    }


def many_sections() -> Lesson:
    """Many short passages of varied length: headings land all over the pages, so a
    heading left alone at the bottom of a page would show up here."""
    sentence = "The valley's rivers run fast in spring, when the snow on the mountains melts. "
    passages = []
    for index in range(36):
        question = Question(
            f"q-many{index}",
            "multiple_choice",
            f"Question about section {index + 1}: when do the rivers run fast?",
            ["In spring", "In winter", "At night"],
            answer="In spring",
        )
        glossary = [GlossaryEntry("valley", "low land between hills")] if index % 3 == 0 else []
        paragraph = sentence * (1 + index % 5)
        passages.append(Passage("", f"Section {index + 1}", [paragraph], glossary, [question]))
    lesson = Lesson("many", "Many sections", passages=passages)
    lesson.renumber()
    return lesson


# --------------------------------------------------------------------------- helpers


def first_line(q: WorksheetQuestion, answer_key: bool = False) -> str:
    """The start of a question as printed: its number and its prompt's first words (the
    key fills the blanks in)."""
    blank = f" {q.answer} " if answer_key else " "
    return normalize(f"{q.number}. " + blank.join(q.prompt_parts))[:45].rstrip()


def last_line(q: WorksheetQuestion, answer_key: bool = False) -> str:
    """The text of a question's last printed line (answer lines hold no text)."""
    if answer_key:
        if q.evidence:
            return normalize(q.evidence)[-25:].lstrip()
        if q.accept:
            return normalize(q.accept[-1])
        if q.kind == "sequence":
            return normalize(q.choices[-1].text)
        return normalize(q.answer)[-25:].lstrip()
    if q.kind == "true_false":
        return "False"
    if q.choices:
        return normalize(q.choices[-1].text)
    return normalize(" ".join(q.prompt_parts))[-30:].lstrip()


def question_page(printed: Printed, q: WorksheetQuestion) -> int:
    start = first_line(q, printed.answer_key)
    pages = [i for i, page in enumerate(printed.pages) if start in page]
    assert len(pages) == 1, (start, pages)
    return pages[0]


def boxes_by_page(document) -> list[list]:
    """The boxes of each page that come from the HTML (not the page's margin boxes)."""
    return [
        [b for b in page._page_box.descendants() if getattr(b, "element", None) is not None]
        for page in document.pages
    ]


def classes(box) -> set[str]:
    return set((box.element.get("class") or "").split())


def unbreakable_elements_on_pages(document) -> dict[int, set[int]]:
    """For every question, glossary box and choice list: the pages it is on."""
    where: dict[int, set[int]] = {}
    for number, boxes in enumerate(boxes_by_page(document)):
        for box in boxes:
            if classes(box) & {"ws-q", "ws-glossary", "ws-choices", "ws-sequence", "ws-wordbank"}:
                where.setdefault(id(box.element), set()).add(number)
    return where


# --------------------------------------------------------------------------- content


def test_student_pdf_holds_every_prompt_and_no_answer(pdfs):
    printed = pdfs["quiz-b"]
    text = printed.text
    lesson_answers = written_answers(load_lesson(ALL_KINDS))
    assert lesson_answers
    for q in printed.worksheet.questions:
        for part in q.prompt_parts:
            assert normalize(part) in text, part
        for choice in q.choices:
            assert normalize(choice.text) in text
    for answer in lesson_answers:
        assert normalize(answer).lower() not in text.lower(), answer
    for marker in ("Answer:", "Sample answer", "Evidence", "paragraph 1", "Also accept"):
        assert marker not in text, marker
    assert "Heavy" not in text and "Honeybees do not sleep through the winter. They" not in text


def test_full_student_pdf_has_passages_glossary_and_questions(pdfs):
    text = pdfs["all"].text
    assert "Bees in winter" in text and "seeds/bees.txt" not in text  # a file is no source
    assert re.search(r"Name\b.*\bClass\b.*\bDate\b", pdfs["all"].pages[0])
    assert "1 Honeybees do not sleep through the winter." in text  # numbered paragraphs
    assert "5 On the first warm afternoon" in text
    assert "GLOSSARY cluster: a group of similar things close together" in text
    assert "Word bank: summer winter spring autumn" in text
    assert "Number the boxes from 1 (first) to 3 (last)." in text
    assert "Answer:" not in text and "Sample answer" not in text


def test_answer_key_pdf_holds_every_answer_with_its_evidence(pdfs):
    for name in ("all-key", "quiz-b-key", "long-key-a4"):
        printed = pdfs[name]
        text = printed.text
        for q in printed.worksheet.questions:
            start = text.index(first_line(q, answer_key=True))
            end = text.find(f" {q.number + 1}. ", start)
            block = text[start : end if end > 0 else None]
            if q.kind == "sequence":
                for c in q.choices:
                    assert f"{c.position} {normalize(c.text)}" in block
            elif q.kind == "open":
                assert f"Sample answer: {normalize(q.answer)}" in block
            elif q.choices and not q.word_bank and q.kind != "true_false":
                assert f"Answer: {q.correct_choice.letter} {normalize(q.answer)}" in block
            else:
                assert normalize(q.answer) in block
            for other in q.accept:
                assert normalize(other) in block
            if q.paragraph:
                assert f"Evidence, paragraph {q.paragraph}" in block, (name, q.number)


def test_question_numbers_match_between_student_copy_and_key(pdfs):
    for student, key in (("all", "all-key"), ("quiz-b", "quiz-b-key")):
        numbered = []
        for name in (student, key):
            text = pdfs[name].text
            key = pdfs[name].answer_key
            found = [q.number for q in pdfs[name].worksheet.questions if first_line(q, key) in text]
            starts = re.findall(r"(?:^| )(\d+)\. (?:[A-Z]|, )", text)
            numbered.append((found, [int(n) for n in starts]))
        (student_found, student_starts), (key_found, key_starts) = numbered
        total = len(pdfs[student].worksheet.questions)
        assert student_found == key_found == list(range(1, total + 1))
        assert student_starts == key_starts == list(range(1, total + 1))


def test_versions_print_their_own_choice_order(pdfs):
    as_written = pdfs["all"].text
    version_b = pdfs["quiz-b"].text
    for q in pdfs["quiz-b"].worksheet.questions:
        if q.kind == "multiple_choice":
            printed = " ".join(f"{c.letter} {normalize(c.text)}" for c in q.choices)
            assert printed in version_b
            assert printed not in as_written
    assert "VERSION B" in version_b and "VERSION" not in as_written


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize("name", ["all", "long", "long-a4-large", "long-key-a4", "seed", "many"])
def test_no_question_glossary_or_list_is_split_across_pages(pdfs, name: str):
    printed = pdfs[name]
    answer_key = printed.answer_key
    assert len(printed.pages) == len(printed.document.pages)
    for q in printed.worksheet.questions:
        page = printed.pages[question_page(printed, q)]
        start = page.index(first_line(q, answer_key))
        assert last_line(q, answer_key) in page[start:], (name, q.number, last_line(q))
    split = {k: v for k, v in unbreakable_elements_on_pages(printed.document).items() if len(v) > 1}
    assert not split


@pytest.mark.parametrize("name", ["all", "long", "long-a4-large", "long-key-a4", "seed", "many"])
def test_no_heading_is_alone_at_the_bottom_of_a_page(pdfs, name: str):
    for boxes in boxes_by_page(pdfs[name].document)[:-1]:
        last = boxes[-1]
        heading = last.element_tag in ("h1", "h2", "h3") or "ws-questions-title" in classes(last)
        assert not heading, (name, last.element_tag, last.element.text)


@pytest.mark.parametrize(
    "name", ["all", "all-key", "quiz-b", "long", "long-a4-large", "long-key-a4",
             "long-a4-large-qo", "seed", "many"]
)
def test_the_last_question_never_sits_alone_on_the_last_page(pdfs, name: str):
    """#14: large print, questions only, on A4 left question 26 alone on page 6."""
    last_page = boxes_by_page(pdfs[name].document)[-1]
    questions = {id(b.element) for b in last_page if "ws-q" in classes(b)}
    text = {id(b.element) for b in last_page if classes(b) & {"ws-para", "ws-glossary"}}
    assert len(questions) >= 2 or text, (name, len(pdfs[name].pages))


def test_a_prompt_with_a_blank_is_not_broken_after_its_first_word(tmp_path):
    """WeasyPrint broke "2. Heavy / clashes broke out ... northern / _____ on Thursday
    night." when the text before the blank just filled the line."""
    prompt = (
        "Heavy clashes broke out between Taliban fighters and an anti-Taliban group "
        "around Afghanistan’s northern _____ on Thursday night."
    )
    question = Question("q-heavy", "cloze", prompt, answer="Panjshir Valley")
    lesson = Lesson("heavy", "Heavy", passages=[Passage("", "Clashes", ["Text."], [], [question])])
    lesson.renumber()
    for paper in ("letter", "a4"):
        worksheet = build_worksheet(lesson, WorksheetOptions(paper=paper, questions_only=True))
        path = tmp_path / f"heavy-{paper}.pdf"
        layout(worksheet).write_pdf(path)
        raw = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        first = next(line for line in raw.splitlines() if line.strip().startswith("1."))
        assert "Heavy clashes broke out" in normalize(first), (paper, first)


def test_long_worksheet_really_spans_pages(pdfs):
    """The page-break tests above only mean something if questions meet page ends."""
    assert len(pdfs["long"].pages) >= 4
    assert len(pdfs["long-a4-large"].pages) > len(pdfs["long"].pages)  # large print is larger
    first_pages = {question_page(pdfs["long"], q) for q in pdfs["long"].worksheet.questions}
    assert len(first_pages) >= 4


def test_paper_sizes(pdfs):
    for name in ("all", "long", "seed", "all-key"):
        assert page_size(pdfs[name].path) == pytest.approx(LETTER, abs=0.5)
    for name in ("long-a4-large", "long-key-a4"):
        assert page_size(pdfs[name].path) == pytest.approx(A4, abs=0.5)


def test_every_page_has_the_title_and_its_number_in_the_footer(pdfs):
    for name, label in (("long", ""), ("long-key-a4", " · Version C · Answer key")):
        pages = pdfs[name].pages
        for number, page in enumerate(pages, start=1):
            assert f"Panjshir Valley: a long worksheet fixture{label}" in page
            assert page.endswith(f"Page {number} of {len(pages)}"), page[-60:]


def test_seed_worksheet_fits_in_a_sensible_number_of_pages(pdfs, lessons):
    seed = pdfs["seed"]
    lesson = lessons["seed"]
    words = sum(len(p.split()) for passage in lesson.passages for p in passage.paragraphs)
    assert 1 <= len(seed.pages) <= 2 + words // 300 + len(lesson.questions) // 5
    assert len(seed.pages) <= 12
    assert "Page 1 of" in seed.pages[0]
    for q in seed.worksheet.questions:
        assert first_line(q) in seed.text
    for passage in lesson.passages:
        assert normalize(passage.heading) in seed.text


def test_pdfs_embed_the_liberation_fonts(pdfs):
    """Fonts come from the system (fonts-liberation), never from a fallback or the web."""
    result = subprocess.run(
        ["pdffonts", str(pdfs["all"].path)], capture_output=True, text=True, check=True
    )
    assert "Liberation-Serif" in result.stdout and "Liberation-Sans" in result.stdout
    assert "DejaVu" not in result.stdout


# --------------------------------------------------------------------------- web + fetcher


def test_pdf_routes(client):
    sign_in(client)
    response = client.get("/lessons/panjshir-valley/worksheet.pdf?paper=a4&version=B")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert 'filename="panjshir-valley-worksheet-B.pdf"' in response.headers["Content-Disposition"]
    key = client.get("/lessons/panjshir-valley/answer-key.pdf")
    assert key.status_code == 200 and key.data.startswith(b"%PDF-")
    assert 'filename="panjshir-valley-answer-key.pdf"' in key.headers["Content-Disposition"]


def test_the_pdf_fetcher_serves_static_files_only():
    assert static_path(BASE_URL + "static/css/print.css").name == "print.css"
    for url in (
        "http://example.com/static/css/print.css",
        "file:///etc/passwd",
        BASE_URL + "app.py",
        BASE_URL + "static/../app.py",
        BASE_URL + "static/%2e%2e/app.py",
        BASE_URL + "static/css/nope.css",
        "data:text/css,body{}",
    ):
        with pytest.raises(ValueError):
            static_path(url)


# --------------------------------------------------------------------------- Chromium


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    for path in (ALL_KINDS, LONG, SAMPLE):
        shutil.copy(path, content / path.name)
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content)})
    with serving(as_teacher(app)) as url:
        yield url


def as_teacher(app):
    """``app`` with every request signed in as a teacher: Chromium's --print-to-pdf
    takes no cookies, and the answer key is for teachers only."""
    cookie = teacher_cookie(app)
    inner = app.wsgi_app

    def wsgi(environ, start_response):
        environ["HTTP_COOKIE"] = f"{cookie['name']}={cookie['value']}"
        return inner(environ, start_response)

    app.wsgi_app = wsgi
    return app


def chromium_pdf(url: str, out: Path) -> list[str]:
    profile = out.parent / f"{out.stem}-profile"
    command = [
        CHROMIUM,
        *CHROMIUM_ARGS,
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={out}",
        url,
    ]
    subprocess.run(command, capture_output=True, timeout=90, check=False)
    assert out.exists() and out.stat().st_size > 1000, "Chromium wrote no PDF"
    return read_pdf(out)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Chromium")
@pytest.mark.parametrize(
    ("query", "answer_key", "size"),
    [("paper=a4", False, A4), ("paper=letter&version=B", True, LETTER)],
)
@pytest.mark.browser
def test_chromium_prints_the_html_print_view(
    live_server, tmp_path, lessons, query, answer_key, size
):
    route = "answer-key" if answer_key else "worksheet"
    out = tmp_path / f"{route}.pdf"
    pages = chromium_pdf(f"{live_server}/lessons/worksheet-long/{route}?{query}", out)
    assert page_size(out) == pytest.approx(size, abs=0.5)
    text = " ".join(pages)
    for hidden in ("Print options", "Download PDF", "Back to the lesson", "Companion"):
        assert hidden not in text  # the screen's toolbar is not printed
    options = WorksheetOptions(
        paper=query.split("=")[1].split("&")[0], version="B" if "version=B" in query else ""
    )
    worksheet = build_worksheet(lessons["long"], options)
    printed = Printed(worksheet, out, pages, answer_key=answer_key)
    for q in worksheet.questions:
        page = printed.pages[question_page(printed, q)]
        assert last_line(q, answer_key) in page[page.index(first_line(q, answer_key)) :], q.number
    label = "Panjshir Valley: a long worksheet fixture" + (
        " · Version B · Answer key" if answer_key else ""
    )
    for number, page in enumerate(pages, start=1):
        assert label in page and f"Page {number} of {len(pages)}" in page
    if answer_key:
        assert "Answer:" in text and "Evidence, paragraph 1" in text
    else:
        assert "Answer:" not in text and "1 Heavy clashes broke out" in text


def test_a_pdf_is_rendered_once_per_lesson_version_and_options(tmp_path, monkeypatch):
    import companion.web.worksheets as web_worksheets

    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SAMPLE, content / SAMPLE.name)
    client = create_app({"TESTING": True, "CONTENT_DIR": str(content)}).test_client()
    calls = []
    real = web_worksheets.render_pdf
    monkeypatch.setattr(
        web_worksheets, "render_pdf", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    url = "/lessons/panjshir-valley/worksheet.pdf"
    first = client.get(url).data
    assert client.get(url).data == first and len(calls) == 1
    client.get(url + "?paper=a4")
    assert len(calls) == 2
    path = content / SAMPLE.name
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    client.get(url)
    assert len(calls) == 3  # the lesson changed: rendered again
