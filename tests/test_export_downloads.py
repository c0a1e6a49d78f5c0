"""Exports as downloads for signed-in teachers (companion.web.exports) and as the
`companion export` command (docs/exports.md)."""

from __future__ import annotations

import shutil
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from companion.cli import main
from companion.lesson.store import load_lesson
from companion.views.exports import FORMATS
from tests.helpers import ROOT, SAMPLE, sign_in

AWKWARD = ROOT / "tests" / "data" / "lessons" / "export-awkward.md"
NO_GLOSSARY = "---\ntitle: Questions only\n---\n\n## One\n\nBees fly.\n\n### Questions\n\n1. Do bees fly?\n    - [x] True\n    - [ ] False\n"


def url(name: str, slug: str = "panjshir-valley") -> str:
    return f"/teacher/lessons/{slug}/export/{name}"


# ----------------------------------------------------------------- the web app


def test_downloads_need_a_signed_in_teacher(client):
    response = client.get(url("gift"))
    assert response.status_code == 302
    assert response.headers["Location"] == "/sign-in?next=/teacher/lessons/panjshir-valley/export/gift"


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_each_download_has_its_type_and_file_name(client, fmt):
    sign_in(client)
    response = client.get(url(fmt.name))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == fmt.mimetype
    assert response.headers["Content-Disposition"] == f'attachment; filename="panjshir-valley{fmt.suffix}"'
    assert response.headers["Cache-Control"] == "private, no-store"
    if fmt.name == "qti":
        assert zipfile.ZipFile(BytesIO(response.data)).testzip() is None
    else:
        assert response.data == fmt.write(load_lesson(SAMPLE)).data


def test_unknown_formats_and_lessons_are_not_found_and_empty_ones_say_why(client, content: Path):
    sign_in(client)
    assert client.get(url("pdf")).status_code == 404
    assert client.get(url("gift", "no-such-lesson")).status_code == 404
    (content / "questions-only.md").write_text(NO_GLOSSARY)
    response = client.get(url("quizlet", "questions-only"))
    assert response.status_code == 409
    assert "questions-only.md: the lesson has no glossary entries to export" in response.get_data(as_text=True)


def test_the_teacher_home_and_review_screen_link_the_downloads(client, content: Path):
    sign_in(client)
    (content / "questions-only.md").write_text(NO_GLOSSARY)
    home = client.get("/teacher").get_data(as_text=True)
    for fmt in FORMATS:
        assert f'href="{url(fmt.name)}" download>{fmt.label}</a>' in home
    assert url("gift", "questions-only") in home and url("quizlet", "questions-only") not in home
    review = client.get("/teacher/lessons/panjshir-valley/review").get_data(as_text=True)
    assert all(url(fmt.name) in review for fmt in FORMATS)
    assert "Download for your LMS" in review


# ----------------------------------------------------------------- the command line


@pytest.fixture
def lesson_copy(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(AWKWARD, tmp_path / AWKWARD.name)
    return tmp_path / AWKWARD.name


def test_export_writes_a_file_named_after_the_lesson_and_never_overwrites(lesson_copy: Path, capsys):
    assert main(["export", str(lesson_copy), "--format", "gift"]) == 0
    assert capsys.readouterr().out == "wrote export-awkward-gift.txt (7 questions)\n"
    written = Path("export-awkward-gift.txt").read_text()
    assert written.startswith("// Odd signs")
    assert main(["export", str(lesson_copy), "--format", "gift"]) == 2
    err = capsys.readouterr().err
    assert err == "companion: export-awkward-gift.txt: already exists: use --force to replace it (a backup is kept)\n"
    assert main(["export", str(lesson_copy), "--format", "gift", "--force"]) == 0
    assert len(list(Path(".backup").glob("export-awkward-gift.*.txt"))) == 1
    assert main(["export", str(lesson_copy), "--format", "qti", "--out", "quiz.zip"]) == 0
    assert zipfile.is_zipfile("quiz.zip")


def test_export_to_standard_output_for_text_formats_only(lesson_copy: Path, capfdbinary):
    assert main(["export", str(lesson_copy), "--format", "quizlet", "--out", "-"]) == 0
    out = capfdbinary.readouterr().out
    assert out.decode("utf-8").splitlines()[1].startswith("café\ta small restaurant")
    assert main(["export", str(lesson_copy), "--format", "qti", "--out", "-"]) == 2
    err = capfdbinary.readouterr().err.decode()
    assert err == f"companion: {lesson_copy}: a QTI 1.2 file is a zip: give --out FILE\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.md", "--format", "csv"], "missing.md: file not found"),
        (["broken.md", "--format", "csv"], "broken.md:2: "),
        (["empty.md", "--format", "quizlet"], "empty.md: the lesson has no glossary entries to export"),
        (["export-awkward.md", "--format", "csv", "--out", "export-awkward.md"], "that is the lesson file itself"),
        (["export-awkward.md", "--format", "csv", "--out", "nowhere/x.csv"], "no such folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(lesson_copy: Path, capsys, args, message):
    Path("broken.md").write_text("---\ntitle: [unclosed\n---\n")
    Path("empty.md").write_text(NO_GLOSSARY)
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
    assert Path("export-awkward.md").read_text() == AWKWARD.read_text()
