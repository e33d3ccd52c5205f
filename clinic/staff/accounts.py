"""Staff accounts of the leads page: argon2 password hashes and a lock-out after failed logins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clinic.staff.store import StaffAccountStore, StaffUserRecord, UnknownUsername
from clinic.text.validation import InvalidInput
from clinic.timeutil import as_utc, utc_now

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
DEFAULT_HASHER = PasswordHasher()


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)


DEFAULT_POLICY = LockoutPolicy()


class AuthStatus(str, Enum):
    OK = "ok"
    INVALID = "invalid"
    LOCKED = "locked"


@dataclass(frozen=True)
class AuthResult:
    status: AuthStatus
    username: str | None = None
    locked_until: datetime | None = None
    session_version: int = 0

    @property
    def ok(self) -> bool:
        return self.status is AuthStatus.OK


def normalize_username(text: str) -> str:
    username = text.strip().lower()
    if not _USERNAME.fullmatch(username):
        raise InvalidInput(
            "A username has 2 to 64 characters: letters, digits, '.', '_' or '-', "
            "starting with a letter or digit."
        )
    return username


def check_password_strength(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput(f"The password may have at most {MAX_PASSWORD_LENGTH} characters.")
    if username in password.lower():
        raise InvalidInput("The password must not contain the username.")


def create_user(
    store: StaffAccountStore,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> str:
    """Add a staff user and return the stored (lower-case) username.

    Raises InvalidInput for a bad username or weak password, DuplicateUsername if taken.
    """
    name = normalize_username(username)
    check_password_strength(password, name)
    store.add(name, hasher.hash(password), as_utc(now) if now else utc_now())
    return name


def authenticate(
    store: StaffAccountStore,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    policy: LockoutPolicy = DEFAULT_POLICY,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> AuthResult:
    """Check a login. `policy.max_failures` wrong passwords in a row lock the account for
    `policy.lockout`; while locked even the right password is refused. The password is hashed
    on every path (unknown name, locked account), and a wrong password for an unknown name runs
    the same failure update (on no row) as for an account, so the answer's timing reveals
    neither."""
    moment = as_utc(now) if now else utc_now()
    try:
        name = normalize_username(username)
    except InvalidInput:
        name = ""
    user = store.get(name)
    if user is None:
        _matches(hasher, _dummy_hash(hasher), password)
        store.record_login_failure(name, moment, policy.max_failures, policy.lockout)
        return AuthResult(AuthStatus.INVALID)
    # The hash is checked before anything else, so a locked account answers as slowly as any.
    matches = _matches(hasher, user.password_hash, password)
    if user.disabled:
        return AuthResult(AuthStatus.INVALID)
    if user.locked_until is not None and user.locked_until > moment:
        return AuthResult(AuthStatus.LOCKED, user.username, user.locked_until)
    if not matches:
        record = store.record_login_failure(
            user.username, moment, policy.max_failures, policy.lockout
        )
        if record is not None and record.locked_until is not None and record.locked_until > moment:
            return AuthResult(AuthStatus.LOCKED, user.username, record.locked_until)
        return AuthResult(AuthStatus.INVALID)
    new_hash = hasher.hash(password) if hasher.check_needs_rehash(user.password_hash) else None
    store.record_login_success(user.username, moment, new_hash)
    return AuthResult(AuthStatus.OK, user.username, session_version=user.session_version)


def account(store: StaffAccountStore, username: str) -> StaffUserRecord:
    """The account named `username` (any case); UnknownUsername when there is none."""
    try:
        name = normalize_username(username)
    except InvalidInput:
        raise UnknownUsername(username.strip()) from None
    user = store.get(name)
    if user is None:
        raise UnknownUsername(name)
    return user


def known_username(store: StaffAccountStore, username: str) -> str | None:
    """The stored name of the account `username` names, or None when there is none."""
    try:
        return account(store, username).username
    except UnknownUsername:
        return None


def disable_user(store: StaffAccountStore, username: str, *, now: datetime | None = None) -> str:
    """Refuse the account's sign-ins and end its sessions; returns the stored username."""
    name = account(store, username).username
    store.set_disabled(name, as_utc(now) if now else utc_now())
    return name


def enable_user(store: StaffAccountStore, username: str) -> str:
    name = account(store, username).username
    store.set_disabled(name, None)
    return name


def reset_password(
    store: StaffAccountStore,
    username: str,
    new_password: str,
    *,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> str:
    """An administrator sets a new password: the lock-out is lifted and sessions end."""
    name = account(store, username).username
    check_password_strength(new_password, name)
    store.set_password(name, hasher.hash(new_password))
    return name


def change_password(
    store: StaffAccountStore,
    username: str,
    current_password: str,
    new_password: str,
    *,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> str:
    """A user replaces their own password, proving they know the current one."""
    user = account(store, username)
    if user.disabled or not _matches(hasher, user.password_hash, current_password):
        raise InvalidInput("The current password is not right; nothing was changed.")
    check_password_strength(new_password, user.username)
    store.set_password(user.username, hasher.hash(new_password))
    return user.username


def _matches(hasher: PasswordHasher, password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    return hasher.hash("placeholder for unknown usernames")
