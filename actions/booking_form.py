"""Validation of the booking-request form: each answer goes through clinic.validation."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from clinic import contact_parsing
from clinic.booking import DETAIL_LABELS
from clinic.booking_fields import (
    CONCERN_MAX_LENGTH,
    OTHER_CONCERN,
    PREFERRED_TIME_MAX_LENGTH,
    REQUEST_ID_SLOT,
    Concern,
)
from clinic.regions import canonical_region, concern_for_region
from clinic.triage.tiers import TIER_INTENTS
from clinic.validation import (
    InvalidInput,
    normalize_email,
    normalize_free_text,
    normalize_name,
    normalize_phone,
    parse_concern,
    parse_patient_status,
)

# After this many unreadable contact answers the assistant explains why it asks and offers to stop.
CONTACT_ATTEMPTS_BEFORE_HELP = 3

Slots = dict[str, Any]


def detail_buttons() -> list[dict[str, str]]:
    return [
        {"title": label, "payload": f'/change_detail{{"detail": "{detail}"}}'}
        for detail, label in DETAIL_LABELS.items()
    ]


def latest_entities(tracker: Tracker, name: str) -> list[str]:
    return [str(value) for value in tracker.get_latest_entity_values(name)]


class ValidateBookingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_booking_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Rasa runs this validation when the form starts too: a run without a request id gets a
        new one, which keys its lead (the reset clears it when the request ends). A message that
        triage flagged fills nothing, so the form rejects it and the tier's rule answers."""
        if (tracker.latest_message.get("intent") or {}).get("name") in TIER_INTENTS:
            return []
        events = await super().run(dispatcher, tracker, domain)
        if tracker.get_slot(REQUEST_ID_SLOT) is None:
            events.append(SlotSet(REQUEST_ID_SLOT, uuid.uuid4().hex))
        return events

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        slots = list(domain_slots)
        if tracker.get_slot("consent") is False:
            # Without consent nothing is sent: the form ends and the submit action says so.
            slots.remove("booking_confirmed")
        return slots

    async def extract_concern(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        # The slot holds the phrase as the visitor wrote it ("lumbar"); Rasa fills it from the
        # entity by itself, so no action-server call on every message canonicalises it.
        region = tracker.get_slot("body_region")
        canonical = canonical_region(str(region)) if region else None
        if tracker.get_slot("concern") is None and canonical:
            return {"concern": concern_for_region(canonical)}
        return {}

    def validate_full_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if _holds_contact_details(tracker):
            return {"full_name": None}
        try:
            return {"full_name": normalize_name(str(value))}
        except InvalidInput as problem:
            dispatcher.utter_message(text=problem.message)
            return {"full_name": None}

    async def extract_contact(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A phone number or email given while another question is open is a correction."""
        if tracker.get_slot("requested_slot") != "contact" and _holds_contact_details(tracker):
            return {"contact": tracker.latest_message.get("text")}
        return {}

    def validate_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = str(value)
        correcting = tracker.get_slot("requested_slot") != "contact"
        problems: list[str] = []
        phone = _first_valid(normalize_phone, contact_parsing.find_phone_numbers(text), problems)
        email = _first_valid(normalize_email, contact_parsing.find_emails(text), problems)
        if phone or email:
            if correcting:
                phone = phone or tracker.get_slot("contact_phone")
                email = email or tracker.get_slot("contact_email")
                dispatcher.utter_message(text="Thanks, I've updated your contact details.")
            return {
                "contact": ", ".join(part for part in (phone, email) if part),
                "contact_phone": phone,
                "contact_email": email,
                "contact_failures": 0,
            }
        if not problems and "@" in text:
            problems.append(_email_problem(text))
        if not problems and _only_phone_characters(text):
            # Too short for the matcher to call it a number: the validator says what is wrong.
            _first_valid(normalize_phone, [contact_parsing.Found(text, 0, len(text))], problems)
        dispatcher.utter_message(
            text=problems[0]
            if problems
            else "I need a phone number or an email address, for example (914) 555-0123 "
            "or name@example.com."
        )
        if correcting:
            kept = [tracker.get_slot("contact_phone"), tracker.get_slot("contact_email")]
            return {"contact": ", ".join(part for part in kept if part) or None}
        failures = int(tracker.get_slot("contact_failures") or 0) + 1
        if failures >= CONTACT_ATTEMPTS_BEFORE_HELP:
            dispatcher.utter_message(
                text="We only ask so that the front desk can reach you about this request; "
                "it is used for nothing else. If you'd rather not share it, you can stop here.",
                buttons=[{"title": "Stop the request", "payload": "/cancel"}],
            )
        return {"contact": None, "contact_failures": failures}

    def validate_concern(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = str(value)
        given = Concern.parse(text)
        if given.known:
            # A button, an entity or "other: ..." gets the same cleaning as typed words.
            if given.detail is None:
                return {"concern": given.kind}
            try:
                detail = normalize_free_text(given.detail, "concern", CONCERN_MAX_LENGTH)
            except InvalidInput as problem:
                dispatcher.utter_message(text=problem.message)
                return {"concern": None}
            return {"concern": Concern(given.kind, detail).format()}
        if _holds_contact_details(tracker):
            return {"concern": None}
        regions = [canonical_region(phrase) for phrase in latest_entities(tracker, "BODY_REGION")]
        known = [region for region in regions if region]
        if known:
            return {"concern": concern_for_region(known[0])}
        try:
            return {"concern": parse_concern(text)}
        except InvalidInput:
            pass
        try:
            detail = normalize_free_text(text, "concern", CONCERN_MAX_LENGTH)
        except InvalidInput as problem:
            dispatcher.utter_message(text=problem.message)
            return {"concern": None}
        return {"concern": Concern(OTHER_CONCERN, detail).format()}

    def validate_preferred_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if _holds_contact_details(tracker):
            return {"preferred_time": None}
        try:
            cleaned = normalize_free_text(str(value), "days and times", PREFERRED_TIME_MAX_LENGTH)
        except InvalidInput as problem:
            dispatcher.utter_message(text=problem.message)
            return {"preferred_time": None}
        return {"preferred_time": cleaned}

    def validate_patient_status(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if _holds_contact_details(tracker):
            return {"patient_status": None}
        try:
            return {"patient_status": parse_patient_status(str(value))}
        except InvalidInput as problem:
            dispatcher.utter_message(
                text=problem.message,
                buttons=[
                    {"title": "New patient", "payload": '/inform{"patient_status": "new"}'},
                    {
                        "title": "Returning patient",
                        "payload": '/inform{"patient_status": "returning"}',
                    },
                ],
            )
            return {"patient_status": None}

    def validate_booking_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if value is True:
            return {"booking_confirmed": True}
        dispatcher.utter_message(text="What would you like to change?", buttons=detail_buttons())
        return {"booking_confirmed": None, "choosing_detail": True}


def _first_valid(
    normalize: Callable[[str], str], candidates: list[contact_parsing.Found], problems: list[str]
) -> str | None:
    for candidate in candidates:
        try:
            return normalize(candidate.text)
        except InvalidInput as problem:
            problems.append(problem.message)
    return None


def _email_problem(text: str) -> str:
    word = next(word for word in text.split() if "@" in word)
    try:
        normalize_email(word)
    except InvalidInput as problem:
        return problem.message
    return "Please check that email address."


def _holds_contact_details(tracker: Tracker) -> bool:
    """A correction such as "actually my number is ..." is not an answer to another question."""
    return bool(latest_entities(tracker, "phone_number") or latest_entities(tracker, "email"))


def _only_phone_characters(text: str) -> bool:
    stripped = text.strip()
    return any(c.isdigit() for c in stripped) and all(
        c.isdigit() or c in " ()+-./" for c in stripped
    )
