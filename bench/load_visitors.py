"""Scripted visitors of the load bench: what each one types, turn by turn.

Two of every three conversations ask FAQ questions, the third leaves a booking request (button
payloads where the widget offers buttons); each visitor takes turns, so a single visitor does
both. The contact details are fictitious (555 numbers).
"""

from __future__ import annotations

FAQ_VISITOR = (
    "Hi",
    "What is ART?",
    "How is ART different from massage?",
    "Can ART help my neck pain?",
    "Does it work for lower back pain?",
    "How many sessions would I need?",
    "thanks",
    "bye",
)

BOOKING_VISITOR = (
    "I'd like to book an appointment",
    "Jane Doe",
    "914-555-0123",
    '/inform{"concern": "neck"}',
    "weekday mornings",
    '/inform{"patient_status": "new"}',
    "yes you can contact me",
    "yes send it",
)


FAQ = "FAQ"
BOOKING = "booking"


def kind_of(visitor: int, conversation: int) -> str:
    """FAQ or booking: what visitor number `visitor` does in its conversation `conversation`."""
    return BOOKING if (visitor + conversation) % 3 == 2 else FAQ


def script_for(visitor: int, conversation: int) -> tuple[str, ...]:
    """The messages visitor number `visitor` sends in its conversation number `conversation`."""
    return BOOKING_VISITOR if kind_of(visitor, conversation) == BOOKING else FAQ_VISITOR


def sender_id(run: str, visitor: int, conversation: int) -> str:
    """A sender id no other visitor, conversation or bench run uses."""
    return f"bench-{run}-{visitor}-{conversation}"
