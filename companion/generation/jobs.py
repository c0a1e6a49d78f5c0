"""Generation outside the request: the web app's "new lesson" runs here.

Making a lesson takes seconds (the spaCy model alone takes a second or two to load), so
the web layer hands the article to a ``JobRunner``: one worker thread per server
process, taking jobs from a queue one at a time, with the model loaded once per process
(``analysis.load_nlp``). A job is ``queued``, then ``running`` (with the step it is
at), then ``done`` (with the new lesson's slug) or ``failed`` (with the one-line message
`companion generate` prints for the same input, such as "notes.txt: file is empty").

A job's state is a small JSON file in the runner's folder, so that any server process
(gunicorn runs several) can answer "how far is it?" for a job another one runs. A job
whose process stopped before it finished is reported failed after ``STALE_AFTER``.

The lesson is made and written as `companion generate` does (``read_article``,
``lesson_from_article``, ``write_lesson``, ``write_atomic``), except that it never
replaces a lesson: a name in use gets ``-2``, ``-3``... (``free_lesson_path``).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from companion.common.errors import CompanionError
from companion.common.files import write_atomic
from companion.common.settings import SHARED_GLOSSARY
from companion.common.textutil import slugify
from companion.generation.analysis import load_nlp
from companion.generation.context import Options
from companion.generation.importing import read_article
from companion.generation.pipeline import lesson_from_article
from companion.lesson.editing import folder_lock
from companion.lesson.fileformat import write_lesson
from companion.lesson.names import lesson_name_problem
from companion.lesson.shared_glossary import load_shared_glossary

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STEPS = {
    "reading": "Reading the article",
    "model": "Loading the language model",
    "generating": "Finding hard words and writing questions",
    "saving": "Saving the lesson",
}
STALE_AFTER = 15 * 60  # seconds without news from a job: its process has stopped
KEEP_FOR = 24 * 3600  # seconds a finished job's state is kept
STOPPED = "The server stopped while making this lesson. Please try again."


@dataclass(frozen=True)
class Job:
    """What a job is at: see the module docstring."""

    id: str
    state: str = QUEUED
    step: str = ""  # a key of STEPS while running
    slug: str = ""  # the new lesson, when done
    error: str = ""  # the one-line message, when failed
    owner: str = ""  # who asked for it (the web layer's teacher id)
    updated: float = 0.0

    @property
    def finished(self) -> bool:
        return self.state in (DONE, FAILED)

    @property
    def step_label(self) -> str:
        return STEPS.get(self.step, "Waiting for the lessons before it")

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "state": self.state,
            "step": self.step_label if self.state in (QUEUED, RUNNING) else "",
            "slug": self.slug,
            "error": self.error,
        }


@dataclass(frozen=True)
class Request:
    """An article to make a lesson of.

    ``path`` is the article, ``name`` the file
    name it was given by the teacher: the lesson's ``source:`` and slug come from it, as
    from the path given to `companion generate`. With ``name`` empty (pasted text), the
    slug comes from the article's title and there is no ``source:``."""

    path: Path
    name: str
    grade: int
    content_dir: Path
    owner: str = ""
    scratch: Path | None = None  # a folder of the request's own, removed when it is done
    choices: bool = False  # four options for "who" and "when" questions (Options.choices)


Progress = Callable[[str], None]


def generate_lesson(request: Request, progress: Progress = lambda step: None) -> str:
    """Make a lesson of the article and write it to the content folder; its slug.

    Raises CompanionError with the message `companion generate` gives for the same
    input, naming the file as the teacher named it."""
    try:
        article = read_article(request.path)
    except CompanionError as exc:
        raise CompanionError(exc.message, request.name or "the text", exc.line) from None
    article.source = request.name
    if load_nlp.cache_info().currsize == 0:
        progress("model")
        load_nlp()
    progress("generating")
    glossary = load_shared_glossary(request.content_dir / SHARED_GLOSSARY)
    options = Options(
        grade=request.grade, choices=request.choices, shared_glossary=tuple(glossary)
    )
    slug = slugify(Path(request.name).stem) if request.name else ""
    lesson = lesson_from_article(article, options, slug=slug)
    progress("saving")
    text = write_lesson(lesson)
    with folder_lock(request.content_dir):
        path = free_lesson_path(request.content_dir, lesson.slug)
        write_atomic(path, text)
    return path.stem


def free_lesson_path(folder: Path, slug: str) -> Path:
    """``folder/<slug>.md``, or ``<slug>-2.md``, ``-3``...: the first name not in use
    that the site serves (never the shared glossary)."""
    slug = slug[:70].strip("-") or "lesson"
    for number in range(1, 10_000):
        name = slug if number == 1 else f"{slug}-{number}"
        path = folder / f"{name}.md"
        if not lesson_name_problem(path) and not path.exists():
            return path
    raise CompanionError("too many lessons of this name", str(folder / f"{slug}.md"))


class JobRunner:
    """A queue of jobs and the one thread that runs them (see the module docstring)."""

    def __init__(self, folder: Path, work: Callable[[Request, Progress], str] = generate_lesson):
        self.folder = Path(folder)
        self.work = work
        self._queue: queue.Queue[tuple[Job, Request]] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = 0

    # -- asking
    def submit(self, request: Request) -> Job:
        """Queue a lesson to make; the job as it is now (queued)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._forget_old()
        job = Job(id=secrets.token_urlsafe(12), owner=request.owner)
        self._save(job)
        self._queue.put((job, request))
        self._ensure_thread()
        return job

    def get(self, job_id: str) -> Job | None:
        """A job by id, from any server process (None when there is no such job)."""
        if not job_id.replace("-", "").replace("_", "").isalnum() or len(job_id) > 40:
            return None
        try:
            data = json.loads((self.folder / f"{job_id}.json").read_text(encoding="utf-8"))
            job = Job(**data)
        except (OSError, ValueError, TypeError):
            return None
        if not job.finished and time.time() - job.updated > STALE_AFTER:
            return replace(job, state=FAILED, error=STOPPED)
        return job

    # -- the worker
    def _ensure_thread(self) -> None:
        with self._lock:
            alive = self._thread is not None and self._thread.is_alive()
            if alive and self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._thread = threading.Thread(target=self._run, name="companion-jobs", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            job, request = self._queue.get()
            try:
                self._run_one(job, request)
            finally:
                self._queue.task_done()

    def _run_one(self, job: Job, request: Request) -> None:
        def progress(step: str) -> None:
            nonlocal job
            job = replace(job, state=RUNNING, step=step)
            self._save(job)

        progress("reading")
        try:
            slug = self.work(request, progress)
            job = replace(job, state=DONE, step="", slug=slug)
        except CompanionError as exc:
            job = replace(job, state=FAILED, step="", error=str(exc))
        except Exception as exc:  # a bug or a missing model: say so, keep the thread
            log.exception("generation failed")
            message = f"The lesson could not be made ({exc})."
            job = replace(job, state=FAILED, step="", error=message)
        finally:
            if request.scratch is not None:
                shutil.rmtree(request.scratch, ignore_errors=True)
        self._save(job)

    def join(self) -> None:
        """Wait until every queued job has finished (for tests)."""
        self._queue.join()

    # -- state files
    def _save(self, job: Job) -> None:
        job = replace(job, updated=time.time())
        write_atomic(self.folder / f"{job.id}.json", json.dumps(asdict(job)))

    def _forget_old(self) -> None:
        cutoff = time.time() - KEEP_FOR
        for path in self.folder.glob("*.json"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                pass
