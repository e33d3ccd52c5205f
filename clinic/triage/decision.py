"""The triage decision: the red-flag rules and the triage model's probabilities, one tier.

The most serious tier that either gives wins. When neither gives a tier but the model still
sees some risk (its emergency, crisis and urgent-care probabilities together reach `check`), the
assistant asks the visitor first (`symptom_check`) instead of guessing either way. It also asks
first when only the model sees a crisis in a message whose mention of suicide or self-harm the
rules dismissed (denied, told as over, asked about in general): the model reads the words, the
rules read what is said about them; likewise for an everyday figure of speech ("my boss is going
to kill me"), and for a reply of a few words ("i've been before") in which the model alone sees a
crisis without being nearly sure (`overrule`), and for a booking or visit turned down ("I don't
want to book right now"), which the model may read as giving up. Likewise for a red flag the
rules found and dismissed, or such a figure of speech ("i'm going to strangle my teenager"): the
model alone sends such a message to 911 only when it is nearly sure (`overrule`), and otherwise
the assistant asks first. And when a red flag the rules set aside as a question in general is asked
in the visitor's own words ("is it normal to get chest pain with my neck stiffness?"), and when
only the model sends to 911 a trouble the visitor tells as settled ("it stopped bleeding"). An
accident's wound that the rules send to 911 keeps that answer over the model's crisis.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from clinic.triage.red_flags import (
    Finding,
    asked_about_own_sign,
    crisis_idiom,
    mentions_crisis,
    mentions_emergency,
    most_severe,
    normalize,
    told_as_accident,
)
from clinic.triage.red_flags_es import find_all_red_flags
from clinic.triage.tiers import CRISIS, EMERGENCY, ROUTINE, SYMPTOM_CHECK, URGENT_CARE, Tier

ROUTINE_LABEL = "routine"
# A reply of a few words ("i've been before", "no I can feel everything") holds too little for the
# model alone to name a crisis unless it is nearly sure (`overrule`): the assistant asks first.
SHORT_REPLY_WORDS = 5
# A booking or visit turned down in a message of a few words: "i don't want to book right now",
# "dont wanna come in yet". Not "i don't want to do this anymore", a classic despair phrase.
DECLINED_VISIT = re.compile(
    r"\b(?:don'?t|do not|not)\s+(?:really\s+)?(?:want|wanna|need)\s+(?:to\s+)?"
    r"(?:book|schedule|make an? (?:appointment|booking)|come in|sign up|fill)\b"
)
DECLINED_VISIT_WORDS = 12
# A request called off in as few words: "i dont want to do this anymore, cancel please" typed at a
# booking step most likely means the form, but its first half is a classic despair phrase, so the
# crisis check asks (a "No" then cancels the request, actions/triage.py). Not "stop": "i want it
# all to stop" is a crisis.
CALLED_OFF = re.compile(r"\b(?:cancel|never ?mind|forget (?:about )?it)\b")
# A message that tells its own trouble as settled: a cut that has stopped bleeding, a bug that is
# getting better. The model, reading the words of bleeding or illness, may send it to 911 (dev14's
# and dev15's "cut my finger ..., stopped bleeding"); without a rule's finding it asks first.
NOT_BEFORE = r"(?<!not )(?<!never )(?<!hasnt )(?<!havent )(?<!wont )(?<!didnt )(?<!doesnt )"
SETTLED = re.compile(
    rf"\b(?:{NOT_BEFORE}stopped bleeding|(?:bled|bleeding)\b.{{0,30}}\b{NOT_BEFORE}stopped"
    r"|no longer bleeding|ya no sangra"
    r"|(?<!not )(?:feeling|feel|felt) (?:a lot |much |loads |a bit )?better (?:today|now))\b"
)
# A whole message that thanks the assistant for its help and says goodbye ("Thank you for your
# patience. Goodbye."): the model, which learned goodbye notes, may read a crisis in it (dev8's
# s052). Thanks for the chat's help only: "thank you for everything, goodbye" is no sign-off.
SIGN_OFF = re.compile(
    r"(?:(?:ok|okay|alright|great|perfect|cool) )?(?:thanks|thank you|thx|ty)"
    r"(?: (?:so much|very much|a lot))? for (?:your|the) (?:patience|help|time|answers|info"
    r"|information|assistance|replies|reply)(?: today)?"
    r"(?: (?:good ?bye|bye(?: now)?|have a (?:good|nice|great) (?:day|night|evening|weekend)))?"
)
# The category of a symptom check that asks about a crisis rather than physical red flags.
CRISIS_CHECK = "crisis"
RULE, MODEL = "rule", "model"


@dataclass(frozen=True)
class OperatingPoint:
    """Probability thresholds of the triage model, chosen by `make bench-triage` on
    cross-validated training data (docs/triage.md)."""

    emergency: float
    crisis: float
    urgent_care: float
    check: float
    # The emergency probability at which the model alone still sends to 911 a message whose red
    # flag the rules found and dismissed (denied, dated, asked about in general); below it, the
    # assistant asks first.
    overrule: float

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not 0 < value <= 1:
                raise ValueError(f"triage threshold {name} must be in (0, 1], got {value!r}")


@dataclass(frozen=True)
class Decision:
    tier: Tier
    # Which part decided (RULE or MODEL), the red-flag category when a rule did, and the risk
    # the model gave (emergency + crisis + urgent care).
    source: str | None
    category: str | None
    risk: float


def model_tier(probabilities: Mapping[str, float], point: OperatingPoint) -> Tier:
    if probabilities.get(CRISIS.intent or "", 0.0) >= point.crisis:
        return CRISIS
    if probabilities.get(EMERGENCY.intent or "", 0.0) >= point.emergency:
        return EMERGENCY
    if probabilities.get(URGENT_CARE.intent or "", 0.0) >= point.urgent_care:
        return URGENT_CARE
    return ROUTINE


def risk(probabilities: Mapping[str, float]) -> float:
    return 1.0 - probabilities.get(ROUTINE_LABEL, 1.0)


def _short_reply(text: str) -> bool:
    return len(normalize(text).split()) <= SHORT_REPLY_WORDS


def _short_and_unsure(text: str, probabilities: Mapping[str, float], point: OperatingPoint) -> bool:
    return _short_reply(text) and probabilities.get(CRISIS.intent or "", 0.0) < point.overrule


def _declines_a_visit(text: str) -> bool:
    """A booking or visit turned down, or a request called off, in a few words."""
    words = normalize(text)
    return len(words.split()) <= DECLINED_VISIT_WORDS and bool(
        DECLINED_VISIT.search(words) or CALLED_OFF.search(words)
    )


def _signs_off(text: str) -> bool:
    return bool(SIGN_OFF.fullmatch(" ".join(re.findall(r"[a-z]+", normalize(text)))))


def _short_without_a_sign(text: str) -> bool:
    """A reply of a few words that names no sign ("yes thats everything" at the booking's
    confirmation): the model's risk below every tier does not interrupt it with a check."""
    return _short_reply(text) and not mentions_emergency(text) and not mentions_crisis(text)


def decide(
    text: str,
    probabilities: Mapping[str, float] | None,
    point: OperatingPoint,
    *,
    rules: bool = True,
) -> Decision:
    """`probabilities` by label (routine and the trained tiers); None: the rules alone. Without
    `rules`, the model alone (the benchmark's peers)."""
    findings = find_all_red_flags(text) if rules else []
    finding: Finding | None = most_severe(findings)
    by_model = model_tier(probabilities, point) if probabilities is not None else ROUTINE
    at_risk = risk(probabilities) if probabilities is not None else 0.0
    by_rule = finding.tier if finding else ROUTINE
    if by_rule.severity >= by_model.severity and finding is not None:
        return Decision(by_rule, RULE, finding.category, at_risk)
    # An accident's wound the rules send to 911: the model's crisis there comes from words it
    # shares with self-harm (a cut, blood), and 988 would be the wrong answer (session 13).
    if by_rule is EMERGENCY and by_model is CRISIS and finding and told_as_accident(text):
        return Decision(by_rule, RULE, finding.category, at_risk)
    if by_model is CRISIS and rules and finding is None and _signs_off(text):
        return Decision(ROUTINE, None, None, at_risk)
    if (
        by_model is CRISIS
        and rules
        and finding is None
        and (
            mentions_crisis(text)
            or crisis_idiom(text)
            or _short_and_unsure(text, probabilities or {}, point)
            or _declines_a_visit(text)
        )
    ):
        return Decision(SYMPTOM_CHECK, MODEL, CRISIS_CHECK, at_risk)
    if (
        by_model is EMERGENCY
        and rules
        and finding is None
        and (
            mentions_emergency(text)
            or crisis_idiom(text)
            or SETTLED.search(normalize(text)) is not None
        )
    ):
        emergency = (probabilities or {}).get(EMERGENCY.intent or "", 0.0)
        if emergency < point.overrule:
            return Decision(SYMPTOM_CHECK, MODEL, None, at_risk)
    if by_model is ROUTINE and rules and finding is None and asked_about_own_sign(text):
        return Decision(SYMPTOM_CHECK, RULE, None, at_risk)
    if by_model is not ROUTINE:
        return Decision(by_model, MODEL, None, at_risk)
    if at_risk >= point.check and not _short_without_a_sign(text):
        return Decision(SYMPTOM_CHECK, MODEL, None, at_risk)
    return Decision(ROUTINE, None, None, at_risk)
