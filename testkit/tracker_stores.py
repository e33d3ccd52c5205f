"""Rasa's SQL tracker store (or the project's subclass) on a test database named by URL: a SQLite
file or the test PostgreSQL. Rasa creates its own `events` table."""

from __future__ import annotations

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import make_url


def sql_tracker_store(
    url: str,
    store_class: type[SQLTrackerStore] = SQLTrackerStore,
    domain: Domain | None = None,
) -> SQLTrackerStore:
    parsed = make_url(url)
    domain = domain or Domain.empty()
    if parsed.get_backend_name() == "sqlite":
        return store_class(domain, dialect="sqlite", db=parsed.database)
    return store_class(
        domain,
        dialect="postgresql",
        host=parsed.host,
        port=parsed.port,
        db=parsed.database,
        username=parsed.username,
        password=parsed.password,
    )
