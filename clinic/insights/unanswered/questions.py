"""Which visitor messages count as unanswered, masked and keyed for grouping and marks."""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from clinic.conversations.events import UserMessage
from clinic.insights.unanswered.masking import mask_personal_details

# Grouping runs on request: only the newest messages of the period are grouped.
DEFAULT_MESSAGE_LIMIT = 5000
TEXT_MAX_LENGTH = 1000
KEY_LENGTH = 16


@dataclass(frozen=True)
class Question:
    """An unanswered message as staff may see it: masked, with the key marks are stored by."""

    text: str
    key: str
    timestamp: datetime
    intent: str


def text_key(masked_text: str) -> str:
    """A stable key of a masked text, ignoring case and spacing: marks store this, no text."""
    normalised = " ".join(masked_text.lower().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:KEY_LENGTH]


def unanswered_questions(
    messages: Iterable[UserMessage], limit: int = DEFAULT_MESSAGE_LIMIT
) -> list[Question]:
    """The newest `limit` unanswered messages with text, masked, newest first.

    The text blanked in a finished booking form (None) is skipped. The entities Rasa stored
    with the message are masked by their spans too.
    """
    found = (
        (message.timestamp, intent, message)
        for message in messages
        if (intent := message.unanswered_as) and (message.text or "").strip()
    )
    newest = heapq.nlargest(limit, found, key=lambda item: item[0])
    questions = []
    for timestamp, intent, message in newest:
        text = (message.text or "")[:TEXT_MAX_LENGTH]
        masked = mask_personal_details(text, message.entities).strip()
        questions.append(Question(masked, text_key(masked), timestamp, intent))
    return questions
