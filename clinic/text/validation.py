"""Normalise what a visitor typed into the values a booking request stores.

Every function raises `InvalidInput` whose `.message` can be shown to the visitor as it is, and
whose `.text(language)` gives it in the conversation's language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import get_close_matches

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from clinic.text import booking_wording as texts
from clinic.text.language_detect import ENGLISH
from clinic.text.wording import Wording

DEFAULT_REGION = "US"
NAME_MAX_LENGTH = 100
PHONE_MAX_LENGTH = 40
# An office line's extension ("ext. 23", "x4"): digits only, as many as a switchboard takes.
PHONE_EXTENSION_MAX_DIGITS = 7
# The mark before an extension at the end of a number: "ext. 23", "extension 5", "x4".
_EXTENSION_MARK = re.compile(r"(?:ext(?:ension)?\.?|x)\s*(?=\d+\s*$)", re.IGNORECASE)
EMAIL_MAX_LENGTH = 254

CONCERNS = ("neck", "lower back", "other")
_CONCERN_WORDS = {
    "neck": {"neck", "neck pain", "my neck", "cuello", "el cuello", "mi cuello"},
    "lower back": {
        "lower back", "low back", "lower back pain", "low back pain", "my lower back",
        "espalda baja", "la espalda baja", "mi espalda baja", "zona lumbar", "lumbar",
    },
    "other": {"other", "something else", "else", "otra cosa", "otro", "otra"},
}  # fmt: skip
PATIENT_STATUSES = ("new", "returning")
# Phrases that settle new or returning whatever else the answer says ("not my first time", "never
# been before"), then the plain cues of each; an answer with cues of both is asked again. Spanish
# cues avoid "paciente", which the typo correction below reads as "patient".
_NOT_NEW = (
    "not new",
    "not a new",
    "not my first",
    "not the first",
    "isn't my first",
    "not first",
    "in a while",
    "in ages",
    "in years",
    "in a long time",
    "no soy nuevo",
    "no soy nueva",
    "no es mi primera",
    "no es la primera",
)
_NEVER_BEEN = (
    "never",
    "haven't been",
    "have not been",
    "havent been",
    "haven't",
    "havent",
    "have not",
    "not yet",
    "not been",
    "not a patient",
    "not yet a patient",
    "didn't come",
    "nunca",
    "no he ido",
    "no he venido",
    "no he estado",
)
_PATIENT_STATUS_CUES = {
    "new": (
        "new",
        "first time",
        "first visit",
        "first appointment",
        "first-time",
        "first timer",
        "first-timer",
        "first",
        "1st",
        "brand new",
        "newbie",
        "nuevo",
        "nueva",
        "primera vez",
        "primera cita",
        "primera visita",
    ),
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
        "was there",
        "was in there",
        "went there",
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
        "couple times",
        "couple of times",
        "been once",
        "once before",
        # "She came once in 2023 for her ankle".
        "came once",
        "came twice",
        "came last",
        "few sessions",
        "had a session",
        "had sessions",
        "a while back",
        "a while ago",
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
        "ya soy",
        "ya he",
        "ya fui",
        "ya vine",
        "he ido",
        "he venido",
        "antes",
        "otra vez",
        "el año pasado",
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
        "sí", "si", "vale", "bueno", "hola", "gracias", "no sé", "no se", "qué", "que", "nada",
        "ninguno", "quizás", "quizas", "tal vez",
    }
)  # fmt: skip
_YES = frozenset(
    {
        "yes", "yeah", "yea", "ye", "yep", "yup", "ya", "yas", "yeh", "yah", "yess", "yse", "ys",
        "sure", "ok", "okay", "oky", "k", "kk", "correct", "right", "fine", "good", "great",
        "perfect", "absolutely", "definitely", "confirm", "confirmed", "send", "submit",
        "agree", "affirmative",
        "sí", "si", "claro", "vale", "correcto", "bien", "perfecto", "acuerdo", "dale", "envíela",
        "enviela", "envíala", "enviala", "envíelo", "envielo",
    }
)  # fmt: skip
_NO = frozenset(
    {
        "no", "nope", "nah", "not", "don't", "dont", "isn't", "wrong", "incorrect", "change", "fix",
        "cambiar", "cambie", "cambien", "incorrecto", "incorrecta", "corregir",
    }
)  # fmt: skip
# "Go" alone sends, as "go ahead" does.
_GO = frozenset({"go", "lets go", "let's go"})
# Phrases that hold a "no" but mean yes or nothing.
_NOT_REFUSALS = (
    "no problem",
    "no worries",
    "why not",
    "not a problem",
    "no hay problema",
    "por qué no",
    "por que no",
)
# How a visitor opens a sentence that gives their name.
_NAME_LEAD_IN = re.compile(
    r"^(?:(?:hi|hello|hey|sure|ok|okay|yes|yeah)\b[\s,!.]*)?"
    r"(?:my (?:full )?name is|my name's|name's|name is|name:|the name is|i am|i'm|it's|its"
    r"|it is|this is|call me|me llamo|mi nombre es|mi nombre completo es|soy)\s+",
    re.IGNORECASE,
)
# Who the request is for, told before the name ("its for my husband, Tomás Ibáñez").
_FOR_SOMEONE = re.compile(
    r"^(?:(?:it'?s|it is|this is|the request is)\s+)?for (?:my|our) [^\W\d_]+$", re.IGNORECASE
)
# Words that open a name answer before a comma and are no part of it ("ok fine, Jasmine Ortiz").
_NAME_FILLERS = frozenset(
    {
        "ok", "okay", "fine", "sure", "yes", "yeah", "yep", "alright", "right", "well", "oh",
        "um", "uh", "hi", "hello", "hey", "sorry", "oops",
    }
)  # fmt: skip
# What follows a name after a comma and tells about the visitor ("Linda Park, im her daughter")
# or the name ("mike t, short for michael", "Linda Chen-Walsh, married name").
_AFTER_NAME = re.compile(
    r"(?:i'm|im|i am|it's|its|he's|she's|his|her|my|and|calling|thanks|thank you"
    r"|short for|married|maiden|legal|nickname|not)\b",
    re.IGNORECASE,
)
# Words of a yes that names no one ("yes, please", "ok, let's do it").
_NO_NAME_WORDS = frozenset({"please", "pls", "do", "it", "let's", "lets", "go", "ahead", "thanks"})
_ASIDE = re.compile(r"\s*\([^)]*\)")
_FILLER_OPENING = re.compile(rf"(?:{'|'.join(sorted(_NAME_FILLERS))})\b[\s,.!]+", re.IGNORECASE)
# First words of a question, never of a name.
_NOT_A_NAME_START = frozenset({"", "why", "what", "how", "who", "qué", "por", "cómo", "quién"})
# Apostrophes (straight and typographic), hyphen and period appear in real names.
_NAME_PUNCTUATION = {"'", "\u2019", "-", "."}
# Numbers the front desk must not or cannot call back, with the reason the visitor is given.
_UNCALLABLE_NUMBERS = {
    phonenumbers.PhoneNumberType.PREMIUM_RATE: texts.PHONE_PREMIUM_RATE,
    phonenumbers.PhoneNumberType.PAGER: texts.PHONE_PAGER,
    phonenumbers.PhoneNumberType.VOICEMAIL: texts.PHONE_VOICEMAIL,
}
# Scripts that one language writes together (Japanese, Korean): not a mix in a domain label.
_SCRIPT_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}


class InvalidInput(ValueError):
    """Input that cannot be accepted; `message` is a sentence for the visitor, in English, and
    `text(language)` the same in the conversation's language when it is given as a Wording."""

    def __init__(self, message: str | Wording, **values: object) -> None:
        self.wording = message if isinstance(message, Wording) else Wording(message, message)
        self.values = values
        self.message = self.wording.text(ENGLISH, **values)
        super().__init__(self.message)

    def text(self, language: object) -> str:
        return self.wording.text(language, **self.values)


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Phone:
    """A phone number in E.164 form and its extension (digits), if the visitor gave one."""

    e164: str
    extension: str | None = None


def parse_phone(text: str, region: str = DEFAULT_REGION) -> Phone:
    """A phone number and its extension ("914-555-0123 ext 12", "(914) 555 0161 x4"); national
    numbers are read in `region`."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput(texts.PHONE_MISSING)
    if len(cleaned) > PHONE_MAX_LENGTH:
        raise InvalidInput(texts.PHONE_TOO_LONG)
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException as error:
        raise InvalidInput(texts.PHONE_UNREADABLE) from error
    # Letters are only allowed as the extension's mark ("ext.", "x"), never in the number.
    if any(character.isalpha() for character in _EXTENSION_MARK.sub("", cleaned)):
        raise InvalidInput(texts.PHONE_LETTERS)
    extension = number.extension or None
    if extension is not None and not is_phone_extension(extension):
        raise InvalidInput(texts.PHONE_EXTENSION)
    number.extension = None
    if not phonenumbers.is_valid_number(number):
        raise InvalidInput(texts.PHONE_INVALID)
    uncallable = _UNCALLABLE_NUMBERS.get(phonenumbers.number_type(number))
    if uncallable:
        raise InvalidInput(texts.PHONE_UNCALLABLE, reason=uncallable)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(e164, extension)


def is_phone_extension(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= PHONE_EXTENSION_MAX_DIGITS


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """A phone number in E.164 form, without an extension; national numbers are read in
    `region`."""
    phone = parse_phone(text, region)
    if phone.extension is not None:
        raise InvalidInput(texts.PHONE_EXTENSION)
    return phone.e164


def format_phone(e164: str, extension: str | None = None) -> str:
    """A stored E.164 number the way people read it: national form for US numbers, and the
    extension after it ("(914) 555-0123 ext. 12")."""
    number = phonenumbers.parse(e164, None)
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    else:
        text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"{text} ext. {extension}" if extension else text


def normalize_email(text: str) -> str:
    """The address with its domain lower-cased (the local part keeps its case)."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput(texts.EMAIL_MISSING)
    if len(cleaned) > EMAIL_MAX_LENGTH:
        raise InvalidInput(texts.EMAIL_TOO_LONG)
    try:
        result = validate_email(cleaned, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidInput(texts.EMAIL_INVALID, problem=error) from error
    if any(len(_scripts(label)) > 1 for label in result.domain.split(".")):
        raise InvalidInput(texts.EMAIL_MIXED_SCRIPTS)
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
    raise InvalidInput(texts.PATIENT_STATUS_UNCLEAR)


# Signs that say yes or no on their own: a thumbs-up at the summary sends it.
_YES_SIGNS = frozenset("👍👌✅")
_NO_SIGNS = frozenset("👎❌")


def parse_yes_no(text: str) -> bool | None:
    """True for a yes, False for a no (a "yes, but change the time" too), None for neither."""
    words = _answer_words(text)
    if not words:
        # Only signs: a thumbs-up is a yes, a thumbs-down a no (skin tones aside).
        signs = set(text) - set(" \ufe0f") - {chr(c) for c in range(0x1F3FB, 0x1F400)}
        if signs and signs <= _YES_SIGNS:
            return True
        if signs and signs <= _NO_SIGNS:
            return False
        return None
    for polite in _NOT_REFUSALS:
        words = words.replace(polite, " ")
    tokens = set(words.split())
    if tokens & _NO:
        return False
    if tokens & _YES or _mentions(
        f" {words} ", ("all good", "looks good", "go ahead", "go for it")
    ):
        return True
    if words in _GO:
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
    return _choice(text, _CONCERN_WORDS, texts.CONCERN_CHOICE)


_NECK_MENTIONS = ("neck", "cuello")
_LOWER_BACK_MENTIONS = ("lower back", "low back", "lumbar", "espalda baja", "baja de la espalda")


def covered_region_in(text: str) -> str | None:
    """ "neck" or "lower back" when the words name one of them ("dolor en la parte baja de la
    espalda", "stiff neck from desk work"), else None."""
    lowered = collapse_whitespace(text.lower())
    if any(mention in lowered for mention in _NECK_MENTIONS):
        return "neck"
    if any(mention in lowered for mention in _LOWER_BACK_MENTIONS):
        return "lower back"
    return None


def _choice(text: str, choices: dict[str, set[str]], problem: Wording) -> str:
    words = collapse_whitespace(text.strip().lower().rstrip(".!"))
    for value, accepted in choices.items():
        if words in accepted:
            return value
    raise InvalidInput(problem)


def parse_name(text: str) -> str:
    """The name in an answer such as "my name is Jane Doe." or "it's Tom"."""
    name = collapse_whitespace(text).rstrip(".!,")
    name = _without_lead_in(_name_part(_without_lead_in(_without_fillers(name))))
    if (
        is_non_answer(name)
        or name.lower().split(" ")[0] in _NOT_A_NAME_START
        or set(_answer_words(name).split()) <= _NAME_FILLERS
    ):
        raise InvalidInput(texts.NAME_EXAMPLE)
    return normalize_name(name)


def name_after_a_yes(text: str) -> str | None:
    """The name in an answer that opens with a yes: fillers ended by a comma or a period ("ok
    fine, Jasmine Ortiz") or a name's lead-in ("sure, it's Tom"), then a name; None for a yes
    with no name ("ok let's do it", "yes, please")."""
    head, separator, tail = text.partition(",") if "," in text else text.partition(".")
    opening = set(_answer_words(head).split())
    if not (separator and opening and opening <= _NAME_FILLERS) and not _NAME_LEAD_IN.match(
        f"{text} "
    ):
        return None
    if set(_answer_words(tail if separator else text).split()) & _NO_NAME_WORDS:
        return None
    try:
        return parse_name(text)
    except InvalidInput:
        return None


def _without_lead_in(text: str) -> str:
    while (opening := _NAME_LEAD_IN.match(text + " ")) is not None:
        text = text[opening.end() :]
    return text


def _without_fillers(text: str) -> str:
    """ "Fine. Ingrid Sorensen" -> "Ingrid Sorensen": fillers that open the answer, each ended
    by a comma, a period or a space, while a name is left after them."""
    while (opening := _FILLER_OPENING.match(text)) is not None and opening.end() < len(text):
        text = text[opening.end() :]
    return text


def _name_part(text: str) -> str:
    """The name among an answer's comma-separated parts: after fillers ("ok fine, Jasmine
    Ortiz"), the full name after a first one ("Chris, Chris Yamamoto"), the name before what
    the visitor adds about themselves ("Linda Park, im her daughter"); else all of it."""
    # "Lucas Bennett (his name), I'm his dad": an aside in brackets is no part of it.
    parts = [part.strip() for part in _ASIDE.sub("", text).split(",") if part.strip()]
    while len(parts) > 1 and set(_answer_words(parts[0]).split()) <= _NAME_FILLERS:
        parts.pop(0)
    if len(parts) == 2 and parts[1].lower().startswith(f"{parts[0].lower()} "):
        return parts[1]
    # "Its for my husband, Tomás Ibáñez": who it is for, then the name.
    if len(parts) == 2 and _FOR_SOMEONE.match(parts[0]):
        return parts[1]
    if len(parts) >= 2 and _AFTER_NAME.match(parts[1]):
        return parts[0]
    return ", ".join(parts)


def normalize_name(text: str) -> str:
    """A person's name: letters with spaces, apostrophes, hyphens or periods between them."""
    name = collapse_whitespace(unicodedata.normalize("NFC", text))
    if not name:
        raise InvalidInput(texts.NAME_MISSING)
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidInput(texts.NAME_TOO_LONG, limit=NAME_MAX_LENGTH)
    if not any(character.isalpha() for character in name):
        raise InvalidInput(texts.NAME_NO_LETTERS)
    for character in name:
        category = unicodedata.category(character)
        if not (
            category.startswith(("L", "M")) or character == " " or character in _NAME_PUNCTUATION
        ):
            raise InvalidInput(texts.NAME_CHARACTERS)
    return name


def normalize_free_text(text: str, what: str | Wording, max_length: int) -> str:
    """Free text such as a preferred time: control characters removed, whitespace collapsed."""
    printable = "".join(
        " " if unicodedata.category(character).startswith("C") else character for character in text
    )
    cleaned = collapse_whitespace(printable)
    if not cleaned:
        raise InvalidInput(texts.FREE_TEXT_MISSING, what=what)
    if len(cleaned) > max_length:
        raise InvalidInput(texts.FREE_TEXT_TOO_LONG, what=what, limit=max_length)
    return cleaned
