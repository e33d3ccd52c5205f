"""A message that calls off what the visitor was doing ("actually forget it, ill just call you
guys instead", "hmm never mind, she wants to wait until after the holidays"), which the NLU may
place nowhere. Plain Python with no Rasa import."""

from __future__ import annotations

import re

from clinic.text.deferral import normalised

# Words that may come before the calling off: "actually", "oh", "hmm", "ok", "sorry", "wait".
_FILLERS = r"(?:(?:actually|oh|ok|okay|hmm+|um+|uh|sorry|wait|no|nah|you know what)\s+)*"
_CALLING_OFF = re.compile(
    rf"^{_FILLERS}(?:never ?mind|nvm|forget (?:it|that|about it)|scratch that)\b"
)


def calls_off(text: str) -> bool:
    """Whether the message opens by calling off what the visitor was doing."""
    return bool(_CALLING_OFF.match(normalised(text)))
