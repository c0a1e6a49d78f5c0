"""The lesson page through Flask's test client: content, no-JS grading by POST, CSRF,
caching (ETag/304, static files), security headers and the size budget."""

from __future__ import annotations

import hashlib
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from app import create_app
from companion.common.settings import PROJECT_ROOT
from companion.lesson.store import load_lesson
from companion.views.page import build_page
from companion.views.render import render_markdown
from companion.web import lessons as web

DATA = Path(__file__).parent / "data" / "lessons"
FIXTURE = DATA / "page-all-kinds.md"
SEED = Path(__file__).resolve().parent.parent / "content" / "panjshir-valley.md"
URL = "/lessons/page-all-kinds"
BUDGET = 50 * 1024


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def client(content: Path):
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content), "SECRET_KEY": "k" * 40})
    return app.test_client()


def token_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([0-9a-f]{64})"', html).group(1)


def question_block(html: str, key: str) -> str:
    """The HTML of one question, from its <li> to the next question or section end."""
    start = html.rindex("<li", 0, html.index(f'id="{key}"'))
    ends = [i for i in (html.find('<li class="question', start + 1), html.find("</section>", start)) if i > 0]
    return html[start : min(ends)]


def open_page(client) -> tuple[str, str]:
    response = client.get(URL)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return html, token_of(html)


# ----------------------------------------------------------------- what the page shows


def test_every_question_kind_has_its_control(client):
    html, _ = open_page(client)
    mc = question_block(html, "q-3f2a19c0")
    assert mc.count('type="radio" name="a-q-3f2a19c0"') == 4
    tf = question_block(html, "q-77ab01d2")
    assert tf.count('type="radio"') == 2 and ">True<" in tf and ">False<" in tf
    cloze = question_block(html, "q-c1020304")
    assert re.search(r'<input class="answer" type="text" id="in-q-c1020304" name="a-q-c1020304"', cloze)
    assert 'class="blank"' in cloze and "_____" not in html
    assert re.search(r'<select class="answer" id="in-q-[0-9a-f]+" name="a-q-[0-9a-f]+">\s*<option value="">', html)
    assert len(re.findall(r'<select id="q-[0-9a-f]+-item-\d-pos" name="s-q-[0-9a-f]+-\d">', html)) == 3
    assert re.search(r'<textarea class="answer" id="in-q-[0-9a-f]+" name="a-q-[0-9a-f]+"', html)
    assert html.count('class="check"') == 8


def test_glossary_marks_link_to_the_passage_glossary(client):
    html, _ = open_page(client)
    marks = re.findall(r'<a class="term" href="#(g-p\d-\d)" id="(t-p\d-\d)"', html)
    assert {m[0] for m in marks} == {"g-p1-1", "g-p1-2", "g-p1-3", "g-p2-1", "g-p2-2", "g-p2-3"}
    for entry_id, mark_id in marks:
        entry = html[html.index(f'id="{entry_id}"') :]
        assert entry.index(f'href="#{mark_id}"') < entry.index("</div>"), "the entry links back to its mark"
        assert html.index(f'id="{mark_id}"') < html.index(f'id="{entry_id}"')
    # the whole lesson's glossary, A to Z, each entry pointing at its place
    whole = html[html.index('id="glossary"') : html.index('id="summary"')]
    terms = re.findall(r"<dt>(.*?)</dt>", whole)
    assert terms == sorted(terms, key=str.casefold) and len(terms) == 6
    assert 'href="#t-p2-2">In “The NRF of the hive”' in whole


def test_students_never_see_provenance_or_hidden_answers(client):
    html, _ = open_page(client)
    for secret in ("rule:", "wordnet", "hash", "status:", "They make their own heat", "worker bees", "<!--"):
        assert secret not in html, secret


def test_paragraph_numbers_run_through_the_lesson(client):
    html, _ = open_page(client)
    numbers = re.findall(r'<p class="para" id="para-(\d+)">', html)
    assert numbers == ["1", "2", "3", "4"]
    assert "data-evidence" not in html  # where an answer is comes only with the answer


def test_the_page_says_what_to_do_and_links_to_the_worksheet(client):
    html, _ = open_page(client)
    assert "Read each passage, then answer the questions after it." in html
    assert '<a class="print-link" href="/lessons/page-all-kinds/worksheet">Print a worksheet</a>' in html


def test_a_lesson_without_questions_asks_for_no_answers(client, content):
    """Issue #14: a lesson with no questions said "answer the questions after it"."""
    (content / "no-questions.md").write_text(
        "---\ntitle: 'Just reading'\n---\n\n## Bees\n\nBees make honey in the hive.\n",
        encoding="utf-8",
    )
    html = client.get("/lessons/no-questions").get_data(as_text=True)
    assert "Read each passage." in html and "answer the questions" not in html
    assert "This lesson has no questions yet." in html


def test_seed_lesson_renders_whatever_it_holds(client):
    response = client.get("/lessons/panjshir-valley")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Heavy clashes broke out" in html
    data = client.get("/lessons/panjshir-valley.json").get_json()
    questions = [q for p in data["passages"] for q in p["questions"]]
    glossary = [g for p in data["passages"] for g in p["glossary"]]
    assert len(re.findall(r'<li class="question[ "]', html)) == len(questions)
    assert html.count('class="gloss-entry"') == 2 * len(glossary)


# ----------------------------------------------------------------- grading without JavaScript


def test_post_grades_the_pressed_question_and_gives_a_hint_on_a_wrong_first_try(client):
    _, token = open_page(client)
    response = client.post(
        URL,
        data={
            "csrf_token": token,
            "check": "q-3f2a19c0",
            "a-q-3f2a19c0": "2",  # wrong
            "a-q-5e6f7a8b": "In 1952",  # right, but its Check was not pressed
        },
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    mc = question_block(html, "q-3f2a19c0")
    assert 'class="question is-incorrect"' in mc and "Not quite." in mc
    assert '<a class="look-link" href="#para-1" data-key="q-3f2a19c0">Look again at paragraph 1</a>' in mc
    assert 'name="reveal" value="q-3f2a19c0"' in mc
    assert "The answer" not in mc and "They cluster together" not in mc, "no answer, no evidence"
    assert 'value="2" checked' in mc, "the student's choice is kept"
    assert re.search(r'<input type="hidden" name="t-q-3f2a19c0" value="incorrect\.0\.[0-9a-f]{12}">', mc)
    short = question_block(html, "q-5e6f7a8b")
    assert '<div class="fb' not in short and 'value="In 1952"' in short and 'name="t-' not in short
    assert 'class="s hl"' not in html, "nothing highlighted before the answer is shown"
    summary = html[html.index('id="summary"') :]
    assert "<strong>0 right</strong>, <strong>1 wrong</strong>, 7 not yet answered." in summary
    assert 'href="#q-3f2a19c0">Question 1</a>' in summary


def post_mc(client, token: str, answer: str, state: str = "", **extra) -> str:
    data = {"csrf_token": token, "check": "q-3f2a19c0", "a-q-3f2a19c0": answer, **extra}
    if state:
        data["t-q-3f2a19c0"] = state
    return client.post(URL, data=data).get_data(as_text=True)


def state_of(html: str, key: str = "q-3f2a19c0") -> str:
    return re.search(rf'name="t-{key}" value="([^"]*)"', html).group(1)


def test_post_second_try_shows_the_answer_and_the_first_try_counts(client):
    _, token = open_page(client)
    first = post_mc(client, token, "2")
    html = post_mc(client, token, "1", state_of(first))  # right on the second try
    mc = question_block(html, "q-3f2a19c0")
    assert "Right this time!" in mc and "They cluster together in the hive and shiver" in mc
    assert state_of(html).startswith("incorrect.1.")
    assert "<strong>0 right</strong>, <strong>1 wrong</strong>" in html
    assert set(re.findall(r'class="s hl" data-s="([\d.]+)"', html)) == {"1.2"}
    # a second wrong try shows the answer too
    html = post_mc(client, token, "3", state_of(first))
    assert "The answer: <strong>They shiver their wing muscles</strong>" in question_block(html, "q-3f2a19c0")


def test_post_the_same_wrong_answer_again_keeps_the_hint(client):
    _, token = open_page(client)
    first = post_mc(client, token, "2")
    again = post_mc(client, token, "2", state_of(first))
    mc = question_block(again, "q-3f2a19c0")
    assert "Look again at paragraph 1" in mc and "The answer" not in mc
    assert state_of(again) == state_of(first)


def test_post_show_answer(client):
    _, token = open_page(client)
    first = post_mc(client, token, "2")
    data = {"csrf_token": token, "reveal": "q-3f2a19c0", "a-q-3f2a19c0": "2", "t-q-3f2a19c0": state_of(first)}
    html = client.post(URL, data=data).get_data(as_text=True)
    mc = question_block(html, "q-3f2a19c0")
    assert "The answer: <strong>They shiver their wing muscles</strong>" in mc
    assert state_of(html).startswith("incorrect.1.")


def test_post_changed_answers_lose_their_feedback_but_keep_their_first_try(client):
    _, token = open_page(client)
    right = post_mc(client, token, "1")
    assert "Right!" in question_block(right, "q-3f2a19c0")
    html = client.post(
        URL,
        data={"csrf_token": token, "check": "q-77ab01d2", "a-q-77ab01d2": "1",
              "a-q-3f2a19c0": "2", "t-q-3f2a19c0": state_of(right)},
    ).get_data(as_text=True)  # fmt: skip
    mc = question_block(html, "q-3f2a19c0")
    assert '<div class="fb' not in mc and 'class="question"' in mc
    assert state_of(html) == state_of(right)
    assert "<strong>2 right</strong>, <strong>0 wrong</strong>, 6 not yet answered." in html


def test_post_default_button_tries_every_answered_question(client):
    _, token = open_page(client)
    html = client.post(
        URL,
        data={"csrf_token": token, "check": "", "a-q-3f2a19c0": "1", "a-q-5e6f7a8b": "in 1952",
              "a-q-c1020304": "hive"},
    ).get_data(as_text=True)  # fmt: skip
    assert "Right!" in question_block(html, "q-3f2a19c0")
    assert "Right!" in question_block(html, "q-5e6f7a8b")
    assert "Look again at paragraph 2" in question_block(html, "q-c1020304")
    assert "Answer the question first" not in html
    assert "<strong>2 right</strong>, <strong>1 wrong</strong>, 5 not yet answered." in html


def test_forged_or_broken_state_fields_are_ignored(client):
    _, token = open_page(client)
    for state in ("correct.1.<script>", "right.1.abcdefabcdef", "x" * 500):
        html = post_mc(client, token, "2", state)
        assert "Look again at paragraph 1" in question_block(html, "q-3f2a19c0")
        assert "<script>" not in question_block(html, "q-3f2a19c0")


def test_post_sequence_keeps_the_students_order(client):
    _, token = open_page(client)
    seq = re.search(r'name="s-(q-[0-9a-f]+)-0"', open_page(client)[0]).group(1)
    html = client.post(
        URL,
        data={"csrf_token": token, "check": seq, f"s-{seq}-0": "3", f"s-{seq}-1": "1", f"s-{seq}-2": "2"},
    ).get_data(as_text=True)
    block = question_block(html, seq)
    items = re.findall(r'<span class="seq-text" id="[^"]+">(.*?)</span>', block)
    assert items == ["Bees cluster in the hive", "The middle of the cluster warms up", "Bees shiver their wing muscles"]
    assert "Not quite." in block and "Look again at the passage" in block
    assert "The right order:" not in block


def test_post_with_invalid_answer_explains(client):
    _, token = open_page(client)
    html = client.post(
        URL, data={"csrf_token": token, "check": "q-3f2a19c0", "a-q-3f2a19c0": "99"}
    ).get_data(as_text=True)
    assert "That choice is not one of the options." in question_block(html, "q-3f2a19c0")


def test_check_endpoint_returns_feedback_and_summary(client):
    _, token = open_page(client)
    response = client.post(
        URL + "/check",
        data={
            "csrf_token": token,
            "checked": ["q-77ab01d2", "q-nope"],
            "attempt": "q-77ab01d2",
            "a-q-77ab01d2": "1",
            "a-q-3f2a19c0": "1",  # answered but not asked for: not graded
        },
    )
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    data = response.get_json()
    assert list(data["results"]) == ["q-77ab01d2"]
    result = data["results"]["q-77ab01d2"]
    assert result["status"] == "correct" and result["correct"] is True and result["mode"] == "answer"
    assert result["state"].startswith("correct.1.") and result["expected"] == ["False"]
    assert "Right!" in result["html"] and 'href="#s1-1"' in result["html"]
    assert "<strong>1 right</strong>" in data["summary_html"]


def check(client, token: str, **fields) -> dict:
    response = client.post(URL + "/check", data={"csrf_token": token, **fields})
    assert response.status_code == 200
    return response.get_json()


def test_check_endpoint_keeps_the_answer_on_a_first_wrong_try(client):
    """Issue #14, item 3: a first wrong check does not leak the key."""
    _, token = open_page(client)
    data = check(client, token, attempt="q-3f2a19c0", **{"a-q-3f2a19c0": "2"})
    result = data["results"]["q-3f2a19c0"]
    assert result["mode"] == "hint" and result["status"] == "incorrect" and result["paragraph"] == 1
    assert "expected" not in result and "evidence" not in result
    for secret in ("They shiver their wing muscles", "They cluster together", "The answer"):
        assert secret not in result["html"]
    assert "Look again at paragraph 1" in result["html"]
    assert 'name="reveal" value="q-3f2a19c0" formaction="/lessons/page-all-kinds#q-3f2a19c0"' in result["html"]
    assert "<strong>0 right</strong>, <strong>1 wrong</strong>" in data["summary_html"]
    state = result["state"]
    # a reload (no attempt) shows the same hint; the state does not move
    again = check(client, token, checked="q-3f2a19c0", **{"a-q-3f2a19c0": "2", "t-q-3f2a19c0": state})
    assert again["results"]["q-3f2a19c0"]["mode"] == "hint"
    assert again["results"]["q-3f2a19c0"]["state"] == state
    # "Show answer"
    shown = check(client, token, reveal="q-3f2a19c0", **{"a-q-3f2a19c0": "2", "t-q-3f2a19c0": state})
    result = shown["results"]["q-3f2a19c0"]
    assert result["mode"] == "answer" and result["expected"] == ["They shiver their wing muscles"]
    assert "The answer: <strong>They shiver their wing muscles</strong>" in result["html"]


def test_check_endpoint_second_try_and_a_changed_answer(client):
    _, token = open_page(client)
    state = check(client, token, attempt="q-3f2a19c0", **{"a-q-3f2a19c0": "2"})["results"]["q-3f2a19c0"]["state"]
    second = check(client, token, attempt="q-3f2a19c0", **{"a-q-3f2a19c0": "1", "t-q-3f2a19c0": state})
    result = second["results"]["q-3f2a19c0"]
    assert result["status"] == "correct" and result["first"] == "incorrect" and result["mode"] == "answer"
    assert "Right this time!" in result["html"]
    assert "<strong>0 right</strong>, <strong>1 wrong</strong>" in second["summary_html"]
    # an answer changed since its check, sent without an attempt: no feedback
    later = check(client, token, checked="q-3f2a19c0", **{"a-q-3f2a19c0": "3", "t-q-3f2a19c0": result["state"]})
    assert later["results"]["q-3f2a19c0"]["mode"] == "" and later["results"]["q-3f2a19c0"]["html"] == ""
    assert "<strong>0 right</strong>, <strong>1 wrong</strong>" in later["summary_html"]


def test_check_endpoint_says_unanswered_without_using_a_try(client):
    _, token = open_page(client)
    result = check(client, token, attempt="q-3f2a19c0")["results"]["q-3f2a19c0"]
    assert result["mode"] == "message" and result["state"] == ""
    assert "Answer the question first" in result["html"]


# ----------------------------------------------------------------- CSRF and limits


@pytest.mark.parametrize("path", [URL, URL + "/check"])
def test_csrf_is_required(client, path):
    _, token = open_page(client)
    form = {"check": "q-3f2a19c0", "checked": "q-3f2a19c0", "a-q-3f2a19c0": "1"}
    assert client.post(path, data=form).status_code == 400
    assert client.post(path, data={**form, "csrf_token": "0" * 64}).status_code == 400
    assert client.post(path, data={**form, "csrf_token": token + "0"}).status_code == 400
    # the right token with a cross-site origin, or from another site's page
    ok = {**form, "csrf_token": token}
    assert client.post(path, data=ok, headers={"Origin": "https://evil.example"}).status_code == 400
    assert client.post(path, data=ok, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 400
    # Chromium sends "Origin: null" with Referrer-Policy no-referrer: the token decides
    assert client.post(path, data=ok, headers={"Origin": "null"}).status_code == 200
    assert client.post(path, data=ok, headers={"Origin": "http://localhost"}).status_code == 200


def test_token_belongs_to_its_cookie(content):
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content), "SECRET_KEY": "k" * 40})
    alice, mallory = app.test_client(), app.test_client()
    _, mallory_token = open_page(mallory)
    open_page(alice)
    form = {"csrf_token": mallory_token, "check": "q-3f2a19c0", "a-q-3f2a19c0": "1"}
    assert alice.post(URL, data=form).status_code == 400
    assert mallory.post(URL, data=form).status_code == 200


def test_csrf_cookie_is_httponly_and_lax(client):
    cookie = client.get(URL).headers["Set-Cookie"]
    assert cookie.startswith("companion_csrf=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_answers_are_size_limited(client):
    _, token = open_page(client)
    response = client.post(URL, data={"csrf_token": token, "a-q-5e6f7a8b": "x" * 70_000})
    assert response.status_code == 413


# ----------------------------------------------------------------- caching


def test_etag_gives_304_until_the_lesson_changes(client, content):
    first = client.get(URL)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "private, no-cache" and first.headers["Vary"] == "Cookie"
    again = client.get(URL, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b"" and again.headers["ETag"] == etag
    path = content / FIXTURE.name
    path.write_text(path.read_text(encoding="utf-8").replace("Honeybees do not", "Bees do not"), encoding="utf-8")
    changed = client.get(URL, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Bees do not sleep" in changed.get_data(as_text=True)
    assert changed.headers["ETag"] != etag


def test_no_304_for_a_browser_without_the_cookie(content, client):
    etag = client.get(URL).headers["ETag"]
    stranger = create_app({"TESTING": True, "CONTENT_DIR": str(content), "SECRET_KEY": "k" * 40}).test_client()
    response = stranger.get(URL, headers={"If-None-Match": etag})
    assert response.status_code == 200 and "Set-Cookie" in response.headers


def test_rendered_page_is_built_once_per_version(client, monkeypatch):
    calls = []
    real = web.build_page

    def counting(lesson, render):
        calls.append(lesson.slug)
        return real(lesson, render)

    monkeypatch.setattr(web, "build_page", counting)
    renders = []
    real_render = web.render_lesson
    monkeypatch.setattr(web, "render_lesson", lambda *a, **k: renders.append(1) or real_render(*a, **k))
    first = client.get(URL).get_data(as_text=True)
    second = client.get(URL).get_data(as_text=True)
    assert first == second and calls == ["page-all-kinds"] and len(renders) == 1


def test_static_files_have_hashed_urls_and_long_cache(client):
    html, _ = open_page(client)
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert {a.split("?")[0] for a in assets} == {
        "/static/js/prefs.js",
        "/static/js/lesson.js",
        "/static/css/base.css",
        "/static/css/lesson.css",
    }
    for url in assets:
        path, version = url.split("?v=")
        body = (PROJECT_ROOT / path.lstrip("/")).read_bytes()
        assert version == hashlib.sha256(body).hexdigest()[:10]
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


# ----------------------------------------------------------------- weight and security


def test_page_js_and_css_fit_the_budget(client):
    html, _ = open_page(client)
    total = 0
    for url in re.findall(r'(?:<script src|<link rel="stylesheet" href)="([^"]+)"', html):
        total += len(client.get(url).get_data())
    assert 10_000 < total <= BUDGET, total


def test_no_inline_script_no_style_attributes_no_external_requests(client):
    html, _ = open_page(client)
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), "every script is a file"
    assert " style=" not in html
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", html)
    for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html):
        assert url.startswith("/static/") or url == "data:,", url
    csp = client.get(URL).headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_bundled_font_files_and_license_exist(client):
    css = client.get("/static/css/base.css").get_data(as_text=True)
    fonts = re.findall(r"url\(\.\./fonts/([^?)]+)\?v=", css)
    assert len(fonts) == 5
    for name in fonts:
        response = client.get(f"/static/fonts/{name}")
        assert response.status_code == 200 and response.get_data()[:4] == b"wOF2"
    license_text = client.get("/static/fonts/OFL-Atkinson-Hyperlegible.txt").get_data(as_text=True)
    assert "SIL OPEN FONT LICENSE Version 1.1" in license_text


def test_every_seed_evidence_sentence_can_be_highlighted(client):
    """Generated evidence is verbatim article text, so the page finds each one in its
    passage and can highlight it (the sentence ids reach the browser only with the
    answer, on the feedback's "Show it in the text" link)."""
    html = client.get("/lessons/panjshir-valley").get_data(as_text=True)
    built = build_page(load_lesson(SEED), render_markdown)
    assert len(built.slots) == html.count('<li class="question')
    for slot in built.slots:
        question, ids = slot.question, built.evidence.get(slot.key, [])
        if question.evidence:
            assert ids, f"evidence not found in the text: {question.evidence}"
            pieces = [
                piece
                for i in ids
                for piece in re.findall(rf'data-s="{re.escape(i)}"[^>]*>(.*?)</span>', html)
            ]
            shown = re.sub(r"\W+", "", unescape("".join(pieces)).lower())
            assert re.sub(r"\W+", "", question.evidence.lower()) in shown


def test_a_word_only_the_title_holds_is_marked_in_the_title(tmp_path: Path):
    """The first passage's entry for a headline's own word ("hailed") is tapped in the
    title, and the title stays escaped text around the mark."""
    (tmp_path / "pilot.md").write_text(
        "---\ntitle: Pilot hailed as hero <script>x</script>\n---\n\n## Landing\n\n"
        "The jet landed on the river and everyone survived.\n\n### Glossary\n\n"
        "hail\n:   praise someone publicly\n",
        encoding="utf-8",
    )
    app = create_app({"TESTING": True, "CONTENT_DIR": str(tmp_path), "SECRET_KEY": "k" * 40})
    html = app.test_client().get("/lessons/pilot").get_data(as_text=True)
    title = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert re.search(r'Pilot <a class="term" href="#g-[\w-]+-1" id="t-[\w-]+-1" '
                     r'data-entry="g-[\w-]+-1">hailed</a> as hero', title)  # fmt: skip
    assert "&lt;script&gt;x&lt;/script&gt;" in title and "<script>x" not in html
