"""Session start: the clinic's configured contact details go into slots the answers can use."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import leads_backend
from clinic.booking.conversation import clinic_details_text


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        details = clinic_details_text(leads_backend.settings())
        return [
            SessionStarted(),
            SlotSet("clinic_details", details),
            SlotSet("clinic_details_known", details is not None),
            ActionExecuted("action_listen"),
        ]
