"""Classes at scale (issue 17): a class answering a lesson at once, and the dashboard.

1. 200 simulated students on loopback, each with a connection of its own, join a class
   (its link, then a name) and answer every question of the sample lesson at once
   against gunicorn as `make serve` runs it (2 gthread workers, 8 threads), once with
   SQLite (a file, as by default) and once with PostgreSQL (a throwaway server, as the
   tests start: tests/postgres.py). A wrong first try is followed by a right second one,
   as a student would. Printed: answers recorded per second, the p50 / p95 latency of a
   check, and the proof: the rows in the database equal the checks that should have
   been recorded, with exactly one first try per student and question.
2. The dashboard of a class of 40 students and a lesson of 20 questions (every student
   with first and second tries), rendered through the app on each database: target
   under 200 ms.

Environment: BENCH_CLASS_STUDENTS (200), BENCH_CLASS_CLIENTS (client processes, 2).
"""

from __future__ import annotations

import contextlib
import http.client
import multiprocessing
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from companion.accounts.answers import NewAnswer, question_keys, record_answers  # noqa: E402
from companion.accounts.classes import create_class, join_class, set_lessons  # noqa: E402
from companion.accounts.database import open_database  # noqa: E402
from companion.accounts.models import Answer  # noqa: E402
from companion.accounts.teachers import add_teacher  # noqa: E402
from companion.lesson.fileformat import parse_lesson, write_lesson  # noqa: E402
from companion.lesson.kinds import AnswerForm, Grading  # noqa: E402
from companion.lesson.store import load_lesson  # noqa: E402
from companion.views.grading import Slot, question_slots  # noqa: E402

SAMPLE = ROOT / "content" / "panjshir-valley.md"
LONG = ROOT / "tests" / "data" / "lessons" / "worksheet-long.md"
STUDENTS = int(os.environ.get("BENCH_CLASS_STUDENTS", "200"))
CLIENTS = int(os.environ.get("BENCH_CLASS_CLIENTS", "2"))
SECRET = "bench-classes-" + "s" * 40
DASHBOARD_TARGET_MS = 200
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


# --------------------------------------------------------------------------- databases


@contextlib.contextmanager
def database(backend: str, folder: Path) -> Iterator[str | None]:
    """A new empty database's URL (None when PostgreSQL is not installed)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'bench.db'}"
        return
    sys.path.insert(0, str(ROOT / "tests"))
    import postgres  # tests/postgres.py: initdb + pg_ctl on a Unix socket

    if postgres.missing():
        print(f"  PostgreSQL skipped: {postgres.missing()}")
        yield None
        return
    with postgres.postgres_server() as socket_dir:
        yield postgres.create_database(socket_dir, f"bench_{os.getpid()}_{int(time.time())}")


# --------------------------------------------------------------------------- answers


def answer_fields(slot: Slot, right: bool) -> dict[str, str]:
    """The form fields a student sends for a right (or a wrong) answer."""
    q = slot.question
    grading = slot.grading
    if grading is Grading.PICK:
        choices = q.choices or list(slot.spec.fixed_choices)
        if q.spec.answer is AnswerForm.BOOLEAN:
            good = next(i for i, c in enumerate(choices) if c.lower() == str(q.answer).lower())
        else:
            good = choices.index(q.answer)
        return {slot.field: str(good if right else (good + 1) % len(choices))}
    if grading is Grading.ORDER:
        order = [q.answer.index(c) + 1 for c in q.choices]
        if not right:
            order = [len(order) + 1 - n for n in order]
        return {slot.item_field(i): str(n) for i, n in enumerate(order)}
    if grading is Grading.TYPED:
        return {slot.field: str(q.answer) if right else "zzzz"}
    return {slot.field: "A written answer."}


def plan(slots: list[Slot], student: int) -> list[tuple[Slot, dict[str, str]]]:
    """One student's checks, in order: a first try at each question (about a third of
    them wrong, deterministically), and a right second try after a wrong one."""
    checks = []
    for n, slot in enumerate(slots):
        scored = slot.grading is not Grading.SELF
        right = not scored or (student + n) % 3 != 0
        checks.append((slot, answer_fields(slot, right)))
        if not right:
            checks.append((slot, answer_fields(slot, True)))
    return checks


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int, url: str, content: Path) -> subprocess.Popen:
    env = dict(os.environ, COMPANION_DATABASE_URL=url, COMPANION_CONTENT=str(content),
               COMPANION_SECRET_KEY=SECRET)  # fmt: skip
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        *("--worker-class", "gthread", "--workers", "2", "--threads", "8", "--timeout", "30"),
        *("--backlog", "2048", "--bind", f"127.0.0.1:{port}", "app:create_app()"),
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start: " + server.stderr.read().decode()[-2000:])


# --------------------------------------------------------------------------- a student


class Browser:
    """One student's device: a keep-alive connection and its cookies."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, form: list[tuple[str, str]] | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(3):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.reconnect()
                if attempt == 2 or method == "POST":
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, data.decode("utf-8", "replace")

    def reconnect(self) -> None:
        self.conn.close()
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)


def student(args: tuple) -> dict:
    """Join, open the lesson, answer it: the latencies of the checks, and how many should
    have been recorded."""
    port, code, slug, number, slots, start = args
    browser = Browser(port)
    status, html = browser.request("GET", f"/join/{code}")
    token = _TOKEN.search(html).group(1)
    form = [("csrf_token", token), ("code", code), ("name", f"Student {number:03d}")]
    status, _ = browser.request("POST", "/join", form)
    assert status == 303, f"join: HTTP {status}"
    status, html = browser.request("GET", f"/lessons/{slug}")
    assert 'class="class-bar"' in html, "the lesson page does not show the class"
    token = _TOKEN.search(html).group(1)
    start.wait()
    browser.reconnect()  # gunicorn closes a connection idle for 2 s (keep-alive)
    began = time.perf_counter()
    times, errors, expected = [], 0, 0
    for slot, fields in plan(slots, number):
        form = [("csrf_token", token), ("checked", slot.key), ("attempt", slot.key),
                *fields.items()]  # fmt: skip
        sent = time.perf_counter()
        try:
            status, _ = browser.request("POST", f"/lessons/{slug}/check", form)
        except (http.client.HTTPException, OSError):
            status = 0
        times.append(time.perf_counter() - sent)
        if status == 200:
            expected += 1
        else:
            errors += 1
    return {"times": times, "errors": errors, "expected": expected, "began": began,
            "end": time.perf_counter()}  # fmt: skip


def client_process(args: tuple) -> list[dict]:
    """Many students at once in one process (threads: they mostly wait on the server)."""
    port, code, slug, numbers, begin_at = args
    slots = question_slots(load_lesson(SAMPLE))
    barrier = threading.Barrier(len(numbers) + 1)
    results: list[dict] = []
    lock = threading.Lock()

    def one(number: int) -> None:
        try:
            result = student((port, code, slug, number, slots, barrier))
        except Exception as exc:  # reported, not hidden
            barrier.abort()
            result = {"times": [], "errors": 1, "expected": 0, "failed": str(exc)}
        with lock:
            results.append(result)

    threads = [threading.Thread(target=one, args=(n,)) for n in numbers]
    for thread in threads:
        thread.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        time.sleep(max(0.0, begin_at - time.time()))
        barrier.wait()
    for thread in threads:
        thread.join()
    return results


# --------------------------------------------------------------------------- the load test


def load_test(backend: str, url: str, folder: Path) -> None:
    content = folder / "content"
    content.mkdir(exist_ok=True)
    shutil.copy(SAMPLE, content / SAMPLE.name)
    slug = SAMPLE.stem
    db = open_database(url)
    teacher = add_teacher(db, "bench", "bench-password-1")
    made = create_class(db, teacher.id, "Bench class")
    set_lessons(db, made.id, [slug])
    port = free_port()
    server = start_gunicorn(port, url, content)
    try:
        groups = [list(range(c, STUDENTS, CLIENTS)) for c in range(CLIENTS)]
        begin_at = time.time() + 8  # every student joined and on the page by then
        with multiprocessing.Pool(CLIENTS) as pool:
            jobs = [(port, made.shown_code, slug, g, begin_at) for g in groups]
            results = [r for rs in pool.map(client_process, jobs) for r in rs]
    finally:
        server.terminate()
        server.wait(10)
    report(backend, db, made.id, results, begin_at)
    db.dispose()


def report(backend: str, db, class_id: int, results: list[dict], begin_at: float) -> None:
    failed = [r["failed"] for r in results if "failed" in r]
    times = sorted(t for r in results for t in r["times"])
    expected = sum(r["expected"] for r in results)
    errors = sum(r["errors"] for r in results)
    # From the start signal (one clock: CLOCK_MONOTONIC) to the last answer.
    done = [r for r in results if "end" in r]
    wall = max(r["end"] for r in done) - min(r["began"] for r in done) if done else 0.0
    with db.session() as session:
        rows = session.scalar(
            select(func.count()).select_from(Answer).where(Answer.class_id == class_id)
        )
        firsts = session.scalar(
            select(func.count()).select_from(Answer).where(Answer.first_try.is_(True))
        )
        doubled = session.execute(
            select(Answer.student_id, Answer.question)
            .where(Answer.first_try.is_(True))
            .group_by(Answer.student_id, Answer.question)
            .having(func.count() > 1)
        ).all()
        pairs = session.scalar(
            select(func.count()).select_from(
                select(Answer.student_id, Answer.question).distinct().subquery()
            )
        )
    p50 = times[len(times) // 2] * 1000 if times else 0
    p95 = times[int(len(times) * 0.95)] * 1000 if times else 0
    exact = rows == expected and firsts == pairs and not doubled and not errors
    verdict = "ok" if exact else "FAIL"
    print(f"  {backend}: {len(results)} students, {len(times)} checks in {wall:.1f} s")
    print(f"    answers recorded per second   {rows / wall if wall else 0:8.0f}")
    print(f"    check latency p50 / p95 (ms)  {p50:8.0f} / {p95:.0f}")
    print(f"    rows {rows} = checks answered {expected}; first tries {firsts} = "
          f"students x questions answered {pairs}; doubled {len(doubled)}; "
          f"HTTP errors {errors}: {verdict}")  # fmt: skip
    if failed:
        print(f"    {len(failed)} students failed: {failed[0]}")


# --------------------------------------------------------------------------- the dashboard


def twenty_questions(content: Path) -> str:
    """A lesson of exactly 20 questions (the long test lesson, cut), in ``content``."""
    lesson = parse_lesson(LONG.read_text(encoding="utf-8"), slug="twenty")
    left = 20
    for passage in lesson.passages:
        passage.questions = passage.questions[:left]
        left -= len(passage.questions)
    (content / "twenty.md").write_text(write_lesson(lesson), encoding="utf-8")
    return "twenty"


def seed_class(db, teacher_id: int, slug: str, content: Path) -> int:
    """40 students, each with a first try at every question (a third wrong, each then
    tried again), recorded as the app records them."""
    made = create_class(db, teacher_id, "Dashboard class")
    set_lessons(db, made.id, [slug])
    lesson = load_lesson(content / f"{slug}.md")
    ids = {id(q): key for key, q, _ in question_keys(lesson)}
    for n in range(40):
        pupil = join_class(db, made.id, f"Pupil {n:02d}")
        new = []
        for i, slot in enumerate(question_slots(lesson)):
            qid = ids[id(slot.question)]
            wrong = (n + i) % 3 == 0 and slot.grading is not Grading.SELF
            first = "incorrect" if wrong else "correct"
            new.append(NewAnswer(qid, "check", "zzzz" if wrong else "ok", '"x"', first, True, ""))
            if wrong:
                new.append(NewAnswer(qid, "check", "ok", '"x"', "correct", False, ""))
        record_answers(db, made.id, pupil.id, slug, new)
    return made.id


def dashboard_timing(backend: str, url: str, folder: Path) -> None:
    from companion.web import create_app

    content = folder / "dash-content"
    content.mkdir(exist_ok=True)
    slug = twenty_questions(content)
    db = open_database(url)
    teacher = add_teacher(db, "dash", "bench-password-1")
    class_id = seed_class(db, teacher.id, slug, content)
    app = create_app({"CONTENT_DIR": str(content), "DATABASE_URL": url, "SECRET_KEY": SECRET})
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = f"{teacher.id}:{teacher.stamp}"
        session["_fresh"] = True
    path = f"/teacher/classes/{class_id}/lessons/{slug}"
    times = []
    for _ in range(21):
        began = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.status_code
    times = times[1:]  # the first loads templates and the lesson
    median, worst = statistics.median(times), max(times)
    verdict = "ok" if worst < DASHBOARD_TARGET_MS else "ABOVE TARGET"
    print(f"  {backend}: dashboard, 40 students x 20 questions ({len(response.data) // 1024} KB): "
          f"median {median:.0f} ms, slowest {worst:.0f} ms; target < {DASHBOARD_TARGET_MS} ms: "
          f"{verdict}")  # fmt: skip
    db.dispose()


def run() -> None:
    print(f"gunicorn, 2 gthread workers x 8 threads; {STUDENTS} students in {CLIENTS} "
          f"client processes, the sample lesson ({len(question_slots(load_lesson(SAMPLE)))} "
          "questions)")  # fmt: skip
    for backend in ("sqlite", "postgresql"):
        with tempfile.TemporaryDirectory(prefix="companion-bench-") as tmp:
            folder = Path(tmp)
            with database(backend, folder) as url:
                if url is None:
                    continue
                load_test(backend, url, folder)
                dashboard_timing(backend, url, folder)


if __name__ == "__main__":
    run()
