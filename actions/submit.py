"""Sends the confirmed booking request to the leads store and says what happens next."""

from __future__ import annotations

import asyncio
import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import leads_backend
from actions.booking_steps import reset_booking_events
from clinic.booking.conversation import follow_up_text
from clinic.booking.fields import REQUEST_ID_SLOT, BookingDetails
from clinic.leads.limits import conversation_cap_text
from clinic.leads.records import NewLead
from clinic.leads.service import SubmitStatus
from clinic.settings import ClinicSettings
from clinic.text.validation import InvalidInput
from clinic.timeutil import utc_now

logger = logging.getLogger(__name__)


class ActionSubmitBooking(Action):
    def name(self) -> str:
        return "action_submit_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("consent") is not True:
            dispatcher.utter_message(response="utter_no_consent")
            return reset_booking_events()
        if tracker.get_slot("booking_confirmed") is not True:
            dispatcher.utter_message(response="utter_booking_cancelled")
            return reset_booking_events()

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
            )
        except InvalidInput as problem:
            # The form validated every field, so this means a slot was changed behind its back.
            logger.error("booking request from %s rejected: %s", tracker.sender_id, problem)
            dispatcher.utter_message(text=f"Sorry, I couldn't send that request. {problem.message}")
            return reset_booking_events()

        first_name = details.full_name.split()[0]
        try:
            outcome = await asyncio.to_thread(leads_backend.submit, new)
        except OSError:
            # Neither the database nor the local spool could take it: say so, keep the slots.
            logger.exception("booking request %s could not be stored or spooled", new.reference)
            dispatcher.utter_message(
                text=f"Sorry, {first_name}, I couldn't save your request just now. Please try "
                f"again in a little while, or {_direct_contact(settings)}"
            )
            return []
        if outcome.status is SubmitStatus.CONVERSATION_CAP:
            cap = leads_backend.limits().max_per_conversation
            dispatcher.utter_message(
                text=f"Sorry, {first_name}. {conversation_cap_text(cap)} If it's urgent, "
                f"{_direct_contact(settings)}"
            )
            return reset_booking_events()
        if outcome.status is SubmitStatus.ALREADY_STORED:
            dispatcher.utter_message(
                text=f"We already have this request from you, {first_name}: reference "
                f"{outcome.reference}. {follow_up_text(settings, now)}"
            )
        elif outcome.status is SubmitStatus.STORED:
            dispatcher.utter_message(
                text=f"Thank you, {first_name}. Your request is with our front desk, reference "
                f"{outcome.reference}. {follow_up_text(settings, now)} This is a request, not a "
                f"confirmed appointment yet. {_what_is_kept(settings)}"
            )
        else:
            dispatcher.utter_message(
                text=f"Thank you, {first_name}. Our system can't reach the front desk's list right "
                f"now, so I've kept your request safely and it will be passed on as soon as it's "
                f"back. Your reference is {outcome.reference}. If it's urgent, "
                f"{_direct_contact(settings)} {_what_is_kept(settings)}"
            )
        return [*reset_booking_events(), SlotSet("lead_reference", outcome.reference)]


def _what_is_kept(settings: ClinicSettings) -> str:
    return (
        "The front desk keeps your details with this request for up to "
        f"{settings.retention_days} days; this chat's record no longer holds them."
    )


def _direct_contact(settings: ClinicSettings) -> str:
    contact = settings.contact_text()
    if contact:
        return f"you can reach the clinic directly by {contact}."
    return f"please contact the clinic in {settings.location} directly."
