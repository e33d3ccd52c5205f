"""Finding 1, forged leads: the action server answers only the Rasa server that holds the shared
secret. Runs the real `rasa run actions` on loopback with a throw-away leads database."""

from __future__ import annotations

import http.client
import json
import zlib

import pytest

from clinic.action_token import ACTION_TOKEN_HEADER
from clinic.db.engine import make_engine
from clinic.leads.repository import LeadRepository
from rasa_sdk_plugins.guard import MAX_BODY_BYTES
from testkit.stack import SharedStacks, Stack, StackSettings
from testkit.trackers import make_tracker

FORGED_NAME = "Forged Person"
FORGED_SLOTS = {
    "full_name": FORGED_NAME,
    "contact": "+19145550123",
    "contact_phone": "+19145550123",
    "contact_email": None,
    "concern": "neck",
    "preferred_time": "any time",
    "patient_status": "new",
    "booking_confirmed": True,
}


@pytest.fixture(scope="module")
def stack(shared_stacks: SharedStacks) -> Stack:
    return shared_stacks.get("forged-leads", ["actions"], StackSettings())


def forged_call(sender_id: str) -> bytes:
    tracker = make_tracker(FORGED_SLOTS, text="yes", intent="affirm", sender_id=sender_id)
    call = {
        "next_action": "action_submit_booking",
        "sender_id": sender_id,
        "tracker": tracker.current_state(),
        "domain": {},
        "version": "3.6.21",
    }
    return json.dumps(call).encode()


def post(stack, body: bytes, headers: dict[str, str] | None = None, path: str = "/webhook"):
    connection = http.client.HTTPConnection("127.0.0.1", stack.ports.actions, timeout=30)
    try:
        connection.request(
            "POST", path, body=body, headers={"Content-Type": "application/json", **(headers or {})}
        )
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def token_header(stack) -> dict[str, str]:
    return {ACTION_TOKEN_HEADER: stack.action_token}


def leads_of(stack, sender_id: str) -> list:
    engine = make_engine(stack.leads_db_url)
    try:
        return [lead for lead in LeadRepository(engine).list() if lead.conversation_id == sender_id]
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {ACTION_TOKEN_HEADER: ""},
        {ACTION_TOKEN_HEADER: "guess-" + "0" * 60},
        # http.client sends the header as Latin-1: the byte 0xFF, which is not UTF-8 (finding 13).
        {ACTION_TOKEN_HEADER: "guess-\xff"},
    ],
    ids=["no-secret", "empty-secret", "wrong-secret", "finding-13-non-utf8-secret"],
)
def test_forged_leads_a_call_from_loopback_without_the_secret_is_refused_and_stores_nothing(
    stack, headers
):
    status, body = post(stack, forged_call("forged-1"), headers)
    assert status == 401
    assert FORGED_NAME.encode() not in body
    assert leads_of(stack, "forged-1") == []


def test_forged_leads_the_action_list_needs_the_secret_too(stack):
    connection = http.client.HTTPConnection("127.0.0.1", stack.ports.actions, timeout=30)
    try:
        connection.request("GET", "/actions")
        assert connection.getresponse().status == 401
    finally:
        connection.close()


def test_forged_leads_the_rasa_server_with_the_secret_is_served(stack):
    status, body = post(stack, forged_call("genuine-1"), token_header(stack))
    assert status == 200, body
    assert [lead.full_name for lead in leads_of(stack, "genuine-1")] == [FORGED_NAME]


def test_forged_leads_a_body_over_the_cap_is_refused(stack):
    status, _ = post(stack, b" " * (MAX_BODY_BYTES + 1), token_header(stack))
    assert status == 413


def test_forged_leads_a_compressed_body_is_not_inflated_past_the_cap(stack):
    bomb = zlib.compress(b"[" + b" " * (MAX_BODY_BYTES * 8) + b"]")
    assert len(bomb) < MAX_BODY_BYTES
    status, _ = post(stack, bomb, {**token_header(stack), "Content-Encoding": "deflate"})
    assert status == 413


def test_forged_leads_a_compressed_call_within_the_cap_is_served(stack):
    body = zlib.compress(forged_call("compressed-1"))
    status, _ = post(stack, body, {**token_header(stack), "Content-Encoding": "deflate"})
    assert status == 200
    assert len(leads_of(stack, "compressed-1")) == 1


@pytest.mark.parametrize("body", [b"[]", b"null", b"{not json"], ids=["list", "null", "broken"])
def test_forged_leads_a_body_that_is_not_a_call_gets_a_400(stack, body):
    status, _ = post(stack, body, token_header(stack))
    assert status == 400


def test_forged_leads_an_error_answer_repeats_nothing_of_the_request(stack):
    call = json.loads(forged_call("broken-1"))
    del call["tracker"]["sender_id"]
    status, body = post(stack, json.dumps(call).encode(), token_header(stack))
    assert status == 500
    assert FORGED_NAME.encode() not in body
    assert json.loads(body) == {"error": "Internal Server Error"}
    assert leads_of(stack, "broken-1") == []
