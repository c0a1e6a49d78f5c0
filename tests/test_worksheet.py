"""Worksheets and answer keys: options, the worksheet model, the HTML views and the CLI.

The PDFs themselves are tested in test_pdf.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from markupsafe import escape

from app import create_app
from companion.cli import main
from companion.lesson.fileformat import write_lesson
from companion.lesson.model import KINDS, Lesson, Passage, Question
from companion.lesson.store import load_lesson
from companion.views.worksheet import (
    VERSIONS,
    OptionsError,
    WorksheetOptions,
    build_worksheet,
    css_string,
    page_css,
    parse_options,
    shuffled_order,
)
from tests.helpers import ROOT, sign_in

LESSONS = ROOT / "tests" / "data" / "lessons"
ALL_KINDS = LESSONS / "worksheet-all-kinds.md"
LONG = LESSONS / "worksheet-long.md"
SLUG = "worksheet-all-kinds"


@pytest.fixture(scope="module")
def lesson() -> Lesson:
    return load_lesson(ALL_KINDS)


@pytest.fixture
def ws_client(content: Path):
    for path in (ALL_KINDS, LONG):
        shutil.copy(path, content / path.name)
    return teacher_client(content)


def teacher_client(content: Path):
    """A test client of an app serving ``content``, signed in as a teacher (the answer
    keys are for teachers only: tests/test_teachers.py)."""
    client = create_app({"TESTING": True, "CONTENT_DIR": str(content)}).test_client()
    sign_in(client)
    return client


def get_text(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def visible_text(html: str) -> str:
    """The page's text as a reader sees it (tags removed, entities decoded)."""
    html = re.sub(r"<(script|style|head)\b.*?</\1>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u200b", "")
    return " ".join(text.split())


def written_answers(lesson: Lesson) -> list[str]:
    """Answers a student writes (not picked from printed choices), and accepted variants."""
    answers = []
    for q in lesson.questions:
        if q.kind in ("short_answer", "open") or (q.kind == "cloze" and not q.choices):
            answers.append(str(q.answer))
            answers += q.accept
    return answers


# --------------------------------------------------------------------------- options


def test_default_options():
    options = parse_options({})
    assert options == WorksheetOptions()
    assert options.paper == "letter" and options.version == "" and options.kinds == KINDS
    assert parse_options({}, paper_default="a4").paper == "a4"


def test_options_are_parsed_leniently_where_that_is_safe():
    options = parse_options(
        {
            "paper": ["A4"],
            "version": ["b"],
            "kind": ["cloze,multiple-choice", "open"],
            "questions_only": ["on"],
            "large_print": ["yes"],
        }
    )
    assert options.paper == "a4" and options.version == "B"
    assert options.kinds == ("multiple_choice", "cloze", "open")  # in KINDS order
    assert options.questions_only and options.large_print
    empty = parse_options({"paper": [""], "version": [""], "large_print": ["0"], "kind": [""]})
    assert empty == WorksheetOptions()


def test_options_query_round_trips():
    options = WorksheetOptions("a4", "C", ("cloze", "open"), True, True)
    query = {k: v if isinstance(v, list) else [v] for k, v in options.query().items()}
    assert parse_options(query) == options
    assert WorksheetOptions().query() == {"paper": "letter"}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"paper": ["b5"]}, "paper must be 'letter' or 'a4'"),
        ({"version": ["D"]}, "version must be one of A, B, C"),
        ({"kind": ["essay"]}, "unknown question kind 'essay'"),
        ({"large_print": ["maybe"]}, "large_print must be 1 or 0"),
        ({"questions_only": ["2"]}, "questions_only must be 1 or 0"),
        ({"papers": ["a4"]}, "unknown option 'papers'"),
        ({"paper": ["a4", "letter"]}, "give 'paper' only once"),
        ({"version": ["x" * 500]}, "…"),  # echoed input is cut short
    ],
)
def test_bad_options_are_refused_with_a_clear_message(params, message):
    with pytest.raises(OptionsError) as caught:
        parse_options(params)
    assert message in str(caught.value)
    assert len(str(caught.value)) < 150


# --------------------------------------------------------------------------- the model


def test_questions_are_numbered_through_the_worksheet(lesson: Lesson):
    ws = build_worksheet(lesson, WorksheetOptions())
    assert [q.number for q in ws.questions] == list(range(1, len(lesson.questions) + 1))
    assert [s.questions[0].number for s in ws.sections] == [1, 6]
    assert [q.prompt for q in ws.questions] == [q.prompt for q in lesson.questions]
    # paragraphs keep their numbers through the lesson
    assert [n for s in ws.sections for n, _ in s.paragraphs] == [1, 2, 3, 4, 5]


def test_kind_filter_renumbers_and_questions_only_drops_the_passages(lesson: Lesson):
    options = parse_options({"kind": ["open,short_answer"], "questions_only": ["1"]})
    ws = build_worksheet(lesson, options)
    assert [(q.number, q.kind) for q in ws.questions] == [
        (1, "short_answer"),
        (2, "open"),
        (3, "short_answer"),
    ]
    assert all(not s.paragraphs and not s.glossary for s in ws.sections)
    only_tf = build_worksheet(
        lesson, parse_options({"kind": ["true_false"], "questions_only": ["1"]})
    )
    assert len(only_tf.sections) == 1  # the passage without a true/false question is left out
    full = build_worksheet(lesson, parse_options({"kind": ["true_false"]}))
    assert len(full.sections) == 2 and full.sections[1].paragraphs  # but printed in full mode


def test_key_facts_of_each_kind(lesson: Lesson):
    qs = build_worksheet(lesson, WorksheetOptions()).questions
    assert qs[0].correct_choice.text == "They shiver their wing muscles"
    assert qs[0].correct_choice.letter == "B" and qs[0].paragraph == 1
    assert [(c.text, c.correct) for c in qs[1].choices] == [("True", False), ("False", True)]
    assert qs[1].answer == "False"
    assert qs[2].prompt_parts == ["Scientists once measured the middle of a ", " at 35 °C."]
    assert qs[3].word_bank and qs[3].answer == "winter"
    assert qs[4].accept == ["in 1952"] and qs[4].lines == 2
    assert [c.position for c in qs[5].choices] == [2, 3, 1] and qs[5].answer == "2, 3, 1"
    assert qs[6].kind == "open" and qs[6].lines > qs[4].lines
    # the file gives no paragraph for the open question: found from its evidence sentence
    assert qs[6].paragraph == 1
    assert qs[7].paragraph is None and qs[7].evidence == ""  # a teacher's item, no evidence


def test_a_shared_word_bank_needs_two_answers():
    passage = Passage(
        "p1",
        "Bees",
        ["Bees make honey and wax."],
        questions=[
            Question("q-1", "cloze", "Bees make _____.", answer="honey"),
            Question("q-2", "cloze", "Bees also make _____.", answer="wax"),
        ],
    )
    lesson = Lesson("bees", "Bees", passages=[passage])
    lesson.renumber()
    section = build_worksheet(lesson, WorksheetOptions()).sections[0]
    assert section.word_bank == ["honey", "wax"] and section.word_bank_numbers == [1, 2]
    passage.questions.pop()
    assert build_worksheet(lesson, WorksheetOptions()).sections[0].word_bank == []


# --------------------------------------------------------------------------- versions


def orders(lesson: Lesson, version: str) -> dict[str, list[str]]:
    ws = build_worksheet(lesson, WorksheetOptions(version=version))
    return {q.id: [c.text for c in q.choices] for q in ws.questions if q.choices}


def test_versions_shuffle_choices_differently_and_keep_answers_right(lesson: Lesson):
    plain = orders(lesson, "")
    assert plain == {q.id: q.choices for q in lesson.questions if q.choices}
    by_version = {v: orders(lesson, v) for v in VERSIONS}
    for question in lesson.questions:
        if question.kind in ("multiple_choice", "cloze", "sequence") and question.choices:
            seen = [by_version[v][question.id] for v in VERSIONS]
            assert all(sorted(s) == sorted(question.choices) for s in seen)
            assert len({tuple(s) for s in seen}) == len(VERSIONS), question.prompt
        if question.kind == "true_false":
            assert all(by_version[v][question.id] == ["True", "False"] for v in VERSIONS)
    for version in VERSIONS:
        for q in build_worksheet(lesson, WorksheetOptions(version=version)).questions:
            if q.kind in ("multiple_choice", "cloze") and q.choices:
                assert q.correct_choice.text == q.answer
                assert [c.letter for c in q.choices] == list("ABCDE"[: len(q.choices)])
            if q.kind == "sequence":
                right = next(x.answer for x in lesson.questions if x.id == q.id)
                assert [c.text for c in sorted(q.choices, key=lambda c: c.position)] == right
                assert [c.text for c in q.choices] != right  # never printed in the right order


def test_versions_put_the_answer_in_different_places(lesson: Lesson):
    mc = [q for q in lesson.questions if q.kind == "multiple_choice"]
    for question in mc:
        letters = set()
        for version in VERSIONS:
            ws = build_worksheet(lesson, WorksheetOptions(version=version))
            item = next(q for q in ws.questions if q.id == question.id)
            letters.add(item.correct_choice.letter)
        assert len(letters) == len(VERSIONS), question.prompt


def test_shuffled_order_is_stable_across_processes():
    script = (
        "from companion.views.worksheet import shuffled_order as s;"
        "print([s('q-x', 5, v, answer=2) for v in 'ABC'])"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    here = repr([shuffled_order("q-x", 5, v, answer=2) for v in "ABC"]) + "\n"
    assert outputs == {here}
    assert shuffled_order("q-x", 5, "") == [0, 1, 2, 3, 4]
    assert shuffled_order("q-x", 1, "B") == [0]


# --------------------------------------------------------------------------- page CSS


def test_page_css_sets_the_paper_and_footer_and_cannot_be_broken_out_of(lesson: Lesson):
    ws = build_worksheet(lesson, WorksheetOptions(paper="a4", version="B"))
    css = page_css(ws, answer_key=True)
    assert "size: A4;" in css and "Version B" in css and "Answer key" in css
    assert "size: letter;" in page_css(build_worksheet(lesson, WorksheetOptions()))
    nasty = css_string('a"; } body { display: none } /* \\ </style>')
    assert nasty.count('"') == 2 and not re.search(r"[;{}<>/*]", nasty)


# --------------------------------------------------------------------------- HTML views


def test_worksheet_page_shows_the_student_copy(ws_client, lesson: Lesson):
    html = get_text(ws_client, f"/lessons/{SLUG}/worksheet")
    text = visible_text(html)
    assert "Bees in winter" in text and "seeds/bees.txt" not in text and "Source" not in text
    for label in ("Name", "Class", "Date"):
        assert re.search(rf'<span class="ws-field[^"]*">{label}<span class="ws-fill">', html)
    for number, question in enumerate(lesson.questions, start=1):
        first_words = question.prompt.split("_____")[0].strip()
        assert re.search(
            rf'<span class="ws-qnum">{number}\.</span>&#8203;\s*{re.escape(str(escape(first_words)))}',
            html,
        )
    assert html.count('class="ws-bubble"') == 4 + 2 + 5  # two multiple choice, one true/false
    assert html.count('class="ws-box"') == 3  # the sequence
    assert html.count('class="ws-blank"') == 3  # the three cloze prompts
    assert "Word bank:" in text and html.count('class="ws-line"') == 2 + 4 + 2
    assert html.count('class="ws-glossary"') == 2 and "<dt>forager</dt> <dd>a worker bee" in html
    assert '<span class="ws-para-num">5</span>On the first warm afternoon' in html


def test_student_copy_holds_nothing_of_the_key(ws_client, lesson: Lesson):
    html = get_text(ws_client, f"/lessons/{SLUG}/worksheet?questions_only=1")
    text = visible_text(html)
    sheet = html.split('<main class="ws-sheet"', 1)[1]
    for answer in written_answers(lesson):
        assert answer.lower() not in text.lower(), answer
    for question in lesson.questions:
        if question.evidence:
            assert question.evidence not in text
    for leak in ("Answer:", "Sample answer", "Evidence", "ws-filled", "correct", "<!--"):
        assert leak not in sheet, leak
    # provenance never reaches the page, in any mode
    full = get_text(ws_client, f"/lessons/{SLUG}/worksheet?version=A")
    for secret in ("wordnet", "rule:", "status", "generated", "5d1c0e7a", "q-3f2a19c0", "hash"):
        assert secret not in full, secret


def test_answer_key_page(ws_client, lesson: Lesson):
    html = get_text(ws_client, f"/lessons/{SLUG}/answer-key")
    text = visible_text(html)
    for answer in written_answers(lesson):
        assert answer in text
    assert re.search(r"1\. What do honeybees do to make heat\? Answer: B They shiver", text)
    assert "2. True or false: Honeybees sleep through the winter. Answer: False" in text
    assert "Evidence, paragraph 2: “In 1952, scientists measured" in text
    assert "Sample answer: Their own shivering" in text
    assert "Also accept: in 1952" in text
    assert re.search(
        r"2 Worker bees make cleansing flights 3 Foragers bring back pollen 1 The queen", text
    )
    assert (
        "Heavy clashes" not in text
        and "Honeybees do not sleep through the winter. They" not in text
    )


def test_answer_key_follows_the_version(ws_client, lesson: Lesson):
    for version in VERSIONS:
        ws = build_worksheet(lesson, WorksheetOptions(version=version))
        letter = ws.questions[0].correct_choice.letter
        text = visible_text(get_text(ws_client, f"/lessons/{SLUG}/answer-key?version={version}"))
        assert f"Answer: {letter} They shiver their wing muscles" in text
        assert f"Version {version}" in text
        student = visible_text(get_text(ws_client, f"/lessons/{SLUG}/worksheet?version={version}"))
        assert f"{letter} They shiver their wing muscles" in student


def test_options_form_and_links_keep_the_options(ws_client):
    html = get_text(
        ws_client, f"/lessons/{SLUG}/worksheet?paper=a4&version=C&kind=cloze&large_print=1"
    )
    assert (
        '<form class="ws-options" method="get" action="/lessons/worksheet-all-kinds/worksheet">'
        in html
    )
    assert '<option value="a4" selected>' in html and '<option value="C" selected>' in html
    assert 'name="large_print" value="1" checked' in html
    assert 'value="cloze" checked' in html and 'value="open" checked' not in html
    query = "paper=a4&amp;version=C&amp;kind=cloze&amp;large_print=1"
    for path in ("answer-key", "worksheet.pdf", "worksheet.css"):
        assert f'href="/lessons/{SLUG}/{path}?{query}"' in html, path
    key = get_text(
        ws_client, f"/lessons/{SLUG}/answer-key?paper=a4&version=C&kind=cloze&large_print=1"
    )
    assert f'href="/lessons/{SLUG}/answer-key.pdf?{query}"' in key
    assert 'class="ws-body paper-a4 large-print"' in html
    css = get_text(ws_client, f"/lessons/{SLUG}/worksheet.css?paper=a4&version=C")
    assert "size: A4" in css and "Version C" in css
    assert ws_client.get(f"/lessons/{SLUG}/worksheet.css").content_type.startswith("text/css")


ROUTES = (
    "worksheet",
    "answer-key",
    "worksheet.pdf",
    "answer-key.pdf",
    "worksheet.css",
    "answer-key.css",
)


@pytest.mark.parametrize("route", ROUTES)
def test_bad_query_parameters_are_a_clear_400(ws_client, route: str):
    for query, message in (
        ("paper=b5", "paper must be"),
        ("version=Z", "version must be"),
        ("kind=essay", "unknown question kind"),
        ("large_print=maybe", "large_print must be"),
        ("colour=red", "unknown option"),
        ("paper=a4&paper=letter", "only once"),
        ("version=%3Cscript%3E", "&lt;script&gt;"),
    ):
        response = ws_client.get(f"/lessons/{SLUG}/{route}?{query}")
        assert response.status_code == 400, query
        body = response.get_data(as_text=True)
        assert message in body and "Traceback" not in body and "<script>" not in body


@pytest.mark.parametrize("route", ROUTES)
def test_unknown_and_broken_lessons(ws_client, content: Path, route: str):
    assert ws_client.get(f"/lessons/nope/{route}").status_code == 404
    assert ws_client.get(f"/lessons/..%2Fapp/{route}").status_code == 404
    (content / "broken.md").write_text("---\ntitle: [oops\n---\n", encoding="utf-8")
    assert ws_client.get(f"/lessons/broken/{route}").status_code == 503


def test_default_paper_is_configurable(content: Path, monkeypatch):
    shutil.copy(ALL_KINDS, content / ALL_KINDS.name)
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content), "WORKSHEET_PAPER": "a4"})
    assert "size: A4" in get_text(app.test_client(), f"/lessons/{SLUG}/worksheet.css")
    monkeypatch.setenv("COMPANION_PAPER", "a4")
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content)})
    client = app.test_client()
    assert "size: A4" in get_text(client, f"/lessons/{SLUG}/worksheet.css")
    assert "size: letter" in get_text(client, f"/lessons/{SLUG}/worksheet.css?paper=letter")


def test_everything_from_the_lesson_file_is_escaped(content: Path):
    evil = "<script>alert(1)</script>"
    lesson = Lesson(
        slug="evil",
        title=f'Evil {evil} "title"',
        source=evil,
        passages=[
            Passage(
                "p1",
                f"Heading {evil}",
                [f"Text {evil.replace('<', '&lt;')} and <b onclick=x()>bold</b>."],
                questions=[
                    Question("q-1", "multiple_choice", f"Prompt {evil}?", [evil, "b"], answer=evil),
                    Question("q-2", "open", f"Why {evil}?", answer=f"Sample {evil}"),
                ],
            )
        ],
    )
    lesson.renumber()
    (content / "evil.md").write_text(write_lesson(lesson), encoding="utf-8")
    client = teacher_client(content)
    for route in ("worksheet", "answer-key"):
        html = get_text(client, f"/lessons/evil/{route}")
        assert "<script>" not in html and "onclick" not in html
        assert "&lt;script&gt;" in html
    css = get_text(client, "/lessons/evil/worksheet.css")
    assert "<" not in css and css.count('"') == 2


# --------------------------------------------------------------------------- CLI


def test_cli_print_writes_pdfs(tmp_path: Path, capsys):
    out = tmp_path / "bees.pdf"
    assert main(["print", str(ALL_KINDS), "--out", str(out), "--paper", "a4"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().out.startswith(f"wrote {out} (")
    assert (
        main(["print", str(ALL_KINDS), "--out", str(out), "--versions", "3", "--answer-key"]) == 0
    )
    written = sorted(p.name for p in tmp_path.glob("bees-*.pdf"))
    assert written == ["bees-A.pdf", "bees-B.pdf", "bees-C.pdf"]
    assert len({(tmp_path / name).read_bytes() for name in written}) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--paper", "b5"], "paper must be 'letter' or 'a4'"),
        (["--versions", "4"], "--versions must be a number from 1 to 3"),
        (["--versions", "two"], "--versions must be a number from 1 to 3"),
        (["--version", "Q"], "version must be one of A, B, C"),
        (["--kind", "essay"], "unknown question kind 'essay'"),
        (["--version", "A", "--versions", "2"], "not both"),
        (["--out", "/nonexistent-dir/x.pdf"], "cannot write the PDF"),
    ],
)
def test_cli_print_bad_options_are_one_line(args, message, capsys, tmp_path: Path):
    argv = ["print", str(ALL_KINDS), "--out", str(tmp_path / "x.pdf"), *args]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("companion: ")
    assert not list(tmp_path.glob("*.pdf"))


def test_cli_print_missing_lesson_and_bad_environment(capsys, monkeypatch, tmp_path: Path):
    assert main(["print", str(tmp_path / "nope.md")]) == 2
    assert "file not found" in capsys.readouterr().err
    monkeypatch.setenv("COMPANION_PAPER", "b5")
    assert main(["print", str(ALL_KINDS), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "COMPANION_PAPER must be 'letter' or 'a4'" in capsys.readouterr().err


def test_print_css_has_a_content_hash_and_a_long_cache(ws_client):
    import hashlib

    from companion.common.settings import PROJECT_ROOT

    html = get_text(ws_client, f"/lessons/{SLUG}/worksheet")
    match = re.search(r'href="(/static/css/print\.css\?v=([0-9a-f]{10}))"', html)
    assert match, "print.css is linked without its content hash"
    body = (PROJECT_ROOT / "static" / "css" / "print.css").read_bytes()
    assert match.group(2) == hashlib.sha256(body).hexdigest()[:10]
    response = ws_client.get(match.group(1))
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("version", ["AB", "BC", "ABC"])
def test_a_version_is_one_letter(ws_client, version):
    response = ws_client.get(f"/lessons/{SLUG}/worksheet?version={version}")
    assert response.status_code == 400
    assert "version must be one of A, B, C" in response.get_data(as_text=True)


# --------------------------------------------------------------------------- #14


def lesson_copy(content: Path, name: str, replace: dict[str, str]) -> str:
    """A copy of the all-kinds fixture under another name, with some text replaced; the
    slug it is served at."""
    text = ALL_KINDS.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    (content / f"{name}.md").write_text(text, encoding="utf-8")
    return name


def test_the_source_printed_is_for_people_never_a_file_path(content: Path):
    slug = lesson_copy(
        content,
        "bees-credited",
        {"grade: 6\n": "grade: 6\npublication: The Bee Journal\ndate: 2021-09-03\n"},
    )
    client = teacher_client(content)
    text = visible_text(get_text(client, f"/lessons/{slug}/worksheet"))
    assert "Source: The Bee Journal, September 3, 2021" in text
    assert "seeds/bees.txt" not in text
    lesson = load_lesson(content / f"{slug}.md")
    assert build_worksheet(lesson, WorksheetOptions()).credit == "The Bee Journal, September 3, 2021"
    lesson.meta.clear()
    for source, credit in (("seeds/bees.txt", ""), ("https://example.org/bees", ""),
                           ("bees.html", ""), ("The Bee Journal", "The Bee Journal")):
        lesson.source = source
        assert build_worksheet(lesson, WorksheetOptions()).credit == credit, source


def test_evidence_in_quotes_is_not_quoted_again(content: Path):
    quoted = "“In 1952 we measured a cluster at 35 °C,” the scientist said on Wednesday."
    slug = lesson_copy(
        content,
        "bees-quoted",
        {
            "evidence: 'In 1952, scientists measured the middle of a cluster at 35 °C.'": (
                f"evidence: '{quoted}'"
            )
        },
    )
    client = teacher_client(content)
    text = visible_text(get_text(client, f"/lessons/{slug}/answer-key"))
    assert f": {quoted}" in text and "““" not in text and "””" not in text
    assert "Evidence, paragraph 1: “Honeybees do not sleep through the winter.”" in text


def test_stale_evidence_is_on_neither_the_key_nor_the_worksheet(content: Path):
    old = "They cluster together in the hive and shiver their wing muscles to make heat."
    slug = lesson_copy(
        content,
        "bees-rewritten",
        {
            "1. What do honeybees do to make heat?": "1. What do honeybees eat in winter?",
            "    - [x] They shiver their wing muscles\n    - [ ] They fly south": (
                "    - [ ] They shiver their wing muscles\n    - [x] Their stored honey"
            ),
        },
    )
    client = teacher_client(content)
    key = visible_text(get_text(client, f"/lessons/{slug}/answer-key"))
    first = key.split("1. What do honeybees eat in winter?", 1)[1].split(" 2. ", 1)[0]
    assert "Their stored honey" in first
    assert "Evidence" not in first and old not in first
    assert "Evidence, paragraph 1: “Honeybees do not sleep through the winter.”" in key


def test_accepted_answers_are_on_the_key(content: Path):
    slug = lesson_copy(content, "bees-accept", {"accept: [in 1952]": "accept: [in 1952, '1952 AD']"})
    client = teacher_client(content)
    text = visible_text(get_text(client, f"/lessons/{slug}/answer-key"))
    assert "Also accept: in 1952; 1952 AD" in text
    assert "1952 AD" not in visible_text(get_text(client, f"/lessons/{slug}/worksheet"))


def test_the_form_with_no_kind_ticked_says_so_and_keeps_the_form(ws_client):
    url = f"/lessons/{SLUG}/worksheet?paper=a4&version=B&large_print=1&update=1"
    html = get_text(ws_client, url, status=400)
    assert re.search(r'<p class="ws-problem" id="ws-kinds-problem" role="alert">Tick at '
                     r"least one question kind", html)
    form = html.split('<form class="ws-options"', 1)[1].split("</form>", 1)[0]
    assert '<option value="a4" selected>' in form and '<option value="B" selected>' in form
    assert 'name="large_print" value="1" checked' in form
    assert 'name="kind"' in form and " checked> " not in form.split("ws-kinds", 1)[1]
    assert 'aria-describedby="ws-kinds-problem"' in form
    assert 'class="ws-q' not in html  # no sheet to print
    key = get_text(ws_client, f"/lessons/{SLUG}/answer-key?update=1", status=400)
    assert "Tick at least one question kind" in key
    # the Update button sends update=1; with a kind ticked it is the usual page
    ticked = get_text(ws_client, f"/lessons/{SLUG}/worksheet?kind=cloze&update=1")
    assert 'class="ws-problem"' not in ticked and "ws-q-cloze" in ticked
    assert 'name="update" value="1">Update</button>' in ticked
    # a URL without kind still means every kind
    assert "ws-q-open" in get_text(ws_client, f"/lessons/{SLUG}/worksheet")
    pdf = get_text(ws_client, f"/lessons/{SLUG}/worksheet.pdf?update=1", status=400)
    assert "Tick at least one question kind" in pdf


def test_no_kind_ticked_is_an_options_error():
    with pytest.raises(OptionsError, match="Tick at least one question kind") as caught:
        parse_options({"update": ["1"], "kind": [""]})
    assert caught.value.options.kinds == ()
    assert parse_options({"update": ["1"], "kind": ["open"]}).kinds == ("open",)
    assert parse_options({"update": ["0"]}).kinds == KINDS


def test_worksheet_pages_have_an_icon(ws_client):
    html = get_text(ws_client, f"/lessons/{SLUG}/worksheet")
    assert '<link rel="icon" href="/favicon.ico">' in html
    response = ws_client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon" and response.data[:4] == b"\0\0\1\0"


def test_worksheet_plurals(ws_client):
    one = visible_text(get_text(ws_client, f"/lessons/{SLUG}/answer-key?kind=sequence"))
    assert "1 question (sequence)." in one
    many = visible_text(get_text(ws_client, f"/lessons/{SLUG}/answer-key"))
    assert "10 questions." in many


def test_a_worksheet_without_questions_does_not_ask_for_answers(content: Path):
    (content / "no-questions.md").write_text(
        "---\ntitle: Just reading\n---\n\n## One\n\nSome text to read.\n", encoding="utf-8"
    )
    client = teacher_client(content)
    text = visible_text(get_text(client, "/lessons/no-questions/worksheet"))
    assert "Read each passage. The small numbers" in text and "answer the questions" not in text
    with_questions = visible_text(get_text(client, "/lessons/panjshir-valley/worksheet"))
    assert "Read each passage, then answer the questions after it." in with_questions
