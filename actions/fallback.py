"""The answer to a message the assistant cannot place or help with (out of scope), escalating as
they follow one another."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.conversation import take_up_offer
from clinic.conversations.after_tier import caring_reply
from clinic.conversations.context import (
    STAYING_TOPICS,
    TOPIC_SLOT,
    Followup,
    followup_in_words,
    how_asked,
    last_topic,
    opens_as_followup,
    region_named,
    resolve,
    response_of,
    topic_after,
)
from clinic.conversations.fallback import FALLBACK_ACTION, consecutive_fallbacks, fallback_response
from clinic.conversations.offers import NO_INTENT, last_offer, reply_to_offer_in_words
from clinic.text.deferral import is_deferral

OUT_OF_SCOPE = "out_of_scope"


def _followup(tracker: Tracker, text: str, topic: str | None) -> Followup | None:
    """A follow-up of the last topic that the NLU could not place, or None. "And are they in on
    saturdays?" after "I don't have that information" stays on it, as any follow-up of it does;
    "what about my lower back then, does ART help that" switches the region, "does it work for
    that even if they're every day?" asks whether ART works for the topic."""
    if topic is None:
        return None
    intent = followup_in_words(text)
    if intent is None and topic in STAYING_TOPICS and opens_as_followup(text):
        return Followup(topic)
    if intent is None:
        return None
    regions = [str(value) for value in tracker.get_latest_entity_values("BODY_REGION")]
    followup = resolve(intent, topic, region_named(text, regions), how_asked(text))
    return followup if followup.topic is not None else None


class ActionFallback(Action):
    def name(self) -> str:
        return FALLBACK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text") or ""
        caring = caring_reply(tracker.events, text)
        if caring:
            # "My wife is driving me" after the emergency answer: its caring reply.
            dispatcher.utter_message(response=caring)
            return []
        offer = last_offer(tracker.events)
        if offer and is_deferral(text):
            # "Hmm, maybe another time" after an offer: a no to it.
            return take_up_offer(dispatcher, tracker, NO_INTENT)
        reply = reply_to_offer_in_words(text, offer)
        if reply is not None:
            # "Yes i think i should get evaluated" after an offer that asks: a yes to it.
            return take_up_offer(dispatcher, tracker, reply)
        topic = last_topic(tracker.events)
        followup = _followup(tracker, text, topic)
        if followup is not None:
            response, values = response_of(followup, tracker.get_slot("language"))
            dispatcher.utter_message(response=response, **values)
            return [SlotSet(TOPIC_SLOT, topic_after(followup, topic))]
        count = consecutive_fallbacks(tracker.events)
        if count == 1 and intent == OUT_OF_SCOPE:
            # A first question the clinic does not cover is understood: it is out of scope.
            dispatcher.utter_message(response="utter_out_of_scope")
        else:
            dispatcher.utter_message(response=fallback_response(count))
        return []
