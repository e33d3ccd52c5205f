"""Socket.io floods over single connections, and a visitor beside them, for the flood test
(tests/production/test_chat_flood.py) and its bench (bench/bench_flood.py).

A flooder alternates `session_request` (a new conversation each time) and `user_uttered` (with a
session id of its own choosing) over one connection: a websocket, or the polling transport with
PACKETS_PER_POST packets in each POST (python-engineio decodes no more from one POST), keeping to
nginx's per-address rate by sending a refused POST again after a pause. Each flooder stops
listening once the channel has throttled it (connection_budget.THROTTLE_MESSAGE) or after
LISTEN_SECONDS. Every client binds to a loopback source address of the caller's choosing."""

from __future__ import annotations

import asyncio
import http.client
import json
import secrets
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import socketio

from rasa_server_plugins.connection_budget import THROTTLE_MESSAGE

HANDSHAKE = "/socket.io/?EIO=4&transport=polling"
PACKETS_PER_POST = 16
RATE_PAUSE_SECONDS = 0.15
LISTEN_SECONDS = 20.0
READ_SECONDS = 2.0
REPLY_SECONDS = 45.0
QUIET_SECONDS = 1.0
# How long nginx may take to write a request's access-log line after answering it.
LOG_WAIT_SECONDS = 5.0


@dataclass
class Flooder:
    """What one flooding connection sent and got back."""

    sent: int = 0
    confirmed: int = 0
    texts: list[str] = field(default_factory=list)

    @property
    def throttled(self) -> int:
        return self.texts.count(THROTTLE_MESSAGE)

    def packets(self, count: int) -> list[str]:
        """`count` socket.io event packets, every other one a request for a new conversation."""
        made = []
        for _ in range(count):
            if self.sent % 2 == 0:
                made.append('42["session_request",{"session_id":null}]')
            else:
                body = {"message": f"flood {self.sent}", "session_id": secrets.token_hex(32)}
                made.append(f'42["user_uttered",{json.dumps(body)}]')
            self.sent += 1
        return made

    def received(self, packet: str) -> None:
        if not packet.startswith("42"):
            return
        event, *arguments = json.loads(packet[2:])
        if event == "session_confirm":
            self.confirmed += 1
        elif event == "bot_uttered" and isinstance(arguments[0], dict):
            self.texts.append(arguments[0].get("text", ""))


def http_session(source: str) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(local_addr=(source, 0), force_close=True),
        timeout=aiohttp.ClientTimeout(total=30),
    )


async def listen(
    receive: Callable[[], Awaitable[bool]], flooder: Flooder, until_quiet: bool = True
) -> None:
    """Reads what comes back until the throttle message has come (and then, `until_quiet`, a read
    that got nothing), or LISTEN_SECONDS have passed."""
    deadline = time.monotonic() + LISTEN_SECONDS
    while time.monotonic() < deadline:
        got_something = await receive()
        if flooder.throttled and not (until_quiet and got_something):
            return


async def websocket_flood(base_url: str, source: str, count: int, flooder: Flooder) -> None:
    url = f"{base_url}/socket.io/?EIO=4&transport=websocket"
    async with http_session(source) as session, session.ws_connect(url) as socket:
        assert (await socket.receive_str(timeout=10)).startswith("0")
        await socket.send_str("40")
        assert (await socket.receive_str(timeout=10)).startswith("40")
        for packet in flooder.packets(count):
            await socket.send_str(packet)

        async def receive() -> bool:
            try:
                packet = await socket.receive_str(timeout=READ_SECONDS)
            except asyncio.TimeoutError:
                return False
            if packet == "2":
                await socket.send_str("3")
            flooder.received(packet)
            return True

        await listen(receive, flooder)


async def polling_flood(base_url: str, source: str, count: int, flooder: Flooder) -> None:
    async with http_session(source) as session:
        async with session.get(f"{base_url}{HANDSHAKE}") as response:
            opened = await response.text()
        url = f"{base_url}{HANDSHAKE}&sid={json.loads(opened[1:])['sid']}"
        poll_timeout = aiohttp.ClientTimeout(total=LISTEN_SECONDS)

        async def post(body: str) -> None:
            while True:
                async with session.post(url, data=body.encode()) as response:
                    if response.status != 429:
                        assert response.status == 200, response.status
                        return
                await asyncio.sleep(RATE_PAUSE_SECONDS)

        # A poll is answered when the server has something to send (or after its ping interval);
        # one left waiting would take the packets it was answered with, so this flooder waits for
        # each poll and stops listening once it has been throttled.
        async def receive() -> bool:
            try:
                async with session.get(url, timeout=poll_timeout) as got:
                    payload = await got.text()
            except asyncio.TimeoutError:
                return False
            for packet in payload.split("\x1e"):
                if packet == "2":
                    await post("3")
                flooder.received(packet)
            return True

        await post("40")
        await receive()
        for start in range(0, count, PACKETS_PER_POST):
            await post("\x1e".join(flooder.packets(min(PACKETS_PER_POST, count - start))))
        await listen(receive, flooder, until_quiet=False)


async def until(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


@dataclass
class Answer:
    replies: list[str]
    seconds: float  # from sending the question to its first reply (REPLY_SECONDS: none came)


async def ask(base_url: str, source: str, questions: list[str]) -> list[Answer]:
    """A visitor over socket.io polling, asking `questions` one after the other, each waited for
    up to REPLY_SECONDS, and then until QUIET_SECONDS pass without a further reply."""
    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(source, 0)))
    client = socketio.AsyncClient(http_session=session, reconnection=False)
    confirmed: list[str] = []
    replies: list[str] = []
    client.on("session_confirm", confirmed.append)
    client.on("bot_uttered", lambda data: replies.append(data.get("text", "")))
    try:
        await client.connect(base_url, transports=["polling"], wait_timeout=10)
        await client.emit("session_request", {"session_id": None})
        await until(lambda: bool(confirmed), REPLY_SECONDS)
        answers = []
        for question in questions:
            replies.clear()
            asked = time.monotonic()
            await client.emit("user_uttered", {"message": question})
            await until(lambda: bool(replies), REPLY_SECONDS)
            seconds = time.monotonic() - asked
            seen = 0
            while seen != len(replies):
                seen = len(replies)
                await asyncio.sleep(QUIET_SECONDS)
            answers.append(Answer(list(replies), seconds))
        return answers
    finally:
        if client.connected:
            await client.disconnect()
        await session.close()


def upstream_of(base_url: str, access_log: Path, source: str) -> str:
    """The Rasa instance nginx sends `source`'s socket.io requests to: found with a handshake and
    the last line nginx logged for `source` (the production profile's format ends with the
    upstream address)."""
    parsed = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(
        parsed.hostname or "127.0.0.1", parsed.port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request("GET", HANDSHAKE)
        assert connection.getresponse().status == 200
    finally:
        connection.close()
    # nginx writes the line in its log phase, after the response has gone: wait for it a little.
    deadline = time.monotonic() + LOG_WAIT_SECONDS
    while True:
        text = access_log.read_text()
        lines = [line for line in text.splitlines() if line.startswith(f"{source} ")]
        if lines:
            return lines[-1].rsplit(" ", 1)[1]
        if time.monotonic() > deadline:
            raise AssertionError(f"nginx logged no request from {source}")
        time.sleep(0.05)


def same_instance(base_url: str, access_log: Path, source: str, candidates: list[str]) -> str:
    """The first of `candidates` that nginx sends to the same Rasa instance as `source`."""
    flooded = upstream_of(base_url, access_log, source)
    return next(
        candidate
        for candidate in candidates
        if upstream_of(base_url, access_log, candidate) == flooded
    )
