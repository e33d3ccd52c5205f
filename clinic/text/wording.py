"""A text the assistant says in each of its languages, kept together so that neither is missed.

The responses of `domain.yml/` carry their Spanish as conditional variations; the texts the
actions build (the booking request's validation messages, its summary and confirmation) are
Wordings, listed in `clinic/text/booking_wording.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic.text.language_detect import SPANISH


@dataclass(frozen=True)
class Wording:
    """English and Spanish of one text; `{name}` places take values when it is said."""

    en: str
    es: str

    def text(self, language: object = None, **values: object) -> str:
        """The text in `language` ("es" for Spanish, anything else English); a value that is
        itself a Wording is said in the same language."""
        template = self.es if language == SPANISH else self.en
        if not values:
            return template
        return template.format(
            **{
                name: value.text(language) if isinstance(value, Wording) else value
                for name, value in values.items()
            }
        )
