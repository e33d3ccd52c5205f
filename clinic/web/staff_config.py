"""Settings of the staff leads page, read from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from clinic.web.secret_key import load_secret_key
from clinic.web.sign_in_limit import parse_trusted_proxies

COOKIE_SECURE_ENV = "STAFF_COOKIE_SECURE"
SESSION_HOURS_ENV = "STAFF_SESSION_HOURS"
TRUSTED_PROXIES_ENV = "STAFF_TRUSTED_PROXIES"
WARM_UP_ENV = "STAFF_UNANSWERED_WARM_UP"
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
    # Addresses of reverse proxies whose X-Forwarded-For names the client (none by default).
    trusted_proxies: frozenset[str] = field(default_factory=frozenset)
    # Load MiniLM and group the unanswered questions when the server starts, not on the first
    # visit of the page (about 15 s with 5,000 questions); costs the memory of TensorFlow.
    warm_up_unanswered: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> StaffConfig:
        return cls(
            secret_key=load_secret_key(environ),
            cookie_secure=_flag(environ, COOKIE_SECURE_ENV, default=True),
            session_lifetime=timedelta(hours=_hours(environ, SESSION_HOURS_ENV, default=8)),
            trusted_proxies=_proxies(environ, TRUSTED_PROXIES_ENV),
            warm_up_unanswered=_flag(environ, WARM_UP_ENV, default=False),
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


def _proxies(environ: Mapping[str, str], name: str) -> frozenset[str]:
    try:
        return parse_trusted_proxies(environ.get(name, ""))
    except ValueError as error:
        raise StaffConfigError(
            f"{name} must list IP addresses separated by commas: {error}"
        ) from error
