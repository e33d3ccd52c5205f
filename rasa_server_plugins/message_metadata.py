"""What the channels keep of the `metadata` a client sends with a message: a `language` tag only.

Rasa stores a message's metadata in its user event (in the tracker store, for as long as the
conversation is kept) and sends it to the action server with every call. A client may send any
object there, so everything but a short language tag (at most LANGUAGE_TAG_CHARS letters and
hyphens, like `en` or `pt-BR`) is dropped before the message reaches Rasa.
"""

from __future__ import annotations

import re

LANGUAGE_KEY = "language"
LANGUAGE_TAG_CHARS = 35
_LANGUAGE_TAG = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def kept_metadata(metadata: object) -> dict[str, str]:
    """The part of a client's metadata that is kept: `{"language": tag}` or nothing."""
    if not isinstance(metadata, dict):
        return {}
    language = metadata.get(LANGUAGE_KEY)
    if (
        isinstance(language, str)
        and len(language) <= LANGUAGE_TAG_CHARS
        and _LANGUAGE_TAG.fullmatch(language)
    ):
        return {LANGUAGE_KEY: language}
    return {}
