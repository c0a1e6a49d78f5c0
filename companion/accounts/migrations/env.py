"""Alembic's environment: always called through ``companion.accounts.database.migrate``,
which passes the connection (and holds the migration lock) in ``config.attributes``."""

from __future__ import annotations

from alembic import context

from companion.accounts.models import Base

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run migrations with companion.accounts.database.migrate")

# render_as_batch: SQLite cannot ALTER most things; batch mode copies the table instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
