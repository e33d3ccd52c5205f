"""Finding 10, message size and malformed bodies: the channels refuse what the assistant should
never process, over REST and socket.io, against the running Rasa server (loopback only)."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest

from clinic.text.system_wording import TOO_LONG
from rasa_server_plugins.channels import MAX_MESSAGE_CHARS, SIZE_MESSAGE
from testkit.coroutines import run_coroutine
from testkit.rest_channel import post_rest
from testkit.socketio_polling import connect_polling, polling_client
from testkit.stack import SharedStacks, Stack, StackSettings


@pytest.fixture(scope="module")
def stack(shared_stacks: SharedStacks) -> Stack:
    return shared_stacks.get("message-size", ["actions", "rasa"], StackSettings())


def post(stack, body: bytes):
    return post_rest(stack.ports.rasa, body)


@pytest.mark.parametrize(
    "body",
    [b"[]", b"null", b"42", b'"hi"', b"{not json", b"{}", b'{"sender": 5, "message": "hi"}',
     b'{"sender": "v", "message": ["hi"]}', b'{"message": "hi"}'],
)  # fmt: skip
def test_message_size_a_malformed_rest_body_gets_a_400(stack, body):
    status, _ = post(stack, body)
    assert status == 400


def test_message_size_an_overlong_rest_message_is_refused_with_the_size_message(stack):
    sender = f"size-{uuid.uuid4()}"
    body = json.dumps({"sender": sender, "message": "a" * (MAX_MESSAGE_CHARS + 1)}).encode()
    status, replies = post(stack, body)
    assert status == 413
    assert replies == [{"recipient_id": sender, "text": SIZE_MESSAGE}]


@pytest.mark.parametrize(
    ("message", "metadata"),
    [
        (
            "Tengo dolor de espalda baja desde hace meses y quisiera saber si ART me sirve. " * 20,
            {},
        ),
        ("a" * (MAX_MESSAGE_CHARS + 1), {"language": "es-US"}),
    ],
)
def test_message_size_the_size_message_is_spanish_for_a_spanish_message_or_page(
    stack, message, metadata
):
    sender = f"size-{uuid.uuid4()}"
    body = {"sender": sender, "message": message, "metadata": metadata}
    status, replies = post(stack, json.dumps(body).encode())
    assert status == 413
    assert replies == [{"recipient_id": sender, "text": TOO_LONG.es}]


def test_message_size_a_message_at_the_limit_is_answered(stack):
    message = ("what is ART? " * 100)[:MAX_MESSAGE_CHARS]
    status, replies = post(stack, json.dumps({"sender": "at-limit", "message": message}).encode())
    assert status == 200
    assert replies


async def socket_exchange(port: int, message: object) -> list[dict]:
    client = polling_client()
    received: list[dict] = []
    client.on("bot_uttered", lambda data: received.append(data))
    session = uuid.uuid4().hex
    await connect_polling(client, port)
    try:
        await client.emit("session_request", {"session_id": session})
        await client.emit("user_uttered", {"message": message, "session_id": session})
        for _ in range(100):
            if received:
                break
            await asyncio.sleep(0.1)
        return received
    finally:
        await client.disconnect()


def test_message_size_an_overlong_socketio_message_gets_the_size_message(stack):
    received = run_coroutine(socket_exchange(stack.ports.rasa, "b" * (MAX_MESSAGE_CHARS + 1)))
    assert received == [{"text": SIZE_MESSAGE}]


def test_message_size_a_normal_socketio_message_is_still_answered(stack):
    received = run_coroutine(socket_exchange(stack.ports.rasa, "What is ART?"))
    assert received
    assert all(reply.get("text") != SIZE_MESSAGE for reply in received)
