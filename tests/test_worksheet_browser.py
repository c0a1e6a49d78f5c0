"""The worksheet page in a real browser (Playwright driving Debian's Chromium): the print
options form, and a page that asks for nothing it cannot have (issue #14)."""

from __future__ import annotations

import os
import shutil

import pytest

pytest.importorskip("playwright")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Page, expect  # noqa: E402

from companion.web import create_app  # noqa: E402
from tests.helpers import ROOT, serving, teacher_cookie  # noqa: E402

pytestmark = pytest.mark.browser

FIXTURE = ROOT / "tests" / "data" / "lessons" / "worksheet-all-kinds.md"
SHOTS = ROOT / "screenshots"
CHROMIUM = os.environ.get("COMPANION_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
URL = "/lessons/worksheet-all-kinds/worksheet"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("content")
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    app = create_app({"CONTENT_DIR": str(folder), "SECRET_KEY": "browser-tests-" + "k" * 32})
    with serving(app) as url:
        yield url, teacher_cookie(app)




@pytest.fixture
def page(browser, server):
    """A page signed in as a teacher (the answer key is for teachers only)."""
    url, cookie = server
    context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 900})
    context.add_cookies([{**cookie, "url": url}])
    page = context.new_page()
    page.failed = []  # type: ignore[attr-defined]
    page.on(
        "response",
        lambda r: page.failed.append(f"{r.status} {r.url}")  # type: ignore[attr-defined]
        if r.status >= 400 and r.request.resource_type != "document"
        else None,
    )
    yield page
    context.close()


def test_unticking_every_kind_says_one_is_needed_and_keeps_the_form(page: Page):
    page.goto(URL + "?paper=a4")
    kinds = page.locator(".ws-kinds input[name=kind]")
    expect(kinds).to_have_count(6)
    for index in range(6):
        kinds.nth(index).uncheck()
    page.get_by_role("button", name="Update").click()
    problem = page.get_by_role("alert")
    expect(problem).to_be_visible()
    expect(problem).to_contain_text("Tick at least one question kind")
    expect(page.locator("select[name=paper]")).to_have_value("a4")  # the form is kept
    expect(kinds).to_have_count(6)
    for index in range(6):
        expect(kinds.nth(index)).not_to_be_checked()
    expect(page.locator(".ws-q")).to_have_count(0)  # no sheet with every kind back
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "worksheet-no-kind.png"))
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, serious

    kinds.nth(0).check()  # then ticking one prints that kind
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.locator(".ws-q-multiple_choice")).to_have_count(2)
    expect(page.locator(".ws-q")).to_have_count(2)


def test_the_worksheet_page_loads_without_a_failed_request(page: Page):
    page.goto(URL)
    page.wait_for_load_state("networkidle")
    page.goto(URL.replace("worksheet", "answer-key"))
    page.wait_for_load_state("networkidle")
    assert page.failed == []  # type: ignore[attr-defined]  # no /favicon.ico 404
