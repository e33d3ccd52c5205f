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

# A last sentence that asks only for the cancel, after the reason ("Oh dear, I just realised I
# cannot drive this month. Please cancel this."); the punctuation is what ends the reason.
_LAST_SENTENCE = re.compile(r"[.!;]\s+([^.!?;]+?)[.!]*\s*$")
_CANCEL_ONLY = re.compile(
    r"^(?:(?:so|then|ok|okay)\s+)*(?:please\s+)?cancel"
    r"(?:\s+(?:this|it|that|everything|(?:the|my) (?:request|booking|appointment)))?"
    r"(?:\s+(?:please|thanks|thank you))?$"
)


def calls_off(text: str) -> bool:
    """Whether the message opens by calling off what the visitor was doing, or ends by asking
    for the cancel in a sentence of its own."""
    if _CALLING_OFF.match(normalised(text)):
        return True
    last = _LAST_SENTENCE.search(text)
    return bool(last and _CANCEL_ONLY.match(normalised(last.group(1))))
