"""Finding 1, a flood over single socket.io connections through nginx: one websocket client and one
polling client (each POST packing PACKETS_PER_POST packets, the most python-engineio decodes from
one POST) send FLOOD_MESSAGES messages between them, alternating `session_request` (a new
conversation each time) and `user_uttered`. nginx's per-request limit lets them through (the
polling client keeps to its rate); the connection budget (rasa_server_plugins/connection_budget.py)
answers each flooder with one throttle message and lets a handful of its turns through, while a
visitor on the same Rasa instance still gets answers. How long the visitor waits is measured by
`make bench-load`, not here."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp
import pytest
import socketio

from rasa_server_plugins.connection_budget import THROTTLE_MESSAGE, BudgetSettings
from testkit.coroutines import run_coroutine
from tests.production.profile import Profile
from tests.production.test_routes import HANDSHAKE, request
from tests.production.visitors import source_address

pytestmark = [pytest.mark.production, pytest.mark.slow]
FLOOD_MESSAGES = 2000
PACKETS_PER_POST = 16
# Past nginx's burst the polling client waits this long after a 429 and sends the POST again.
RATE_PAUSE_SECONDS = 0.15
FLOOD_ADDRESS = 350
VISITOR_CANDIDATES = range(351, 371)
# After its last packet a flooder listens this long for what comes back, then stops.
LISTEN_SECONDS = 20.0
READ_SECONDS = 2.0
VISITOR_QUESTIONS = ("What is ART?", "How many sessions will I need?")
REPLY_SECONDS = 45.0
QUIET_SECONDS = 1.0
BUDGET = BudgetSettings.from_env({})


@dataclass
class Flooder:
    """What one flooding connection sent and got back."""

    sent: int = 0
    confirmed: int = 0
    texts: list[str] = field(default_factory=list)

    def packets(self, count: int) -> list[str]:
        """`count` socket.io event packets, every other one a request for a new conversation."""
        made = []
        for _ in range(count):
            if self.sent % 2 == 0:
                made.append('42["session_request",{"session_id":null}]')
            else:
                text = f"flood {self.sent}"
                # A session id of the flooder's choosing: the channel ignores it.
                body = {"message": text, "session_id": secrets.token_hex(32)}
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


def http_session(address: int) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(local_addr=(source_address(address), 0), force_close=True),
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
        if THROTTLE_MESSAGE in flooder.texts and not (until_quiet and got_something):
            return


async def websocket_flood(profile: Profile, count: int, flooder: Flooder) -> None:
    url = f"{profile.url}/socket.io/?EIO=4&transport=websocket"
    async with http_session(FLOOD_ADDRESS) as http, http.ws_connect(url) as socket:
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


async def polling_flood(profile: Profile, count: int, flooder: Flooder) -> None:
    async with http_session(FLOOD_ADDRESS) as http:
        async with http.get(f"{profile.url}{HANDSHAKE}") as response:
            opened = await response.text()
        url = f"{profile.url}{HANDSHAKE}&sid={json.loads(opened[1:])['sid']}"

        async def post(body: str) -> None:
            while True:
                async with http.post(url, data=body.encode()) as response:
                    if response.status != 429:
                        assert response.status == 200, response.status
                        return
                await asyncio.sleep(RATE_PAUSE_SECONDS)

        poll_timeout = aiohttp.ClientTimeout(total=LISTEN_SECONDS)

        # A poll is answered when the server has something to send (or after its ping interval);
        # one left waiting would take the packets it was answered with, so this flooder waits for
        # each poll and stops listening once it has been throttled.
        async def receive() -> bool:
            try:
                async with http.get(url, timeout=poll_timeout) as got:
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


def upstream_of(profile: Profile, address: int) -> str:
    """The Rasa instance nginx sends `address`'s socket.io requests to (found with a handshake)."""
    assert request(profile, "GET", HANDSHAKE, address=address) == 200
    client = source_address(address)
    lines = [line for line in profile.access_log() if line.client == client]
    return lines[-1].upstream


async def until(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


async def visitor_after_the_flood(profile: Profile, address: int) -> list[list[str]]:
    """A visitor's replies to VISITOR_QUESTIONS, sent once the flood has gone out, each waited
    for up to REPLY_SECONDS (without the budget it would wait behind the flood's turns)."""
    http = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(local_addr=(source_address(address), 0))
    )
    client = socketio.AsyncClient(http_session=http, reconnection=False)
    confirmed: list[str] = []
    replies: list[str] = []
    client.on("session_confirm", confirmed.append)
    client.on("bot_uttered", lambda data: replies.append(data.get("text", "")))
    try:
        await client.connect(profile.url, transports=["polling"], wait_timeout=10)
        await client.emit("session_request", {"session_id": None})
        await until(lambda: bool(confirmed), REPLY_SECONDS)
        answers = []
        for question in VISITOR_QUESTIONS:
            replies.clear()
            await client.emit("user_uttered", {"message": question})
            await until(lambda: bool(replies), REPLY_SECONDS)
            seen = 0
            while seen != len(replies):  # the turn's further replies, if any
                seen = len(replies)
                await asyncio.sleep(QUIET_SECONDS)
            answers.append(list(replies))
        return answers
    finally:
        if client.connected:
            await client.disconnect()
        await http.close()


async def flood_with_a_visitor(
    profile: Profile, visitor_address: int
) -> tuple[Flooder, Flooder, list[list[str]]]:
    websocket, polling = Flooder(), Flooder()
    half = FLOOD_MESSAGES // 2
    flood = asyncio.ensure_future(
        asyncio.gather(
            websocket_flood(profile, half, websocket), polling_flood(profile, half, polling)
        )
    )
    try:
        while websocket.sent + polling.sent < FLOOD_MESSAGES and not flood.done():
            await asyncio.sleep(0.05)
        replies = await visitor_after_the_flood(profile, visitor_address)
        await flood
    finally:
        flood.cancel()
    return websocket, polling, replies


def test_finding_1_a_flood_over_one_connection_is_throttled_and_others_are_answered(profile):
    flooded = upstream_of(profile, FLOOD_ADDRESS)
    visitor_address = next(
        address for address in VISITOR_CANDIDATES if upstream_of(profile, address) == flooded
    )
    websocket, polling, replies = run_coroutine(flood_with_a_visitor(profile, visitor_address))

    for flooder in (websocket, polling):
        assert flooder.sent == FLOOD_MESSAGES // 2
        assert flooder.texts.count(THROTTLE_MESSAGE) == 1
        assert 1 <= flooder.confirmed <= BUDGET.sessions
        # Its admitted turns were answered; the rest never reached Rasa.
        assert len(flooder.texts) - 1 <= BUDGET.turns
    assert len(replies) == len(VISITOR_QUESTIONS)
    assert all(answer and THROTTLE_MESSAGE not in answer for answer in replies), replies
    # nginx's per-request limit let every packed POST of the polling flood through.
    passed = [
        line
        for line in profile.access_log()
        if line.client == source_address(FLOOD_ADDRESS)
        and line.method == "POST"
        and line.status == 200
    ]
    assert len(passed) >= FLOOD_MESSAGES // 2 // PACKETS_PER_POST
