"""Finding 1 in the socket.io channel: a flood over one connection, alternating session requests
and messages, reaches Rasa only within the connection's budget; the rest is dropped with one
throttle message, and every handler ends (nothing waits behind the busy turn)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage

from rasa_server_plugins.channels import CappedSocketIOInput
from rasa_server_plugins.connection_budget import THROTTLE_MESSAGE

FLOOD_PAIRS = 1000


@pytest.fixture
def settings(monkeypatch):
    monkeypatch.setenv("SESSION_ID_SECRET", "s" * 40)
    monkeypatch.setenv("CHAT_CONNECTION_TURNS", "30")
    monkeypatch.setenv("CHAT_CONNECTION_IN_FLIGHT", "2")
    monkeypatch.setenv("CHAT_CONNECTION_SESSIONS", "3")
    monkeypatch.delenv("CHAT_CONNECTION_WINDOW_SECONDS", raising=False)


class FloodedChannel:
    """The channel's handlers, with a Rasa that keeps every turn busy until `release()`."""

    def __init__(self) -> None:
        self.turns: list[UserMessage] = []
        self.emitted: list[tuple[str, Any]] = []
        self._busy = asyncio.Event()
        self.channel = CappedSocketIOInput(session_persistence=True)
        self.channel.blueprint(self._on_new_message)
        # No client is connected: what the channel sends, and its rooms, stay here.
        self.channel.sio.emit = self._emit  # type: ignore[method-assign]
        self.channel.sio.enter_room = lambda *_, **__: None  # type: ignore[method-assign]
        self.channel.sio.leave_room = lambda *_, **__: None  # type: ignore[method-assign]
        self.handlers = self.channel.sio.handlers["/"]

    async def _on_new_message(self, message: UserMessage) -> None:
        self.turns.append(message)
        await self._busy.wait()

    async def _emit(self, event: str, data: Any, **_: Any) -> None:
        self.emitted.append((event, data))

    def release(self) -> None:
        self._busy.set()

    def texts(self) -> list[str]:
        return [data["text"] for event, data in self.emitted if event == "bot_uttered"]

    def confirmed(self) -> list[str]:
        return [data for event, data in self.emitted if event == "session_confirm"]


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


def test_finding_1_a_flood_over_one_connection_stays_within_its_budget(settings):
    async def scenario() -> FloodedChannel:
        flooded = FloodedChannel()
        tasks = []
        # As python-socketio runs each received event: a task of its own, in arrival order.
        for index in range(FLOOD_PAIRS):
            tasks.append(asyncio.create_task(flooded.handlers["session_request"]("sid", {})))
            message = {"message": f"flood {index}", "session_id": "x"}
            tasks.append(asyncio.create_task(flooded.handlers["user_uttered"]("sid", message)))
        await settle()
        running = [task for task in tasks if not task.done()]
        assert len(flooded.turns) == 2 and len(running) == 2
        flooded.release()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=10)
        return flooded

    flooded = asyncio.run(scenario())
    assert len(flooded.turns) == 2
    assert len(flooded.confirmed()) == 3
    assert flooded.texts() == [THROTTLE_MESSAGE]


def test_finding_1_turns_one_after_the_other_are_answered_until_the_window_budget(settings):
    async def scenario() -> FloodedChannel:
        flooded = FloodedChannel()
        flooded.release()
        await flooded.handlers["session_request"]("sid", {})
        for index in range(40):
            await flooded.handlers["user_uttered"]("sid", {"message": f"question {index}"})
        return flooded

    flooded = asyncio.run(scenario())
    assert [turn.text for turn in flooded.turns] == [f"question {index}" for index in range(30)]
    assert flooded.texts() == [THROTTLE_MESSAGE]


def test_finding_1_connections_have_their_own_budgets_and_a_closed_one_is_forgotten(settings):
    async def scenario() -> FloodedChannel:
        flooded = FloodedChannel()
        flooded.release()
        for _ in range(4):
            await flooded.handlers["session_request"]("one", {})
        await flooded.handlers["session_request"]("two", {})
        await flooded.handlers["disconnect"]("one")
        await flooded.handlers["session_request"]("one", {})
        return flooded

    flooded = asyncio.run(scenario())
    assert len(flooded.confirmed()) == 3 + 1 + 1
    assert flooded.texts() == [THROTTLE_MESSAGE]


def test_finding_1_the_channel_does_not_start_with_a_bad_budget_setting(settings, monkeypatch):
    monkeypatch.setenv("CHAT_CONNECTION_SESSIONS", "0")

    async def ignore(_message: UserMessage) -> None:
        return None

    with pytest.raises(ValueError, match="CHAT_CONNECTION_SESSIONS"):
        CappedSocketIOInput(session_persistence=True).blueprint(ignore)
