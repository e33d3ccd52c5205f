"""CPU time of the project's tracker store per turn, on production-shaped conversations
(docs/performance.md).

    .venv/bin/python -m bench.bench_tracker_store [--postgres URL] [--conversations N]

For conversations of 5 and of 40 turns already stored, each turn of the benchmark does what the
Rasa server does with a message: retrieve the conversation's tracker, append one turn's events
(the visitor's message with a full parse, its featurization, the action, three slots, the answer,
action_listen: the shape and sizes of a booking turn on `make run`) and save it. Prints the mean
milliseconds of this process's CPU (what a Rasa instance spends; the database's own CPU is not in
it) and of wall-clock time for the retrieve and the save, over N conversations of each length, on
a SQLite file and, with `--postgres` (or env LEADS_TEST_PG_URL, as `scripts/postgres.sh start`
exports it), on PostgreSQL. Every table the store makes in that database is dropped first.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_server_plugins.tracker_store import FormForgettingSQLTrackerStore
from testkit.domain import load_domain
from testkit.tracker_stores import sql_tracker_store

LENGTHS = (5, 40)
INTENTS = (
    "inform",
    "faq",
    "book_appointment",
    "affirm",
    "deny",
    "greet",
    "goodbye",
    "cancel",
    "out_of_scope",
    "red_flag",
)


def session_start(clock: float) -> list[Event]:
    return [
        ActionExecuted("action_session_start", timestamp=clock),
        SessionStarted(timestamp=clock + 0.001),
        SlotSet("clinic_details", "Mon-Fri 8-6", timestamp=clock + 0.002),
        ActionExecuted("action_listen", timestamp=clock + 0.003),
    ]


def turn_events(number: int, clock: float) -> list[Event]:
    """One booking turn as the Rasa server stores it: about 4.5 kB of events."""
    text = f"my name is Visitor Number {number} and my phone is 914 555 01{number % 100:02d}"
    ranking = [
        {"name": name, "confidence": round(0.9 / (rank + 1), 6)}
        for rank, name in enumerate(INTENTS)
    ]
    parse_data = {
        "text": text,
        "intent": ranking[0],
        "entities": [
            {"entity": "phone_number", "value": "914 555 0123", "start": 38, "end": 50},
            {"entity": "PERSON", "value": "Visitor Number", "start": 11, "end": 25},
        ],
        "intent_ranking": ranking,
        "response_selector": {
            "all_retrieval_intents": ["faq"],
            "faq": {
                "response": {
                    "responses": None,
                    "confidence": 0.12,
                    "intent_response_key": "faq/what_is_art",
                    "utter_action": "utter_faq/what_is_art",
                },
                "ranking": [
                    {"confidence": 0.12, "intent_response_key": f"faq/question_{index}"}
                    for index in range(10)
                ],
            },
        },
        "triage": {"risk": 0.02, "tier": "none", "signs": []},
        "language": "en",
    }
    events: list[Event] = [
        UserUttered(text, ranking[0], parse_data["entities"], parse_data, timestamp=clock),
        ActionExecuted("booking_form", timestamp=clock + 0.01),
        SlotSet("full_name", f"Visitor Number {number}", timestamp=clock + 0.02),
        SlotSet("contact", "+19145550123", timestamp=clock + 0.03),
        SlotSet("requested_slot", "concern", timestamp=clock + 0.04),
        BotUttered(
            "Thanks. What would you like the therapist to look at? " * 4,
            {"elements": None, "buttons": None, "custom": None},
            timestamp=clock + 0.05,
        ),
        ActionExecuted("action_listen", timestamp=clock + 0.06),
    ]
    return events


@dataclass
class Times:
    cpu: dict[str, float] = field(default_factory=lambda: {"retrieve": 0.0, "save": 0.0})
    wall: dict[str, float] = field(default_factory=lambda: {"retrieve": 0.0, "save": 0.0})
    turns: int = 0

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        cpu, wall = time.process_time(), time.perf_counter()
        yield
        self.cpu[name] += time.process_time() - cpu
        self.wall[name] += time.perf_counter() - wall


def measure(
    loop: asyncio.AbstractEventLoop,
    store: FormForgettingSQLTrackerStore,
    length: int,
    conversations: int,
) -> Times:
    """Store `conversations` conversations of `length` turns, then time one more turn of each
    (twice: the second round is the one reported, after the caches of both sides are warm)."""
    clock = time.time() - 3600
    senders = [f"bench-{length}-{index}" for index in range(conversations)]
    for sender in senders:
        tracker = DialogueStateTracker.from_events(sender, session_start(clock), store.domain.slots)
        for number in range(length - 2):
            for event in turn_events(number, clock + number):
                tracker.update(event)
        loop.run_until_complete(store.save(tracker))
    times = Times()
    for round_number in (length - 2, length - 1):
        times = Times()
        for sender in senders:
            with times.timing("retrieve"):
                tracker = loop.run_until_complete(store.retrieve(sender))
            assert tracker is not None
            for event in turn_events(round_number, clock + round_number):
                tracker.update(event)
            with times.timing("save"):
                loop.run_until_complete(store.save(tracker))
            times.turns += 1
    return times


def drop_tables(url: str) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS events"))
    finally:
        engine.dispose()


def report(backend: str, store: FormForgettingSQLTrackerStore, conversations: int) -> None:
    loop = asyncio.new_event_loop()
    for length in LENGTHS:
        times = measure(loop, store, length, conversations)
        per_turn = {
            name: (1000 * times.cpu[name] / times.turns, 1000 * times.wall[name] / times.turns)
            for name in ("retrieve", "save")
        }
        total_cpu = sum(cpu for cpu, _wall in per_turn.values())
        total_wall = sum(wall for _cpu, wall in per_turn.values())
        print(
            f"| {backend} | {length} turns | "
            f"{per_turn['retrieve'][0]:.2f} / {per_turn['retrieve'][1]:.2f} ms | "
            f"{per_turn['save'][0]:.2f} / {per_turn['save'][1]:.2f} ms | "
            f"{total_cpu:.2f} / {total_wall:.2f} ms |",
            flush=True,
        )
    loop.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("LEADS_TEST_PG_URL"))
    parser.add_argument("--conversations", type=int, default=100)
    args = parser.parse_args()
    domain = Domain.from_dict(load_domain())
    print(f"{args.conversations} conversations a length; CPU / wall-clock per turn")
    print("| store | conversation | retrieve | save | retrieve + save |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench_tracker.sqlite3'}"
        store = sql_tracker_store(url, FormForgettingSQLTrackerStore, domain)
        report("SQLite", store, args.conversations)
        store.engine.dispose()
    if args.postgres:
        drop_tables(args.postgres)
        store = sql_tracker_store(args.postgres, FormForgettingSQLTrackerStore, domain)
        report("PostgreSQL", store, args.conversations)
        store.engine.dispose()
        drop_tables(args.postgres)
    else:
        print("PostgreSQL skipped: no --postgres URL and no LEADS_TEST_PG_URL")


if __name__ == "__main__":
    main()
