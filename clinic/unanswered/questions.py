"""Which visitor messages count as unanswered, masked and keyed for grouping and marks."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from clinic.unanswered.masking import mask_personal_details

# A message is unanswered when its intent (or the FAQ topic of its full intent) is one of these.
UNANSWERED_INTENTS = (
    "nlu_fallback",
    "out_of_scope",
    "faq/not_in_article",
    "ask_medication",
    "other_condition",
)
# Grouping runs on request: only the newest messages of the period are grouped.
DEFAULT_MESSAGE_LIMIT = 5000
TEXT_MAX_LENGTH = 1000
KEY_LENGTH = 16


class UserMessageLike(Protocol):
    """What the tracker store reader yields for a visitor's message."""

    @property
    def sender_id(self) -> str: ...

    @property
    def timestamp(self) -> datetime: ...

    @property
    def text(self) -> str | None: ...

    @property
    def intent(self) -> str | None: ...

    @property
    def full_intent(self) -> str | None: ...


@dataclass(frozen=True)
class Question:
    """An unanswered message as staff may see it: masked, with the key marks are stored by."""

    text: str
    key: str
    timestamp: datetime
    intent: str


def is_unanswered(intent: str | None, full_intent: str | None) -> str | None:
    """The unanswered intent the message ended in, or None when it was answered."""
    for name in (full_intent, intent):
        if name and name in UNANSWERED_INTENTS:
            return name
    return None


def text_key(masked_text: str) -> str:
    """A stable key of a masked text, ignoring case and spacing: marks store this, no text."""
    normalised = " ".join(masked_text.lower().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:KEY_LENGTH]


def unanswered_questions(
    messages: Iterable[UserMessageLike],
    limit: int = DEFAULT_MESSAGE_LIMIT,
) -> list[Question]:
    """The newest `limit` unanswered messages with text, masked, newest first.

    A message that carries the entities Rasa stored with it (`entities`) has their spans masked.
    """
    found = []
    for message in messages:
        intent = is_unanswered(message.intent, message.full_intent)
        text = (message.text or "").strip()
        if intent is None or not text:
            continue
        found.append((message, intent, text))
    found.sort(key=lambda item: item[0].timestamp, reverse=True)
    questions = []
    for message, intent, text in found[:limit]:
        entities: Sequence[Mapping[str, Any]] = getattr(message, "entities", None) or ()
        masked = mask_personal_details(text, entities)[:TEXT_MAX_LENGTH]
        questions.append(Question(masked, text_key(masked), message.timestamp, intent))
    return questions
