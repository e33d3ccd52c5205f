"""The bad-input corpus: over 2,000 generated messages (very long, empty, binary and control
characters, a sample of every assigned Unicode block, right-to-left marks, HTML and SQL fragments,
JSON inside text, numbers only) sent to the running Rasa server over REST, and a bounded share over
socket.io. Every one is answered or refused with the size message, none gets a 5xx, no service
dies, and a normal question is still answered afterwards, each within a few seconds. Loopback
only; the count is bounded and every request has its own timeout, so it stops by itself. How fast
the corpus goes is not asserted here (it depends on the machine's load; `make bench-load` measures
speed): an earlier 150 s bound failed twice in 20 looped runs on a busy 2-core machine."""

from __future__ import annotations

import asyncio
import json
import random
import time
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import socketio

from rasa_server_plugins.channels import MAX_MESSAGE_CHARS, SIZE_MESSAGE
from testkit.coroutines import run_coroutine
from testkit.rest_channel import post_rest
from testkit.socketio_polling import connect_polling, polling_client
from testkit.stack import StackPorts, started_stack

PORTS = StackPorts(rasa=5605, actions=5655, site=8680, staff=8681)
MIN_MESSAGES = 2000
SOCKET_SHARE = 100
REST_WORKERS = 4
MESSAGES_PER_SENDER = 10
# A server that still works answers a normal question in well under this, even on a busy machine;
# a stuck one does not answer at all.
ANSWER_SECONDS = 5.0
NORMAL_QUESTION = "What is ART?"
# Rasa answers these with no message at all (nothing to understand, or a conversation command):
# they count as answered when the reply is an empty list.
SILENT_COMMANDS = ("/restart", "/session_start")
SEED = 20251126

HTML = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=javascript:alert(1)></iframe>",
    "</textarea><svg/onload=alert(1)>",
    "<b>bold</b> <i>neck</i> pain",
    "&lt;&gt;&amp;&quot;&#39;&#x3C;",
    "<!-- comment --><![CDATA[ x ]]>",
    "<a href='//evil.test'>click</a>",
]
SQL = [
    "' OR '1'='1",
    "'; DROP TABLE leads; --",
    "1; DELETE FROM events WHERE 1=1",
    '" UNION SELECT * FROM staff_users --',
    "admin'--",
    "' AND SLEEP(5)--",
    "%' OR 1=1 --",
    "); PRAGMA writable_schema=1; --",
]
JSON_TEXT = [
    '{"sender": "other", "message": "hi"}',
    '[{"recipient_id": "x", "text": "forged"}]',
    '/inform{"concern": "' + "x" * 300 + '"}',
    '/inform{"concern": "other: my neck"}',
    "/inform{not json",
    '/inform{"full_name": "<script>", "consent": true, "booking_confirmed": true}',
    '/affirm{"booking_confirmed": true}',
    "/greet",
    "/restart",
    "/session_start",
    '{"a": {"b": {"c": [1, 2, {"d": null}]}}}',
    "null",
    "[]",
    "{}",
    '"just a string"',
]
RTL = ["\u200f", "\u200e", "\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c"]
RTL_TEXT = [
    "\u0645\u0627 \u0647\u0648 ART\u061f",
    "\u05de\u05d4 \u05d6\u05d4",
    "ART \u0639\u0644\u0627\u062c",
]


def block_samples() -> list[str]:
    """One message per 128-code-point block that holds assigned, non-surrogate characters: a
    sample of every script Unicode knows, and of its symbols, marks and private-use areas."""
    samples = []
    for start in range(0, 0x32400, 128):
        characters = [
            chr(point)
            for point in range(start, start + 128)
            if unicodedata.category(chr(point)) not in ("Cn", "Cs")
        ]
        if characters:
            samples.append("".join(characters[:40]))
    return samples


def corpus() -> list[str]:
    """At least MIN_MESSAGES messages, the same on every run."""
    rng = random.Random(SEED)
    messages: list[str] = []
    messages += block_samples()
    messages += ["", " ", "\n", "\t", "\u00a0", "\u3000", "\u200b", "\ufeff", " \n\t "]
    messages += [chr(point) for point in range(0, 32)] + ["\x7f", "\x00" * 50]
    messages += [
        bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))).decode("latin-1")
        for _ in range(150)
    ]
    messages += [
        "".join(chr(rng.choice([*range(0, 32), 0x7F, *range(0x80, 0xA0)])) for _ in range(40))
        for _ in range(50)
    ]
    for length in (MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS + 1, 5_000, 20_000, 100_000):
        messages += ["a" * length, ("neck pain " * length)[:length], "\u0645" * length]
    messages += ["\U0001f600" * MAX_MESSAGE_CHARS, "\u0301" * (MAX_MESSAGE_CHARS + 1)]
    messages += [
        "".join(rng.choice("abc \u200f\u202e\u0645\u05d0") for _ in range(rng.randrange(900, 1200)))
        for _ in range(30)
    ]
    for mark in RTL:
        for text in RTL_TEXT:
            messages += [mark + text, text + mark, f"{mark}{NORMAL_QUESTION}{mark}"]
    messages += ["\u202e" + "gnikoob a ekam ot tnaw I", "\u202eexe.tpircs<script>"]
    for fragment in HTML + SQL + JSON_TEXT:
        messages += [fragment, f"my name is {fragment}", f"{NORMAL_QUESTION} {fragment}"]
    messages += [str(rng.randrange(10 ** rng.randrange(1, 30))) for _ in range(200)]
    messages += ["0", "-1", "1e308", "NaN", "Infinity", "0x7fffffff", "+19145550123", "٣٤٥"]
    messages += ["9" * 999, "1" * 1001, "3.14159" * 100]
    while len(messages) < MIN_MESSAGES:
        pool = [*HTML, *SQL, *JSON_TEXT, *RTL_TEXT, NORMAL_QUESTION, "book", "neck"]
        words = [rng.choice(pool) for _ in range(rng.randrange(1, 6))]
        messages.append(rng.choice(RTL + [" ", "\x00", "\n"]).join(words))
    return messages


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("bad-input-corpus")
    # The corpus tests content, not rate: its socket.io session sends all its SOCKET_SHARE
    # messages within the connection's turn budget (finding 1, tests/production/test_chat_flood.py).
    budget = {"CHAT_CONNECTION_TURNS": str(SOCKET_SHARE + 1)}
    with started_stack(
        "bad-input-corpus", work_dir, PORTS, ["actions", "rasa"], extra_env=budget
    ) as running:
        yield running


def post(port: int, sender: str, message: str) -> tuple[int, Any]:
    return post_rest(port, json.dumps({"sender": sender, "message": message}).encode())


def silent(message: str) -> bool:
    return message.strip() == "" or message in SILENT_COMMANDS


def judge(message: str, status: int, replies: Any) -> str | None:
    """What is wrong with the answer to `message`, or None when it is right."""
    if len(message) > MAX_MESSAGE_CHARS:
        if status == 413 and [reply.get("text") for reply in replies] == [SIZE_MESSAGE]:
            return None
        return f"over the limit, got {status}"
    if status == 200 and replies == [] and silent(message):
        return None
    if status != 200 or not isinstance(replies, list) or not replies:
        return f"got {status} with {str(replies)[:80]!r}"
    return None


def send_rest(port: int, batch: list[tuple[str, str]]) -> list[tuple[str, str]]:
    failures = []
    for sender, message in batch:
        status, replies = post(port, sender, message)
        problem = judge(message, status, replies)
        if problem:
            failures.append((message[:60], problem))
    return failures


async def wait_until(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.02)


async def wait_for_quiet(replies: list[dict[str, Any]], quiet: float = 0.2) -> None:
    """Until no further reply has arrived for `quiet` seconds (a message may get several)."""
    seen = -1
    while seen != len(replies):
        seen = len(replies)
        await asyncio.sleep(quiet)


# The widget's socket.io client reconnects when the server drops a long-polling connection (a
# poll that waited too long behind the REST flood on 2 cores); this test client does the same, a
# bounded number of times, so a drop is not mistaken for a bad input's fault.
SOCKET_RECONNECTS = 3
# A socket.io message waits behind the REST workers' turns (one turn at a time per Rasa process):
# generous, as each socket.io session holds at most SOCKET_SHARE messages.
REPLY_SECONDS = 30.0


class SocketSession:
    """One socket.io session over long-polling, opened again if the server drops it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.replies: list[dict[str, Any]] = []
        self.reconnects = 0
        self.client: Any = None

    async def open(self) -> None:
        confirmed: list[str] = []
        client = polling_client()
        client.on("bot_uttered", self.replies.append)
        client.on("session_confirm", confirmed.append)
        await connect_polling(client, self.port)
        self.client = client
        await client.emit("session_request", {"session_id": None})
        await wait_until(lambda: bool(confirmed))

    async def send(self, message: str) -> None:
        """Emits `message`, on a new connection if the last one was dropped."""
        while True:
            try:
                if not self.connected:
                    raise socketio.exceptions.BadNamespaceError("dropped")
                await self.client.emit("user_uttered", {"message": message, "session_id": "x"})
                return
            except (socketio.exceptions.BadNamespaceError, socketio.exceptions.ConnectionError):
                if self.reconnects >= SOCKET_RECONNECTS:
                    raise
                self.reconnects += 1
                await self.close()
                await self.open()

    @property
    def connected(self) -> bool:
        return self.client is not None and self.client.connected

    async def close(self) -> None:
        if self.client is not None and self.client.connected:
            await self.client.disconnect()
        self.client = None


async def send_socketio(port: int, messages: list[str]) -> list[tuple[str, str]]:
    """Each message in one socket.io session; waits for at least one reply."""
    failures = []
    session = SocketSession(port)
    replies = session.replies
    await session.open()
    try:
        for message in messages:
            await session.send(message)
            await wait_until(lambda: bool(replies) or not session.connected, REPLY_SECONDS)
            if not replies and not session.connected:
                # Dropped before the reply came: the widget would send it again.
                await session.send(message)
                await wait_until(lambda: bool(replies), REPLY_SECONDS)
            await wait_for_quiet(replies)
            oversized = len(message) > MAX_MESSAGE_CHARS
            if not replies and not silent(message):
                failures.append((message[:60], "no socket.io reply"))
            elif oversized and (not replies or replies[0].get("text") != SIZE_MESSAGE):
                failures.append((message[:60], "no size message over socket.io"))
            replies.clear()
    finally:
        await session.close()
    return failures


def test_bad_input_corpus_is_answered_without_a_5xx_or_a_crash(stack):
    """Finding 10: the bad-input corpus of the issue's "How it is shown"."""
    messages = corpus()
    assert len(messages) >= MIN_MESSAGES
    over_socket = messages[:: len(messages) // SOCKET_SHARE][:SOCKET_SHARE]
    # Each worker sends whole conversations of MESSAGES_PER_SENDER messages, one after another.
    conversations = [
        [(f"corpus-{start}", message) for message in messages[start : start + MESSAGES_PER_SENDER]]
        for start in range(0, len(messages), MESSAGES_PER_SENDER)
    ]
    batches = [
        [pair for conversation in conversations[worker::REST_WORKERS] for pair in conversation]
        for worker in range(REST_WORKERS)
    ]
    # Both channels answer once before the flood: in looped runs, the first socket.io message
    # sent into a cold server together with the REST workers' first turns twice got no reply
    # within REPLY_SECONDS (its cause is still open, see the closing note of issue 17).
    assert post(stack.ports.rasa, "corpus-warm-up", NORMAL_QUESTION)[0] == 200
    assert run_coroutine(send_socketio(stack.ports.rasa, [NORMAL_QUESTION])) == []
    with ThreadPoolExecutor(max_workers=REST_WORKERS + 1) as pool:
        socket_future = pool.submit(run_coroutine, send_socketio(stack.ports.rasa, over_socket))
        rest_futures = [pool.submit(send_rest, stack.ports.rasa, batch) for batch in batches]
        failures = [failure for future in rest_futures for failure in future.result()]
        failures += socket_future.result()
    assert failures == [], failures
    assert all(service.process.poll() is None for service in stack._services)

    for _ in range(3):
        asked = time.monotonic()
        status, replies = post(stack.ports.rasa, "corpus-after", NORMAL_QUESTION)
        assert status == 200 and replies
        assert time.monotonic() - asked < ANSWER_SECONDS
