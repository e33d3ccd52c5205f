"""Findings 1, 3 and 10, personal data after hostile runs: a known visitor's name, phone, e-mail
and health concern are sent through hostile requests to every service (forged action calls,
malformed and oversized bodies, CSRF-less posts, made-up paths) and through one genuine booking
that the staff opens. Afterwards no service's log line and no error answer carries any of them;
only the lead store holds the genuine lead."""

from __future__ import annotations

import asyncio
import json
import secrets
import socket
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from clinic.action_token import ACTION_TOKEN_HEADER
from clinic.db.engine import make_engine
from clinic.leads.repository import LeadRepository
from clinic.staff.accounts import create_user
from clinic.staff.store import StaffAccountStore
from rasa_sdk_plugins.guard import MAX_BODY_BYTES
from rasa_server_plugins.channels import MAX_MESSAGE_CHARS
from testkit.booking_script import Booking, book
from testkit.coroutines import run_coroutine
from testkit.personal_data import VISITOR, find_leaks, log_texts
from testkit.socketio_polling import connect_polling, polling_client
from testkit.stack import StackPorts, started_stack
from testkit.staff_client import http_request, sign_in
from testkit.trackers import make_tracker

PORTS = StackPorts(rasa=5905, actions=5955, site=8980, staff=8981)
JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
# What the Rasa server logs when a REST turn is cancelled: Rasa's REST channel, the turn guard.
CANCELLED_TURN_MARKS = ("rest.message.received.timeout", "a turn was cancelled")
SAYS_WHO = f"I am {VISITOR.full_name}, call {VISITOR.phone} or {VISITOR.email}: {VISITOR.concern}"


@dataclass
class Runs:
    """What the hostile and normal runs left behind: error answers by request, the genuine
    booking's conversation id."""

    error_bodies: dict[str, str] = field(default_factory=dict)
    booking_sender: str = ""
    turn_cancelled: bool = False

    def keep_if_error(self, label: str, status: int, body: str) -> int:
        if status >= 400:
            self.error_bodies[f"{label} -> {status}"] = body
        return status


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("personal-data")
    with started_stack(
        "personal-data",
        work_dir,
        PORTS,
        ["actions", "rasa", "site", "staff"],
        staff_secret_key="personal-data-test-key-" + "x" * 32,
    ) as running:
        yield running


@pytest.fixture(scope="module")
def runs(stack) -> Runs:
    runs = Runs()
    hostile_action_calls(stack, runs)
    hostile_chat_messages(stack, runs)
    hostile_web_requests(stack, runs)
    runs.booking_sender = genuine_booking(stack.ports.rasa)
    staff_opens_the_lead(stack)
    return runs


def visitor_call(sender_id: str) -> dict:
    slots = {
        "full_name": VISITOR.full_name,
        "contact": VISITOR.phone,
        "contact_phone": VISITOR.phone_e164,
        "contact_email": VISITOR.email,
        "concern": VISITOR.concern,
        "preferred_time": "any time",
        "patient_status": "new",
        "booking_confirmed": True,
    }
    tracker = make_tracker(slots, text=SAYS_WHO, intent="affirm", sender_id=sender_id)
    return {
        "next_action": "action_submit_booking",
        "sender_id": sender_id,
        "tracker": tracker.current_state(),
        "domain": {},
        "version": "3.6.21",
    }


def hostile_action_calls(stack, runs: Runs) -> None:
    port = stack.ports.actions
    token = {ACTION_TOKEN_HEADER: stack.action_token}
    forged = json.dumps(visitor_call("pd-forged")).encode()
    broken_call = visitor_call("pd-broken")
    del broken_call["tracker"]["sender_id"]
    oversized = SAYS_WHO.encode() + b" " * MAX_BODY_BYTES
    requests = {
        "forged call": (forged, JSON),
        "forged call, wrong secret": (forged, {**JSON, ACTION_TOKEN_HEADER: "guess"}),
        "broken call": (json.dumps(broken_call).encode(), {**JSON, **token}),
        "oversized call": (oversized, {**JSON, **token}),
    }
    for label, (body, headers) in requests.items():
        status, _, answer = http_request(port, "POST", "/webhook", body=body, headers=headers)
        runs.keep_if_error(f"actions: {label}", status, answer)


def hostile_chat_messages(stack, runs: Runs) -> None:
    port = stack.ports.rasa
    bodies = {
        "sender not text": {"sender": 5, "message": SAYS_WHO},
        "message not text": {"sender": "pd-list", "message": [SAYS_WHO]},
        "no sender": {"message": SAYS_WHO},
        "oversized message": {"sender": "pd-long", "message": SAYS_WHO * MAX_MESSAGE_CHARS},
    }
    encoded = {label: json.dumps(body).encode() for label, body in bodies.items()}
    encoded["broken json"] = json.dumps({"sender": "pd-broken", "message": SAYS_WHO}).encode()[:-3]
    for label, body in encoded.items():
        status, _, answer = http_request(
            port, "POST", "/webhooks/rest/webhook", body=body, headers=JSON
        )
        runs.keep_if_error(f"rasa: {label}", status, answer)
    slash_messages(port, runs)
    runs.turn_cancelled = disconnect_mid_turn(port, stack.log_dir / "rasa.log")
    run_coroutine(oversized_socket_message(port))


def slash_messages(port: int, runs: Runs) -> None:
    """Finding 5: messages that start with `/`, which Rasa reads as an intent (a button's
    payload), and whose parsing warnings used to quote the whole text."""
    entities = json.dumps({"full_name": VISITOR.full_name, "phone": VISITOR.phone})
    messages = [
        f"/{SAYS_WHO}",
        f"/inform{entities}",
        f"/inform{{{SAYS_WHO}}}",
        f"/affirm {SAYS_WHO}",
        f"/affirm@0.9{entities} {SAYS_WHO}",
        f"/{VISITOR.full_name}{{not json: {VISITOR.email}}}",
        f"/{{{SAYS_WHO}}}",
        f"/affirm@{VISITOR.phone}",
    ]
    for number, message in enumerate(messages):
        body = json.dumps({"sender": f"pd-slash-{number}", "message": message}).encode()
        status, _, answer = http_request(
            port, "POST", "/webhooks/rest/webhook", body=body, headers=JSON
        )
        runs.keep_if_error(f"rasa: slash message {number}", status, answer)


def disconnect_mid_turn(port: int, rasa_log: Path) -> bool:
    """Finding 5: a REST client that hangs up before the answer; Sanic cancels the turn, which
    Rasa's REST channel used to log with the message text. Hangs up sooner or later until the
    log shows a cancelled turn (Rasa's line or the guard's); False if none was."""
    for number, delay in enumerate((0.0, 0.0, 0.0, 0.005, 0.01, 0.02, 0.05, 0.1)):
        sender = f"pd-hang-up-{number}"
        body = json.dumps({"sender": sender, "message": SAYS_WHO}).encode()
        head = (
            f"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(head + body)
            time.sleep(delay)
        # The conversation's next turn waits until the one hung up on is over.
        say(port, sender, "hello")
        log = rasa_log.read_text(encoding="utf-8", errors="replace")
        if any(mark in log for mark in CANCELLED_TURN_MARKS):
            return True
    return False


async def oversized_socket_message(port: int) -> None:
    client = polling_client()
    replies: list[dict] = []
    client.on("bot_uttered", replies.append)
    await connect_polling(client, port)
    try:
        # A guessed session id made of the visitor's e-mail is refused, then a real one is used.
        await client.emit("session_request", {"session_id": VISITOR.email})
        session = uuid.uuid4().hex
        await client.emit("session_request", {"session_id": session})
        message = SAYS_WHO * MAX_MESSAGE_CHARS
        await client.emit("user_uttered", {"message": message, "session_id": session})
        for _ in range(100):
            if replies:
                break
            await asyncio.sleep(0.1)
    finally:
        await client.disconnect()


def hostile_web_requests(stack, runs: Runs) -> None:
    quoted = {name: urllib.parse.quote(value) for name, value in vars(VISITOR).items()}
    form = urllib.parse.urlencode({"username": "desk", "password": SAYS_WHO}).encode()
    note = urllib.parse.urlencode({"status": "closed", "note": SAYS_WHO}).encode()
    requests = [
        ("staff", "POST", "/login", form, FORM),
        ("staff", "POST", "/leads/PCX-000000", note, FORM),
        ("staff", "GET", f"/leads/{quoted['email']}", b"", {}),
        ("staff", "GET", f"/static/../{quoted['full_name']}", b"", {}),
        ("staff", "GET", f"/?status={quoted['concern']}", b"", {}),
        ("site", "GET", f"/widget/{quoted['phone']}", b"", {}),
        ("site", "GET", f"/fonts/..%2f{quoted['email']}", b"", {}),
        ("site", "POST", "/", SAYS_WHO.encode(), FORM),
    ]
    for service, method, path, body, headers in requests:
        port = getattr(stack.ports, service)
        status, _, answer = http_request(port, method, path, body=body, headers=headers)
        runs.keep_if_error(f"{service}: {method} {path[:40]}", status, answer)
    # A sign-in with the visitor's details as the password (the form never shows it back).
    answer = sign_in(stack.ports.staff, "desk-nobody", SAYS_WHO[:200])
    runs.keep_if_error("staff: sign-in", answer.status, answer.body)


def genuine_booking(port: int) -> str:
    """The visitor books over REST, answering whatever the assistant asks; returns the
    conversation id once the reference is given."""
    sender = f"pd-{uuid.uuid4()}"
    booking = Booking(
        0,
        name=VISITOR.full_name,
        contact=f"{VISITOR.phone} or {VISITOR.email}",
        concern=VISITOR.concern,
        times="weekday mornings before 10",
    )
    start = f"I'd like to book an appointment, {VISITOR.concern}"
    book(lambda message: say(port, sender, message), booking, start=start)
    return sender


def say(port: int, sender: str, text: str) -> str:
    """One REST turn: the replies' texts, joined."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    status, _, answer = http_request(
        port, "POST", "/webhooks/rest/webhook", body=body, headers=JSON
    )
    assert status == 200, status
    return "\n".join(message.get("text", "") for message in json.loads(answer))


def staff_opens_the_lead(stack) -> None:
    password = secrets.token_urlsafe(18)
    engine = make_engine(stack.leads_db_url)
    try:
        create_user(StaffAccountStore(engine), "desk-pd", password)
    finally:
        engine.dispose()
    (lead,) = genuine_leads(stack)
    answer = sign_in(stack.ports.staff, "desk-pd", password)
    assert answer.signed_in
    status, _, page = http_request(
        stack.ports.staff, "GET", f"/leads/{lead.reference}", headers={"Cookie": answer.cookie}
    )
    assert status == 200 and VISITOR.full_name in page


def genuine_leads(stack) -> list:
    engine = make_engine(stack.leads_db_url)
    try:
        return [
            lead for lead in LeadRepository(engine).list() if lead.full_name == VISITOR.full_name
        ]
    finally:
        engine.dispose()


def test_personal_data_only_the_genuine_booking_became_a_lead(stack, runs):
    """The planted values really went through the stack: the one genuine lead holds them (and
    the tapped button's payload set the patient status)."""
    (lead,) = genuine_leads(stack)
    assert lead.conversation_id == runs.booking_sender
    assert (lead.phone, lead.email) == (VISITOR.phone_e164, VISITOR.email)
    assert lead.patient_status == "new"


def test_personal_data_no_error_answer_carries_it(runs):
    assert len(runs.error_bodies) >= 15, sorted(runs.error_bodies)
    assert find_leaks(runs.error_bodies) == []


def test_personal_data_no_log_line_of_any_service_carries_it(stack, runs):
    assert runs.turn_cancelled, "no REST turn was cancelled by the client hanging up"
    logs = log_texts([stack.log_dir])
    assert {name.rsplit("/", 1)[-1] for name in logs} >= {
        "actions.log",
        "rasa.log",
        "site.log",
        "staff.log",
    }
    assert find_leaks(logs) == []
