"""The command line never destroys a file and never shows a traceback (hardening)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from companion.cli import main
from companion.common.files import write_atomic
from tests.helpers import ROOT, SAMPLE

ARTICLE = "Storm hits coast\n\n" + "A storm hit the coast on Monday, officials said. " * 12


@pytest.fixture
def lesson(tmp_path: Path) -> Path:
    path = tmp_path / "panjshir-valley.md"
    shutil.copy(SAMPLE, path)
    return path


def test_print_never_overwrites_without_force_and_keeps_a_backup(lesson, tmp_path, capsys):
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"%PDF-old")
    assert main(["print", str(lesson), "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == b"%PDF-old"
    assert main(["print", str(lesson), "--out", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF-") and out.read_bytes() != b"%PDF-old"
    backups = list((tmp_path / ".backup").glob("sheet.*.pdf"))
    assert len(backups) == 1 and backups[0].read_bytes() == b"%PDF-old"


@pytest.mark.parametrize("name", ["panjshir-valley.md", "keep.md", "notes.txt"])
def test_print_writes_only_pdf_files_never_the_lesson(lesson, tmp_path, capsys, name):
    before = lesson.read_bytes()
    out = lesson if name == lesson.name else tmp_path / name
    assert main(["print", str(lesson), "--out", str(out), "--force"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert lesson.read_bytes() == before
    assert not list(tmp_path.glob("keep*")) and not (tmp_path / "notes.txt").exists()


def test_generate_refuses_names_the_site_would_not_serve(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COMPANION_CONTENT", str(tmp_path / "content"))
    article = tmp_path / "glossary.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["generate", str(article)]) == 2
    assert "shared glossary" in capsys.readouterr().err
    for name in ("Upper.md", "has space.md", "Panjshir_valley.md"):
        assert main(["generate", str(article), "--out", str(tmp_path / name)]) == 2
        assert "lowercase letters, digits and hyphens" in capsys.readouterr().err
        assert not (tmp_path / name).exists()
    folder = tmp_path / "somewhere"
    folder.mkdir()
    assert main(["generate", str(article), "--out", str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err and not (folder / ".backup").exists()


def test_check_reports_a_name_the_site_ignores(tmp_path, capsys):
    odd = tmp_path / "Upper.md"
    shutil.copy(SAMPLE, odd)
    assert main(["check", str(odd)]) == 1
    assert f"{odd}:1: the site serves only lesson files named" in capsys.readouterr().out


@pytest.mark.parametrize(
    "front",
    ["grade: .inf", "generated: 5", "generated: [[a, b]]", "deleted: [1, a]"],
)
def test_update_with_a_hand_edited_front_matter_gives_one_line(lesson, capsys, front):
    text = lesson.read_text(encoding="utf-8")
    key = front.split(":")[0]
    if key == "generated":
        text = re.sub(r"(?m)^generated: .*$", front, text, count=1)
    else:
        text = text.replace("grade: 8", front, 1)
    lesson.write_text(text, encoding="utf-8")
    code = main(["generate", "--update", str(lesson)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if front == "grade: .inf":
        assert code == 0  # an impossible grade falls back to 8
    else:
        assert code == 2 and err.count("\n") == 1 and str(lesson) in err


@pytest.mark.parametrize("out", ["/dev/null/x.md", "/proc/x.md"])
def test_generate_to_an_impossible_place_is_one_line(tmp_path, out):
    article = tmp_path / "storm.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "companion", "generate", str(article), "--out", out],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_show_into_a_closed_pipe_or_a_full_disk_is_quiet():
    command = f"{sys.executable} -m companion show {SAMPLE} --json | head -c 10"
    result = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True)
    assert "Traceback" not in result.stderr
    if Path("/dev/full").exists():
        full = subprocess.run(
            f"{sys.executable} -m companion show {SAMPLE} --json > /dev/full",
            shell=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert full.returncode != 0 and "Traceback" not in full.stderr


def test_written_files_are_readable_by_others(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "lesson.md"
        write_atomic(path, "new")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o664)
        write_atomic(path, "newer")
        assert stat.S_IMODE(path.stat().st_mode) == 0o664 and path.read_text() == "newer"
    finally:
        os.umask(old)


def test_the_shared_glossary_is_never_served_as_a_lesson(content, client):
    (content / "glossary.md").write_text("Taliban\n:   a group\n", encoding="utf-8")
    assert client.get("/lessons/glossary").status_code == 404
    assert client.get("/lessons/glossary.json").status_code == 404
    assert "/lessons/glossary" not in client.get("/").get_data(as_text=True)
