"""The teacher blueprint (companion.web.teacher): the home, new lessons and the review
screen, with the Flask test client."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest

from companion.accounts import library as library_module
from companion.lesson import catalog
from companion.lesson import store as store_module
from companion.lesson.editing import lesson_items
from companion.lesson.fileformat import parse_lesson
from tests.helpers import SAMPLE, sign_in
from tests.test_library import lesson_text, write

REVIEW = "/teacher/lessons/panjshir-valley/review"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_ITEMS = len(lesson_items(parse_lesson(SAMPLE_TEXT)))  # glossary entries + questions


@pytest.fixture
def app(content: Path, database_url: str, tmp_path: Path):
    from companion.web import create_app

    return create_app(
        {
            "TESTING": True,
            "CONTENT_DIR": str(content),
            "DATABASE_URL": database_url,
            "JOBS_DIR": str(tmp_path / "jobs"),
        }
    )


@pytest.fixture
def teacher(client):
    """The test client, signed in; its CSRF token is ``client.csrf``."""
    client.csrf = sign_in(client)
    return client


def version_of(client, url: str = REVIEW) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="version" value="([0-9a-f]+)"', page).group(1)


def post_review(client, version: str | None = None, url: str = REVIEW, **fields):
    data = {"csrf_token": client.csrf, "version": version or version_of(client, url), **fields}
    return client.post(url, data=data)


def lesson_file(content: Path, slug: str = "panjshir-valley") -> str:
    return (content / f"{slug}.md").read_text(encoding="utf-8")


def only_changed(old: str, new: str) -> tuple[list[str], list[str]]:
    a, b = old.split("\n"), new.split("\n")
    start = 0
    while a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return a[start : len(a) - end], b[start : len(b) - end]


# --------------------------------------------------------------------------- sign-in


TEACHER_PAGES = [
    "/teacher",
    "/teacher/new",
    REVIEW,
    "/teacher/jobs/abc",
    "/teacher/jobs/abc.json",
]


@pytest.mark.parametrize("url", TEACHER_PAGES)
def test_teacher_pages_need_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("url", ["/teacher/new", REVIEW])
def test_teacher_forms_need_sign_in(client, content, url):
    with client.session_transaction() as session:
        session["csrf"] = "t" * 43  # a valid token, but nobody signed in
    response = client.post(url, data={"csrf_token": "t" * 43, "action": "delete", "item": "term:kabul"})
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    assert lesson_file(content) == SAMPLE_TEXT


def test_a_change_without_the_csrf_token_is_refused(teacher, content):
    version = version_of(teacher)
    response = teacher.post(REVIEW, data={"version": version, "action": "delete", "item": "term:kabul"})
    assert response.status_code == 400
    assert lesson_file(content) == SAMPLE_TEXT


# --------------------------------------------------------------------------- home


def test_home_lists_lessons_with_review_progress(teacher, content):
    (content / "broken.md").write_text("no front matter\n", encoding="utf-8")
    page = teacher.get("/teacher").get_data(as_text=True)
    assert f"0 of {SAMPLE_ITEMS} items reviewed" in page
    assert f'href="{REVIEW}"' in page
    assert 'href="/lessons/panjshir-valley/answer-key"' in page
    assert "warnings to check" in page and "Masoud" in page
    assert "broken.md" in page and "must start with" in page
    assert teacher.get("/teacher").headers["Cache-Control"] == "no-store"


def test_home_reads_the_index_not_the_lesson_files(teacher, monkeypatch):
    """With the index current, the home parses no lesson file (a library of thousands
    would take minutes): every way of parsing one fails here."""
    assert f"0 of {SAMPLE_ITEMS} items reviewed" in teacher.get("/teacher").get_data(as_text=True)
    index = teacher.application.extensions["companion_library"]
    assert index.wait(10)
    teacher.get("/teacher")  # the build done, the rows are current

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("the teacher's home parsed a lesson file")

    monkeypatch.setattr(library_module, "summarize", no_parsing)
    monkeypatch.setattr(catalog, "load_lesson", no_parsing)
    monkeypatch.setattr(store_module, "load_lesson", no_parsing)
    monkeypatch.setattr(store_module, "parse_lesson", no_parsing)
    monkeypatch.setattr(store_module.LessonStore, "entries", no_parsing)
    monkeypatch.setattr(store_module.LessonStore, "get", no_parsing)
    response = teacher.get("/teacher")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f"0 of {SAMPLE_ITEMS} items reviewed" in page and "warnings to check" in page and "Masoud" in page
    assert f'href="{REVIEW}"' in page and "Download for your LMS" in page
    assert 'href="/teacher/lessons/panjshir-valley/export/gift" download' in page


def test_home_is_paginated_searched_and_filtered_by_review_state(teacher, content):
    for n in range(55):
        write(content, f"lesson-{n:02d}", lesson_text(f"Lesson {n:02d}"))
    write(content, "done", lesson_text("Done and dusted", status="reviewed"))
    page = teacher.get("/teacher").get_data(as_text=True)
    assert page.count('class="teacher-lesson-title"') == 50
    assert "57 lessons" in page and "Page 1 of 2" in page and 'href="/teacher?page=2"' in page
    second = teacher.get("/teacher?page=2").get_data(as_text=True)
    assert second.count('class="teacher-lesson-title"') == 7
    assert 'name="review"' in page and 'name="q"' in page and 'name="grade"' in page
    done = teacher.get("/teacher?review=reviewed").get_data(as_text=True)
    assert re.findall(r'class="teacher-lesson-title"><a[^>]*>([^<]*)<', done) == ["Done and dusted"]
    assert "1 of 1 item reviewed" in done and "show all" in done
    found = teacher.get("/teacher?q=panjshir").get_data(as_text=True)
    assert "1 lesson" in found and f'href="{REVIEW}"' in found
    nothing = teacher.get("/teacher?q=%3Cscript%3E").get_data(as_text=True)
    assert "<script>" not in nothing and "No lesson matches." in nothing


# --------------------------------------------------------------------------- review


def test_review_shows_items_statuses_evidence_and_warnings(teacher):
    page = teacher.get(REVIEW).get_data(as_text=True)
    assert page.count('class="review-item is-generated"') == SAMPLE_ITEMS
    for passage in parse_lesson(SAMPLE_TEXT).passages:
        assert f"Accept all {len(passage.glossary) + len(passage.questions)} remaining" in page
    assert 'class="s hl"' in page  # evidence marked in the text
    assert 'href="#s1-1"' in page  # an item's link to its evidence sentence
    assert "one name spelled two ways" in page
    assert 'id="g-p1-1"' in page and 'href="#g-p1-1"' in page  # glossary marks link to cards
    # where each line came from, in words: "Kabul" from the learner names file
    assert "From Companion’s learner dictionary." in page.replace("&#39;", "’").replace("'", "’")


def test_an_item_changed_in_an_editor_or_with_a_problem_needs_review(teacher, content):
    text = SAMPLE_TEXT.replace("capital and largest city", "the capital city").replace(
        "\nTaliban\n:   Islamist", "\nTalibans\n:   Islamist"
    )
    (content / "panjshir-valley.md").write_text(text, encoding="utf-8")
    page = teacher.get(REVIEW).get_data(as_text=True)
    assert page.count('class="review-item is-needs-review"') == 2
    kabul = page[page.index('id="g-p1-3"') :][:3000]
    assert "Needs review" in kabul
    taliban = page[page.index('id="g-p1-1"') :][:3000]
    assert "glossary term &#39;Talibans&#39; does not appear in this passage" in taliban


def test_accept_changes_only_that_item_in_the_file(teacher, content):
    response = post_review(teacher, action="accept", item="term:kabul")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{REVIEW}#g-p1-3")
    old, new = only_changed(SAMPLE_TEXT, lesson_file(content))
    assert len(old) == len(new) == 1
    assert new[0] == old[0].replace("status: generated", "status: reviewed")
    page = teacher.get(REVIEW).get_data(as_text=True)
    assert f"1 of {SAMPLE_ITEMS} items reviewed" in page and "Accepted." in page
    assert list((content / ".backup").glob("panjshir-valley.*.md"))


def test_a_change_to_a_file_changed_on_disk_is_refused(teacher, content):
    version = version_of(teacher)
    edited = SAMPLE_TEXT.replace("capital and largest city", "the capital city")
    (content / "panjshir-valley.md").write_text(edited, encoding="utf-8")
    response = post_review(teacher, version, action="delete", item="term:taliban")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "changed since this page was loaded" in page
    assert "the capital city" in page  # the file as it is now
    assert lesson_file(content) == edited


def test_edit_a_question(teacher, content):
    response = post_review(
        teacher,
        action="edit-question",
        item="q-406107b2",
        kind="short_answer",
        prompt="Where did the Taliban send forces?",
        answer="Panjshir province",
        accept="Panjshir\n",
    )
    assert response.status_code == 303
    old, new = only_changed(SAMPLE_TEXT, lesson_file(content))
    assert new[0] == "1. Where did the Taliban send forces?"
    assert "status: reviewed, accept: [Panjshir]" in new[-1]
    question = next(q for q in parse_lesson(lesson_file(content)).questions if q.id == "q-406107b2")
    assert (question.prompt, question.accept) == ("Where did the Taliban send forces?", ["Panjshir"])


def test_a_refused_edit_says_why_and_keeps_what_was_typed(teacher, content):
    response = post_review(
        teacher,
        action="edit-question",
        item="q-918830ca",
        kind="cloze",
        prompt="A prompt <b>without</b> a blank",
        answer="Panjshir Valley",
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Not saved" in page and "needs a blank" in page
    assert "A prompt &lt;b&gt;without&lt;/b&gt; a blank</textarea>" in page
    assert re.search(r'<details class="item-edit" open>', page)
    assert lesson_file(content) == SAMPLE_TEXT


def test_edit_delete_lock_add_and_accept_a_passage(teacher, content):
    doomed = parse_lesson(SAMPLE_TEXT).passages[0].questions[-1].id  # one of passage 1's
    steps = [
        {"action": "edit-entry", "item": "term:kabul", "term": "Kabul", "definition": "the capital of Afghanistan"},
        {"action": "delete", "item": doomed},
        {"action": "lock", "item": "term:taliban"},
        {"action": "add-entry", "passage": "p2", "term": "spokesman", "definition": "a person who speaks for a group"},
        {
            "action": "add-question",
            "passage": "p2",
            "kind": "multiple_choice",
            "prompt": "Who is Fahim Dasti?",
            "choice": ["a Taliban leader", "an NRF spokesman", ""],
            "right": "1",
        },
        {"action": "accept-passage", "passage": "p1"},
    ]
    for step in steps:
        response = post_review(teacher, **step)
        assert response.status_code == 303, response.get_data(as_text=True)
    lesson = parse_lesson(lesson_file(content))
    first, second = lesson.passages[0], lesson.passages[1]
    assert {g.term: g.status for g in first.glossary}["Taliban"] == "locked"
    assert {g.term: g.definition for g in first.glossary}["Kabul"] == "the capital of Afghanistan"
    assert doomed not in {q.id for q in lesson.questions}
    assert {i.status for i in [*first.glossary, *first.questions]} == {"reviewed", "locked"}
    assert second.glossary[-1].term == "spokesman"
    added = second.questions[-1]
    assert (added.prompt, added.answer, added.choices) == (
        "Who is Fahim Dasti?",
        "an NRF spokesman",
        ["a Taliban leader", "an NRF spokesman"],
    )
    untouched = [i for i in lesson_items(parse_lesson(SAMPLE_TEXT)) if i.passage.id not in ("p1", "p2")]
    assert lesson_file(content).endswith("\n".join(SAMPLE_TEXT.split("\n")[untouched[0].start - 2 :]))


def test_a_refused_change_without_a_form_is_said_at_the_top(teacher, content):
    response = post_review(teacher, action="accept", item="q-gone")
    assert response.status_code == 400
    assert "no longer in the lesson file" in response.get_data(as_text=True)
    response = post_review(teacher, action="explode", item="q-918830ca")
    assert "Unknown action" in response.get_data(as_text=True)
    assert lesson_file(content) == SAMPLE_TEXT


def test_a_multiple_choice_question_needs_its_right_answer(teacher, content):
    response = post_review(
        teacher,
        action="add-question",
        passage="p2",
        kind="multiple_choice",
        prompt="Who?",
        choice=["a", "b"],
    )
    assert response.status_code == 400
    assert "Choose the right answer" in response.get_data(as_text=True)
    assert lesson_file(content) == SAMPLE_TEXT


def test_article_text_and_items_are_escaped(teacher, content):
    text = SAMPLE_TEXT.replace(
        "Heavy clashes broke out", "&lt;script>alert(1)&lt;/script> Heavy clashes broke out", 1
    ).replace("Islamist group that ruled", "<script>alert(2)</script> group that ruled")
    (content / "panjshir-valley.md").write_text(text, encoding="utf-8")
    added = post_review(
        teacher,
        action="add-question",
        passage="p1",
        kind="open",
        prompt='Why <img src=x onerror="alert(3)">?',
        answer="<script>alert(4)</script>",
    )
    assert added.status_code == 303
    page = teacher.get(REVIEW).get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x" in page


@pytest.mark.parametrize("slug", ["..%2Fsecret", "glossary", "Panjshir-Valley", "x" * 100, "nothing"])
def test_no_path_outside_the_lessons(teacher, slug):
    assert teacher.get(f"/teacher/lessons/{slug}/review").status_code == 404
    response = teacher.post(f"/teacher/lessons/{slug}/review", data={"csrf_token": teacher.csrf})
    assert response.status_code == 404


def test_a_broken_lesson_file_is_said_to_be_broken(teacher, content):
    (content / "broken.md").write_text("---\ntitle: x\n---\ntext outside\n", encoding="utf-8")
    response = teacher.get("/teacher/lessons/broken/review")
    assert response.status_code == 503
    assert "text outside a passage" in response.get_data(as_text=True)


# --------------------------------------------------------------------------- new lessons


def upload(client, name: str, data: bytes, grade: str = "7", text: str = "", **extra):
    form = {"csrf_token": client.csrf, "grade": grade, "text": text, **extra}
    if name:
        form["article"] = (BytesIO(data), name)
    return client.post("/teacher/new", data=form, content_type="multipart/form-data")


def runner(client):
    return client.application.extensions["companion_jobs"]


def test_new_lesson_from_an_upload(teacher, content):
    article = (
        "Bees in winter\n\nHoneybees do not sleep through the winter. They cluster together "
        "in the hive and shiver their wing muscles to make heat.\n\nIn 1952, scientists "
        "measured the middle of a cluster at 35 degrees. The queen stays in the warm centre.\n"
    )
    response = upload(teacher, "Bees in Winter.txt", article.encode())
    assert response.status_code == 303
    job_url = response.headers["Location"]
    runner(teacher).join()
    status = teacher.get(job_url + ".json").get_json()
    assert status["state"] == "done" and status["slug"] == "bees-in-winter"
    assert status["review_url"] == "/teacher/lessons/bees-in-winter/review"
    assert teacher.get(job_url).headers["Location"] == status["review_url"]
    written = lesson_file(content, "bees-in-winter")
    assert "source: Bees in Winter.txt" in written and "grade: 7" in written
    assert "choices:" not in written  # four options only when the teacher ticks the box
    assert not list((runner(teacher).folder / "uploads").iterdir())
    again = upload(teacher, "Bees in Winter.txt", article.encode())
    runner(teacher).join()
    assert teacher.get(again.headers["Location"] + ".json").get_json()["slug"] == "bees-in-winter-2"
    assert lesson_file(content) == SAMPLE_TEXT


def test_new_lesson_with_choices_when_the_box_is_ticked(teacher, content):
    assert 'name="choices"' in teacher.get("/teacher/new").get_data(as_text=True)
    article = "Bees in winter\n\nHoneybees cluster together in the hive in winter.\n"
    response = upload(teacher, "Bees.txt", article.encode(), choices="on")
    runner(teacher).join()
    assert teacher.get(response.headers["Location"] + ".json").get_json()["state"] == "done"
    assert "choices: true" in lesson_file(content, "bees")


def test_an_article_may_be_larger_than_an_answer_form_but_not_too_large(teacher, monkeypatch):
    from companion.generation import jobs

    monkeypatch.setattr(jobs.JobRunner, "_ensure_thread", lambda self: None)  # never runs
    article = ("Bees\n\n" + "Bees make honey in the hive. " * 8000).encode()  # 232 KB
    assert upload(teacher, "bees.txt", article).status_code == 303
    assert upload(teacher, "", b"", text=article.decode() * 2).status_code == 303
    response = upload(teacher, "bees.txt", article * 25)  # 5.8 MB
    assert response.status_code == 413
    assert "larger than 5 MB" in response.get_data(as_text=True)


def test_a_bad_upload_fails_with_the_clis_message(teacher, content):
    response = upload(teacher, "notes.txt", b"\x00\x01\x02 binary")
    runner(teacher).join()
    page = teacher.get(response.headers["Location"])
    assert page.status_code == 200
    assert "notes.txt: file looks binary, not text" in page.get_data(as_text=True)
    assert sorted(p.name for p in content.glob("*.md")) == ["panjshir-valley.md"]


@pytest.mark.parametrize(
    ("name", "text", "grade", "message"),
    [
        ("notes.docx", "", "8", "is not a .txt, .md or .html file"),
        ("", "", "8", "Choose an article file, or paste"),
        ("a.txt", "some text", "8", "not both"),
        ("", "some text", "13", "Choose a grade"),
    ],
)
def test_new_lesson_form_problems(teacher, name, text, grade, message):
    response = upload(teacher, name, b"words", grade, text)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_a_job_is_its_teachers_only(teacher, tmp_path):
    response = upload(teacher, "", b"", text="Title\n\nSome text of an article.")
    runner(teacher).join()
    job_id = response.headers["Location"].rsplit("/", 1)[1]
    state = runner(teacher).folder / f"{job_id}.json"
    state.write_text(state.read_text().replace('"owner": "', '"owner": "9'), encoding="utf-8")
    assert teacher.get(f"/teacher/jobs/{job_id}").status_code == 404
    assert teacher.get(f"/teacher/jobs/{job_id}.json").status_code == 404


def test_the_job_page_refreshes_itself_without_javascript(teacher, monkeypatch):
    from companion.generation import jobs

    monkeypatch.setattr(jobs.JobRunner, "_ensure_thread", lambda self: None)  # never runs
    response = upload(teacher, "", b"", text="Title\n\nSome text.")
    page = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert "Waiting for the lessons before it" in page
    status = teacher.get(response.headers["Location"] + ".json").get_json()
    assert status["state"] == "queued"
