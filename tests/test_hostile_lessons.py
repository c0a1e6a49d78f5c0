"""Hostile or broken lesson files: one bad file never breaks the index or the CLI.

YAML is read strictly (no anchors or aliases, bounded nesting and string sizes, valid
Unicode only); anything else that goes wrong while loading a lesson becomes that
lesson's one-line error. Evidence containing '-->' survives its HTML comment.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from companion import cli
from companion.common.errors import CompanionError, LessonFileError
from companion.lesson import store as store_module
from companion.lesson.fileformat import (
    MAX_YAML_DEPTH,
    MAX_YAML_STRING,
    load_yaml,
    parse_lesson,
    write_lesson,
)
from companion.lesson.model import GlossaryEntry, Lesson, Passage, Question
from companion.lesson.store import LessonStore
from companion.views.page import build_page
from companion.views.render import render_markdown
from companion.web import create_app
from tests.helpers import BLOWUP_SECONDS, SAMPLE, sign_in

SAMPLE_SLUG = SAMPLE.stem
BODY = "## A\n\nBees cluster to stay warm.\n"


def front(*lines: str) -> str:
    return "---\n" + "\n".join(["title: Hostile", *lines]) + "\n---\n\n" + BODY


def with_comment(comment: str) -> str:
    return (
        "---\ntitle: Hostile\n---\n\n" + BODY + "\n### Glossary\n\ncluster\n:   a group\n"
        f"    <!-- {comment} -->\n"
    )


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def alias_bomb(levels: int = 9, fan: int = 9) -> list[str]:
    """The "billion laughs": a few hundred bytes that expand to fan**levels strings."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * fan) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * fan) + "]" for i in range(1, levels)]
    return lines


COMMENT_LINE = 13  # the line of the '<!-- ... -->' in with_comment()

# (file text, line of the error, words in the error)
HOSTILE = {
    "deep-front-matter": (front(f"x: {nested(500)}"), 3, "nested more than 20 deep"),
    "deep-comment": (with_comment(f"{{evidence: {nested(500)}}}"), COMMENT_LINE, "nested"),
    "surrogate-title": ('---\ntitle: "\\ud800"\n---\n\n' + BODY, 2, "not valid Unicode"),
    "surrogate-comment": (
        with_comment('{evidence: "\\udfff x"}'),
        COMMENT_LINE,
        "not valid Unicode",
    ),
    "alias-bomb": (front(*alias_bomb()), 3, "anchors ('&name') are not allowed"),
    "alias-in-comment": (with_comment("{a: &x [1], b: *x}"), COMMENT_LINE, "anchors"),
    "huge-string": (front("x: " + "a" * (MAX_YAML_STRING + 1)), 3, "longer than 10,000"),
    "huge-number": (front("grade: " + "9" * 5000), 2, "cannot read a value"),
}


def assert_one_line(message: str) -> None:
    assert message
    assert "\n" not in message
    assert "Traceback" not in message


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_the_loader_refuses_hostile_yaml_with_a_one_line_error(case: str):
    text, line, words = HOSTILE[case]
    start = time.monotonic()
    with pytest.raises(LessonFileError) as info:
        parse_lesson(text, slug="broken", path="content/broken.md")
    assert time.monotonic() - start < BLOWUP_SECONDS
    assert info.value.line == line
    assert words in info.value.message
    assert str(info.value).startswith(f"content/broken.md:{line}: ")
    assert_one_line(str(info.value))


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_the_index_lists_a_hostile_lesson_and_keeps_the_others(case: str, content: Path, client):
    text, line, words = HOSTILE[case]
    (content / "broken.md").write_text(text, encoding="utf-8")
    sign_in(client)  # the file's error is for teachers (students see "can't be shown")
    start = time.monotonic()
    response = client.get("/")
    assert time.monotonic() - start < BLOWUP_SECONDS
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    error = LessonStore(content).get("broken").error
    assert error.startswith(f"broken.md:{line}: ") and words in error
    assert_one_line(error)
    assert "This lesson file has a problem" in page
    assert str(escape(error)) in page
    assert f'href="/lessons/{SAMPLE_SLUG}"' in page  # the good lesson is still listed
    assert client.get(f"/lessons/{SAMPLE_SLUG}").status_code == 200
    broken = client.get("/lessons/broken")
    assert broken.status_code == 503
    assert "Traceback" not in broken.get_data(as_text=True)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_the_cli_reports_a_hostile_lesson_in_one_line(case: str, tmp_path: Path, capsys):
    text, line, words = HOSTILE[case]
    path = tmp_path / "broken.md"
    path.write_text(text, encoding="utf-8")

    assert cli.main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{path}:{line}: " + captured.out.split(": ", 1)[1]
    assert words in captured.out
    assert_one_line(captured.out.strip())
    assert "Traceback" not in captured.err

    for command in (["show", str(path)], ["print", str(path), "--out", str(tmp_path / "w.pdf")]):
        assert cli.main(command) == 2
        captured = capsys.readouterr()
        assert captured.err.startswith(f"companion: {path}:{line}: ")
        assert words in captured.err
        assert_one_line(captured.err.strip())
        assert captured.out == ""
    assert not (tmp_path / "w.pdf").exists()


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (RecursionError("maximum recursion depth exceeded"), "nested too deeply"),
        (
            UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"),
            "not valid Unicode",
        ),
        (ValueError("bad\nvalue"), "cannot read this lesson (ValueError: bad value)"),
        (KeyError("x"), "cannot read this lesson (KeyError: 'x')"),
    ],
)
@pytest.mark.parametrize("where", ["read_lesson_text", "parse_lesson", "lesson_warnings"])
def test_any_error_while_loading_a_lesson_becomes_its_one_line_error(
    error: Exception, reason: str, where: str, content: Path, client, monkeypatch
):
    (content / "broken.md").write_text(front(), encoding="utf-8")
    real = getattr(store_module, where)

    def failing(*args, **kwargs):
        names = {getattr(a, "stem", None) or getattr(a, "slug", None) for a in args}
        if "broken" in names | {kwargs.get("slug")}:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(store_module, where, failing)
    sign_in(client)
    for _ in range(60):  # the index builds in the background: on a busy machine the
        response = client.get("/")  # first page may show its progress instead
        page = response.get_data(as_text=True)
        if "library-progress" not in page:
            break
        time.sleep(0.5)
    assert response.status_code == 200
    error_text = LessonStore(content).get("broken").error
    assert error_text.startswith("broken.md: ") and reason in error_text
    assert_one_line(error_text)
    assert str(escape(error_text)) in page
    assert f'href="/lessons/{SAMPLE_SLUG}"' in page
    assert client.get(f"/lessons/{SAMPLE_SLUG}").status_code == 200

    # `companion show` gets the same reason as a one-line CompanionError
    with pytest.raises(LessonFileError) as info:
        store_module.load_lesson(content / "broken.md")
    assert reason in str(info.value)
    assert_one_line(str(info.value))


def test_a_vanished_file_is_no_entry(content: Path, monkeypatch):
    (content / "broken.md").write_text(front(), encoding="utf-8")
    store = LessonStore(content)

    def gone(self, *args, **kwargs):
        raise FileNotFoundError(2, "No such file")

    monkeypatch.setattr(Path, "stat", gone)
    assert store.get("broken") is None


# --------------------------------------------------------------------------- Hypothesis

_SAFE_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), max_size=20
)  # characters a UTF-8 file can hold


@st.composite
def hostile_yaml(draw) -> str:
    """A YAML value meant to hurt: nesting, aliases, surrogates, huge strings, brackets."""
    choice = draw(st.sampled_from(
        ["nest", "brackets", "bomb", "alias", "surrogate", "huge", "mixed", "text"]
    ))  # fmt: skip
    if choice == "nest":
        depth = draw(st.integers(0, 2000))
        return draw(st.sampled_from(["[", "{a: "])) * depth + draw(st.sampled_from(["", "x"]))
    if choice == "brackets":
        return "".join(draw(st.lists(st.sampled_from("[]{},:&*!\"' "), max_size=400))) or "["
    if choice == "bomb":
        return "{" + ", ".join(alias_bomb(draw(st.integers(1, 12)), draw(st.integers(1, 12)))) + "}"
    if choice == "alias":
        return draw(
            st.sampled_from(["&a x", "*a", "[&a 1, *a]", "{<<: *a}", "!!python/name:os.system"])
        )
    if choice == "surrogate":
        code = draw(st.integers(0xD800, 0xDFFF))
        return draw(
            st.sampled_from([f'"\\u{code:04x}"', f'["\\u{code:04x}"]', f'{{k: "x\\u{code:04x}"}}'])
        )
    if choice == "huge":
        size = draw(st.sampled_from([MAX_YAML_STRING, MAX_YAML_STRING + 1, 100_000, 300_000]))
        return draw(st.sampled_from(["a", "[", "9", '"\\u00e9'])) * size
    if choice == "mixed":
        depth = draw(st.integers(MAX_YAML_DEPTH - 2, MAX_YAML_DEPTH + 2))
        return nested(depth)
    return draw(_SAFE_TEXT)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=hostile_yaml(), in_comment=st.booleans())
def test_hostile_yaml_parses_or_fails_cleanly_and_quickly(value: str, in_comment: bool):
    text = with_comment(f"{{evidence: {value}}}") if in_comment else front(f"x: {value}")
    start = time.monotonic()
    try:
        parse_lesson(text, slug="x", path="x.md")
    except (LessonFileError, CompanionError) as exc:
        assert_one_line(str(exc))
        assert exc.line is not None and exc.line >= 1
    assert time.monotonic() - start < BLOWUP_SECONDS


@settings(max_examples=40, deadline=None)
@given(value=hostile_yaml())
def test_load_yaml_never_returns_aliases_or_deep_data(value: str):
    start = time.monotonic()
    try:
        data = load_yaml(f"x: {value}")
    except LessonFileError as exc:
        assert_one_line(str(exc))
    else:
        assert _depth(data) <= MAX_YAML_DEPTH + 1
    assert time.monotonic() - start < BLOWUP_SECONDS


def _depth(data) -> int:
    if isinstance(data, dict):
        return 1 + max((_depth(v) for v in data.values()), default=0)
    if isinstance(data, list):
        return 1 + max((_depth(v) for v in data), default=0)
    return 0


# --------------------------------------------------------------------------- '-->'

EVIDENCE = "Press the arrow --> to go on."


def arrow_lesson(evidence: str) -> Lesson:
    lesson = Lesson(
        slug="arrow",
        title="Arrows",
        passages=[
            Passage(
                id="",
                heading="Keys",
                paragraphs=["Read the screen. " + evidence],
                glossary=[
                    GlossaryEntry(
                        term="arrow",
                        definition="a sign that points",
                        evidence=evidence,
                        source="article",
                        status="generated",
                    )
                ],
                questions=[
                    Question(
                        id="q-00000001",
                        kind="short_answer",
                        prompt="What do you press to go on?",
                        answer="the arrow",
                        evidence=evidence,
                        paragraph=1,
                        source="rule:literal-what",
                        status="generated",
                        accept=["the --> key"],
                    )
                ],
            )
        ],
    )
    lesson.renumber()
    return lesson


def test_evidence_with_comment_end_round_trips_exactly():
    lesson = arrow_lesson(EVIDENCE)
    text = write_lesson(lesson)
    comments = [line for line in text.splitlines() if "<!--" in line]
    assert len(comments) == 2
    assert all(line.count("-->") == 1 and line.endswith(" -->") for line in comments)
    parsed = parse_lesson(text, slug="arrow")
    assert parsed == lesson
    assert parsed.glossary[0].evidence == EVIDENCE
    assert parsed.questions[0].evidence == EVIDENCE
    assert parsed.questions[0].accept == ["the --> key"]
    assert not parsed.glossary[0].edited and not parsed.questions[0].edited
    assert write_lesson(parsed) == text


def test_old_files_with_an_en_dash_arrow_still_read():
    old = with_comment("{source: article, status: generated, evidence: go –> on, hash: 0}")
    assert parse_lesson(old).glossary[0].evidence == "go –> on"


def test_evidence_with_comment_end_is_highlighted_on_the_lesson_page(tmp_path: Path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "arrow.md").write_text(write_lesson(arrow_lesson(EVIDENCE)), encoding="utf-8")
    client = create_app({"TESTING": True, "CONTENT_DIR": str(folder)}).test_client()
    response = client.get("/lessons/arrow")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "data-evidence" not in page  # where an answer is comes only with the answer
    built = build_page(arrow_lesson(EVIDENCE), render_markdown)
    assert list(built.evidence.values()) == [["1.2"]]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["-->", "--", "-", ">", "<!--", "\\", '"', "'", " "]), _SAFE_TEXT
        ),
        max_size=8,
    ).map(lambda parts: " ".join("".join(parts).split()))
)
def test_any_evidence_round_trips(evidence: str):
    lesson = arrow_lesson(evidence)
    text = write_lesson(lesson)
    parsed = parse_lesson(text, slug="arrow")
    assert parsed.glossary[0].evidence == evidence
    assert parsed.questions[0].evidence == evidence
    assert write_lesson(parsed) == text
