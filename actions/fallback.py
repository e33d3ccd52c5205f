"""The answer to a message the assistant cannot place or help with (out of scope), escalating as
they follow one another."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from clinic.conversations.context import (
    STAYING_TOPICS,
    TOPIC_SLOT,
    Followup,
    last_topic,
    opens_as_followup,
    response_of,
)
from clinic.conversations.fallback import FALLBACK_ACTION, consecutive_fallbacks, fallback_response

OUT_OF_SCOPE = "out_of_scope"


class ActionFallback(Action):
    def name(self) -> str:
        return FALLBACK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        topic = last_topic(tracker.events)
        if (
            intent == OUT_OF_SCOPE
            and topic in STAYING_TOPICS
            and opens_as_followup(tracker.latest_message.get("text") or "")
        ):
            # "And are they in on saturdays?" after "I don't have that information": the same
            # answer, as for any follow-up of it, not the out-of-scope one.
            response, values = response_of(Followup(topic), tracker.get_slot("language"))
            dispatcher.utter_message(response=response, **values)
            return [SlotSet(TOPIC_SLOT, topic)]
        count = consecutive_fallbacks(tracker.events)
        if count == 1 and intent == OUT_OF_SCOPE:
            # A first question the clinic does not cover is understood: it is out of scope.
            dispatcher.utter_message(response="utter_out_of_scope")
        else:
            dispatcher.utter_message(response=fallback_response(count))
        return []
