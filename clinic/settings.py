"""The clinic's own facts, read from the top-level clinic.yml (env CLINIC_CONFIG overrides it).

Nothing here invents a value: a phone number, an email address or opening hours that the file
does not hold stay unknown, and the assistant then defers to the front desk.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from clinic.paths import REPO_ROOT
from clinic.text import booking_wording as texts
from clinic.text.validation import InvalidInput, format_phone, normalize_email, normalize_phone

CONFIG_ENV = "CLINIC_CONFIG"
DEFAULT_CONFIG_PATH = REPO_ROOT / "clinic.yml"
DEFAULT_RETENTION_DAYS = 365
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RANGE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class ConfigError(Exception):
    """clinic.yml is missing, unreadable or holds a value that cannot be used."""


@dataclass(frozen=True)
class OpeningRange:
    start: time
    end: time

    def text(self) -> str:
        return f"{_clock_text(self.start)}-{_clock_text(self.end)}"


@dataclass(frozen=True)
class ClinicSettings:
    name: str
    location: str
    timezone: ZoneInfo
    phone: str | None = None
    email: str | None = None
    # Weekday index (Monday = 0) to that day's ranges in local time; None = hours not configured.
    opening_hours: Mapping[int, tuple[OpeningRange, ...]] | None = None
    retention_days: int = DEFAULT_RETENTION_DAYS

    @property
    def hours_configured(self) -> bool:
        return self.opening_hours is not None

    def is_open(self, at: datetime) -> bool:
        """Whether `at` falls in an opening range; False when hours are not configured."""
        if self.opening_hours is None:
            return False
        local = self._local(at)
        ranges = self.opening_hours.get(local.weekday(), ())
        moment = local.time()
        return any(opening.start <= moment < opening.end for opening in ranges)

    def after_hours(self, at: datetime) -> bool | None:
        """True outside opening hours, False inside, None when hours are not configured."""
        if self.opening_hours is None:
            return None
        return not self.is_open(at)

    def next_opening(self, at: datetime) -> datetime | None:
        """Start of the first opening range strictly after `at`, in the clinic's time zone."""
        if self.opening_hours is None:
            return None
        local = self._local(at)
        for offset in range(8):
            day = local.date() + timedelta(days=offset)
            for opening in self.opening_hours.get(day.weekday(), ()):
                start = self._local_moment(day, opening.start)
                if start > at:
                    return start
        return None

    def hours_text(self, language: object = None) -> str | None:
        """Opening hours for people, e.g. "Monday 8:00 AM-12:00 PM, 2:00 PM-7:00 PM; ...", in
        `language` ("es" for Spanish, else English)."""
        if self.opening_hours is None:
            return None
        days = []
        for index, day_name in enumerate(texts.WEEKDAYS):
            ranges = self.opening_hours.get(index, ())
            closed = texts.CLOSED_ALL_DAY.text(language)
            hours = ", ".join(opening.text() for opening in ranges) if ranges else closed
            days.append(f"{day_name.text(language).capitalize()} {hours}")
        return "; ".join(days)

    def contact_text(self, language: object = None) -> str | None:
        """How to reach the front desk, e.g. "phone (914) 555-0123, email desk@example.com"."""
        parts = []
        if self.phone:
            parts.append(texts.CONTACT_PHONE.text(language, phone=format_phone(self.phone)))
        if self.email:
            parts.append(texts.CONTACT_EMAIL.text(language, email=self.email))
        return ", ".join(parts) or None

    def _local(self, at: datetime) -> datetime:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError(f"timezone-aware datetime required, got naive {at!r}")
        return at.astimezone(self.timezone)

    def _local_moment(self, day: date, clock: time) -> datetime:
        # A wall-clock time skipped by a DST change normalises to the real instant after the gap.
        naive = datetime.combine(day, clock, tzinfo=self.timezone)
        return naive.astimezone(ZoneInfo("UTC")).astimezone(self.timezone)


def config_path() -> Path:
    configured = os.environ.get(CONFIG_ENV)
    return Path(configured) if configured else DEFAULT_CONFIG_PATH


def load_settings(path: Path | None = None) -> ClinicSettings:
    source = path or config_path()
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read clinic configuration {source}: {error}") from error
    except yaml.YAMLError as error:
        raise ConfigError(f"clinic configuration {source} is not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise ConfigError(f"clinic configuration {source} must be a mapping of settings")
    try:
        return _parse(raw)
    except ConfigError as error:
        raise ConfigError(f"{source}: {error}") from error


def _parse(raw: dict[str, object]) -> ClinicSettings:
    unknown = set(raw) - {
        "name",
        "location",
        "timezone",
        "phone",
        "email",
        "opening_hours",
        "retention_days",
    }
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    return ClinicSettings(
        name=_required_text(raw, "name"),
        location=_required_text(raw, "location"),
        timezone=_parse_timezone(_required_text(raw, "timezone")),
        retention_days=_parse_retention(raw.get("retention_days")),
        phone=_optional_contact(raw.get("phone"), "phone", normalize_phone),
        email=_optional_contact(raw.get("email"), "email", normalize_email),
        opening_hours=_parse_opening_hours(raw.get("opening_hours")),
    )


def _required_text(raw: dict[str, object], key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"'{key}' must be a non-empty text")
    return value.strip()


def _parse_timezone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigError(f"'timezone' {name!r} is not an IANA time zone name") from error


def _parse_retention(value: object) -> int:
    if value is None:
        return DEFAULT_RETENTION_DAYS
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError("'retention_days' must be a whole number of days, at least 1")
    return value


def _optional_contact(value: object, key: str, normalize: Callable[[str], str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a text or null")
    try:
        return normalize(value)
    except InvalidInput as error:
        raise ConfigError(f"'{key}': {error.message}") from error


def _parse_opening_hours(value: object) -> dict[int, tuple[OpeningRange, ...]] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ConfigError("'opening_hours' must map weekday names to lists of HH:MM-HH:MM")
    hours: dict[int, tuple[OpeningRange, ...]] = {}
    for day_name, ranges in value.items():
        day_key = str(day_name).lower()
        if day_key not in WEEKDAYS:
            raise ConfigError(f"'opening_hours': {day_name!r} is not a weekday name")
        if not isinstance(ranges, list) or not all(isinstance(text, str) for text in ranges):
            raise ConfigError(f"'opening_hours.{day_key}' must be a list of HH:MM-HH:MM texts")
        hours[WEEKDAYS.index(day_key)] = _parse_day(day_key, ranges)
    return hours


def _parse_day(day_key: str, texts: list[str]) -> tuple[OpeningRange, ...]:
    ranges = sorted((_parse_range(day_key, text) for text in texts), key=lambda r: r.start)
    for earlier, later in zip(ranges, ranges[1:], strict=False):
        if later.start < earlier.end:
            raise ConfigError(f"'opening_hours.{day_key}': ranges overlap")
    return tuple(ranges)


def _parse_range(day_key: str, text: str) -> OpeningRange:
    match = _RANGE.fullmatch(text.replace(" ", ""))
    problem = f"'opening_hours.{day_key}': {text!r} must look like 08:00-18:30"
    if not match:
        raise ConfigError(problem)
    start_hour, start_minute, end_hour, end_minute = (int(part) for part in match.groups())
    try:
        start, end = time(start_hour, start_minute), time(end_hour, end_minute)
    except ValueError as error:
        raise ConfigError(problem) from error
    if end <= start:
        raise ConfigError(f"'opening_hours.{day_key}': {text!r} must end after it starts")
    return OpeningRange(start, end)


def _clock_text(moment: time) -> str:
    hour = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"
    return f"{hour}:{moment.minute:02d} {suffix}"
