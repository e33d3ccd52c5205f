"""The project's tracker store stores and retrieves exactly what the store before the turn-cost
work did (Rasa's own retrieve and save, then the forgetting of a finished form run), on SQLite
and on PostgreSQL: a conversation handled as the Rasa server handles it, one retrieve and one
save a turn, across a booking that is sent, a later question and a new session."""

from __future__ import annotations

import time

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text

from clinic.db.engine import make_engine
from rasa_server_plugins.tracker_store import FormForgettingSQLTrackerStore, ends_a_form_run
from testkit.coroutines import run_coroutine
from testkit.domain import load_domain
from testkit.tracker_stores import sql_tracker_store
from tests.integration.rasa_server_plugins.test_privacy_promises import (
    FAQ_QUESTION,
    Conversation,
    end_by_sending,
    fill_form,
)


class RasasStoreWithForgetting(FormForgettingSQLTrackerStore):
    """The reference: Rasa's own retrieve and save (ORM rows, a count of the stored events in a
    session of its own), then the forgetting of a form run the save ended."""

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        return await SQLTrackerStore._retrieve(self, sender_id, fetch_events_from_all_sessions)

    async def save(self, tracker: DialogueStateTracker) -> None:
        with self.session_scope() as session:
            stored = self._event_query(
                session, tracker.sender_id, fetch_events_from_all_sessions=False
            ).count()
        await SQLTrackerStore.save(self, tracker)
        if ends_a_form_run(list(tracker.events)[stored:]):
            with self.session_scope() as session:
                self.forget_form_run(session, tracker.sender_id)
                session.commit()


class ServerConversation(Conversation):
    """Turns as Rasa's MessageProcessor handles them: retrieve (or a new tracker when nothing is
    stored), the turn's events, save."""

    def __init__(self, store: SQLTrackerStore, sender_id: str, clock: float) -> None:
        super().__init__(store, sender_id)
        self.sender_id = sender_id
        self.clock = clock
        self.retrieved: list[list[dict[str, object]] | None] = []

    def turn(self, *events: Event) -> None:
        tracker = run_coroutine(self.store.retrieve(self.sender_id))
        self.retrieved.append(
            None if tracker is None else [event.as_dict() for event in tracker.events]
        )
        if tracker is None:
            tracker = DialogueStateTracker(self.sender_id, self.store.domain.slots)
        for event in events:
            self.clock += 1
            event.timestamp = self.clock
            tracker.update(event)
        run_coroutine(self.store.save(tracker))


def whole_conversation(conversation: ServerConversation) -> None:
    fill_form(conversation)
    end_by_sending(conversation)
    conversation.turn(
        conversation.user(FAQ_QUESTION, "faq"),
        ActionExecuted("utter_faq"),
        BotUttered("ART works on the soft tissue..."),
        ActionExecuted("action_listen"),
    )
    conversation.turn(
        ActionExecuted("action_session_start"),
        SessionStarted(),
        SlotSet("lead_reference", "PCX-7K3M9Q"),
        ActionExecuted("action_listen"),
        conversation.user("hello again", "greet"),
        ActionExecuted("utter_greet"),
        BotUttered("Hello!"),
        ActionExecuted("action_listen"),
    )
    conversation.turn(
        conversation.user(FAQ_QUESTION, "faq"),
        ActionExecuted("utter_faq"),
        BotUttered("ART works on the soft tissue..."),
        ActionExecuted("action_listen"),
    )


def stored(url: str, sender_id: str) -> list[tuple[object, ...]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    text(
                        "SELECT type_name, timestamp, intent_name, action_name, data "
                        "FROM events WHERE sender_id = :s ORDER BY id"
                    ),
                    {"s": sender_id},
                )
            ]
    finally:
        engine.dispose()


@pytest.fixture
def stores(empty_db_url):
    domain = Domain.from_dict(load_domain())
    ours = sql_tracker_store(empty_db_url, FormForgettingSQLTrackerStore, domain)
    reference = sql_tracker_store(empty_db_url, RasasStoreWithForgetting, domain)
    yield ours, reference, empty_db_url
    ours.engine.dispose()
    reference.engine.dispose()


def test_a_conversation_is_stored_and_retrieved_as_before(stores):
    ours, reference, url = stores
    clock = time.time() - 3600
    with_ours = ServerConversation(ours, "visitor", clock)
    with_reference = ServerConversation(reference, "visitor-reference", clock)

    whole_conversation(with_ours)
    whole_conversation(with_reference)

    ours_rows, reference_rows = stored(url, "visitor"), stored(url, "visitor-reference")
    assert len(ours_rows) == 69
    assert ours_rows == reference_rows
    assert with_ours.retrieved == with_reference.retrieved
    assert with_ours.retrieved[0] is None
    # The new session's retrieve starts at its SessionStarted, the form's answers blanked.
    assert with_ours.retrieved[-1][0]["event"] == "session_started"
    last = run_coroutine(ours.retrieve("visitor"))
    assert [event.as_dict() for event in last.events] == [
        event.as_dict() for event in run_coroutine(reference.retrieve("visitor-reference")).events
    ]
    full = run_coroutine(ours.retrieve_full_tracker("visitor"))
    full_reference = run_coroutine(reference.retrieve_full_tracker("visitor-reference"))
    assert len(full.events) == 69
    assert [event.as_dict() for event in full.events] == [
        event.as_dict() for event in full_reference.events
    ]


class TwoInstancesConversation(ServerConversation):
    """The production profile's two Rasa instances, each with its own store, taking turns."""

    def __init__(self, stores: list[SQLTrackerStore], sender_id: str, clock: float) -> None:
        super().__init__(stores[0], sender_id, clock)
        self.stores = stores
        self.turns = 0

    def turn(self, *events: Event) -> None:
        self.store = self.stores[self.turns % len(self.stores)]
        self.turns += 1
        super().turn(*events)


def test_two_instances_taking_turns_store_what_one_reference_store_does(stores):
    ours, reference, url = stores
    other = sql_tracker_store(url, FormForgettingSQLTrackerStore, ours.domain)
    clock = time.time() - 3600
    with_two = TwoInstancesConversation([ours, other], "visitor", clock)
    with_reference = ServerConversation(reference, "visitor-reference", clock)

    try:
        whole_conversation(with_two)
    finally:
        other.engine.dispose()
    whole_conversation(with_reference)

    assert stored(url, "visitor") == stored(url, "visitor-reference")
    assert with_two.retrieved == with_reference.retrieved
    assert with_two.turns == 9
