"""The staff page's reader of Rasa's SQL tracker store, on conversations written by Rasa's own
store (and the project's form-forgetting one), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from clinic.booking.fields import BOOKING_SLOTS
from clinic.conversations.events import (
    FormRuns,
    TrackerUnreachable,
    conversation_count,
    conversation_starts,
    form_runs,
    open_tracker_store,
    read_only_engine,
    transcript,
    user_messages,
)
from clinic.conversations.store import TrackerStoreError, purge_conversations
from rasa_server_plugins.tracker_store import FormForgettingSQLTrackerStore
from testkit.coroutines import run_coroutine
from testkit.tracker_stores import sql_tracker_store

START = datetime(2026, 11, 2, 14, 0, tzinfo=timezone.utc)


def at(minutes: float) -> float:
    return (START + timedelta(minutes=minutes)).timestamp()


def visitor(text_: str, intent: str, minutes: float, topic: str | None = None) -> UserUttered:
    parse_data: dict[str, Any] = {
        "text": text_,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [],
    }
    if topic:
        parse_data["response_selector"] = {
            "all_retrieval_intents": ["faq"],
            "faq": {
                "response": {"responses": [], "confidence": 0.9, "intent_response_key": topic},
                "ranking": [],
            },
        }
    return UserUttered(
        text_, intent=parse_data["intent"], parse_data=parse_data, timestamp=at(minutes)
    )


def bot(text_: str, minutes: float, response: str | None = None) -> BotUttered:
    metadata = {"utter_action": response} if response else {}
    return BotUttered(text_, metadata=metadata, timestamp=at(minutes))


def action(name: str, minutes: float) -> ActionExecuted:
    return ActionExecuted(name, timestamp=at(minutes))


def form(active: bool, minutes: float) -> ActiveLoop:
    return ActiveLoop("booking_form" if active else None, timestamp=at(minutes))


def reset(minutes: float) -> list[Event]:
    return [SlotSet(slot, None, timestamp=at(minutes)) for slot in BOOKING_SLOTS]


def faq_chat(minutes: float) -> list[Event]:
    return [
        action("action_listen", minutes),
        visitor("Do you take Medicare?", "faq", minutes, topic="faq/insurance"),
        bot("Yes, we accept Medicare.", minutes + 0.1, "utter_faq/insurance"),
        action("action_listen", minutes + 0.2),
        visitor("can you fix my car", "out_of_scope", minutes + 1),
        bot("I can only help with the clinic.", minutes + 1.1, "utter_out_of_scope"),
        action("action_listen", minutes + 1.2),
        visitor("what is the parking validation code", "faq", minutes + 2, "faq/not_in_article"),
        bot("I don't know that one.", minutes + 2.1, "utter_faq/not_in_article"),
    ]


def booking(minutes: float, *, sent: bool) -> list[Event]:
    events: list[Event] = [
        action("action_listen", minutes),
        visitor("I'd like to book", "book_appointment", minutes),
        bot("Happy to help you book.", minutes + 0.1, "utter_booking_intro"),
        action("booking_form", minutes + 0.2),
        form(True, minutes + 0.2),
        bot("What is your full name?", minutes + 0.3, "utter_ask_full_name"),
        action("action_listen", minutes + 0.4),
        visitor("Jane Roe", "inform", minutes + 1),
        action("booking_form", minutes + 1.1),
        form(False, minutes + 1.1),
    ]
    if sent:
        events += [
            action("action_submit_booking", minutes + 1.2),
            bot("Thanks, your reference is PCX-ABC123.", minutes + 1.3),
        ]
    else:
        events += [
            action("action_submit_booking", minutes + 1.2),
            bot("Nothing was sent.", minutes + 1.3, "utter_booking_cancelled"),
        ]
    return [*events, *reset(minutes + 1.4)]


def cancelled_booking(minutes: float) -> list[Event]:
    return [
        action("action_listen", minutes),
        visitor("book me in", "book_appointment", minutes),
        action("booking_form", minutes + 0.1),
        form(True, minutes + 0.1),
        bot("What is your full name?", minutes + 0.2, "utter_ask_full_name"),
        action("action_listen", minutes + 0.3),
        visitor("Do you take Medicare?", "faq", minutes + 1, topic="faq/insurance"),
        bot("Yes, we accept Medicare.", minutes + 1.1, "utter_faq/insurance"),
        action("booking_form", minutes + 1.2),
        form(True, minutes + 1.2),
        action("action_listen", minutes + 1.3),
        visitor("cancel", "cancel", minutes + 2),
        action("action_deactivate_loop", minutes + 2.1),
        form(False, minutes + 2.1),
        action("action_reset_booking", minutes + 2.2),
        *reset(minutes + 2.2),
    ]


@pytest.fixture
def store(empty_db_url: str) -> Iterator[SQLTrackerStore]:
    created = sql_tracker_store(empty_db_url, FormForgettingSQLTrackerStore)
    yield created
    created.engine.dispose()


@pytest.fixture
def reader(store: SQLTrackerStore) -> Iterator[Engine]:
    engine = read_only_engine(store.engine.url)
    yield engine
    engine.dispose()


def save(store: SQLTrackerStore, sender_id: str, events: list[Event]) -> None:
    """Saved turn by turn (a turn ends where the assistant listens again), as Rasa does."""
    ends = [index for index, event in enumerate(events) if _listens(event)][1:]
    for end in [*ends, len(events)]:
        tracker = DialogueStateTracker.from_events(sender_id, events[:end])
        run_coroutine(store.save(tracker))


def _listens(event: Event) -> bool:
    return isinstance(event, ActionExecuted) and event.action_name == "action_listen"


def test_user_messages_carry_intent_faq_topic_and_time(store, reader):
    save(store, "faq-visitor", faq_chat(0))
    messages = list(user_messages(reader))
    assert [(m.text, m.intent, m.full_intent) for m in messages] == [
        ("Do you take Medicare?", "faq", "faq/insurance"),
        ("can you fix my car", "out_of_scope", "out_of_scope"),
        ("what is the parking validation code", "faq", "faq/not_in_article"),
    ]
    assert {m.sender_id for m in messages} == {"faq-visitor"}
    assert messages[0].timestamp == START
    assert messages[1].timestamp == START + timedelta(minutes=1)


def test_user_messages_keep_to_the_period(store, reader):
    save(store, "early", faq_chat(0))
    save(store, "late", faq_chat(60 * 24))
    since = START + timedelta(hours=12)
    assert {m.sender_id for m in user_messages(reader, since=since)} == {"late"}
    assert {m.sender_id for m in user_messages(reader, until=since)} == {"early"}
    assert conversation_count(reader) == 2
    assert conversation_count(reader, since, since + timedelta(days=2)) == 1


def test_without_text_the_database_reads_the_same_intents(store, reader):
    save(store, "faq-visitor", faq_chat(0))
    save(store, "booker", [*faq_chat(30), *cancelled_booking(40)])
    save(store, "later", faq_chat(60 * 24))
    until = START + timedelta(hours=1)
    counts = Counter(m.full_intent for m in user_messages(reader, until=until, with_text=False))
    assert counts == Counter(
        {
            "faq/insurance": 3,
            "out_of_scope": 2,
            "faq/not_in_article": 2,
            "book_appointment": 1,
            "cancel": 1,
        }
    )
    with_text = [replace(m, text=None) for m in user_messages(reader)]
    assert list(user_messages(reader, with_text=False)) == with_text


@pytest.mark.parametrize(
    "odd_text",
    [
        "Do you take\x00 Medicare?",
        "Do you take \ud800Medicare?",
        "Do you take Medicare? \U0001f600",
    ],
    ids=["nul", "unpaired-surrogate", "emoji"],
)
def test_finding_7_a_message_postgresql_cannot_read_as_json_spoils_nothing(store, reader, odd_text):
    """One visitor message with U+0000 (or an unpaired surrogate, which the REST body may
    carry) used to fail every query of a period holding it on PostgreSQL."""
    odd_chat = faq_chat(30)
    odd_chat[1] = visitor(odd_text, "faq", 30, topic="faq/insurance")
    save(store, "faq-visitor", faq_chat(0))
    save(store, "odd-visitor", odd_chat)
    messages = list(user_messages(reader))
    assert [m.text for m in messages if m.sender_id == "odd-visitor"][0] == odd_text
    assert Counter(m.full_intent for m in messages) == Counter(
        {"faq/insurance": 2, "out_of_scope": 2, "faq/not_in_article": 2}
    )
    assert list(user_messages(reader, with_text=False)) == [replace(m, text=None) for m in messages]


def test_finding_6_user_messages_carry_their_entities_only_with_the_text(store, reader):
    said = visitor("call me on 914 555 0123", "inform", 0)
    phone = {"entity": "phone_number", "start": 11, "end": 23, "value": "+19145550123"}
    said.parse_data["entities"] = [phone]
    save(store, "caller", [action("action_listen", 0), said])
    (with_text,) = user_messages(reader)
    assert with_text.entities == (phone,)
    (without_text,) = user_messages(reader, with_text=False)
    assert without_text.entities == ()


def fallback_chat(minutes: float) -> list[Event]:
    """A question outside the form the assistant answered with the fallback, then a booking
    whose name answer is classified `inform` too."""
    return [
        action("action_listen", minutes),
        visitor("is the car park free", "inform", minutes),
        action("utter_default", minutes + 0.1),
        bot("Sorry, I didn't get that.", minutes + 0.1, "utter_default"),
        action("action_listen", minutes + 0.2),
        visitor("change my booking", "change_detail", minutes + 1),
        action("action_default_fallback", minutes + 1.1),
        *booking(2, sent=False),
    ]


def test_user_messages_say_how_and_where_they_were_answered(store, reader):
    save(store, "visitor", fallback_chat(0))
    save(store, "faq-visitor", faq_chat(0))
    messages = list(user_messages(reader))
    asked, change, book, name = (m for m in messages if m.sender_id == "visitor")
    assert asked.text == "is the car park free"
    assert (asked.answered_by, asked.in_form, asked.unanswered_as) == (
        "utter_default",
        False,
        "fallback",
    )
    assert (change.answered_by, change.unanswered_as) == ("action_default_fallback", "fallback")
    # Blanked by the form-forgetting store once the run ended, but the intent stays.
    assert (name.text, name.intent) == (None, "inform")
    assert (name.answered_by, name.in_form, name.unanswered_as) == ("booking_form", True, None)
    assert (book.answered_by, book.in_form, book.unanswered_as) == ("booking_form", False, None)
    medicare = next(m for m in messages if m.text == "Do you take Medicare?")
    assert (medicare.answered_by, medicare.unanswered_as) == ("action_listen", None)
    unanswered = sorted(m.text or "" for m in messages if m.unanswered_as)
    assert unanswered == [
        "can you fix my car",
        "change my booking",
        "is the car park free",
        "what is the parking validation code",
    ]


def test_the_form_state_and_answer_come_from_around_the_period(store, reader):
    save(store, "visitor", booking(0, sent=True))
    # The name was typed into a form opened before the period; the answer follows its end.
    name_sent = START + timedelta(minutes=1)
    (name,) = user_messages(reader, since=name_sent, until=name_sent + timedelta(seconds=1))
    assert (name.in_form, name.answered_by, name.unanswered_as) == (True, "booking_form", None)


def test_conversation_starts_are_each_conversations_first_message(store, reader):
    save(store, "first", faq_chat(0))
    save(store, "second", [*faq_chat(90), *faq_chat(200)])
    assert sorted(conversation_starts(reader)) == [START, START + timedelta(minutes=90)]
    since = START + timedelta(minutes=100)
    assert conversation_starts(reader, since) == [START + timedelta(minutes=200)]


def test_transcript_marks_the_forms_own_turns_and_shows_them_removed(store, reader):
    save(store, "booker", [*faq_chat(0), *booking(10, sent=True)])
    turns = transcript(reader, "booker")
    said = [(t.speaker, t.text, t.in_form) for t in turns]
    assert said[:2] == [
        ("visitor", "Do you take Medicare?", False),
        ("assistant", "Yes, we accept Medicare.", False),
    ]
    # The form-forgetting store blanked the run's messages once the request was sent.
    assert said[6:] == [
        ("visitor", "I'd like to book", False),
        ("assistant", "Happy to help you book.", False),
        ("assistant", None, True),
        ("visitor", None, True),
        ("assistant", None, False),
    ]
    assert turns[6].timestamp == START + timedelta(minutes=10)


def test_transcript_of_an_unknown_conversation_is_empty(store, reader):
    save(store, "someone", faq_chat(0))
    assert transcript(reader, "purged-long-ago") == []


def test_form_runs_count_started_sent_and_unsent_requests(store, reader):
    save(store, "sent", booking(0, sent=True))
    save(store, "refused", booking(5, sent=False))
    save(store, "cancelled", cancelled_booking(10))
    save(store, "twice", [*booking(20, sent=True), *cancelled_booking(30)])
    assert form_runs(reader) == FormRuns(started=5, submitted=2, cancelled=3)
    assert form_runs(reader, since=START + timedelta(minutes=25)) == FormRuns(1, 0, 1)


def test_purged_conversations_leave_transcripts_and_counts(store, reader):
    save(store, "old", faq_chat(0))
    save(store, "recent", faq_chat(60 * 24 * 40))
    purge_conversations(store.engine.url, START + timedelta(days=30))
    assert transcript(reader, "old") == []
    assert [turn.text for turn in transcript(reader, "recent")][0] == "Do you take Medicare?"
    assert conversation_count(reader) == 1
    assert len(list(user_messages(reader, with_text=False))) == 3


def test_the_reader_cannot_write(store, reader):
    save(store, "someone", faq_chat(0))
    with pytest.raises(SQLAlchemyError), reader.begin() as connection:
        connection.execute(text("DELETE FROM events"))
    assert len(list(user_messages(reader))) == 3


def test_a_missing_tracker_file_is_unreachable_and_stays_missing(tmp_path):
    missing = tmp_path / "absent.sqlite3"
    engine = read_only_engine(make_url(f"sqlite:///{missing}"))
    with pytest.raises(TrackerUnreachable, match="cannot read the tracker store"):
        transcript(engine, "anyone")
    with pytest.raises(TrackerUnreachable):
        list(user_messages(engine))
    assert not missing.exists()


def test_open_tracker_store_reads_the_endpoints_file(tmp_path):
    tracker = sql_tracker_store(f"sqlite:///{tmp_path / 't.sqlite3'}")
    save(tracker, "someone", faq_chat(0))
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: ${TRACKER}\n")
    engine = open_tracker_store(endpoints, {"TRACKER": "t.sqlite3"})
    assert conversation_count(engine) == 1
    engine.dispose()
    endpoints.write_text("action_endpoint:\n  url: http://localhost:5055/webhook\n")
    with pytest.raises(TrackerStoreError, match="configures no tracker store"):
        open_tracker_store(endpoints, {})
