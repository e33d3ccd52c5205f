"""Faults under the production profile, through nginx: the action server, Redis and PostgreSQL
stopped and started again, a Rasa instance killed in the middle of a run. Visitors are told
honestly what went wrong, conversations go on afterwards, and no lead is lost or doubled."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from rasa_server_plugins.turn_guard import TROUBLE_MESSAGE
from testkit.booking_script import START, Booking, reference_in
from testkit.coroutines import run_coroutine
from tests.production.profile import Profile, assert_one_lead_each
from tests.production.visitors import (
    RestVisitor,
    SocketVisitor,
    VisitorResult,
    complete_booking,
    run_visitors,
    source_address,
)

pytestmark = [pytest.mark.production, pytest.mark.slow]
# From action_submit_booking's answer when the leads database cannot be reached.
SPOOLED_WORDS = "I've kept your request safely"
KILL_RUN_VISITORS = 30
# About a quarter of the run's answers (30 visitors, 8 or more turns each).
KILL_AFTER_ANSWERS = 60
KILL_WAIT_SECONDS = 60.0
SPOOL_SECONDS = 30.0


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


def test_postgres_stopped_during_submits_every_request_is_stored_once(profile):
    visitors = 6
    first = 120

    async def to_summary(index: int) -> tuple[RestVisitor, Booking]:
        booking = Booking(first + index)
        visitor = RestVisitor(profile.url, source_address(first + index), f"faults-pg-{index}")
        message = START
        while "- Name:" not in (asked := "\n".join(await visitor.turn(message))):
            message = booking.answer(asked) or message
        return visitor, booking

    async def scenario() -> list[VisitorResult]:
        pairs = await asyncio.gather(*(to_summary(index) for index in range(visitors)))
        try:
            submits = [visitor.turn("/affirm") for visitor, _ in pairs]
            stopping = asyncio.to_thread(profile.stop, "postgres")
            try:
                answers = await asyncio.gather(*submits, stopping)
            finally:
                await asyncio.to_thread(profile.start, "postgres")
            told = ["\n".join(replies) for replies in answers[:visitors]]
            assert [
                text for text in told if not reference_in(text) and TROUBLE_MESSAGE not in text
            ] == []
            # The stop hit some submits: their leads were spooled, or their turns failed.
            assert any(SPOOLED_WORDS in text or TROUBLE_MESSAGE in text for text in told)
            # A visitor told of the trouble sends the request again; one given a reference is done.
            unanswered = []
            for (visitor, booking), text in zip(pairs, told, strict=False):
                visitor.result.reference = reference_in(text)
                if visitor.result.reference is None:
                    unanswered.append(complete_booking(visitor, booking, start="/affirm"))
            await asyncio.gather(*unanswered)
            return [visitor.result for visitor, _ in pairs]
        finally:
            for visitor, _ in pairs:
                await visitor.close()

    results = run_coroutine(scenario())
    deadline = time.monotonic() + SPOOL_SECONDS
    while profile.spool().pending() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert profile.spool().pending() == []
    assert_one_lead_each(profile, results)


def test_a_rasa_instance_killed_mid_run_conversations_go_on_through_the_other(profile):
    answered_before_run = sum(profile.answers_per_instance().values())
    answered_at_kill = 0

    async def kill_mid_run() -> None:
        # On progress, not on a clock: a fast machine could finish the run before a fixed delay.
        nonlocal answered_at_kill
        deadline = time.monotonic() + KILL_WAIT_SECONDS
        while time.monotonic() < deadline:
            answered_at_kill = sum(profile.answers_per_instance().values()) - answered_before_run
            if answered_at_kill >= KILL_AFTER_ANSWERS:
                break
            await asyncio.sleep(0.1)
        await asyncio.to_thread(profile.kill, "rasa1")

    async def run_and_kill() -> list[VisitorResult]:
        results, _ = await asyncio.gather(
            run_visitors(profile.url, KILL_RUN_VISITORS, prefix="faults-kill", first_address=200),
            kill_mid_run(),
        )
        return results

    try:
        results = run_coroutine(run_and_kill())
    finally:
        profile.start("rasa1")
    assert_one_lead_each(profile, results)
    # The kill hit the run: turns were still being answered after it.
    answered_in_run = sum(profile.answers_per_instance().values()) - answered_before_run
    assert KILL_AFTER_ANSWERS <= answered_at_kill < answered_in_run
    assert [result.conversation_id for result in results if asked_again_for_name(result)] == []


def asked_again_for_name(result: VisitorResult) -> bool:
    """Whether the assistant asked for the name again after the visitor had given it: a
    conversation whose history was lost when it moved to the other instance."""
    question = "Assistant: What is your full name?"
    lines = result.transcript
    if question not in lines:
        return False
    after_question = lines[lines.index(question) + 1 :]
    answers = [index for index, line in enumerate(after_question) if line.startswith("Visitor: ")]
    return bool(answers) and question in after_question[answers[0] + 1 :]
