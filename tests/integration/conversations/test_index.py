"""`leads tracker-index` on Rasa's own SQL tracker store, SQLite and PostgreSQL: the index is
added once, SQLite's planner uses it for the reader's period queries, and a missing store is a
clear failure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import inspect, text

from clinic.cli.leads import main
from clinic.conversations.index import EVENTS_INDEX, add_events_index
from testkit.tracker_stores import sql_tracker_store


@pytest.fixture
def store(empty_db_url: str) -> Iterator[SQLTrackerStore]:
    created = sql_tracker_store(empty_db_url)
    yield created
    created.engine.dispose()


def index_names(store: SQLTrackerStore) -> set[str]:
    return {index["name"] for index in inspect(store.engine).get_indexes("events")}


def test_the_index_is_added_once(store):
    assert EVENTS_INDEX not in index_names(store)
    assert add_events_index(store.engine.url) is True
    assert add_events_index(store.engine.url) is False
    assert EVENTS_INDEX in index_names(store)


def test_sqlite_reads_a_period_of_visitor_messages_through_the_index(tmp_path):
    store = sql_tracker_store(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    add_events_index(store.engine.url)
    query = text(
        "EXPLAIN QUERY PLAN SELECT COUNT(DISTINCT sender_id) FROM events "
        "WHERE type_name = 'user' AND timestamp >= 0 AND timestamp < 1"
    )
    with store.engine.connect() as connection:
        plan = " ".join(str(row[-1]) for row in connection.execute(query))
    store.engine.dispose()
    assert f"INDEX {EVENTS_INDEX}" in plan


def test_the_command_indexes_the_store_the_endpoints_file_names(tmp_path, capsys):
    store = sql_tracker_store(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  db: tracker.sqlite3\n")
    assert main(["tracker-index", "--endpoints", str(endpoints)]) == 0
    assert main(["tracker-index", "--endpoints", str(endpoints)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"Index {EVENTS_INDEX} added.",
        f"Index {EVENTS_INDEX} already there.",
    ]
    assert EVENTS_INDEX in index_names(store)
    store.engine.dispose()


def test_a_missing_store_is_not_created(tmp_path: Path, capsys):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  db: absent.sqlite3\n")
    assert main(["tracker-index", "--endpoints", str(endpoints)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "absent.sqlite3").exists()
