"""The load bench's client, figures and memory reading, against a stand-in REST webhook on
loopback (bounded: a second or two of load)."""

import asyncio
import math
import os
import time

import pytest
from aiohttp import web

from bench.load_client import LoadResult, closed_loop, open_loop
from bench.load_cpu import cpu_used, process_cpu_seconds, tree_cpu_seconds
from bench.load_memory import resident_bytes, tree_resident_bytes
from bench.load_report import Row, markdown_table, terminal_table
from bench.load_visitors import (
    BOOKING,
    BOOKING_VISITOR,
    FAQ,
    FAQ_VISITOR,
    kind_of,
    script_for,
    sender_id,
)


def test_percentiles_are_nearest_rank():
    result = LoadResult("x", latencies=[0.01 * n for n in range(1, 101)], duration=2.0)
    assert result.percentile(0.5) == pytest.approx(0.50)
    assert result.percentile(0.95) == pytest.approx(0.95)
    assert result.percentile(0.99) == pytest.approx(0.99)
    assert result.turns_per_second == pytest.approx(50.0)
    assert math.isnan(LoadResult("empty").percentile(0.5))


def test_latencies_are_kept_by_kind_of_conversation_too():
    result = LoadResult("x")
    for latency in (0.01, 0.02, 0.03):
        result.add(FAQ, latency)
    result.add(BOOKING, 0.5)
    assert result.percentile(1.0) == pytest.approx(0.5)
    assert result.kind_percentile(FAQ, 1.0) == pytest.approx(0.03)
    assert result.kind_percentile(BOOKING, 0.5) == pytest.approx(0.5)
    assert math.isnan(result.kind_percentile("other", 0.5))


def test_visitors_mix_faq_and_booking_with_unique_senders():
    assert [script_for(0, n) for n in range(3)] == [FAQ_VISITOR, FAQ_VISITOR, BOOKING_VISITOR]
    assert [kind_of(0, n) for n in range(3)] == [FAQ, FAQ, BOOKING]
    assert [script_for(n, 1) for n in range(3)] == [FAQ_VISITOR, BOOKING_VISITOR, FAQ_VISITOR]
    senders = {
        sender_id("r", visitor, conversation) for visitor in range(5) for conversation in range(3)
    }
    assert len(senders) == 15


def test_memory_of_this_process_is_read_from_proc():
    own = resident_bytes(os.getpid())
    assert own > 10 * 1024 * 1024
    assert tree_resident_bytes(os.getpid()) >= own
    assert resident_bytes(2**22 + 12345) == 0


def test_cpu_of_this_process_is_read_from_proc():
    before = process_cpu_seconds(os.getpid())
    deadline = time.process_time() + 0.2
    while time.process_time() < deadline:
        pass
    after = tree_cpu_seconds(os.getpid())
    # Clock ticks are 10 ms: 0.2 s of busy work reads as at least 0.15 s.
    assert after - before >= 0.15
    assert process_cpu_seconds(2**22 + 12345) == 0.0


def test_cpu_used_is_per_service_and_restarts_count_from_zero():
    used = cpu_used({"rasa": 10.0, "actions": 5.0}, {"rasa": 12.5, "actions": 0.25, "new": 1.0})
    assert used == {"rasa": 2.5, "actions": 0.25, "new": 1.0}


def test_cpu_cell_without_readings_is_a_dash():
    result = LoadResult("closed 1", duration=1.0)
    assert Row("run", result, {}).cells()[-2] == "-"
    result.add(FAQ, 0.02)
    assert Row("run", result, {}, {"rasa": 0.01}).cells()[-2] == "rasa 10.0 = 10.0 ms"


async def _stand_in_webhook(seen: list[tuple[str, str]]) -> tuple[web.AppRunner, str]:
    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        seen.append((body["sender"], body["message"]))
        if body["message"] == "bye":
            return web.json_response({"error": "boom"}, status=500)
        await asyncio.sleep(0.005)
        return web.json_response([{"text": "ok"}])

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}/webhooks/rest/webhook"


def test_closed_loop_counts_answers_and_errors_and_stops_in_time():
    async def scenario():
        seen: list[tuple[str, str]] = []
        runner, url = await _stand_in_webhook(seen)
        try:
            result = await closed_loop(url, visitors=3, duration=1.0, run="t")
        finally:
            await runner.cleanup()
        return result, seen

    result, seen = asyncio.run(scenario())
    assert 1.0 <= result.duration < 5.0
    assert len(result.latencies) + result.errors == len(seen) >= 6
    assert result.errors == sum(1 for _, text in seen if text == "bye")
    assert all(latency >= 0.004 for latency in result.latencies)  # the stand-in sleeps 5 ms
    assert sorted(result.latencies) == sorted(sum(result.by_kind.values(), []))
    assert set(result.by_kind) == {FAQ, BOOKING}
    # Visitors 0 and 1 are FAQ visitors, 2 a booking visitor, each in its own conversation.
    assert ("bench-t-2-0", BOOKING_VISITOR[0]) in seen


def test_open_loop_keeps_near_its_arrival_rate():
    async def scenario():
        seen: list[tuple[str, str]] = []
        runner, url = await _stand_in_webhook(seen)
        try:
            return await open_loop(url, rate=20, think_time=0.5, duration=2.0, run="o")
        finally:
            await runner.cleanup()

    result = asyncio.run(scenario())
    assert result.duration < 4.0
    sent = len(result.latencies) + result.errors
    assert 15 <= sent <= 80


def test_tables_show_every_figure():
    result = LoadResult("closed 1", errors=1, duration=1.0)
    result.add(FAQ, 0.02)
    result.add(BOOKING, 0.03)
    row = Row("run", result, {"rasa": 2**30}, {"rasa": 0.03, "actions": 0.002})
    assert (
        "| run | closed 1 | 2.0 | 20 ms | 30 ms | 30 ms | 20 ms / 30 ms | 1 / 3 "
        "| rasa 15.0, actions 1.0 = 16.0 ms | rasa 1024 MiB |" in markdown_table([row], "title")
    )
    assert terminal_table([row]).splitlines()[1].split()[:3] == ["run", "closed", "1"]
