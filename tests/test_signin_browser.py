"""Signing in and out in Chromium: the answer-key link shows only to a signed-in teacher.
Screenshots of the sign-in page (1280 and 360 px wide) go to screenshots/ (git-ignored)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("playwright")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Page, expect  # noqa: E402

from companion.web import create_app  # noqa: E402
from tests.helpers import ROOT, SAMPLE, TEACHER, TEACHER_PASSWORD, serving  # noqa: E402

pytestmark = pytest.mark.browser

SHOTS = ROOT / "screenshots"
KEY_LINK = "a[href='/lessons/panjshir-valley/answer-key']"


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (name, width, widths)  # no sideways scrolling
        page.screenshot(path=str(SHOTS / f"sign-in-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]


def test_the_answer_key_link_shows_only_when_signed_in(browser, tmp_path: Path, database_url):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SAMPLE, content / SAMPLE.name)
    app = create_app({"CONTENT_DIR": str(content), "DATABASE_URL": database_url})
    errors: list[str] = []
    with serving(app) as base:
        context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto("/")
        expect(page.locator(".lesson-print")).to_contain_text("worksheet")
        expect(page.locator(KEY_LINK)).to_have_count(0)
        page.get_by_role("link", name="Teachers: sign in").click()
        expect(page.get_by_role("heading", name="Teacher sign in")).to_be_visible()
        shoot(page, "form")
        assert serious_violations(page) == []

        page.get_by_label("Name").fill(TEACHER)
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("alert")).to_contain_text("do not match")
        expect(page.get_by_label("Name")).to_have_value(TEACHER)
        shoot(page, "wrong-password")
        assert serious_violations(page) == []

        page.get_by_label("Password").fill(TEACHER_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/sign-in" not in url)
        page.goto("/")
        expect(page.locator(".account-bar")).to_contain_text(f"Signed in as {TEACHER}")
        page.locator(KEY_LINK).click()
        expect(page.locator("body.is-key")).to_have_count(1)  # the answer key itself

        page.goto("/")
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("status")).to_contain_text("You have signed out")
        page.goto("/")
        expect(page.locator(KEY_LINK)).to_have_count(0)
        page.goto("/lessons/panjshir-valley/answer-key")
        expect(page.get_by_role("heading", name="Teacher sign in")).to_be_visible()
        context.close()
    assert [e for e in errors if "status of 401" not in e] == []  # 401: the wrong password
