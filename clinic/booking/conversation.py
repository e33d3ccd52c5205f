"""Texts and small decisions of the booking-request conversation, kept free of Rasa."""

from __future__ import annotations

from datetime import datetime

from clinic.booking.fields import BOOKING_FIELDS
from clinic.settings import ClinicSettings

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


def follow_up_text(settings: ClinicSettings, at: datetime) -> str:
    """When the front desk will follow up: never states hours the clinic has not configured."""
    if not settings.hours_configured:
        return "Our front desk will contact you to find a time."
    if settings.is_open(at):
        return "Our front desk is open now and will contact you to find a time."
    reopening = settings.next_opening(at)
    if reopening is None:
        return "Our front desk is closed right now and will contact you when it reopens."
    when = f"{reopening.strftime('%A')} at {reopening.strftime('%I:%M %p').lstrip('0')}"
    return f"Our front desk is closed right now; they will contact you after they open on {when}."


def clinic_details_text(settings: ClinicSettings) -> str | None:
    """The front desk's configured contact details and hours, or None when none are configured."""
    parts = []
    contact = settings.contact_text()
    if contact:
        parts.append(f"You can reach the front desk by {contact}.")
    hours = settings.hours_text()
    if hours:
        parts.append(f"Opening hours: {hours}.")
    return " ".join(parts) or None
