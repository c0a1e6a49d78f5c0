"""Classes, their lessons and students, and the students' recorded answers.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("code_expires", sa.DateTime(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["teachers.id"], ondelete="CASCADE",
            name=op.f("fk_classes_teacher_id_teachers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classes")),
        sa.UniqueConstraint("code", name=op.f("uq_classes_code")),
    )  # fmt: skip
    op.create_index("ix_classes_teacher_id", "classes", ["teacher_id"])
    op.create_table(
        "class_lessons",
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("lesson", sa.String(length=200), nullable=False),
        sa.Column("added", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"], ["classes.id"], ondelete="CASCADE",
            name=op.f("fk_class_lessons_class_id_classes"),
        ),
        sa.PrimaryKeyConstraint("class_id", "lesson", name=op.f("pk_class_lessons")),
    )  # fmt: skip
    op.create_table(
        "students",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("name_key", sa.String(length=40), nullable=False),
        sa.Column("joined", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"], ["classes.id"], ondelete="CASCADE",
            name=op.f("fk_students_class_id_classes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_students")),
        sa.UniqueConstraint("class_id", "name_key", name=op.f("uq_students_class_id")),
    )  # fmt: skip
    _create_answers()


def _create_answers() -> None:
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("lesson", sa.String(length=200), nullable=False),
        sa.Column("question", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("result", sa.String(length=12), nullable=True),
        sa.Column("first_try", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"], ["classes.id"], ondelete="CASCADE",
            name=op.f("fk_answers_class_id_classes"),
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["students.id"], ondelete="CASCADE",
            name=op.f("fk_answers_student_id_students"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
    )  # fmt: skip
    # The dashboard reads a class's answers to a lesson; a student's page, their own.
    op.create_index("ix_answers_class_lesson", "answers", ["class_id", "lesson"])
    op.create_index("ix_answers_student_lesson", "answers", ["student_id", "lesson"])
    # One first try per student, lesson and question, whatever the race.
    op.create_index(
        "uq_answers_first_try", "answers", ["student_id", "lesson", "question"], unique=True,
        sqlite_where=sa.text("first_try"), postgresql_where=sa.text("first_try"),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("answers")
    op.drop_table("students")
    op.drop_table("class_lessons")
    op.drop_index("ix_classes_teacher_id", table_name="classes")
    op.drop_table("classes")
