"""Texts and small decisions of the booking-request conversation, kept free of Rasa."""

from __future__ import annotations

from datetime import datetime

from clinic.booking.fields import BOOKING_FIELDS
from clinic.settings import ClinicSettings
from clinic.text import booking_wording as texts

DETAIL_LABELS = {field.slot: field.change_label for field in BOOKING_FIELDS}
# Slots each detail clears when the visitor wants to change it.
DETAIL_SLOTS = {field.slot: (*field.slots, *field.also_clears) for field in BOOKING_FIELDS}
_BY_CUE_RANK = sorted(BOOKING_FIELDS, key=lambda field: field.cue_rank)


def detail_from_text(text: str) -> str | None:
    """The booking field a change request names, or None when it names none."""
    lowered = " ".join(text.lower().split())
    words = set(lowered.replace("?", " ").replace(".", " ").replace(",", " ").split())
    for field in _BY_CUE_RANK:
        if any((cue in lowered) if " " in cue else (cue in words) for cue in field.change_cues):
            return field.slot
    return None


def follow_up_text(settings: ClinicSettings, at: datetime, language: object = None) -> str:
    """When the front desk will follow up (the after-hours promise outside opening hours), in
    the conversation's language: never states hours the clinic has not configured."""
    if not settings.hours_configured:
        return texts.FOLLOW_UP_UNKNOWN_HOURS.text(language)
    if settings.is_open(at):
        return texts.FOLLOW_UP_OPEN.text(language)
    reopening = settings.next_opening(at)
    if reopening is None:
        return texts.FOLLOW_UP_CLOSED.text(language)
    return texts.FOLLOW_UP_REOPENS.text(
        language,
        day=texts.WEEKDAYS[reopening.weekday()],
        time=reopening.strftime("%I:%M %p").lstrip("0"),
    )


def clinic_details_text(settings: ClinicSettings, language: object = None) -> str | None:
    """The front desk's configured contact details and hours in `language` ("es" for Spanish,
    else English), or None when none are configured."""
    parts = []
    contact = settings.contact_text(language)
    if contact:
        parts.append(texts.REACH_FRONT_DESK.text(language, contact=contact))
    hours = settings.hours_text(language)
    if hours:
        parts.append(texts.OPENING_HOURS.text(language, hours=hours))
    return " ".join(parts) or None
