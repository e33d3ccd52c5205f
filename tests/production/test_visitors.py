"""Fifty visitors at once through nginx, half over REST and half over socket.io, each from a
loopback address of its own: every one gets its reference, exactly one lead each, and both Rasa
instances served them, each socket.io visitor always the same one."""

from __future__ import annotations

import pytest

from testkit.booking_script import Booking
from testkit.coroutines import run_coroutine
from tests.production.profile import assert_one_lead_each
from tests.production.visitors import run_visitors

VISITORS = 50

pytestmark = [pytest.mark.production, pytest.mark.slow]


def test_fifty_visitors_each_leave_one_lead_spread_over_both_instances(profile):
    results = run_coroutine(run_visitors(profile.url, VISITORS, prefix="fifty"))

    assert_one_lead_each(profile, results)
    by_conversation = {result.conversation_id: index for index, result in enumerate(results)}
    for lead in profile.leads():
        if lead.conversation_id in by_conversation:
            booking = Booking(by_conversation[lead.conversation_id])
            assert (lead.full_name, lead.phone) == (booking.full_name, booking.stored_phone)
            assert lead.channel == results[by_conversation[lead.conversation_id]].channel
    served = profile.answers_per_instance()
    assert all(served[instance] > 0 for instance in profile.rasa_upstreams), served
    socket_clients = {r.source_address for r in results if r.channel == "socketio"}
    sticky = profile.upstreams_by_client("/socket.io/")
    assert {client: len(sticky[client]) for client in socket_clients} == dict.fromkeys(
        socket_clients, 1
    )
    used = set().union(*(sticky[client] for client in socket_clients))
    assert used == set(profile.rasa_upstreams)
