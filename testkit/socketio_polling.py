"""A python-socketio test client for Rasa's socket.io channel over HTTP long-polling.

Reconnection is off: python-socketio 5.9's reconnect task swallows `asyncio.CancelledError`
while it waits between attempts, so a test whose connection the server dropped could never end
(`asyncio.run` waits for every task it cancels). A dropped connection must fail the test instead.
"""

from __future__ import annotations

import socketio

# The client's default of 1 s for the namespace handshake is too short on a busy 2-core CI machine
# while other test traffic is flooding the same server.
CONNECT_TIMEOUT_SECONDS = 15


def polling_client() -> socketio.AsyncClient:
    return socketio.AsyncClient(reconnection=False)


async def connect_polling(client: socketio.AsyncClient, port: int) -> None:
    await client.connect(
        f"http://127.0.0.1:{port}", transports=["polling"], wait_timeout=CONNECT_TIMEOUT_SECONDS
    )
