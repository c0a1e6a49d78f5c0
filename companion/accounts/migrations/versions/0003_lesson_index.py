"""The lesson index: one row of metadata per lesson file, and its full-text search.

On SQLite the search is an FTS5 table over the rows' title and text (kept current by
triggers); on PostgreSQL a GIN index over the same words (``to_tsvector('english', ...)``).

Revision ID: 0003
Revises: 0002
Create Date: 2025-03-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE lesson_search USING fts5("
    "title, body, content='lesson_index', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER lesson_index_ai AFTER INSERT ON lesson_index BEGIN "
    "INSERT INTO lesson_search(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER lesson_index_ad AFTER DELETE ON lesson_index BEGIN "
    "INSERT INTO lesson_search(lesson_search, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER lesson_index_au AFTER UPDATE OF title, body ON lesson_index BEGIN "
    "INSERT INTO lesson_search(lesson_search, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO lesson_search(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
POSTGRES_SEARCH = (
    "CREATE INDEX ix_lesson_index_words ON lesson_index "
    "USING gin (to_tsvector('english', title || ' ' || body))"
)


def upgrade() -> None:
    op.create_table(
        "lesson_index",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("collection", sa.String(length=200), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("passages", sa.Integer(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("reading_minutes", sa.Integer(), nullable=False),
        sa.Column("grade_level", sa.Float(), nullable=False),
        sa.Column("questions", sa.Integer(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("reviewed", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("indexed", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson_index")),
        sa.UniqueConstraint("slug", name=op.f("uq_lesson_index_slug")),
    )
    op.create_index("ix_lesson_index_title", "lesson_index", ["title"])
    op.create_index("ix_lesson_index_mtime_ns", "lesson_index", ["mtime_ns"])
    op.create_index("ix_lesson_index_collection", "lesson_index", ["collection"])
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)
    else:
        op.execute(POSTGRES_SEARCH)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("lesson_index_au", "lesson_index_ad", "lesson_index_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS lesson_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_lesson_index_words")
    op.drop_index("ix_lesson_index_collection", table_name="lesson_index")
    op.drop_index("ix_lesson_index_mtime_ns", table_name="lesson_index")
    op.drop_index("ix_lesson_index_title", table_name="lesson_index")
    op.drop_table("lesson_index")
