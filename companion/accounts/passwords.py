"""Password hashing with scrypt from the standard library (no extra dependency).

A hash is stored as ``scrypt$n$r$p$salt$digest`` (salt and digest in base64), so the cost
can be raised later without breaking stored hashes. The default cost is werkzeug's
(n=2**15, r=8, p=1): about 0.1 s per check, slow enough to make guessing expensive.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets

N, R, P = 2**15, 8, 1
SALT_BYTES = 16
DIGEST_BYTES = 32
MAX_MEMORY = 128 * 1024 * 1024
MIN_LENGTH = 8
MAX_LENGTH = 1024


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAX_MEMORY, dklen=DIGEST_BYTES
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, N, R, P)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def verify_password(stored: str, password: str) -> bool:
    """True when ``password`` matches ``stored``; False for a malformed hash."""
    try:
        method, n, r, p, salt, digest = stored.split("$")
        if method != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


def dummy_hash() -> str:
    """Checked against when no teacher has the name given, so that a wrong name takes as
    long as a wrong password (no telling which names exist from the response time)."""
    return _dummy_hash(N)


@functools.cache
def _dummy_hash(_cost: int) -> str:
    return hash_password(secrets.token_urlsafe(16))


def password_problem(password: str) -> str:
    """Why a new password cannot be used ("" when it can)."""
    if len(password) < MIN_LENGTH:
        return f"a password needs at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"a password can have at most {MAX_LENGTH} characters"
    if password != password.strip():
        return "a password cannot start or end with a space"
    return ""


def new_password() -> str:
    """A random password to print once (about 100 bits, easy to copy: no 'l', '1', 'O', '0')."""
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    groups = ["".join(secrets.choice(alphabet) for _ in range(6)) for _ in range(3)]
    return "-".join(groups)
