"""A no that puts an offer off ("hmm maybe another time", "maybe later"), which the NLU may place
nowhere or read as a goodbye. Plain Python with no Rasa import."""

from __future__ import annotations

import re

_DEFERRAL = re.compile(
    r"\b(?:(?:some )?other time|another time|another day|maybe later|later maybe|"
    r"not (?:right )?now|not today|not yet|i'll think about it|let me think(?: about it)?)\b"
)


def normalised(text: str) -> str:
    """A short reply's lower-cased words, apostrophes kept ("Not today!" -> "not today"); a
    phone's curly apostrophe is kept as a straight one ("I’ll" -> "i'll")."""
    return " ".join(re.findall(r"[a-z']+", text.lower().replace("\u2019", "'")))


def is_deferral(text: str) -> bool:
    return bool(_DEFERRAL.search(normalised(text)))
