"""Unanswered questions for tests of the staff page: conversations written into Rasa's tracker
store, and a small encoder whose closeness is easy to predict."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from bench.staff_data import Conversation, write_conversations
from tests.support.staff_app import NOW

PHONE = "914-555-0199"


def chat(tracker, sender_id, hours_ago, *questions):
    conversation = Conversation(sender_id, NOW - timedelta(hours=hours_ago))
    for intent, full_intent, text in questions:
        conversation.unanswered(intent, full_intent, text)
    conversation.faq("faq/neck_pain")
    write_conversations(tracker.engine, tracker, [conversation])


def parking_and_medicine(tracker):
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

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        rows = np.array(
            [[1.0 if word in text.lower() else 0.0 for word in VOCABULARY] for text in texts]
        )
        rows[rows.sum(axis=1) == 0, -1] = 1.0
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
