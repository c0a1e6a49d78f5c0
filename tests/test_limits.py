"""No small lesson file makes a heavy page (companion.lesson.limits, views.render)."""

from __future__ import annotations

import time
from pathlib import Path

from companion.cli import main
from companion.lesson.fileformat import write_lesson
from companion.lesson.model import Lesson, Passage, Question
from companion.views.render import render_markdown
from tests.helpers import BLOWUP_SECONDS, sign_in


def lesson_with(paragraph: str = "Bees make heat.", items: int = 3) -> Lesson:
    choices = [f"Event {i}" for i in range(items)]
    lesson = Lesson(
        "big",
        "Big",
        passages=[
            Passage(
                "p1",
                "Bees",
                [paragraph],
                questions=[Question("q-1", "sequence", "Put these in order.", choices, choices)],
            )
        ],
    )
    lesson.renumber()
    return lesson


def test_nested_brackets_render_in_bounded_time():
    start = time.monotonic()
    html = render_markdown("[" * 15_000 + "x")
    assert time.monotonic() - start < BLOWUP_SECONDS
    assert html.count("[") == 15_000  # shown as written
    assert render_markdown("see [the map](https://example.org)").startswith("see <a ")


def test_check_reports_parts_over_the_limits(tmp_path: Path, capsys):
    path = tmp_path / "big.md"
    path.write_text(write_lesson(lesson_with("word " * 700, items=12)), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "longer than 3000 characters: split it" in out
    assert "more than 8 choices or items" in out


def test_a_lesson_too_big_to_serve_is_broken_and_the_others_still_work(content, client):
    (content / "huge.md").write_text(write_lesson(lesson_with(items=300)), encoding="utf-8")
    sign_in(client)  # the file's error is for teachers
    index = client.get("/")
    assert index.status_code == 200
    assert "more than 50 choices" in index.get_data(as_text=True)
    assert client.get("/lessons/huge").status_code == 503
    assert client.get("/lessons/panjshir-valley").status_code == 200
