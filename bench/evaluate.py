"""Evaluate the generators on the labelled articles in tests/data/articles.

    .venv/bin/python bench/evaluate.py [--review FILE]

Prints glossary term precision and recall against the teacher labels of each article
(a generated term matches a label when they name the same thing: equal but for case,
plural, a leading "the", or one containing the other), and the number of questions of
each kind. --review writes every generated entry and question to FILE for reading.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from companion.generation.importing import read_article  # noqa: E402
from companion.generation.pipeline import lesson_from_article  # noqa: E402
from companion.generation.terms import normal_key  # noqa: E402

ARTICLES = ROOT / "tests" / "data" / "articles"


def same_term(a: str, b: str) -> bool:
    ka, kb = normal_key(a.split(" (")[0]), normal_key(b.split(" (")[0])
    ka, kb = ka.rstrip("s"), kb.rstrip("s")
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= 4 and f" {short} " in f" {long_} "


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--review", help="write all generated items to this file")
    args = parser.parse_args()
    index = yaml.safe_load((ARTICLES / "index.yaml").read_text(encoding="utf-8"))
    review: list[str] = []
    total_generated = total_matched = total_labels = total_found = 0
    kinds: Counter[str] = Counter()
    for item in index:
        article = read_article(ARTICLES / item["file"])
        lesson = lesson_from_article(article)
        labels = [t["term"] for t in item["terms"]]
        entries = lesson.glossary
        matched = [e for e in entries if any(same_term(e.term, lab) for lab in labels)]
        found = [lab for lab in labels if any(same_term(e.term, lab) for e in entries)]
        total_generated += len(entries)
        total_matched += len(matched)
        total_labels += len(labels)
        total_found += len(found)
        kinds.update(q.kind for q in lesson.questions)
        precision = len(matched) / len(entries) if entries else 0
        recall = len(found) / len(labels) if labels else 0
        print(
            f"{item['file'][:40]:40} terms {len(entries):2}  precision {precision:4.0%}  "
            f"recall {recall:4.0%}  questions {len(lesson.questions)}"
        )
        review.append(f"\n######## {item['file']} ({item['subject']})")
        for passage in lesson.passages:
            review.append(f"\n## {passage.heading}")
            for e in passage.glossary:
                mark = "+" if e in matched else "-"
                review.append(f"  G{mark} {e.term} | {e.definition} | {e.source}")
            for q in passage.questions:
                review.append(f"  Q [{q.kind}] {q.prompt}")
                if q.choices:
                    review.append(f"      choices: {q.choices}")
                review.append(f"      answer: {q.answer}")
        missed = [lab for lab in labels if lab not in found]
        review.append(f"  missed labels: {missed}")
    print(
        f"\nglossary: precision {total_matched / max(1, total_generated):.0%} "
        f"({total_matched}/{total_generated}), recall {total_found / max(1, total_labels):.0%} "
        f"({total_found}/{total_labels})"
    )
    print("questions by kind:", dict(sorted(kinds.items())))
    if args.review:
        Path(args.review).write_text("\n".join(review) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
