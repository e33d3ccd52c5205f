"""Normalise what a visitor typed into the values a booking request stores.

Every function raises `InvalidInput` whose `.message` can be shown to the visitor as it is.
"""

from __future__ import annotations

import unicodedata

import phonenumbers
from email_validator import EmailNotValidError, validate_email

DEFAULT_REGION = "US"
NAME_MAX_LENGTH = 100
PHONE_MAX_LENGTH = 40
EMAIL_MAX_LENGTH = 254

CONCERNS = ("neck", "lower back", "other")
_CONCERN_WORDS = {
    "neck": {"neck", "neck pain", "my neck"},
    "lower back": {"lower back", "low back", "lower back pain", "low back pain", "my lower back"},
    "other": {"other", "something else", "else"},
}
PATIENT_STATUSES = ("new", "returning")
_PATIENT_STATUS_WORDS = {
    "new": {"new", "new patient", "first time", "first visit", "first-time", "i am new", "i'm new"},
    "returning": {
        "returning",
        "returning patient",
        "existing",
        "existing patient",
        "current patient",
        "been before",
        "i have been before",
        "i've been before",
        "return",
    },
}
# Apostrophes (straight and typographic), hyphen and period appear in real names.
_NAME_PUNCTUATION = {"'", "\u2019", "-", "."}
# Numbers the front desk must not or cannot call back, with the reason the visitor is given.
_UNCALLABLE_NUMBERS = {
    phonenumbers.PhoneNumberType.PREMIUM_RATE: (
        "That is a premium-rate number, which the front desk does not call."
    ),
    phonenumbers.PhoneNumberType.PAGER: "That is a pager number, which cannot take a call back.",
    phonenumbers.PhoneNumberType.VOICEMAIL: (
        "That is a voicemail access number, which cannot take a call back."
    ),
}
# Scripts that one language writes together (Japanese, Korean): not a mix in a domain label.
_SCRIPT_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}


class InvalidInput(ValueError):
    """Input that cannot be accepted; `message` is a sentence for the visitor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """A phone number in E.164 form; national numbers are read in `region`."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("Please give a phone number.")
    if len(cleaned) > PHONE_MAX_LENGTH:
        raise InvalidInput("That phone number is too long. Please give just the number.")
    if any(character.isalpha() for character in cleaned):
        raise InvalidInput("Please write the phone number with digits only, without an extension.")
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException as error:
        raise InvalidInput(
            "That does not look like a phone number. Please include the area code, "
            "for example (914) 555-0123."
        ) from error
    if number.extension:
        raise InvalidInput("Please give the phone number without an extension.")
    if not phonenumbers.is_valid_number(number):
        raise InvalidInput(
            "That phone number is not complete or not valid. Please include the area code, "
            "for example (914) 555-0123, or a + and the country code for a number abroad."
        )
    uncallable = _UNCALLABLE_NUMBERS.get(phonenumbers.number_type(number))
    if uncallable:
        raise InvalidInput(f"{uncallable} Please give a number the front desk can call.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """A stored E.164 number the way people read it: national form for US numbers."""
    number = phonenumbers.parse(e164, None)
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(text: str) -> str:
    """The address with its domain lower-cased (the local part keeps its case)."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("Please give an email address.")
    if len(cleaned) > EMAIL_MAX_LENGTH:
        raise InvalidInput("That email address is too long.")
    try:
        result = validate_email(cleaned, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidInput(
            f"That email address does not look right ({error}). "
            "Please check it, for example name@example.com."
        ) from error
    if any(len(_scripts(label)) > 1 for label in result.domain.split(".")):
        raise InvalidInput(
            "The part of that email address after the @ mixes letters of different alphabets "
            "(for example a Cyrillic letter among Latin ones), as look-alike addresses do. "
            "Please type it again."
        )
    return result.normalized


def _scripts(label: str) -> set[str]:
    """The scripts of the letters in one domain label, by their Unicode names."""
    scripts = set()
    for character in label:
        if character.isalpha():
            script = unicodedata.name(character, "UNKNOWN").split(" ")[0]
            scripts.add(_SCRIPT_FAMILIES.get(script, script))
    return scripts


def parse_patient_status(text: str) -> str:
    """ "new" or "returning" from the visitor's words."""
    return _choice(
        text,
        _PATIENT_STATUS_WORDS,
        "Please tell me whether you are a new or a returning patient.",
    )


def parse_concern(text: str) -> str:
    """ "neck", "lower back" or "other" from the visitor's words."""
    return _choice(text, _CONCERN_WORDS, "Please choose neck, lower back or something else.")


def _choice(text: str, choices: dict[str, set[str]], problem: str) -> str:
    words = collapse_whitespace(text.strip().lower().rstrip(".!"))
    for value, accepted in choices.items():
        if words in accepted:
            return value
    raise InvalidInput(problem)


def normalize_name(text: str) -> str:
    """A person's name: letters with spaces, apostrophes, hyphens or periods between them."""
    name = collapse_whitespace(unicodedata.normalize("NFC", text))
    if not name:
        raise InvalidInput("Please tell me your name.")
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidInput(f"Please keep your name under {NAME_MAX_LENGTH} characters.")
    if not any(character.isalpha() for character in name):
        raise InvalidInput("Please tell me your name using letters.")
    for character in name:
        category = unicodedata.category(character)
        if not (
            category.startswith(("L", "M")) or character == " " or character in _NAME_PUNCTUATION
        ):
            raise InvalidInput(
                "Please give your name with letters only (hyphens and apostrophes are fine)."
            )
    return name


def normalize_free_text(text: str, what: str, max_length: int) -> str:
    """Free text such as a preferred time: control characters removed, whitespace collapsed."""
    printable = "".join(
        " " if unicodedata.category(character).startswith("C") else character for character in text
    )
    cleaned = collapse_whitespace(printable)
    if not cleaned:
        raise InvalidInput(f"Please tell me the {what}.")
    if len(cleaned) > max_length:
        raise InvalidInput(f"Please keep the {what} under {max_length} characters.")
    return cleaned
