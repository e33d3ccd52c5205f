"""Session start: the clinic's configured contact details, in English and in Spanish, go into slots
the answers can use, and the widget page's language (its session metadata) into the `language`
slot."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import leads_backend
from clinic.booking.conversation import clinic_details_text
from clinic.text.language_choice import page_language
from clinic.text.language_detect import SPANISH


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        settings = leads_backend.settings()
        details = clinic_details_text(settings)
        language = page_language(tracker.get_slot("session_started_metadata"))
        return [
            SessionStarted(),
            SlotSet("clinic_details", details),
            SlotSet("clinic_details_es", clinic_details_text(settings, SPANISH)),
            SlotSet("clinic_details_known", details is not None),
            *([SlotSet("language", language)] if language else []),
            ActionExecuted("action_listen"),
        ]
