"""Finding 14 in the production profile: `/socket.io/` refuses browsers on other sites, Redis
refuses clients without its password, and the Rasa instances' secrets reach no other service nor
any command line."""

from __future__ import annotations

import http.client
import socket
from pathlib import Path

import pytest

from tests.production.profile import Profile
from tests.production.test_routes import HANDSHAKE
from tests.production.visitors import source_address

pytestmark = [pytest.mark.production, pytest.mark.slow]
RASA_ONLY_SECRETS = ("session_id_secret", "redis_password")


def handshake(profile: Profile, origin: str | None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(
        "127.0.0.1", profile.public_port, timeout=30, source_address=(source_address(340), 0)
    )
    try:
        connection.request("GET", HANDSHAKE, headers={"Origin": origin} if origin else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_finding_14_socketio_refuses_a_foreign_origin(profile):
    status, body = handshake(profile, "http://evil.example")
    assert status == 403 and b"clinic's own website" in body
    assert handshake(profile, f"http://localhost:{profile.public_port}")[0] == 200
    assert handshake(profile, None)[0] == 200


def test_finding_14_redis_refuses_a_client_without_the_password(profile):
    with socket.create_connection(("127.0.0.1", profile.port("redis")), timeout=10) as client:
        client.sendall(b"PING\r\n")
        answer = client.recv(200)
    assert answer.startswith(b"-NOAUTH"), answer


def process_ids(profile: Profile) -> dict[str, str]:
    return {path.stem: path.read_text().strip() for path in (profile.var_dir / "run").glob("*.pid")}


def test_finding_14_the_rasa_secrets_reach_only_the_rasa_instances(profile):
    secrets = [(profile.var_dir / name).read_text().strip() for name in RASA_ONLY_SECRETS]
    pids = process_ids(profile)
    for service in ("actions", "site", "staff", "nginx", "redis"):
        environment = Path(f"/proc/{pids[service]}/environ").read_bytes()
        assert not any(secret.encode() in environment for secret in secrets), service
    for service in ("rasa1", "rasa2"):
        environment = Path(f"/proc/{pids[service]}/environ").read_bytes()
        assert all(secret.encode() in environment for secret in secrets), service
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes()
        except OSError:
            continue
        assert not any(secret.encode() in text for secret in secrets), cmdline
