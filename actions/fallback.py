"""The answer to a message the assistant cannot place or help with (out of scope), escalating as
they follow one another."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from clinic.conversations.fallback import FALLBACK_ACTION, consecutive_fallbacks, fallback_response

OUT_OF_SCOPE = "out_of_scope"


class ActionFallback(Action):
    def name(self) -> str:
        return FALLBACK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        count = consecutive_fallbacks(tracker.events)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if count == 1 and intent == OUT_OF_SCOPE:
            # A first question the clinic does not cover is understood: it is out of scope.
            dispatcher.utter_message(response="utter_out_of_scope")
        else:
            dispatcher.utter_message(response=fallback_response(count))
        return []
