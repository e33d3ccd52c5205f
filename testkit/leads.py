"""A valid booking request for tests: NewLead.create with plausible defaults."""

from __future__ import annotations

from datetime import datetime

from clinic.booking.fields import BookingDetails, Concern
from clinic.leads.records import NewLead


def new_lead(
    *,
    full_name: str = "Jane Doe",
    phone: str | None = "(914) 555-0123",
    email: str | None = "jane@example.com",
    concern: str = "lower back",
    concern_detail: str | None = None,
    preferred_time: str | None = "weekday mornings",
    patient_status: str = "new",
    consent: bool = True,
    channel: str = "socketio",
    conversation_id: str = "conversation-1",
    after_hours: bool | None = False,
    request_id: str | None = None,
    now: datetime | None = None,
    language: str = "en",
    phone_extension: str | None = None,
) -> NewLead:
    """The concern and its detail apart, as the leads store keeps them."""
    details = BookingDetails(
        full_name=full_name,
        phone=phone,
        email=email,
        concern=Concern(concern, concern_detail).format(),
        preferred_time=preferred_time or "",
        patient_status=patient_status,
        phone_extension=phone_extension,
    )
    return NewLead.create(
        details,
        consent=consent,
        channel=channel,
        conversation_id=conversation_id,
        after_hours=after_hours,
        request_id=request_id,
        now=now,
        language=language,
    )
