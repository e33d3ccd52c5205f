"""Finding 1, a flood over single socket.io connections through nginx: one websocket client and one
polling client (testkit/socketio_flood.py) send FLOOD_MESSAGES messages between them, alternating
`session_request` (a new conversation each time) and `user_uttered`. nginx's per-request limit
lets them through (the polling client keeps to its rate); the connection budget
(rasa_server_plugins/connection_budget.py) answers each flooder with one throttle message and lets
a handful of its turns through, and a visitor on the same Rasa instance still gets answers. How
long the visitor waits is measured by `make bench-flood`, not here."""

from __future__ import annotations

import asyncio

import pytest

from rasa_server_plugins.connection_budget import THROTTLE_MESSAGE, BudgetSettings
from testkit.coroutines import run_coroutine
from testkit.socketio_flood import (
    PACKETS_PER_POST,
    Answer,
    Flooder,
    ask,
    polling_flood,
    same_instance,
    websocket_flood,
)
from tests.production.profile import Profile
from tests.production.visitors import source_address

pytestmark = [pytest.mark.production, pytest.mark.slow]
FLOOD_MESSAGES = 2000
FLOOD_ADDRESS = 350
VISITOR_CANDIDATES = range(351, 371)
VISITOR_QUESTIONS = ["What is ART?", "How many sessions will I need?"]
BUDGET = BudgetSettings.from_env({})


async def flood_with_a_visitor(
    profile: Profile, visitor: str
) -> tuple[Flooder, Flooder, list[Answer]]:
    """The flood, and the visitor's questions once it has gone out."""
    websocket, polling = Flooder(), Flooder()
    flooder = source_address(FLOOD_ADDRESS)
    half = FLOOD_MESSAGES // 2
    flood = asyncio.ensure_future(
        asyncio.gather(
            websocket_flood(profile.url, flooder, half, websocket),
            polling_flood(profile.url, flooder, half, polling),
        )
    )
    try:
        while websocket.sent + polling.sent < FLOOD_MESSAGES and not flood.done():
            await asyncio.sleep(0.05)
        answers = await ask(profile.url, visitor, VISITOR_QUESTIONS)
        await flood
    finally:
        flood.cancel()
    return websocket, polling, answers


def test_finding_1_a_flood_over_one_connection_is_throttled_and_others_are_answered(profile):
    access_log = profile.var_dir / "log" / "nginx-access.log"
    candidates = [source_address(address) for address in VISITOR_CANDIDATES]
    visitor = same_instance(profile.url, access_log, source_address(FLOOD_ADDRESS), candidates)
    websocket, polling, answers = run_coroutine(flood_with_a_visitor(profile, visitor))

    for flooder in (websocket, polling):
        assert flooder.sent == FLOOD_MESSAGES // 2
        assert flooder.throttled == 1
        assert 1 <= flooder.confirmed <= BUDGET.sessions
        # Its admitted turns were answered; the rest never reached Rasa.
        assert len(flooder.texts) - 1 <= BUDGET.turns
    assert len(answers) == len(VISITOR_QUESTIONS)
    assert all(answer.replies for answer in answers), answers
    assert not any(THROTTLE_MESSAGE in answer.replies for answer in answers)
    # nginx's per-request limit let every packed POST of the polling flood through.
    passed = [
        line
        for line in profile.access_log()
        if line.client == source_address(FLOOD_ADDRESS)
        and line.method == "POST"
        and line.status == 200
    ]
    assert len(passed) >= FLOOD_MESSAGES // 2 // PACKETS_PER_POST
