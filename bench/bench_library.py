"""A library of 10,000 lessons (issue 18): cold start, the index page, memory, changes.

Writes BENCH_LIBRARY_LESSONS (10,000) lesson files, variations of the sample lesson
(one or two of its passages each, with their glossary and questions, a title, subject
and tags of their own), into a temporary folder (half of them in 20 sub-folders:
collections), then in a fresh process (one app, as
one worker) measures:

1. cold start on an empty index: how soon ``/healthz`` answers, how soon the index page
   answers (with the lessons indexed so far), and how long the background build takes;
2. a restart on the built index: the first index page (nothing re-parsed);
3. the index page: the first page, searches and filters, each the median of 5
   requests, target under 100 ms;
4. the time for a changed file to show on the index (above ``INLINE_FILES`` files the
   folder is checked by a thread about every second, not by the request), and for one
   added and one deleted;
5. the worker's memory (resident set size) after all this, and the parsed lessons
   held (bounded by ``LessonStore.cache_size``) after opening 1,000 lesson pages.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LESSONS = int(os.environ.get("BENCH_LIBRARY_LESSONS", "10000"))
TARGET_MS = 100
INLINE_FILES = 2000  # companion.accounts.library.INLINE_FILES
SUBJECTS = ["History", "Geography", "Science", "Civics", "Economics"]
TAGS = ["asia", "war", "politics", "maps", "people", "religion", "history"]


def passages(sample: str) -> tuple[str, list[str]]:
    """The sample's front matter lines (without the title) and its passages' text."""
    _, front, body = sample.split("---\n", 2)
    front = "".join(line + "\n" for line in front.splitlines() if not line.startswith("title:"))
    parts = re.split(r"(?m)^(?=## )", body)
    return front, [p for p in parts if p.startswith("## ")]


def variation(n: int, front: str, parts: list[str]) -> str:
    chosen = [parts[n % len(parts)]]
    if n % 3 == 0:
        chosen.append(parts[(n + 1) % len(parts)])
    tags = ", ".join(sorted({TAGS[n % 7], TAGS[(n * 3) % 7]}))
    head = (
        f"---\ntitle: 'Lesson {n}: {chosen[0].splitlines()[0][3:]}'\n{front}"
        f"subject: {SUBJECTS[n % 5]}\ntags: [{tags}]\n---\n\n"
    )
    return head + "\n".join(chosen).replace("Heavy clashes", f"Heavy clashes (report {n})", 1)


def relative_path(n: int) -> str:
    """Even lessons at the top; odd ones in 20 collections (sub-folders) of units."""
    return f"lesson-{n:05d}.md" if n % 2 == 0 else f"unit-{n % 20:02d}/lesson-{n:05d}.md"


def slug_of(n: int) -> str:
    return relative_path(n)[:-3].replace("/", ".")


def write_library(folder: Path, count: int) -> None:
    sample = (ROOT / "content" / "panjshir-valley.md").read_text(encoding="utf-8")
    front, parts = passages(sample)
    for n in range(count):
        path = folder / relative_path(n)
        path.parent.mkdir(exist_ok=True)
        path.write_text(variation(n, front, parts), encoding="utf-8")


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="companion-library-") as tmp:
        folder = Path(tmp) / "content"
        folder.mkdir()
        started = time.perf_counter()
        write_library(folder, LESSONS)
        size = sum(p.stat().st_size for p in folder.rglob("*.md")) / 1e6
        print(f"{LESSONS:,} lesson files ({size:.0f} MB) written in "
              f"{time.perf_counter() - started:.1f} s to a temporary folder")
        database = f"sqlite:///{Path(tmp) / 'companion.db'}"
        command = [sys.executable, __file__, "--measure", str(folder), database]
        subprocess.run(command, check=True, cwd=ROOT)


# ---------------------------------------------------------------- in the measuring process


def timed(client, url: str) -> tuple[float, str]:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    return elapsed, response.get_data(as_text=True)


def median_ms(client, url: str) -> tuple[float, str]:
    runs = [timed(client, url) for _ in range(5)]
    return statistics.median(ms for ms, _ in runs), runs[-1][1]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def titles(html: str) -> int:
    return len(re.findall(r'class="lesson-title"', html))


def cold_start(make_app) -> object:
    started = time.perf_counter()
    app = make_app()
    client = app.test_client()
    client.get("/healthz")
    health = (time.perf_counter() - started) * 1000
    print(f"  worker memory at start: {rss_mb():.0f} MB resident")
    first_ms, html = timed(client, "/")
    index = app.extensions["companion_library"]
    print(f"  cold start, empty index: /healthz after {health:.0f} ms (app made and answering); "
          f"index page after a further {first_ms:.0f} ms ({titles(html)} lessons shown, "
          f"{'still building' if index.building() else 'built'})")
    index.wait(3600)
    total = time.perf_counter() - started
    print(f"  background build of {index.count():,} lessons: {total:.1f} s "
          f"({total / max(1, index.count()) * 1000:.1f} ms a file)")
    return app


def restart(make_app) -> object:
    started = time.perf_counter()
    app = make_app()
    client = app.test_client()
    client.get("/healthz")
    index = app.extensions["companion_library"]
    index.wait(3600)
    _, html = timed(client, "/")
    total = (time.perf_counter() - started) * 1000
    print(f"  restart on the built index: first index page after {total:.0f} ms "
          f"({titles(html)} lessons on it), nothing re-parsed")
    return app


def index_pages(client) -> None:
    for label, url in (
        ("first page", "/"),
        ("a search ('taliban valley')", "/?q=taliban+valley"),
        ("a search, page 20", "/?q=valley&page=20"),
        ("a filter (grade band)", "/?grade=9-10"),
        ("a filter (subject, grade band)", "/?subject=Science&grade=11-12"),
        ("a tag, newest first", "/?tag=maps&sort=newest"),
        ("a collection", "/?collection=unit-07"),
    ):
        ms, html = median_ms(client, url)
        total = re.search(r'class="library-count"[^>]*>([\d,]+) lesson', html)
        verdict = "ok" if ms < TARGET_MS else "ABOVE TARGET"
        found = total.group(1) if total else "0"
        print(f"  index, {label:<34} {ms:6.1f} ms  ({found} found)  "
              f"target < {TARGET_MS} ms: {verdict}")


def shows(client, url: str, expected: int) -> tuple[float, float]:
    """Seconds until the index's search ``url`` finds ``expected`` lessons (polled every
    20 ms), and the last request's milliseconds."""
    started = time.perf_counter()
    while True:
        ms, html = timed(client, url)
        if titles(html) == expected or time.perf_counter() - started > 30:
            return time.perf_counter() - started, ms
        time.sleep(0.02)


def changes(client, folder: Path) -> None:
    path = folder / "lesson-00042.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: 'Lesson 42:", "title: 'Zebra crossing 42:"), "utf-8")
    seconds, ms = shows(client, "/?q=zebra", 1)
    checker = "the request" if LESSONS <= INLINE_FILES else "the polling thread"
    print(f"  a changed file shows on the index after {seconds:.2f} s (checked by {checker}; "
          f"that request {ms:.0f} ms)")
    (folder / "added-lesson.md").write_text(text.replace("Lesson 42", "Quokka 42"), "utf-8")
    seconds, _ms = shows(client, "/?q=quokka", 1)
    print(f"  an added file: after {seconds:.2f} s")
    path.unlink()
    seconds, _ms = shows(client, "/?q=zebra", 0)
    print(f"  a deleted file: gone after {seconds:.2f} s")


def memory(app, client) -> None:
    store = app.extensions["companion_store"]
    opened = [slug_of(n) for n in range(LESSONS) if n != 42][:1000]  # 42 was deleted
    for slug in opened:
        if client.get(f"/lessons/{slug}").status_code != 200:
            raise RuntimeError(f"/lessons/{slug}: not served")
    print(f"  worker memory: {rss_mb():.0f} MB resident after {len(opened):,} lesson pages; "
          f"{store.cached()} parsed lessons held (at most {store.cache_size})")


def measure(folder: Path, database: str) -> None:
    import logging

    from companion.web import create_app

    logging.basicConfig(level=logging.WARNING)

    def make_app():
        return create_app({"CONTENT_DIR": str(folder), "DATABASE_URL": database})

    cold_start(make_app)
    app = restart(make_app)
    client = app.test_client()
    index_pages(client)
    changes(client, folder)
    memory(app, client)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(Path(sys.argv[2]), sys.argv[3])
    else:
        run()
