"""The symptom check: asked when the triage stage is unsure, and what a "No" leads back to."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.booking_steps import reset_booking_events
from clinic.booking.fields import REQUEST_ID_SLOT
from clinic.triage.decision import CRISIS_CHECK
from clinic.triage.tiers import TRIAGE_KEY, topic_behind_tier

BOOKING_FORM = "booking_form"
# A check asked about a message that also calls the request off ("i dont want to do this anymore,
# cancel please"): a "No" cancels the request instead of taking it up again.
CANCEL_INTENT = "cancel"
BOOKING_CANCELLED = "utter_booking_cancelled"
# Intents whose answer is a plain response; other intents get no answer after a "No".
RESPONSES = {
    "ask_diagnosis": "utter_cannot_diagnose",
    "ask_medication": "utter_ask_medication",
    "greet": "utter_greet",
    "out_of_scope": "utter_out_of_scope",
    "other_condition": "utter_other_condition",
}


# What the check asks about (slot triage_check): physical red flags, or a crisis the rules saw
# denied (decision.py).
EMERGENCY_CHECK = "emergency"
CHECK_QUESTIONS = {EMERGENCY_CHECK: "utter_symptom_check", CRISIS_CHECK: "utter_crisis_check"}


def check_kind(parse: dict[str, Any]) -> str:
    triage = parse.get(TRIAGE_KEY) or {}
    return CRISIS_CHECK if triage.get("category") == CRISIS_CHECK else EMERGENCY_CHECK


def topic_response(parse: dict[str, Any]) -> str | None:
    """The response the message would have had if triage had not stopped it."""
    intent, faq_response = topic_behind_tier(parse)
    if intent == "faq":
        return faq_response.get("utter_action")
    return RESPONSES.get(intent or "")


class ActionTriageCheck(Action):
    """Asks whether a red flag is happening now. A booking request under way pauses (the rules
    end its form first): its answers so far are kept, and a "No" takes it up again, unless the
    message also called the request off."""

    def name(self) -> str:
        return "action_triage_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # The rules end the form before this action; its request id is kept until the reset.
        in_booking = tracker.get_slot(REQUEST_ID_SLOT) is not None
        check = check_kind(tracker.latest_message)
        dispatcher.utter_message(response=CHECK_QUESTIONS[check])
        called_off = in_booking and topic_behind_tier(tracker.latest_message)[0] == CANCEL_INTENT
        if called_off:
            topic = BOOKING_CANCELLED
        else:
            topic = None if in_booking else topic_response(tracker.latest_message)
        events: list[EventType] = [
            SlotSet("triage_check", check),
            SlotSet("triage_topic", topic),
            SlotSet("booking_paused", in_booking and not called_off),
        ]
        return events


class ActionTriageCleared(Action):
    """After a "No" to the symptom check: the paused booking request goes on, or the message
    gets the answer it would have had (a request called off is cancelled and cleared)."""

    def name(self) -> str:
        return "action_triage_cleared"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_symptom_check_cleared")
        events: list[EventType] = [SlotSet("triage_topic", None), SlotSet("booking_paused", False)]
        if tracker.get_slot("booking_paused"):
            return [*events, FollowupAction(BOOKING_FORM)]
        topic = tracker.get_slot("triage_topic")
        if topic:
            dispatcher.utter_message(response=topic)
        if topic == BOOKING_CANCELLED:
            return [*events, *reset_booking_events()]
        return events
