"""Reading and writing the user's text files: one size limit, one binary check, one error
type (``InputFileError``, a one-line ``path:line: message``), atomic writes, backups."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from companion.common.errors import InputFileError

MAX_BYTES = 5 * 1024 * 1024
BINARY_SNIFF = 8192  # a NUL byte in the first 8 KB means a binary file
_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252"}


def read_text_file(
    path: Path, encodings: Sequence[str] = ("utf-8-sig",), max_bytes: int = MAX_BYTES
) -> str:
    """A text file's contents, decoded with the first encoding that fits.

    Raises InputFileError when the file is missing, unreadable, not a file, empty,
    larger than ``max_bytes``, binary, or in none of ``encodings`` (naming the line).
    """
    path = Path(path)
    try:
        if not path.is_file():
            raise InputFileError("not a file" if path.exists() else "file not found", str(path))
        size = path.stat().st_size
        if size > max_bytes:
            limit = f"{max_bytes // (1024 * 1024)} MB"
            raise InputFileError(
                f"file is too large ({size // 1024} KB; the limit is {limit})", str(path)
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputFileError("permission denied: the file cannot be read", str(path)) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror})", str(path)) from None
    if not data.strip():
        raise InputFileError("file is empty", str(path), 1)
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputFileError("file looks binary, not text", str(path))
    return decode(data, encodings, str(path))


def decode(data: bytes, encodings: Sequence[str], path: str) -> str:
    first_error = None
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    names = " or ".join(_ENCODING_NAMES.get(e, e) for e in encodings)
    start = first_error.start if first_error else 0
    line = data[:start].count(b"\n") + 1
    if len(encodings) == 1:
        raise InputFileError(f"file is not valid {names}", path, line)
    raise InputFileError(f"cannot decode the file as {names} (byte {start})", path, line)


def write_atomic(path: Path, text: str) -> None:
    """Write a text file atomically (see write_atomic_bytes)."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never half of it.

    The file keeps its mode; a new file gets the usual mode for the umask (0644 under
    the common 022), not mkstemp's private 0600, so another user's server can read it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def backup(path: Path) -> Path:
    """Copy a file into .backup/ beside it, with a timestamp, before it is replaced."""
    folder = path.parent / ".backup"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    shutil.copy2(path, target)
    return target
