"""Finding 11, socket.io session guessing: a client cannot pick a conversation id, even one of the
server's format (ids are signed), nor write into, or listen to, a conversation its connection did
not request. Runs the real Rasa server with the project's socket.io channel on loopback."""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import pytest

from rasa_server_plugins.session_ids import SESSION_ID_FORMAT, SessionIdSigner
from testkit.coroutines import run_coroutine
from testkit.socketio_polling import connect_polling, polling_client
from testkit.stack import SharedStacks, Stack, StackSettings

QUESTION = "What is ART?"


@pytest.fixture(scope="module")
def stack(shared_stacks: SharedStacks) -> Stack:
    return shared_stacks.get("unguessable-session", ["actions", "rasa"], StackSettings())


class Visitor:
    """One socket.io connection that records its confirmed session id and the bot's replies."""

    def __init__(self) -> None:
        self.client = polling_client()
        self.confirmed: list[str] = []
        self.replies: list[dict[str, Any]] = []
        self.client.on("session_confirm", self.confirmed.append)
        self.client.on("bot_uttered", self.replies.append)

    async def connect(self, port: int) -> None:
        await connect_polling(self.client, port)

    async def request_session(self, session_id: object) -> str:
        await self.client.emit("session_request", {"session_id": session_id})
        await wait_for(lambda: bool(self.confirmed))
        return self.confirmed[-1]

    async def say(self, message: str, session_id: str) -> None:
        await self.client.emit("user_uttered", {"message": message, "session_id": session_id})


async def wait_for(condition, seconds: float = 15.0) -> None:
    for _ in range(int(seconds * 10)):
        if condition():
            return
        await asyncio.sleep(0.1)


def user_texts(stack: Stack, sender_id: str) -> list[str]:
    with sqlite3.connect(stack.work_dir / "rasa_tracker.sqlite3") as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (sender_id,)
        ).fetchall()
    return [row[0] for row in rows]


async def chosen_id(port: int, requested: object) -> str:
    visitor = Visitor()
    await visitor.connect(port)
    try:
        return await visitor.request_session(requested)
    finally:
        await visitor.client.disconnect()


def test_finding_11_a_well_formed_id_the_server_did_not_sign_is_replaced(stack):
    made_up = ["a" * 64, "0123456789abcdef" * 4]
    confirmed = [run_coroutine(chosen_id(stack.ports.rasa, chosen)) for chosen in made_up]
    signer = SessionIdSigner(stack.session_secret)
    assert [session_id in made_up for session_id in confirmed] == [False, False]
    assert all(signer.issued(session_id) for session_id in confirmed)


async def guessing_attack(port: int) -> dict[str, Any]:
    victim, guesser, injector = Visitor(), Visitor(), Visitor()
    for visitor in (victim, guesser, injector):
        await visitor.connect(port)
    try:
        weak = await victim.request_session("visitor-1")
        await victim.say(QUESTION, weak)
        await wait_for(lambda: bool(victim.replies))
        answered = len(victim.replies)
        # The guesser asks for the same weak id; the injector writes into the victim's session
        # without ever requesting it, then after requesting its own.
        guessed = await guesser.request_session("visitor-1")
        await injector.say("my name is Intruder", weak)
        own = await injector.request_session(None)
        await injector.say(QUESTION, weak)
        await wait_for(lambda: bool(injector.replies))
        await asyncio.sleep(2)
        return {
            "weak": weak,
            "guessed": guessed,
            "injector_own": own,
            "victim_replies_before": answered,
            "victim_replies_after": len(victim.replies),
            "guesser_replies": len(guesser.replies),
            "injector_replies": len(injector.replies),
        }
    finally:
        for visitor in (victim, guesser, injector):
            await visitor.client.disconnect()


def test_unguessable_session_no_client_joins_or_writes_into_anothers_conversation(stack):
    result = run_coroutine(guessing_attack(stack.ports.rasa))
    weak = result["weak"]
    assert weak != "visitor-1" and SESSION_ID_FORMAT.fullmatch(weak)
    assert result["guessed"] != weak and SESSION_ID_FORMAT.fullmatch(result["guessed"])
    assert result["victim_replies_before"] > 0
    assert result["victim_replies_after"] == result["victim_replies_before"]
    assert result["guesser_replies"] == 0
    assert result["injector_replies"] > 0
    victim_texts = user_texts(stack, weak)
    assert len(victim_texts) == 1 and QUESTION in victim_texts[0]
    assert user_texts(stack, "visitor-1") == []
    assert any(QUESTION in text for text in user_texts(stack, result["injector_own"]))
    assert not any("Intruder" in text for text in user_texts(stack, result["injector_own"]))


async def reload_keeps(port: int) -> tuple[str, str]:
    first, second = Visitor(), Visitor()
    await first.connect(port)
    issued = await first.request_session(None)
    await first.client.disconnect()
    await second.connect(port)
    try:
        return issued, await second.request_session(issued)
    finally:
        await second.client.disconnect()


def test_unguessable_session_a_reload_keeps_the_server_issued_id(stack):
    issued, resumed = run_coroutine(reload_keeps(stack.ports.rasa))
    assert SESSION_ID_FORMAT.fullmatch(issued)
    assert resumed == issued
