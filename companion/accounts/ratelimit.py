"""Sign-in rate limits, kept in the database so that every server process (gunicorn
worker) counts the same failures.

A name may fail ``PER_ACCOUNT`` times a minute and a client address ``PER_ADDRESS`` times
(a school's computers often share one address, so that limit is higher); after that,
sign-ins are refused without checking the password until the minute has passed.
"""

from __future__ import annotations

import datetime

from sqlalchemy import delete, func, select

from companion.accounts.database import Database
from companion.accounts.models import ADDRESS_LENGTH, NAME_LENGTH, LoginAttempt

PER_ACCOUNT = 5
PER_ADDRESS = 20
WINDOW = datetime.timedelta(minutes=1)
KEEP = datetime.timedelta(hours=1)


def _account_key(name: str) -> str:
    return name.strip().lower()[:NAME_LENGTH]


def is_limited(db: Database, name: str, address: str, now: datetime.datetime) -> bool:
    """True when this name or this address has failed too often in the last minute."""
    since = now - WINDOW
    recent = LoginAttempt.at > since
    with db.session() as session:
        by_account = session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(recent, LoginAttempt.account == _account_key(name))
        )
        by_address = session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(recent, LoginAttempt.address == address[:ADDRESS_LENGTH])
        )
    return (by_account or 0) >= PER_ACCOUNT or (by_address or 0) >= PER_ADDRESS


def record_failure(db: Database, name: str, address: str, now: datetime.datetime) -> None:
    """Count a failed sign-in (and forget those older than an hour)."""
    with db.session() as session, session.begin():
        session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - KEEP))
        session.add(
            LoginAttempt(account=_account_key(name), address=address[:ADDRESS_LENGTH], at=now)
        )


def forget_failures(db: Database, name: str) -> None:
    """After a successful sign-in, this name's failures no longer count. (An address's
    do: signing in to one's own account must not reset the limit on guessing others'.)"""
    with db.session() as session, session.begin():
        session.execute(delete(LoginAttempt).where(LoginAttempt.account == _account_key(name)))
