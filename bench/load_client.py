"""Load over Rasa's REST channel: closed loop (each visitor sends its next message as soon as it
has the answer) and open loop (visitors who think between messages, at a fixed mean arrival
rate). Both stop by themselves when their duration is over; a turn still in flight then finishes.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from dataclasses import dataclass, field

import aiohttp

from bench.load_visitors import kind_of, script_for, sender_id

TURN_TIMEOUT_SECONDS = 30.0


def nearest_rank(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; NaN without any value."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class LoadResult:
    """Latencies (seconds) of the answered turns, also by kind of conversation (FAQ or booking:
    a tail made by one kind shows there), and the count of failed turns."""

    label: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    duration: float = 0.0
    by_kind: dict[str, list[float]] = field(default_factory=dict)

    @property
    def turns_per_second(self) -> float:
        return len(self.latencies) / self.duration if self.duration else 0.0

    def percentile(self, fraction: float) -> float:
        return nearest_rank(self.latencies, fraction)

    def kind_percentile(self, kind: str, fraction: float) -> float:
        return nearest_rank(self.by_kind.get(kind, []), fraction)

    def add(self, kind: str, latency: float) -> None:
        self.latencies.append(latency)
        self.by_kind.setdefault(kind, []).append(latency)


async def send_turn(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> float:
    """Send one message and wait for the answer; its latency in seconds. Raises on failure."""
    started = time.perf_counter()
    async with session.post(url, json={"sender": sender, "message": text}) as response:
        answer = await response.json()
        if response.status != 200 or not isinstance(answer, list):
            raise aiohttp.ClientResponseError(
                response.request_info, (), status=response.status, message="unexpected answer"
            )
    return time.perf_counter() - started


class _Visitor:
    def __init__(self, run: str, number: int, result: LoadResult) -> None:
        self._run, self._number, self._result = run, number, result
        self._conversation = 0
        self._turn = 0

    async def next_turn(self, session: aiohttp.ClientSession, url: str) -> None:
        script = script_for(self._number, self._conversation)
        sender = sender_id(self._run, self._number, self._conversation)
        kind = kind_of(self._number, self._conversation)
        try:
            self._result.add(kind, await send_turn(session, url, sender, script[self._turn]))
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            self._result.errors += 1
        self._turn += 1
        if self._turn == len(script):
            self._turn, self._conversation = 0, self._conversation + 1


def _session(visitors: int) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=visitors),
        timeout=aiohttp.ClientTimeout(total=TURN_TIMEOUT_SECONDS),
    )


async def closed_loop(url: str, visitors: int, duration: float, run: str) -> LoadResult:
    """`visitors` visitors without think time for `duration` seconds."""
    result = LoadResult(label=f"closed {visitors}")
    deadline = time.monotonic() + duration

    async def visit(number: int) -> None:
        visitor = _Visitor(run, number, result)
        while time.monotonic() < deadline:
            await visitor.next_turn(session, url)

    async with _session(visitors) as session:
        started = time.monotonic()
        await asyncio.gather(*(visit(number) for number in range(visitors)))
        result.duration = time.monotonic() - started
    return result


async def open_loop(
    url: str, rate: float, think_time: float, duration: float, run: str, seed: int = 10
) -> LoadResult:
    """rate x think_time visitors, each waiting an exponential think time (mean `think_time`)
    after every answer, so that messages arrive at about `rate` per second."""
    visitors = max(1, round(rate * think_time))
    result = LoadResult(label=f"open {rate:g}/s")
    chance = random.Random(seed)
    deadline = time.monotonic() + duration

    async def visit(number: int, first_wait: float) -> None:
        visitor = _Visitor(run, number, result)
        await asyncio.sleep(first_wait)
        while time.monotonic() < deadline:
            await visitor.next_turn(session, url)
            remaining = deadline - time.monotonic()
            await asyncio.sleep(max(0.0, min(chance.expovariate(1.0 / think_time), remaining)))

    async with _session(visitors) as session:
        started = time.monotonic()
        waits = [chance.uniform(0.0, min(think_time, duration)) for _ in range(visitors)]
        await asyncio.gather(*(visit(number, wait) for number, wait in enumerate(waits)))
        result.duration = time.monotonic() - started
    return result
