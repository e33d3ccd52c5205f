"""How the assistant answers messages it cannot place, as they follow one another."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from clinic.conversations.context import TOPIC_SLOT
from clinic.conversations.turns import ran, user_turns

FALLBACK_ACTION = "action_fallback"
# The first message it cannot place, the second in a row (a person offered), the third.
FALLBACK_RESPONSES = ("utter_default", "utter_default_offer_person", "utter_default_again")


def consecutive_fallbacks(events: Iterable[Mapping[str, Any]]) -> int:
    """How many visitor messages in a row, up to the latest, the fallback answers: the messages
    before the latest that the fallback answered, plus the latest."""
    count = 1
    for turn in reversed(user_turns(events)[1:-1]):
        if not ran(turn, FALLBACK_ACTION) or _answered_a_followup(turn):
            break
        count += 1
    return count


def _answered_a_followup(turn: Iterable[Mapping[str, Any]]) -> bool:
    """The fallback answered the message as a follow-up of the topic (it set the topic)."""
    return any(event.get("event") == "slot" and event.get("name") == TOPIC_SLOT for event in turn)


def fallback_response(count: int) -> str:
    """The response for the `count`-th fallback in a row; from the third on, the last two take
    turns, so no paragraph comes twice in a row."""
    if count <= len(FALLBACK_RESPONSES):
        return FALLBACK_RESPONSES[count - 1]
    return FALLBACK_RESPONSES[1 + (count - 2) % 2]
