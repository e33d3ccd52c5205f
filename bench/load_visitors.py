"""Scripted visitors of the load bench: what each one types, turn by turn.

Two of every three conversations ask FAQ questions, the third leaves a booking request (button
payloads where the widget offers buttons); each visitor takes turns, so a single visitor does
both. The contact details are fictitious (555 numbers).
"""

from __future__ import annotations

from testkit.booking_script import Booking

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

# The scripted booking visitor of the tests, typing without reading the replies so that every
# booking conversation costs the same turns.
BOOKING_VISITOR = Booking(0, name="Jane Doe", contact="914-555-0123").typed_blind(
    "I'd like to book an appointment"
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
