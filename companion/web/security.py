"""CSRF tokens for the answer forms, without accounts or server-side sessions.

The "signed double-submit cookie" pattern: the browser holds a random ``seed`` in a
``SameSite=Lax`` cookie, and every form carries ``token_for(secret, seed)``. A POST is
accepted only when its token matches its cookie. Another site can neither read the
cookie nor compute a token for it (that needs the app's secret), and a browser does not
even send a ``SameSite=Lax`` cookie with a cross-site POST. (Lax rather than Strict, so
that following a lesson link from another site keeps the student's cookie and token.)
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

SEED_BYTES = 24
_SEED_RE = re.compile(r"[A-Za-z0-9_-]+")


def new_seed() -> str:
    return secrets.token_urlsafe(SEED_BYTES)


def valid_seed(seed: str | None) -> bool:
    return bool(seed) and 20 <= len(seed) <= 64 and _SEED_RE.fullmatch(seed) is not None


def token_for(secret: bytes, seed: str) -> str:
    return hmac.new(secret, seed.encode("ascii"), hashlib.sha256).hexdigest()


def token_matches(secret: bytes, seed: str | None, token: str | None) -> bool:
    if not valid_seed(seed) or not token or len(token) != 64:
        return False
    # bytes: compare_digest refuses str with non-ASCII characters (a forged token)
    return hmac.compare_digest(token_for(secret, seed).encode(), token.encode("utf-8"))


def load_or_create_secret(path: Path) -> bytes:
    """The app's secret key from a file, created on first use.

    Several server processes (gunicorn workers) may start at once: the file is written
    under a temporary name and linked into place, so all of them read the same key.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(secrets.token_hex(32).encode("ascii"))
        tmp.chmod(0o600)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process won the race: use its key
        finally:
            tmp.unlink(missing_ok=True)
    key = path.read_bytes().strip()
    if len(key) < 32:
        raise ValueError(f"{path}: the secret key is too short; delete the file to renew it")
    return key
