"""Retention for the conversations in Rasa's SQL tracker store.

Rasa's SQLTrackerStore keeps every event of every conversation as a row of its `events` table
(`sender_id`, `timestamp` in Unix seconds, ...). A conversation whose newest event is older than
the retention cutoff is deleted whole. Plain SQL: the front desk's tool does not need Rasa.
"""

from __future__ import annotations

import os
from datetime import datetime

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from clinic.leads.database import make_engine
from clinic.paths import VAR_DIR
from clinic.timeutil import as_utc

TRACKER_DB_URL_ENV = "RASA_TRACKER_DB_URL"
# The tracker store endpoints.yml configures for `make run`.
DEFAULT_TRACKER_DB = VAR_DIR / "rasa_tracker.sqlite3"

_STALE_CONVERSATIONS = (
    "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"
)


def tracker_database_url() -> str | None:
    """RASA_TRACKER_DB_URL, else the local SQLite tracker store if it exists, else None."""
    configured = os.environ.get(TRACKER_DB_URL_ENV)
    if configured:
        return configured
    return f"sqlite:///{DEFAULT_TRACKER_DB}" if DEFAULT_TRACKER_DB.is_file() else None


def purge_conversations(url: str, cutoff: datetime) -> int:
    """Delete every conversation whose last event is older than `cutoff`; returns how many."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not (
        parsed.database and os.path.isfile(parsed.database)
    ):
        return 0
    engine = make_engine(url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        parameters = {"cutoff": as_utc(cutoff).timestamp()}
        with engine.begin() as connection:
            stale = connection.execute(
                text(f"SELECT COUNT(*) FROM ({_STALE_CONVERSATIONS}) AS stale"), parameters
            ).scalar_one()
            connection.execute(
                text(f"DELETE FROM events WHERE sender_id IN ({_STALE_CONVERSATIONS})"),
                parameters,
            )
        return int(stale)
    finally:
        engine.dispose()
