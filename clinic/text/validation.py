"""Normalise what a visitor typed into the values a booking request stores.

Every function raises `InvalidInput` whose `.message` can be shown to the visitor as it is.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import get_close_matches

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
# Phrases that settle new or returning whatever else the answer says ("not my first time", "never
# been before"), then the plain cues of each; an answer with cues of both is asked again.
_NOT_NEW = ("not new", "not a new", "not my first", "not the first", "isn't my first", "not first")
_NEVER_BEEN = (
    "never",
    "haven't been",
    "have not been",
    "havent been",
    "not been",
    "not a patient",
    "not yet a patient",
    "didn't come",
)
_PATIENT_STATUS_CUES = {
    "new": ("new", "first time", "first visit", "first appointment", "first-time", "brand new"),
    "returning": (
        "returning",
        "return",
        "existing",
        "current patient",
        "already a patient",
        "was a patient",
        "been a patient",
        "been before",
        "been there",
        "been here",
        "been in",
        "been to",
        "been coming",
        "been seeing",
        "came in",
        "come in",
        "came before",
        "seen dr",
        "saw dr",
        "seen by",
        "a few times",
        "again",
        "before",
        "last year",
        "last spring",
        "last summer",
        "last fall",
        "last winter",
        "last month",
        "years ago",
        "regular",
        "previous",
    ),
}
# Longer words a typo may reach ("returnig", "exsisting"), by what they are.
_TYPO_TARGETS = ("returning", "existing", "patient", "before", "first")
# Replies that answer no question of the form: asked again, never stored as a name or a time.
NON_ANSWERS = frozenset(
    {
        "yes", "yeah", "yep", "yup", "ya", "sure", "ok", "okay", "k", "no", "nope", "nah", "hi",
        "hello", "hey", "thanks", "thank you", "ty", "idk", "i don't know", "i dont know",
        "dunno", "not sure", "what", "huh", "why", "test", "asdf", "none", "nothing", "n/a",
        "na", "maybe", "hmm", "um", "uh", "lol", "skip", "pass",
    }
)  # fmt: skip
_YES = frozenset(
    {
        "yes", "yeah", "yea", "yep", "yup", "ya", "yas", "yeh", "yah", "yess", "yse", "ys",
        "sure", "ok", "okay", "oky", "k", "kk", "correct", "right", "fine", "good", "great",
        "perfect", "absolutely", "definitely", "confirm", "confirmed", "send", "submit",
        "agree", "affirmative",
    }
)  # fmt: skip
_NO = frozenset(
    {"no", "nope", "nah", "not", "don't", "dont", "isn't", "wrong", "incorrect", "change", "fix"}
)
# Phrases that hold a "no" but mean yes or nothing.
_NOT_REFUSALS = ("no problem", "no worries", "why not", "not a problem")
# How a visitor opens a sentence that gives their name.
_NAME_LEAD_IN = re.compile(
    r"^(?:(?:hi|hello|hey|sure|ok|okay|yes|yeah)\b[\s,!.]*)?"
    r"(?:my (?:full )?name is|my name's|name's|name is|name:|the name is|i am|i'm|it's|its"
    r"|it is|this is|call me)\s+",
    re.IGNORECASE,
)
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
    """ "new" or "returning" from the visitor's words ("never been", "I came in last spring")."""
    words = _answer_words(text)
    padded = f" {' '.join(_corrected(word) for word in words.split())} "
    if _mentions(padded, _NOT_NEW):
        return "returning"
    if _mentions(padded, _NEVER_BEEN):
        return "new"
    found = {status for status, cues in _PATIENT_STATUS_CUES.items() if _mentions(padded, cues)}
    if len(found) == 1:
        return found.pop()
    raise InvalidInput("Please tell me whether you are a new or a returning patient.")


def parse_yes_no(text: str) -> bool | None:
    """True for a yes, False for a no (a "yes, but change the time" too), None for neither."""
    words = _answer_words(text)
    for polite in _NOT_REFUSALS:
        words = words.replace(polite, " ")
    tokens = set(words.split())
    if tokens & _NO:
        return False
    if tokens & _YES or _mentions(f" {words} ", ("all good", "looks good", "go ahead")):
        return True
    return None


def is_non_answer(text: str) -> bool:
    """A reply such as "yes", "hello" or "idk" that answers none of the form's questions."""
    return _answer_words(text) in NON_ANSWERS


def _answer_words(text: str) -> str:
    """Lower case, typographic apostrophes straightened, punctuation other than ' and - gone."""
    lowered = text.lower().replace("\u2019", "'")
    kept = "".join(c if c.isalnum() or c in "'-" else " " for c in lowered)
    return collapse_whitespace(kept)


def _corrected(word: str) -> str:
    if len(word) < 5 or word in _TYPO_TARGETS:
        return word
    close = get_close_matches(word, _TYPO_TARGETS, n=1, cutoff=0.8)
    return close[0] if close else word


def _mentions(padded: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {phrase} " in padded for phrase in phrases)


def parse_concern(text: str) -> str:
    """ "neck", "lower back" or "other" from the visitor's words."""
    return _choice(text, _CONCERN_WORDS, "Please choose neck, lower back or something else.")


def _choice(text: str, choices: dict[str, set[str]], problem: str) -> str:
    words = collapse_whitespace(text.strip().lower().rstrip(".!"))
    for value, accepted in choices.items():
        if words in accepted:
            return value
    raise InvalidInput(problem)


def parse_name(text: str) -> str:
    """The name in an answer such as "my name is Jane Doe." or "it's Tom"."""
    name = collapse_whitespace(text).rstrip(".!,")
    while (opening := _NAME_LEAD_IN.match(name + " ")) is not None:
        name = name[opening.end() :]
    if is_non_answer(name) or name.lower().split(" ")[0] in {"", "why", "what", "how", "who"}:
        raise InvalidInput("Please tell me your full name, for example Jane Doe.")
    return normalize_name(name)


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
