"""The teacher's whole flow in Chromium: sign in, upload the seed article, wait for the
lesson, accept an entry, edit a question, delete one, and find the lesson file changed in
those items only. Screenshots of the teacher screens go to screenshots/ (git-ignored)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

pytest.importorskip("playwright")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from companion.lesson.editing import lesson_items  # noqa: E402
from companion.lesson.fileformat import parse_lesson  # noqa: E402
from companion.web import create_app  # noqa: E402
from tests.helpers import ROOT, SEED, TEACHER, TEACHER_PASSWORD, serving  # noqa: E402

pytestmark = pytest.mark.browser

SHOTS = ROOT / "screenshots"
WIDTHS = (1280, 360)


def changed_old_lines(old: str, new: str) -> set[int]:
    """Indexes of the old text's lines that the new text changed or removed."""
    matcher = difflib.SequenceMatcher(None, old.split("\n"), new.split("\n"), autojunk=False)
    return {i for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal" for i in range(i1, i2)}


def shoot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"teacher-{name}-{width}.png"))
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})


def test_upload_review_and_the_file_on_disk(browser, tmp_path: Path, database_url: str):
    content = tmp_path / "content"
    content.mkdir()
    app = create_app(
        {
            "CONTENT_DIR": str(content),
            "DATABASE_URL": database_url,
            "JOBS_DIR": str(tmp_path / "jobs"),
            "SECRET_KEY": "teacher-browser-" + "k" * 32,
        }
    )
    with serving(app) as base:
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
        page = context.new_page()
        page.goto(base + "/teacher")
        page.fill("#sign-in-name", TEACHER)
        page.fill("#sign-in-password", TEACHER_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(base + "/teacher")
        shoot(page, "home-empty")

        page.get_by_role("link", name="New lesson").first.click()
        page.set_input_files("#new-file", str(SEED))
        page.select_option("#new-grade", "8")
        shoot(page, "new")
        page.get_by_role("button", name="Make the lesson").click()
        page.wait_for_url("**/teacher/lessons/panjshir-valley/review", timeout=60_000)
        expect(page.locator("h1")).to_contain_text("Panjshir Valley")
        shoot(page, "review")

        path = content / "panjshir-valley.md"
        before = path.read_text(encoding="utf-8")
        items = {i.key: i for i in lesson_items(parse_lesson(before))}
        entry = next(i for i in items.values() if not i.is_question)
        question, doomed = [i for i in items.values() if i.is_question][:2]

        card = page.locator(f"#g-{entry.passage.id}-1")
        card.get_by_role("button", name="Accept").click()
        expect(page.locator(f"#g-{entry.passage.id}-1 .notice")).to_have_text("Accepted.")
        expect(page.locator(f"#g-{entry.passage.id}-1 .status")).to_have_text("Reviewed")

        card = page.locator(f"#rq-{question.passage.id}-1")
        card.locator(".item-edit summary").click()
        violations = Axe().run(page).response["violations"]
        assert not [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        prompt = card.locator("textarea[name=prompt]")
        new_prompt = prompt.input_value() + " Explain."
        prompt.fill(new_prompt)
        shoot(page, "review-edit")
        card.get_by_role("button", name="Save").click()
        expect(page.locator(f"#rq-{question.passage.id}-1 .notice")).to_have_text("Saved.")
        expect(page.locator(f"#rq-{question.passage.id}-1 .prompt")).to_contain_text("Explain.")

        card = page.locator(f"#rq-{doomed.passage.id}-2")
        card.locator(".item-delete summary").click()
        card.get_by_role("button", name="Yes, delete it").click()
        expect(page.locator(f"#{doomed.passage.id}-items > .notice")).to_have_text("Deleted.")

        page.goto(base + "/teacher")
        expect(page.locator(".review-progress").first).to_contain_text("2 of")
        shoot(page, "home")
        context.close()

    after = path.read_text(encoding="utf-8")
    lesson = parse_lesson(after)
    assert next(e for e in lesson.glossary if e.term == entry.item.term).status == "reviewed"
    edited = next(q for q in lesson.questions if q.id == question.key)
    assert (edited.prompt, edited.status) == (new_prompt, "reviewed")
    assert doomed.key not in {q.id for q in lesson.questions}
    allowed = {
        n
        for item in (entry, question, doomed)
        for n in range(item.start - (item is doomed), item.end + (item is doomed))
    }
    assert changed_old_lines(before, after) <= allowed
    assert len(lesson_items(lesson)) == len(items) - 1
