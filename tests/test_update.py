"""`generate --update`: regeneration keeps every teacher edit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from companion.cli import main
from companion.common.abbreviations import split_sentences
from companion.common.textutil import plain_text
from companion.lesson.kinds import Grading
from companion.lesson.store import load_lesson
from tests.helpers import SEED


@pytest.fixture
def lesson_path(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    monkeypatch.setenv("COMPANION_CONTENT", str(folder))
    assert main(["generate", str(SEED)]) == 0
    return folder / "panjshir-valley.md"


def _item_block(text: str, first_line: str) -> str:
    start = text.index(first_line)
    end = text.index("-->", start) + 3
    return text[start:end]


def test_update_keeps_edits_locks_teacher_items_and_deletions(lesson_path: Path):
    original = lesson_path.read_text(encoding="utf-8")
    lesson = load_lesson(lesson_path)
    edited_entry = lesson.passages[0].glossary[0]
    deleted_q = lesson.passages[0].questions[0]
    locked_q = lesson.passages[1].questions[0]

    text = original
    # 1. a teacher rewrites a generated definition (keeping its provenance comment)
    text = text.replace(
        f":   {edited_entry.definition}\n", ":   the group that rules Afghanistan now\n", 1
    )
    # 2. deletes a generated question
    text = text.replace(_item_block(text, f"1. {deleted_q.prompt}") + "\n\n", "", 1)
    # 3. locks another
    locked_block = _item_block(text, locked_q.prompt)
    text = text.replace(
        locked_block, locked_block.replace("status: generated", "status: locked"), 1
    )
    # 4. writes a question of their own
    text = text.replace(
        "### Questions\n\n",
        "### Questions\n\n9. Why do you think the valley matters?\n"
        "    Sample answer: It is hard to reach and easy to defend.\n\n",
        1,
    )
    lesson_path.write_text(text, encoding="utf-8")
    edited_text = text

    assert main(["generate", "--update", str(lesson_path)]) == 0
    updated = lesson_path.read_text(encoding="utf-8")
    backups = list((lesson_path.parent / ".backup").glob("panjshir-valley.*.md"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == edited_text

    entry_block = _item_block(edited_text, edited_entry.term + "\n:   the group")
    assert entry_block in updated, "the edited entry is kept byte for byte"
    assert updated.count(f"\n{edited_entry.term}\n:") == 1, "and not generated again"
    assert deleted_q.prompt not in updated, "a deleted question stays deleted"
    assert locked_block.replace("status: generated", "status: locked") in updated
    assert (
        "9. Why do you think the valley matters?\n    Sample answer: It is hard to reach" in updated
    )
    assert deleted_q.id in re.search(r"deleted: \[([^\]]*)\]", updated).group(1)

    # A second update changes nothing: the file is stable.
    assert main(["generate", "--update", str(lesson_path)]) == 0
    assert lesson_path.read_text(encoding="utf-8") == updated


def test_update_of_an_untouched_lesson_gives_the_same_file(lesson_path: Path):
    before = lesson_path.read_text(encoding="utf-8")
    assert main(["generate", "--update", str(lesson_path)]) == 0
    assert lesson_path.read_text(encoding="utf-8") == before


def _typed(questions):
    """The questions answered by typing (an `Answer:` line): short answers, cloze
    without a word bank."""
    return [q for q in questions if q.spec.grading_of(q.choices) is Grading.TYPED]


def _asked(question, short: str, cloze: str) -> str:
    """A teacher's rewrite of the question that keeps its kind: a cloze keeps a gap."""
    return short if question.kind == "short_answer" else f"{cloze} _____."


def _short_answers(path: Path):
    return _typed(load_lesson(path).questions)


def test_update_keeps_accepted_answers_a_teacher_added(lesson_path: Path):
    question = _short_answers(lesson_path)[0]
    text = lesson_path.read_text(encoding="utf-8")
    block = _item_block(text, question.prompt)
    with_accept = block.replace("status: generated,", "status: generated, accept: [my answer],")
    lesson_path.write_text(text.replace(block, with_accept), encoding="utf-8")
    assert main(["generate", "--update", str(lesson_path)]) == 0
    updated = lesson_path.read_text(encoding="utf-8")
    assert with_accept in updated
    kept = next(q for q in load_lesson(lesson_path).questions if q.id == question.id)
    assert kept.accept[-1] == "my answer"


def _word_in_one_sentence(lesson, question) -> tuple[str, str]:
    """A long word that only one sentence of the question's passage holds (not its
    evidence: the rewrite must make that stale), and that sentence."""
    passage = next(p for p in lesson.passages if question in p.questions)
    sentences = [s for para in passage.paragraphs for s in split_sentences(plain_text(para))]
    for sentence in sentences:
        if sentence.strip() == question.evidence.strip():
            continue
        for word in re.findall(r"[A-Za-z]{7,}", sentence):
            if sum(re.search(rf"\b{word}\b", s, re.I) is not None for s in sentences) == 1:
                return word, sentence
    raise AssertionError("no word found in only one sentence")


def test_update_replaces_or_removes_the_evidence_of_a_rewritten_question(
    lesson_path: Path, capsys
):
    """#14: a teacher rewrote a question; its old evidence no longer holds the answer."""
    lesson = load_lesson(lesson_path)
    first, second = _typed(lesson.questions)[:2]
    word, sentence = _word_in_one_sentence(lesson, first)
    text = lesson_path.read_text(encoding="utf-8")
    prompts = {
        first.id: _asked(first, "Which word did the teacher pick?", "The teacher picked"),
        second.id: _asked(second, "Which city did the teacher visit?", "The teacher visited"),
    }
    for question, prompt, answer in (
        (first, prompts[first.id], word),  # in one sentence of its passage
        (second, prompts[second.id], "Timbuktu"),  # in none
    ):
        old = _item_block(text, question.prompt)
        new = old.replace(question.prompt, prompt)
        text = text.replace(old, new.replace(f"Answer: {question.answer}", f"Answer: {answer}"))
    lesson_path.write_text(text, encoding="utf-8")
    stale = [q for q in load_lesson(lesson_path).questions if q.id in (first.id, second.id)]
    assert len(stale) == 2 and all(not q.evidence and q.stale_evidence for q in stale)

    capsys.readouterr()
    assert main(["generate", "--update", str(lesson_path)]) == 0
    said = capsys.readouterr().out
    updated = {q.id: q for q in load_lesson(lesson_path).questions}
    picked, timbuktu = updated[first.id], updated[second.id]
    assert picked.evidence == sentence and picked.paragraph
    assert "evidence replaced by the sentence that holds its answer" in said
    assert timbuktu.evidence == "" and timbuktu.paragraph is None
    assert "stale evidence removed" in said
    for question in (picked, timbuktu):
        assert question.edited and question.evidence_is_current  # still the teacher's
    after = lesson_path.read_text(encoding="utf-8")
    assert f"{prompts[second.id]}\n    Answer: Timbuktu\n" in after
    assert main(["generate", "--update", str(lesson_path)]) == 0
    assert lesson_path.read_text(encoding="utf-8") == after  # stable
