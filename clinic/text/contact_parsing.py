"""Find phone numbers and email addresses inside free text (a chat message).

Used by the NLU extractor (entities for "actually my number is ...") and by the booking form,
which accepts a phone number, an email address or both in one message. Matching relies on the
phonenumbers and email-validator libraries, not on hand-written patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

DEFAULT_REGION = "US"
# Characters that may wrap an address in chat text: "(jane@x.com)", "jane@x.com," or "<jane@x.com>".
_EMAIL_TRIM = "()<>[]{},;:!?\"'."
# An address said in words: "rebecca dot lindqvist at gmail dot com" (one word or more, "at",
# a domain of two words or more joined by "dot").
_SPOKEN_EMAIL = re.compile(
    r"\b([\w.+-]+(?: dot [\w+-]+)*) at ([\w-]+(?: dot [\w-]+)+)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Found:
    """A piece of contact information and where it stands in the text."""

    text: str
    start: int
    end: int


def find_phone_numbers(text: str, region: str = DEFAULT_REGION) -> list[Found]:
    """Every span that phonenumbers reads as a possible number (validity is checked later)."""
    matcher = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE)
    return [Found(match.raw_string, match.start, match.end) for match in matcher]


def find_emails(text: str) -> list[Found]:
    """Every whitespace-separated word holding an "@" that email-validator accepts as syntax."""
    found = []
    position = 0
    for word in text.split():
        start = text.index(word, position)
        position = start + len(word)
        if "@" not in word:
            continue
        candidate = word.strip(_EMAIL_TRIM)
        try:
            validate_email(candidate, check_deliverability=False)
        except EmailNotValidError:
            continue
        offset = start + word.index(candidate)
        found.append(Found(candidate, offset, offset + len(candidate)))
    return found


# An address said in words after what introduces it, its name in words apart ("use my email
# instead bob martin 62 at yahoo dot com"): those words are the address's name, run together.
_NAME_WORD = r"(?!(?:instead|is|it's|its|address)\b)[\w.+-]+"
_INTRODUCED_EMAIL = re.compile(
    r"\b((?:e-?mail(?: address)?(?: is)?|instead|it's|its|it is)\s+)"
    rf"((?:{_NAME_WORD} ){{1,3}}{_NAME_WORD}(?: dot [\w+-]+)*) at ([\w-]+(?: dot [\w-]+)+)\b",
    re.IGNORECASE,
)


def written_emails(text: str) -> str:
    """`text` with the addresses said in words written as addresses ("rebecca dot lindqvist at
    gmail dot com" -> "rebecca.lindqvist@gmail.com", "my email is bob martin 62 at yahoo dot com"
    -> "my email is bobmartin62@yahoo.com"); a text with an "@" is left as it is."""
    if "@" in text:
        return text
    text = _INTRODUCED_EMAIL.sub(
        lambda match: f"{match.group(1)}{_dots(match.group(2)).replace(' ', '')}"
        f"@{_dots(match.group(3))}",
        text,
    )
    return _SPOKEN_EMAIL.sub(lambda match: f"{_dots(match.group(1))}@{_dots(match.group(2))}", text)


def _dots(spoken: str) -> str:
    return re.sub(r" dot ", ".", spoken, flags=re.IGNORECASE)
