"""A typed yes or no after an offer, and follow-ups that point back to the last topic
(clinic/conversations/offers.py and context.py hold the logic)."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.booking_steps import reset_booking_events
from clinic.conversations.context import (
    TOPIC_SLOT,
    how_asked,
    last_topic,
    region_named,
    resolve,
    response_of,
    topic_after,
)
from clinic.conversations.offers import (
    NO_INTENT,
    OFFER_ACTION,
    YES_INTENT,
    Step,
    answer_to_offer,
    declined_just_before,
    is_yes_to_go_on,
    last_offer,
    reconsidered_offer,
    request_asked_for,
)
from clinic.text.pointing_back import asked_topic, points_back

BOOKING_FORM = "booking_form"
CANCELLED = "utter_booking_cancelled"
STEP_RESPONSES = {
    Step.ASK_WHAT_ELSE: "utter_ask_question",
    Step.DECLINED: "utter_offer_declined",
    Step.DECLINED_AGAIN: "utter_offer_declined_again",
    Step.THANKED: "utter_thank",
}


class ActionAnswerOffer(Action):
    def name(self) -> str:
        return OFFER_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name") or ""
        if tracker.active_loop_name == BOOKING_FORM:
            if intent == NO_INTENT and _first_question_unanswered(tracker):
                # "Nah, I'm good actually" to the name question of a request just started: the
                # offer is declined, and the request ends with nothing in it; "NO WAIT I DONT
                # WANT TO DO THIS" right after asking for it stops it.
                asked_for = request_asked_for(tracker.events)
                response = CANCELLED if asked_for else STEP_RESPONSES[Step.DECLINED]
                dispatcher.utter_message(response=response)
                return [ActiveLoop(None), *reset_booking_events()]
            # An "ok" the form's question cannot take: the form asks its question once more.
            return []
        return take_up_offer(dispatcher, tracker, intent)


def _first_question_unanswered(tracker: Tracker) -> bool:
    """The request asks its first question and has been given nothing yet."""
    return (
        tracker.get_slot("requested_slot") == "full_name"
        and tracker.get_slot("full_name") is None
        and not tracker.get_slot("answer_misses")
    )


def take_up_offer(
    dispatcher: CollectingDispatcher, tracker: Tracker, intent: str
) -> list[EventType]:
    """What a typed yes (`affirm`) or no (`deny`) does after the assistant's last message."""
    text = tracker.latest_message.get("text") or ""
    offer = last_offer(tracker.events)
    if offer is None and intent == YES_INTENT:
        # "Actually wait, yeah lets do it" right after a no: the offer that no declined.
        offer = reconsidered_offer(tracker.events, text)
    answer = answer_to_offer(intent, text, offer, declined_just_before(tracker.events))
    if answer.step is Step.START_FORM and answer.target:
        dispatcher.utter_message(response=answer.target)
        return [FollowupAction(BOOKING_FORM)]
    if answer.step is Step.ANSWER_TOPIC:
        dispatcher.utter_message(response=f"utter_faq/{answer.target}")
        return [SlotSet(TOPIC_SLOT, answer.target)]
    dispatcher.utter_message(response=STEP_RESPONSES[answer.step])
    return []


class ActionAnswerFollowup(Action):
    def name(self) -> str:
        return "action_answer_followup"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name") or ""
        text = message.get("text") or ""
        if tracker.active_loop_name != BOOKING_FORM and is_yes_to_go_on(intent, text):
            # "Yeah go on then" after an offer: a yes to it, not a "tell me more".
            return take_up_offer(dispatcher, tracker, YES_INTENT)
        topic = last_topic(tracker.events)
        region = region_named(
            text,
            [str(value) for value in tracker.get_latest_entity_values("BODY_REGION")],
        )
        read_as = asked_topic(message)
        followup = resolve(
            intent,
            topic,
            region,
            how_asked(text),
            read_as if points_back(text, read_as) else None,
        )
        response, values = response_of(followup, tracker.get_slot("language"))
        dispatcher.utter_message(response=response, **values)
        return [SlotSet(TOPIC_SLOT, topic_after(followup, topic))]
