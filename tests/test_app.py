from __future__ import annotations

import re
from pathlib import Path

from companion.common.textutil import markdown_escape
from companion.lesson.fileformat import write_lesson
from companion.lesson.model import Lesson, Passage
from tests.helpers import sign_in


def test_index_lists_lessons_with_facts(client):
    page = client.get("/").get_data(as_text=True)
    assert "Panjshir Valley: Taliban and anti-Taliban groups clash" in page
    assert "min read" in page and "grade level" in page


def test_lesson_page_and_json(client):
    page = client.get("/lessons/panjshir-valley")
    assert page.status_code == 200
    assert "Heavy clashes broke out" in page.get_data(as_text=True)
    data = client.get("/lessons/panjshir-valley.json").get_json()
    assert data["slug"] == "panjshir-valley" and data["passages"][0]["id"] == "p1"
    assert data["word_count"] > 500 and 5 <= data["grade_level"] <= 16


def test_healthz_and_security_headers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_data(as_text=True) == "ok"
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_unknown_and_traversal_slugs_are_404(client):
    for url in (
        "/lessons/nope",
        "/lessons/..%2Fsecret",
        "/lessons/%2e%2e",
        "/lessons/glossary",
        "/lessons/../app.py",
        "/lessons/Panjshir-Valley",
    ):
        assert client.get(url).status_code == 404, url


def test_broken_lesson_is_listed_and_others_work(client, content: Path):
    (content / "broken.md").write_text("---\ntitle: [oops\n---\n", encoding="utf-8")
    index = client.get("/").get_data(as_text=True)
    assert "can’t be shown right now" in index and "front matter" not in index  # students
    sign_in(client)
    index = client.get("/").get_data(as_text=True)
    assert "broken.md:2: front matter" in index
    assert "Panjshir Valley" in index
    page = client.get("/lessons/broken")
    assert page.status_code == 503 and "can’t be shown" in page.get_data(as_text=True)
    assert client.get("/lessons/panjshir-valley").status_code == 200


def test_script_in_article_never_reaches_the_page(client, content: Path):
    lesson = Lesson(
        slug="xss",
        title="<script>alert(1)</script>",
        passages=[
            Passage(
                id="",
                heading="<img src=x onerror=alert(1)>",
                paragraphs=[
                    markdown_escape("Text <script>alert('x')</script> here."),
                    "A [link](javascript:alert(1)) and <b onclick='x()'>bold</b>.",
                    "<script>alert(2)</script>",
                ],
            )
        ],
    )
    (content / "xss.md").write_text(write_lesson(lesson), encoding="utf-8")
    page = client.get("/lessons/xss").get_data(as_text=True)
    assert "<script>" not in page.split("</header>")[1]
    assert "javascript:" not in page
    assert not re.search(r"<[a-z][^>]*\son\w+\s*=", page), "no event handler attributes"
    assert "<img" not in page
    assert (
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
        or "&lt;script&gt;alert('x')" in page
    )


def test_lesson_is_reread_when_its_file_changes(client, content: Path):
    path = content / "panjshir-valley.md"
    assert "Heavy clashes" in client.get("/lessons/panjshir-valley").get_data(as_text=True)
    path.write_text(path.read_text().replace("Heavy clashes", "Fierce clashes"), encoding="utf-8")
    assert "Fierce clashes" in client.get("/lessons/panjshir-valley").get_data(as_text=True)


def test_index_and_lesson_link_to_the_printable_copies(client):
    index = client.get("/").get_data(as_text=True)
    assert 'href="/lessons/panjshir-valley/worksheet"' in index
    assert "/answer-key" not in index  # the key is for teachers
    sign_in(client)
    index = client.get("/").get_data(as_text=True)
    assert 'href="/lessons/panjshir-valley/answer-key"' in index
    page = client.get("/lessons/panjshir-valley").get_data(as_text=True)
    assert 'href="/lessons/panjshir-valley/worksheet"' in page
    assert "/answer-key" not in page  # students are not pointed at the answers


def test_a_bad_setting_stops_the_app_at_start_with_one_line(monkeypatch):
    import subprocess
    import sys

    from tests.helpers import ROOT

    monkeypatch.setenv("COMPANION_PAPER", "b5")
    result = subprocess.run(
        [sys.executable, "-c", "import app; app.create_app()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "companion: COMPANION_PAPER must be 'letter' or 'a4' (it is 'b5')\n"


def test_explicit_settings_win_over_the_environment(monkeypatch, content):
    from companion.common.settings import load_settings
    from companion.web import create_app

    monkeypatch.setenv("COMPANION_PAPER", "a4")
    monkeypatch.setenv("COMPANION_CONTENT", "/nonexistent")
    assert load_settings().paper == "a4"
    assert load_settings({"WORKSHEET_PAPER": "letter"}).paper == "letter"
    app = create_app({"CONTENT_DIR": str(content)})
    assert app.config["COMPANION_SETTINGS"].content_dir == content
    monkeypatch.delenv("COMPANION_PAPER")
    assert load_settings().paper == "letter"


def test_behind_a_proxy_the_forwarded_scheme_counts(content):
    from companion.web import create_app

    app = create_app({"TESTING": True, "CONTENT_DIR": str(content), "BEHIND_PROXY": "1"})
    response = app.test_client().get(
        "/lessons/panjshir-valley", headers={"X-Forwarded-Proto": "https"}
    )
    assert "Secure" in response.headers["Set-Cookie"]
    plain = create_app({"TESTING": True, "CONTENT_DIR": str(content)}).test_client()
    cookie = plain.get("/lessons/panjshir-valley", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" not in cookie.headers["Set-Cookie"]


def test_index_counts_read_right_for_one(client, content: Path):
    one = (
        "---\ntitle: One passage\n---\n\n## Only\n\nOne short paragraph of words.\n\n"
        "### Questions\n\n1. Where?\n    Answer: here\n"
    )
    (content / "one.md").write_text(one, encoding="utf-8")
    html = client.get("/").get_data(as_text=True)
    facts = re.search(r'href="/lessons/one">One passage</a>\s*<span class="lesson-facts">(.*?)</span>',
                      html, re.S)
    assert facts, html
    text = " ".join(facts.group(1).split())
    assert text.startswith("1 passage · 5 words ·"), text
    assert not re.search(r"(?<![\d,])1 (?:passages|words)\b", html)


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.mimetype == "image/vnd.microsoft.icon"
    assert "max-age" in response.headers["Cache-Control"]
