"""Staff page benchmark: the dashboard for 10,000 conversations and 500 leads on SQLite.

Usage: .venv/bin/python -m bench.bench_staff [--conversations N] [--leads N] [--repeats N]
       [--tracker-index]

Generated data (testkit/staff_data.py) goes to a temporary folder: Rasa's own SQL tracker store
over 30 days and a migrated leads database whose leads point at the conversations that sent
them. A signed-in Flask test client then times, after one warm-up, the dashboard page for about 30
days, its SVG charts, the dashboard page for single days, and one lead page with its transcript.
Prints the median and the slowest.
With --tracker-index the tracker store first gets the index `leads tracker-index` adds.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from flask.testing import FlaskClient

from clinic.conversations.events import read_only_engine
from clinic.conversations.index import EVENTS_INDEX, add_events_index
from testkit.staff_app import NOW, leads_stores, signed_in_client, staff_app, submit_lead
from testkit.staff_data import generated_conversations, tracker_store, write_conversations

DAYS = 30
TARGET_SECONDS = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--leads", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--tracker-index", action="store_true", help="add leads tracker-index")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-staff-") as folder:
        run(
            Path(folder),
            arguments.conversations,
            arguments.leads,
            arguments.repeats,
            arguments.tracker_index,
        )


def run(folder: Path, conversations: int, leads: int, repeats: int, index: bool) -> None:
    started = time.perf_counter()
    store = tracker_store(folder / "tracker.sqlite3")
    since = NOW - timedelta(days=DAYS)
    generated = list(generated_conversations(conversations, since, DAYS, sent_bookings=leads))
    events = write_conversations(store.engine, store, [chat for chat, _ in generated])
    stores = leads_stores(folder)
    senders = [chat.sender_id for chat, sent in generated if sent]
    for number, sender_id in enumerate(senders):
        submit_lead(
            stores.leads,
            sender_id,
            "Bench Visitor",
            phone=f"+1914555{number % 10_000:04d}",
            after_hours=number % 3 == 0,
            now=NOW - timedelta(days=number % DAYS, hours=1),
        )
    if index:
        add_events_index(store.engine.url)
    setup = time.perf_counter() - started
    client = signed_in_client(staff_app(stores, read_only_engine(store.engine.url)))
    reference = stores.leads.list()[0].reference
    period = f"from={since.date().isoformat()}&to={NOW.date().isoformat()}"
    print(f"bench-staff on {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs")
    print(
        f"data: {conversations} conversations ({events} events), {len(senders)} leads, "
        f"{DAYS} days; generated in {setup:.1f} s; "
        f"index {EVENTS_INDEX}: {'yes' if index else 'no'}"
    )
    print(f"timings over {repeats} runs after one warm-up")
    # Each run asks for another period (a day longer), so its figures are read afresh; the chart
    # image then uses the figures its page just read, as in a browser.
    pages, charts = [], []
    for attempt in range(repeats + 1):
        first = (since - timedelta(days=attempt)).date().isoformat()
        period = f"from={first}&to={NOW.date().isoformat()}"
        page = _time(client, f"/dashboard?{period}")
        chart = _time(client, f"/dashboard/charts.svg?{period}")
        if attempt:
            pages.append(page)
            charts.append(chart)
    # One day of the thirty: the case an index on the events' time can help.
    days_back = range(1, repeats + 1)
    day_pages = [
        _time(client, f"/dashboard?{_one_day(NOW.date() - timedelta(days=n))}") for n in days_back
    ]
    lead_pages = [_time(client, f"/leads/{reference}") for _ in range(repeats)]
    both = [page + chart for page, chart in zip(pages, charts, strict=True)]
    print(f"{'page':<32}{'median s':>10}{'slowest s':>11}")
    for name, timings in [
        ("dashboard page", pages),
        ("dashboard charts (SVG)", charts),
        ("dashboard page + charts", both),
        ("dashboard page, one day", day_pages),
        ("lead page with transcript", lead_pages),
    ]:
        print(f"{name:<32}{statistics.median(timings):>10.3f}{max(timings):>11.3f}")
    verdict = "within" if statistics.median(both) < TARGET_SECONDS else "OVER"
    print(f"dashboard page + charts: {verdict} the {TARGET_SECONDS:.0f} s target")
    store.engine.dispose()


def _one_day(day: date) -> str:
    return f"from={day.isoformat()}&to={day.isoformat()}"


def _time(client: FlaskClient, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return elapsed


if __name__ == "__main__":
    main()
