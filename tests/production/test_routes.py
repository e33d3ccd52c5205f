"""What nginx publishes in front of the profile: the page, the widget and the chat routes; the
REST webhook only when configured; the body size cap and the per-address rate limit; nothing
else (Rasa's HTTP API, the staff page and the action server stay private)."""

from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest

from tests.production.profile import Profile
from tests.production.visitors import source_address

pytestmark = [pytest.mark.production, pytest.mark.slow]
HANDSHAKE = "/socket.io/?EIO=4&transport=polling"
FLOOD_REQUESTS = 80


def request(
    profile: Profile, method: str, path: str, body: bytes | None = None, address: int = 300
) -> int:
    connection = http.client.HTTPConnection(
        "127.0.0.1", profile.public_port, timeout=30,
        source_address=(source_address(address), 0),
    )  # fmt: skip
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, path, body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def rest_body(message: str) -> bytes:
    return json.dumps({"sender": "routes-test", "message": message}).encode()


def test_the_page_the_widget_and_socketio_are_published(profile):
    assert request(profile, "GET", "/") == 200
    assert request(profile, "GET", "/widget/chat.js") == 200
    assert request(profile, "GET", HANDSHAKE) == 200


@pytest.mark.parametrize(
    "path",
    ["/model", "/status", "/conversations/x/tracker", "/webhook", "/health", "/leads", "/x"],
)
def test_everything_else_is_refused(profile, path):
    assert request(profile, "GET", path) == 404
    assert request(profile, "POST", path, body=b"{}") == 404


def test_a_body_over_the_cap_is_refused_before_rasa(profile):
    assert request(profile, "POST", "/webhooks/rest/webhook", rest_body("What is ART?")) == 200
    too_big = rest_body("a" * 20_000)
    assert request(profile, "POST", "/webhooks/rest/webhook", too_big) == 413


def test_the_rest_webhook_is_private_unless_configured(profile):
    profile.stop("nginx")
    try:
        profile.start("nginx", PRODUCTION_PUBLIC_REST="0")
        assert request(profile, "POST", "/webhooks/rest/webhook", rest_body("hi")) == 404
    finally:
        profile.stop("nginx")
        profile.start("nginx")
    assert request(profile, "POST", "/webhooks/rest/webhook", rest_body("hi")) == 200


def test_a_flood_from_one_address_is_limited_and_other_addresses_are_not(profile):
    statuses = [request(profile, "GET", HANDSHAKE, address=301) for _ in range(FLOOD_REQUESTS)]
    assert 429 in statuses
    assert statuses[0] == 200
    assert request(profile, "GET", HANDSHAKE, address=302) == 200


@pytest.mark.parametrize("service", ["rasa1", "rasa2", "actions"])
def test_no_rasa_process_reports_to_rasas_telemetry_servers(profile, service):
    """Rasa sends usage events and crash reports to Rasa's servers unless told not to; the
    profile's environment here does not say, so scripts/production.sh must."""
    assert "RASA_TELEMETRY_ENABLED" not in profile.environment
    pid = (profile.var_dir / "run" / f"{service}.pid").read_text().strip()
    environment = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    assert b"RASA_TELEMETRY_ENABLED=false" in environment
