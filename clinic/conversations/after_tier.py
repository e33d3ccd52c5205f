"""What a visitor says after the emergency, crisis or urgent-care answer ("ok ill call my doctor",
"my wife is driving me", "ok going to the ER"): a message that asks nothing gets the tier's short
caring reply, though the NLU may read it as another condition or place it nowhere. Triage has
already read the message: one with a red flag never gets here. Plain Python with no Rasa import."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from clinic.conversations.turns import user_turns
from clinic.text.times import is_question

# The caring reply after each tier's answer, and after that caring reply itself.
CARING_REPLIES = {
    "utter_emergency": "utter_after_emergency",
    "utter_after_emergency": "utter_after_emergency",
    "utter_crisis": "utter_after_crisis",
    "utter_after_crisis": "utter_after_crisis",
    "utter_urgent_care": "utter_after_urgent_care",
    "utter_after_urgent_care": "utter_after_urgent_care",
}


def caring_reply(events: Iterable[Mapping[str, Any]], text: str) -> str | None:
    """The caring reply for a message that asks nothing, right after a tier's answer (or its
    caring reply); None otherwise."""
    if is_question(text):
        return None
    turns = user_turns(events)
    previous = turns[-2] if len(turns) >= 2 else []
    answers = [
        str(event.get("name"))
        for event in previous
        if event.get("event") == "action" and event.get("name") in CARING_REPLIES
    ]
    return CARING_REPLIES[answers[-1]] if answers else None
