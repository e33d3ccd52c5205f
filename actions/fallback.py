"""The answer to a message the assistant cannot place, escalating as they follow one another."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from clinic.conversations.fallback import FALLBACK_ACTION, consecutive_fallbacks, fallback_response


class ActionFallback(Action):
    def name(self) -> str:
        return FALLBACK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response=fallback_response(consecutive_fallbacks(tracker.events)))
        return []
