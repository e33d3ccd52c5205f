"""A question in the words of an FAQ topic that points back to the conversation's last topic
("and what causes it in the first place", "how many sessions for that?"): read by the scope
classifier (components/scope_classifier.py) and resolved by the follow-up action
(clinic/conversations/context.py). Plain Python with no Rasa import."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

FOLLOWUP_MORE = "followup_more"
NECK_WORDS = ("neck", "cervical", "whiplash")
LOWER_BACK_WORDS = ("back", "lumbar", "spine", "sciatic")
# FAQ topics whose answer is about one region (how ART helps it, its causes), and those a visitor
# asks "for that" about the last topic's case ("how many sessions for that?").
REGION_TOPICS = frozenset({"neck_pain", "lower_back_pain", "neck_pain_causes", "lower_back_causes"})
POINTING_TOPICS = frozenset({*REGION_TOPICS, "sessions_results"})
_BACK_REFERENCE = re.compile(r"\b(?:it|that|this|them|those|these)\b")
# The number of sessions asked about the last topic ("how many sessions for that?", "would that
# take"); "how many sessions does it take" asks about ART itself.
_FOR_THAT = re.compile(r"\b(?:that|this|them|those|these)\b|\b(?:for|with) it\b")


def asked_topic(parse: Mapping[str, Any]) -> str | None:
    """The FAQ topic the classifier read in a message, whatever its intent became (a follow-up
    that points back keeps the topic it was read as)."""
    selector = (parse.get("response_selector") or {}).get("faq") or {}
    key = (selector.get("response") or {}).get("intent_response_key") or ""
    return key.removeprefix("faq/") or None


def names_a_region(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in (*NECK_WORDS, *LOWER_BACK_WORDS))


def points_back(text: str, topic: str | None) -> bool:
    """Whether a message read as the FAQ `topic` asks it about the conversation's last topic
    instead: the topic is about one region or the number of sessions, and the message names no
    region but points back with "it", "that", "this"."""
    pointer = _BACK_REFERENCE if topic in REGION_TOPICS else _FOR_THAT
    return (
        topic in POINTING_TOPICS
        and pointer.search(text.lower()) is not None
        and not names_a_region(text)
    )
