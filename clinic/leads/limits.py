"""Caps on what scripted visitors can make the clinic receive: booking requests per conversation
and front-desk emails per hour.

A conversation may send LEADS_MAX_PER_CONVERSATION requests (3 by default) in any
CONVERSATION_WINDOW (24 hours); the next one is refused with CONVERSATION_CAP_TEXT, and a retried
submit of a request already stored still gets its reference. At most LEADS_MAX_EMAILS_PER_HOUR
front-desk emails (30 by default) leave in any hour; the next waits for a free place, so no email
is dropped and every request is on the leads page either way.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from clinic.settings import ConfigError
from clinic.text import booking_wording as texts

MAX_PER_CONVERSATION_ENV = "LEADS_MAX_PER_CONVERSATION"
MAX_EMAILS_PER_HOUR_ENV = "LEADS_MAX_EMAILS_PER_HOUR"
DEFAULT_MAX_PER_CONVERSATION = 3
DEFAULT_MAX_EMAILS_PER_HOUR = 30
CONVERSATION_WINDOW = timedelta(hours=24)
HOUR_SECONDS = 3600.0


def conversation_cap_text(limit: int, language: object = None) -> str:
    """What a visitor is told when this conversation has sent `limit` requests in 24 hours."""
    if limit == 1:
        return texts.CAP_ONE.text(language)
    return texts.CAP_MANY.text(language, limit=limit)


@dataclass(frozen=True)
class ConversationCap:
    """At most `limit` new requests from one conversation in any `window`."""

    limit: int = DEFAULT_MAX_PER_CONVERSATION
    window: timedelta = CONVERSATION_WINDOW

    def since(self, now: datetime) -> datetime:
        """The start of the window that ends at `now`."""
        return now - self.window

    def full(self, recent: int) -> bool:
        """True when `recent` requests in the window leave no room for another."""
        return recent >= self.limit


@dataclass(frozen=True)
class LeadLimits:
    max_per_conversation: int = DEFAULT_MAX_PER_CONVERSATION
    max_emails_per_hour: int = DEFAULT_MAX_EMAILS_PER_HOUR

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> LeadLimits:
        """The limits from the environment; raises ConfigError naming a bad setting."""
        return cls(
            max_per_conversation=_positive(env, MAX_PER_CONVERSATION_ENV, cls.max_per_conversation),
            max_emails_per_hour=_positive(env, MAX_EMAILS_PER_HOUR_ENV, cls.max_emails_per_hour),
        )

    @property
    def conversation_cap(self) -> ConversationCap:
        return ConversationCap(limit=self.max_per_conversation)


class HourlyCap:
    """At most `limit` sends in any hour (a sliding window over monotonic seconds)."""

    def __init__(self, limit: int, window_seconds: float = HOUR_SECONDS) -> None:
        self.limit = limit
        self._window = window_seconds
        self._sent: deque[float] = deque()

    def wait_seconds(self, now: float) -> float:
        """How long to wait from `now` before the next send fits under the cap (0: at once)."""
        while self._sent and self._sent[0] <= now - self._window:
            self._sent.popleft()
        if len(self._sent) < self.limit:
            return 0.0
        return self._sent[0] + self._window - now

    def record(self, now: float) -> None:
        self._sent.append(now)


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise ConfigError(f"{name} must be a whole number of at least 1, not {text!r}")
    return int(text)
