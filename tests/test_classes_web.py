"""Classes through Flask's test client (docs/classes.md): a teacher makes a class and
assigns a lesson; students join by link or code with a name; their checks are
recorded (the first try kept) and come back on reload and on another device; the
lesson page without a class stays the shared, cached page; the dashboard, the CSV,
merging, deleting. The main flow runs on SQLite and on the suite's PostgreSQL."""

from __future__ import annotations

import csv
import io
import re
import shutil
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from companion.accounts.answers import question_keys
from companion.accounts.models import Answer
from companion.accounts.teachers import add_teacher
from companion.lesson.store import load_lesson
from companion.web import create_app
from companion.web.membership import COOKIE
from tests.helpers import sign_in

FIXTURE = Path(__file__).parent / "data" / "lessons" / "page-all-kinds.md"
SLUG = "page-all-kinds"
URL = f"/lessons/{SLUG}"
MC, TF, CLOZE = "q-3f2a19c0", "q-77ab01d2", "q-c1020304"  # right: 1, 1 (False), "cluster"
HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    return folder


def make_app(content: Path, url: str):
    return create_app({"TESTING": True, "CONTENT_DIR": str(content), "DATABASE_URL": url,
                       "SECRET_KEY": "classes-" + "k" * 40})  # fmt: skip


@pytest.fixture
def app(content: Path, database_url: str):
    return make_app(content, database_url)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_app(request, content: Path):
    name = "database_url" if request.param == "sqlite" else "postgres_url"
    return make_app(content, request.getfixturevalue(name))


def token_in(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def make_class(app, name: str = "7B English", lessons=(SLUG,)):
    """A signed-in teacher's client, and a new class (id, code) with these lessons."""
    teacher = app.test_client()
    token = sign_in(teacher)
    made = teacher.post("/teacher/classes", data={"csrf_token": token, "name": name})
    assert made.status_code == 303
    class_url = made.headers["Location"]
    data = {"csrf_token": token, "action": "lessons", "lesson": list(lessons)}
    assert teacher.post(class_url, data=data).status_code == 303
    page = teacher.get(class_url).get_data(as_text=True)
    code = re.search(r'<strong class="code">([A-Z0-9]{3}-[A-Z0-9]{3})</strong>', page).group(1)
    return teacher, int(class_url.rsplit("/", 1)[1]), code


def join(client, code: str, name: str, **extra):
    token = token_in(client.get(f"/join/{code}").get_data(as_text=True))
    return client.post("/join", data={"csrf_token": token, "code": code, "name": name, **extra})


def student(app, code: str, name: str):
    client = app.test_client()
    assert join(client, code, name).status_code == 303
    return client


def check(client, fields: dict, attempt: str | None = None, **extra):
    token = token_in(client.get(URL).get_data(as_text=True))
    keys = [k.split("-", 1)[1] for k in fields if k.startswith("a-")]
    data = {"csrf_token": token, "checked": keys, **fields, **extra}
    if attempt:
        data["attempt"] = attempt
    response = client.post(f"{URL}/check", data=data)
    assert response.status_code == 200
    return response.get_json()


def answers(app, *where) -> list:
    db = app.extensions["companion_accounts"]
    with db.session() as session:
        return session.execute(select(Answer).where(*where).order_by(Answer.id)).scalars().all()


# ------------------------------------------------------------------ the whole flow


def test_join_answer_reload_and_another_device(any_app):
    teacher, class_id, code = make_class(any_app)
    sam = student(any_app, code, "Sam")
    page = sam.get(URL)
    html = page.get_data(as_text=True)
    assert (
        'class="class-bar"' in html
        and "<strong>7B English</strong> as\n  <strong>Sam</strong>" in html
    )
    assert page.headers["Cache-Control"] == "private, no-store" and "ETag" not in page.headers
    wrong = check(sam, {f"a-{MC}": "0"}, attempt=MC)["results"][MC]
    assert (wrong["status"], wrong["mode"]) == ("incorrect", "hint")
    right = check(sam, {f"a-{MC}": "1", f"t-{MC}": "correct.1.000000000000"}, attempt=MC)[
        "results"
    ][MC]
    assert (right["status"], right["first"], right["mode"]) == ("correct", "incorrect", "answer")
    rows = answers(any_app)
    assert [(r.question, r.answer, r.result, r.first_try) for r in rows] == [
        (MC, "They sleep through the winter", "incorrect", True),
        (MC, "They shiver their wing muscles", "correct", False)]  # fmt: skip
    # A reload: the page comes back filled in, the first try still wrong.
    html = sam.get(URL).get_data(as_text=True)
    assert re.search(rf'name="a-{MC}" value="1" checked', html)
    assert f'name="t-{MC}" value="incorrect.1.' in html
    # Another device, the same name and code: the same student, the answers come back.
    other = any_app.test_client()
    assert "already called “Sam”" in join(other, code, "sam").get_data(as_text=True)
    assert join(other, code, "sam", same="yes").status_code == 303
    restored = check(other, {})["results"][MC]
    assert restored["fields"] == {f"a-{MC}": "1"} and restored["first"] == "incorrect"
    # The teacher sees it.
    board = teacher.get(f"/teacher/classes/{class_id}/lessons/{SLUG}").get_data(as_text=True)
    assert "<strong>1</strong> of 1 student started" in board and "<svg" in board


def test_without_a_class_nothing_is_recorded_and_the_page_is_the_shared_one(app):
    make_class(app)
    stranger = app.test_client()
    page = stranger.get(URL)
    assert page.headers["Cache-Control"] == "private, no-cache" and page.headers["ETag"]
    assert "class-bar" not in page.get_data(as_text=True)
    assert "data-member" not in page.get_data(as_text=True)
    result = check(stranger, {f"a-{MC}": "0"}, attempt=MC)["results"][MC]
    assert result["mode"] == "hint" and "fields" not in result
    stranger.set_cookie(COOKIE, "WzFd.forged")  # a forged membership: no class either
    check(stranger, {f"a-{MC}": "1"}, attempt=MC)
    assert answers(app) == []


def test_a_lesson_the_class_does_not_have_is_not_recorded(app, content: Path):
    shutil.copy(FIXTURE, content / "other.md")
    _, _, code = make_class(app)
    sam = student(app, code, "Sam")
    page = sam.get("/lessons/other")
    assert "class-bar" not in page.get_data(as_text=True) and page.headers["ETag"]
    token = token_in(page.get_data(as_text=True))
    sam.post("/lessons/other/check", data={"csrf_token": token, "attempt": MC, f"a-{MC}": "1"})
    assert answers(app) == []


# ------------------------------------------------------------------ joining


def test_a_wrong_or_expired_code_says_so(app):
    teacher, class_id, code = make_class(app)
    page = app.test_client().get("/join/ZZZ-ZZZ")
    assert page.status_code == 404 and "There is no class with the code “ZZZ-ZZZ”" in page.get_data(
        as_text=True
    )
    response = join(app.test_client(), "ZZZ-ZZZ", "Sam")
    assert response.status_code == 400 and "There is no class with the code" in response.get_data(
        as_text=True
    )
    token = sign_in(teacher)
    teacher.post(f"/teacher/classes/{class_id}", data={"csrf_token": token, "action": "close"})
    response = join(app.test_client(), code, "Sam")
    assert response.status_code == 400
    assert f"The code {code} has expired: ask your teacher for a new one." in response.get_data(
        as_text=True
    )


def test_the_join_form_takes_a_typed_code_and_refuses_an_empty_name(app):
    _, _, code = make_class(app)
    client = app.test_client()
    token = token_in(client.get("/join").get_data(as_text=True))
    response = client.post("/join", data={"csrf_token": token, "code": code.lower(), "name": "  "})
    assert response.status_code == 400 and "Type a name." in response.get_data(as_text=True)
    response = client.post(
        "/join", data={"csrf_token": token, "code": code.replace("-", " "), "name": "Ann"}
    )
    assert response.status_code == 303 and response.headers["Location"] == "/my-classes"
    mine = client.get("/my-classes")
    assert mine.headers["Cache-Control"] == "private, no-store"
    assert "You joined 7B English as Ann." in mine.get_data(as_text=True)
    no_csrf = app.test_client().post("/join", data={"code": code, "name": "Eve"})
    assert no_csrf.status_code == 400  # the app-wide CSRF check


def test_two_students_with_the_same_name(app):
    teacher, class_id, code = make_class(app)
    first = student(app, code, "Sam")
    check(first, {f"a-{MC}": "1"}, attempt=MC)
    second = app.test_client()
    asked = join(second, code, "SAM").get_data(as_text=True)
    assert "Is that you, on another device?" in asked and "Sam B." in asked
    assert join(second, code, "Sam B.").status_code == 303  # someone else after all
    assert "fields" not in check(second, {}).get("results", {}).get(MC, {})
    page = teacher.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert "Students (2)" in page


def test_switching_name_on_a_shared_computer_and_leaving(app):
    _, _, code = make_class(app)
    computer = student(app, code, "Ann")
    check(computer, {f"a-{MC}": "1"}, attempt=MC)
    assert join(computer, code, "Ben").status_code == 303  # Ben takes over this computer
    html = computer.get(URL).get_data(as_text=True)
    assert "<strong>Ben</strong>" in html and f'name="a-{MC}" value="1" checked' not in html
    assert len(answers(app)) == 1
    class_id = re.search(
        r'name="class" value="(\d+)"', computer.get("/my-classes").get_data(as_text=True)
    ).group(1)
    token = token_in(computer.get("/my-classes").get_data(as_text=True))
    assert computer.post("/leave", data={"csrf_token": token, "class": class_id}).status_code == 303
    assert "class-bar" not in computer.get(URL).get_data(as_text=True)


def test_student_names_are_escaped_everywhere(app):
    teacher, class_id, code = make_class(app, name=HOSTILE)
    pupil = student(app, code, HOSTILE)
    check(pupil, {f"a-{MC}": "0"}, attempt=MC)
    pages = [pupil.get("/my-classes"), pupil.get(URL), teacher.get(f"/teacher/classes/{class_id}"),
             teacher.get(f"/teacher/classes/{class_id}/lessons/{SLUG}"), teacher.get("/teacher/classes"),
             app.test_client().get(f"/join/{code}")]  # fmt: skip
    for page in pages:
        html = page.get_data(as_text=True)
        assert "<script>alert" not in html and "&lt;script&gt;alert(" in html, page.request.path


# ------------------------------------------------------------------ answers


def test_the_no_javascript_form_records_and_keeps_the_first_try(any_app):
    _, _, code = make_class(any_app)
    sam = student(any_app, code, "Sam")
    token = token_in(sam.get(URL).get_data(as_text=True))
    first = sam.post(URL, data={"csrf_token": token, "check": TF, f"a-{TF}": "0"})
    assert first.headers["Cache-Control"] == "no-store" and "class-bar" in first.get_data(
        as_text=True
    )
    sam.post(URL, data={"csrf_token": token, "check": TF, f"a-{TF}": "1", f"t-{TF}": "correct.0."})
    rows = answers(any_app)
    assert [(r.answer, r.result, r.first_try) for r in rows] == [
        ("True", "incorrect", True), ("False", "correct", False)]  # fmt: skip
    # Show answer before a try counts as a wrong first try, as on the page.
    sam.post(URL, data={"csrf_token": token, "reveal": CLOZE})
    reveal = answers(any_app, Answer.question == CLOZE)[0]
    assert (reveal.action, reveal.result, reveal.first_try) == ("reveal", None, True)


def test_checking_the_same_answer_again_records_nothing(app):
    _, _, code = make_class(app)
    sam = student(app, code, "Sam")
    for _ in range(3):
        check(sam, {f"a-{CLOZE}": "hive"}, attempt=CLOZE)
    assert len(answers(app)) == 1


def test_concurrent_checks_lose_nothing_and_double_no_first_try(app):
    """Four students answering at once, and four devices of a fifth racing each other
    with the same answers: every check answered, one first try per student and
    question, and each racing device's check recorded at most once."""
    _, _, code = make_class(app)
    others = [student(app, code, f"Pupil {n}") for n in range(4)]
    sams = [student(app, code, "Sam")]
    for _ in range(3):
        sams.append(app.test_client())
        assert join(sams[-1], code, "Sam", same="yes").status_code == 303
    clients = others + sams
    tokens = [token_in(c.get(URL).get_data(as_text=True)) for c in clients]
    keys = [key for key, _, _ in question_keys(load_lesson(FIXTURE))][:4]
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def answer(client, token) -> None:
        start.wait()
        for key in keys:
            data = {"csrf_token": token, "checked": key, "attempt": key, f"a-{key}": "0"}
            statuses.append(client.post(f"{URL}/check", data=data).status_code)

    threads = [
        threading.Thread(target=answer, args=pair) for pair in zip(clients, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * len(clients) * len(keys)
    rows = answers(app)
    firsts = [(r.student_id, r.question) for r in rows if r.first_try]
    assert len(firsts) == len(set(firsts)) == 5 * len(keys)
    sam_id = max(r.student_id for r in rows)  # joined last
    assert len([r for r in rows if r.student_id != sam_id]) == 4 * len(keys)  # none lost
    for key in keys:
        assert 1 <= len([r for r in rows if r.student_id == sam_id and r.question == key]) <= 4


# ------------------------------------------------------------------ the teacher's side


def test_csv_has_every_answer_and_is_spreadsheet_safe(app):
    teacher, class_id, code = make_class(app)
    pupil = student(app, code, "=HYPERLINK(1)")
    check(pupil, {f"a-{CLOZE}": "+hive"}, attempt=CLOZE)
    check(pupil, {f"a-{CLOZE}": "cluster"}, attempt=CLOZE)
    response = teacher.get(f"/teacher/classes/{class_id}/lessons/{SLUG}/answers.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response.headers["Content-Disposition"]
        == f'attachment; filename="7b-english-{SLUG}-answers.csv"'
    )
    text = response.get_data().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["student"], r["answer"], r["result"], r["first_try"]) for r in rows] == [
        ("'=HYPERLINK(1)", "'+hive", "incorrect", "yes"),
        ("'=HYPERLINK(1)", "cluster", "correct", "no")]  # fmt: skip
    assert rows[0]["question_number"] == "3" and rows[0]["question_id"] == CLOZE
    assert rows[0]["question"].startswith("In 1952, scientists") and rows[0]["action"] == "check"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rows[0]["time_utc"])
    assert teacher.get(f"/teacher/classes/{class_id}/answers.csv").get_data() == response.get_data()


def test_the_dashboard_shows_results_charts_tables_and_links_to_the_review(app):
    teacher, class_id, code = make_class(app)
    for name, choice in (("Ann", "1"), ("Ben", "2"), ("Cat", "2")):
        check(student(app, code, name), {f"a-{MC}": choice}, attempt=MC)
    html = teacher.get(f"/teacher/classes/{class_id}/lessons/{SLUG}").get_data(as_text=True)
    assert (
        "<strong>3</strong> of 3 students started" in html and "<strong>0</strong> finished" in html
    )
    assert html.count('<svg class="chart') >= 2 and 'aria-hidden="true"' in html
    assert '<th scope="row">They fly south</th><td>2</td>' in html
    review = f"/teacher/lessons/{SLUG}/review#rq-"
    missed = html[html.index('id="missed-h"') : html.index('id="share-h"')]
    assert review in missed and "33% right on the first try (1 of 3)" in missed
    assert " style=" not in html


def test_another_teachers_class_is_not_found(app):
    _, class_id, _ = make_class(app)
    other = add_teacher(app.extensions["companion_accounts"], "abe", "another password")
    intruder = app.test_client()
    with intruder.session_transaction() as session:
        session["_user_id"] = f"{other.id}:{other.stamp}"
    for path in ("", f"/lessons/{SLUG}", "/answers.csv"):
        assert intruder.get(f"/teacher/classes/{class_id}{path}").status_code == 404


def test_merge_delete_a_student_and_delete_the_class(any_app):
    teacher, class_id, code = make_class(any_app)
    token = sign_in(teacher)
    ann, ann_b = student(any_app, code, "Ann"), student(any_app, code, "Ann B")
    check(ann, {f"a-{MC}": "1"}, attempt=MC)
    check(ann_b, {f"a-{TF}": "1"}, attempt=TF)
    ids = [
        int(i)
        for i in re.findall(
            r'name="student" value="(\d+)"',
            teacher.get(f"/teacher/classes/{class_id}").get_data(as_text=True),
        )
    ]
    url = f"/teacher/classes/{class_id}"
    teacher.post(
        url, data={"csrf_token": token, "action": "merge", "source": ids[1], "target": ids[0]}
    )
    assert {r.student_id for r in answers(any_app)} == {ids[0]} and len(answers(any_app)) == 2
    assert "class-bar" not in ann_b.get(URL).get_data(as_text=True)  # that name is gone
    teacher.post(url, data={"csrf_token": token, "action": "remove-student", "student": ids[0]})
    assert answers(any_app) == []
    check(student(any_app, code, "Cat"), {f"a-{MC}": "1"}, attempt=MC)
    refused = teacher.post(url, data={"csrf_token": token, "action": "delete"})  # not confirmed
    assert refused.status_code == 400 and len(answers(any_app)) == 1
    gone = teacher.post(url, data={"csrf_token": token, "action": "delete", "confirm": "yes"})
    assert gone.status_code == 303 and answers(any_app) == []
    assert teacher.get(url).status_code == 404
    db = any_app.extensions["companion_accounts"]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Answer)) == 0
