from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from companion.common.textutil import plain_text
from companion.generation.importing import read_article
from companion.generation.passages import MAX_PARAGRAPHS, group_paragraphs
from companion.generation.pipeline import lesson_from_article


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
        assert 1 <= len(passage.paragraphs) <= 5
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
