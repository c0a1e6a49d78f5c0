"""Classes in Chromium: a teacher makes a class and assigns a lesson; a student joins in
another browser (its link, a name), answers, reloads, and finds the answers again on a
third browser under the same name; the teacher's dashboard shows the result and its
chart. Screenshots of the class, join and dashboard pages at 1280 and 360 px go to
screenshots/classes-*.png (git-ignored)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("playwright")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from companion.web import create_app  # noqa: E402
from tests.helpers import ROOT, serving, teacher_cookie  # noqa: E402

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "data" / "lessons" / "page-all-kinds.md"
SHOTS = ROOT / "screenshots"
MC = "q-3f2a19c0"  # right: "They shiver their wing muscles"
TF = "q-77ab01d2"  # right: False
# The elements that stick out of the page (outside a scrolling box) at a width.
WIDEST = """width => document.documentElement.scrollWidth <= width ? [] :
  [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest(".table-scroll"))
  .slice(0, 3).map(e => e.tagName + "." + e.className)
  .concat(["page width " + document.documentElement.scrollWidth])"""


def shoot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    size = page.viewport_size
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"classes-{name}-{width}.png"), full_page=True)
        wide = page.evaluate(WIDEST, width)
        assert not wide, f"{name} scrolls sideways at {width} px: {wide}"
    page.set_viewport_size(size)


def no_serious_violations(page) -> None:
    violations = Axe().run(page).response["violations"]
    assert not [v["id"] for v in violations if v["impact"] in ("serious", "critical")]


def test_a_class_from_making_it_to_its_dashboard(browser, tmp_path: Path, database_url: str):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(FIXTURE, content / FIXTURE.name)
    app = create_app({"CONTENT_DIR": str(content), "DATABASE_URL": database_url,
                      "SECRET_KEY": "classes-browser-" + "k" * 32})  # fmt: skip
    with serving(app) as base:
        teacher = browser.new_context(viewport={"width": 1280, "height": 900})
        teacher.add_cookies([{**teacher_cookie(app), "url": base}])
        desk = teacher.new_page()
        desk.goto(base + "/teacher/classes")
        desk.fill("#class-name", "7B English")
        desk.get_by_role("button", name="Make the class").click()
        desk.get_by_label("Bees in winter").check()
        desk.get_by_role("button", name="Save lessons").click()
        expect(desk.locator(".notice")).to_have_text("Lessons saved.")
        link = desk.locator(".join-link a").get_attribute("href")
        class_url = desk.url
        shoot(desk, "class")

        phone = browser.new_context(viewport={"width": 360, "height": 740})
        pupil = phone.new_page()
        pupil.goto(link)
        expect(pupil.locator("h1")).to_have_text("Join 7B English")
        no_serious_violations(pupil)
        shoot(pupil, "join")
        pupil.fill("#join-name", "Sam")
        pupil.get_by_role("button", name="Join the class").click()
        expect(pupil.locator(".notice")).to_have_text("You joined 7B English as Sam.")
        shoot(pupil, "my-classes")
        pupil.get_by_role("link", name="Bees in winter").click()
        expect(pupil.locator(".class-bar")).to_contain_text("7B English as Sam")
        question = pupil.locator(f"#{MC}")
        question.get_by_label("They fly south").check()
        question.locator(".check").click()
        expect(question.locator(".feedback")).to_contain_text("Not quite.")
        question.get_by_label("They shiver their wing muscles").check()
        question.locator(".check").click()
        expect(question.locator(".feedback")).to_contain_text("Right this time!")
        pupil.locator(f"#{TF}").get_by_label("False").check()
        pupil.locator(f"#{TF} .check").click()
        expect(pupil.locator(f"#{TF} .feedback")).to_contain_text("Right!")
        pupil.reload()
        expect(question.get_by_label("They shiver their wing muscles")).to_be_checked()
        expect(question.locator(".feedback")).to_contain_text("Right this time!")
        shoot(pupil, "lesson")

        laptop = browser.new_context(viewport={"width": 1280, "height": 900})
        other = laptop.new_page()
        other.goto(link)
        other.fill("#join-name", "sam")
        other.get_by_role("button", name="Join the class").click()
        shoot(other, "join-same-name")
        other.get_by_role("button", name="Yes, I am Sam").click()
        other.get_by_role("link", name="Bees in winter").click()
        expect(other.locator(f"#{TF}").get_by_label("False")).to_be_checked()
        expect(other.locator("#summary-body")).to_contain_text("1 right, 1 wrong")

        desk.goto(class_url + "/lessons/page-all-kinds")
        expect(desk.locator(".dash-facts")).to_contain_text("1 of 1 student started")
        expect(desk.locator("svg.chart").first).to_be_visible()
        row = desk.locator("#dq-1 tr:has-text('They fly south') td")
        expect(row).to_have_text("1")
        expect(desk.locator(".missed a").first).to_have_attribute(
            "href", "/teacher/lessons/page-all-kinds/review#rq-p1-1"
        )
        no_serious_violations(desk)
        shoot(desk, "dashboard")
        for context in (teacher, phone, laptop):
            context.close()
