"""The topic and body region a conversation is on, and what a follow-up ("is that something you
treat?", "what about the lower back?", "tell me more") points back to."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from clinic.conversations.turns import user_turns
from clinic.text.pointing_back import (
    FOLLOWUP_MORE,
    LOWER_BACK_WORDS,
    NECK_WORDS,
    POINTING_TOPICS,
    REGION_TOPICS,
)
from clinic.text.wording import Wording
from clinic.triage.tiers import TIER_INTENTS

# The slot the follow-up and offer actions set to the topic they answered.
TOPIC_SLOT = "context_topic"
FOLLOWUP_TREAT = "followup_treat"
FOLLOWUP_WHAT_ABOUT = "followup_what_about"
FOLLOWUP_INTENTS = frozenset({FOLLOWUP_TREAT, FOLLOWUP_WHAT_ABOUT, FOLLOWUP_MORE})
# Answers that are no FAQ topic but a follow-up can point back to.
BOUNDARY_TOPICS = frozenset({"other_condition", "ask_medication", "ask_diagnosis"})
# A follow-up after these stays on them: the article still does not say.
STAYING_TOPICS = frozenset({"not_in_article", "ask_practitioner_first", *BOUNDARY_TOPICS})
# How far back a follow-up looks for the topic (visitor messages).
LOOK_BACK = 6

NECK = "neck"
LOWER_BACK = "lower back"
OTHER_REGION = "other"
HELPS = {NECK: "neck_pain", LOWER_BACK: "lower_back_pain"}
CAUSES = {NECK: "neck_pain_causes", LOWER_BACK: "lower_back_causes"}
TOPIC_REGION = {
    "neck_pain": NECK,
    "neck_pain_causes": NECK,
    "headaches": NECK,
    "whiplash": NECK,
    "lower_back_pain": LOWER_BACK,
    "lower_back_causes": LOWER_BACK,
}
# "Tell me more": the next level of the same topic.
NEXT_LEVEL = {
    "what_is_art": "how_art_works",
    # How it works breaks up adhesions: what they are and what they do is the next level.
    "how_art_works": "adhesions",
    "art_vs_massage": "why_effective",
    "adhesions": "how_art_works",
    "neck_pain": "neck_pain_causes",
    "neck_pain_causes": "neck_pain",
    # Why neck tension feeds headaches: the neck's trigger points and tight muscles.
    "headaches": "neck_pain_causes",
    "whiplash": "neck_pain",
    "lower_back_pain": "lower_back_causes",
    "lower_back_causes": "lower_back_pain",
    "desk_posture": "combined_care",
    "athletes": "benefits",
    "benefits": "why_effective",
    # Why it works: what patients report is the next level (and "why?" again stays on it).
    "why_effective": "benefits",
    "sessions_results": "candidacy",
    # Who may consider ART: what those who have it report is the next level.
    "candidacy": "benefits",
    "where_offered": "combined_care",
    "combined_care": "where_offered",
    "nerve_symptoms": "nerve_symptoms",
}
# "Why?" after an answer that says ART helps asks why it works; after the others (headaches: why
# the neck feeds them) it is the next level.
WHY_IT_WORKS = "why_effective"
HELPING_TOPICS = frozenset(
    {
        "neck_pain",
        "lower_back_pain",
        "whiplash",
        "athletes",
        "candidacy",
        "benefits",
        "desk_posture",
        "sessions_results",
        "what_is_art",
        "how_art_works",
        # Why combine ART with other care: why ART works is what the answer rests on.
        "combined_care",
    }
)
# How a follow-up asks: "why?", or whether ART works or helps ("does it work for that?",
# "how does ART help with it"), as opposed to whether the clinic treats it.
ASKS_WHY = "why"
ASKS_WORKS = "works"
# "And the second one?" after a list: the same answer, which holds the list.
ASKS_WHICH = "which"
_WHICH_ONE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|last|other) (?:one|ones|thing|point|cause|reason)s?\b"
    r"|\bnumber (?:one|two|three|four|five|[1-5])\b"
)
# "Ok so what would i actually notice": what patients report.
ASKS_RESULTS = "results"
RESULTS = "benefits"
_RESULTS = re.compile(
    r"\bwhat (?:would|will|do|does|should|could|might) (?:i|you|we|people|patients|one)"
    r" (?:actually |really )?(?:notice|feel|see|get out of)\b"
)
# "Tell me more about how that works": how ART is done, whatever the topic was.
ASKS_HOW = "how"
HOW_IT_WORKS = "how_art_works"
_HOW_IT_WORKS = re.compile(
    r"\bhow (?:does |do |would )?(?:that|it|this|art|they|you) (?:works?|is done|do it)\b"
)
_WHY_WORDS = ("why", "how come", "por qué", "por que")
_WORKS_WORDS = ("work", "help", "good for", "effective", "funciona", "sirve", "ayuda")
# "Can you help with this?" asks whether the clinic treats it; "does your treatment help with
# that" asks whether it works (whole words: "your" is no "you").
_CLINIC_WORDS = re.compile(r"\b(?:you|u|clinic|proclinix|ustedes|clínica|clinica)\b")
# Answers that say how ART helps the case itself: "does it work for that?" stays on them.
HELPS_ITSELF = frozenset({"headaches", "whiplash"})


@dataclass(frozen=True)
class Followup:
    # An FAQ topic or a boundary answer (other_condition ...), or None: ask what they mean.
    topic: str | None
    region: str | None = None


def topic_of_parse(parse: Mapping[str, Any]) -> str | None:
    """The FAQ topic ("neck_pain") or boundary answer a parsed message was given, if any."""
    intent = (parse.get("intent") or {}).get("name")
    if intent == "faq":
        selector = (parse.get("response_selector") or {}).get("faq") or {}
        key = (selector.get("response") or {}).get("intent_response_key") or ""
        return key.removeprefix("faq/") or None
    if intent in BOUNDARY_TOPICS:
        return str(intent)
    return None


def last_topic(events: Iterable[Mapping[str, Any]]) -> str | None:
    """The topic of the last answer before the latest visitor message: a topic slot set by a
    follow-up or an offer, or the topic of a message; a triage answer ends the context."""
    earlier = user_turns(events)[1:-1]
    for turn in reversed(earlier[-LOOK_BACK:]):
        for event in reversed(turn):
            if event.get("event") == "slot" and event.get("name") == TOPIC_SLOT:
                return event.get("value")
        parse = turn[0].get("parse_data") or {}
        # Triage answers end the context: a follow-up is never resolved against them.
        if (parse.get("intent") or {}).get("name") in TIER_INTENTS:
            return None
        topic = topic_of_parse(parse)
        if topic:
            return topic
    return None


def region_named(text: str, regions: Iterable[str]) -> str | None:
    """The body region a follow-up names: the neck, the lower back, another one or none."""
    entities = [region.lower() for region in regions]
    for region in entities or [text.lower()]:
        if any(word in region for word in NECK_WORDS):
            return NECK
        if any(word in region for word in LOWER_BACK_WORDS):
            return LOWER_BACK
    return OTHER_REGION if entities else None


# A short "why" that asks about the last answer ("why does that matter", "why combine them?").
_WHY_BACK = re.compile(r"(?:(?:but|and|so|ok|okay|hmm)\s+)?why\b")
_SHORT = 6
# A rough figure asked after the article did not have it ("roughly? just a ballpark is fine").
_ROUGHLY = re.compile(r"\b(?:rough(?:ly)?|ballpark|estimate|approx(?:imately)?)\b")
_FOLLOWUP_OPENINGS = ("and ", "also ", "what about ", "how about ", "y ", "también ")


# A short question about what was just asked about: "is it the same person every time?" after
# the practitioners' names were not in the article.
_ASKS_OF_IT = re.compile(r"^(?:is|are|do|does|can|will|would) (?:it|they|he|she|that|this)\b")
_SHORT_QUESTION = 10


def opens_as_followup(text: str) -> bool:
    """Whether a message opens as a follow-up ("and are they in on saturdays"), asks for a
    rough figure ("roughly? just a ballpark is fine") or is a short question about what was just
    asked about ("is it the same person every time?")."""
    lowered = text.lower()
    asks_of_it = _ASKS_OF_IT.match(lowered.strip()) and len(lowered.split()) <= _SHORT_QUESTION
    return (
        lowered.lstrip(" ¿").startswith(_FOLLOWUP_OPENINGS)
        or bool(_ROUGHLY.search(lowered))
        or bool(asks_of_it)
    )


_WHAT_ABOUT = re.compile(r"\b(?:what|how) about\b")
_POINTS_BACK = re.compile(
    r"\b(?:for|with|help|helps|on|fix|treat) (?:that|it|this|them)\b"
    # "Does it still work if its been almost a year", "would it help even after surgery".
    r"|\b(?:does|will|would|can) (?:it|art|this|that) (?:still|even|really|actually)"
    r" (?:work|help)\b"
    r"|\b(?:does|will|would) (?:it|art) (?:work|help) (?:if|even if|after|when)\b"
)


def followup_in_words(text: str) -> str | None:
    """The follow-up a message the NLU could not place makes, by its words: "what about my lower
    back then, does ART help that" (what about), "does it work for that even if they're every
    day?" (whether it works for the topic); None when it points back to nothing."""
    lowered = text.lower()
    if _WHAT_ABOUT.search(lowered):
        return FOLLOWUP_WHAT_ABOUT
    if _POINTS_BACK.search(lowered):
        return FOLLOWUP_TREAT
    if _WHY_BACK.match(lowered.strip()) and len(lowered.split()) <= _SHORT:
        return FOLLOWUP_MORE
    # "What was the third one again" after a list, "what would i actually notice".
    if _WHICH_ONE.search(lowered) or _RESULTS.search(lowered):
        return FOLLOWUP_MORE
    return None


def how_asked(text: str) -> str | None:
    """ASKS_WHY for "why?", ASKS_HOW for "how does that work", ASKS_WORKS for "does it work for
    that?", else None."""
    lowered = text.lower()
    if _WHICH_ONE.search(lowered):
        return ASKS_WHICH
    if _RESULTS.search(lowered):
        return ASKS_RESULTS
    if any(word in lowered for word in _WHY_WORDS):
        return ASKS_WHY
    if _HOW_IT_WORKS.search(lowered):
        return ASKS_HOW
    if any(word in lowered for word in _WORKS_WORDS) and not _CLINIC_WORDS.search(lowered):
        return ASKS_WORKS
    return None


def resolve(
    intent: str,
    topic: str | None,
    region: str | None,
    asked: str | None = None,
    read_as: str | None = None,
) -> Followup:
    """What a follow-up intent answers, given the last topic, the region it names, how it asks
    (`how_asked`) and the FAQ topic the classifier read it as when it points back to the last
    topic (`points_back`: "and what causes it?" asks the causes for the last topic's region)."""
    if read_as in POINTING_TOPICS and topic not in STAYING_TOPICS:
        topic_region = TOPIC_REGION.get(topic or "")
        if read_as in REGION_TOPICS and topic_region:
            table = CAUSES if read_as in CAUSES.values() else HELPS
            return Followup(table[topic_region], topic_region)
        return Followup(read_as, topic_region)
    if topic in STAYING_TOPICS and not (
        topic == "other_condition" and intent == FOLLOWUP_WHAT_ABOUT and region in HELPS
    ):
        # "What about my lower back then?" after a hip: the covered region's answer.
        return Followup(topic)
    if region == OTHER_REGION and intent != FOLLOWUP_MORE:
        return Followup("other_condition")
    if intent == FOLLOWUP_WHAT_ABOUT:
        if region is None:
            return Followup(None)
        table = CAUSES if topic in CAUSES.values() else HELPS
        return Followup(table[region], region)
    if topic is None:
        return Followup(None)
    topic_region = TOPIC_REGION.get(topic)
    if asked == ASKS_WHICH:
        return Followup(topic, topic_region)
    if asked == ASKS_RESULTS:
        return Followup(RESULTS, topic_region)
    if asked == ASKS_HOW and topic != HOW_IT_WORKS:
        # "Tell me more about how that works" after whiplash: how ART is done.
        return Followup(HOW_IT_WORKS, topic_region)
    # "Why does that work?" asks why, though it names working.
    if intent == FOLLOWUP_TREAT and asked != ASKS_WHY:
        if asked == ASKS_WORKS:
            # "Does it work for that?": how ART helps the region of the topic (after its causes),
            # or the next level of a topic without one (how it works -> adhesions).
            helps = HELPS.get(topic_region or "")
            # "Does your treatment help with that" after how ART helps the lower back: that
            # answer again, as after headaches or whiplash.
            if topic in HELPS_ITSELF or topic == helps:
                return Followup(topic, topic_region)
            if helps and helps != topic:
                return Followup(helps, topic_region)
            if topic_region is None:
                return Followup(NEXT_LEVEL.get(topic, topic))
        return Followup("treat", topic_region)
    if asked == ASKS_WHY and (topic in HELPING_TOPICS or topic == WHY_IT_WORKS):
        return Followup(WHY_IT_WORKS, topic_region)
    return Followup(NEXT_LEVEL.get(topic, topic), topic_region)


AREAS = {
    NECK: Wording("neck pain", "el dolor de cuello"),
    LOWER_BACK: Wording("lower back pain", "el dolor de espalda baja"),
}
RESPONSES = {
    "other_condition": "utter_other_condition",
    "ask_medication": "utter_ask_medication",
    "ask_diagnosis": "utter_cannot_diagnose",
}


def response_of(followup: Followup, language: object = None) -> tuple[str, dict[str, str]]:
    """The response that answers a resolved follow-up, with its template values in `language`
    ("es" for Spanish, else English)."""
    if followup.topic is None:
        return "utter_followup_unclear", {}
    if followup.topic == "treat":
        if followup.region is None:
            return "utter_faq/where_offered", {}
        return "utter_followup_treat", {"area": AREAS[followup.region].text(language)}
    if followup.topic in RESPONSES:
        return RESPONSES[followup.topic], {}
    return f"utter_faq/{followup.topic}", {}


def topic_after(followup: Followup, topic: str | None) -> str | None:
    """The topic the conversation is on once the follow-up is answered."""
    if followup.topic in (None, "treat"):
        return topic
    return followup.topic
