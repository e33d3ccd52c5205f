"""Read-only views of the conversations in Rasa's SQL tracker store, for the staff page.

The store is found where `leads purge` finds it (clinic.conversations.store). Rasa keeps every event
as a row of its `events` table: `sender_id`, `type_name`, `timestamp` (Unix seconds),
`intent_name`, `action_name` and the serialised event in `data`. Only SELECTs run here, on a
connection opened read-only, so a slow page never holds a lock the assistant waits for.
Plain SQLAlchemy: the staff page does not need Rasa.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection, Engine, Row
from sqlalchemy.exc import SQLAlchemyError

from clinic.conversations.store import TrackerStoreError, endpoints_path, tracker_store_url
from clinic.timeutil import as_utc

FORM_NAME = "booking_form"
SUBMIT_ACTION = "action_submit_booking"
RESET_ACTION = "action_reset_booking"
# What the submit action says when it sends nothing: the run counts as cancelled. A refused
# consent question (utter_no_consent) ended runs until the consent moved into the summary's
# confirmation; the tracker store keeps those conversations for the retention period.
NOT_SENT_RESPONSES = frozenset({"utter_booking_cancelled", "utter_no_consent"})
FAQ_INTENT = "faq"
# The full intents of visitor messages the assistant could not answer.
UNANSWERED_INTENTS = frozenset(
    {
        "nlu_fallback",
        "out_of_scope",
        "faq/not_in_article",
        "faq/ask_practitioner_first",
        "ask_medication",
        "other_condition",
    }
)
# What the assistant runs when it has no answer: a message it answered so outside the booking
# form is unanswered whatever its intent (inside the form it answers a question of the form).
FALLBACK_ACTIONS = frozenset({"utter_default", "action_default_fallback", "action_fallback"})
# How an unanswered message answered with the fallback is listed when its intent is not in
# UNANSWERED_INTENTS.
FALLBACK_ANSWER = "fallback"
# Events read around a period to know how its messages were answered: the answer may come just
# after the period ends, the booking form may have started before it begins (a run older than
# the lookback counts as over).
ANSWER_WAIT = timedelta(minutes=10)
FORM_LOOKBACK = timedelta(days=1)
CONNECT_TIMEOUT_SECONDS = 5
# Events the database cannot read as JSON, read here instead: PostgreSQL's json refuses to turn
# an escaped U+0000 or unpaired surrogate into text, and one such message (any visitor can send
# one) would fail the whole query. Paired surrogates (emoji) match too: read here, just slower.
_PG_UNREADABLE = r"data ~ '\\u(0000|[dD][89a-fA-F])'"
_UNREADABLE_BY_DATABASE = {"postgresql": _PG_UNREADABLE}
# The response selector's choice for the message's own intent, read by the database.
_FULL_INTENT_SQL = {
    "sqlite": "json_extract(data, '$.parse_data.response_selector.\"' || intent_name || "
    "'\".response.intent_response_key')",
    "postgresql": f"CASE WHEN NOT {_PG_UNREADABLE} THEN CAST(data AS json) #>> ARRAY["
    "'parse_data', 'response_selector', intent_name, 'response', 'intent_response_key'] END",
}
_FAR_PAST = 0.0
_FAR_FUTURE = 1e11

Speaker = Literal["visitor", "assistant"]


class TrackerUnreachable(TrackerStoreError):
    """The tracker store could not be read (missing file, server down, no events table)."""


@dataclass(frozen=True)
class UserMessage:
    sender_id: str
    timestamp: datetime
    text: str | None
    intent: str | None
    full_intent: str | None
    # The assistant's first action after the message (e.g. "utter_default", "booking_form");
    # None when it ran none (yet).
    answered_by: str | None = None
    # Sent while the booking form was active: an answer to the form's question.
    in_form: bool = False
    # The entities Rasa found in the text (with their spans); empty without the text.
    entities: tuple[Mapping[str, Any], ...] = ()

    @property
    def unanswered_as(self) -> str | None:
        """Why the message counts as unanswered, None when it was answered: its unanswered
        (full) intent, else FALLBACK_ANSWER when the fallback answered it outside the form."""
        for name in (self.full_intent, self.intent):
            if name and name in UNANSWERED_INTENTS:
                return name
        if self.answered_by in FALLBACK_ACTIONS and not self.in_form:
            return FALLBACK_ANSWER
        return None


@dataclass(frozen=True)
class Turn:
    speaker: Speaker
    timestamp: datetime
    # None when the tracker store removed it at the end of a booking request.
    text: str | None
    # Said while the booking form was asking its questions: the lead holds the answers.
    in_form: bool


@dataclass(frozen=True)
class FormRuns:
    started: int
    submitted: int
    cancelled: int


def open_tracker_store(
    endpoints: Path | None = None, environ: Mapping[str, str] = os.environ
) -> Engine:
    """A read-only engine on the tracker store the Rasa server's endpoints file names."""
    path = endpoints_path(endpoints, environ)
    url = tracker_store_url(path, environ)
    if url is None:
        raise TrackerStoreError(f"{path} configures no tracker store")
    return read_only_engine(url)


def read_only_engine(url: URL) -> Engine:
    """Connections that can only read: SQLite's read-only mode (a missing file stays missing),
    PostgreSQL's read-only transactions."""
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)

        return create_engine("sqlite://", creator=connect, future=True, hide_parameters=True)
    connect_args: dict[str, Any] = {}
    if url.get_driver_name() == "psycopg2":
        connect_args = {
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "options": "-c default_transaction_read_only=on",
        }
    return create_engine(
        url, future=True, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args
    )


def user_messages(
    engine: Engine,
    since: datetime | None = None,
    until: datetime | None = None,
    *,
    with_text: bool = True,
) -> Iterator[UserMessage]:
    """The visitors' messages sent in [since, until), conversation by conversation, each in order,
    with how the assistant answered them. Without `with_text` the text is None and, where the
    database reads JSON, no message is parsed here."""
    full_intent_sql = _FULL_INTENT_SQL.get(engine.dialect.name)
    unreadable = _UNREADABLE_BY_DATABASE.get(engine.dialect.name)
    full_intent_column = (
        f"CASE WHEN type_name = 'user' THEN {full_intent_sql} END" if full_intent_sql else "NULL"
    )
    if with_text or full_intent_sql is None:
        data_column = "CASE WHEN type_name = 'user' THEN data END"
    elif unreadable:
        data_column = f"CASE WHEN type_name = 'user' AND {unreadable} THEN data END"
    else:
        data_column = "NULL"
    # One pass over the period's messages and the events that tell how each was answered.
    query = text(
        "SELECT sender_id, type_name, timestamp, intent_name, action_name, "
        f"{full_intent_column}, {data_column} FROM events "
        "WHERE timestamp >= :context_since AND timestamp < :context_until AND ("
        "(type_name = 'user' AND timestamp >= :since AND timestamp < :until) OR "
        "type_name IN ('action', 'active_loop', 'session_started', 'restart')) "
        "ORDER BY sender_id, id"
    )
    period = _period(since, until)
    parameters = {
        **period,
        "context_since": period["since"] - FORM_LOOKBACK.total_seconds(),
        "context_until": period["until"] + ANSWER_WAIT.total_seconds(),
    }
    with _reading(engine) as connection:
        rows = connection.execution_options(stream_results=True, yield_per=1000).execute(
            query, parameters
        )
        yield from _answered_messages(rows, with_text)


def _answered_messages(rows: Iterable[Row[Any]], with_text: bool) -> Iterator[UserMessage]:
    """Follows each conversation's events (ordered by conversation): a message is complete
    when the assistant's next action runs, or when its conversation's events end."""
    sender: str | None = None
    in_form = False
    waiting: UserMessage | None = None
    for sender_id, type_name, timestamp, intent_name, action_name, full_intent, data in rows:
        if sender_id != sender:
            if waiting:
                yield waiting
            sender, in_form, waiting = sender_id, False, None
        if type_name == "user":
            if waiting:
                yield waiting
            waiting = _user_message(
                sender_id, timestamp, intent_name, full_intent, data, in_form, with_text
            )
        elif type_name == "action":
            if waiting:
                yield replace(waiting, answered_by=action_name)
            waiting = None
        elif type_name == "active_loop":
            in_form = action_name == FORM_NAME
        else:  # a new session or a restart ends the form run
            in_form = False
    if waiting:
        yield waiting


def _user_message(
    sender_id: str,
    timestamp: float,
    intent_name: str | None,
    full_intent: str | None,
    data: str | None,
    in_form: bool,
    with_text: bool,
) -> UserMessage:
    event = json.loads(data) if data is not None else {}
    intent = intent_name or _intent_of(event)
    return UserMessage(
        sender_id=sender_id,
        timestamp=_utc(timestamp),
        text=event.get("text") if with_text else None,
        intent=intent,
        full_intent=full_intent or _full_intent(event, intent),
        in_form=in_form,
        entities=_entities_of(event) if with_text else (),
    )


def transcript(engine: Engine, sender_id: str) -> list[Turn]:
    """The visitor's and the assistant's messages of one conversation, in order; empty when
    the conversation is not (or no longer) in the store."""
    query = text(
        "SELECT type_name, timestamp, data FROM events "
        "WHERE sender_id = :sender_id AND type_name IN ('user', 'bot', 'active_loop') "
        "ORDER BY id"
    )
    turns: list[Turn] = []
    in_form = False
    with _reading(engine) as connection:
        for type_name, timestamp, data in connection.execute(query, {"sender_id": sender_id}):
            event = json.loads(data)
            if type_name == "active_loop":
                in_form = event.get("name") == FORM_NAME
                continue
            speaker: Speaker = "visitor" if type_name == "user" else "assistant"
            turns.append(Turn(speaker, _utc(timestamp), event.get("text"), in_form))
    return turns


def conversation_count(
    engine: Engine, since: datetime | None = None, until: datetime | None = None
) -> int:
    """Conversations in which a visitor wrote at least once in [since, until)."""
    query = text(
        "SELECT COUNT(DISTINCT sender_id) FROM events "
        "WHERE type_name = 'user' AND timestamp >= :since AND timestamp < :until"
    )
    with _reading(engine) as connection:
        return int(connection.execute(query, _period(since, until)).scalar_one())


def conversation_starts(
    engine: Engine, since: datetime | None = None, until: datetime | None = None
) -> list[datetime]:
    """When each conversation's first visitor message of [since, until) was sent."""
    query = text(
        "SELECT MIN(timestamp) FROM events "
        "WHERE type_name = 'user' AND timestamp >= :since AND timestamp < :until "
        "GROUP BY sender_id"
    )
    with _reading(engine) as connection:
        return [_utc(first) for (first,) in connection.execute(query, _period(since, until))]


def form_runs(
    engine: Engine, since: datetime | None = None, until: datetime | None = None
) -> FormRuns:
    """Booking forms started in [since, until), and how many of them sent a request or ended
    without one (cancelled, emergency, confirmation refused, or, in earlier conversations,
    consent refused)."""
    query = text(
        "SELECT sender_id, type_name, action_name, data FROM events "
        "WHERE timestamp >= :since AND timestamp < :until AND ("
        "type_name IN ('active_loop', 'bot') OR "
        "(type_name = 'action' AND action_name IN (:submit, :reset))) "
        "ORDER BY sender_id, id"
    )
    parameters = {**_period(since, until), "submit": SUBMIT_ACTION, "reset": RESET_ACTION}
    counter = _FormRunCounter()
    with _reading(engine) as connection:
        for sender_id, type_name, action_name, data in connection.execute(query, parameters):
            counter.see(sender_id, type_name, action_name, data)
    return counter.totals()


class _FormRunCounter:
    """Follows each conversation's events: an activation of the form after it was inactive
    starts a run; the reset ends it unsent; the submit action sends it unless it says it did not."""

    def __init__(self) -> None:
        self.started = self.submitted = self.cancelled = 0
        self._sender: str | None = None
        self._active = False
        self._submitting = False

    def see(self, sender_id: str, type_name: str, action_name: str | None, data: str) -> None:
        if sender_id != self._sender:
            self._settle()
            self._sender, self._active = sender_id, False
        if type_name == "active_loop":
            active = json.loads(data).get("name") == FORM_NAME
            if active and not self._active:
                self._settle()
                self.started += 1
            self._active = active
        elif type_name == "bot" and self._submitting:
            utter_action = (json.loads(data).get("metadata") or {}).get("utter_action")
            if utter_action in NOT_SENT_RESPONSES:
                self.cancelled += 1
                self._submitting = False
        elif action_name == SUBMIT_ACTION:
            self._settle()
            self._submitting = True
        elif action_name == RESET_ACTION and not self._submitting:
            self.cancelled += 1

    def totals(self) -> FormRuns:
        self._settle()
        return FormRuns(self.started, self.submitted, self.cancelled)

    def _settle(self) -> None:
        if self._submitting:
            self.submitted += 1
            self._submitting = False


@contextmanager
def _reading(engine: Engine) -> Iterator[Connection]:
    """A connection for reads; any database failure becomes TrackerUnreachable."""
    try:
        with engine.connect() as connection:
            yield connection
    except SQLAlchemyError as error:
        raise _unreachable(error) from error


def _unreachable(error: SQLAlchemyError) -> TrackerUnreachable:
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    return TrackerUnreachable(f"cannot read the tracker store: {reason}")


def _period(since: datetime | None, until: datetime | None) -> dict[str, float]:
    return {
        "since": as_utc(since).timestamp() if since else _FAR_PAST,
        "until": as_utc(until).timestamp() if until else _FAR_FUTURE,
    }


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(float(timestamp), tz=timezone.utc)


def _intent_of(event: Mapping[str, Any]) -> str | None:
    intent = (event.get("parse_data") or {}).get("intent") or {}
    return intent.get("name")


def _entities_of(event: Mapping[str, Any]) -> tuple[Mapping[str, Any], ...]:
    entities = (event.get("parse_data") or {}).get("entities")
    if not isinstance(entities, list):
        return ()
    return tuple(entity for entity in entities if isinstance(entity, dict))


def _full_intent(event: Mapping[str, Any], intent: str | None) -> str | None:
    """The retrieval intent's full name ("faq/hours") when the response selector chose one."""
    selector = (event.get("parse_data") or {}).get("response_selector") or {}
    if intent is None or intent not in selector:
        return intent
    response = (selector.get(intent) or {}).get("response") or {}
    return response.get("intent_response_key") or intent
