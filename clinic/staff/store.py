"""Staff accounts of the leads page in the leads database: password hashes and login counters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from clinic.db.engine import session_factory
from clinic.staff.models import StaffUser
from clinic.timeutil import as_utc


class DuplicateUsername(ValueError):
    def __init__(self, username: str) -> None:
        super().__init__(f"a staff user named {username!r} already exists")
        self.username = username


class UnknownUsername(LookupError):
    def __init__(self, username: str) -> None:
        super().__init__(f"there is no staff user named {username!r}")
        self.username = username


@dataclass(frozen=True)
class StaffUserRecord:
    username: str
    password_hash: str
    failed_attempts: int
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime
    session_version: int
    disabled_at: datetime | None

    @property
    def disabled(self) -> bool:
        return self.disabled_at is not None


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

    def list(self) -> list[StaffUserRecord]:
        with self._sessions() as session:
            users = session.scalars(select(StaffUser).order_by(StaffUser.username))
            return [_record(user) for user in users]

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

    def set_disabled(self, username: str, disabled_at: datetime | None) -> None:
        """Disable (at `disabled_at`) or enable the account; disabling ends its sessions."""
        account = StaffUser.__table__
        values: dict[str, object] = {"disabled_at": as_utc(disabled_at) if disabled_at else None}
        if disabled_at is not None:
            values["session_version"] = account.c.session_version + 1
        self._update(username, values)

    def set_password(self, username: str, password_hash: str) -> None:
        """A new password: the account's sessions end and its lock-out is lifted."""
        self._update(
            username,
            {
                "password_hash": password_hash,
                "failed_attempts": 0,
                "locked_until": None,
                "session_version": StaffUser.__table__.c.session_version + 1,
            },
        )

    def end_sessions(self, username: str) -> None:
        """Every session cookie issued to the account so far stops working."""
        self._update(username, {"session_version": StaffUser.__table__.c.session_version + 1})

    def _update(self, username: str, values: dict[str, object]) -> None:
        account = StaffUser.__table__
        with self._sessions() as session, session.begin():
            result = session.execute(
                update(account).where(account.c.username == username).values(**values)
            )
            if result.rowcount == 0:
                raise UnknownUsername(username)


def _record(user: StaffUser) -> StaffUserRecord:
    return StaffUserRecord(
        username=user.username,
        password_hash=user.password_hash,
        failed_attempts=user.failed_attempts,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
        created_at=user.created_at,
        session_version=user.session_version,
        disabled_at=user.disabled_at,
    )
