"""The teacher area's door (docs/teachers.md): what needs a signed-in teacher, what
students see instead, signing in and out, CSRF, the rate limit, the session cookie, the
first teacher's one-time password and `companion teacher ...`."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import app as app_module
from companion.accounts import ratelimit
from companion.accounts.database import open_database
from companion.accounts.teachers import list_teachers, remove_teacher, set_password
from companion.cli import main
from companion.lesson.store import load_lesson
from companion.views.lesson_json import student_lesson_dict
from companion.web import create_app, signin
from tests.helpers import SAMPLE, TEACHER, TEACHER_PASSWORD, sign_in

SLUG = "panjshir-valley"
FIXTURES = Path(__file__).parent / "data" / "lessons"
TEACHER_ONLY = [
    f"/lessons/{SLUG}/answer-key",
    f"/lessons/{SLUG}/answer-key?paper=a4&version=B",
    f"/lessons/{SLUG}/answer-key.pdf",
    f"/lessons/{SLUG}/answer-key.css",
]
# Every URL rule anyone may use without signing in; any other must be teacher_required.
PUBLIC_ENDPOINTS = {
    "static",
    "favicon",
    "lessons.index",
    "lessons.lesson_page",
    "lessons.lesson_answers",
    "lessons.lesson_check",
    "lessons.lesson_json",
    "lessons.healthz",
    "worksheets.worksheet",
    "worksheets.worksheet_pdf",
    "worksheets.worksheet_css",
    "signin.sign_in",
    "signin.sign_in_post",
    "signin.sign_out",
    # students join classes with a code and a name (docs/classes.md)
    "classes.join",
    "classes.join_link",
    "classes.join_post",
    "classes.my_classes",
    "classes.leave",
}
HIDDEN_KEYS = {"answer", "accept", "evidence", "paragraph", "source", "status", "warnings"}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    shutil.copy(FIXTURES / "page-all-kinds.md", folder / "page-all-kinds.md")
    return folder


def form_token(client, url: str = "/sign-in") -> str:
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def post_sign_in(client, name=TEACHER, password=TEACHER_PASSWORD, **extra):
    data = {"name": name, "password": password, "csrf_token": form_token(client), **extra}
    return client.post("/sign-in", data=data)


# ------------------------------------------------------------ what needs a teacher


@pytest.mark.parametrize("url", TEACHER_ONLY)
def test_teacher_only_urls_redirect_to_sign_in(client, url: str):
    response = client.get(url)
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/sign-in" and parse_qs(location.query) == {"next": [url]}
    assert client.get(response.headers["Location"]).status_code == 200
    sign_in(client)
    assert client.get(url).status_code == 200


def test_every_route_is_public_by_name_or_needs_a_teacher(app, client):
    """A new route is either listed as public here or wrapped in teacher_required;
    the guarded ones send anyone not signed in to /sign-in (also for a POST with a
    valid CSRF token)."""
    token = form_token(client)
    guarded = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        assert getattr(view, "teacher_only", False), f"{rule} is neither public nor guarded"
        url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: SLUG if m[1] == "slug" else "1", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method, data={"csrf_token": token})
            assert response.status_code == 302, (method, url)
            expected = "/sign-in?next=" if method == "GET" else "/sign-in"
            assert response.headers["Location"].startswith(expected), (method, url)
        guarded.append(rule.endpoint)
    assert {"worksheets.answer_key", "worksheets.answer_key_pdf"} <= set(guarded)


def test_the_index_shows_keys_and_warnings_to_teachers_only(client):
    index = client.get("/").get_data(as_text=True)
    assert "/answer-key" not in index and "For the teacher" not in index
    assert 'href="/sign-in">Teachers: sign in</a>' in index
    assert 'href="/join">Join a class</a>' in index  # students find the join page
    sign_in(client)
    index = client.get("/").get_data(as_text=True)
    assert f'href="/lessons/{SLUG}/answer-key"' in index and "For the teacher" in index
    assert f"Signed in as <strong>{TEACHER}</strong>" in index
    assert re.search(r'<form class="sign-out-form" method="post" action="/sign-out">\s*'
                     r'<input type="hidden" name="csrf_token"', index)


def test_the_worksheet_stays_public_and_links_the_key_for_teachers_only(client):
    for route in ("worksheet", "worksheet.pdf", "worksheet.css"):
        assert client.get(f"/lessons/{SLUG}/{route}").status_code == 200, route
    sheet = client.get(f"/lessons/{SLUG}/worksheet").get_data(as_text=True)
    assert "answer-key" not in sheet and "Answer:" not in sheet
    sign_in(client)
    sheet = client.get(f"/lessons/{SLUG}/worksheet").get_data(as_text=True)
    assert f'href="/lessons/{SLUG}/answer-key?paper=letter"' in sheet


def test_a_broken_lessons_error_is_for_teachers(client, content: Path):
    (content / "broken.md").write_text("---\ntitle: [oops\n---\n", encoding="utf-8")
    for url in ("/lessons/broken", "/lessons/broken.json"):
        assert "front matter" not in client.get(url).get_data(as_text=True), url
    sign_in(client)
    assert "broken.md:2: front matter" in client.get("/lessons/broken.json").get_json()["error"]


# ------------------------------------------------------------ no answers for students


def hidden_answers(lesson) -> list[str]:
    """Answers a page could only show by giving them away: not in the text, not a choice."""
    text = " ".join(para for p in lesson.passages for para in p.paragraphs).lower()
    found = []
    for q in lesson.questions:
        answers = [q.answer] if isinstance(q.answer, str) and q.kind != "true_false" else []
        for answer in [*answers, *q.accept]:
            if len(answer) > 3 and answer.lower() not in text and answer not in q.choices:
                found.append(answer)
    return found


@pytest.mark.parametrize("slug", [SLUG, "page-all-kinds"])
def test_the_student_lesson_page_embeds_no_key(client, content: Path, slug: str):
    html = client.get(f"/lessons/{slug}").get_data(as_text=True)
    lesson = load_lesson(content / f"{slug}.md")
    secrets = hidden_answers(lesson)
    assert secrets or slug == SLUG  # the fixture has sample and accepted answers to hide
    for secret in secrets:
        assert secret not in html, secret
    assert not re.search(r"data-(answer|correct|accept|evidence|key-)", html)
    assert "rule:" not in html and "<!--" not in html
    for q in lesson.questions:  # evidence paragraphs are given only after a try
        assert f'data-paragraph="{q.paragraph}"' not in html


@pytest.mark.parametrize("slug", [SLUG, "page-all-kinds"])
def test_the_json_has_no_answers_for_students_and_everything_for_teachers(
    client, content: Path, slug: str
):
    lesson = load_lesson(content / f"{slug}.md")
    response = client.get(f"/lessons/{slug}.json")
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "Cookie" in response.headers["Vary"]
    data = response.get_json()
    assert data == student_lesson_dict(lesson)
    assert not HIDDEN_KEYS & set(all_keys(data))
    body = response.get_data(as_text=True)
    for secret in hidden_answers(lesson):
        assert secret not in body, secret
    assert data["passages"][0]["questions"][0].keys() == {"id", "kind", "prompt", "choices"}
    sign_in(client)
    assert client.get(f"/lessons/{slug}.json").get_json() == lesson.to_dict()


def all_keys(data) -> list[str]:
    if isinstance(data, dict):
        return [*data, *(k for v in data.values() for k in all_keys(v))]
    if isinstance(data, list):
        return [k for v in data for k in all_keys(v)]
    return []


def test_students_still_check_answers_without_any_session(client):
    """The answer endpoints keep their own (cookie) CSRF token: no sign-in, no session."""
    page = client.get(f"/lessons/{SLUG}")
    token = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', page.get_data(as_text=True))[1]
    response = client.post(
        f"/lessons/{SLUG}/check", data={"csrf_token": token, "checked": "nothing"}
    )
    assert response.status_code == 200 and "results" in response.get_json()
    assert "companion_session" not in response.headers.get("Set-Cookie", "")
    forged = client.post(f"/lessons/{SLUG}/check", data={"csrf_token": "0" * 64})
    assert forged.status_code == 400


# ------------------------------------------------------------ signing in and out


def test_sign_in_goes_back_to_the_page_asked_for(client):
    url = f"/lessons/{SLUG}/answer-key?paper=a4"
    response = post_sign_in(client, name="MS.LEE", next=url)
    assert response.status_code == 302 and response.headers["Location"] == url
    assert client.get(url).status_code == 200
    again = client.get("/sign-in?next=/healthz")  # signed in already: straight on
    assert again.status_code == 302 and again.headers["Location"] == "/healthz"


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:x", ""]
)
def test_sign_in_never_sends_to_another_site(app, client, target: str):
    response = post_sign_in(client, next=target)
    with app.test_request_context():
        home = signin.home_url()  # the teacher's home page, else the index
    assert response.status_code == 302 and response.headers["Location"] == home


def test_a_wrong_password_is_refused_with_a_message(client):
    response = post_sign_in(client, password="not the password")
    assert response.status_code == 401
    html = response.get_data(as_text=True)
    assert "That name and password do not match" in html and "not the password" not in html
    assert f'value="{TEACHER}"' in html  # the name is kept, the password is not
    assert client.get(TEACHER_ONLY[0]).status_code == 302
    assert post_sign_in(client, name="nobody").status_code == 401
    assert post_sign_in(client, password="").status_code == 400


def test_too_many_tries_are_refused_for_a_minute(client):
    for _ in range(ratelimit.PER_ACCOUNT):
        assert post_sign_in(client, password="guess").status_code == 401
    response = post_sign_in(client)  # the right password, too late
    assert response.status_code == 429
    assert "Too many tries. Wait a minute" in response.get_data(as_text=True)
    assert client.get(TEACHER_ONLY[0]).status_code == 302


def test_sign_out_ends_the_session(client):
    post_sign_in(client)
    token = form_token(client, "/")
    response = client.post("/sign-out", data={"csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"] == "/sign-in?signed_out=1"
    assert "You have signed out" in client.get("/sign-in?signed_out=1").get_data(as_text=True)
    assert client.get(TEACHER_ONLY[0]).status_code == 302
    assert client.get("/sign-out").status_code == 405


def test_a_session_ends_when_its_teacher_is_removed_or_changes_password(app, client):
    db = app.extensions["companion_accounts"]
    sign_in(client)
    set_password(db, TEACHER, "a brand new password")
    assert client.get(TEACHER_ONLY[0]).status_code == 302
    sign_in(client)
    remove_teacher(db, TEACHER)
    assert client.get(TEACHER_ONLY[0]).status_code == 302


# ------------------------------------------------------------ CSRF and cookies


def test_forms_without_their_csrf_token_are_refused(client):
    data = {"name": TEACHER, "password": TEACHER_PASSWORD}
    assert client.post("/sign-in", data=data).status_code == 400
    token = form_token(client)
    assert client.post("/sign-in", data={**data, "csrf_token": "x" + token}).status_code == 400
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        refused = client.post("/sign-in", data={**data, "csrf_token": token}, headers=headers)
        assert refused.status_code == 400 and "Reload the page" in refused.get_data(as_text=True)
    assert client.post("/sign-in", data=data, headers={"X-CSRF-Token": token}).status_code == 302
    # signed in: signing out needs the token too
    assert client.post("/sign-out").status_code == 400
    assert client.get(TEACHER_ONLY[0]).status_code == 200
    refused = client.post("/sign-out", headers={"X-CSRF-Token": "nope"})
    assert refused.status_code == 400 and "error" in refused.get_json()


def test_the_session_cookie_is_httponly_lax_and_secure_over_https(content, database_url):
    config = {"TESTING": True, "CONTENT_DIR": str(content), "DATABASE_URL": database_url}
    plain = create_app(config).test_client()
    cookie = plain.get("/sign-in").headers["Set-Cookie"]
    assert cookie.startswith("companion_session=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    proxied = create_app({**config, "BEHIND_PROXY": "1"}).test_client()
    https = {"X-Forwarded-Proto": "https"}
    token = re.search(r'name="csrf_token" value="([^"]+)"', proxied.get("/sign-in", headers=https).text)[1]
    response = proxied.post(
        "/sign-in",
        data={"name": TEACHER, "password": TEACHER_PASSWORD, "csrf_token": token},
        headers=https,
    )
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_the_sign_in_page_is_not_cached_and_labels_its_fields(client):
    response = client.get("/sign-in")
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert '<label for="sign-in-name">Name</label>' in html
    assert 'autocomplete="current-password"' in html and 'type="password"' in html


# ------------------------------------------------------------ the first teacher


def test_a_fresh_install_makes_one_teacher_and_prints_its_password_once(
    content: Path, tmp_path: Path, capsys
):
    url = f"sqlite:///{tmp_path / 'fresh' / 'companion.db'}"
    app_module.create_app({"CONTENT_DIR": str(content), "DATABASE_URL": url})
    printed = capsys.readouterr().err
    password = re.search(r"password: (\S+)", printed)[1]
    assert "name:     teacher" in printed and "shown only this once" in printed
    app_module.create_app({"CONTENT_DIR": str(content), "DATABASE_URL": url})
    assert capsys.readouterr().err == ""  # a teacher exists: nothing made, nothing printed
    db = open_database(url)
    assert [t.name for t in list_teachers(db)] == ["teacher"]
    client = create_app({"TESTING": True, "CONTENT_DIR": str(content), "DATABASE_URL": url})
    client = client.test_client()
    assert post_sign_in(client, name="teacher", password=password).status_code == 302
    db.dispose()


# ------------------------------------------------------------ companion teacher ...


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("COMPANION_DATABASE_URL", url)
    return url


def run_cli(monkeypatch, capsys, args: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_teacher_add_list_remove(cli_db, monkeypatch, capsys):
    code, out, _ = run_cli(
        monkeypatch, capsys, ["teacher", "add", "Ms.Lee", "--password-stdin"], "a long password\n"
    )
    assert code == 0 and out == "added teacher 'ms.lee'\n"
    code, out, _ = run_cli(monkeypatch, capsys, ["teacher", "list"])
    assert code == 0 and re.fullmatch(r"ms\.lee\tadded \d{4}-\d\d-\d\d \d\d:\d\d UTC\n", out)
    code, out, _ = run_cli(monkeypatch, capsys, ["teacher", "remove", "ms.lee"])
    assert code == 0 and out == "removed teacher 'ms.lee'\n"
    code, out, err = run_cli(monkeypatch, capsys, ["teacher", "list"])
    assert code == 0 and out == "" and "no teachers yet" in err


@pytest.mark.parametrize(
    ("args", "stdin", "error"),
    [
        (["teacher", "add", "a b", "--password-stdin"], "a long password\n", "cannot be a teacher name"),
        (["teacher", "add", "lee", "--password-stdin"], "short\n", "at least 8 characters"),
        (["teacher", "add", "lee", "--password-stdin"], "", "no password on standard input"),
        (["teacher", "add", "lee"], "", "use --password-stdin"),  # no terminal to ask on
        (["teacher", "remove", "nobody"], "", "there is no teacher named 'nobody'"),
        (["teacher", "password", "nobody", "--password-stdin"], "x" * 9, "no teacher named"),
    ],
)
def test_teacher_commands_fail_in_one_line_with_exit_2(
    cli_db, monkeypatch, capsys, args, stdin, error
):
    code, out, err = run_cli(monkeypatch, capsys, args, stdin)
    assert code == 2 and out == ""
    assert err.startswith("companion: ") and error in err and err.count("\n") == 1


def test_teacher_add_asks_twice_on_a_terminal(cli_db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    answers = iter(["a long password", "a long passwort"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    monkeypatch.setattr("sys.stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})())
    assert main(["teacher", "add", "lee"]) == 2
    assert "the two passwords differ" in capsys.readouterr().err
    answers = iter(["a long password", "a long password"])
    assert main(["teacher", "add", "lee"]) == 0
    assert main(["teacher", "add", "LEE"]) == 2  # taken: said before asking for a password
    assert "already a teacher named 'lee'" in capsys.readouterr().err


def test_teacher_password_and_migrate(cli_db, monkeypatch, capsys):
    run_cli(monkeypatch, capsys, ["teacher", "add", "lee", "--password-stdin"], "a long password\n")
    code, out, _ = run_cli(
        monkeypatch, capsys, ["teacher", "password", "lee", "--password-stdin"], "another one!\n"
    )
    assert code == 0 and out == "new password set for 'lee'\n"
    code, out, _ = run_cli(monkeypatch, capsys, ["migrate"])
    assert code == 0 and re.search(r": up to date \(schema revision \d{4}\)\n$", out)


def test_a_bad_database_url_is_one_line(monkeypatch, capsys):
    monkeypatch.setenv("COMPANION_DATABASE_URL", "mysql://root:pw@db/companion")
    code, out, err = run_cli(monkeypatch, capsys, ["teacher", "list"])
    assert code == 2 and "pw" not in err and err.count("\n") == 1
    assert "COMPANION_DATABASE_URL must start with sqlite:/// or postgresql://" in err


def test_an_unreachable_database_stops_the_app_with_one_line(content: Path):
    url = "postgresql://me:s3cret@/companion?host=/nonexistent-socket-dir"
    with pytest.raises(SystemExit) as stopped:
        app_module.create_app({"CONTENT_DIR": str(content), "DATABASE_URL": url})
    message = str(stopped.value)
    assert message.startswith("companion: COMPANION_DATABASE_URL: cannot use ")
    assert "s3cret" not in message and "\n" not in message
