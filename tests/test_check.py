"""`companion check` (companion.lesson.check): each problem a teacher should fix, reported
as `path:line: message` on the line of the item at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.lesson.check import Problem, check_file, check_lesson
from companion.lesson.model import Lesson, Passage, Question

FRONT = "---\ntitle: Volcanoes\n---\n"
PARAGRAPH = "Volcanoes erupt when magma rises. The colonies of ants fled the lava."

GOOD = f"""{FRONT}
## Eruptions

{PARAGRAPH}

### Glossary

magma
:   melted rock under the ground

colony
:   a group of animals living together

### Questions

1. What rises before an eruption?
    - [ ] water
    - [x] magma
    - [ ] ash

2. Put the events in order.
    - [2] lava flows
    - [1] magma rises

3. What rises before an eruption, in one word?
    Answer: magma

4. Why do volcanoes erupt?
    Sample answer: magma rises.

5. The _____ of ants fled.
    Answer: colonies

6. Is it true that magma rises?
    - [x] True
    - [ ] False
"""


def write(tmp_path: Path, text: str, name: str = "lesson.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def exact_line(text: str, line: str) -> int:
    """The 1-based number of the line that is exactly `line`."""
    return text.split("\n").index(line) + 1


def messages(path: Path) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in check_file(path)]


def test_a_good_lesson_has_no_problems(tmp_path: Path):
    assert check_file(write(tmp_path, GOOD)) == []


def test_problem_reads_path_line_message():
    assert str(Problem("content/a.md", 12, "bad")) == "content/a.md:12: bad"


def passage(body: str) -> str:
    return f"{FRONT}\n## Eruptions\n\n{PARAGRAPH}\n\n{body}"


@pytest.mark.parametrize(
    ("body", "at", "message"),
    [
        (
            "### Glossary\n\ncrater\n:   the mouth of a volcano\n",
            "crater",
            "glossary term 'crater' does not appear in this passage",
        ),
        (
            "### Glossary\n\nmagma\n:\n",
            "magma",
            "'magma' has an empty definition",
        ),
        (
            "### Questions\n\n1. \n    Answer: magma\n",
            "1. ",
            "the question has no prompt",
        ),
        (
            "### Questions\n\n1. Pick one.\n    - [x] magma\n",
            "1. Pick one.",
            "a multiple-choice question needs at least two choices",
        ),
        (
            "### Questions\n\n1. Pick one.\n    - [x] Magma\n    - [ ] magma\n",
            "1. Pick one.",
            "two choices are the same",
        ),
        (
            "### Questions\n\n1. Order them.\n    - [1] magma rises\n",
            "1. Order them.",
            "a sequence needs at least two items",
        ),
        (
            "### Questions\n\n1. Order them.\n    - [1] magma rises\n    - [3] lava flows\n",
            "1. Order them.",
            "sequence items must be numbered 1, 2, 3 ... once each",
        ),
        (
            "### Questions\n\n1. Order them.\n    - [1] magma rises\n    - [1] lava flows\n",
            "1. Order them.",
            "sequence items must be numbered 1, 2, 3 ... once each",
        ),
        (
            "### Questions\n\n1. What rises?\n",
            "1. What rises?",
            "the question has no 'Answer: ...' line",
        ),
        (
            "### Questions\n\n1. The _____ rises.\n",
            "1. The _____ rises.",
            "the question has no 'Answer: ...' line",
        ),
        (
            "### Questions\n\n1. Why?\n    Sample answer:\n",
            "1. Why?",
            "the open question has no 'Sample answer: ...'",
        ),
        (
            "### Questions\n\n1. Pick one.\n    - [ ] magma\n    - [ ] ash\n",
            "1. Pick one.",
            "no choice is marked correct ('- [x]')",
        ),
        (
            "### Questions\n\n1. Pick one.\n    - [x] magma\n    - [x] ash\n",
            "1. Pick one.",
            "more than one choice is marked correct ('- [x]')",
        ),
    ],
)
def test_each_problem_is_reported_on_its_item(tmp_path: Path, body: str, at: str, message: str):
    text = passage(body)
    assert messages(write(tmp_path, text)) == [(exact_line(text, at), message)]


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("magma", True),
        ("Magma", True),  # case is folded
        ("colony", True),  # "colonies"
        ("Volcano", True),  # "Volcanoes"
        ("erupt", True),
        ("rise", True),  # "rises"
        ("ant", True),  # "ants"
        ("MAGMA", False),  # an all-capitals term is an acronym: capitals only
        ("mag", False),  # whole words only
        ("lava flow", False),  # every word of a phrase
    ],
)
def test_glossary_term_occurrence(tmp_path: Path, term: str, found: bool):
    text = passage(f"### Glossary\n\n{term}\n:   a definition\n")
    expected = (
        []
        if found
        else [(exact_line(text, term), f"glossary term '{term}' does not appear in this passage")]
    )
    assert messages(write(tmp_path, text)) == expected


def test_glossary_term_must_be_in_its_own_passage(tmp_path: Path):
    text = (
        f"{FRONT}\n## One\n\nThe lava cooled.\n\n## Two\n\nThe ash fell.\n\n"
        "### Glossary\n\nlava\n:   melted rock\n"
    )
    assert messages(write(tmp_path, text)) == [
        (exact_line(text, "lava"), "glossary term 'lava' does not appear in this passage")
    ]


def test_duplicate_glossary_term_names_the_first_line(tmp_path: Path):
    text = (
        f"{FRONT}\n## One\n\nThe lava cooled.\n\n### Glossary\n\nlava\n:   melted rock\n\n"
        "## Two\n\nMore lava fell.\n\n### Glossary\n\nLava\n:   hot rock\n"
    )
    first, second = exact_line(text, "lava"), exact_line(text, "Lava")
    assert messages(write(tmp_path, text)) == [
        (second, f"'Lava' is already in the glossary (line {first})")
    ]


def test_question_id_used_twice_is_reported_on_the_second(tmp_path: Path):
    comment = "    <!-- {id: q-same, source: teacher, status: reviewed} -->"
    text = passage(
        "### Questions\n\n"
        f"1. What rises?\n    Answer: magma\n{comment}\n\n"
        f"2. What fled?\n    Answer: ants\n{comment}\n"
    )
    assert messages(write(tmp_path, text)) == [
        (exact_line(text, "2. What fled?"), "question id 'q-same' is used twice")
    ]


def test_passage_without_text(tmp_path: Path):
    text = f"{FRONT}\n## Empty\n\n## Full\n\n{PARAGRAPH}\n"
    assert messages(write(tmp_path, text)) == [
        (exact_line(text, "## Empty"), "passage 'Empty' has no text")
    ]


def test_missing_title_is_reported_on_line_one(tmp_path: Path):
    text = f"---\nsource: x\n---\n\n## One\n\n{PARAGRAPH}\n"
    assert messages(write(tmp_path, text)) == [(1, "the front matter has no 'title:'")]


def test_problems_are_sorted_by_line_with_the_path(tmp_path: Path):
    text = passage(
        "### Glossary\n\ncrater\n:   the mouth of a volcano\n\n"
        "### Questions\n\n1. Pick one.\n    - [x] magma\n\n2. What rises?\n"
    )
    path = write(tmp_path, text)
    problems = check_file(path)
    assert [str(p) for p in problems] == [
        f"{path}:{exact_line(text, 'crater')}: glossary term 'crater' does not appear in this passage",
        f"{path}:{exact_line(text, '1. Pick one.')}: a multiple-choice question needs at least two choices",
        f"{path}:{exact_line(text, '2. What rises?')}: the question has no 'Answer: ...' line",
    ]


# ---------------------------------------------------------------------------- fatal errors


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("no front matter\n", 1, "the file must start with '---' and a front matter block"),
        ("---\ntitle: x\n", 1, "front matter is not closed with a '---' line"),
        (
            f"{FRONT}\nStray text.\n",
            5,
            "text outside a passage: start each passage with a '## Heading' line",
        ),
        (
            f"{FRONT}\n## One\n\nText.\n\n### Notes\n",
            9,
            "unknown section '### Notes': use '### Glossary' or '### Questions'",
        ),
    ],
)
def test_a_file_that_cannot_be_parsed_is_one_problem(
    tmp_path: Path, text: str, line: int, message: str
):
    path = write(tmp_path, text)
    assert check_file(path) == [Problem(str(path), line, message)]


def test_missing_file_is_one_problem_on_line_one(tmp_path: Path):
    path = tmp_path / "missing.md"
    assert check_file(path) == [Problem(str(path), 1, "file not found")]


def test_binary_file_is_one_problem(tmp_path: Path):
    path = tmp_path / "binary.md"
    path.write_bytes(b"---\x00\x01")
    assert check_file(path) == [Problem(str(path), 1, "file looks binary, not text")]


# ---------------------------------------------------------------------------- shared glossary


def test_shared_glossary_is_checked_as_a_glossary(tmp_path: Path):
    good = write(tmp_path, "# Science\n\nmagma\n:   melted rock\n", "glossary.md")
    assert check_file(good) == []


def test_broken_shared_glossary_names_the_line(tmp_path: Path):
    text = "# Science\n\nmagma\n:   melted rock\n\nlava\nno definition line\n"
    path = write(tmp_path, text, "glossary.md")
    assert check_file(path) == [
        Problem(
            str(path),
            6,
            "glossary term 'lava' has no definition line (':   ...')",
        )
    ]


def test_same_text_as_a_lesson_elsewhere_is_a_lesson_problem(tmp_path: Path):
    path = write(tmp_path, "magma\n:   melted rock\n", "notes.md")
    assert check_file(path) == [
        Problem(str(path), 1, "the file must start with '---' and a front matter block")
    ]


# ---------------------------------------------------------------------------- check_lesson


def lesson_with(question: Question) -> Lesson:
    return Lesson(
        slug="x",
        title="X",
        passages=[Passage(id="p1", heading="One", paragraphs=[PARAGRAPH], questions=[question])],
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            Question(id="q1", kind="cloze", prompt="No blank here.", answer="magma", line=4),
            [(4, "a fill-in-the-blank prompt needs a blank '_____'")],
        ),
        (
            Question(id="q1", kind="cloze", prompt="The ___ rises.", answer="magma", line=4),
            [],
        ),
        (
            Question(id="q1", kind="open", prompt="Why?", answer="", line=9),
            [(9, "the open question has no 'Sample answer: ...'")],
        ),
        (
            Question(
                id="q1",
                kind="sequence",
                prompt="Order.",
                choices=["a", "b"],
                answer=["a", "c"],
                line=2,
            ),
            [(2, "sequence items must be numbered 1, 2, 3 ... once each")],
        ),
        (
            Question(
                id="q1",
                kind="sequence",
                prompt="Order.",
                choices=["a", "a"],
                answer=["a", "a"],
                line=2,
            ),
            [(2, "sequence items must be numbered 1, 2, 3 ... once each")],
        ),
        (
            Question(id="q1", kind="multiple_choice", prompt="Pick.", choices=["a", "b"], line=3),
            [],
        ),
    ],
)
def test_check_lesson_question_rules(question: Question, expected: list[tuple[int, str]]):
    assert check_lesson(lesson_with(question)) == expected


# --------------------------------------------------------------------------- #14


def generated_question(prompt: str, answer: str, evidence: str, accept: str = "") -> str:
    """A generated short-answer question whose hash matches the question as generated
    (prompt "What rises before an eruption?", answer "magma"), whatever is written now."""
    generated = Question(
        "q-1", "short_answer", "What rises before an eruption?", answer="magma", evidence=evidence
    )
    extra = f", accept: {accept}" if accept else ""
    return (
        f"### Questions\n\n1. {prompt}\n    Answer: {answer}\n"
        f"    <!-- {{id: q-1, paragraph: 1, source: 'rule:literal-what', status: generated"
        f"{extra}, evidence: '{evidence}', hash: {generated.content_hash()}}} -->\n"
    )


def test_an_edited_question_whose_evidence_lost_its_answer_is_a_warning(tmp_path: Path):
    evidence = "Volcanoes erupt when magma rises."
    untouched = passage(generated_question("What rises before an eruption?", "magma", evidence))
    assert check_file(write(tmp_path, untouched)) == []
    retouched = passage(generated_question("What rises, before an eruption?", "magma", evidence))
    assert check_file(write(tmp_path, retouched)) == []  # edited, but the evidence still holds
    rewritten = passage(generated_question("What fled the lava?", "the ants", evidence))
    found = check_file(write(tmp_path, rewritten, "rewritten.md"))
    line = exact_line(rewritten, "1. What fled the lava?")
    assert [str(p) for p in found] == [
        f"{tmp_path / 'rewritten.md'}:{line}: warning: this question was edited and its "
        "evidence no longer holds its answer, so no evidence is shown: correct its "
        "'evidence:', or run 'generate --update'"
    ]


@pytest.mark.parametrize(
    ("accept", "message"),
    [
        ("[[a, b]]", "'accept:' must be a list of answers, like [in 1952, 1952]"),
        ("{a: b}", "'accept:' must be a list of answers, like [in 1952, 1952]"),
        ("[magma, '']", "'accept:' holds an empty answer"),
        (f"[{'x' * 301}]", "an 'accept:' answer is longer than 300 characters"),
    ],
)
def test_accept_is_validated(tmp_path: Path, accept: str, message: str):
    text = passage(generated_question("What rises?", "magma", "Magma rises.", accept))
    assert messages(write(tmp_path, text)) == [(exact_line(text, "1. What rises?"), message)]


def test_accept_only_on_typed_answers(tmp_path: Path):
    text = passage(
        "### Questions\n\n1. Pick one.\n    - [x] magma\n    - [ ] ash\n"
        "    <!-- {accept: [lava]} -->\n"
    )
    assert messages(write(tmp_path, text)) == [
        (
            exact_line(text, "1. Pick one."),
            "'accept:' is only used by fill in the blank (without choices) and short answer "
            "questions",
        )
    ]
    fine = passage(generated_question("What rises?", "magma", "Magma rises.", "[molten rock]"))
    assert messages(write(tmp_path, fine)) == []


def test_a_colon_in_an_unquoted_title_gets_the_hint_and_the_line(tmp_path: Path):
    text = "---\ngrade: 6\ntitle: Panjshir Valley: Taliban clash\n---\n\n## A\n\nText.\n"
    path = write(tmp_path, text)
    assert [str(p) for p in check_file(path)] == [
        f"{path}:3: front matter: mapping values are not allowed here (a value that holds "
        """': ' must be in quotes: title: "Panjshir Valley: Taliban clash")"""
    ]


def test_the_first_passage_may_gloss_a_word_only_the_title_holds(tmp_path: Path):
    """ "jubilant" is only in the title: the first passage's glossary may explain it (the
    page marks it in the title); any later passage may not."""
    front = "---\ntitle: Mubarak resigns as jubilant crowds fill the square\n---\n"
    entry = "### Glossary\n\njubilant\n:   extremely happy\n"
    first = f"{front}\n## One\n\nThe crowds cheered.\n\n{entry}\n## Two\n\nThe army spoke.\n"
    assert messages(write(tmp_path, first)) == []
    later = f"{front}\n## One\n\nThe crowds cheered.\n\n## Two\n\nThe army spoke.\n\n{entry}"
    assert messages(write(tmp_path, later)) == [
        (exact_line(later, "jubilant"), "glossary term 'jubilant' does not appear in this passage")
    ]
