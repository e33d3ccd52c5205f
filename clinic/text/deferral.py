"""A no that puts an offer off ("hmm maybe another time", "maybe later"), which the NLU may place
nowhere or read as a goodbye. Plain Python with no Rasa import."""

from __future__ import annotations

import re

_DEFERRAL = re.compile(
    r"\b(?:(?:some )?other time|another time|another day|maybe later|later maybe|"
    r"not (?:right )?now|not today|not yet|i'll think about it|let me think(?: about it)?)\b"
)


def normalised(text: str) -> str:
    """A short reply's lower-cased words, apostrophes kept ("Not today!" -> "not today")."""
    return " ".join(re.findall(r"[a-z']+", text.lower()))


def is_deferral(text: str) -> bool:
    return bool(_DEFERRAL.search(normalised(text)))
