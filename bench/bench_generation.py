"""Generation speed: glossary and questions beside the bare spaCy parse of the same text.

Targets (issue 3 and 4): whole generation at most 1.5x the bare parse (model load
excluded); questions add at most 0.5x the parse; a 50,000-word article in under a minute
and under 1 GB of memory.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"


def article_of(words: int):
    """A real-text article of about `words` words, made from the evaluation articles."""
    from companion.generation.importing import Article, read_article

    paragraphs: list[str] = []
    sources = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md", ".html"))
    while sum(len(p.split()) for p in paragraphs) < words:
        for path in sources:
            paragraphs += read_article(path).paragraphs
            if sum(len(p.split()) for p in paragraphs) >= words:
                break
    return Article(title=f"{words} words", paragraphs=paragraphs, source="bench")


def timings(article) -> dict[str, float]:
    from companion.generation.analysis import analyse, load_nlp
    from companion.generation.context import Context, Options
    from companion.generation.glossary import build_glossary
    from companion.generation.paragraphs import restore_paragraphs
    from companion.generation.passages import make_drafts
    from companion.generation.pipeline import lesson_from_article
    from companion.generation.questions import build_questions
    from companion.generation.terms import find_things

    nlp = load_nlp()

    def parse() -> float:
        start = time.perf_counter()
        list(nlp.pipe(article.paragraphs, batch_size=64))
        return time.perf_counter() - start

    before = parse()
    start = time.perf_counter()
    analysis = analyse(article.paragraphs, article.title)
    analysis, headings = restore_paragraphs(analysis, article.headings)
    drafts = make_drafts(analysis, headings)
    context = Context(analysis, drafts, Options(), article.title)
    analysed = time.perf_counter()
    things = find_things(analysis, context.options.grade, context.title)
    glossary = build_glossary(context, things)
    glossed = time.perf_counter()
    build_questions(context, glossary, things)
    done = time.perf_counter()
    lesson_from_article(article)  # the whole pipeline: joins, headings, warnings too
    whole = time.perf_counter() - done
    parsed = (before + parse()) / 2  # the parse just before and just after: the machine
    # state the generation ran in
    return {
        "parse": parsed,
        "analysis": analysed - start,
        "glossary": glossed - analysed,
        "questions": done - glossed,
        "rest": max(0.0, whole - (done - start)),
        "total": whole,
        "ratio": whole / parsed,
        "questions ratio": (done - glossed) / parsed,
    }


# Each figure is the median of seven runs, and a ratio is each run's own: the machines
# here are shared, and their speed drifts by a quarter within a minute.
REPEATS = 7


def report(name: str, article) -> None:
    runs = [timings(article) for _ in range(REPEATS)]
    t = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    words = sum(len(p.split()) for p in article.paragraphs)
    print(
        f"{name:>14} {words:6} words: bare parse {t['parse']:.2f}s | generation {t['total']:.2f}s "
        f"({t['ratio']:.2f}x parse; target <= 1.5x) = analysis {t['analysis']:.2f}s "
        f"+ glossary {t['glossary']:.2f}s + questions {t['questions']:.2f}s "
        f"({t['questions ratio']:.2f}x parse; target <= 0.5x) "
        f"+ passages joined, headings, warnings {t['rest']:.2f}s"
    )


def big_run() -> None:
    """50,000 words in a fresh process, so its peak memory is its own."""
    here = str(Path(__file__).parent)
    code = (
        f"import sys, time, resource; sys.path.insert(0, {str(ROOT)!r});"
        f"sys.path.insert(0, {here!r});"
        "from bench_generation import article_of;"
        "from companion.generation.pipeline import lesson_from_article;"
        "a = article_of(50000); t = time.perf_counter(); lesson_from_article(a);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    seconds, peak_kb = out.stdout.split()
    print(
        f"{'50,000 words':>14}: generation {float(seconds):.1f}s (whole process {wall:.1f}s, "
        f"model load included; target < 60s), peak memory {int(peak_kb) / 1024:.0f} MB "
        "(target < 1024 MB)"
    )


def new_story_timings() -> tuple[int, float, float]:
    """(stories, bare parse seconds, generation seconds) of the test articles, each
    generated once after the seed (run in a fresh process: fresh_run)."""
    from companion.generation.analysis import load_nlp
    from companion.generation.importing import read_article
    from companion.generation.pipeline import lesson_from_article

    nlp = load_nlp()
    lesson_from_article(read_article(ROOT / "seeds" / "panjshir-valley.txt"))
    paths = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md", ".html"))
    parse = generate = 0.0
    for path in paths:
        article = read_article(path)
        start = time.perf_counter()
        list(nlp.pipe(article.paragraphs, batch_size=64))
        parse += time.perf_counter() - start
        start = time.perf_counter()
        lesson_from_article(article)
        generate += time.perf_counter() - start
    return len(paths), parse, generate


def fresh_run() -> None:
    """Stories the process has not met, each generated once after the seed: the case of a
    teacher's new article, whose words no per-word cache holds yet (the repeated runs
    above measure warm caches). In a fresh process, so no earlier run has warmed them."""
    here = str(Path(__file__).parent)
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {here!r});"
        "from bench_generation import new_story_timings; print(*new_story_timings())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, parse, generate = out.stdout.split()
    print(
        f"{'new stories':>14}: {count} stories, each once: bare parse {float(parse):.2f}s | "
        f"generation {float(generate):.2f}s ({float(generate) / float(parse):.2f}x parse, "
        "cold word caches)"
    )


def run() -> None:
    from companion.generation.analysis import load_nlp
    from companion.generation.importing import read_article

    start = time.perf_counter()
    load_nlp()
    print(f"model load: {time.perf_counter() - start:.2f}s (once per process, excluded below)")
    seed = read_article(ROOT / "seeds" / "panjshir-valley.txt")
    report("seed", seed)  # the first run warms caches (WordNet, wordfreq)
    report("seed (warm)", seed)
    report("5,000 words", article_of(5000))
    fresh_run()
    big_run()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    run()
