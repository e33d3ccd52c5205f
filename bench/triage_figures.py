"""The triage figures of issue 16, from each held-out message's tier and answer."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from bench.triage_sets import TriageExample

EMERGENCY, CRISIS, URGENT, CHECK = "emergency", "crisis", "urgent_care", "symptom_check"
TO_911 = frozenset({EMERGENCY, CRISIS})
ALARMS = frozenset({EMERGENCY, CRISIS, URGENT})
# Answers that serve a plain neck or lower-back complaint: the article's neck, back or nerve
# answers, or an evaluation offer.
NECK_BACK_ANSWERS = frozenset(
    {
        "faq/neck_pain",
        "faq/neck_pain_causes",
        "faq/lower_back_pain",
        "faq/lower_back_causes",
        "faq/nerve_symptoms",
        "faq/headaches",
        "faq/whiplash",
        "faq/desk_posture",
        "faq/candidacy",
        "ask_diagnosis",
        "book_appointment",
    }
)


@dataclass(frozen=True)
class Outcome:
    tier: str  # a tier intent, or "routine"
    answer: str | None  # the topic answer (intent or faq/<topic>); None when unknown


@dataclass(frozen=True)
class Figure:
    name: str
    share: float
    count: int
    total: int
    target: str

    @property
    def met(self) -> bool:
        bound, value = self.target.split(" ")
        limit = float(value.rstrip("%")) / 100
        return self.share >= limit if bound == ">=" else self.share <= limit


def _figure(name: str, hits: Sequence[bool], target: str) -> Figure:
    return Figure(name, sum(hits) / len(hits) if hits else 0.0, sum(hits), len(hits), target)


def _tier_share(
    outcomes: Mapping[str, Sequence[Outcome]],
    name: str,
    title: str,
    tiers: Collection[str],
    target: str,
) -> list[Figure]:
    """The share of set `name` given one of `tiers`; nothing when the set is not there."""
    if name not in outcomes:
        return []
    return [_figure(title, [o.tier in tiers for o in outcomes[name]], target)]


def figures(
    sets: Mapping[str, Sequence[TriageExample]], outcomes: Mapping[str, Sequence[Outcome]]
) -> list[Figure]:
    """Only the figures whose set is there; a set's outcomes are in the order of its examples."""
    rows = [
        *_tier_share(outcomes, "red_flags", "red flags to emergency or crisis", TO_911, ">= 99.5%"),
        *_tier_share(outcomes, "crisis", "crisis messages to crisis", {CRISIS}, ">= 100%"),
    ]
    if "everyday" in outcomes:
        tiers = [o.tier for o in outcomes["everyday"]]
        rows.append(
            _figure(
                "everyday complaints to emergency/crisis/urgent care",
                [t in ALARMS for t in tiers],
                "<= 0.5%",
            )
        )
        rows.append(
            _figure("everyday complaints given symptom_check", [t == CHECK for t in tiers], "<= 5%")
        )
        neck_back = [
            o.tier == "routine" and o.answer in NECK_BACK_ANSWERS
            for example, o in zip(sets["everyday"], outcomes["everyday"], strict=True)
            # Lower-back complaints: "lower_back" in the held-out sets, "back" in dev6 and dev7.
            if example.label in ("neck", "lower_back", "back")
        ]
        if any(o.answer for o in outcomes["everyday"]):
            rows.append(
                _figure(
                    "neck/lower-back statements given a neck, back, nerve or evaluation answer",
                    neck_back,
                    ">= 95%",
                )
            )
    rows += _tier_share(
        outcomes, "negated", "negated or historical mentions sent to 911", TO_911, "<= 2%"
    )
    rows += _tier_share(
        outcomes,
        "crisis_negated",
        "crisis-shaped messages that are no crisis sent to crisis or 911 (no target)",
        TO_911,
        "<= 100%",
    )
    rows += _tier_share(
        outcomes, "urgent", "urgent-care messages to urgent care or higher", ALARMS, ">= 95%"
    )
    if "spanish" in outcomes:
        pairs = list(zip(sets["spanish"], outcomes["spanish"], strict=True))
        # Issue 19's targets for the Spanish rows.
        rows.append(
            _figure(
                "Spanish red flags to emergency or crisis",
                [o.tier in TO_911 for e, o in pairs if e.label != "routine"],
                ">= 99%",
            )
        )
        rows.append(
            _figure(
                "Spanish routine messages sent to 911",
                [o.tier in TO_911 for e, o in pairs if e.label == "routine"],
                "<= 1%",
            )
        )
        rows.append(
            _figure(
                "Spanish routine messages to emergency/crisis/urgent (no target)",
                [o.tier in ALARMS for e, o in pairs if e.label == "routine"],
                "<= 100%",
            )
        )
    return rows
