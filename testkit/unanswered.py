"""Unanswered questions for tests of the staff page: conversations written into Rasa's tracker
store, and a small encoder whose closeness is easy to predict."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import numpy as np
from rasa.core.tracker_store import SQLTrackerStore

from testkit.staff_app import NOW
from testkit.staff_data import Conversation, write_conversations

PHONE = "914-555-0199"


def chat(
    tracker: SQLTrackerStore,
    sender_id: str,
    hours_ago: float,
    *questions: tuple[str, str | None, str],
) -> None:
    conversation = Conversation(sender_id, NOW - timedelta(hours=hours_ago))
    for intent, full_intent, text in questions:
        conversation.unanswered(intent, full_intent, text)
    conversation.faq("faq/neck_pain")
    write_conversations(tracker.engine, tracker, [conversation])


def parking_and_medicine(tracker: SQLTrackerStore) -> None:
    chat(
        tracker,
        "visitor-1",
        30,
        ("faq", "faq/not_in_article", "Do you validate parking?"),
        ("ask_medication", None, "Should I take ibuprofen before the session?"),
    )
    chat(
        tracker,
        "visitor-2",
        5,
        ("faq", "faq/not_in_article", f"is parking free? call me on {PHONE}"),
        ("ask_medication", None, "can I take aspirin with it"),
    )


VOCABULARY = ("price", "cost", "insurance", "aspirin", "ibuprofen", "elbow", "knee")


class WordEncoder:
    """Unit vectors of the vocabulary words a text holds: texts sharing a word are close."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = np.array(
            [[1.0 if word in text.lower() else 0.0 for word in VOCABULARY] for text in texts]
        )
        rows[rows.sum(axis=1) == 0, -1] = 1.0
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
