"""Scripted visitors that complete a booking request (testkit/booking_script.py) through
nginx, over REST or socket.io (polling, the transport that needs stickiness), each from a
loopback address of its own.

A visitor answers whatever the assistant last asked, so a turn that is sent again after a
failure (a killed instance, a restarted action server) does not derail it. A turn that fails
with a connection error, a 5xx or no answer is sent again, a bounded number of times."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import socketio

from testkit.booking_script import START, Booking, reference_in

TURN_ATTEMPTS = 8
RETRY_PAUSE_SECONDS = 1.0
TURN_SECONDS = 45.0
# A turn's replies arrive one by one over socket.io: it is over once the last one asks something
# or gives a reference, or else once nothing came for QUIET_SECONDS.
QUIET_SECONDS = 1.5


class TurnFailed(RuntimeError):
    """A turn got no answer after every attempt."""


@dataclass
class VisitorResult:
    channel: str
    conversation_id: str
    source_address: str
    reference: str | None = None
    retries: int = 0
    transcript: list[str] = field(default_factory=list)


async def turn_with_retries(
    result: VisitorResult, message: str, attempt: Callable[[str], Awaitable[list[str] | None]]
) -> list[str]:
    """Sends `message` with `attempt` (None: no answer) until it is answered, a bounded number
    of times with a pause between, and keeps both sides in the visitor's transcript."""
    result.transcript.append(f"Visitor: {message}")
    for number in range(TURN_ATTEMPTS):
        if number:
            result.retries += 1
            await asyncio.sleep(RETRY_PAUSE_SECONDS)
        replies = await attempt(message)
        if replies is not None:
            result.transcript.extend(f"Assistant: {reply}" for reply in replies)
            return replies
    raise TurnFailed(f"{result.conversation_id}: no answer to {message!r}")


async def complete_booking(
    visitor: Any, booking: Booking, start: str = START, max_turns: int = 20
) -> VisitorResult:
    """Talks, from `start` on, until the assistant gives a reference; `visitor` is a RestVisitor
    or SocketVisitor."""
    message = start
    for _ in range(max_turns):
        asked = "\n".join(await visitor.turn(message))
        reference = reference_in(asked)
        if reference:
            visitor.result.reference = reference
            return visitor.result
        message = booking.answer(asked) or message
    return visitor.result


class RestVisitor:
    def __init__(self, base_url: str, source_address: str, sender: str) -> None:
        self.url = f"{base_url}/webhooks/rest/webhook"
        self.result = VisitorResult("rest", sender, source_address)
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(source_address, 0), force_close=True),
            timeout=aiohttp.ClientTimeout(total=TURN_SECONDS),
        )

    async def turn(self, message: str) -> list[str]:
        return await turn_with_retries(self.result, message, self._attempt)

    async def _attempt(self, message: str) -> list[str] | None:
        body = {"sender": self.result.conversation_id, "message": message}
        try:
            async with self._session.post(self.url, data=json.dumps(body)) as response:
                if response.status >= 500:
                    return None
                response.raise_for_status()
                return [reply.get("text", "") for reply in await response.json()]
        except (aiohttp.ClientConnectionError, asyncio.TimeoutError):
            return None

    async def close(self) -> None:
        await self._session.close()


class SocketVisitor:
    """A socket.io visitor on the polling transport; after a lost connection it connects again
    and asks for its own session back."""

    def __init__(self, base_url: str, source_address: str) -> None:
        self.base_url = base_url
        self.source_address = source_address
        self.result = VisitorResult("socketio", "", source_address)
        self._replies: list[str] = []
        self._client: socketio.AsyncClient | None = None
        self._http: aiohttp.ClientSession | None = None

    async def connect(self) -> None:
        await self.close()
        self._http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(self.source_address, 0))
        )
        client = socketio.AsyncClient(http_session=self._http, reconnection=False)
        confirmed: list[str] = []
        client.on("bot_uttered", lambda data: self._replies.append(data.get("text", "")))
        client.on("session_confirm", confirmed.append)
        await client.connect(self.base_url, transports=["polling"], wait_timeout=10)
        self._client = client
        await client.emit("session_request", {"session_id": self.result.conversation_id or None})
        await _wait(lambda: bool(confirmed), 10.0)
        if not confirmed:
            raise ConnectionError("no session_confirm")
        self.result.conversation_id = confirmed[0]

    async def turn(self, message: str) -> list[str]:
        return await turn_with_retries(self.result, message, self._attempt)

    async def _attempt(self, message: str) -> list[str] | None:
        try:
            if self._client is None or not self._client.connected:
                await self.connect()
            replies = await self._exchange(message)
        except (ConnectionError, socketio.exceptions.SocketIOError, asyncio.TimeoutError):
            replies = []
        if not replies:
            await self.close()
            return None
        return replies

    async def _exchange(self, message: str) -> list[str]:
        assert self._client is not None
        self._replies.clear()
        await self._client.emit(
            "user_uttered", {"message": message, "session_id": self.result.conversation_id}
        )
        await _wait(lambda: bool(self._replies), TURN_SECONDS)
        while not _turn_over(self._replies):
            seen = len(self._replies)
            await _wait(self._more_than(seen), QUIET_SECONDS)
            if len(self._replies) == seen:
                break
        return list(self._replies)

    def _more_than(self, count: int) -> Callable[[], bool]:
        return lambda: len(self._replies) > count

    async def close(self) -> None:
        if self._client is not None and self._client.connected:
            with contextlib.suppress(Exception):
                await self._client.disconnect()
        self._client = None
        if self._http is not None:
            await self._http.close()
            self._http = None


def _turn_over(replies: list[str]) -> bool:
    return bool(replies) and (replies[-1].rstrip().endswith("?") or bool(reference_in(replies[-1])))


async def _wait(condition: Any, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


def source_address(index: int) -> str:
    """127.0.0.10, 127.0.0.11, ...: Linux routes all of 127/8 to the loopback interface."""
    return f"127.0.{10 + index // 200}.{10 + index % 200}"


async def run_visitors(
    base_url: str, count: int, prefix: str, first_address: int = 0
) -> list[VisitorResult]:
    """`count` visitors at once, even numbers over REST and odd ones over socket.io."""

    async def one(index: int) -> VisitorResult:
        address = source_address(first_address + index)
        booking = Booking(index)
        visitor: RestVisitor | SocketVisitor
        if index % 2 == 0:
            visitor = RestVisitor(base_url, address, f"{prefix}-{index}")
        else:
            visitor = SocketVisitor(base_url, address)
        try:
            return await complete_booking(visitor, booking)
        finally:
            await visitor.close()

    return list(await asyncio.gather(*(one(index) for index in range(count))))
