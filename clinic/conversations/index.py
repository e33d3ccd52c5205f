"""An index for the staff page's reads of Rasa's tracker store.

Rasa indexes its `events` table by sender_id only; the reader (clinic/conversations/events.py)
filters by type_name and timestamp. The table is Rasa's, so no migration of the leads database
adds the index: `leads tracker-index` does, and running it again changes nothing. On PostgreSQL it
is built CONCURRENTLY, so the running assistant keeps writing events meanwhile.
"""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL

from clinic.conversations.store import writable_tracker_store

EVENTS_INDEX = "events_type_time"
_COLUMNS = "events (type_name, timestamp)"


def add_events_index(url: URL) -> bool:
    """Add the index unless the store has it; True when this call added it."""
    with writable_tracker_store(url) as engine:
        if any(index["name"] == EVENTS_INDEX for index in inspect(engine).get_indexes("events")):
            return False
        if engine.dialect.name == "postgresql":
            # CONCURRENTLY cannot run inside a transaction.
            statement = f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {EVENTS_INDEX} ON {_COLUMNS}"
            with engine.connect() as connection:
                autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
                autocommit.execute(text(statement))
        else:
            with engine.begin() as connection:
                connection.execute(text(f"CREATE INDEX IF NOT EXISTS {EVENTS_INDEX} ON {_COLUMNS}"))
        return True
