"""How much one socket.io connection may ask of the assistant: turns and new conversations.

nginx's `limit_req` counts HTTP requests, but one websocket (one request) carries any number of
socket.io messages, and one polling POST up to 16 (python-engineio's limit). So the socket.io
channel (channels.py) gives each connection (socket.io sid) a budget:

- at most `turns` messages in any `window_seconds`, and at most `in_flight` of them under way at
  once (admitted and not yet answered: waiting for the conversation's lock or the turn gate);
- at most `sessions` `session_request`s (each may start a new conversation) in any
  `window_seconds`.

A message or `session_request` over the budget is dropped before it reaches Rasa, so it never
joins the turn gate. A refusal gets THROTTLE_MESSAGE unless the connection was told within the
last `window_seconds`, so a flood is answered with one message a window, not one per packet. A
connection's state is a few numbers and at most `turns + sessions` times; the channel forgets it
when the connection closes.

Settings (env): CHAT_CONNECTION_TURNS (30), CHAT_CONNECTION_IN_FLIGHT (2),
CHAT_CONNECTION_SESSIONS (3), CHAT_CONNECTION_WINDOW_SECONDS (60).
"""

from __future__ import annotations

import collections
import enum
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

THROTTLE_MESSAGE = "You're sending messages too fast, please wait a moment."

TURNS_ENV = "CHAT_CONNECTION_TURNS"
IN_FLIGHT_ENV = "CHAT_CONNECTION_IN_FLIGHT"
SESSIONS_ENV = "CHAT_CONNECTION_SESSIONS"
WINDOW_ENV = "CHAT_CONNECTION_WINDOW_SECONDS"

Clock = Callable[[], float]


class Verdict(enum.Enum):
    ADMIT = "admit"
    NOTIFY = "notify"  # refused: tell the client (not told within the window)
    DROP = "drop"  # refused silently


@dataclass(frozen=True)
class BudgetSettings:
    turns: int = 30
    in_flight: int = 2
    sessions: int = 3
    window_seconds: int = 60

    def __post_init__(self) -> None:
        for name in ("turns", "in_flight", "sessions", "window_seconds"):
            if getattr(self, name) < 1:
                raise ValueError(f"a connection budget's {name} must be at least 1")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> BudgetSettings:
        """The settings from env, each unset one at its default; raises ValueError on a value
        that is not a whole number from 1, naming the variable."""
        defaults = cls()
        return cls(
            turns=_whole_number(environ, TURNS_ENV, defaults.turns),
            in_flight=_whole_number(environ, IN_FLIGHT_ENV, defaults.in_flight),
            sessions=_whole_number(environ, SESSIONS_ENV, defaults.sessions),
            window_seconds=_whole_number(environ, WINDOW_ENV, defaults.window_seconds),
        )


def _whole_number(environ: Mapping[str, str], name: str, default: int) -> int:
    text = environ.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{name} must be a whole number from 1, not {text!r}")
    return int(text)


class SlidingWindow:
    """At most `limit` takes in any `seconds`."""

    def __init__(self, limit: int, seconds: float) -> None:
        self._limit = limit
        self._seconds = seconds
        self._taken: collections.deque[float] = collections.deque()

    def take(self, now: float) -> bool:
        """Takes one place when there is one at `now`; False (and nothing taken) otherwise."""
        while self._taken and now - self._taken[0] >= self._seconds:
            self._taken.popleft()
        if len(self._taken) >= self._limit:
            return False
        self._taken.append(now)
        return True


class ConnectionBudget:
    """One connection's budget of turns and session requests."""

    def __init__(self, settings: BudgetSettings, clock: Clock = time.monotonic) -> None:
        self._settings = settings
        self._clock = clock
        self._turns = SlidingWindow(settings.turns, settings.window_seconds)
        self._sessions = SlidingWindow(settings.sessions, settings.window_seconds)
        self._in_flight = 0
        self._told_at: float | None = None

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def turn(self) -> Verdict:
        """A message: ADMIT counts it under way until `turn_done()`."""
        now = self._clock()
        if self._in_flight >= self._settings.in_flight or not self._turns.take(now):
            return self._refused(now)
        self._in_flight += 1
        return Verdict.ADMIT

    def turn_done(self) -> None:
        """An admitted message has been handled (answered, refused or failed)."""
        self._in_flight = max(0, self._in_flight - 1)

    def session(self) -> Verdict:
        """A session request."""
        now = self._clock()
        return Verdict.ADMIT if self._sessions.take(now) else self._refused(now)

    def _refused(self, now: float) -> Verdict:
        if self._told_at is not None and now - self._told_at < self._settings.window_seconds:
            return Verdict.DROP
        self._told_at = now
        return Verdict.NOTIFY


class ConnectionBudgets:
    """The budget of each open connection, by its id."""

    def __init__(self, settings: BudgetSettings, clock: Clock = time.monotonic) -> None:
        self._settings = settings
        self._clock = clock
        self._budgets: dict[str, ConnectionBudget] = {}

    def of(self, connection: str) -> ConnectionBudget:
        budget = self._budgets.get(connection)
        if budget is None:
            budget = self._budgets[connection] = ConnectionBudget(self._settings, self._clock)
        return budget

    def forget(self, connection: str) -> None:
        self._budgets.pop(connection, None)

    def __len__(self) -> int:
        return len(self._budgets)
