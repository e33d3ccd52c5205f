"""A detail told again later in the booking request, while another question is open: the name
("no wait my name is Linda Chen-Walsh", "sorry its Katherine with a K, not C") or the area the
request is about ("wait not just the neck, its the lower back too"). Plain Python with no Rasa
import."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from clinic.booking.fields import OTHER_CONCERN, Concern
from clinic.booking.regions import COVERED_CONCERNS
from clinic.text.times import names_a_time
from clinic.text.validation import InvalidInput, parse_name

_NAME_GIVEN = re.compile(
    r"\b(?:my (?:full |real |correct )?name(?: is|'s| should be)|my names"
    r"|the name(?: is|'s))\s+(.+)",
    re.IGNORECASE,
)
# A spelling told: "with a K", "not C", "spelled", "typo".
_SPELLING = re.compile(
    r"\bwith an? [a-z]\b|\bnot (?:an? )?[a-z]\b|\bspel(?:led|t|ling)\b|\btypo\b", re.IGNORECASE
)
# How close a word must be to a part of the name to be its new spelling.
_SAME_WORD = 0.75
_MIN_LETTERS = 3
# A change of what the request is about: "not just the neck", "the lower back too", "both".
_AREA_CHANGE = re.compile(
    r"\b(?:not just|not only|too|also|as well|both|actually|instead|rather|i meant|wait)\b",
    re.IGNORECASE,
)


# The last or the first name told for someone ("his last name is actually Jenkins-Moore,
# hyphenated, sorry"): the part of the current name it replaces, up to a comma.
_PART_GIVEN = re.compile(
    r"\b(?:my|his|her|their|the) (last|sur|family|first) ?name(?: is|'s| should be)"
    r"(?: actually| really)?\s+([^,.;!?]+)",
    re.IGNORECASE,
)


def name_correction(text: str, current: str | None) -> str | None:
    """The name a message corrects while another question is open: a name given in so many
    words ("my name is ..."), the last or first name of the current one ("his last name is
    actually Jenkins-Moore"), or a new spelling of a part of the current one ("its Katherine
    with a K"); None for any other message."""
    part = _PART_GIVEN.search(text)
    if part and current:
        try:
            told = parse_name(part.group(2))
        except InvalidInput:
            return None
        parts = current.split()
        return " ".join(
            [told, *parts[1:]] if part.group(1).lower() == "first" else [*parts[:-1], told]
        )
    given = _NAME_GIVEN.search(text)
    if given:
        try:
            return parse_name(given.group(1))
        except InvalidInput:
            return None
    if not current or not _SPELLING.search(text):
        return None
    parts = current.split()
    # Words of an email or a web address are no spelling of the name ("typo, meant mike.t@...").
    spoken = " ".join(token for token in text.split() if "@" not in token and "." not in token)
    for word in re.findall(r"[^\W\d_][\w'-]*", spoken):
        if len(word) < _MIN_LETTERS:
            continue
        for index, part in enumerate(parts):
            # The same spelling again (the name already corrected) is the same correction.
            if SequenceMatcher(None, word.lower(), part.lower()).ratio() >= _SAME_WORD:
                spelled = word if word[0].isupper() else word.capitalize()
                return " ".join([*parts[:index], spelled, *parts[index + 1 :]])
    return None


# "Oops .com not .con", "gmail instead of gmial": the right piece of the email, then the wrong.
_EMAIL_PIECE = re.compile(r"(\S+)\s+(?:not|instead of)\s+(\S+)", re.IGNORECASE)


def email_correction(text: str, current: str | None) -> str | None:
    """The email a message corrects by a piece of it ("oops .com not .con"): the current email
    with the wrong piece replaced by the right one; None when no piece of it is named."""
    if not current:
        return None
    for right, wrong in _EMAIL_PIECE.findall(text):
        right, wrong = right.strip("\"'!,;"), wrong.strip("\"'!,;?")
        if (
            len(wrong) >= _MIN_LETTERS
            and wrong.lower() in current.lower()
            and right.lower() != wrong.lower()
        ):
            start = current.lower().rindex(wrong.lower())
            return current[:start] + right + current[start + len(wrong) :]
    return None


def concern_correction(text: str, regions: Sequence[str]) -> str | None:
    """The concern a message changes while a later question is open: the covered areas it names
    (`regions`, canonical), one of them or both, when it says it changes the area and names no
    time ("wait not just the neck, its the lower back too, both really"); else None."""
    covered = [area for area in COVERED_CONCERNS if area in regions]
    if not covered or names_a_time(text) or not _AREA_CHANGE.search(text):
        return None
    if len(covered) == 1:
        return covered[0]
    return Concern(OTHER_CONCERN, " and ".join(covered)).format()
