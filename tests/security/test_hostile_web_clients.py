"""Hostile clients against the running demo site and staff page (loopback only): path traversal
on the widget, font, stylesheet and static routes reads no file outside them, and a POST without
a CSRF token is refused and changes nothing. The same probes fail against a deliberately naive
app (testkit/naive_web.py), so they can catch the mistakes they look for."""

from __future__ import annotations

import http.client

import pytest

from testkit.naive_web import naive_server
from testkit.stack import StackPorts, started_stack

PORTS = StackPorts(rasa=5705, actions=5755, site=8780, staff=8781)
# Text only found in files a traversal would be after: the system's password list, the
# project's settings and sources.
MARKERS = ("root:x:0:0", "[tool.ruff]", "ACTION_SERVER_TOKEN", "def create_app", ".PHONY")
TARGETS = ("etc/passwd", "pyproject.toml", "clinic/web/staff.py", "Makefile")
ESCAPES = ("../", "..%2f", "%2e%2e/", "%2e%2e%2f", "..%5c", "....//", "%252e%252e/", "..;/")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("hostile-web")
    with started_stack(
        "hostile-web",
        work_dir,
        PORTS,
        ["site", "staff"],
        staff_secret_key="hostile-web-test-key-" + "x" * 32,
    ) as running:
        yield running


def request(port: int, method: str, path: str, body: bytes | None = None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(body or b"")))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode("latin-1")
    finally:
        connection.close()


def traversal_paths(prefix: str) -> list[str]:
    return [
        f"{prefix}{escape * depth}{target}"
        for escape in ESCAPES
        for depth in (1, 3, 8)
        for target in TARGETS
    ]


@pytest.fixture(scope="module")
def naive_port():
    with naive_server() as port:
        yield port


def traversal_findings(port: int, prefix: str) -> list[str]:
    """The probe paths under `prefix` answered with a 5xx or with a file from outside."""
    findings = []
    for path in traversal_paths(prefix):
        status, _, body = request(port, "GET", path)
        if status >= 500 or any(marker in body for marker in MARKERS):
            findings.append(path)
    return findings


@pytest.mark.parametrize(
    ("service", "prefix"),
    [("site", "/widget/"), ("site", "/fonts/"), ("site", "/css/"), ("site", "/"),
     ("staff", "/static/"), ("staff", "/")],
)  # fmt: skip
def test_path_traversal_reads_no_file_outside_the_served_folders(stack, service, prefix):
    assert traversal_findings(getattr(stack.ports, service), prefix) == []


def test_path_traversal_the_probes_catch_a_route_that_serves_files_naively(naive_port):
    findings = traversal_findings(naive_port, "/files/")
    assert "/files/../../../pyproject.toml" in findings
    assert "/files/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd" in findings


@pytest.mark.parametrize(
    ("service", "path", "text"),
    [("site", "/widget/chat.js", "ProClinix"), ("staff", "/static/staff.css", "{")],
)
def test_path_traversal_the_routes_still_serve_their_own_files(stack, service, path, text):
    status, _, body = request(getattr(stack.ports, service), "GET", path)
    assert status == 200 and text in body


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize(
    ("path", "body"),
    [("/login", b"username=admin&password=secret"), ("/logout", b""),
     ("/leads/PCX-000000", b"status=closed&note=forged")],
)  # fmt: skip
def test_csrf_less_posts_to_the_staff_page_are_refused(stack, path, body):
    assert csrf_less_post_refused(stack.ports.staff, path, body)


@pytest.mark.parametrize("path", ["/login", "/logout", "/leads/PCX-000000"])
def test_csrf_less_posts_the_check_catches_a_page_that_takes_them(naive_port, path):
    assert not csrf_less_post_refused(naive_port, path, b"status=closed&note=forged")


def csrf_less_post_refused(port: int, path: str, body: bytes) -> bool:
    """Refused: a 400, or sent to sign in, and the answer repeats nothing of the post."""
    status, headers, page = request(port, "POST", path, body, FORM)
    location = dict(headers).get("Location", "")
    sent_to_sign_in = status in (302, 303) and "/login" in location
    return (status == 400 or sent_to_sign_in) and "forged" not in page


def test_csrf_less_post_from_another_site_is_refused(stack):
    headers = {**FORM, "Origin": "http://evil.test", "Referer": "http://evil.test/form"}
    status, _, _ = request(stack.ports.staff, "POST", "/login", b"username=a&password=b", headers)
    assert status == 400
