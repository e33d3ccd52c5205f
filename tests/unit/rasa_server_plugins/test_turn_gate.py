"""The turn gate: turns are under way one at a time (or RASA_TURN_CONCURRENCY), first come first
served; a turn keeps its place over a quick HTTP call, gives it up over a slow one, and comes
back ahead of new turns."""

import asyncio

import pytest

from rasa_server_plugins import turn_gate
from rasa_server_plugins.turn_gate import (
    TurnGate,
    configured_concurrency,
    in_line,
    turn,
    waiting_elsewhere,
)


async def _visitor(gate: TurnGate, name: str, log: list[str], steps: int = 2) -> None:
    async with turn(gate):
        for step in range(steps):
            log.append(f"{name}{step}")
            await asyncio.sleep(0)


def test_turns_run_one_after_the_other_in_arrival_order():
    async def scenario() -> list[str]:
        gate, log = TurnGate(1), []
        await asyncio.gather(*(_visitor(gate, name, log) for name in "abc"))
        return log

    assert asyncio.run(scenario()) == ["a0", "a1", "b0", "b1", "c0", "c1"]


def test_without_the_gate_the_same_turns_interleave():
    """The control for the test above: the ordering comes from the gate."""

    async def scenario() -> list[str]:
        log: list[str] = []

        async def visitor(name: str) -> None:
            for step in range(2):
                log.append(f"{name}{step}")
                await asyncio.sleep(0)

        await asyncio.gather(*(visitor(name) for name in "abc"))
        return log

    assert asyncio.run(scenario()) == ["a0", "b0", "c0", "a1", "b1", "c1"]


def test_two_places_let_two_turns_run_at_once():
    async def scenario() -> list[str]:
        gate, log = TurnGate(2), []
        await asyncio.gather(*(_visitor(gate, name, log) for name in "abc"))
        return log

    assert asyncio.run(scenario()) == ["a0", "b0", "a1", "b1", "c0", "c1"]


def test_a_quick_http_call_keeps_the_turns_place():
    async def scenario() -> list[str]:
        gate, log = TurnGate(1), []

        async def form_turn() -> None:
            async with turn(gate):
                log.append("form asks the action server")
                async with waiting_elsewhere(grace=1.0):
                    await asyncio.sleep(0.01)
                log.append("form reads the answer")

        await asyncio.gather(form_turn(), _visitor(gate, "faq", log, steps=1))
        return log

    assert asyncio.run(scenario()) == [
        "form asks the action server",
        "form reads the answer",
        "faq0",
    ]


def test_a_slow_http_call_lets_the_next_turn_run_and_then_comes_back_first():
    async def scenario() -> list[str]:
        gate, log = TurnGate(1), []

        async def form_turn() -> None:
            async with turn(gate):
                log.append("form asks the action server")
                async with waiting_elsewhere(grace=0.01):
                    await asyncio.sleep(0.1)
                log.append("form reads the answer")

        async def faq_turn(name: str, delay: float) -> None:
            await asyncio.sleep(delay)
            async with turn(gate):
                log.append(name)
                await asyncio.sleep(0.15)  # still under way when the answer comes

        await asyncio.gather(
            form_turn(), faq_turn("faq during the call", 0.0), faq_turn("faq after", 0.05)
        )
        return log

    assert asyncio.run(scenario()) == [
        "form asks the action server",
        "faq during the call",
        "form reads the answer",
        "faq after",
    ]


def test_a_cancelled_wait_in_line_loses_no_place():
    async def scenario() -> list[str]:
        gate, log = TurnGate(1), []
        first = asyncio.create_task(_visitor(gate, "a", log, steps=3))
        await asyncio.sleep(0)
        cancelled = asyncio.create_task(_visitor(gate, "x", log))
        await asyncio.sleep(0)
        cancelled.cancel()
        await asyncio.gather(first, _visitor(gate, "b", log), return_exceptions=True)
        return log

    assert asyncio.run(scenario()) == ["a0", "a1", "a2", "b0", "b1"]


def test_a_turn_cancelled_during_a_slow_call_gives_its_place_back_once():
    async def scenario() -> list[str]:
        gate, log = TurnGate(1), []

        async def form_turn() -> None:
            async with turn(gate), waiting_elsewhere(grace=0.0):
                await asyncio.sleep(10)

        form = asyncio.create_task(form_turn())
        await asyncio.sleep(0.01)
        form.cancel()
        await asyncio.gather(form, return_exceptions=True)
        # One place, free again: two turns still run one after the other, not together.
        await asyncio.gather(*(_visitor(gate, name, log) for name in "ab"))
        return log

    assert asyncio.run(scenario()) == ["a0", "a1", "b0", "b1"]


def test_a_nested_turn_in_the_same_task_takes_no_second_place():
    async def scenario() -> str:
        gate = TurnGate(1)
        async with turn(gate), turn(gate):
            return "no deadlock"

    assert asyncio.run(asyncio.wait_for(scenario(), timeout=5)) == "no deadlock"


def test_an_http_call_outside_a_turn_is_not_held_up():
    async def scenario() -> str:
        async with waiting_elsewhere(grace=0.0):
            return "called"

    assert asyncio.run(scenario()) == "called"


@pytest.mark.parametrize(("text", "expected"), [("", 1), ("1", 1), (" 3 ", 3)])
def test_the_number_of_places_comes_from_the_environment(text, expected):
    assert configured_concurrency({turn_gate.CONCURRENCY_ENV: text}) == expected


@pytest.mark.parametrize("text", ["0", "-1", "two", "1.5"])
def test_a_wrong_number_of_places_is_refused_with_the_settings_name(text):
    with pytest.raises(ValueError, match=turn_gate.CONCURRENCY_ENV):
        configured_concurrency({turn_gate.CONCURRENCY_ENV: text})


def test_a_gate_needs_a_place():
    with pytest.raises(ValueError):
        TurnGate(0)


@pytest.mark.parametrize(
    ("places", "expected"),
    [("1", ["a0", "a1", "b0", "b1"]), ("2", ["a0", "b0", "a1", "b1"])],
)
def test_a_method_in_line_takes_its_places_from_the_environment(monkeypatch, places, expected):
    """What patches.py makes of Rasa's MessageProcessor.handle_message."""
    monkeypatch.setenv(turn_gate.CONCURRENCY_ENV, places)
    log: list[str] = []

    async def handle_message(name: str) -> None:
        for step in range(2):
            log.append(f"{name}{step}")
            await asyncio.sleep(0)

    gated = in_line(handle_message)

    async def scenario() -> None:
        await asyncio.gather(gated("a"), gated("b"))

    asyncio.run(scenario())
    assert log == expected
