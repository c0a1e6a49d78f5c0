"""Teacher warnings (companion.lesson.warnings) and unsuitable words
(companion.common.suitability): each rule with a case it must catch and one it must not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.cli import main
from companion.common.suitability import is_unsuitable, unsuitable_words
from companion.lesson.model import Lesson, Passage
from companion.lesson.warnings import garbles, lesson_warnings, words_to_avoid
from tests.helpers import SAMPLE, sign_in


def messages(text: str) -> list[str]:
    return [g.message for g in garbles(text)]


def test_one_name_spelled_two_ways():
    text = (
        "Ahmed Masood leads the front. Officials said Masood would talk. "
        "Later, Masoud told reporters he was ready."
    )
    [message] = messages(text)
    assert "“Masoud” (1×) and “Masood” (2×)" in message


def test_a_designation_spelled_two_ways():
    text = (
        "The asteroid 2005 YU55 flies past today. Scientists said 2005 YU55 is safe. "
        "NASA has been tracking 2005 YU255 with radar dishes."
    )
    [message] = messages(text)
    assert "“YU255” (1×) and “YU55” (2×)" in message


@pytest.mark.parametrize(
    "text",
    [
        "Officials met Medicare staff. Later Medicaid staff came.",  # two letters apart
        "Users of Google said Googlers and Googled things, and Googler too.",  # made from a name
        "Visitors to Afghan towns met Afghans in Kabul.",  # a people's plural
        "Reporters saw Hunt’s Hole, and Hunt's Hole was deep.",  # two apostrophes
    ],
)
def test_names_that_are_not_garbles(text: str):
    assert messages(text) == []


def test_a_name_used_once_that_looks_like_a_repeated_one():
    text = (
        "Fighting spread in the Panjshir Valley. The Punjab Valley, a mountain north of "
        "Kabul, is remote. Troops entered the Panjshir Valley on Monday."
    )
    [message] = messages(text)
    assert message.startswith("“Punjab Valley” appears once and looks like “Panjshir Valley”")
    assert messages("Storms hit North Carolina. Then South Carolina and North Carolina.") == []


def test_a_people_used_as_a_person():
    text = "Troops entered Panjshir. The Taliban leader Panjshiris said the war was over."
    [message] = messages(text)
    assert "“Panjshiris” names a people" in message
    assert messages("Troops entered Panjshir. The Taliban leader Amir Khan spoke.") == []


@pytest.mark.parametrize("word", ["fuck", "asshole", "bullshit", "whore", "f*ck", "Shit"])
def test_profanity_is_unsuitable(word: str):
    assert is_unsuitable(word)


@pytest.mark.parametrize(
    "word", ["kill", "murder", "organ", "strip", "pot", "fat", "erect", "gay", "sexual"]
)
def test_ordinary_words_on_the_profanity_list_are_not(word: str):
    assert not is_unsuitable(word)


@pytest.mark.parametrize(
    ("word", "unsuitable"),
    [
        ("same-sex", False),  # "sex" as gender: the story of a referendum on marriage
        ("single-sex", False),
        ("fat-burning", False),  # each word alone is an ordinary word of the list
        ("gay-rights", False),
        ("mother-fucker", True),  # a part WordNet confirms alone
        ("bull-shit", True),
        ("sex-abuse", True),  # "sex" in its usual sense
    ],
)
def test_a_hyphened_word_is_judged_by_its_words(word: str, unsuitable: bool):
    """better-profanity flags a hyphened word for any listed word inside it, and WordNet
    knows few such compounds: judged as one unknown word, "same-sex" was a profanity,
    and the key sentences of a story about same-sex marriage lost their entries."""
    assert is_unsuitable(word) is unsuitable


def test_names_are_not_words():
    text = "Mr. Weiner spoke. Professor Wang agreed. Then everyone said shit, loudly."
    assert unsuitable_words(text) == ["shit"]


def test_lesson_warnings_have_kinds_and_lines():
    lesson = Lesson(
        "x",
        "X",
        meta={"removed": ["(Reporting by Ann Lee)"]},
        passages=[
            Passage(
                "p1", "One", ["Ahmed Masood spoke. Then Masoud agreed. Later Ahmed Masood left."]
            ),
            Passage("p2", "Two", ["What crap."]),
        ],
    )
    text = (
        "---\ntitle: X\nremoved: ['(Reporting by Ann Lee)']\n---\n\n## One\n\n"
        "Ahmed Masood spoke. Then Masoud agreed. Later Ahmed Masood left.\n\n## Two\n\nWhat crap.\n"
    )
    found = {(w.kind, w.line) for w in lesson_warnings(lesson, text)}
    assert found == {("removed", 3), ("garble", 8), ("content", 12)}
    assert {(w.kind, w.line) for w in lesson_warnings(lesson)} == {
        ("removed", 0),
        ("garble", 0),
        ("content", 0),
    }
    paragraphs = [p for passage in lesson.passages for p in passage.paragraphs]
    assert words_to_avoid(" ".join(paragraphs)) == {"Masoud", "crap"}


def test_the_seed_warnings_everywhere(tmp_path: Path, capsys, monkeypatch):
    """generate, check and the JSON all report the seed's garbles (exit status unchanged)."""
    monkeypatch.setenv("COMPANION_CONTENT", str(tmp_path))
    assert main(["check", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    line = (
        SAMPLE.read_text(encoding="utf-8")
        .splitlines()
        .index(
            next(
                x
                for x in SAMPLE.read_text(encoding="utf-8").splitlines()
                if x.startswith("removed:")
            )
        )
    )
    assert f"{SAMPLE}:{line + 1}: warning: removed from the article" in out
    assert "“Punjab Valley” appears once and looks like “Panjshir Valley”" in out
    assert "“Masoud” (1×) and “Masood”" in out
    assert main(["show", str(SAMPLE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = [w["kind"] for w in data["warnings"]]
    assert kinds.count("garble") == 3 and kinds.count("removed") == 1
    assert all(w["line"] > 0 for w in data["warnings"])


def test_warnings_on_the_index_not_on_the_lesson_page(client):
    assert "For the teacher" not in client.get("/").get_data(as_text=True)  # not for students
    sign_in(client)
    index = client.get("/").get_data(as_text=True)
    assert "For the teacher: 4 things to check" in index
    assert "Punjab Valley" in index
    page = client.get("/lessons/panjshir-valley").get_data(as_text=True)
    assert "For the teacher" not in page and "appears once and looks like" not in page


@pytest.mark.parametrize(
    ("word", "sensitive"),
    [("pedophile", True), ("nipples", True), ("organ", False), ("fat", False), ("erect", False)],
)
def test_sensitive_words_are_avoided_without_a_warning(word: str, sensitive: bool):
    from companion.common.suitability import is_sensitive

    assert is_sensitive(word) is sensitive
    text = f"Officials said the {word} was mentioned in the report."
    assert (word in words_to_avoid(text)) is sensitive


def test_unsuitable_words_are_never_glossed_blanked_or_asked(tmp_path):
    from tests.generated import lesson_from_text

    lesson = lesson_from_text(
        tmp_path,
        "Match report\n\nThe striker Wayne Rooney scored three goals for Manchester United on "
        'Saturday. After the third goal he shouted "fuck" into a television camera, and '
        "the league said it would review the outburst. Rooney later apologised to fans "
        "and to the broadcaster for the bullshit he had said on live television.\n\n"
        "Manchester United won the match 4-2 and moved within four points of the top of "
        "the table, with Rooney named the best player of the match by the broadcaster.",
    )
    assert lesson.questions  # there is something to check
    warnings = [w.message for w in lesson.warnings if w.kind == "content"]
    assert warnings and "fuck" in warnings[0]
    for item in [*lesson.glossary, *lesson.questions]:
        text = " ".join(str(v) for v in vars(item).values()).lower()
        assert "fuck" not in text and "bullshit" not in text, item


def _listed_words() -> list[str]:
    from better_profanity import profanity

    from companion.common.suitability import _load

    _load()
    return sorted(str(w) for w in profanity.CENSOR_WORDSET)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_listed_words()),
    st.lists(st.tuples(st.integers(0, 12), st.sampled_from("ailuvost'xe")), max_size=3),
)
def test_the_plain_spelling_set_answers_as_better_profanity_does(word: str, edits):
    """The set lookup (suitability.listed) agrees with the library's own scan on the list's
    words and on spellings one to three letters away ("vvhore", "bulls'hit", "asslhole")."""
    from better_profanity import profanity

    from companion.common.suitability import listed

    letters = list(word)
    for where, letter in edits:
        if where % 2:
            letters.insert(where % (len(letters) + 1), letter)
        else:
            letters[where % len(letters)] = letter
    spelled = "".join(letters)
    assert listed(spelled) is profanity.contains_profanity(spelled)


def test_the_plain_spelling_set_holds_the_maps_letter_swaps():
    from companion.common.suitability import listed

    assert listed("bullshit") and listed("bvllshit") and listed("bullshlt")
    assert not listed("bullshot") and not listed("organs")
