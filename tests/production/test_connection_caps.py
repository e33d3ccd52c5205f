"""Finding 3, idle connections: websockets held open from one address stop at the per-address cap
(429 with a message saying why) while other addresses still chat and load the widget; the total
cap on chat connections leaves the page and the widget loading. Each test ends well within the
45 s after which Rasa closes a websocket that never answers its pings."""

from __future__ import annotations

import base64
import contextlib
import re
import secrets
import socket
from collections.abc import Iterator

import pytest

from tests.production.profile import Profile
from tests.production.test_routes import HANDSHAKE, request
from tests.production.visitors import source_address

pytestmark = [pytest.mark.production, pytest.mark.slow]
PER_ADDRESS = 20
WEBSOCKET = "/socket.io/?EIO=4&transport=websocket"
TOO_MANY = b"Too many requests or connections from your address"


def open_websocket(profile: Profile, address: int) -> tuple[socket.socket, int, bytes]:
    """A websocket through nginx, left open; its status and what came with it."""
    sock = socket.create_connection(
        ("127.0.0.1", profile.public_port), timeout=30, source_address=(source_address(address), 0)
    )
    key = base64.b64encode(secrets.token_bytes(16)).decode()
    sock.sendall(
        f"GET {WEBSOCKET} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        .encode()
    )  # fmt: skip
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = sock.recv(4096)
        if not chunk:
            break
        received += chunk
    status = int(received.split(b" ", 2)[1]) if received.startswith(b"HTTP/") else 0
    length = re.search(rb"(?i)content-length: *(\d+)", received)
    if status != 101 and length is not None:
        headers = received.index(b"\r\n\r\n") + 4
        while len(received) < headers + int(length[1]):
            received += sock.recv(4096)
    return sock, status, received


@contextlib.contextmanager
def websockets(profile: Profile, count: int, address: int) -> Iterator[list[tuple[int, bytes]]]:
    opened = [open_websocket(profile, address) for _ in range(count)]
    try:
        yield [(status, received) for _, status, received in opened]
    finally:
        for sock, _, _ in opened:
            sock.close()


def test_finding_3_idle_websockets_from_one_address_stop_at_the_cap(profile):
    with websockets(profile, PER_ADDRESS + 10, address=320) as answers:
        statuses = [status for status, _ in answers]
        assert statuses[:PER_ADDRESS] == [101] * PER_ADDRESS
        assert statuses[PER_ADDRESS:] == [429] * 10
        assert all(TOO_MANY in received for status, received in answers if status == 429)
        assert request(profile, "GET", "/widget/chat.js", address=321) == 200
        assert request(profile, "GET", HANDSHAKE, address=321) == 200
        with websockets(profile, 1, address=321) as other:
            assert [status for status, _ in other] == [101]
    with websockets(profile, 1, address=320) as again:
        assert [status for status, _ in again] == [101]


def test_finding_3_the_total_chat_cap_still_leaves_the_page_loading(profile):
    profile.stop("nginx")
    try:
        profile.start("nginx", PRODUCTION_CONN_TOTAL="4")
        with websockets(profile, 2, address=330) as first, websockets(profile, 3, 331) as second:
            statuses = [status for status, _ in first + second]
            assert statuses == [101, 101, 101, 101, 429]
            assert request(profile, "GET", "/", address=332) == 200
            assert request(profile, "GET", "/widget/chat.js", address=332) == 200
    finally:
        profile.stop("nginx")
        profile.start("nginx")
