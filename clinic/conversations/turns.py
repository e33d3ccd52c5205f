"""A conversation's events split into the visitor's turns: each of their messages with what
followed it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def user_turns(events: Iterable[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """The events split at each visitor message, each turn opening with its user event; the
    first list holds what came before the first message."""
    turns: list[list[Mapping[str, Any]]] = [[]]
    for event in events:
        if event.get("event") == "user":
            turns.append([])
        turns[-1].append(event)
    return turns


def ran(turn: Iterable[Mapping[str, Any]], action: str) -> bool:
    """Whether the action ran in the turn."""
    return any(event.get("event") == "action" and event.get("name") == action for event in turn)
