"""`companion export-site`: the lessons as static files (docs/exports.md). The site is
written once for this file; its links are checked on disk, and in Chromium it is served
by a plain static file server on loopback (Python's http.server), where a lesson page
loads without a console error and checks every kind of question in the browser, the
way the server does."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from companion.cli import main
from companion.lesson.store import load_lesson
from companion.views.grading import text_matches
from companion.web.static_site import export_site
from tests.helpers import ROOT, SAMPLE

LESSONS = ROOT / "tests" / "data" / "lessons"
ALL_KINDS = LESSONS / "page-all-kinds.md"
AWKWARD = LESSONS / "export-awkward.md"
LINK = re.compile(r'\s(?:href|src|action|formaction|data-check-url)="([^"]*)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("content")
    for path in (SAMPLE, ALL_KINDS, AWKWARD):
        shutil.copy(path, content / path.name)
    (content / "broken.md").write_text("---\ntitle: [unclosed\n---\n")
    folder = tmp_path_factory.mktemp("site") / "out"
    made = export_site(folder, content)
    assert made.lessons == ["export-awkward", "page-all-kinds", "panjshir-valley"]
    assert [name for name, _ in made.broken] == ["broken.md"]
    assert made.unknown_links == set()
    return folder


def static_key(page: Path) -> dict:
    match = re.search(r'<script type="application/json" id="static-key">(.*?)</script>',
                      page.read_text(), re.S)  # fmt: skip
    return json.loads(match.group(1))


def test_every_page_is_there_with_links_that_resolve(site: Path):
    for slug in ("export-awkward", "page-all-kinds", "panjshir-valley"):
        for name in (f"{slug}.html", f"{slug}/worksheet.html", f"{slug}/answer-key.html",
                     f"{slug}/worksheet.pdf", f"{slug}/answer-key.pdf", f"{slug}/worksheet.css"):  # fmt: skip
            assert (site / "lessons" / name).is_file(), name
    assert (site / "lessons" / "panjshir-valley" / "worksheet.pdf").read_bytes().startswith(b"%PDF")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 10
    for page in pages:
        for link in LINK.findall(page.read_text()):
            if link.startswith(("#", "https:", "http:", "data:")):
                continue
            assert not link.startswith("/"), f"{page}: {link}"  # works in any sub-folder
            target = (page.parent / link.split("#")[0].split("?")[0]).resolve()
            assert target.is_file(), f"{page.relative_to(site)} links to {link}"


def test_the_index_is_the_students_with_the_broken_lesson_said(site: Path):
    index = (site / "index.html").read_text()
    assert 'href="lessons/panjshir-valley.html"' in index
    assert 'href="lessons/panjshir-valley/worksheet.html"' in index
    assert "sign-in" not in index and "answer-key" not in index
    assert "This lesson can’t be shown right now." in index
    worksheet = (site / "lessons" / "page-all-kinds" / "worksheet.html").read_text()
    assert 'class="ws-options"' not in worksheet and "answer-key" not in worksheet


def test_the_lesson_page_carries_its_key_and_says_so_without_javascript(site: Path):
    page = site / "lessons" / "page-all-kinds.html"
    html = page.read_text()
    assert "Checking answers needs JavaScript" in html
    key = static_key(page)["questions"]
    assert key["q-3f2a19c0"]["right"] == 1 and key["q-77ab01d2"]["right"] == 1
    assert key["q-5e6f7a8b"]["keys"] == [["1952"], ["1952"]]
    assert set(key["q-3f2a19c0"]["html"]) == {"unanswered", "shown", "hint", "correct", "again",
                                             "incorrect"}  # fmt: skip
    assert 'formaction="page-all-kinds.html#q-3f2a19c0"' in key["q-3f2a19c0"]["html"]["hint"]


def test_export_site_command_refuses_a_folder_with_files(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("COMPANION_CONTENT", str(tmp_path))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    assert main(["export-site", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "out: is not empty: use --force" in err
    assert main(["export-site", str(tmp_path / "notes.md")]) == 0  # new folder, no lessons
    assert (tmp_path / "notes.md" / "index.html").is_file()
    assert "(0 lessons," in capsys.readouterr().out
    (tmp_path / "file").write_text("x")
    assert main(["export-site", str(tmp_path / "file")]) == 2
    assert "file: is a file, not a folder" in capsys.readouterr().err


# ----------------------------------------------------------------- in Chromium


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no request log in the test output
        pass


@pytest.fixture(scope="module")
def served(site: Path):
    """The site on a plain static file server on loopback."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture
def page(browser, served):
    context = browser.new_context(base_url=served, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.on("response", lambda r: errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    yield page
    context.close()
    assert errors == []


@pytest.mark.browser
def test_a_static_lesson_page_checks_every_kind_in_the_browser(page):
    from playwright.sync_api import expect

    page.goto("/index.html")
    page.get_by_role("link", name="Bees in winter").click()
    expect(page).to_have_url(re.compile(r"/lessons/page-all-kinds\.html$"))
    mc = page.locator("#q-3f2a19c0")
    mc.get_by_label("They fly south").check()
    mc.locator("button.check").click()
    expect(mc.locator(".feedback")).to_contain_text("Look again at paragraph 1")
    mc.get_by_label("They shiver their wing muscles").check()
    mc.locator("button.check").click()
    expect(mc.locator(".feedback")).to_contain_text("Right this time!")
    mc.locator(".evidence-link").click()
    expect(page.locator(".passage-text .s.hl").first).to_be_visible()
    highlighted = "".join(page.locator(".passage-text .s.hl").all_text_contents())
    assert highlighted == "They cluster together in the hive and shiver their wing muscles to make heat."
    page.fill("#in-q-c1020304", "the CLUSTR")  # typed, one slip forgiven
    page.press("#in-q-c1020304", "Enter")
    expect(page.locator("#q-c1020304 .feedback")).to_contain_text("Right!")
    page.fill("#in-q-9a9b9c9d", "workers or the queen")  # a hedge is wrong
    page.locator("#q-9a9b9c9d button.check").click()
    expect(page.locator("#q-9a9b9c9d .feedback")).to_contain_text("Not quite.")
    page.locator("#q-9a9b9c9d .reveal").click()
    expect(page.locator("#q-9a9b9c9d .feedback")).to_contain_text("The answer: the workers")
    seq = page.locator("li.question[data-kind=sequence]")
    seq.locator(".seq-item").nth(1).get_by_role("button", name=re.compile("Up")).click()
    seq.locator("button.check").click()
    expect(seq.locator(".feedback")).to_contain_text("Right!")
    open_q = page.locator("li.question[data-kind=open]")
    open_q.locator("button.check").click()
    expect(open_q.locator(".feedback")).to_contain_text("Write your answer first")
    open_q.locator("textarea").fill("They shiver.")
    open_q.locator("button.check").click()
    expect(open_q.locator(".feedback")).to_contain_text("They make their own heat")
    summary = page.locator("#summary-body")
    expect(summary.locator(".score")).to_have_text(
        "Your first tries at the 8 questions: 2 right, 2 wrong, 1 written, 3 not yet answered."
    )
    expect(summary.locator(".result-wrong a")).to_have_text(["Question 1", "Question 8"])
    page.reload()  # progress survives, checked again in the browser
    expect(mc.locator(".feedback")).to_contain_text("Right this time!")
    expect(summary.locator(".score")).to_contain_text("2 right, 2 wrong")


@pytest.mark.browser
def test_static_pages_load_without_errors(page):
    for path in ("/lessons/panjshir-valley.html", "/lessons/export-awkward.html",
                 "/lessons/panjshir-valley/worksheet.html", "/lessons/panjshir-valley/answer-key.html"):  # fmt: skip
        page.goto(path)
        assert page.locator("h1").count() >= 1
    assert page.evaluate("typeof window.companionStaticCheck") == "undefined"


ANSWERS = [
    "cluster", "Cluster.", "the clustr", "a cluter", "clusters", "cluster or hive",
    "not cluster", "in a cluster of bees", "1952", "nineteen fifty-two", "in 1952", "1,952",
    "1953", "the workers", "Workers", "worker bees", "wörkers", "the workers and the queen",
    "It is the workers", "about", "about {roughly}", "~ #about", "points right: -> #1",
    "it points right", "right = east", "east", "forty-two", "42", "",
]  # fmt: skip


@pytest.mark.browser
def test_typed_answers_are_graded_in_the_browser_as_on_the_server(page):
    questions = [
        q for path in (ALL_KINDS, AWKWARD) for q in load_lesson(path).questions
        if q.kind in ("cloze", "short_answer") and not q.choices
    ]
    cases = [(q, a) for q in questions for a in ANSWERS]
    page.goto("/lessons/export-awkward.html")
    key = page.evaluate("JSON.parse(document.getElementById('static-key').textContent)")
    mine = {q.id: q for q in questions}
    browser_key = {**key["questions"]}
    page.goto("/lessons/page-all-kinds.html")
    browser_key |= page.evaluate("JSON.parse(document.getElementById('static-key').textContent)")["questions"]
    graded = page.evaluate(
        "([key, cases]) => cases.map(([id, answer]) => window.companionTextMatches(answer, key[id]))",
        [{q.id: browser_key[q.id] for q in questions}, [[q.id, a] for q, a in cases]],
    )
    expected = [text_matches(a, mine[q.id]) for q, a in cases]
    assert graded == expected
    assert sum(expected) >= 15  # the cases hold right answers too
