"""An explicit choice of language in a message: "in English please", "en español", "¿hablan
español?", "I don't speak Spanish". A choice wins over what the message is written in.

Plain Python with no Rasa import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from clinic.text.language_detect import ENGLISH, LANGUAGES, SPANISH, Language

EN = r"(?:english|ingl[eé]s)"
ES = r"(?:spanish|espa[nñ]ol|castellano)"
# "I don't speak X" or "no hablo X": the visitor wants the other language. Checked first.
CANNOT = (
    r"(?:(?:i )?(?:dont|do not|cant|cannot) (?:speak|read|understand)|no (?:hablo|entiendo|leo))"
)
ASK = (
    r"(?:in|en|speak|speaks|talk|write|answer|reply|respond|hablan?|hablas|habla|responder?"
    r"|contestar?|escribir|switch to|change to|cambiar? (?:a|al)|prefiero|prefer|mejor en)"
)

CHOICES: tuple[tuple[re.Pattern[str], Language], ...] = (
    (re.compile(rf"\b{CANNOT} (?:much |bien |well |very well )?{EN}"), SPANISH),
    (re.compile(rf"\b{CANNOT} (?:much |bien |well |very well )?{ES}"), ENGLISH),
    (re.compile(rf"\bonly (?:speak|understand|read) {EN}"), ENGLISH),
    (re.compile(rf"\bsolo (?:hablo|entiendo|leo) {ES}"), SPANISH),
    (re.compile(rf"\b{ASK}\b(?: (?:it |in |en |el |us |me )?)?{EN}\b"), ENGLISH),
    (re.compile(rf"\b{ASK}\b(?: (?:it |in |en |el |us |me )?)?{ES}\b"), SPANISH),
    (re.compile(rf"^(?:{EN})(?: (?:please|por favor))?$|^{EN} please"), ENGLISH),
    (re.compile(rf"^(?:{ES})(?: (?:please|por favor))?$|^{ES} please|{ES}$"), SPANISH),
)
PUNCTUATION = re.compile(r"[^\w\s]")
APOSTROPHES = re.compile(r"['\u2019`]")
SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    text = PUNCTUATION.sub(" ", APOSTROPHES.sub("", text.lower()))
    return SPACES.sub(" ", text).strip()


def chosen_language(text: str) -> Language | None:
    """The language the visitor asks for, or None when the message asks for none."""
    plain = normalize(text)
    for pattern, language in CHOICES:
        if pattern.search(plain):
            return language
    return None


def page_language(metadata: Mapping[str, Any] | None) -> Language | None:
    """The language the widget's page is in (its metadata's `language`, "es" or "es-US"), the
    conversation's language until a message tells otherwise."""
    hint = str((metadata or {}).get("language") or "").lower()[:2]
    return next((language for language in LANGUAGES if language == hint), None)
