from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.common.errors import LessonFileError
from companion.common.textutil import markdown_escape, markdown_unescape
from companion.lesson.fileformat import (
    BLANK,
    parse_lesson,
    parse_lesson_with_problems,
    write_lesson,
)
from companion.lesson.model import GlossaryEntry, Lesson, Passage, Question

CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85")
MD_SPECIALS = st.sampled_from(
    list("*_`[]#>:-+.!\\<&|\"'{}") + ["1. ", "- ", "## ", "---", "é", "“", "–"]
)


def one_line(min_size=1):
    raw = st.lists(st.one_of(st.text(CHARS, min_size=1, max_size=8), MD_SPECIALS), max_size=8)
    return raw.map(lambda parts: " ".join("".join(parts).split())).filter(
        lambda s: len(s) >= min_size and "-->" not in s
    )


plain = one_line()
term = plain.filter(lambda s: not s.startswith(("#", ":", "<", " ")))
heading = plain.filter(lambda s: not s.endswith("#"))
paragraph = plain.map(markdown_escape)
status = st.sampled_from(["generated", "reviewed", "locked"])
source = st.sampled_from(["article", "wordnet", "shared glossary", "rule:cloze", "teacher: x"])


@st.composite
def question(draw):
    kind = draw(
        st.sampled_from(
            ["multiple_choice", "true_false", "cloze", "short_answer", "sequence", "open"]
        )
    )
    prompt = draw(plain.filter(lambda s: "___" not in s))
    q = Question(
        id="q-" + draw(st.text("0123456789abcdef", min_size=6, max_size=6)),
        kind=kind,
        prompt=prompt,
        evidence=draw(one_line(0)),
        paragraph=draw(st.none() | st.integers(1, 99)),
        source=draw(source),
        status=draw(status),
        accept=draw(st.lists(plain, max_size=2)) if kind == "short_answer" else [],
    )
    if kind == "cloze":
        q.prompt = f"{prompt} {BLANK} end"
    if kind in ("multiple_choice", "sequence") or (kind == "cloze" and draw(st.booleans())):
        choices = draw(st.lists(plain, min_size=2, max_size=4, unique=True))
        q.choices = choices
        if kind == "sequence":
            q.answer = draw(st.permutations(choices))
        else:
            q.answer = draw(st.sampled_from(choices))
    elif kind == "true_false":
        q.choices, q.answer = ["True", "False"], draw(st.sampled_from(["true", "false"]))
    else:
        q.answer = draw(plain)
    return q


entry = st.builds(
    GlossaryEntry, term=term, definition=plain, source=source, evidence=one_line(0), status=status
)
passage = st.builds(
    Passage,
    id=st.just(""),
    heading=heading,
    paragraphs=st.lists(paragraph, max_size=3),
    glossary=st.lists(entry, max_size=3),
    questions=st.lists(question(), max_size=4),
)
meta = st.dictionaries(
    st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).filter(
        lambda k: k not in ("title", "source")
    ),
    st.one_of(plain, st.integers(0, 12), st.lists(plain, max_size=3)),
    max_size=3,
)


@st.composite
def lesson(draw):
    result = Lesson(
        slug="x",
        title=draw(plain),
        source=draw(one_line(0)),
        meta=draw(meta),
        passages=draw(st.lists(passage, max_size=3)),
    )
    result.renumber()
    return result


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(lesson())
def test_write_then_read_gives_the_same_lesson(original: Lesson):
    text = write_lesson(original)
    parsed = parse_lesson(text, slug="x")
    assert parsed == original
    assert write_lesson(parsed) == text
    assert not any(i.edited for p in parsed.passages for i in [*p.glossary, *p.questions])


@given(plain)
def test_markdown_escape_round_trip(text: str):
    assert markdown_unescape(markdown_escape(text)) == text


EXAMPLE = """---
title: Bees
---

## Winter

Bees cluster to stay warm.

### Glossary

cluster
:   a group of things close together
    <!-- {source: wordnet, status: generated, evidence: Bees cluster to stay warm., hash: 00000000} -->

### Questions

1. What do bees do in winter?
    - [ ] Fly south
    - [x] Cluster together
    - [ ] Sleep alone
"""


def test_teacher_items_and_edits_are_recognised():
    lesson = parse_lesson(EXAMPLE)
    entry = lesson.passages[0].glossary[0]
    assert entry.edited and entry.teacher_owned  # hash does not match: a teacher edited it
    q = lesson.passages[0].questions[0]
    assert (q.kind, q.answer, q.source, q.status) == (
        "multiple_choice",
        "Cluster together",
        "teacher",
        "reviewed",
    )
    assert write_lesson(lesson) == EXAMPLE


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: x\n", 1, "front matter"),
        ("---\ntitle: [unclosed\n---\n", 2, "front matter"),
        ("---\ntitle: x\n---\n\nstray text\n", 5, "outside a passage"),
        ("---\ntitle: x\n---\n## A\n\ntext\n\n### Notes\n", 8, "unknown section"),
        (
            "---\ntitle: x\n---\n## A\n\n### Glossary\n\nterm without definition\n",
            8,
            "no definition",
        ),
        ("---\ntitle: x\n---\n## A\n\n### Questions\n\nWhat?\n", 8, "must start with its number"),
        (
            "---\ntitle: x\n---\n## A\n\n### Questions\n\n1. Q?\n    - [x] a\n    <!-- {status: maybe} -->\n",
            8,
            "unknown status",
        ),
    ],
)
def test_errors_name_the_line(text: str, line: int, message: str):
    with pytest.raises(LessonFileError, match=message) as info:
        parse_lesson(text, path="content/x.md")
    assert info.value.line == line
    assert str(info.value).startswith(f"content/x.md:{line}: ")


def test_soft_problems_are_reported():
    text = "---\ntitle: x\n---\n## A\n\nT.\n\n### Questions\n\n1. Q?\n    - [ ] a\n    - [ ] b\n"
    _, problems = parse_lesson_with_problems(text)
    assert problems == [(10, "no choice is marked correct ('- [x]')")]


def test_documented_example_parses_with_every_kind():
    from tests.helpers import ROOT

    doc = (ROOT / "docs" / "lesson-format.md").read_text(encoding="utf-8")
    example = doc.split("```markdown\n", 1)[1].split("```\n", 1)[0]
    lesson = parse_lesson(example)
    kinds = [q.kind for q in lesson.questions]
    assert kinds == ["multiple_choice", "true_false", "cloze", "cloze", "short_answer",
                     "sequence", "open"]
    assert lesson.passages[0].glossary[1].status == "locked"
    assert lesson.questions[5].answer == ["Bees cluster in the hive",
                                          "Bees shiver their wing muscles",
                                          "The middle of the cluster warms up"]
    assert write_lesson(lesson) == example


def test_accept_is_read_and_kept_byte_for_byte():
    text = (
        "---\ntitle: x\n---\n\n## A\n\nIn 1952 it was cold.\n\n### Questions\n\n"
        "1. When was it cold?\n    Answer: 1952\n"
        "    <!-- {id: q-1, accept: [in 1952, 'the year: 1952'], evidence: In 1952 it was cold.} -->\n"
    )
    lesson, problems = parse_lesson_with_problems(text)
    assert problems == []
    assert lesson.questions[0].accept == ["in 1952", "the year: 1952"]
    assert write_lesson(lesson) == text
    lesson.questions[0].raw = None  # written from the model: accept is in its comment
    again = parse_lesson(write_lesson(lesson))
    assert again.questions[0].accept == ["in 1952", "the year: 1952"]
    assert not again.questions[0].edited


def test_a_single_accepted_answer_may_be_written_without_brackets():
    text = (
        "---\ntitle: x\n---\n\n## A\n\nT.\n\n### Questions\n\n1. Where?\n    Answer: Charika\n"
        "    <!-- {accept: Charikar} -->\n"
    )
    assert parse_lesson(text).questions[0].accept == ["Charikar"]
