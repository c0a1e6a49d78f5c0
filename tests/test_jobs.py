"""Generation outside the request (companion.generation.jobs)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from companion.cli import main
from companion.common.errors import CompanionError
from companion.generation import jobs
from companion.generation.jobs import JobRunner, Request, free_lesson_path, generate_lesson
from tests.helpers import SEED


def request_for(tmp_path: Path, text: str | bytes, name: str = "article.txt", **kw) -> Request:
    scratch = tmp_path / "upload"
    scratch.mkdir(exist_ok=True)
    path = scratch / (name or "pasted.txt")
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    return Request(path, name, kw.pop("grade", 8), content, scratch=scratch, **kw)


def test_the_lesson_is_the_one_companion_generate_writes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(SEED.parent)
    monkeypatch.setenv("COMPANION_CONTENT", str(tmp_path / "none"))
    assert main(["generate", SEED.name, "--out", str(tmp_path / "cli.md"), "--grade", "7"]) == 0
    request = request_for(tmp_path, SEED.read_bytes(), SEED.name, grade=7)
    steps: list[str] = []
    assert generate_lesson(request, steps.append) == "panjshir-valley"
    written = (request.content_dir / "panjshir-valley.md").read_bytes()
    assert written == (tmp_path / "cli.md").read_bytes()
    assert steps[-2:] == ["generating", "saving"]


def test_a_bad_input_fails_with_the_clis_message(tmp_path, monkeypatch, capsys):
    request = request_for(tmp_path, b"\x00\x01binary", "notes.txt")
    with pytest.raises(CompanionError) as caught:
        generate_lesson(request)
    monkeypatch.chdir(request.path.parent)
    assert main(["generate", "notes.txt"]) == 2
    assert capsys.readouterr().err.strip() == f"companion: {caught.value}"
    assert str(caught.value) == "notes.txt: file looks binary, not text"


def test_a_name_in_use_gets_a_number(tmp_path):
    (tmp_path / "bees.md").write_text("x")
    (tmp_path / "bees-2.md").write_text("x")
    assert free_lesson_path(tmp_path, "bees") == tmp_path / "bees-3.md"
    assert free_lesson_path(tmp_path, "glossary") == tmp_path / "glossary-2.md"
    assert free_lesson_path(tmp_path, "new") == tmp_path / "new.md"


def wait_for(runner: JobRunner, job_id: str, state: str, timeout: float = 10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = runner.get(job_id)
        if job and job.state == state:
            return job
        time.sleep(0.01)
    raise AssertionError(f"job {job_id} never became {state}: {runner.get(job_id)}")


def test_a_job_goes_from_queued_to_running_to_done(tmp_path):
    started, release = threading.Event(), threading.Event()

    def work(request: Request, progress) -> str:
        progress("generating")
        started.set()
        release.wait(5)
        return "bees"

    runner = JobRunner(tmp_path / "jobs", work)
    first = runner.submit(request_for(tmp_path, "text", owner="7"))
    second = runner.submit(request_for(tmp_path, "text"))
    assert started.wait(5)
    running = wait_for(runner, first.id, "running")
    assert running.step_label == "Finding hard words and writing questions"
    assert runner.get(second.id).state == "queued"  # one worker: one job at a time
    assert runner.get(second.id).to_dict()["step"] == "Waiting for the lessons before it"
    release.set()
    runner.join()
    done = runner.get(first.id)
    assert (done.state, done.slug, done.owner) == ("done", "bees", "7")
    assert done.to_dict() == {"id": first.id, "state": "done", "step": "", "slug": "bees", "error": ""}
    assert not (tmp_path / "upload").exists()  # the upload is removed


def test_failed_jobs_say_why(tmp_path):
    def work(request: Request, progress) -> str:
        if request.name == "bad.txt":
            raise CompanionError("file is empty", "bad.txt", 1)
        raise RuntimeError("the spaCy English model is not installed")

    runner = JobRunner(tmp_path / "jobs", work)
    bad = runner.submit(request_for(tmp_path, "x", "bad.txt"))
    broken = runner.submit(request_for(tmp_path, "x", "other.txt"))
    runner.join()
    assert runner.get(bad.id).error == "bad.txt:1: file is empty"
    assert runner.get(broken.id).state == "failed"
    assert "spaCy English model is not installed" in runner.get(broken.id).error
    assert runner._thread is not None and runner._thread.is_alive()


def test_another_process_reads_the_state_and_a_stopped_job_fails(tmp_path):
    runner = JobRunner(tmp_path / "jobs", lambda request, progress: "x")
    other = JobRunner(tmp_path / "jobs")
    job = runner.submit(request_for(tmp_path, "x"))
    runner.join()
    assert other.get(job.id).slug == "x"
    stale = tmp_path / "jobs" / "stale.json"
    stale.write_text(json.dumps({"id": "stale", "state": "running", "updated": 1.0}))
    assert other.get("stale").error == jobs.STOPPED
    for bad in ("../jobs/stale", "", "x" * 200, "a/b"):
        assert other.get(bad) is None


def test_old_job_states_are_forgotten(tmp_path):
    runner = JobRunner(tmp_path / "jobs", lambda request, progress: "x")
    job = runner.submit(request_for(tmp_path, "x"))
    runner.join()
    path = tmp_path / "jobs" / f"{job.id}.json"
    os.utime(path, (1, 1))
    runner.submit(request_for(tmp_path, "x"))
    runner.join()
    assert not path.exists()
