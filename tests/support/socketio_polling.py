"""Connects a python-socketio test client to Rasa's socket.io channel over HTTP long-polling."""

from __future__ import annotations

import socketio

# The client's default of 1 s for the namespace handshake is too short on a busy 2-core CI machine
# while other test traffic is flooding the same server.
CONNECT_TIMEOUT_SECONDS = 15


async def connect_polling(client: socketio.AsyncClient, port: int) -> None:
    await client.connect(
        f"http://127.0.0.1:{port}", transports=["polling"], wait_timeout=CONNECT_TIMEOUT_SECONDS
    )
