"""A class's results in one lesson: who started and finished, each student's first
tries, and each question's share right with the wrong answers chosen (item analysis).

Two queries (the class's students, and their first tries at the lesson, read through
the ``ix_answers_class_lesson`` index) and the rest in Python: a class of 40 and a
lesson of 20 questions is 800 rows (docs/classes.md, `make bench`). No Flask here.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select

from companion.accounts.answers import CHECK, question_keys
from companion.accounts.classes import StudentInfo, class_students
from companion.accounts.database import Database
from companion.accounts.models import Answer
from companion.lesson.kinds import AnswerForm, Grading
from companion.lesson.model import Lesson, Passage, Question

RIGHT, WRONG, WRITTEN, GAVE_UP = "right", "wrong", "written", "gave-up"
MOST_MISSED = 5
COMMON_WRONG = 3  # typed wrong answers listed per question


@dataclass
class Option:
    """A choice of a question, and how many first tries picked it."""

    text: str
    count: int = 0
    right: bool = False


@dataclass
class QuestionStats:
    number: int
    id: str
    question: Question
    passage: Passage
    right: int = 0
    wrong: int = 0
    gave_up: int = 0  # "Show answer" before any try (counts as wrong)
    written: int = 0  # open questions, and questions without a key
    options: list[Option] = field(default_factory=list)  # questions answered by picking
    other: int = 0  # picked a choice the lesson no longer has
    wrong_answers: list[tuple[str, int]] = field(default_factory=list)  # typed ones

    @property
    def scored(self) -> bool:
        q = self.question
        return q.spec.scored and bool(q.answer)

    @property
    def answered(self) -> int:
        return self.right + self.wrong + self.gave_up + self.written

    @property
    def missed(self) -> int:
        return self.wrong + self.gave_up

    @property
    def share(self) -> float | None:
        """The share right on the first try (None before any scored first try)."""
        tries = self.right + self.missed
        return self.right / tries if self.scored and tries else None


@dataclass
class StudentResult:
    student: StudentInfo
    marks: dict[str, str] = field(default_factory=dict)  # question id -> RIGHT, WRONG, ...
    last: datetime.datetime | None = None

    def count(self, mark: str) -> int:
        return sum(1 for m in self.marks.values() if m == mark)

    @property
    def right(self) -> int:
        return self.count(RIGHT)

    @property
    def wrong(self) -> int:
        return self.count(WRONG) + self.count(GAVE_UP)


@dataclass
class Dashboard:
    lesson: Lesson
    questions: list[QuestionStats]
    students: list[StudentResult]

    @property
    def scored_total(self) -> int:
        return sum(1 for q in self.questions if q.scored)

    def status(self, result: StudentResult) -> str:
        if not result.marks:
            return "not started"
        return "finished" if len(result.marks) >= len(self.questions) else "in progress"

    def count(self, status: str) -> int:
        return sum(1 for s in self.students if self.status(s) == status)

    @property
    def started(self) -> int:
        return len(self.students) - self.count("not started")

    @property
    def finished(self) -> int:
        return self.count("finished")

    @property
    def most_missed(self) -> list[QuestionStats]:
        """The questions most often wrong on the first try (share right, lowest first)."""
        missed = [q for q in self.questions if q.share is not None and q.missed]
        missed.sort(key=lambda q: (q.share, -q.missed, q.number))
        return missed[:MOST_MISSED]


def build_dashboard(db: Database, class_id: int, lesson: Lesson) -> Dashboard:
    students = [StudentResult(s) for s in class_students(db, class_id)]
    by_student = {s.student.id: s for s in students}
    stats = {key: _question_stats(n, key, q, p)
             for n, (key, q, p) in enumerate(question_keys(lesson), 1)}  # fmt: skip
    typed: dict[str, Counter] = {}
    for student_id, question, action, result, answer in _first_tries(db, class_id, lesson.slug):
        stat, who = stats.get(question), by_student.get(student_id)
        if stat is None or who is None:  # a question since deleted from the file
            continue
        mark = _mark(stat, action, result)
        who.marks[question] = mark
        _count(stat, mark, answer if action == CHECK else None, typed)
    for key, counter in typed.items():
        stats[key].wrong_answers = _common(counter)
    for student_id, last in _last_activity(db, class_id, lesson.slug):
        if student_id in by_student:
            by_student[student_id].last = last
    return Dashboard(lesson, list(stats.values()), students)


def _first_tries(db: Database, class_id: int, slug: str):
    query = select(
        Answer.student_id, Answer.question, Answer.action, Answer.result, Answer.answer
    ).where(Answer.class_id == class_id, Answer.lesson == slug, Answer.first_try.is_(True))
    with db.session() as session:
        return session.execute(query).all()


def _last_activity(db: Database, class_id: int, slug: str):
    query = (
        select(Answer.student_id, func.max(Answer.at))
        .where(Answer.class_id == class_id, Answer.lesson == slug)
        .group_by(Answer.student_id)
    )
    with db.session() as session:
        return session.execute(query).all()


def _question_stats(number: int, key: str, question: Question, passage: Passage) -> QuestionStats:
    stat = QuestionStats(number, key, question, passage)
    if question.spec.grading_of(question.choices) is Grading.PICK:
        choices = question.choices or list(question.spec.fixed_choices)
        stat.options = [Option(c, right=_is_answer(question, c)) for c in choices]
    return stat


def _is_answer(question: Question, choice: str) -> bool:
    if question.spec.answer is AnswerForm.BOOLEAN:
        return choice.lower() == str(question.answer).lower()
    return choice == question.answer


def _mark(stat: QuestionStats, action: str, result: str | None) -> str:
    if action != CHECK:
        return GAVE_UP
    if not stat.scored or result in ("sample", "no_key"):
        return WRITTEN
    return RIGHT if result == "correct" else WRONG


def _count(stat: QuestionStats, mark: str, answer: str | None, typed: dict) -> None:
    if mark == RIGHT:
        stat.right += 1
    elif mark == GAVE_UP:
        stat.gave_up += 1
    elif mark == WRITTEN:
        stat.written += 1
    else:
        stat.wrong += 1
    if answer is None or mark == WRITTEN:
        return
    if stat.options:
        option = next((o for o in stat.options if o.text == answer), None)
        if option is None:
            stat.other += 1
        else:
            option.count += 1
    elif mark == WRONG and stat.question.spec.grading is Grading.TYPED:
        typed.setdefault(stat.id, Counter())[" ".join(answer.split())] += 1


def _common(counter: Counter) -> list[tuple[str, int]]:
    """The most common wrong typed answers, case and spacing aside ("kabul" = "Kabul")."""
    folded: Counter = Counter()
    shown: dict[str, str] = {}
    for text, count in counter.most_common():
        key = text.casefold()
        folded[key] += count
        shown.setdefault(key, text)
    return [(shown[key], count) for key, count in folded.most_common(COMMON_WRONG)]
