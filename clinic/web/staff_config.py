"""Settings of the staff leads page, read from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from clinic.web.secret_key import load_secret_key

COOKIE_SECURE_ENV = "STAFF_COOKIE_SECURE"
SESSION_HOURS_ENV = "STAFF_SESSION_HOURS"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class StaffConfigError(ValueError):
    """An environment variable of the staff page holds an unusable value."""


@dataclass(frozen=True)
class StaffConfig:
    secret_key: str
    # Secure cookies travel over HTTPS only; browsers also accept them from http://localhost.
    cookie_secure: bool = True
    session_lifetime: timedelta = timedelta(hours=8)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> StaffConfig:
        return cls(
            secret_key=load_secret_key(environ),
            cookie_secure=_flag(environ, COOKIE_SECURE_ENV, default=True),
            session_lifetime=timedelta(hours=_hours(environ, SESSION_HOURS_ENV, default=8)),
        )


def _flag(environ: Mapping[str, str], name: str, default: bool) -> bool:
    value = environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise StaffConfigError(f"{name} must be 1 or 0 (true/false), got {value!r}")


def _hours(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or not 1 <= int(value) <= 24 * 7:
        raise StaffConfigError(f"{name} must be a whole number of hours from 1 to 168")
    return int(value)
