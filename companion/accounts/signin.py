"""One sign-in attempt: the rate limit first, then the password."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from companion.accounts import ratelimit
from companion.accounts.database import Database
from companion.accounts.models import utcnow
from companion.accounts.teachers import TeacherInfo, authenticate


@dataclass(frozen=True)
class SignInResult:
    teacher: TeacherInfo | None = None
    limited: bool = False  # refused without checking: too many failures this minute


def sign_in(
    db: Database,
    name: str,
    password: str,
    address: str,
    now: datetime.datetime | None = None,
) -> SignInResult:
    """Check a name and password from ``address``; every failure is counted."""
    now = now or utcnow()
    if ratelimit.is_limited(db, name, address, now):
        return SignInResult(limited=True)
    teacher = authenticate(db, name, password)
    if teacher is None:
        ratelimit.record_failure(db, name, address, now)
        return SignInResult()
    ratelimit.forget_failures(db, name)
    return SignInResult(teacher=teacher)
