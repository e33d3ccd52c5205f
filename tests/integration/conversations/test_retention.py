"""`leads purge` on a real Rasa SQL tracker store, found through the endpoints file the Rasa
server reads (Finding 3, privacy promises: purge reads the running assistant's settings, fails
loudly when it cannot reach the store, and purges old events of a live conversation too)."""

import time
from datetime import timedelta

import pytest
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from clinic.cli.leads import main
from clinic.conversations.store import (
    purge_conversations,
    tracker_store_url,
)
from clinic.paths import REPO_ROOT
from clinic.timeutil import utc_now
from rasa_server_plugins.tracker_store import FormForgettingSQLTrackerStore
from testkit.coroutines import run_coroutine
from testkit.leads_cli import leads_cli_env
from testkit.tracker_stores import sql_tracker_store
from tests.conftest import postgres_test_url, reset_postgres

DAY = 24 * 3600
CLINIC = "name: ProClinix\nlocation: Armonk, NY\ntimezone: America/New_York\nretention_days: 30\n"


def conversation(sender_id, *ages_days):
    events = []
    for age in ages_days:
        at = time.time() - age * DAY
        events += [
            ActionExecuted("action_listen", timestamp=at),
            UserUttered(f"my number is 914 555 01{int(age) % 100:02d}", timestamp=at + 1),
        ]
    return DialogueStateTracker.from_events(sender_id, events)


def save(store, tracker):
    run_coroutine(store.save(tracker))


def texts(store, sender_id):
    tracker = run_coroutine(store.retrieve_full_tracker(sender_id))
    if tracker is None:
        return []
    return [event.text for event in tracker.events if isinstance(event, UserUttered)]


def sqlite_store(path):
    return sql_tracker_store(f"sqlite:///{path}")


@pytest.fixture
def leads_env(tmp_path, monkeypatch):
    leads_cli_env(tmp_path, monkeypatch, CLINIC)


def test_privacy_promises_purge_deletes_old_conversations_and_keeps_recent_ones(tmp_path):
    path = tmp_path / "tracker.sqlite3"
    store = sqlite_store(path)
    save(store, conversation("old-visitor", 400))
    save(store, conversation("recent-visitor", 3))
    result = purge_conversations(make_url(f"sqlite:///{path}"), utc_now() - timedelta(days=365))
    assert (result.events, result.conversations) == (2, 1)
    assert texts(store, "old-visitor") == []
    assert texts(store, "recent-visitor") == ["my number is 914 555 0103"]


def test_privacy_promises_purge_removes_old_events_of_a_live_conversation(tmp_path):
    path = tmp_path / "tracker.sqlite3"
    store = sqlite_store(path)
    save(store, conversation("live-visitor", 400, 1))
    result = purge_conversations(make_url(f"sqlite:///{path}"), utc_now() - timedelta(days=365))
    assert (result.events, result.conversations) == (2, 0)
    assert texts(store, "live-visitor") == ["my number is 914 555 0101"]


def test_privacy_promises_purge_reads_the_tracker_store_from_the_endpoints_file(
    tmp_path, monkeypatch, capsys, leads_env
):
    store = sqlite_store(tmp_path / "conversations.sqlite3")
    save(store, conversation("old-visitor", 40))
    save(store, conversation("recent-visitor", 1))
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n"
        "  type: rasa_server_plugins.tracker_store.FormForgettingSQLTrackerStore\n"
        "  dialect: sqlite\n"
        "  db: ${TRACKER_FILE}\n"
    )
    monkeypatch.setenv("TRACKER_FILE", "conversations.sqlite3")
    assert main(["purge", "--endpoints", str(endpoints)]) == 0
    out = capsys.readouterr().out
    assert "Deleted 2 conversation event(s) older than 30 day(s); 1 conversation(s)" in out
    assert texts(store, "old-visitor") == []
    assert texts(store, "recent-visitor") == ["my number is 914 555 0101"]


def test_privacy_promises_purge_reads_the_production_endpoints_file():
    environ = {
        "ACTION_ENDPOINT_URL": "http://actions.internal:5055/webhook",
        "ACTION_SERVER_TOKEN": "x" * 40,
        "RASA_TRACKER_DB_HOST": "db.internal",
        "RASA_TRACKER_DB_PORT": "5433",
        "RASA_TRACKER_DB_NAME": "rasa",
        "RASA_TRACKER_DB_USER": "rasa",
        "RASA_TRACKER_DB_PASSWORD": "s3cret",
        "RASA_LOCK_REDIS_HOST": "redis.internal",
        "RASA_LOCK_REDIS_PORT": "6379",
    }
    url = tracker_store_url(REPO_ROOT / "endpoints.production.yml", environ)
    assert url.render_as_string(hide_password=False) == (
        "postgresql://rasa:s3cret@db.internal:5433/rasa"
    )


def test_privacy_promises_the_make_run_endpoints_name_the_make_run_tracker_file():
    url = tracker_store_url(REPO_ROOT / "endpoints.yml", {"ACTION_SERVER_TOKEN": "x" * 40})
    assert url.database == str(REPO_ROOT / "var" / "rasa_tracker.sqlite3")


def test_privacy_promises_purge_fails_loudly_without_its_settings(tmp_path, capsys, leads_env):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: ${DB_HOST}\n")
    assert main(["purge", "--endpoints", str(endpoints)]) == 1
    assert "needs env DB_HOST" in capsys.readouterr().err


def test_privacy_promises_purge_fails_loudly_on_a_missing_tracker_file(tmp_path, capsys, leads_env):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  db: absent.sqlite3\n")
    assert main(["purge", "--endpoints", str(endpoints)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "absent.sqlite3").exists()


def test_privacy_promises_purge_fails_loudly_when_the_server_is_unreachable(
    tmp_path, capsys, leads_env
):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: 127.0.0.1\n  port: 1\n"
        "  db: rasa\n  username: rasa\n  password: s3cret\n"
    )
    assert main(["purge", "--endpoints", str(endpoints)]) == 1
    err = capsys.readouterr().err
    assert "cannot reach the tracker store postgresql://rasa:***@127.0.0.1:1/rasa" in err
    assert "s3cret" not in err


@pytest.mark.postgres
def test_privacy_promises_purge_on_postgresql_removes_old_events_of_a_live_conversation():
    url = postgres_test_url()
    reset_postgres(url)
    store = sql_tracker_store(url, FormForgettingSQLTrackerStore)
    save(store, conversation("live-visitor", 400, 1))
    save(store, conversation("old-visitor", 500))
    result = purge_conversations(make_url(url), utc_now() - timedelta(days=365))
    assert (result.events, result.conversations) == (4, 1)
    assert texts(store, "live-visitor") == ["my number is 914 555 0101"]
    store.engine.dispose()
