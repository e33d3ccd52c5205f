"""Finding 14 (TLS): with a certificate configured, nginx serves the page, the widget and the chat
over HTTPS and redirects plain HTTP there. nginx is restarted with a throw-away self-signed
certificate for localhost, and without it again at the end."""

from __future__ import annotations

import http.client
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.production.profile import Profile
from tests.production.test_routes import HANDSHAKE
from tests.production.visitors import source_address

pytestmark = [pytest.mark.production, pytest.mark.slow]
ADDRESS = 360


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(folder / "key.pem"), "-out", str(folder / "certificate.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def tls_profile(profile: Profile, certificate: Path) -> Iterator[Profile]:
    profile.stop("nginx")
    try:
        profile.start(
            "nginx",
            PRODUCTION_TLS_CERT=str(certificate / "certificate.pem"),
            PRODUCTION_TLS_KEY=str(certificate / "key.pem"),
        )
        yield profile
    finally:
        profile.stop("nginx")
        profile.start("nginx")


def https_get(
    profile: Profile, certificate: Path, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    context = ssl.create_default_context(cafile=str(certificate / "certificate.pem"))
    connection = http.client.HTTPSConnection(
        "localhost", profile.port("tls"), timeout=30, context=context,
        source_address=(source_address(ADDRESS), 0),
    )  # fmt: skip
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_finding_14_the_page_widget_and_chat_load_over_https(tls_profile, certificate):
    status, headers, page = https_get(tls_profile, certificate, "/")
    assert status == 200 and b"/widget/" in page
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    assert https_get(tls_profile, certificate, "/widget/chat.js")[0] == 200
    origin = {"Origin": f"https://localhost:{tls_profile.port('tls')}"}
    status, _, body = https_get(tls_profile, certificate, HANDSHAKE, origin)
    assert status == 200 and b'"sid"' in body
    assert https_get(tls_profile, certificate, "/model")[0] == 404


def test_finding_14_plain_http_is_redirected_to_https(tls_profile):
    connection = http.client.HTTPConnection(
        "127.0.0.1", tls_profile.public_port, timeout=30,
        source_address=(source_address(ADDRESS), 0),
    )  # fmt: skip
    try:
        connection.request("GET", "/widget/chat.js?v=1")
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    assert response.status == 301
    location = f"https://localhost:{tls_profile.port('tls')}/widget/chat.js?v=1"
    assert response.getheader("Location") == location


def test_finding_14_the_served_key_is_nginx_users_only(tls_profile):
    key = tls_profile.var_dir / "nginx" / "tls" / "key.pem"
    nginx = (tls_profile.var_dir / "run" / "nginx.pid").read_text().strip()
    assert key.stat().st_mode & 0o777 == 0o600
    assert key.stat().st_uid == Path(f"/proc/{nginx}").stat().st_uid
