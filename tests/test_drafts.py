"""Draft glossary entries (status: needs-review): in the file and on the teacher's
screens, never in anything a student sees, until the teacher accepts or corrects them
(docs/lesson-format.md, docs/glossary.md "Drafts for central terms")."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.generation.pipeline import merge
from companion.lesson.check import check_file
from companion.lesson.fileformat import parse_lesson, write_lesson
from tests.generated import lesson_from_text
from tests.helpers import SAMPLE, sign_in
from tests.test_teacher import REVIEW, lesson_file, post_review

KABUL = "capital and largest city of Afghanistan"
DRAFT_TEXT = SAMPLE.read_text(encoding="utf-8").replace(
    "{source: dictionary, status: generated, evidence: 'The Punjab Valley",
    "{source: dictionary, status: needs-review, evidence: 'The Punjab Valley",
    1,
)


@pytest.fixture
def app(content: Path, database_url: str, tmp_path: Path):
    from companion.web import create_app

    config = {"TESTING": True, "CONTENT_DIR": str(content), "DATABASE_URL": database_url}
    return create_app({**config, "JOBS_DIR": str(tmp_path / "jobs")})


@pytest.fixture
def teacher(client):
    client.csrf = sign_in(client)
    return client


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder holding the sample lesson with Kabul's entry as a draft."""
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / SAMPLE.name).write_text(DRAFT_TEXT, encoding="utf-8")
    return folder


def test_a_draft_is_parsed_apart_and_written_back_as_it_was():
    assert SAMPLE.read_text(encoding="utf-8") != DRAFT_TEXT
    lesson = parse_lesson(DRAFT_TEXT)
    assert [e.term for e in lesson.drafts] == ["Kabul"]
    assert "Kabul" not in {e.term for e in lesson.glossary}
    assert write_lesson(lesson) == DRAFT_TEXT


def test_a_draft_the_teacher_edited_in_the_file_is_shown():
    edited = DRAFT_TEXT.replace(KABUL, "the capital of Afghanistan")
    lesson = parse_lesson(edited)
    assert lesson.drafts == []
    assert {e.term: e.definition for e in lesson.glossary}["Kabul"] == (
        "the capital of Afghanistan"
    )


def test_students_never_see_a_draft(client):
    page = client.get("/lessons/panjshir-valley").get_data(as_text=True)
    assert KABUL not in page
    assert "Taliban" in page  # the other entries are there
    data = client.get("/lessons/panjshir-valley.json").get_json()
    assert KABUL not in str(data)
    sheet = client.get("/lessons/panjshir-valley/worksheet").get_data(as_text=True)
    assert KABUL not in sheet


def test_the_teacher_sees_the_draft_and_accepting_it_shows_it(teacher, content):
    review = teacher.get(REVIEW).get_data(as_text=True)
    assert KABUL in review and "Needs review" in review
    home = teacher.get("/teacher").get_data(as_text=True)
    assert "draft glossary entry" in home
    response = post_review(teacher, action="accept", item="term:kabul")
    assert response.status_code == 303
    accepted = parse_lesson(lesson_file(content))
    assert {e.term: e.status for e in accepted.glossary}["Kabul"] == "reviewed"
    assert accepted.drafts == []
    assert KABUL in teacher.get("/lessons/panjshir-valley").get_data(as_text=True)


def test_check_warns_about_a_draft(tmp_path):
    path = tmp_path / "panjshir-valley.md"
    path.write_text(DRAFT_TEXT, encoding="utf-8")
    drafts = [p for p in check_file(path) if "draft glossary entry" in p.message]
    assert len(drafts) == 1 and drafts[0].warning and "'Kabul'" in drafts[0].message


def test_an_update_replaces_an_untouched_draft_and_keeps_a_deleted_one_deleted():
    current = parse_lesson(DRAFT_TEXT)
    fresh = parse_lesson(SAMPLE.read_text(encoding="utf-8"))  # Kabul now defined
    merged = merge(current, fresh)
    assert merged.drafts == []
    assert {e.term: e.definition for e in merged.glossary}["Kabul"] == KABUL
    current.meta["deleted"] = ["term:kabul"]
    assert "Kabul" not in {e.term for e in merge(current, fresh).glossary}


ARTICLE = """Mara Quill wins the Porthaven regatta

Mara Quill was the champion, and her boat won the regatta.

The crowd cheered when Mara Quill crossed the line at Porthaven on Saturday.

Mara Quill thanked the harbour staff of Porthaven after the race.
"""


def test_a_central_name_without_a_trusted_definition_becomes_a_draft(tmp_path):
    lesson = lesson_from_text(tmp_path, ARTICLE)
    assert "Mara Quill" not in {e.term for e in lesson.glossary}
    drafts = {e.term: e for e in lesson.drafts}
    assert drafts["Mara Quill"].status == "needs-review"
    assert drafts["Mara Quill"].definition  # the line it found, for the teacher to correct
    text = write_lesson(lesson)
    assert "status: needs-review" in text
    assert [e.term for e in parse_lesson(text).drafts] == ["Mara Quill"]


def test_the_teacher_json_lists_drafts_apart(teacher):
    data = teacher.get("/lessons/panjshir-valley.json").get_json()
    first = data["passages"][0]
    assert [d["term"] for d in first["drafts"]] == ["Kabul"]
    assert first["drafts"][0]["status"] == "needs-review"
    assert "Kabul" not in {g["term"] for g in first["glossary"]}


@pytest.mark.parametrize("name", ["moodle-glossary", "quizlet", "csv"])
def test_no_export_holds_a_draft(name: str):
    from companion.views.exports import export_format

    data = export_format(name).write(parse_lesson(DRAFT_TEXT)).data.decode("utf-8")
    assert "Taliban" in data  # the real entries are exported
    assert KABUL not in data


def test_a_second_name_hung_on_the_first_pair_is_not_given_its_noun(tmp_path: Path):
    """ "Sharapova was the soprano, Azarenka the alto": the parser hangs "Azarenka" on
    "soprano" as an appositive; she is not the soprano."""
    lesson = lesson_from_text(
        tmp_path,
        "Azarenka wins in Miami\n\nVictoria Azarenka beat Maria Sharapova in the final. "
        "Sharapova was the soprano, Azarenka the alto, and their arias were heard on the "
        "beach.\n\nAzarenka won in straight sets. Azarenka had lost to Sharapova before.\n\n"
        "Azarenka said she was happy.",
    )
    entries = [e for p in lesson.passages for e in [*p.glossary, *p.drafts]]
    assert not any("Azarenka" in e.term and "soprano" in e.definition for e in entries)


def test_a_title_name_the_article_only_describes_in_its_own_words_is_a_draft(tmp_path):
    """ "Millau: town of about 22,000 people", "Leicester City: champions of England": the
    story's subject in the words printed beside it, which say where or what it did, not
    what it is; reviewers accepted none of 11 such lines for places and bodies. The
    teacher gets the line as a draft to correct."""
    lesson = lesson_from_text(
        tmp_path,
        "Bridge opens over Varnholt\n\nA new bridge over the valley opened on Monday near "
        "Varnholt, a town of about 22,000 people.\n\nVarnholt has waited thirty years for "
        "the bridge, and the mayor of Varnholt cut the ribbon.\n\nTraffic through "
        "Varnholt fell by half within hours, officials said.",
    )
    assert "Varnholt" not in {e.term for e in lesson.glossary}
    drafts = {e.term: e for e in lesson.drafts}
    assert drafts["Varnholt"].definition == "town of about 22,000 people"
    assert drafts["Varnholt"].status == "needs-review"
