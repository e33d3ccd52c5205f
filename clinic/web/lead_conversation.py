"""The conversation behind a lead, as the lead page shows it: the visitor's and the assistant's
turns, the booking form's own questions and answers gathered into collapsible parts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy.engine import Engine

from clinic.conversations.events import Turn, open_tracker_store, transcript
from clinic.conversations.store import TrackerStoreError

logger = logging.getLogger(__name__)

# A page, not an archive: longer conversations show their first turns and say so.
MAX_TURNS = 400


@dataclass(frozen=True)
class TranscriptPart:
    in_form: bool
    turns: tuple[Turn, ...]


@dataclass(frozen=True)
class LeadConversation:
    parts: tuple[TranscriptPart, ...]
    # Why there is nothing to show: "purged" or "unreachable"; None when there are turns.
    missing: str | None = None
    cut_at: int | None = None


def default_tracker() -> Engine | None:
    """The tracker store the Rasa server's endpoints file names; None (logged) when there is
    none the page can read, so the lead page says so instead of failing."""
    try:
        return open_tracker_store()
    except TrackerStoreError as error:
        logger.warning("lead pages show no conversations: %s", error)
        return None


def lead_conversation(tracker: Engine | None, conversation_id: str) -> LeadConversation:
    if tracker is None:
        return LeadConversation(parts=(), missing="unreachable")
    try:
        turns = transcript(tracker, conversation_id)
    except TrackerStoreError as error:
        logger.warning("a lead's conversation could not be read: %s", error)
        return LeadConversation(parts=(), missing="unreachable")
    if not turns:
        return LeadConversation(parts=(), missing="purged")
    cut_at = MAX_TURNS if len(turns) > MAX_TURNS else None
    parts = tuple(
        TranscriptPart(in_form, tuple(group))
        for in_form, group in groupby(turns[:MAX_TURNS], key=lambda turn: turn.in_form)
    )
    return LeadConversation(parts=parts, cut_at=cut_at)
