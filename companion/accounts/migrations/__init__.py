"""Alembic migrations of the account database, applied by
``companion.accounts.database.migrate`` (on app start and by ``companion teacher``)."""
