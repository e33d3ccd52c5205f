"""Sends the confirmed booking request to the leads store and says what happens next."""

from __future__ import annotations

import asyncio
import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import leads_backend
from actions.booking_form import language
from actions.booking_steps import reset_booking_events
from clinic.booking.conversation import follow_up_text
from clinic.booking.fields import REQUEST_ID_SLOT, BookingDetails
from clinic.leads.limits import conversation_cap_text
from clinic.leads.records import NewLead
from clinic.leads.service import SubmitStatus
from clinic.settings import ClinicSettings
from clinic.text import booking_wording as texts
from clinic.text.language_detect import ENGLISH
from clinic.text.validation import InvalidInput
from clinic.timeutil import utc_now

logger = logging.getLogger(__name__)


class ActionSubmitBooking(Action):
    def name(self) -> str:
        return "action_submit_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("booking_confirmed") is not True:
            dispatcher.utter_message(response="utter_booking_cancelled")
            return reset_booking_events()

        spoken = language(tracker)
        settings = leads_backend.settings()
        now = utc_now()
        details = BookingDetails.from_slots(tracker.current_slot_values())
        try:
            new = NewLead.create(
                details,
                consent=True,
                channel=tracker.get_latest_input_channel() or "unknown",
                conversation_id=tracker.sender_id,
                request_id=tracker.get_slot(REQUEST_ID_SLOT),
                after_hours=settings.after_hours(now),
                now=now,
                language=spoken or ENGLISH,
            )
        except InvalidInput as problem:
            # The form validated every field, so this means a slot was changed behind its back.
            logger.error("booking request from %s rejected: %s", tracker.sender_id, problem)
            dispatcher.utter_message(text=texts.NOT_SENT.text(spoken, problem=problem.text(spoken)))
            return reset_booking_events()

        first_name = details.full_name.split()[0]
        try:
            outcome = await asyncio.to_thread(leads_backend.submit, new)
        except OSError:
            # Neither the database nor the local spool could take it: say so, keep the slots.
            logger.exception("booking request %s could not be stored or spooled", new.reference)
            dispatcher.utter_message(
                text=texts.NOT_SAVED.text(
                    spoken, first_name=first_name, direct_contact=_direct_contact(settings, spoken)
                )
            )
            return []
        said = {
            "first_name": first_name,
            "reference": outcome.reference,
            "follow_up": follow_up_text(settings, now, spoken),
            "kept": texts.KEPT.text(spoken, days=settings.retention_days),
            "direct_contact": _direct_contact(settings, spoken),
        }
        if outcome.status is SubmitStatus.CONVERSATION_CAP:
            cap = leads_backend.limits().max_per_conversation
            dispatcher.utter_message(
                text=texts.CAPPED.text(spoken, cap=conversation_cap_text(cap, spoken), **said)
            )
            return reset_booking_events()
        confirmation = {
            SubmitStatus.ALREADY_STORED: texts.ALREADY_STORED,
            SubmitStatus.STORED: texts.STORED,
        }.get(outcome.status, texts.SPOOLED)
        dispatcher.utter_message(text=confirmation.text(spoken, **said))
        return [*reset_booking_events(), SlotSet("lead_reference", outcome.reference)]


def _direct_contact(settings: ClinicSettings, spoken: str | None) -> str:
    contact = settings.contact_text(spoken)
    if contact:
        return texts.DIRECT_CONTACT.text(spoken, contact=contact)
    return texts.DIRECT_LOCATION.text(spoken, location=settings.location)
