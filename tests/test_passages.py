from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.common.textutil import plain_text
from companion.generation.importing import read_article
from companion.generation.passages import (
    MAX_JOINED_WORDS,
    MAX_PARAGRAPHS,
    Load,
    group_paragraphs,
    passages_to_join,
)
from companion.generation.pipeline import lesson_from_article
from tests.helpers import ROOT


@given(
    st.lists(st.integers(min_value=1, max_value=240), min_size=1, max_size=40),
    st.sets(st.integers(min_value=0, max_value=40)),
)
def test_grouping_keeps_order_and_limits(sizes, breaks):
    groups = group_paragraphs(sizes, breaks)
    assert [i for g in groups for i in g] == list(range(len(sizes)))
    assert all(1 <= len(g) <= MAX_PARAGRAPHS for g in groups)
    for b in breaks:
        if 0 < b < len(sizes):
            assert any(g[0] == b for g in groups), "a source subheading starts a passage"


def test_seed_passages_are_sized(tmp_path: Path):
    from tests.helpers import SEED

    lesson = lesson_from_article(read_article(SEED))
    assert 3 <= len(lesson.passages) <= 8
    for passage in lesson.passages:
        words = sum(len(plain_text(p).split()) for p in passage.paragraphs)
        assert 60 <= words <= 260
        # (more than 5 paragraphs only where a passage short of questions was joined)
        assert 1 <= len(passage.paragraphs) <= 10
        assert 0 < len(passage.heading.split()) <= 8


def test_wall_of_text_is_split_at_sentences(tmp_path: Path):
    sentence = "The river rose quickly after three days of heavy rain in the hills. "
    source = tmp_path / "wall.txt"
    source.write_text("Flood warning\n\n" + sentence * 60, encoding="utf-8")
    lesson = lesson_from_article(read_article(source))
    paragraphs = [plain_text(p) for passage in lesson.passages for p in passage.paragraphs]
    assert len(paragraphs) >= 3
    assert all(p.endswith(".") for p in paragraphs)
    assert all(len(p.split()) <= 260 for p in paragraphs)
    assert " ".join(paragraphs) == (sentence * 60).strip()


def test_a_heading_phrase_is_never_a_list_cut_from_its_sentence():
    """ "extroverted, hail fellow" is two items of a list, not a topic."""
    from companion.generation.analysis import load_nlp
    from companion.generation.passages import _clean_phrase

    doc = load_nlp()("He was an extroverted, hail fellow well met, unlike Page.")
    chunks = [_clean_phrase(chunk) for chunk in doc.noun_chunks]
    assert not any("," in c for c in chunks), chunks
    doc = load_nlp()("The Panjshir  Valley is in the north.")
    assert "Panjshir Valley" in [_clean_phrase(chunk) for chunk in doc.noun_chunks]


def _load(words: int, questions: int, entries: int = 0, subheading: bool = False) -> Load:
    return Load(words=words, questions=questions, entries=entries, subheading=subheading)


def test_a_passage_short_of_questions_joins_the_shorter_neighbour():
    loads = [_load(120, 3), _load(90, 0), _load(100, 2)]
    # 90 + 100 = 190 words is a shorter passage than 90 + 120 = 210
    assert passages_to_join(loads, 2, 4, 5) == [[0], [1, 2]]


def test_no_join_past_the_word_limit_a_subheading_or_the_item_limits():
    assert passages_to_join([_load(270, 3), _load(90, 1)], 2, 4, 5) == [[0], [1]]
    assert passages_to_join([_load(100, 3), _load(90, 1, subheading=True)], 2, 4, 5) == [
        [0],
        [1],
    ]
    assert passages_to_join([_load(100, 4), _load(90, 1)], 2, 4, 5) == [[0], [1]]
    assert passages_to_join([_load(100, 2, 4), _load(90, 1, 2)], 2, 4, 5) == [[0], [1]]
    assert passages_to_join([_load(100, 2), _load(90, 2)], 2, 4, 5) == [[0], [1]]


def test_a_passage_short_of_questions_joins_up_to_a_longer_passage():
    """A passage of quotations with fewer than two questions joins its neighbour even past
    250 words (up to 350, two minutes' reading): two questions or more after every passage
    beats short passages with one question or none."""
    assert passages_to_join([_load(180, 2), _load(150, 0)], 2, 4, 5) == [[0, 1]]
    assert passages_to_join([_load(180, 2), _load(150, 1)], 2, 4, 5) == [[0, 1]]
    assert passages_to_join([_load(200, 2), _load(160, 0)], 2, 4, 5) == [[0], [1]]
    assert passages_to_join([_load(180, 3), _load(150, 2)], 2, 4, 5) == [[0], [1]]


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=20, max_value=250),
            st.integers(min_value=0, max_value=4),
            st.integers(min_value=0, max_value=5),
            st.booleans(),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_joined_passages_keep_order_and_limits(raw):
    loads = [_load(*r) for r in raw]
    groups = passages_to_join(loads, 2, 4, 5)
    assert [i for g in groups for i in g] == list(range(len(loads)))
    for group in groups:
        if len(group) > 1:
            assert sum(loads[i].words for i in group) <= MAX_JOINED_WORDS
            assert sum(loads[i].questions for i in group) <= 4
            assert sum(loads[i].entries for i in group) <= 5
            assert not any(loads[i].subheading for i in group[1:])
            assert any(loads[i].questions < 2 for i in group)


NEWS_DEV = ROOT.parent / "shared/data/news-dev"


@pytest.mark.skipif(not NEWS_DEV.is_dir(), reason=f"no news articles in {NEWS_DEV}")
@pytest.mark.parametrize("name", ["sports-20952055.txt", "tech-20937087.txt"])
def test_no_generated_passage_is_left_short_of_questions_when_it_could_join(name):
    """Two stories whose last passage is quotations: it joins the one before it."""
    lesson = lesson_from_article(read_article(NEWS_DEV / name))
    words = [sum(len(plain_text(p).split()) for p in x.paragraphs) for x in lesson.passages]
    for i, passage in enumerate(lesson.passages):
        if len(passage.questions) >= 2:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lesson.passages):
                assert (
                    words[i] + words[j] > MAX_JOINED_WORDS
                    or len(passage.questions) + len(lesson.passages[j].questions) > 4
                    or len(passage.glossary) + len(lesson.passages[j].glossary) > 5
                ), f"passage {passage.id} could join passage {lesson.passages[j].id}"
    assert [p.id for p in lesson.passages] == [f"p{i + 1}" for i in range(len(lesson.passages))]
    numbers = [p.first_paragraph for p in lesson.passages]
    assert numbers[0] == 1 and all(
        b == a + len(p.paragraphs)
        for a, b, p in zip(numbers, numbers[1:], lesson.passages, strict=False)
    )


@pytest.mark.skipif(not NEWS_DEV.is_dir(), reason=f"no news articles in {NEWS_DEV}")
def test_a_joined_passage_gets_the_items_generate_update_gives_it():
    """Its questions are chosen for the joined passage as a whole, as `generate --update`
    chooses them for the file's passages: regenerating an untouched lesson changes nothing."""
    from companion.generation.pipeline import regenerate
    from companion.lesson.fileformat import parse_lesson, write_lesson

    lesson = lesson_from_article(read_article(NEWS_DEV / "sports-20952055.txt"))
    assert any(len(p.paragraphs) > 1 and len(p.questions) >= 2 for p in lesson.passages)
    text = write_lesson(lesson)
    again = regenerate(parse_lesson(text, slug=lesson.slug))
    assert write_lesson(again) == text
