"""Students' answers the page never sends: digits of other scripts, huge numbers, long
strings, repeated fields, forged try states. The lesson page and its /check endpoint grade
them as invalid or unanswered (never a 500), give no answer away for a question not
answered (nor after a first wrong try), and keep working when a lesson's question ids are
also ids of the page (``summary``, ``p1``, ...)."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.cli import main
from companion.lesson.check import check_file
from companion.views.grading import parse_number
from companion.views.worksheet import OptionsError, parse_version_count
from companion.web import create_app

FIXTURE = Path(__file__).parent / "data" / "lessons" / "page-all-kinds.md"
URL = "/lessons/page-all-kinds"
MC, TF, CLOZE, SHORT = "q-3f2a19c0", "q-77ab01d2", "q-c1020304", "q-5e6f7a8b"
# the fixture's answers, sample answer and evidence that no prompt of it gives away
ANSWERS = (
    "They shiver their wing muscles",
    "They make their own heat",
    "the workers",
    "They cluster together in the hive",
    "Honeybees do not sleep",
)
# pass str.isdigit() but int() refuses them, or int() reads them though they are not ASCII
UNICODE_DIGITS = ("²", "¹", "³", "١", "٣", "１", "߁", "𝟏", "1²", "⁰")
HUGE = ("1" * 5000, "9" * 4301, "0" * 5000 + "1", "1" * 20)


def secret_key() -> str:
    return "k" * 40


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    return folder


@pytest.fixture
def client(content: Path):
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content), "SECRET_KEY": secret_key()})
    return app.test_client()


def open_page(client, url: str = URL) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return html, re.search(r'name="csrf_token" value="([0-9a-f]{64})"', html).group(1)


def keys_of(html: str) -> list[str]:
    return re.findall(r'<li class="question[^"]*" id="[^"]+" data-key="([^"]+)"', html)


def fields_of(html: str) -> list[str]:
    """Every answer field the page has (a-<key> and s-<key>-<i>), each once."""
    return list(dict.fromkeys(re.findall(r'name="([as]-[^"]+)"', html)))


def question_block(html: str, key: str) -> str:
    start = html.rindex("<li", 0, html.index(f'id="{key}"'))
    ends = [
        i
        for i in (html.find('<li class="question', start + 1), html.find("</section>", start))
        if i > 0
    ]
    return html[start : min(ends)]


def sequence_key(html: str) -> str:
    return re.search(r'name="s-(q-[0-9a-f]+)-0"', html).group(1)


def word_bank_key(html: str) -> str:
    return re.search(r'<select class="answer" id="in-(q-[0-9a-f]+)"', html).group(1)


# ----------------------------------------------------------------- one strict number parser


@pytest.mark.parametrize("raw", ["0", "1", "007", " 3 ", "3\n", "9999"])
def test_parse_number_reads_ascii_digits(raw):
    assert parse_number(raw) == int(raw)


@pytest.mark.parametrize(
    "raw",
    [
        *UNICODE_DIGITS,
        *HUGE,
        "",
        "  ",
        "-1",
        "+1",
        "1.0",
        "1e3",
        "1_000",
        "0x1",
        "one",
        "12345",
        None,
        3,
        ["1"],
    ],
)
def test_parse_number_refuses_everything_else(raw):
    assert parse_number(raw) is None


@pytest.mark.parametrize("raw", [*UNICODE_DIGITS, *HUGE, "0", "4", "-1", "", "2.0"])
def test_worksheet_versions_refuse_what_is_not_a_small_number(raw):
    with pytest.raises(OptionsError, match="--versions must be a number from 1 to 3"):
        parse_version_count(raw)
    assert parse_version_count(" 2 ") == ["A", "B"]


@pytest.mark.parametrize("raw", ["²", "1" * 5000])
def test_cli_print_versions_is_a_one_line_error(raw, capsys, tmp_path: Path):
    assert main(["print", str(FIXTURE), "--out", str(tmp_path / "x.pdf"), "--versions", raw]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--versions must be a number from 1 to 3" in err
    assert not list(tmp_path.iterdir())


# ----------------------------------------------------------------- no 500 for odd numbers


@pytest.mark.parametrize("raw", [*UNICODE_DIGITS, *HUGE])
def test_choice_with_unicode_or_huge_digits_is_invalid(client, raw):
    html, token = open_page(client)
    bank = word_bank_key(html)
    form = {
        "csrf_token": token,
        "checked": [MC, TF, bank],
        "attempt": [MC, TF, bank],
        f"a-{MC}": raw,
        f"a-{TF}": raw,
        f"a-{bank}": raw,
    }
    response = client.post(URL + "/check", data=form)
    assert response.status_code == 200
    results = response.get_json()["results"]
    for key in (MC, TF, bank):
        assert results[key]["status"] == "invalid", key
        assert "not one of the options" in results[key]["html"]
    page = client.post(URL, data={**form, "check": MC})
    assert page.status_code == 200
    assert "That choice is not one of the options." in question_block(
        page.get_data(as_text=True), MC
    )


@pytest.mark.parametrize("raw", [*UNICODE_DIGITS, *HUGE])
def test_sequence_position_with_unicode_or_huge_digits_is_invalid(client, raw):
    html, token = open_page(client)
    seq = sequence_key(html)
    form = {
        "csrf_token": token,
        "checked": seq,
        f"s-{seq}-0": raw,
        f"s-{seq}-1": "1",
        f"s-{seq}-2": "2",
    }
    response = client.post(URL + "/check", data=form)
    assert response.status_code == 200
    assert response.get_json()["results"][seq]["status"] == "invalid"
    page = client.post(URL, data={**form, "check": seq})
    assert page.status_code == 200
    block = question_block(page.get_data(as_text=True), seq)
    assert "Give each item a different position" in block
    # the page falls back to the lesson file's order and offers positions 1..3 only
    assert re.findall(r'<li class="seq-item" data-index="(\d)">', block) == ["0", "1", "2"]


def test_superscript_sequence_positions_are_not_read_as_digits(client):
    html, token = open_page(client)
    seq = sequence_key(html)
    form = {
        "csrf_token": token,
        "checked": seq,
        f"s-{seq}-0": "²",
        f"s-{seq}-1": "¹",
        f"s-{seq}-2": "³",
    }
    result = client.post(URL + "/check", data=form).get_json()["results"][seq]
    assert result["status"] == "invalid" and "expected" not in result


# ----------------------------------------------------------------- no answer given away


def test_check_with_every_key_and_no_answer_gives_nothing_away(client):
    html, token = open_page(client)
    keys = keys_of(html)
    assert len(keys) == 8
    form = {"csrf_token": token, "checked": keys, "attempt": keys}
    response = client.post(URL + "/check", data=form)
    assert response.status_code == 200
    data = response.get_json()
    assert set(data["results"]) == set(keys)
    for key, result in data["results"].items():
        assert result["status"] == "unanswered" and result["mode"] == "message", key
        assert not {"expected", "evidence", "paragraph"} & set(result)
    body = unescape(response.get_data(as_text=True))
    for answer in ANSWERS:
        assert answer not in body, answer


def test_check_with_invalid_answers_gives_nothing_away(client):
    html, token = open_page(client)
    keys = keys_of(html)
    form = {"csrf_token": token, "checked": keys, "attempt": keys}
    for field in fields_of(html):
        form[field] = "x" * 5000 if field.startswith("a-") else "²"
    response = client.post(URL + "/check", data=form)
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert {r["status"] for r in results.values()} == {"invalid"}
    assert all("expected" not in r and "evidence" not in r for r in results.values())
    body = unescape(response.get_data(as_text=True))
    for answer in ANSWERS:
        assert answer not in body, answer


def test_a_wrong_answer_shows_the_right_one_only_after_a_second_try(client):
    html, token = open_page(client)
    keys = [MC, SHORT, TF]
    form = {"csrf_token": token, "attempt": keys, f"a-{MC}": "2", f"a-{SHORT}": "1953"}
    response = client.post(URL + "/check", data=form)
    results = response.get_json()["results"]
    assert results[MC]["status"] == "incorrect" and results[MC]["mode"] == "hint"
    assert results[SHORT]["status"] == "incorrect" and results[SHORT]["mode"] == "hint"
    assert results[TF]["status"] == "unanswered" and "expected" not in results[TF]
    body = unescape(response.get_data(as_text=True))
    for secret in ("They cluster together", "1952.", '"expected"', '"evidence"'):
        assert secret not in body, secret
    states = {f"t-{k}": results[k]["state"] for k in (MC, SHORT)}
    form = {**form, **states, f"a-{MC}": "3", f"a-{SHORT}": "1951"}
    results = client.post(URL + "/check", data=form).get_json()["results"]
    assert results[MC]["expected"] == ["They shiver their wing muscles"]
    assert "They shiver their wing muscles" in results[MC]["html"]
    assert results[MC]["evidence"].startswith("They cluster together")
    assert results[SHORT]["expected"] == ["1952"]


def test_no_javascript_post_gives_no_answer_away_either(client):
    _, token = open_page(client)
    html = client.post(URL, data={"csrf_token": token, "check": MC}).get_data(as_text=True)
    assert "Answer the question first, then check." in question_block(html, MC)
    assert "The answer:" not in html and "fb-evidence" not in html
    assert "They make their own heat" not in html


# ----------------------------------------------------------------- Hypothesis: never a 500

HOSTILE = st.one_of(
    st.sampled_from(
        [*UNICODE_DIGITS, *HUGE, "", " ", "-1", "0", "1", "2", "3", "99", "1.5", "\x00", "\u202e1"]
    ),
    st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), max_size=8),
    st.text(max_size=40),
    st.text(alphabet="0123456789", min_size=1, max_size=6000),
    st.text(alphabet="x²", min_size=1000, max_size=6000),
)
FORM_VALUE = st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3))
STATE = st.builds(
    lambda first, shown, seen: f"{first}.{shown}.{seen}",
    st.sampled_from(["correct", "incorrect", "sample", "no_key", "right", ""]),
    st.sampled_from(["0", "1", "2"]),
    st.text(alphabet="0123456789abcdef", max_size=13),
)


@pytest.fixture(scope="module")
def shared_client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("content")
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    app = create_app({"TESTING": True, "CONTENT_DIR": str(folder), "SECRET_KEY": secret_key()})
    client = app.test_client()
    html, token = open_page(client)
    return client, token, keys_of(html), fields_of(html)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_hostile_form_values_never_give_a_500(shared_client, data):
    client, token, keys, fields = shared_client
    form: dict[str, str | list[str]] = {"csrf_token": token, "checked": keys, "attempt": keys}
    for field in fields:
        form[field] = data.draw(FORM_VALUE, label=field)
    for key in keys:
        form[f"t-{key}"] = data.draw(STATE | FORM_VALUE, label=f"t-{key}")
    form["check"] = data.draw(st.sampled_from(["", *keys]) | st.text(max_size=20), label="check")
    form["reveal"] = data.draw(st.sampled_from(["", *keys]), label="reveal")
    check = client.post(URL + "/check", data=form)
    assert check.status_code == 200
    results = check.get_json()["results"]
    assert set(results) == set(keys)
    for result in results.values():
        assert result["status"] in {"correct", "incorrect", "sample", "unanswered", "invalid", "shown"}
        if result["mode"] != "answer":
            assert "expected" not in result and "evidence" not in result
    page = client.post(URL, data=form)
    assert page.status_code == 200


# ----------------------------------------------------------------- question ids vs page ids

CLASHING = {
    "q-3f2a19c0": "p1",
    "q-77ab01d2": "summary",
    "q-c1020304": "answers",
    "q-5e6f7a8b": "reset",
    "q-9a9b9c9d": "q-summary-prompt",  # would be the prompt's id of "summary" as q-summary
}


@pytest.fixture
def clashing(content: Path) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in CLASHING.items():
        text = text.replace(f"{{id: {old},", f"{{id: {new},")
    path = content / "clashing-ids.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_companion_check_refuses_ids_that_are_not_q_dash(clashing: Path, capsys):
    problems = [p for p in check_file(clashing) if "question id" in p.message]
    assert {re.search(r"'(.*?)'", p.message).group(1) for p in problems} == {
        "p1",
        "summary",
        "answers",
        "reset",
    }
    lines = clashing.read_text(encoding="utf-8").splitlines()
    for problem in problems:
        assert problem.message.endswith("must be 'q-' followed by letters, digits and hyphens")
        assert not problem.warning and "\n" not in str(problem)
        assert lines[problem.line - 1].lstrip()[:1].isdigit(), "reported on the question's line"
    assert main(["check", str(clashing)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(
        line.startswith(f"{clashing}:") and "question id 'summary' must be" in line for line in out
    )
    assert main(["check", str(FIXTURE)]) == 0


def test_companion_check_keeps_the_message_on_one_line(tmp_path: Path):
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "{id: q-3f2a19c0,", '{id: "bad\\nid  with spaces",'
    )
    path = tmp_path / "lesson.md"
    path.write_text(text, encoding="utf-8")
    [problem] = [p for p in check_file(path) if "question id" in p.message]
    assert "\n" not in str(problem) and "'bad id with spaces'" in problem.message


def test_clashing_question_ids_get_namespaced_page_ids(client, clashing: Path):
    html, token = open_page(client, "/lessons/clashing-ids")
    ids = re.findall(r'\sid="([^"]+)"', html)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []
    keys = keys_of(html)
    assert {"q-p1", "q-summary", "q-answers", "q-reset"} <= set(keys)
    assert all(k == "q" or k.startswith("q-") for k in keys)
    # the page's own landmarks are still what they were
    assert '<form id="answers"' in html and '<section class="summary" id="summary"' in html
    assert 'id="reset" href=' in html and '<section class="passage" id="p1"' in html
    # answers to those questions are graded under their namespaced keys
    form = {
        "csrf_token": token,
        "checked": ["q-p1", "q-summary"],
        "a-q-p1": "1",
        "a-q-summary": "1",
    }
    results = client.post("/lessons/clashing-ids/check", data=form).get_json()["results"]
    assert results["q-p1"]["status"] == "correct" and results["q-summary"]["status"] == "correct"
    page = client.post("/lessons/clashing-ids", data={**form, "check": "q-summary"}).get_data(
        as_text=True
    )
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for target in set(re.findall(r'href="[^"#]*#([^"]+)"', page)):
        assert target in ids, target  # every link within the page has its one target
    assert "Right!" in question_block(page, "q-summary")
