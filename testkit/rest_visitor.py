"""A visitor on Rasa's REST channel, and the stored record of its conversation."""

from __future__ import annotations

import json
import urllib.request
import uuid

from sqlalchemy import text

from clinic.db.engine import make_engine


class Visitor:
    def __init__(self, port: int, prefix: str = "e2e") -> None:
        self.url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        self.sender = f"{prefix}-{uuid.uuid4()}"
        self.transcript: list[str] = []
        # The buttons of the replies to the last message, each {"title": ..., "payload": ...}.
        self.buttons: list[dict[str, str]] = []

    def say(self, message: str) -> list[str]:
        body = json.dumps({"sender": self.sender, "message": message}).encode()
        request = urllib.request.Request(
            self.url, data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        replies = [reply.get("text", "") for reply in answer]
        self.buttons = [button for reply in answer for button in reply.get("buttons", [])]
        self.transcript.append(f"Visitor: {message}")
        self.transcript.extend(f"Assistant: {reply}" for reply in replies)
        return replies


def joined(replies: list[str]) -> str:
    return "\n".join(replies)


def conversation_record(tracker_db_url: str, sender_id: str) -> list[str]:
    """The stored events of one conversation, as the tracker store keeps them (JSON texts)."""
    engine = make_engine(tracker_db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT data FROM events WHERE sender_id = :sender ORDER BY id"),
                {"sender": sender_id},
            )
            return [row.data for row in rows]
    finally:
        engine.dispose()
