"""Staff accounts of the leads page in the leads database: password hashes and login counters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from clinic.leads.database import session_factory
from clinic.leads.models import StaffUser
from clinic.timeutil import as_utc


class DuplicateUsername(ValueError):
    def __init__(self, username: str) -> None:
        super().__init__(f"a staff user named {username!r} already exists")
        self.username = username


@dataclass(frozen=True)
class StaffUserRecord:
    username: str
    password_hash: str
    failed_attempts: int
    locked_until: datetime | None
    last_login_at: datetime | None


class StaffAccountStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = session_factory(engine)

    def add(self, username: str, password_hash: str, now: datetime) -> None:
        user = StaffUser(
            username=username,
            password_hash=password_hash,
            failed_attempts=0,
            created_at=as_utc(now),
        )
        try:
            with self._sessions() as session, session.begin():
                session.add(user)
        except IntegrityError as error:
            raise DuplicateUsername(username) from error

    def get(self, username: str) -> StaffUserRecord | None:
        with self._sessions() as session:
            user = session.scalar(select(StaffUser).where(StaffUser.username == username))
            return _record(user) if user else None

    def record_login_failure(
        self, username: str, now: datetime, max_failures: int, lockout: timedelta
    ) -> StaffUserRecord | None:
        """Count a failed login; max_failures in a row lock the account until now + lockout.

        The count is raised by the database itself (`failed_attempts + 1`), so simultaneous
        failures are all counted: the UPDATE holds the row's write lock until the commit."""
        account = StaffUser.__table__
        with self._sessions() as session, session.begin():
            counted = session.execute(
                update(account)
                .where(account.c.username == username)
                .values(failed_attempts=account.c.failed_attempts + 1)
            )
            if counted.rowcount == 0:
                return None
            session.execute(
                update(account)
                .where(account.c.username == username)
                .where(account.c.failed_attempts >= max_failures)
                .values(failed_attempts=0, locked_until=as_utc(now) + lockout)
            )
            user = session.scalar(select(StaffUser).where(StaffUser.username == username))
            return _record(user) if user else None

    def record_login_success(
        self, username: str, now: datetime, new_password_hash: str | None = None
    ) -> None:
        values: dict[str, object] = {
            "failed_attempts": 0,
            "locked_until": None,
            "last_login_at": as_utc(now),
        }
        if new_password_hash is not None:
            values["password_hash"] = new_password_hash
        with self._sessions() as session, session.begin():
            session.execute(
                update(StaffUser).where(StaffUser.username == username).values(**values)
            )


def _record(user: StaffUser) -> StaffUserRecord:
    return StaffUserRecord(
        username=user.username,
        password_hash=user.password_hash,
        failed_attempts=user.failed_attempts,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
    )
