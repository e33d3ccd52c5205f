"""A typed yes or no after an answer that offered something (its buttons): a yes takes up the
booking or callback request the answer offers, else its first topic; a no ends politely, and a
second no in a row does not ask again."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from clinic.conversations.turns import ran, user_turns
from clinic.text.deferral import is_deferral, normalised
from clinic.text.thanks import says_thanks
from clinic.text.validation import parse_yes_no
from clinic.text.visit_request import asks_to_be_seen

OFFER_ACTION = "action_answer_offer"
YES_INTENT = "affirm"
NO_INTENT = "deny"
BOOK_INTENT = "book_appointment"

# The question texts that FAQ answers offer as buttons, by the topic that answers them
# (tests/unit/conversations/test_offers.py checks every such button of the domain is here).
TOPIC_OF_QUESTION = {
    "can art help with headaches?": "headaches",
    "how does art help lower back pain?": "lower_back_pain",
    "how does art help neck pain?": "neck_pain",
    "how does art work?": "how_art_works",
    "how is art combined with other care?": "combined_care",
    "how is art different from massage?": "art_vs_massage",
    "is art right for me?": "candidacy",
    "what are adhesions?": "adhesions",
    "what are the benefits of art?": "benefits",
    "what causes lower back pain?": "lower_back_causes",
    "what causes neck pain?": "neck_pain_causes",
    "what is art?": "what_is_art",
    "where is art offered?": "where_offered",
    "why is art effective?": "why_effective",
}
# What the intent payloads ("/book_appointment") start, each with its opening line; the booking
# form follows.
FORM_STARTS = {
    "/book_appointment": "utter_booking_intro",
    "/human_handoff": "utter_handoff_intro",
}
# A bare acknowledgment: after an answer that asks nothing, it is no acceptance of a button.
ACKNOWLEDGMENTS = frozenset(
    {"ok", "okay", "k", "kk", "okey", "alright", "all right", "got it", "i see", "cool", "fine"}
)


class Step(Enum):
    START_FORM = "start_form"
    ANSWER_TOPIC = "answer_topic"
    ASK_WHAT_ELSE = "ask_what_else"
    DECLINED = "declined"
    DECLINED_AGAIN = "declined_again"
    THANKED = "thanked"


@dataclass(frozen=True)
class Offer:
    text: str
    payloads: tuple[str, ...]

    @property
    def asks(self) -> bool:
        return self.text.rstrip().endswith("?")

    @property
    def offers_a_request(self) -> bool:
        """Whether a button starts a booking or callback request."""
        return any(payload in FORM_STARTS for payload in self.payloads)

    @property
    def asks_yes_or_no(self) -> bool:
        """Whether it ends with a question a yes answers ("Would you like ...?"), not an open
        one ("What would you like to know?", the greeting's)."""
        if not self.asks:
            return False
        question = re.split(r"(?<=[.!?])\s+", self.text.strip())[-1]
        return not _OPEN_QUESTION.match(question.lower())


@dataclass(frozen=True)
class OfferAnswer:
    step: Step
    # The opening response of the form, or the FAQ topic to answer.
    target: str | None = None


# Words that ask for more of the topic even after a yes ("yes, tell me more", "ok but why?").
MORE_WORDS = frozenset({"more", "why", "explain", "how"})
FOLLOWUP_MORE_INTENT = "followup_more"


def is_yes_to_go_on(intent: str, text: str) -> bool:
    """Whether a "go on" that the NLU read as `followup_more` is a yes to the offer ("yeah go on
    then", "sure, go on") rather than a request for more ("tell me more", "yes, but why?")."""
    return (
        intent == FOLLOWUP_MORE_INTENT
        and parse_yes_no(text) is True
        and not MORE_WORDS & set(normalised(text).split())
    )


# How a yes or a no opens a reply that the NLU read as something else ("ok yes, I'd like to ask a
# practitioner", "no i'll ask my surgeon first thanks"); fillers before it are skipped.
# An "ok" alone ("okie") is a yes.
_OKS = frozenset({"ok", "okay", "okie", "okey", "k", "kk", "alright"})
_FILLERS = frozenset({*_OKS, "oh", "well", "hmm", "um", "uh", "so", "then"})
_YES_OPENINGS = frozenset(
    {
        "yes", "yess", "yeah", "yea", "yeh", "yah", "ye", "yh", "yep", "yup", "ya", "yas",
        "sure", "absolutely", "definitely", "please",
    }
)  # fmt: skip
_NO_OPENINGS = frozenset({"no", "nah", "nope"})
# A no said as a doubt that opens a reply ("hmm probably not, money is tight this month").
_NO_PHRASES = (
    "probably not", "maybe not", "not really", "i don't think so", "i dont think so",
    "don't think so", "dont think so", "i'd rather not", "id rather not", "i'll pass", "ill pass",
)  # fmt: skip
_QUESTION_WORD = r"(?:how|what|when|where|why|which|who)\b"
# A question after the yes or the no ("yes please, and do you take insurance?", "no, how much
# is it").
_ASKS = re.compile(
    rf"\?|\b{_QUESTION_WORD}|(?:\band|\bbut|\balso|,) (?:do|does|is|are|can|could|will|would)\b"
)


_NO_PHRASES_ENDED = tuple(f"{phrase} " for phrase in _NO_PHRASES)
# A yes that takes back a no just given ("actually wait, yeah lets do it", "on second thought,
# ok").
_CHANGE_OF_MIND = re.compile(
    r"\b(?:actually|wait|on second thought|second thoughts|changed my mind|change of heart)\b"
)
# A question that a yes cannot answer.
_OPEN_QUESTION = re.compile(_QUESTION_WORD)
# "Why not": a yes, though the NLU may hear its "not" as a no.
_WHY_NOT = frozenset({"why not", "ok why not", "why not then", "well why not"})
# A yes that only puts off when: "yes but not this week", "sure, just not until next month".
_NOT_WHEN = re.compile(r"\b(?:but|just) not (?:this|next|until|till|before|for)\b")


def reply_in_words(text: str) -> bool | None:
    """A yes (True) or a no (False) to an offer by how a message opens, when it asks nothing
    besides; None for any other message, a yes or a no followed by a question too."""
    if _ASKS.search(text.lower()):
        return None
    said = normalised(text).split()
    words = [word for word in said if word not in _FILLERS]
    if not words:
        return True if _OKS & set(said) else None
    if words[0] in _YES_OPENINGS:
        return True
    if words[0] in _NO_OPENINGS or f"{' '.join(words)} ".startswith(_NO_PHRASES_ENDED):
        return False
    return None


def reply_to_offer_in_words(text: str, offer: Offer | None) -> str | None:
    """The yes (`affirm`) or no (`deny`) that a message the NLU read as something else gives an
    offer that asks ("Would you like to request an evaluation?"), by its words; else None. A no
    also declines a request offered by a button only ("hmm probably not, money is tight" after
    the neck's answer and its "Request an appointment")."""
    if offer is None:
        return None
    reply = reply_in_words(text)
    if reply is None or not (offer.asks or (reply is False and offer.offers_a_request)):
        return None
    return YES_INTENT if reply else NO_INTENT


def is_acknowledgment(text: str) -> bool:
    return normalised(text) in ACKNOWLEDGMENTS


def last_offer(events: Iterable[Mapping[str, Any]]) -> Offer | None:
    """The last message with buttons that the assistant sent before the latest visitor message."""
    turns = user_turns(events)
    return _offer_in(turns[-2] if len(turns) >= 2 else [])


def reconsidered_offer(events: Iterable[Mapping[str, Any]], text: str) -> Offer | None:
    """The offer the visitor declined with their previous message, when this one is a yes that
    takes the no back ("actually wait, yeah lets do it"); else None."""
    events = list(events)
    if not declined_just_before(events) or not _CHANGE_OF_MIND.search(normalised(text)):
        return None
    return _offer_in(user_turns(events)[-3])


def _offer_in(turn: Iterable[Mapping[str, Any]]) -> Offer | None:
    """The last message with buttons among a turn's events."""
    for event in reversed(list(turn)):
        if event.get("event") != "bot":
            continue
        buttons = (event.get("data") or {}).get("buttons") or []
        if buttons:
            payloads = tuple(str(button.get("payload", "")) for button in buttons)
            return Offer(str(event.get("text") or ""), payloads)
    return None


def declined_just_before(events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the visitor's previous message was a no that this offer logic answered."""
    turns = user_turns(events)
    if len(turns) < 3:
        return False
    previous = turns[-2]
    intent = ((previous[0].get("parse_data") or {}).get("intent") or {}).get("name")
    return intent == NO_INTENT and ran(previous, OFFER_ACTION)


def request_asked_for(events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the visitor's previous message asked for the booking request itself ("BOOK ME"):
    a no right after it stops the request, where a no after a callback offered or an offer taken
    up declines that offer."""
    turns = user_turns(events)
    if len(turns) < 3:
        return False
    intent = ((turns[-2][0].get("parse_data") or {}).get("intent") or {}).get("name")
    return intent == BOOK_INTENT


def what_the_offer_does(offer: Offer) -> OfferAnswer:
    """A request the buttons offer (an evaluation, a callback) is what a yes takes up, wherever
    its button is: the answers about the neck, the lower back, whiplash or candidacy offer
    an evaluation after a topic to read next. Without one, the first button's topic."""
    for payload in offer.payloads:
        if payload in FORM_STARTS:
            return OfferAnswer(Step.START_FORM, FORM_STARTS[payload])
    topic = TOPIC_OF_QUESTION.get(offer.payloads[0].strip().lower())
    if topic:
        return OfferAnswer(Step.ANSWER_TOPIC, topic)
    return OfferAnswer(Step.ASK_WHAT_ELSE)


def answer_to_offer(
    intent: str, text: str, offer: Offer | None, declined_before: bool
) -> OfferAnswer:
    """What a typed yes (`affirm`) or no (`deny`) does after the assistant's last message."""
    # "Thanks anyway" holds no no: a thanks, though the NLU may hear it as one. "Maybe later
    # thanks" puts the offer off: a no.
    if (
        intent == NO_INTENT
        and parse_yes_no(text) is None
        and says_thanks(text)
        and not is_deferral(text)
    ):
        return OfferAnswer(Step.THANKED)
    # "Ok sure why not" is a yes, though the NLU may hear its "not" as a no; "I'll think about
    # it" puts the offer off, though the NLU may hear it as a yes.
    if (intent == NO_INTENT and not _yes_despite_a_not(text)) or (
        intent == YES_INTENT and is_deferral(text) and parse_yes_no(text) is not True
    ):
        return OfferAnswer(Step.DECLINED_AGAIN if declined_before else Step.DECLINED)
    # "Actually, yes let's book" after the offer was declined: the request it asks for.
    if asks_to_be_seen(text):
        return OfferAnswer(Step.START_FORM, FORM_STARTS["/book_appointment"])
    # "Ok thanks anyway" with nothing offered: a thank-you.
    if offer is None and says_thanks(text):
        return OfferAnswer(Step.THANKED)
    if offer is None or (is_acknowledgment(text) and not offer.asks_yes_or_no):
        return OfferAnswer(Step.ASK_WHAT_ELSE)
    # "Yes i do" to "What would you like to know?": a yes cannot answer an open question, so it
    # takes up none of its buttons.
    if offer.asks and not offer.asks_yes_or_no and parse_yes_no(text) is True:
        return OfferAnswer(Step.ASK_WHAT_ELSE)
    return what_the_offer_does(offer)


def _yes_despite_a_not(text: str) -> bool:
    """A yes that holds a "not": "ok sure why not", "why not", and a yes that opens a reply and
    only puts off when ("yes but not this week"; "yes but not now" puts the offer off)."""
    said = normalised(text)
    if parse_yes_no(text) is True or said in _WHY_NOT:
        return True
    return reply_in_words(text) is True and _NOT_WHEN.search(said) is not None


def button_payloads(responses: Mapping[str, Sequence[Mapping[str, Any]]]) -> set[str]:
    """Every button payload of the domain's responses."""
    return {
        str(button["payload"])
        for variants in responses.values()
        for variant in variants
        for button in variant.get("buttons") or []
    }
