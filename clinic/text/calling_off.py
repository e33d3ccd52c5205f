"""A message that calls off what the visitor was doing ("actually forget it, ill just call you
guys instead", "hmm never mind, she wants to wait until after the holidays"), which the NLU may
place nowhere; and a statement that ends with a thanks ("ok ill have my OB weigh in. thanks").
Plain Python with no Rasa import."""

from __future__ import annotations

import re

from clinic.text.deferral import normalised
from clinic.text.times import is_question

# Words that may come before the calling off: "actually", "oh", "hmm", "ok", "sorry", "wait".
_FILLERS = r"(?:(?:actually|oh|ok|okay|hmm+|um+|uh|sorry|wait|no|nah|you know what)\s+)*"
_CALLING_OFF = re.compile(
    rf"^{_FILLERS}(?:never ?mind|nvm|forget (?:it|that|about it)|scratch that)\b"
)
_ENDS_WITH_THANKS = re.compile(r"\b(?:thanks|thank you|thx|ty|cheers)(?: (?:so much|again))?$")


def calls_off(text: str) -> bool:
    """Whether the message opens by calling off what the visitor was doing."""
    return bool(_CALLING_OFF.match(normalised(text)))


def ends_with_thanks(text: str) -> bool:
    """A statement (no question) whose last words thank."""
    return not is_question(text) and bool(_ENDS_WITH_THANKS.search(normalised(text)))
