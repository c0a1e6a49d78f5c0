"""Teacher accounts: the database (SQLAlchemy 2, Alembic migrations), passwords and
sign-in rate limits. No Flask here: the web layer (``companion.web.auth``) and the CLI
(``companion teacher ...``) both use this package (docs/teachers.md)."""
