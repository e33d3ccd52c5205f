"""The one scripted visitor who leaves a booking request: its answer to each question the
assistant asks, and the lead reference it is given at the end. Used by the REST end-to-end tests,
the production profile's visitors, the log-privacy test and the load bench."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

START = "I'd like to book an appointment for my back"
REFERENCE = re.compile(r"\bPCX-[0-9A-Z]{6}\b")
FIRST_NAMES = ("Ava", "Ben", "Cara", "Dev", "Elena", "Finn", "Grace", "Hugo", "Iris", "Jonah")
LAST_NAMES = ("Brooks", "Castillo", "Dunn", "Ellis", "Foster")
NEW_PATIENT = '/inform{"patient_status": "new"}'
CONFIRM = "/affirm"


@dataclass
class Booking:
    """The answers of visitor number `index`: its name and phone are its own unless given."""

    index: int
    name: str | None = None
    contact: str | None = None
    concern: str = "my lower back"
    times: str = "weekday mornings"

    @property
    def full_name(self) -> str:
        if self.name:
            return self.name
        first = FIRST_NAMES[self.index % len(FIRST_NAMES)]
        last = LAST_NAMES[self.index // len(FIRST_NAMES) % len(LAST_NAMES)]
        return f"{first} {last}"

    @property
    def phone(self) -> str:
        """As the visitor types it."""
        return f"(914) 555-{100 + self.index:04d}"

    @property
    def stored_phone(self) -> str:
        return "+1" + "".join(digit for digit in self.phone if digit.isdigit())

    def script(self) -> tuple[tuple[str, str], ...]:
        """(words of the assistant's question, the reply), in the form's order."""
        return (
            ("full name", self.full_name),
            ("phone number or email", self.contact or self.phone),
            ("What would you like help with", self.concern),
            ("Which days and times", self.times),
            ("new or a returning", NEW_PATIENT),
            ("- Name:", CONFIRM),
            ("Shall I send it to the front desk", CONFIRM),
        )

    def answer(self, asked: str) -> str | None:
        """The reply to the assistant's last words, None when it asked nothing this script
        knows."""
        return next((reply for question, reply in self.script() if question in asked), None)

    def typed_blind(self, start: str) -> tuple[str, ...]:
        """Every message from `start` to the confirmation, for a visitor who types without
        reading the replies (the load bench): one per form question, the summary's included."""
        return (start, *(reply for _, reply in self.script()[:-1]))


def reference_in(text: str) -> str | None:
    """The lead reference the assistant gave (stored or kept in the spool), if any."""
    found = REFERENCE.search(text)
    return found[0] if found else None


def book(say: Callable[[str], str], booking: Booking, start: str = START, turns: int = 12) -> str:
    """Answers whatever `say` (one turn: the visitor's message in, the replies' text out) is
    asked until a reference is given; fails with the last replies otherwise."""
    message = start
    for _ in range(turns):
        replies = say(message)
        reference = reference_in(replies)
        if reference:
            return reference
        answer = booking.answer(replies)
        assert answer is not None, f"unexpected question: {replies}"
        message = answer
    raise AssertionError(f"no reference after {turns} turns")
