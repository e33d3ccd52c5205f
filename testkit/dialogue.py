"""Multi-turn conversations played against the running assistant over REST, each turn's labels
(clinic/conversations/labels.py) compared with what the conversation file expects.

A conversation file (YAML):

    conversations:
      - id: "c001"
        kind: followup        # followup | offer | fallback | booking | faq_midform | ...
        turns:
          - user: "can active release help after whiplash?"
            expect: faq/whiplash                      # this label (or any one of a list)
          - user: "is that something you treat?"
            expect: [faq/whiplash, faq/where_offered]
          - user: "what is ART? and mornings work best"
            expect_all: [faq/what_is_art, ask_time]   # every one of these

Each conversation has a sender id of its own. The labels come from the tracker's events, fetched
through Rasa's HTTP API with the stack's token once the conversation is over. A conversation that
expects `booking_done` must leave exactly one lead in the leads table, any other none.
"""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import func, select

from clinic.conversations.labels import turn_labels
from clinic.conversations.turns import user_turns
from clinic.db.engine import make_engine
from clinic.leads.models import Lead

BOOKING_DONE = "booking_done"
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Turn:
    user: str
    # Any one of `any_of`, and every one of `all_of`, must be among the turn's labels.
    any_of: frozenset[str] = frozenset()
    all_of: frozenset[str] = frozenset()

    @property
    def expected(self) -> frozenset[str]:
        return self.any_of | self.all_of

    def accepts(self, labels: frozenset[str]) -> bool:
        return (not self.any_of or bool(self.any_of & labels)) and self.all_of <= labels


@dataclass(frozen=True)
class Conversation:
    id: str
    kind: str
    turns: tuple[Turn, ...]
    source: str = ""

    @property
    def books(self) -> bool:
        """Whether the visitor should end up with a stored booking request."""
        return any(BOOKING_DONE in turn.expected for turn in self.turns)


def _labels(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(str(item) for item in value)


def parse_conversations(document: Mapping[str, Any], source: str = "") -> list[Conversation]:
    conversations = []
    for entry in document.get("conversations") or []:
        turns = tuple(
            Turn(str(turn["user"]), _labels(turn.get("expect")), _labels(turn.get("expect_all")))
            for turn in entry["turns"]
        )
        conversations.append(
            Conversation(str(entry["id"]), str(entry.get("kind") or ""), turns, source)
        )
    return conversations


def load_conversations(path: Path) -> list[Conversation]:
    """The conversations of a file, or of every .yml/.yaml file under a directory (by name)."""
    files = (
        sorted(file for file in path.rglob("*") if file.suffix in (".yml", ".yaml"))
        if path.is_dir()
        else [path]
    )
    conversations = []
    for file in files:
        document = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        conversations += parse_conversations(document, file.name)
    return conversations


@dataclass
class TurnResult:
    turn: Turn
    labels: frozenset[str]
    replies: list[dict[str, Any]]
    seconds: float
    # The NLU's intent for the visitor's message, and whether the assistant's answer before it
    # carried buttons (an offer).
    intent: str | None = None
    after_buttons: bool = False

    @property
    def ok(self) -> bool:
        return self.turn.accepts(self.labels)


@dataclass
class ConversationResult:
    conversation: Conversation
    sender: str
    turns: list[TurnResult] = field(default_factory=list)
    leads: int = 0

    @property
    def leads_ok(self) -> bool:
        return self.leads == (1 if self.conversation.books else 0)

    @property
    def ok(self) -> bool:
        return self.leads_ok and all(turn.ok for turn in self.turns)

    def report(self) -> str:
        """Each turn as the visitor said it, what was expected and what the assistant did."""
        lines = [f"{self.conversation.id} ({self.conversation.kind}), sender {self.sender}"]
        for result in self.turns:
            mark = "ok " if result.ok else "BAD"
            expected = sorted(result.turn.any_of)
            if result.turn.all_of:
                expected.append(f"all of {sorted(result.turn.all_of)}")
            lines.append(f"  {mark} {result.turn.user!r}")
            lines.append(f"      expected {expected}, got {sorted(result.labels)}")
            lines += [f"      | {reply.get('text', '')}" for reply in result.replies]
        if not self.leads_ok:
            lines.append(f"  BAD leads stored: {self.leads}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Assistant:
    """Where the running stack is: Rasa's port and API token, and the leads database."""

    rasa_port: int
    api_token: str
    leads_db_url: str

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return list(json.load(response))

    def events(self, sender: str) -> list[dict[str, Any]]:
        """The conversation's events, from Rasa's HTTP API."""
        query = urllib.parse.urlencode({"token": self.api_token, "include_events": "ALL"})
        sender_path = urllib.parse.quote(sender, safe="")
        url = f"http://127.0.0.1:{self.rasa_port}/conversations/{sender_path}/tracker?{query}"
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            return list(json.load(response).get("events") or [])

    def leads_of(self, sender: str) -> int:
        engine = make_engine(self.leads_db_url)
        try:
            with engine.connect() as connection:
                count = select(func.count()).where(Lead.conversation_id == sender)
                return int(connection.execute(count).scalar_one())
        finally:
            engine.dispose()


def _intent(turn_events: Sequence[Mapping[str, Any]]) -> str | None:
    parse = turn_events[0].get("parse_data") or {} if turn_events else {}
    return (parse.get("intent") or {}).get("name")


def play(
    conversation: Conversation, assistant: Assistant, prefix: str = "dialogue"
) -> ConversationResult:
    """Says each turn in order on a fresh sender id, then labels every turn from the tracker."""
    sender = f"{prefix}-{conversation.id}-{uuid.uuid4().hex[:12]}"
    said: list[tuple[Turn, list[dict[str, Any]], float]] = []
    for turn in conversation.turns:
        started = time.perf_counter()
        replies = assistant.say(sender, turn.user)
        said.append((turn, replies, time.perf_counter() - started))
    per_turn = user_turns(assistant.events(sender))[1:]
    result = ConversationResult(conversation, sender, leads=assistant.leads_of(sender))
    previous_buttons = False
    for index, (turn, replies, seconds) in enumerate(said):
        turn_events = per_turn[index] if index < len(per_turn) else []
        result.turns.append(
            TurnResult(
                turn,
                turn_labels(replies, turn_events),
                replies,
                seconds,
                intent=_intent(turn_events),
                after_buttons=previous_buttons,
            )
        )
        previous_buttons = any(reply.get("buttons") for reply in replies)
    return result


def play_all(
    conversations: Iterable[Conversation], assistant: Assistant, prefix: str = "dialogue"
) -> list[ConversationResult]:
    return [play(conversation, assistant, prefix) for conversation in conversations]
