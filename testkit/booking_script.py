"""A visitor's scripted booking request: its answer to each question the assistant asks, and
the lead reference it is given at the end. Used by the REST end-to-end tests and by the
production profile's visitors."""

from __future__ import annotations

import re
from dataclasses import dataclass

START = "I'd like to book an appointment for my back"
REFERENCE = re.compile(r"\bPCX-[0-9A-Z]{6}\b")
FIRST_NAMES = ("Ava", "Ben", "Cara", "Dev", "Elena", "Finn", "Grace", "Hugo", "Iris", "Jonah")
LAST_NAMES = ("Brooks", "Castillo", "Dunn", "Ellis", "Foster")


@dataclass
class Booking:
    """The answers of visitor number `index` (its name and phone are its own)."""

    index: int

    @property
    def full_name(self) -> str:
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

    def answer(self, asked: str) -> str | None:
        """The reply to the assistant's last words, None when it asked nothing this script
        knows."""
        script = (
            ("full name", self.full_name),
            ("phone number or email", self.phone),
            ("What would you like help with", "my lower back"),
            ("Which days and times", "weekday mornings"),
            ("new or a returning", '/inform{"patient_status": "new"}'),
            ("May the ProClinix front desk contact you", "yes, that's fine"),
            ("- Name:", "/affirm"),
            ("Shall I send it to the front desk", "/affirm"),
        )
        for question, reply in script:
            if question in asked:
                return reply
        return None


def reference_in(text: str) -> str | None:
    """The lead reference the assistant gave (stored or kept in the spool), if any."""
    found = REFERENCE.search(text)
    return found[0] if found else None
