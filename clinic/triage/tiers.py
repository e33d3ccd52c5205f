"""The triage tiers, each a contract intent (shared/spec/conversation-contract.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Tier:
    intent: str | None
    # Higher is more serious; a message gets the most serious tier that any finding gives it.
    severity: int


# The parse output's key for what triage decided (tier, source, category, risk).
TRIAGE_KEY = "triage"

ROUTINE = Tier(None, 0)
SYMPTOM_CHECK = Tier("symptom_check", 1)
URGENT_CARE = Tier("urgent_care", 2)
EMERGENCY = Tier("emergency", 3)
CRISIS = Tier("crisis", 4)

# The intents the triage stage trains on, each with its tier; every other example is routine.
TRAINED_TIERS = {tier.intent: tier for tier in (URGENT_CARE, EMERGENCY, CRISIS)}
TIER_INTENTS = frozenset(
    tier.intent for tier in (SYMPTOM_CHECK, URGENT_CARE, EMERGENCY, CRISIS) if tier.intent
)


def topic_behind_tier(parse: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """The best intent of a parse result's ranking that is not a tier (what the message would
    have been without triage), with the FAQ response selector's choice when it is `faq`."""
    for entry in parse.get("intent_ranking") or []:
        name = entry.get("name")
        if name in TIER_INTENTS:
            continue
        if name == "faq":
            selector = (parse.get("response_selector") or {}).get("faq") or {}
            return name, selector.get("response") or {}
        return name, {}
    return None, {}
