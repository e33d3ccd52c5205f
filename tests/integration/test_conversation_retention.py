"""`leads purge` on a real Rasa SQL tracker store (the one endpoints.yml configures)."""

import time
from datetime import timedelta

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from clinic.cli import main
from clinic.conversations import purge_conversations
from clinic.timeutil import utc_now
from tests.support.coroutines import run_coroutine

DAY = 24 * 3600


def save_conversation(store, sender_id, age_days):
    at = time.time() - age_days * DAY
    tracker = DialogueStateTracker.from_events(
        sender_id,
        [
            ActionExecuted("action_listen", timestamp=at),
            UserUttered("my number is 914 555 0123", timestamp=at + 1),
        ],
    )
    run_coroutine(store.save(tracker))


def tracker_store(path):
    return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))


def senders(path):
    return set(run_coroutine(tracker_store(path).keys()))


def test_purge_deletes_only_conversations_older_than_the_cutoff(tmp_path):
    path = tmp_path / "tracker.sqlite3"
    store = tracker_store(path)
    save_conversation(store, "old-visitor", age_days=400)
    save_conversation(store, "recent-visitor", age_days=3)
    deleted = purge_conversations(f"sqlite:///{path}", utc_now() - timedelta(days=365))
    assert deleted == 1
    assert senders(path) == {"recent-visitor"}


def test_purge_of_a_missing_tracker_database_deletes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'absent.sqlite3'}"
    assert purge_conversations(url, utc_now()) == 0
    assert not (tmp_path / "absent.sqlite3").exists()


def test_leads_purge_also_purges_conversations(tmp_path, monkeypatch, capsys):
    path = tmp_path / "tracker.sqlite3"
    store = tracker_store(path)
    save_conversation(store, "old-visitor", age_days=40)
    save_conversation(store, "recent-visitor", age_days=1)
    config = tmp_path / "clinic.yml"
    config.write_text(
        "name: ProClinix\nlocation: Armonk, NY\ntimezone: America/New_York\nretention_days: 30\n"
    )
    monkeypatch.setenv("CLINIC_CONFIG", str(config))
    monkeypatch.setenv("LEADS_DB_URL", f"sqlite:///{tmp_path / 'leads.sqlite3'}")
    monkeypatch.setenv("RASA_TRACKER_DB_URL", f"sqlite:///{path}")
    assert main(["db-upgrade"]) == 0
    assert main(["purge"]) == 0
    out = capsys.readouterr().out
    assert "Deleted 0 booking request(s) older than 30 day(s)." in out
    assert "Deleted 1 conversation(s) older than 30 day(s)." in out
    assert senders(path) == {"recent-visitor"}
