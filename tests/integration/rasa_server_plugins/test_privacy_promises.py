"""Finding 3, privacy promises: what the visitor gave the booking form leaves the conversation's
record when the request is cancelled, refused or sent (the tracker store the Rasa server uses,
rasa_server_plugins.tracker_store, on a SQLite file and on PostgreSQL)."""

from __future__ import annotations

import time

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import class_from_module_path
from sqlalchemy import text

from clinic.booking.fields import BOOKING_SLOTS
from clinic.db.engine import make_engine
from clinic.paths import REPO_ROOT
from rasa_server_plugins.tracker_store import FormForgettingSQLTrackerStore
from testkit.coroutines import run_coroutine
from testkit.domain import load_domain
from testkit.tracker_stores import sql_tracker_store

NAME = "Jane Doe"
PHONE = "914 555 0123"
EMAIL = "jane@example.com"
CONCERN = "my left shoulder clicks"
PERSONAL = (NAME, "Jane", PHONE, "+19145550123", EMAIL, "shoulder")
FAQ_QUESTION = "How is ART different from massage?"


@pytest.fixture
def store_and_url(empty_db_url):
    domain = Domain.from_dict(load_domain())
    store = sql_tracker_store(empty_db_url, FormForgettingSQLTrackerStore, domain)
    yield store, empty_db_url
    store.engine.dispose()


class Conversation:
    """Events as the Rasa server appends and saves them, one turn at a time."""

    def __init__(self, store, sender_id):
        self.store = store
        self.tracker = DialogueStateTracker.from_events(sender_id, [], store.domain.slots)
        self.clock = time.time()

    def turn(self, *events):
        for event in events:
            self.clock += 1
            event.timestamp = self.clock
            self.tracker.update(event)
        run_coroutine(self.store.save(self.tracker))

    def user(self, message, intent, entities=()):
        parse_data = {
            "text": message,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": list(entities),
        }
        return UserUttered(message, parse_data["intent"], list(entities), parse_data)


def fill_form(conversation):
    """A FAQ question, then a booking request up to the summary."""
    c = conversation
    c.turn(
        SessionStarted(),
        ActionExecuted("action_listen"),
        c.user(FAQ_QUESTION, "faq"),
        ActionExecuted("utter_faq"),
        BotUttered("ART works on the soft tissue..."),
        ActionExecuted("action_listen"),
    )
    c.turn(
        c.user("I'd like to book", "book_appointment"),
        ActionExecuted("utter_booking_intro"),
        BotUttered("I'll take a few details..."),
        ActionExecuted("booking_form"),
        ActiveLoop("booking_form"),
        SlotSet("requested_slot", "full_name"),
        BotUttered("What is your full name?"),
        ActionExecuted("action_listen"),
    )
    c.turn(
        c.user(NAME, "inform"),
        ActionExecuted("booking_form"),
        SlotSet("full_name", NAME),
        SlotSet("requested_slot", "contact"),
        ActionExecuted("action_listen"),
    )
    phone = {"entity": "phone_number", "value": PHONE, "start": 0, "end": len(PHONE)}
    c.turn(
        c.user(f"{PHONE} or {EMAIL}", "inform", [phone]),
        ActionExecuted("booking_form"),
        SlotSet("contact", f"+19145550123, {EMAIL}"),
        SlotSet("contact_phone", "+19145550123"),
        SlotSet("contact_email", EMAIL),
        SlotSet("requested_slot", "concern"),
        ActionExecuted("action_listen"),
    )
    c.turn(
        c.user(CONCERN, "inform"),
        ActionExecuted("booking_form"),
        SlotSet("concern", f"other: {CONCERN}"),
        SlotSet("requested_slot", "booking_confirmed"),
        BotUttered(f"Name: {NAME}, phone +19145550123, {EMAIL}, other: {CONCERN}. Send it?"),
        ActionExecuted("action_listen"),
    )


def reset_events():
    return [SlotSet(slot, None) for slot in BOOKING_SLOTS] + [SlotSet("answer_misses", 0)]


def end_by_cancel(c):
    c.turn(
        c.user("never mind", "cancel"),
        ActionExecuted("action_deactivate_loop"),
        ActiveLoop(None),
        ActionExecuted("action_reset_booking"),
        *reset_events(),
        ActionExecuted("utter_booking_cancelled"),
        BotUttered("No problem, I've dropped that request."),
        ActionExecuted("action_listen"),
    )


def end_by_sending(c):
    c.turn(
        c.user("yes", "affirm"),
        ActionExecuted("booking_form"),
        SlotSet("booking_confirmed", True),
        ActiveLoop(None),
        ActionExecuted("action_submit_booking"),
        BotUttered("Thank you, Jane. Your request is with our front desk, reference PCX-7K3M9Q."),
        *reset_events(),
        SlotSet("lead_reference", "PCX-7K3M9Q"),
        ActionExecuted("action_listen"),
    )


def stored_rows(url, sender_id):
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return [
                row.data
                for row in connection.execute(
                    text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"),
                    {"s": sender_id},
                )
            ]
    finally:
        engine.dispose()


@pytest.mark.parametrize("ending", [end_by_cancel, end_by_sending], ids=["cancel", "sent"])
def test_privacy_promises_the_form_answers_leave_the_conversation_record(store_and_url, ending):
    store, url = store_and_url
    conversation = Conversation(store, "visitor-1")
    fill_form(conversation)
    before = stored_rows(url, "visitor-1")
    assert any(NAME in row for row in before)
    ending(conversation)

    after = stored_rows(url, "visitor-1")
    assert len(after) == len(conversation.tracker.events)
    leaked = [row for row in after for word in PERSONAL if word in row]
    assert leaked == []
    # What is not form data stays, and Rasa still replays the conversation.
    assert any(FAQ_QUESTION in row for row in after)
    tracker = run_coroutine(store.retrieve("visitor-1"))
    assert [event.as_dict()["event"] for event in tracker.events] == [
        event.as_dict()["event"] for event in conversation.tracker.events
    ]
    assert all(tracker.get_slot(slot) is None for slot in BOOKING_SLOTS)
    assert tracker.latest_action_name == "action_listen"


def test_privacy_promises_a_form_still_being_filled_keeps_its_answers(store_and_url):
    store, url = store_and_url
    conversation = Conversation(store, "visitor-2")
    fill_form(conversation)
    tracker = run_coroutine(store.retrieve("visitor-2"))
    assert tracker.get_slot("full_name") == NAME
    assert any(EMAIL in row for row in stored_rows(url, "visitor-2"))


def test_privacy_promises_a_second_request_forgets_only_its_own_run(store_and_url):
    store, url = store_and_url
    conversation = Conversation(store, "visitor-3")
    fill_form(conversation)
    end_by_cancel(conversation)
    conversation.turn(
        conversation.user("book again", "book_appointment"),
        ActionExecuted("booking_form"),
        ActiveLoop("booking_form"),
        SlotSet("requested_slot", "full_name"),
        ActionExecuted("action_listen"),
    )
    conversation.turn(
        conversation.user("Sam Lee", "inform"),
        ActionExecuted("booking_form"),
        SlotSet("full_name", "Sam Lee"),
        ActionExecuted("action_listen"),
    )
    rows = stored_rows(url, "visitor-3")
    assert any("Sam Lee" in row for row in rows)
    assert not any(NAME in row for row in rows)


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "endpoints.production.yml"])
def test_privacy_promises_both_endpoints_files_name_the_forgetting_store(endpoints):
    # Rasa falls back to an in-memory store, with only a warning, on a type it cannot import.
    config = yaml.safe_load((REPO_ROOT / endpoints).read_text(encoding="utf-8"))
    store_class = class_from_module_path(config["tracker_store"]["type"])
    assert store_class is FormForgettingSQLTrackerStore
