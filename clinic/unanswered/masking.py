"""Hide names, phone numbers and emails in what a visitor typed before staff see it.

Masked are: the spans the project's contact extractor finds (`clinic.contact_parsing`, the same
code the NLU's ContactDetailsExtractor runs), the entity spans Rasa stored with the message
(phone_number, email, and a name entity if a pipeline ever adds one), a name after an
introduction ("my name is ...", "I'm Jane ..."), and as a safety net any word holding an "@", an
address spelled out ("jane at example dot com") and any run of seven or more digits, which the
extractor may not read as a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clinic.contact_parsing import DEFAULT_REGION, find_emails, find_phone_numbers

PHONE_MASK = "[phone]"
EMAIL_MASK = "[email]"
NAME_MASK = "[name]"
ENTITY_MASKS = {
    "phone_number": PHONE_MASK,
    "email": EMAIL_MASK,
    "name": NAME_MASK,
    "full_name": NAME_MASK,
    "PERSON": NAME_MASK,
}

_NAME_WORD = r"[^\W\d_][\w'\u2019-]*"
# A capitalised name word ("Jane", "O'Neil", not "ART"), or an initial ("J."); a sentence's
# full stop ends the name.
_CAPITALISED_WORD = r"[A-Z](?:\.|['\u2019][A-Z][\w'\u2019-]*|[^\W\dA-Z_][\w'\u2019-]*)"
_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?"
# After these words any following name-like words are a name, whatever their case.
_SAYS_NAME = re.compile(
    r"\b(?:my\s+name\s+is|my\s+name's|name\s+is|name:|signed)\s+"
    rf"(?P<name>{_TITLE}{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})",
    re.IGNORECASE,
)
# After these only capitalised words are taken: "I'm Jane Doe" but not "I'm worried".
_INTRODUCES = re.compile(
    r"\b(?:[Ii]\s+am|[Ii]['\u2019]?m|[Tt]his\s+is|[Ii]t['\u2019]s|[Cc]all\s+me"
    r"|[Tt]hanks|[Rr]egards)[,\s]+"
    rf"(?P<name>{_TITLE}{_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD}){{0,2}})"
)
# Words that end a name said in lower case ("my name is jane and my neck hurts").
_NOT_NAME = frozenset(
    "a an and are at back but can could did do does for from have having here how i i'm im in "
    "is it looking my not of on or please so thanks that the this to was what when where which who "
    "why will with would you".split()
)
# "jane at example dot com", "jane (at) example.com": an address written to dodge filters.
_SPELLED_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[\w-]+"
    r"(?:\s*(?:\(dot\)|\[dot\]|\sdot\s|\.)\s*[\w-]+)*"
    r"\s*(?:\(dot\)|\[dot\]|\sdot\s|\.)\s*(?:com|org|net|edu|gov|io|co|us|uk)\b",
    re.IGNORECASE,
)
_ANY_AT_WORD = re.compile(r"[\w.+%-]*\w@\w(?:[\w.-]*\w)?")
_DIGIT_RUN = re.compile(r"\+?\(?\d(?:[\s().\-/]{0,2}\d){6,}\)?")


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
    """`text` with every name, phone number and email replaced by [name], [phone], [email]."""
    spans = [
        *(_Span(item.start, item.end, PHONE_MASK) for item in find_phone_numbers(text, region)),
        *(_Span(item.start, item.end, EMAIL_MASK) for item in find_emails(text)),
        *_entity_spans(text, entities),
        *_name_spans(text),
        *(_Span(m.start(), m.end(), EMAIL_MASK) for m in _ANY_AT_WORD.finditer(text)),
        *(_Span(m.start(), m.end(), EMAIL_MASK) for m in _SPELLED_EMAIL.finditer(text)),
        *(_Span(m.start(), m.end(), PHONE_MASK) for m in _DIGIT_RUN.finditer(text)),
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
    spans = [
        _Span(match.start("name"), match.end("name"), NAME_MASK)
        for match in _INTRODUCES.finditer(text)
    ]
    for match in _SAYS_NAME.finditer(text):
        start = match.start("name")
        words = match.group("name").split()
        kept = []
        for word in words:
            if word.lower().strip(".") in _NOT_NAME:
                break
            kept.append(word)
        if kept:
            end = start + match.group("name").index(kept[-1]) + len(kept[-1])
            spans.append(_Span(start, end, NAME_MASK))
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
