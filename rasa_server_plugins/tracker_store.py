"""Rasa's SQL tracker store, plus: what the visitor gave the booking form leaves the conversation's
record when the request ends (sent, refused or cancelled).

Rasa keeps every event of a conversation, so clearing the form's slots (action_reset_booking and
the submit action set them all to None) leaves the earlier answers in the `events` table. When a
save brings that reset, this store rewrites, in place, the stored events of the form run that just
ended: the visitor's messages lose their text and entity values, the form's slot events their
values, the assistant's messages (the summary quotes every answer) their text. Intents, action
names and the number of events stay, so Rasa replays the conversation as before. The lead itself
keeps what the front desk needs; messages outside a form run are left to `leads purge`.

Creating the store installs the project's patches of Rasa (patches.py).
"""

from __future__ import annotations

import itertools
import json
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import (
    ActiveLoop,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import Session

from clinic.booking.fields import BOOKING_SLOTS
from rasa_server_plugins import patches

FORM_NAME = "booking_form"
REMOVED = "[removed]"
# Conversations whose stored count a retrieve keeps for the next save (the oldest go first).
STORED_COUNTS_KEPT = 1000
_RESET = frozenset(BOOKING_SLOTS)


class FormForgettingSQLTrackerStore(SQLTrackerStore):
    """`type: rasa_server_plugins.tracker_store.FormForgettingSQLTrackerStore` in endpoints.yml,
    with the same settings as Rasa's `type: SQL`.

    A save is one multi-row insert of the new events, and no count of the stored events when the
    tracker is the one the latest retrieve of the conversation made (the retrieve counted them;
    Rasa's conversation lock keeps other instances from writing in between: the count is made
    again for any other tracker, as Rasa's own save does in a session of its own); the forgetting
    commits with the reset in one transaction, never after it. A retrieve reads the events' data
    only. On PostgreSQL a retrieve and a save without forgetting are one statement each, in
    autocommit mode: one round trip, not three. A SQLite file (`make run`) is kept in
    write-ahead-log mode and synced at checkpoints, not at every commit: a power cut may lose the
    last turns, but never corrupts the file. Blanked events leave no copy behind in it: freed
    space is zeroed (secure_delete) and the log is emptied into the file after each forgetting.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        patches.install()  # Rasa builds its tracker store before it handles a message
        super().__init__(*args, **kwargs)
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            # One connection kept open: SQLAlchemy 1.4 opens a SQLite file anew for every
            # session, and closing its last connection checkpoints the log each time.
            self.engine.dispose()
            self.engine = sa.create_engine(
                url, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False}
            )
            sa.event.listen(self.engine, "connect", _write_ahead_log)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        # A failed save's error (logged by Rasa's fallback store) must not quote the events' values.
        self.engine.hide_parameters = True
        self._stored_counts: dict[str, tuple[weakref.ref[DialogueStateTracker], int]] = {}
        self._latest_session_data = _latest_session_data(self.SQLEvent.__table__)
        self._statement_engine = (
            self.engine.execution_options(isolation_level="AUTOCOMMIT")
            if self.engine.dialect.name == "postgresql"
            else self.engine
        )

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        """Rasa's retrieve, reading only the events' data column (not whole ORM objects), and
        keeping the number of stored events of the latest session for the next save."""
        if not fetch_events_from_all_sessions:
            self._stored_counts.pop(sender_id, None)  # a failed retrieve leaves no count behind
        if fetch_events_from_all_sessions:
            with self.session_scope() as session:
                rows = self._event_query(
                    session, sender_id, fetch_events_from_all_sessions=True
                ).with_entities(self.SQLEvent.data)
                events = [json.loads(data) for (data,) in rows]
        else:
            with self._one_statement() as connection:
                rows = connection.execute(self._latest_session_data, {"sender_id": sender_id})
                events = [json.loads(data) for (data,) in rows]
        tracker = None
        if self.domain and events:
            tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if tracker is not None and not fetch_events_from_all_sessions:
            self._stored_counts[sender_id] = (weakref.ref(tracker), len(events))
            while len(self._stored_counts) > STORED_COUNTS_KEPT:
                del self._stored_counts[next(iter(self._stored_counts))]
        return tracker

    def _stored_count(self, tracker: DialogueStateTracker) -> int | None:
        """The number of stored events of the tracker's latest session as its retrieve counted
        them, when this tracker is the one that retrieve made and no other retrieve of the
        conversation came between (a new conversation's first save counts)."""
        kept = self._stored_counts.pop(tracker.sender_id, None)
        if kept is None:
            return None
        reference, count = kept
        return count if reference() is tracker else None

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        stored = self._stored_count(tracker)
        if stored is None:
            with self.session_scope() as session:
                stored = self._event_query(
                    session, tracker.sender_id, fetch_events_from_all_sessions=False
                ).count()
        new_events = list(itertools.islice(tracker.events, stored, None))
        if not new_events:
            return
        rows = [self._row(tracker.sender_id, event) for event in new_events]
        if not ends_a_form_run(new_events):
            with self._one_statement() as connection:
                connection.execute(sa.insert(self.SQLEvent.__table__), rows)
            return
        with self.session_scope() as session:
            session.execute(sa.insert(self.SQLEvent.__table__), rows)
            self.forget_form_run(session, tracker.sender_id)
            session.commit()
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def _one_statement(self) -> Iterator[sa.engine.Connection]:
        """A connection for a single statement. On PostgreSQL it runs in autocommit mode: one
        statement (a multi-row insert included) is atomic on its own there, and the BEGIN and
        the COMMIT or ROLLBACK around it would be two more round trips. SQLite keeps the
        transaction: it has no round trips, and its driver inserts row by row."""
        with self._statement_engine.begin() as connection:
            yield connection

    @staticmethod
    def _row(sender_id: str, event: Event) -> dict[str, Any]:
        """The stored form of one event, as Rasa's SQLTrackerStore.save writes it."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def forget_form_run(self, session: Session, sender_id: str) -> None:
        """Blank the stored events of the sender's latest form run, from its activation on."""
        rows = (
            session.query(self.SQLEvent)
            .filter(self.SQLEvent.sender_id == sender_id)
            .order_by(self.SQLEvent.id)
            .all()
        )
        start = form_run_start([(row.type_name, json.loads(row.data)) for row in rows])
        for row in rows[start:]:
            data = json.loads(row.data)
            if forget_event(row.type_name, data):
                session.execute(
                    sa.update(self.SQLEvent)
                    .where(self.SQLEvent.id == row.id)
                    .values(data=json.dumps(data))
                )


def _latest_session_data(events: sa.Table) -> sa.sql.Select:
    """The statement of Rasa's `_event_query` for the latest session (the events from the
    latest SessionStarted on, or all of them when there is none, by id), built once, selecting
    the data column only; the sender id is its parameter `sender_id`."""
    sender = events.c.sender_id == sa.bindparam("sender_id")
    start = (
        sa.select(sa.func.max(events.c.timestamp).label("session_start"))
        .where(sender, events.c.type_name == SessionStarted.type_name)
        .subquery()
    )
    return (
        sa.select(events.c.data)
        .where(
            sender,
            sa.or_(
                events.c.timestamp >= start.c.session_start,
                start.c.session_start.is_(None),
            ),
        )
        .order_by(events.c.id)
    )


def _write_ahead_log(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def ends_a_form_run(events: Iterable[Event]) -> bool:
    """True when these events clear every slot of the booking form, as its reset does."""
    cleared = {event.key for event in events if isinstance(event, SlotSet) and event.value is None}
    return cleared >= _RESET


def form_run_start(events: Sequence[tuple[str, dict[str, Any]]]) -> int:
    """Index of the first activation of the form in the latest run: the run reaches back over
    every re-activation to the end of the previous run (or to the start of the conversation)."""
    start = len(events)
    seen_active = False
    for index in range(len(events) - 1, -1, -1):
        type_name, data = events[index]
        if type_name != ActiveLoop.type_name:
            continue
        if data.get("name") == FORM_NAME:
            start, seen_active = index, True
        elif seen_active:
            break
    return start


def forget_event(type_name: str, data: dict[str, Any]) -> bool:
    """Blank what the visitor gave in one serialised event; True when anything changed."""
    if type_name == UserUttered.type_name:
        data["text"] = None
        parse_data = data.get("parse_data") or {}
        parse_data["text"] = None
        for entity in parse_data.get("entities") or []:
            entity["value"] = REMOVED
        return True
    if type_name == SlotSet.type_name and data.get("name") in _RESET:
        changed = data.get("value") is not None
        data["value"] = None
        return changed
    if type_name == BotUttered.type_name:
        changed = data.get("text") is not None
        data["text"] = None
        return changed
    return False
