"""How lead fields read for front-desk staff (terminal, CSV export and email)."""

from __future__ import annotations

from datetime import datetime, tzinfo


def conversation_text(conversation_id: str) -> str:
    """The conversation id with all but its last 4 characters hidden: enough to tell two apart,
    never enough to join a conversation (the full id works as its key on the socket.io channel)."""
    return f"...{conversation_id[-4:]}" if len(conversation_id) > 8 else "..."


def local_time_text(moment: datetime, zone: tzinfo) -> str:
    """E.g. "2025-03-10 08:30 EDT" in the clinic's time zone."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def after_hours_word(after_hours: bool | None) -> str:
    if after_hours is None:
        return "unknown"
    return "yes" if after_hours else "no"


def after_hours_text(after_hours: bool | None) -> str:
    if after_hours is None:
        return "unknown (opening hours not configured)"
    return after_hours_word(after_hours)
