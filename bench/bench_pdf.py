"""PDF rendering time of the sample lesson's worksheet and answer key (WeasyPrint).

Target: the student worksheet renders in under 2 s. The first render also pays for
importing WeasyPrint and loading fonts, so it is reported apart from the warm median.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from companion.lesson.store import load_lesson
from companion.views.pdf import render_pdf
from companion.views.worksheet import WorksheetOptions, build_worksheet

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "panjshir-valley.md"
TARGET_SECONDS = 2.0
RUNS = 3


def timed(worksheet, answer_key: bool) -> tuple[float, int]:
    start = time.perf_counter()
    pdf = render_pdf(worksheet, answer_key)
    return time.perf_counter() - start, pdf.pages


def run() -> None:
    lesson = load_lesson(SAMPLE)
    cases = [
        ("worksheet, Letter", WorksheetOptions(), False),
        ("worksheet, A4, version B", WorksheetOptions(paper="a4", version="B"), False),
        ("worksheet, large print", WorksheetOptions(large_print=True), False),
        ("answer key, Letter", WorksheetOptions(), True),
    ]
    print(f"sample lesson: {SAMPLE.name}, {len(lesson.questions)} questions")
    first, _ = timed(build_worksheet(lesson, WorksheetOptions()), False)
    print(f"  first render (imports, fonts): {first:.2f} s")
    for label, options, answer_key in cases:
        worksheet = build_worksheet(lesson, options)
        results = [timed(worksheet, answer_key) for _ in range(RUNS)]
        median = statistics.median(seconds for seconds, _ in results)
        pages = results[0][1]
        verdict = "ok" if median < TARGET_SECONDS else "SLOW"
        print(
            f"  {label:<26} {median:5.2f} s (median of {RUNS}; target < {TARGET_SECONDS:.0f} s: "
            f"{verdict})  {pages} page{'s' if pages != 1 else ''}"
        )


if __name__ == "__main__":
    run()
