"""What one turn costs the project's tracker store: one insert of the new events per save, a count
of the stored events only for a tracker its retrieve did not make, one round trip each to read
and to save on PostgreSQL, and a SQLite file that is not synced at every commit."""

import sqlite3

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_server_plugins.tracker_store import FormForgettingSQLTrackerStore
from testkit.coroutines import run_coroutine
from testkit.domain import load_domain
from testkit.tracker_stores import sql_tracker_store
from tests.conftest import postgres_test_url, reset_postgres
from tests.integration.rasa_server_plugins.test_privacy_promises import (
    PERSONAL,
    Conversation,
    end_by_sending,
    fill_form,
)


def turn(tracker, text):
    tracker.update(UserUttered(text, {"name": "faq", "confidence": 0.9}))
    tracker.update(ActionExecuted("utter_faq"))
    tracker.update(BotUttered("an answer"))
    tracker.update(ActionExecuted("action_listen"))


def statements_of_save(store, tracker):
    seen = []

    def record(_conn, _cursor, statement, *_):
        seen.append(" ".join(statement.split()).lower())

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        run_coroutine(store.save(tracker))
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)
    return seen


def first_turn_saved(tmp_path) -> tuple[FormForgettingSQLTrackerStore, DialogueStateTracker]:
    store = FormForgettingSQLTrackerStore(
        Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db")
    )
    tracker = DialogueStateTracker.from_events("visitor", [ActionExecuted("action_listen")])
    turn(tracker, "what is ART?")
    run_coroutine(store.save(tracker))
    return store, tracker


def assert_both_turns_stored(store: FormForgettingSQLTrackerStore) -> None:
    stored = run_coroutine(store.retrieve("visitor"))
    assert [event.text for event in stored.events if isinstance(event, UserUttered)] == [
        "what is ART?",
        "and for my neck?",
    ]
    assert len(stored.events) == 9


def test_a_save_of_a_tracker_not_retrieved_counts_the_stored_events_once(tmp_path):
    store, tracker = first_turn_saved(tmp_path)
    turn(tracker, "and for my neck?")

    statements = statements_of_save(store, tracker)

    assert sum("count(*)" in statement for statement in statements) == 1
    assert sum(statement.startswith("insert") for statement in statements) == 1
    assert_both_turns_stored(store)


def test_a_save_after_its_retrieve_counts_nothing_and_inserts_the_new_events_once(tmp_path):
    store, tracker = first_turn_saved(tmp_path)
    tracker = run_coroutine(store.retrieve("visitor"))
    turn(tracker, "and for my neck?")

    statements = statements_of_save(store, tracker)

    assert not any("count(*)" in statement for statement in statements)
    assert sum(statement.startswith("insert") for statement in statements) == 1
    assert_both_turns_stored(store)


def test_another_retrieve_between_makes_the_save_count_again(tmp_path):
    store, tracker = first_turn_saved(tmp_path)
    tracker = run_coroutine(store.retrieve("visitor"))
    run_coroutine(store.retrieve("visitor"))
    turn(tracker, "and for my neck?")

    statements = statements_of_save(store, tracker)

    assert sum("count(*)" in statement for statement in statements) == 1
    assert len(run_coroutine(store.retrieve("visitor")).events) == 9


def test_the_sqlite_file_is_in_write_ahead_log_mode(tmp_path):
    path = tmp_path / "t.db"
    store = FormForgettingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    tracker = DialogueStateTracker.from_events("visitor", [ActionExecuted("action_listen")])
    turn(tracker, "hello")
    run_coroutine(store.save(tracker))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_forgotten_form_run_leaves_no_copy_in_the_sqlite_files(tmp_path):
    store = FormForgettingSQLTrackerStore(
        Domain.from_dict(load_domain()), dialect="sqlite", db=str(tmp_path / "t.db")
    )
    conversation = Conversation(store, "visitor-1")
    fill_form(conversation)
    end_by_sending(conversation)

    # Read while the store still holds its connection, as a running Rasa server does.
    files = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    assert "t.db" in files
    leaked = [
        (name, word) for name, data in files.items() for word in PERSONAL if word.encode() in data
    ]
    assert leaked == []


def test_a_failed_save_does_not_quote_the_visitors_words_in_its_error(tmp_path):
    store = FormForgettingSQLTrackerStore(
        Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db")
    )
    # The count before the insert still works; the insert of the visitor's message fails.
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.type_name = 'user' "
            "BEGIN SELECT RAISE(ABORT, 'full'); END"
        )
    tracker = DialogueStateTracker.from_events("visitor", [ActionExecuted("action_listen")])
    turn(tracker, "my number is 914 555 0142")

    try:
        run_coroutine(store.save(tracker))
    except sa.exc.SQLAlchemyError as error:
        message = str(error)
    else:
        raise AssertionError("the save should fail when the insert is refused")

    assert "INSERT INTO events" in message
    assert "914 555 0142" not in message


@pytest.mark.postgres
def test_on_postgresql_a_turn_is_one_round_trip_to_read_and_one_to_save():
    url = postgres_test_url()
    reset_postgres(url)
    store = sql_tracker_store(url, FormForgettingSQLTrackerStore)
    tracker = DialogueStateTracker.from_events("visitor", [ActionExecuted("action_listen")])
    turn(tracker, "what is ART?")
    run_coroutine(store.save(tracker))
    seen: list[tuple[str, bool]] = []

    def record(_conn, cursor, statement, *_):
        # psycopg2 sends a BEGIN before the first statement of a transaction unless autocommit.
        seen.append((statement.split()[0].lower(), cursor.connection.autocommit))

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        tracker = run_coroutine(store.retrieve("visitor"))
        turn(tracker, "and for my neck?")
        run_coroutine(store.save(tracker))
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)
        store.engine.dispose()

    assert seen == [("select", True), ("insert", True)]
    reread = sql_tracker_store(url, FormForgettingSQLTrackerStore)
    assert len(run_coroutine(reread.retrieve("visitor")).events) == 9
    reread.engine.dispose()
