"""Write lessons out for a blind review with REVIEW-RUBRIC.md.

    .venv/bin/python bench/review_pack.py OUT_DIR LESSON.md [LESSON.md ...]
    .venv/bin/python bench/review_pack.py --generate OUT_DIR ARTICLE.txt [...]

For each lesson, OUT_DIR/<slug>.txt holds the text a student reads (numbered paragraphs
in passages) and every generated item, numbered G1.. (glossary) and Q1.. (questions),
with its answer key and evidence: what a reviewer needs, and nothing about how the items
were made. --generate makes the lessons from articles first (also written to
OUT_DIR/<slug>.md). The reviewer writes one verdict line per item.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from companion.common.textutil import plain_text  # noqa: E402
from companion.lesson.model import Lesson, Question  # noqa: E402


def question_lines(number: int, question: Question) -> list[str]:
    lines = [f"Q{number} [{question.kind}] {plain_text(question.prompt)}"]
    letters = "ABCDEFGH"
    if question.kind == "sequence":
        lines += [f"    item: {plain_text(c)}" for c in question.choices]
        lines.append("    KEY order: " + " | ".join(plain_text(a) for a in question.answer))
    elif question.choices:
        for i, choice in enumerate(question.choices):
            mark = "*" if choice == question.answer else " "
            lines.append(f"   {mark}{letters[i]}. {plain_text(choice)}")
        lines.append(f"    KEY: {plain_text(str(question.answer))}")
    else:
        label = "SAMPLE ANSWER" if question.kind == "open" else "KEY"
        lines.append(f"    {label}: {plain_text(str(question.answer))}")
    if question.accept:
        lines.append("    also accepted: " + "; ".join(question.accept))
    lines.append(f"    evidence (paragraph {question.paragraph}): {question.evidence}")
    return lines


def pack(lesson: Lesson) -> str:
    out = [f"TITLE: {lesson.title}", ""]
    g = q = 0
    items: list[str] = []
    for passage in lesson.passages:
        out.append(f"== Passage {passage.id}: {passage.heading}")
        for offset, paragraph in enumerate(passage.paragraphs):
            out.append(f"[{passage.first_paragraph + offset}] {plain_text(paragraph)}")
        out.append("")
        items.append(f"--- items of passage {passage.id} ---")
        for entry in passage.glossary:
            g += 1
            items.append(f"G{g} {entry.term}: {entry.definition}")
        for question in passage.questions:
            q += 1
            items += question_lines(q, question)
        items.append("")
    return "\n".join([*out, "ITEMS", "", *items])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--generate", action="store_true", help="inputs are articles")
    parser.add_argument("--choices", action="store_true", help="offer multiple choice")
    parser.add_argument("out")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.inputs:
        path = Path(name)
        if args.generate:
            from companion.generation.context import Options
            from companion.generation.importing import read_article
            from companion.generation.pipeline import lesson_from_article
            from companion.lesson.fileformat import write_lesson

            options = Options(choices=args.choices)
            lesson = lesson_from_article(read_article(path), options, slug=path.stem)
            (out / f"{path.stem}.md").write_text(write_lesson(lesson), encoding="utf-8")
        else:
            from companion.lesson.store import load_lesson

            lesson = load_lesson(path)
        (out / f"{lesson.slug}.txt").write_text(pack(lesson), encoding="utf-8")
        print(f"{lesson.slug}: {len(lesson.glossary)} glossary, {len(lesson.questions)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
