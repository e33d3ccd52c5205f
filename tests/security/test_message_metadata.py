"""Finding 4, metadata sent with messages: a 500 KB metadata object with a visitor's details,
sent with a message over socket.io and over REST to the running Rasa server, leaves only its
language tag in the stored conversation (and so in what the action server is sent)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import uuid

import pytest

from testkit.coroutines import run_coroutine
from testkit.rest_channel import post_rest
from testkit.socketio_polling import connect_polling, polling_client
from testkit.stack import SharedStacks, Stack, StackSettings

QUESTION = "What is ART?"
MARK = "planted-metadata-7f3a"
METADATA = {
    "language": "en",
    "full_name": f"Jane Doe {MARK}",
    "blob": MARK * (500_000 // len(MARK)),
    "nested": {"phone": f"914 555 0123 {MARK}"},
}


@pytest.fixture(scope="module")
def stack(shared_stacks: SharedStacks) -> Stack:
    return shared_stacks.get("message-metadata", ["actions", "rasa"], StackSettings())


def stored_events(stack: Stack, sender_id: str) -> list[tuple[str, str]]:
    with sqlite3.connect(stack.work_dir / "rasa_tracker.sqlite3") as connection:
        return connection.execute(
            "SELECT type_name, data FROM events WHERE sender_id = ?", (sender_id,)
        ).fetchall()


def assert_only_the_language_kept(stack: Stack, sender_id: str) -> None:
    events = stored_events(stack, sender_id)
    user_events = [json.loads(data) for type_name, data in events if type_name == "user"]
    assert [event["text"] for event in user_events] == [QUESTION]
    assert user_events[0]["metadata"].get("language") == "en"
    assert not any(key in user_events[0]["metadata"] for key in ("full_name", "blob", "nested"))
    assert not any(MARK in data for _, data in events)


async def socketio_turn(port: int) -> str:
    client = polling_client()
    confirmed: list[str] = []
    replies: list[object] = []
    client.on("session_confirm", confirmed.append)
    client.on("bot_uttered", replies.append)
    await connect_polling(client, port)
    try:
        await client.emit("session_request", {"session_id": None})
        for _ in range(150):
            if confirmed:
                break
            await asyncio.sleep(0.1)
        await client.emit(
            "user_uttered",
            # The key rasa-webchat sends its metadata under (credentials.yml).
            {"message": QUESTION, "session_id": confirmed[-1], "customData": METADATA},
        )
        for _ in range(300):
            if replies:
                break
            await asyncio.sleep(0.1)
        assert replies, "the question was not answered"
        await asyncio.sleep(1)
        return confirmed[-1]
    finally:
        await client.disconnect()


def test_finding_4_socketio_metadata_keeps_only_the_language(stack):
    sender_id = run_coroutine(socketio_turn(stack.ports.rasa))
    assert_only_the_language_kept(stack, sender_id)


def test_finding_4_rest_metadata_keeps_only_the_language(stack):
    sender_id = f"metadata-{uuid.uuid4().hex}"
    body = {"sender": sender_id, "message": QUESTION, "metadata": METADATA}
    status, answer = post_rest(stack.ports.rasa, json.dumps(body).encode())
    assert status == 200 and answer
    assert_only_the_language_kept(stack, sender_id)
