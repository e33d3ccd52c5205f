"""Hide names, phone numbers, emails, street addresses and dates of birth in what a visitor
typed before staff see it.

Masked are: the spans the project's contact extractor finds (`clinic.text.contact_parsing`, the same
code the NLU's ContactDetailsExtractor runs), the entity spans Rasa stored with the message
(phone_number, email, and a name entity if a pipeline ever adds one: the project's spaCy
pipeline has no NER, only the clinic's entity ruler), a name after an introduction ("my name is
...", "I'm Jane ...", "I AM JANE DOE", "Jane Doe here"), any word holding an "@", an address
spelled out ("jane dot doe at example dot com", "jane at gmail"), any run of seven or more
digits, written as figures or words ("nine one four ..."), a street address ("12 Main Street")
and a date of birth or any full date ("born 3/14/1985", "DOB March 14, 1985").

These are patterns, not a model: a name nothing introduces ("Jane Doe, is ART safe?") or an
address without a number and street word stays as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clinic.text.contact_parsing import DEFAULT_REGION, find_emails, find_phone_numbers

PHONE_MASK = "[phone]"
EMAIL_MASK = "[email]"
NAME_MASK = "[name]"
ADDRESS_MASK = "[address]"
DATE_MASK = "[date]"
MASKS = (PHONE_MASK, EMAIL_MASK, NAME_MASK, ADDRESS_MASK, DATE_MASK)
ENTITY_MASKS = {
    "phone_number": PHONE_MASK,
    "email": EMAIL_MASK,
    "name": NAME_MASK,
    "full_name": NAME_MASK,
    "PERSON": NAME_MASK,
}

# Upper-case letters of the Latin, Greek and Cyrillic alphabets, accented ones included.
_UPPER = "".join(chr(code) for code in range(0x41, 0x530) if chr(code).isupper())
_NAME_WORD = r"[^\W\d_][\w'\u2019-]*"
# A capitalised name word ("Jane", "O'Neil", "Élodie", not "ART"), or an initial ("J."); a
# sentence's full stop ends the name.
_CAPITALISED_WORD = (
    rf"[{_UPPER}](?:\.|['\u2019][{_UPPER}][\w'\u2019-]*|[^\W\d_{_UPPER}][\w'\u2019-]*)"
)
_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?"
# After these words any following name-like words are a name, whatever their case.
_SAYS_NAME = re.compile(
    r"\b(?:my\s+name\s+is|my\s+name's|name\s+is|name:|signed)\s+"
    rf"(?P<name>{_TITLE}{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})",
    re.IGNORECASE,
)
# After these only capitalised words are taken: "I'm Jane Doe" but not "I'm worried".
_INTRODUCES = re.compile(
    r"\b(?i:i\s+am|i['\u2019]?m|this\s+is|it['\u2019]s|call\s+me|thanks|regards)[,\s]+"
    rf"(?P<name>{_TITLE}{_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD}){{0,2}})"
)
# "Jane Doe here", "Jane speaking": capitalised words before these.
_NAME_HERE = re.compile(
    rf"(?P<name>{_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD}){{0,2}})\s+(?i:here|speaking)\b"
)
# Words that end a name said in lower case ("my name is jane and my neck hurts").
_NOT_NAME = frozenset(
    "a an and are at back but can could did do does for from have having here how i i'm im in "
    "is it looking my not of on or please so thanks that the this to was what when where which who "
    "why will with would you".split()
)
# Words that end a name in a message written in capitals ("I AM WORRIED ABOUT MY KNEE") or that
# start a sentence before "here" ("Someone here said").
_NOT_NAME_IN_CAPITALS = _NOT_NAME | frozenset(
    "about afraid allergic also always anyone asking calling concerned confused currently "
    "diabetic everyone feeling fine glad going good happy hello hi hoping interested just new "
    "nobody ok okay pregnant really returning scared someone still sure sorry there trying "
    "very wondering worried writing".split()
)
_DOT = r"(?:\(dot\)|\[dot\]|\sdot\s|\.)"
_AT = r"(?:\(at\)|\[at\]|\sat\s)"
# "jane at example dot com", "jane dot doe (at) example.com", "jane at gmail": an address
# written to dodge filters; a well-known mailbox provider needs no ending.
_SPELLED_EMAIL = re.compile(
    rf"[\w+-]+(?:\s*{_DOT}\s*[\w+-]+)*\s*{_AT}\s*"
    rf"(?:[\w-]+(?:\s*{_DOT}\s*[\w-]+)*\s*{_DOT}\s*(?:com|org|net|edu|gov|io|co|us|uk)\b"
    r"|(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|icloud|aol|protonmail|proton|gmx|"
    r"comcast|verizon)\b)",
    re.IGNORECASE,
)
# A quick look for the "at" of a spelled-out address before the slower full pattern.
_SPELLED_AT = re.compile(_AT, re.IGNORECASE)
_ANY_AT_WORD = re.compile(r"[\w.+%-]*\w@\w(?:[\w.-]*\w)?")
_DIGIT_RUN = re.compile(r"\+?\(?\d(?:[\s().\-/]{0,2}\d){6,}\)?")
# Digits written as words ("nine one four, five five five ..."): a run of seven or more.
_DIGIT_WORDS = {
    **{word: 1 for word in "zero oh o one two three four five six seven eight nine".split()},
    "double": 1,
    "triple": 2,
}
_SPOKEN_DIGITS = re.compile(
    rf"(?:\b(?:{'|'.join(_DIGIT_WORDS)})\b|\d+)(?:[\s,.-]+(?:\b(?:{'|'.join(_DIGIT_WORDS)})\b|\d+))+",
    re.IGNORECASE,
)
_STREET_WORDS = (
    "street|avenue|road|boulevard|lane|drive|court|place|terrace|circle|parkway|highway|"
    "square|trail|crescent"
)
_STREET_SHORT = "st|ave|rd|blvd|ln|dr|ct|pl|ter|cir|pkwy|hwy|sq"
_UNIT = r"(?:,?\s*(?i:apt|apartment|unit|suite|ste|#)\.?\s*#?\w+)?"
# Words that are no part of a street's name ("3 miles down the road").
_NOT_STREET_NAME = (
    r"(?!(?i:the|a|an|of|on|in|to|down|up|my|from|at|across|along|near|off|by|per|and|or|"
    r"miles?|minutes?|hours?|blocks?|times?|years?|days?|weeks?)\b)"
)
# "12 Main Street", "350 5th Ave, Apt 4B": a house number, up to three words, a street word;
# an abbreviated street word only after capitalised or numbered words ("10 years with Dr" is
# no address).
_STREET_ADDRESS = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:"
    rf"(?:{_NOT_STREET_NAME}[\w.'-]+\s+){{1,3}}?(?i:{_STREET_WORDS})\b"
    rf"|(?:(?:[{_UPPER}][\w.'-]*|\d+(?:st|nd|rd|th))\s+){{1,3}}?(?i:{_STREET_SHORT})\b\.?"
    rf"){_UNIT}"
)
# "I live at 12 main st, ..." / "my address is ...": the rest of the clause.
_SAYS_ADDRESS = re.compile(
    r"\b(?:i\s+live\s+(?:at|on)|my\s+address\s+is|address:|i\s+reside\s+at)\s+"
    r"(?P<address>\d[^.;!?\n]*?)(?=\s+(?:and|but)\s|[.;!?\n]|$)",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A full date: "3/14/1985", "14.03.85", "1985-03-14", "March 14, 1985", "14th of March 1985".
_FULL_DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}"
    rf"|{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}})\b",
    re.IGNORECASE,
)
# After "born", "DOB" or "birthday" a day without its year, or a year alone, is masked too.
_BIRTH_DATE = re.compile(
    r"\b(?:born(?:\s+(?:on|in))?|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*day)(?:\s+is)?[:\s]\s*"
    rf"(?P<date>{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{4})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    mask: str


def mask_personal_details(
    text: str,
    entities: Sequence[Mapping[str, Any]] = (),
    region: str = DEFAULT_REGION,
) -> str:
    """`text` with every name, phone number, email, street address and date of birth replaced
    by [name], [phone], [email], [address], [date]."""
    spans = [
        # Dates first: where a date and a digit run cover the same span, the date's mask wins.
        *(_Span(m.start("date"), m.end("date"), DATE_MASK) for m in _BIRTH_DATE.finditer(text)),
        *(_Span(m.start(), m.end(), DATE_MASK) for m in _FULL_DATE.finditer(text)),
        *(_Span(item.start, item.end, PHONE_MASK) for item in find_phone_numbers(text, region)),
        *(_Span(item.start, item.end, EMAIL_MASK) for item in find_emails(text)),
        *_entity_spans(text, entities),
        *_name_spans(text),
        *(_Span(m.start(), m.end(), EMAIL_MASK) for m in _ANY_AT_WORD.finditer(text)),
        *(
            _Span(m.start(), m.end(), EMAIL_MASK)
            for m in (_SPELLED_EMAIL.finditer(text) if _SPELLED_AT.search(text) else ())
        ),
        *(_Span(m.start(), m.end(), PHONE_MASK) for m in _DIGIT_RUN.finditer(text)),
        *_spoken_digit_spans(text),
        *(_Span(m.start(), m.end(), ADDRESS_MASK) for m in _STREET_ADDRESS.finditer(text)),
        *(
            _Span(m.start("address"), m.end("address"), ADDRESS_MASK)
            for m in _SAYS_ADDRESS.finditer(text)
        ),
    ]
    masked = text
    for span in reversed(_merged(spans)):
        masked = masked[: span.start] + span.mask + masked[span.end :]
    return masked


def _entity_spans(text: str, entities: Iterable[Mapping[str, Any]]) -> list[_Span]:
    spans = []
    for entity in entities:
        mask = ENTITY_MASKS.get(str(entity.get("entity")))
        start, end = entity.get("start"), entity.get("end")
        if mask and isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            spans.append(_Span(start, min(end, len(text)), mask))
    return spans


def _name_spans(text: str) -> list[_Span]:
    """Names after an introduction or before "here". A message written mostly in capitals is
    read in title case (same length, so the spans stay), where common words end a name."""
    capitals = sum(map(str.isupper, text))
    in_capitals = capitals * 3 > (capitals + sum(map(str.islower, text))) * 2
    in_capitals = in_capitals and len(text.title()) == len(text)
    readable = text.title() if in_capitals else text
    stop_words = _NOT_NAME_IN_CAPITALS if in_capitals else _NOT_NAME
    return [
        *_kept_words(_INTRODUCES.finditer(readable), stop_words if in_capitals else frozenset()),
        *_kept_words(_NAME_HERE.finditer(readable), _NOT_NAME_IN_CAPITALS, from_end=True),
        *_kept_words(_SAYS_NAME.finditer(readable), stop_words),
    ]


def _kept_words(
    matches: Iterable[re.Match[str]], stop_words: frozenset[str], *, from_end: bool = False
) -> list[_Span]:
    """Each match's `name` group up to its first stop word (or, `from_end`, back from its end
    to the last one)."""
    spans = []
    for match in matches:
        words = list(re.finditer(r"\S+", match.group("name")))
        if from_end:
            words.reverse()
        kept = []
        for word in words:
            if word.group().lower().strip(".,") in stop_words:
                break
            kept.append(word)
        if kept:
            first, last = (kept[-1], kept[0]) if from_end else (kept[0], kept[-1])
            base = match.start("name")
            spans.append(_Span(base + first.start(), base + last.end(), NAME_MASK))
    return spans


def _spoken_digit_spans(text: str) -> list[_Span]:
    spans = []
    for match in _SPOKEN_DIGITS.finditer(text):
        tokens = re.findall(r"[^\W\d_]+|\d+", match.group())
        digits = sum(
            len(token) if token.isdigit() else _DIGIT_WORDS[token.lower()] for token in tokens
        )
        if digits >= 7 and not all(token.isdigit() for token in tokens):
            spans.append(_Span(match.start(), match.end(), PHONE_MASK))
    return spans


def _merged(spans: list[_Span]) -> list[_Span]:
    """Overlapping spans as one, with the mask of the first: ordered by position."""
    merged: list[_Span] = []
    for span in sorted(spans, key=lambda item: (item.start, -item.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = _Span(last.start, max(last.end, span.end), last.mask)
        else:
            merged.append(span)
    return merged
