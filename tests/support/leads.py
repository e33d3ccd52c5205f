"""A valid booking request for tests: NewLead.create with plausible defaults."""

from __future__ import annotations

from clinic.leads.records import NewLead


def new_lead(**overrides: object) -> NewLead:
    """Keyword arguments replace any of the defaults."""
    fields: dict[str, object] = {
        "full_name": "Jane Doe",
        "phone": "(914) 555-0123",
        "email": "jane@example.com",
        "concern": "lower back",
        "concern_detail": None,
        "preferred_time": "weekday mornings",
        "patient_status": "new",
        "consent": True,
        "channel": "socketio",
        "conversation_id": "conversation-1",
        "after_hours": False,
    }
    fields.update(overrides)
    return NewLead.create(**fields)
