"""Finding 4, sign-in brute force against the running staff page over HTTP on loopback.

The staff page runs as in production behind a reverse proxy: it trusts X-Forwarded-For from
127.0.0.1 only (the "proxy" here). Clients that connect from other loopback addresses are direct
clients, whose forwarded headers must count for nothing (sign-in limit and HSTS alike)."""

from __future__ import annotations

import itertools
import secrets

import pytest

from clinic.db.engine import make_engine
from clinic.staff.accounts import DEFAULT_POLICY, create_user
from clinic.staff.store import StaffAccountStore
from clinic.web.sign_in_limit import DEFAULT_ADDRESS_LIMIT
from clinic.web.staff import SIGN_IN_REFUSED
from testkit.stack import StackPorts, started_stack
from testkit.staff_client import SignInAnswer, http_request, sign_in

PORTS = StackPorts(rasa=5805, actions=5855, site=8880, staff=8881)
PROXY = "127.0.0.1"
ADDRESS_LIMIT = DEFAULT_ADDRESS_LIMIT.max_failures
ACCOUNT_LIMIT = DEFAULT_POLICY.max_failures


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("sign-in-brute-force")
    with started_stack(
        "sign-in-brute-force",
        work_dir,
        PORTS,
        ["staff"],
        staff_secret_key="brute-force-test-key-" + "x" * 32,
        extra_env={"STAFF_TRUSTED_PROXIES": PROXY},
    ) as running:
        yield running


def add_account(stack, username: str) -> str:
    """A staff account with a fresh random password, which is returned."""
    password = secrets.token_urlsafe(18)
    engine = make_engine(stack.leads_db_url)
    try:
        create_user(StaffAccountStore(engine), username, password)
    finally:
        engine.dispose()
    return password


def made_up_names(prefix: str):
    return (f"{prefix}-nobody-{number}" for number in itertools.count())


def assert_refused(answer: SignInAnswer, status: int) -> None:
    assert (answer.status, answer.error) == (status, SIGN_IN_REFUSED)


def test_finding_4_brute_force_from_one_address_blocks_that_address_only(stack):
    port = stack.ports.staff
    real_password = add_account(stack, "desk-one")
    add_account(stack, "decoy-one")
    attacker = "127.0.0.2"
    guesses = made_up_names("one")
    # The existing decoy stays below its own lock-out; only the address limit is tested here.
    existing_tries = ACCOUNT_LIMIT - 1
    for attempt in range(ADDRESS_LIMIT):
        username = "decoy-one" if attempt < existing_tries else next(guesses)
        answer = sign_in(port, username, f"guess-{attempt}", source=attacker)
        assert_refused(answer, 401)

    blocked_existing = sign_in(port, "decoy-one", "guess-more", source=attacker)
    blocked_made_up = sign_in(port, next(guesses), "guess-more", source=attacker)
    blocked_right = sign_in(port, "desk-one", real_password, source=attacker)
    for answer in (blocked_existing, blocked_made_up, blocked_right):
        assert_refused(answer, 429)
    assert sign_in(port, "desk-one", real_password, source="127.0.0.3").signed_in


def test_finding_4_through_the_trusted_proxy_the_accounts_own_limit_stops_a_spread_attack(
    stack,
):
    port = stack.ports.staff
    real_password = add_account(stack, "desk-two")
    forwarded = (f"203.0.113.{number}" for number in itertools.count(1))
    for attempt in range(ACCOUNT_LIMIT):
        answer = sign_in(port, "desk-two", f"guess-{attempt}", forwarded_for=next(forwarded))
        assert_refused(answer, 401)
    # Locked: even the right password from a fresh address gets the one generic answer.
    locked = sign_in(port, "desk-two", real_password, forwarded_for=next(forwarded))
    assert_refused(locked, 401)


def test_finding_4_through_the_trusted_proxy_each_client_address_has_its_own_limit(stack):
    port = stack.ports.staff
    real_password = add_account(stack, "desk-three")
    client = "198.51.100.7"
    guesses = made_up_names("three")
    for attempt in range(ADDRESS_LIMIT):
        # What the client wrote stands left of the address the proxy adds itself.
        chain = f"192.0.2.{attempt}, {client}"
        assert_refused(sign_in(port, next(guesses), "guess", forwarded_for=chain), 401)

    assert_refused(
        sign_in(port, next(guesses), "guess", forwarded_for=f"192.0.2.99, {client}"), 429
    )
    assert_refused(sign_in(port, "desk-three", real_password, forwarded_for=client), 429)
    assert sign_in(port, "desk-three", real_password, forwarded_for="198.51.100.8").signed_in


def test_finding_4_a_forwarded_header_from_an_untrusted_client_does_not_escape_the_limit(stack):
    port = stack.ports.staff
    real_password = add_account(stack, "desk-four")
    attacker = "127.0.0.4"
    guesses = made_up_names("four")
    forwarded = (f"203.0.113.{number}" for number in itertools.count(100))
    for _ in range(ADDRESS_LIMIT):
        answer = sign_in(
            port, next(guesses), "guess", source=attacker, forwarded_for=next(forwarded)
        )
        assert_refused(answer, 401)

    spoofed = sign_in(
        port, "desk-four", real_password, source=attacker, forwarded_for=next(forwarded)
    )
    assert_refused(spoofed, 429)
    assert sign_in(port, "desk-four", real_password, source="127.0.0.5").signed_in


@pytest.mark.parametrize(
    ("source", "hsts"), [(PROXY, True), ("127.0.0.6", False)], ids=["proxy", "direct-client"]
)
def test_finding_15_hsts_when_the_trusted_proxy_says_https(stack, source, hsts):
    """Finding 15: HSTS only when the trusted proxy, not any client, reports HTTPS."""
    headers = {"X-Forwarded-Proto": "https"}
    _, answer, _ = http_request(stack.ports.staff, "GET", "/login", source=source, headers=headers)
    assert ("Strict-Transport-Security" in answer) is hsts
