"""What the Rasa server's own plugins say when they answer instead of the assistant (a message
too long to handle, a turn a failing service cut short), in English and Spanish.

They answer without the conversation's tracker, so the language is the message's own, else the
widget page's (its metadata), else English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clinic.text.language_choice import page_language
from clinic.text.language_detect import Language, detect
from clinic.text.wording import Wording

MAX_MESSAGE_CHARS = 1000

TOO_LONG = Wording(
    f"That message is too long for me: please keep it under {MAX_MESSAGE_CHARS:,} characters, "
    "or send it in shorter parts.",
    f"Ese mensaje es demasiado largo para mí: por favor, escriba menos de {MAX_MESSAGE_CHARS:,} "
    "caracteres, o envíelo en partes más cortas.",
)
TROUBLE = Wording(
    "Sorry, part of our system isn't responding right now, so I may not have handled that "
    "properly. Please send it again in a minute; if you were giving me details for a request, "
    "nothing has been sent to the front desk yet unless I gave you a reference.",
    "Lo siento, una parte de nuestro sistema no está respondiendo en este momento, así que quizá "
    "no atendí bien su mensaje. Por favor, envíelo de nuevo dentro de un minuto; si me estaba "
    "dando datos para una solicitud, todavía no se ha enviado nada a la recepción, salvo que le "
    "haya dado una referencia.",
)


def message_language(text: object, metadata: Mapping[str, Any] | None) -> Language | None:
    """The language a message is written in (read from its first MAX_MESSAGE_CHARS characters),
    else its page's; None (English) when neither tells."""
    written = detect(text[:MAX_MESSAGE_CHARS]) if isinstance(text, str) else None
    return written or page_language(metadata if isinstance(metadata, Mapping) else None)
