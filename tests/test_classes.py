"""Classes in the database (companion.accounts.classes, .answers, .dashboard), on SQLite
and on the test suite's own PostgreSQL: the migration, join codes, students and their
names, recorded answers (the first try kept, also when two devices race), merging and
deleting, the dashboard's numbers and the CSV's rows."""

from __future__ import annotations

import datetime
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from companion.accounts.answers import (
    CHECK,
    REVEAL,
    NewAnswer,
    class_answers,
    merge_students,
    question_keys,
    record_answers,
    student_progress,
)
from companion.accounts.classes import (
    CODE_ALPHABET,
    ClassError,
    answer_counts,
    class_by_code,
    class_lessons,
    class_students,
    close_joining,
    create_class,
    delete_class,
    join_class,
    members,
    normalize_code,
    remove_student,
    renew_code,
    set_lessons,
    student_name,
    teacher_classes,
)
from companion.accounts.dashboard import build_dashboard
from companion.accounts.database import open_database
from companion.accounts.models import Answer, Student
from companion.accounts.teachers import add_teacher, remove_teacher
from companion.lesson.store import load_lesson

FIXTURE = Path(__file__).parent / "data" / "lessons" / "page-all-kinds.md"
SLUG = "page-all-kinds"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path: Path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'companion.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = open_database(url)
    yield database
    database.dispose()


@pytest.fixture
def klass(db):
    teacher = add_teacher(db, "lee", "a long password")
    made = create_class(db, teacher.id, "7B English")
    set_lessons(db, made.id, [SLUG])
    return made


def check(question: str, result: str, answer: str = "x", first: bool = True, state: str = ""):
    return NewAnswer(question, CHECK, answer, f'"{answer}"', result, first, state)


def count(db, *where) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Answer).where(*where)) or 0


# ------------------------------------------------------------------ schema


def test_the_migration_makes_the_class_tables_and_their_indexes(db):
    inspector = inspect(db.engine)
    assert {"classes", "class_lessons", "students", "answers"} <= set(inspector.get_table_names())
    indexes = {i["name"]: i for i in inspector.get_indexes("answers")}
    assert {"ix_answers_class_lesson", "ix_answers_student_lesson"} <= set(indexes)
    assert indexes["uq_answers_first_try"]["unique"]
    columns = {c["name"] for c in inspector.get_columns("answers")}
    assert not columns & {"ip", "address", "user_agent"}  # docs/privacy.md


# ------------------------------------------------------------------ codes and names


def test_codes_are_short_unambiguous_and_forgiving_to_type(db, klass):
    assert len(klass.code) == 6 and set(klass.code) <= set(CODE_ALPHABET)
    assert not set(CODE_ALPHABET) & set("0O1IL2Z5S8B")
    assert klass.shown_code == f"{klass.code[:3]}-{klass.code[3:]}"
    typed = f" {klass.code[:3].lower()} {klass.code[3:].lower()} "
    assert normalize_code(typed) == klass.code
    assert class_by_code(db, typed).id == klass.id
    assert normalize_code("K7P-4QX0") == "" and normalize_code("O0O-000") == ""


def test_a_wrong_an_empty_and_an_expired_code_say_so(db, klass):
    with pytest.raises(ClassError, match="There is no class with the code “ZZZ-ZZZ”"):
        class_by_code(db, "ZZZ-ZZZ")
    with pytest.raises(ClassError, match="Type your class code"):
        class_by_code(db, "  ")
    later = datetime.datetime.now(datetime.UTC).replace(tzinfo=None) + datetime.timedelta(days=31)
    with pytest.raises(ClassError, match=f"The code {klass.shown_code} has expired"):
        class_by_code(db, klass.code, now=later)
    close_joining(db, klass.id)
    with pytest.raises(ClassError, match="has expired: ask your teacher"):
        class_by_code(db, klass.code)
    renew_code(db, klass.id, fresh=False)
    assert class_by_code(db, klass.code).id == klass.id
    renew_code(db, klass.id, fresh=True)
    with pytest.raises(ClassError, match="There is no class"):
        class_by_code(db, klass.code)  # the old code is gone


def test_the_same_name_is_the_same_student_and_other_names_are_not(db, klass):
    sam = join_class(db, klass.id, "Sam  Lee")
    assert join_class(db, klass.id, " sam lee ").id == sam.id  # another device
    other = join_class(db, klass.id, "Sam")
    assert other.id != sam.id
    assert [s.name for s in class_students(db, klass.id)] == ["Sam", "Sam Lee"]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [("", "Type a name"), ("   \t", "Type a name"), ("x" * 41, "at most 40 characters")],
)
def test_bad_names_are_refused(raw: str, problem: str):
    with pytest.raises(ClassError, match=problem):
        student_name(raw)


def test_names_are_cleaned_not_trusted():
    assert student_name("Ａｎｎ\u0000\u202e  B.") == "Ann B."  # NFKC, control characters out
    assert student_name("<script>alert(1)</script>") == "<script>alert(1)</script>"  # escaped later


def test_a_class_remembers_its_lessons_in_order(db, klass):
    set_lessons(db, klass.id, [SLUG, "second", "third"])
    set_lessons(db, klass.id, ["third", SLUG, "second"])
    assert class_lessons(db, klass.id) == [SLUG, "second", "third"]
    set_lessons(db, klass.id, ["second"])
    assert class_lessons(db, klass.id) == ["second"]
    rows = teacher_classes(db, klass.teacher_id)
    assert [(c.id, students, lessons) for c, students, lessons in rows] == [(klass.id, 0, 1)]


def test_members_are_found_only_for_their_classes_lessons(db, klass):
    sam = join_class(db, klass.id, "Sam")
    assert [m.student.id for m in members(db, [sam.id, 999], SLUG)] == [sam.id]
    assert members(db, [sam.id], "not-assigned") == []
    assert members(db, ["1", True, None], SLUG) == []  # type: ignore[list-item]


# ------------------------------------------------------------------ answers


def test_the_first_try_is_kept_when_the_answer_changes(db, klass):
    sam = join_class(db, klass.id, "Sam")
    record_answers(
        db,
        klass.id,
        sam.id,
        SLUG,
        [check("q1", "incorrect", "Kabul", True, "incorrect.0.aaaaaaaaaaaa")],
    )
    record_answers(
        db,
        klass.id,
        sam.id,
        SLUG,
        [check("q1", "correct", "Charika", False, "incorrect.1.bbbbbbbbbbbb")],
    )
    stored = student_progress(db, sam.id, SLUG)["q1"]
    assert (stored.first, stored.state, stored.value) == (
        "incorrect",
        "incorrect.1.bbbbbbbbbbbb",
        '"Charika"',
    )
    assert count(db, Answer.first_try.is_(True)) == 1 and count(db) == 2


def test_a_second_first_try_is_recorded_as_a_later_one(db, klass):
    """Two devices that both thought they had the first try: the database keeps one."""
    sam = join_class(db, klass.id, "Sam")
    assert record_answers(db, klass.id, sam.id, SLUG, [check("q1", "correct")]) == set()
    lost = record_answers(
        db, klass.id, sam.id, SLUG, [check("q1", "incorrect"), check("q2", "correct")]
    )
    assert lost == {"q1"}
    assert student_progress(db, sam.id, SLUG)["q1"].first == "correct"
    assert count(db) == 3 and count(db, Answer.first_try.is_(True)) == 2


def test_show_answer_before_any_try_counts_as_a_wrong_first_try(db, klass):
    sam = join_class(db, klass.id, "Sam")
    reveal = NewAnswer("q1", REVEAL, "", None, None, True, "incorrect.1.")
    record_answers(db, klass.id, sam.id, SLUG, [reveal])
    assert student_progress(db, sam.id, SLUG)["q1"].first == "incorrect"


def test_concurrent_submissions_lose_nothing_and_double_nothing(db, klass):
    """Eight threads at once: four devices of one student racing for the same first
    tries, four other students answering; every row lands, one first try each."""
    sam = join_class(db, klass.id, "Sam")
    others = [join_class(db, klass.id, f"Pupil {n}") for n in range(4)]
    questions = [f"q{n}" for n in range(6)]
    start = threading.Barrier(8)
    errors: list[Exception] = []

    def answer(student_id: int) -> None:
        try:
            start.wait()
            for q in questions:
                record_answers(db, klass.id, student_id, SLUG, [check(q, "correct")])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=answer, args=(s,)) for s in [sam.id] * 4 + [o.id for o in others]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert count(db) == 8 * len(questions)  # nothing lost
    assert count(db, Answer.first_try.is_(True)) == 5 * len(questions)  # one first try each
    with db.session() as session:
        doubled = session.execute(
            select(Answer.student_id, Answer.question)
            .where(Answer.first_try.is_(True))
            .group_by(Answer.student_id, Answer.question)
            .having(func.count() > 1)
        ).all()
    assert doubled == []


# ------------------------------------------------------------------ merge and delete


def test_merging_two_names_keeps_the_earlier_first_try(db, klass):
    sam, sam_b = join_class(db, klass.id, "Sam"), join_class(db, klass.id, "Sam B.")
    early = datetime.datetime(2025, 3, 1, 9, 0)
    record_answers(db, klass.id, sam_b.id, SLUG, [check("q1", "incorrect")], now=early)
    record_answers(
        db,
        klass.id,
        sam.id,
        SLUG,
        [check("q1", "correct"), check("q2", "correct")],
        now=early + datetime.timedelta(minutes=5),
    )
    assert not merge_students(db, klass.id, sam.id, sam.id)
    assert merge_students(db, klass.id, sam.id, sam_b.id)
    progress = student_progress(db, sam_b.id, SLUG)
    assert progress["q1"].first == "incorrect" and progress["q2"].first == "correct"
    assert count(db, Answer.student_id == sam_b.id) == 3
    assert [s.name for s in class_students(db, klass.id)] == ["Sam B."]


def test_deleting_a_student_or_a_class_deletes_their_answers(db, klass):
    teacher_id = klass.teacher_id
    other = create_class(db, teacher_id, "8A")
    sam, ann = join_class(db, klass.id, "Sam"), join_class(db, klass.id, "Ann")
    elsewhere = join_class(db, other.id, "Sam")
    for student, cls in ((sam, klass), (ann, klass), (elsewhere, other)):
        record_answers(db, cls.id, student.id, SLUG, [check("q1", "correct")])
    assert answer_counts(db, klass.id) == {sam.id: 1, ann.id: 1}
    assert remove_student(db, klass.id, sam.id) and not remove_student(db, klass.id, sam.id)
    assert count(db, Answer.student_id == sam.id) == 0 and count(db) == 2
    delete_class(db, klass.id)
    assert count(db, Answer.class_id == klass.id) == 0 and count(db) == 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Student)) == 1
    assert class_lessons(db, klass.id) == []


def test_removing_a_teacher_deletes_their_classes_and_answers(db, klass):
    sam = join_class(db, klass.id, "Sam")
    record_answers(db, klass.id, sam.id, SLUG, [check("q1", "correct")])
    remove_teacher(db, "lee")
    assert count(db) == 0 and teacher_classes(db, klass.teacher_id) == []


# ------------------------------------------------------------------ dashboard and CSV


def test_the_dashboard_counts_first_tries_and_the_wrong_choices(db, klass):
    lesson = load_lesson(FIXTURE)
    keys = [key for key, _, _ in question_keys(lesson)]
    mc, tf, cloze, bank, short, seq, open_q, who = keys
    ann, ben, cat = (join_class(db, klass.id, n) for n in ("Ann", "Ben", "Cat"))
    join_class(db, klass.id, "Dan")  # never starts
    record_answers(db, klass.id, ann.id, SLUG, [
        check(mc, "correct", "They shiver their wing muscles"), check(tf, "correct", "False"),
        check(cloze, "incorrect", "hive"), check(cloze, "correct", "cluster", first=False),
    ])  # fmt: skip
    record_answers(db, klass.id, ben.id, SLUG, [
        check(mc, "incorrect", "They fly south"), check(cloze, "incorrect", "Hive "),
        NewAnswer(tf, REVEAL, "", None, None, True, ""),
    ])  # fmt: skip
    every = [check(k, "correct") for k in (mc, tf, cloze, bank, short, seq, who)]
    record_answers(db, klass.id, cat.id, SLUG, [*every, check(open_q, "sample", "Heat.")])
    board = build_dashboard(db, klass.id, lesson)
    assert (len(board.students), board.started, board.finished) == (4, 3, 1)
    stats = {q.id: q for q in board.questions}
    assert [(o.text, o.count, o.right) for o in stats[mc].options] == [
        ("They sleep through the winter", 0, False), ("They shiver their wing muscles", 1, True),
        ("They fly south", 1, False), ("They eat snow", 0, False)]  # fmt: skip
    assert stats[mc].other == 1  # Cat's "x" is no longer a choice
    assert (stats[tf].right, stats[tf].gave_up, stats[tf].share) == (2, 1, 2 / 3)
    assert stats[cloze].wrong_answers == [("hive", 2)]  # "hive" and "Hive " are one answer
    assert stats[open_q].written == 1 and stats[open_q].share is None
    assert [q.id for q in board.most_missed][:2] == [cloze, mc]
    by_name = {s.student.name: s for s in board.students}
    assert (by_name["Ann"].right, by_name["Ann"].wrong) == (2, 1)
    assert board.status(by_name["Dan"]) == "not started"
    assert board.status(by_name["Cat"]) == "finished"


def test_the_answers_of_a_class_come_by_lesson_student_and_time(db, klass):
    ann, ben = join_class(db, klass.id, "ann"), join_class(db, klass.id, "Ben")
    t = datetime.datetime(2025, 3, 1, 9, 0)
    record_answers(db, klass.id, ben.id, SLUG, [check("q1", "correct", "B")], now=t)
    record_answers(db, klass.id, ann.id, SLUG, [check("q1", "incorrect", "A1")], now=t)
    record_answers(db, klass.id, ann.id, "other", [check("q1", "correct", "O")], now=t)
    record_answers(
        db,
        klass.id,
        ann.id,
        SLUG,
        [check("q1", "correct", "A2", first=False)],
        now=t + datetime.timedelta(seconds=1),
    )
    rows = class_answers(db, klass.id)
    assert [(r.lesson, r.student, r.answer, r.first_try) for r in rows] == [
        ("other", "ann", "O", True), (SLUG, "ann", "A1", True), (SLUG, "ann", "A2", False),
        (SLUG, "Ben", "B", True)]  # fmt: skip
    assert [r.answer for r in class_answers(db, klass.id, "other")] == ["O"]
