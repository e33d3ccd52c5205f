"""The triage tiers, each a contract intent (shared/spec/conversation-contract.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tier:
    intent: str | None
    # Higher is more serious; a message gets the most serious tier that any finding gives it.
    severity: int


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
