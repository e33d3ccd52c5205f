"""Faults under the production profile, through nginx: the action server, Redis and PostgreSQL
stopped and started again, a Rasa instance killed in the middle of a run. Visitors are told
honestly what went wrong, conversations go on afterwards, and no lead is lost or doubled."""

from __future__ import annotations

import asyncio
import os

import pytest

from rasa_server_plugins.turn_guard import TROUBLE_MESSAGE
from tests.production.profile import Profile
from tests.production.test_visitors import assert_one_lead_each
from tests.production.visitors import (
    START,
    Booking,
    RestVisitor,
    SocketVisitor,
    VisitorResult,
    complete_booking,
    source_address,
)
from tests.support.coroutines import run_coroutine

pytestmark = [pytest.mark.production, pytest.mark.slow]


def service_alive(profile: Profile, service: str) -> bool:
    pid_file = profile.var_dir / "run" / f"{service}.pid"
    try:
        os.kill(int(pid_file.read_text()), 0)
    except (FileNotFoundError, ProcessLookupError):
        return False
    return True


def test_action_server_killed_mid_form_the_visitor_is_told_and_finishes_later(profile):
    async def scenario() -> VisitorResult:
        booking = Booking(100)
        visitor = RestVisitor(profile.url, source_address(100), "faults-actions")
        try:
            assert "What is your full name?" in await visitor.turn(START)
            await asyncio.to_thread(profile.kill, "actions")
            assert TROUBLE_MESSAGE in await visitor.turn(booking.full_name)
            await asyncio.to_thread(profile.start, "actions")
            return await complete_booking(visitor, booking, start=booking.full_name)
        finally:
            await visitor.close()

    result = run_coroutine(scenario())
    assert_one_lead_each(profile, [result])


def test_redis_stopped_each_turn_gets_a_clear_error_and_recovers(profile):
    async def ask(visitor: RestVisitor | SocketVisitor) -> list[str]:
        return await visitor.turn("What is ART?")

    async def scenario() -> None:
        rest = RestVisitor(profile.url, source_address(110), "faults-redis")
        socket = SocketVisitor(profile.url, source_address(111))
        try:
            assert "Active Release Techniques" in "\n".join(await ask(rest))
            await asyncio.to_thread(profile.stop, "redis")
            for _ in range(3):
                assert await ask(rest) == [TROUBLE_MESSAGE]
                assert await ask(socket) == [TROUBLE_MESSAGE]
            assert service_alive(profile, "rasa1") and service_alive(profile, "rasa2")
            await asyncio.to_thread(profile.start, "redis")
            assert "Active Release Techniques" in "\n".join(await ask(rest))
            assert "Active Release Techniques" in "\n".join(await ask(socket))
        finally:
            await rest.close()
            await socket.close()

    run_coroutine(scenario())
