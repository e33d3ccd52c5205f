"""Thanks in a visitor's words ("thx", "thank you so much", "cheers"). Plain Python with no Rasa
import."""

from __future__ import annotations

import re

from clinic.text.deferral import normalised
from clinic.text.times import is_question

_THANKS_WORD = r"\b(?:thanks|thank you|thx|ty|cheers)\b"
_THANKS = re.compile(_THANKS_WORD)
_ENDS_WITH_THANKS = re.compile(rf"{_THANKS_WORD}(?: (?:so much|again))?$")


def says_thanks(text: str) -> bool:
    """Whether a thanks is anywhere in the message ("no thanks", "ok thanks anyway")."""
    return bool(_THANKS.search(normalised(text)))


def ends_with_thanks(text: str) -> bool:
    """A statement (no question) whose last words thank ("ok ill have my OB weigh in. thanks")."""
    return not is_question(text) and bool(_ENDS_WITH_THANKS.search(normalised(text)))
