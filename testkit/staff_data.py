"""Generated conversations for the staff page's tests and `make bench-staff`: Rasa events, stored
row by row exactly as Rasa's SQLTrackerStore.save stores them, in bulk."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SlotSet,
    UserUttered,
)
from sqlalchemy.engine import Engine

from clinic.booking.fields import BOOKING_SLOTS

FAQ_QUESTIONS = {
    "faq/what_is_art": "What is Active Release Technique?",
    "faq/neck_pain": "Can ART help with neck pain?",
    "faq/lower_back_pain": "Does it work for lower back pain?",
    "faq/sessions_results": "How many sessions until I feel better?",
    "faq/headaches": "Can it help my headaches?",
    "faq/athletes": "I run marathons, is this for athletes?",
    "faq/where_offered": "Where do you offer the treatment?",
}
# (intent, full intent, text) of questions the assistant cannot answer.
UNANSWERED_QUESTIONS = (
    ("out_of_scope", None, "Can you fix my car?"),
    ("nlu_fallback", None, "blorp the wibble"),
    ("faq", "faq/not_in_article", "Do you validate parking?"),
    ("ask_medication", None, "Should I take ibuprofen before the session?"),
)

_RANKING_FILLER = [{"name": f"other_intent_{n}", "confidence": 0.01} for n in range(9)]
_TOPIC_FILLER = [{"intent_response_key": f"faq/other_{n}", "confidence": 0.01} for n in range(9)]


@dataclass
class Conversation:
    """One visitor's conversation, turn by turn, on a clock that moves a little per event."""

    sender_id: str
    clock: datetime
    events: list[Event] = field(default_factory=list)

    def faq(self, topic: str) -> Conversation:
        self._visitor(FAQ_QUESTIONS[topic], "faq", topic)
        self._bot("Here is what the article says.", f"utter_{topic}")
        return self

    def unanswered(self, intent: str, full_intent: str | None, text: str) -> Conversation:
        self._visitor(text, intent, full_intent)
        self._bot("Sorry, I can't help with that here.", f"utter_{full_intent or intent}")
        return self

    def fallback(self, intent: str, text: str) -> Conversation:
        """A message the assistant answered with its fallback response, as its rules do for a
        form answer given outside the booking form."""
        self._visitor(text, intent)
        self._action("utter_default")
        self._bot("Sorry, I didn't quite get that.", "utter_default")
        return self

    def booking(self, *, sent: bool) -> Conversation:
        self._visitor("I'd like to book an appointment", "book_appointment")
        self._bot("Happy to help you book.", "utter_booking_intro")
        self._action("booking_form")
        self._add(ActiveLoop("booking_form", timestamp=self._tick()))
        self._bot("What is your full name?", "utter_ask_full_name")
        self._visitor("Jane Roe", "inform")
        self._action("booking_form")
        self._add(ActiveLoop(None, timestamp=self._tick()))
        self._action("action_submit_booking")
        if sent:
            self._bot("Thanks, your request is sent.")
        else:
            self._bot("Nothing was sent.", "utter_booking_cancelled")
        return self._reset()

    def cancelled_booking(self) -> Conversation:
        self._visitor("book me in", "book_appointment")
        self._action("booking_form")
        self._add(ActiveLoop("booking_form", timestamp=self._tick()))
        self._bot("What is your full name?", "utter_ask_full_name")
        self._visitor("cancel", "cancel")
        self._action("action_deactivate_loop")
        self._add(ActiveLoop(None, timestamp=self._tick()))
        self._action("action_reset_booking")
        return self._reset()

    def _reset(self) -> Conversation:
        moment = self._tick()
        self.events += [SlotSet(slot, None, timestamp=moment) for slot in BOOKING_SLOTS]
        return self

    def _visitor(self, text: str, intent: str, full_intent: str | None = None) -> None:
        self._action("action_listen")
        # As large as the assistant's own: ten-entry rankings of intents and of FAQ topics.
        parse_data: dict[str, Any] = {
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "entities": [],
            "intent_ranking": [{"name": intent, "confidence": 0.9}, *_RANKING_FILLER],
        }
        if full_intent and "/" in full_intent:
            retrieval = full_intent.split("/")[0]
            parse_data["response_selector"] = {
                "all_retrieval_intents": [retrieval],
                retrieval: {
                    "response": {
                        "responses": [],
                        "confidence": 0.9,
                        "intent_response_key": full_intent,
                        "utter_action": f"utter_{full_intent}",
                    },
                    "ranking": [
                        {"intent_response_key": full_intent, "confidence": 0.9},
                        *_TOPIC_FILLER,
                    ],
                },
            }
        self._add(
            UserUttered(text, intent=parse_data["intent"], parse_data=parse_data, timestamp=0)
        )

    def _bot(self, text: str, response: str | None = None) -> None:
        metadata = {"utter_action": response} if response else {}
        self._add(BotUttered(text, metadata=metadata, timestamp=0))

    def _action(self, name: str) -> None:
        self._add(ActionExecuted(name, timestamp=0))

    def _add(self, event: Event) -> None:
        event.timestamp = self._tick()
        self.events.append(event)

    def _tick(self) -> float:
        self.clock += timedelta(seconds=5)
        return self.clock.timestamp()


def tracker_store(path: Path) -> SQLTrackerStore:
    """Rasa's SQL tracker store on a SQLite file: Rasa creates its own `events` table."""
    return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))


def write_conversations(
    engine: Engine, store: SQLTrackerStore, items: Iterable[Conversation]
) -> int:
    """Insert the conversations' events as SQLTrackerStore.save would; returns the row count."""
    rows = [_row(item.sender_id, event) for item in items for event in item.events]
    with engine.begin() as connection:
        connection.execute(store.SQLEvent.__table__.insert(), rows)
    return len(rows)


def generated_conversations(
    count: int, since: datetime, days: int, sent_bookings: int, seed: int = 11
) -> Iterator[tuple[Conversation, bool]]:
    """`count` conversations spread over `days` from `since`; the first `sent_bookings` send a
    booking request. Yields each with whether it sent one."""
    rng = random.Random(seed)
    topics = sorted(FAQ_QUESTIONS)
    for number in range(count):
        start = since + timedelta(seconds=rng.uniform(0, days * 86400 - 3600))
        conversation = Conversation(f"visitor-{number:06d}-{rng.getrandbits(32):08x}", start)
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.2:
                conversation.unanswered(*rng.choice(UNANSWERED_QUESTIONS))
            else:
                conversation.faq(rng.choice(topics))
        sent = number < sent_bookings
        if sent:
            conversation.booking(sent=True)
        elif rng.random() < 0.05:
            conversation.cancelled_booking()
        yield conversation, sent


def _row(sender_id: str, event: Event) -> dict[str, Any]:
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }
