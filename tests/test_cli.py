from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from companion.cli import main
from tests.helpers import ROOT, SEED


@pytest.fixture(autouse=True)
def content_env(tmp_path: Path, monkeypatch):
    folder = tmp_path / "content"
    folder.mkdir()
    monkeypatch.setenv("COMPANION_CONTENT", str(folder))
    return folder


def test_generate_writes_then_refuses_then_force_keeps_backup(content_env: Path, capsys):
    assert main(["generate", str(SEED)]) == 0
    out = content_env / "panjshir-valley.md"
    first = out.read_text()
    assert first.startswith("---\ntitle: 'Panjshir Valley")
    warnings = capsys.readouterr().err.splitlines()
    assert f"{out}:5: warning: removed from the article: “Please enter your comment!" in warnings[0]
    assert any("“Punjab Valley” appears once" in w for w in warnings)
    assert all(re.match(rf"{re.escape(str(out))}:\d+: warning: ", w) for w in warnings)
    assert main(["generate", str(SEED)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and err.count("\n") == 1
    out.write_text(first + "\n<!-- teacher note -->\n")
    assert main(["generate", str(SEED), "--force"]) == 0
    backups = list((content_env / ".backup").glob("panjshir-valley.*.md"))
    assert len(backups) == 1 and backups[0].read_text().endswith("<!-- teacher note -->\n")
    assert out.read_text() == first
    assert not list(content_env.glob(".*.tmp"))


def test_generate_json(capsys):
    assert main(["generate", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["slug"] == "panjshir-valley"
    assert data["passages"][0]["paragraphs"][0].startswith("Heavy clashes broke out")
    assert set(data) >= {
        "slug",
        "title",
        "source",
        "word_count",
        "grade_level",
        "reading_minutes",
        "passages",
    }


def test_check_reports_path_line_and_exit_codes(content_env: Path, capsys):
    good = content_env / "good.md"
    good.write_text("---\ntitle: Good\n---\n\n## A\n\nBees fly.\n", encoding="utf-8")
    assert main(["check"]) == 0
    bad = content_env / "bad.md"
    bad.write_text(
        "---\ntitle: Bad\n---\n\n## A\n\nBees fly.\n\n### Glossary\n\nwasp\n:   an insect\n\n"
        "### Questions\n\n1. Which?\n    - [ ] a\n    - [ ] b\n",
        encoding="utf-8",
    )
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{bad}:11: glossary term 'wasp' does not appear in this passage" in out
    assert f"{bad}:16: no choice is marked correct ('- [x]')" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x00", "binary"), (b"\xff\xfe\x00bad", "binary")],
)
def test_bad_article_files_one_line_exit_2(tmp_path: Path, capsys, content: bytes, message: str):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    assert main(["generate", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err and err.count("\n") == 1


def test_show_json_and_missing_file(capsys, tmp_path: Path):
    assert main(["show", str(ROOT / "content" / "panjshir-valley.md"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("Panjshir Valley")
    assert main(["show", str(ROOT / "content" / "panjshir-valley.md")]) == 0
    summary = capsys.readouterr().out
    assert summary.startswith("Panjshir Valley") and "glossary: " in summary
    assert "\np1. " in summary and " [multiple_choice] " in summary and "{" not in summary[:1]
    assert main(["show", str(tmp_path / "missing.md")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_no_traceback_from_the_real_command(tmp_path: Path):
    path = tmp_path / "undecodable.txt"
    path.write_bytes(b"Title\n\n\x81\x8d\x8f\x90\x9d odd bytes")
    result = subprocess.run(
        [sys.executable, "-m", "companion", "generate", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ},
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "cannot decode" in result.stderr and str(path) in result.stderr


def test_non_english_article_warns_but_still_makes_a_lesson(tmp_path: Path, capsys):
    article = tmp_path / "noticias.txt"
    article.write_text(
        "Noticias del día\n\nEl gobierno de la ciudad anunció hoy un nuevo plan para mejorar "
        "el transporte público. Los autobuses tendrán nuevas rutas y horarios más frecuentes "
        "durante la semana. Según el alcalde, la inversión será de varios millones de euros.",
        encoding="utf-8",
    )
    assert main(["generate", str(article), "--json"]) == 0
    captured = capsys.readouterr()
    assert "does not look like English" in captured.err
    assert json.loads(captured.out)["passages"][0]["paragraphs"]


def test_shared_glossary_file_is_checked_and_used(content_env: Path, capsys):
    (content_env / "glossary.md").write_text(
        "# Our class glossary\n\nTaliban\n:   the group that rules Afghanistan now\n",
        encoding="utf-8",
    )
    assert main(["check", str(content_env / "glossary.md")]) == 0
    assert main(["generate", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    entry = next(g for p in data["passages"] for g in p["glossary"] if g["term"] == "Taliban")
    assert entry["definition"] == "the group that rules Afghanistan now"
    assert entry["source"] == "shared glossary"
    (content_env / "glossary.md").write_text("Taliban\nno definition line\n", encoding="utf-8")
    assert main(["check", str(content_env / "glossary.md")]) == 1
    assert "glossary.md:1: glossary term 'Taliban' has no definition" in capsys.readouterr().out


def test_show_counts_read_right_for_one(tmp_path: Path, capsys):
    path = tmp_path / "one.md"
    path.write_text(
        "---\ntitle: One\n---\n\n## Only\n\nFive words in this paragraph.\n\n"
        "### Glossary\n\nparagraph\n:   a piece of writing\n\n"
        "### Questions\n\n1. How many words?\n    Answer: five\n",
        encoding="utf-8",
    )
    assert main(["show", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "1 passage, 5 words, 1 glossary entry, 1 question"


def test_check_shows_the_quoting_hint_for_a_title_with_a_colon(tmp_path: Path, capsys):
    path = tmp_path / "colon.md"
    path.write_text("---\ntitle: Panjshir Valley: Taliban clash\n---\n\n## A\n\nText.\n")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.strip()
    assert out == (
        f"{path}:2: front matter: mapping values are not allowed here (a value that holds "
        """': ' must be in quotes: title: "Panjshir Valley: Taliban clash")"""
    )
    assert main(["show", str(path)]) == 2  # a one-line error, no traceback
    err = capsys.readouterr().err
    assert err.startswith(f"companion: {path}:2: front matter: mapping values") and "must be in quotes" in err
    assert "Traceback" not in err
