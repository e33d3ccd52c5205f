"""Retention for the conversations in Rasa's SQL tracker store.

`leads purge` finds the tracker store where the running Rasa server does: in its endpoints file
(`--endpoints`, else env RASA_ENDPOINTS_FILE, else the repository's endpoints.yml), with the same
`${VAR}` substitution Rasa applies. Rasa's SQL tracker store keeps every event of every
conversation as a row of its `events` table (`sender_id`, `timestamp` in Unix seconds, ...);
every event older than the cutoff is deleted, also in a conversation that is still going on.
Plain SQL: the front desk's tool does not need Rasa.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import SQLAlchemyError

from clinic.db.engine import make_engine
from clinic.paths import REPO_ROOT
from clinic.timeutil import as_utc

ENDPOINTS_ENV = "RASA_ENDPOINTS_FILE"
DEFAULT_ENDPOINTS = REPO_ROOT / "endpoints.yml"
# Rasa's own SQL store and the project's one that forgets finished booking requests.
SQL_STORE_TYPES = {"sql", "rasa_server_plugins.tracker_store.formforgettingsqltrackerstore"}
_VARIABLE = re.compile(r"\$\{([^}]+)\}")


class TrackerStoreError(Exception):
    """The tracker store is not configured in a way purge can use, or cannot be reached."""


@dataclass(frozen=True)
class PurgeResult:
    events: int
    conversations: int


def endpoints_path(explicit: Path | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    if explicit is not None:
        return explicit
    configured = environ.get(ENDPOINTS_ENV)
    return Path(configured) if configured else DEFAULT_ENDPOINTS


def tracker_store_url(path: Path, environ: Mapping[str, str] = os.environ) -> URL | None:
    """The SQLAlchemy URL of the tracker store `path` configures; None when it configures none
    (Rasa then keeps conversations in its memory only)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TrackerStoreError(f"cannot read the endpoints file {path}: {error}") from error
    config = yaml.safe_load(raw) or {}
    store = config.get("tracker_store")
    if not store:
        return None
    store = {key: _substitute(value, environ, path) for key, value in store.items()}
    kind = str(store.get("type", "")).lower()
    if kind not in SQL_STORE_TYPES:
        raise TrackerStoreError(
            f"{path}: purge handles SQL tracker stores only, not type {store.get('type')!r}"
        )
    dialect = str(store.get("dialect") or "sqlite")
    database = str(store.get("db") or "rasa.db")
    if dialect == "sqlite":
        # Rasa opens a relative file from its working directory: the endpoints file's folder.
        return URL.create("sqlite", database=str((path.parent / database).resolve()))
    port = store.get("port")
    return URL.create(
        dialect,
        username=store.get("username"),
        password=store.get("password"),
        host=store.get("url"),
        port=int(port) if port else None,
        database=database,
        query=store.get("query") or {},
    )


def purge_conversations(url: URL, cutoff: datetime) -> PurgeResult:
    """Delete every event older than `cutoff`; a conversation left without events is gone."""
    parameters = {"cutoff": as_utc(cutoff).timestamp()}
    with writable_tracker_store(url) as engine, engine.begin() as connection:
        gone = connection.execute(
            text(
                "SELECT COUNT(*) FROM (SELECT sender_id FROM events GROUP BY sender_id "
                "HAVING MAX(timestamp) < :cutoff) AS gone"
            ),
            parameters,
        ).scalar_one()
        deleted = connection.execute(
            text("DELETE FROM events WHERE timestamp < :cutoff"), parameters
        ).rowcount
    return PurgeResult(events=int(deleted), conversations=int(gone))


@contextmanager
def writable_tracker_store(url: URL) -> Iterator[Engine]:
    """An engine on the tracker store for the front desk's upkeep of its `events` table; a
    missing store or table and any database failure become TrackerStoreError."""
    place = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        raise TrackerStoreError(f"the tracker store {place} does not exist")
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        if not inspect(engine).has_table("events"):
            raise TrackerStoreError(f"the tracker store {place} has no events table")
        yield engine
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip()
        raise TrackerStoreError(f"cannot reach the tracker store {place}: {reason}") from error
    finally:
        engine.dispose()


def _substitute(value: Any, environ: Mapping[str, str], path: Path) -> Any:
    if not isinstance(value, str):
        return value

    def variable(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in environ:
            raise TrackerStoreError(f"{path} needs env {name}, which is not set")
        return environ[name]

    return _VARIABLE.sub(variable, value)
