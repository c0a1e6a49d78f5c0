"""Readable paragraphs from walls of text (companion.generation.paragraphs), the title kept
whole and '&' kept readable in the lesson file."""

from __future__ import annotations

from pathlib import Path

from companion.common.textutil import markdown_escape, markdown_unescape
from companion.generation.analysis import analyse
from companion.generation.importing import read_article
from companion.generation.paragraphs import MAX_PARAGRAPH_WORDS, restore_paragraphs, word_count

TOPIC_A = (
    "The city council voted on Monday to build a new bridge over the river. "
    "The bridge will cost 40 million dollars and take three years to build. "
    "Council members said the old bridge was no longer safe for heavy trucks. "
)
QUOTE = (
    '"We have waited long enough for this bridge," said Mayor Ann Lee. '
    '"Our drivers deserve a safe way across the water," she added. '
)
TOPIC_B = (
    "Meanwhile, the school board announced that classes will start a week later in autumn. "
    "Teachers asked for more time to prepare the new reading program. "
    "Parents will get letters about the change before the summer holidays begin. "
)


def paragraphs(text: str) -> list[str]:
    analysis, _ = restore_paragraphs(analyse([text]), {})
    return analysis.paragraphs


def test_a_wall_of_text_becomes_paragraphs_at_turns():
    wall = TOPIC_A + QUOTE + TOPIC_B + TOPIC_A.replace("bridge", "tunnel")
    pieces = paragraphs(wall)
    assert len(pieces) >= 3
    assert all(word_count(analyse([p]).docs[0]) <= MAX_PARAGRAPH_WORDS for p in pieces)
    assert " ".join(pieces) == " ".join(wall.split())  # nothing lost, nothing added
    assert any(p.startswith('"We have waited') for p in pieces)  # a quotation starts one
    assert any(p.startswith("Meanwhile, the school board") for p in pieces)  # and a topic


def test_short_paragraphs_are_left_alone_and_headings_move_with_them():
    analysis = analyse([TOPIC_A, TOPIC_B + TOPIC_A + QUOTE + TOPIC_B])
    restored, headings = restore_paragraphs(analysis, {1: "Schools"})
    assert restored.paragraphs[0] == TOPIC_A.strip()
    assert headings == {1: "Schools"} and len(restored.paragraphs) > 2
    same, same_headings = restore_paragraphs(analyse([TOPIC_A]), {0: "Bridge"})
    assert [p.strip() for p in same.paragraphs] == [TOPIC_A.strip()] and same_headings == {0: "Bridge"}


def test_a_headline_ending_in_a_quotation_is_kept_whole(tmp_path: Path):
    path = tmp_path / "a.txt"
    body = "The prosecutor resigned on Friday after a long inquiry into his conduct. " * 4
    path.write_text(
        'Prosecutor resigns after being caught ""buying crack cocaine""\n' + body,
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.title == 'Prosecutor resigns after being caught "buying crack cocaine"'
    assert "…" not in article.title and article.paragraphs[0].startswith("The prosecutor")


def test_ampersands_stay_readable_in_the_lesson_file():
    for text in ("Johnson & Johnson", "AT&T", "R&D costs", "&amp; literal", "x &#39; y"):
        assert markdown_unescape(markdown_escape(text)) == text
    assert markdown_escape("Johnson & Johnson") == "Johnson & Johnson"
    assert markdown_escape("&amp; literal") == "&amp;amp; literal"
