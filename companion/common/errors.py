"""Errors shown to users as one line: ``path:line: message``."""

from __future__ import annotations


class CompanionError(Exception):
    """A problem with a user's file or input, reported without a traceback."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class LessonFileError(CompanionError):
    """A lesson file that cannot be parsed."""


class InputFileError(CompanionError):
    """A file that cannot be read as text (missing, empty, binary, too large, bad encoding)."""


class SettingsError(CompanionError):
    """A setting (environment variable or config value) with a value that cannot work."""
