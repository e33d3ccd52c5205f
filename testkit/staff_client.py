"""Signs in to the running staff page over HTTP as a browser would, from a chosen loopback
address: it fetches the sign-in form for its CSRF token and cookie, then posts the form.

Linux answers every 127.x.y.z address on the loopback interface, so `source` gives each
simulated client an address of its own without leaving the machine."""

from __future__ import annotations

import html
import http.client
import re
import urllib.parse
from dataclasses import dataclass

_CSRF_FIELD = re.compile(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"')
_FORM_ERRORS = re.compile(r'<div class="errors" role="alert">(.*?)</div>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class SignInAnswer:
    status: int
    location: str
    # The page's error text, tags and spacing removed; "" when it shows none.
    error: str
    body: str
    # The session cookie the answer set, "name=value", for the client's next requests.
    cookie: str

    @property
    def signed_in(self) -> bool:
        return self.status in (302, 303) and "/login" not in self.location


def http_request(
    port: int,
    method: str,
    path: str,
    *,
    source: str = "127.0.0.1",
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> tuple[int, http.client.HTTPMessage, str]:
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def sign_in(
    port: int,
    username: str,
    password: str,
    *,
    source: str = "127.0.0.1",
    forwarded_for: str | None = None,
) -> SignInAnswer:
    """One sign-in attempt; `forwarded_for` is sent as X-Forwarded-For on the POST."""
    status, headers, page = http_request(port, "GET", "/login", source=source)
    token = _CSRF_FIELD.search(page)
    assert status == 200 and token, f"no sign-in form: {status}"
    cookie = headers.get("Set-Cookie", "").split(";")[0]
    form = {"csrf_token": html.unescape(token.group(1)), "username": username}
    form["password"] = password
    post_headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    if forwarded_for is not None:
        post_headers["X-Forwarded-For"] = forwarded_for
    status, headers, page = http_request(
        port,
        "POST",
        "/login",
        source=source,
        body=urllib.parse.urlencode(form).encode(),
        headers=post_headers,
    )
    location = headers.get("Location", "")
    new_cookie = headers.get("Set-Cookie", "").split(";")[0]
    return SignInAnswer(status, location, form_error(page), page, new_cookie or cookie)


def form_error(page: str) -> str:
    errors = _FORM_ERRORS.search(page)
    if errors is None:
        return ""
    return " ".join(html.unescape(_TAGS.sub(" ", errors.group(1))).split())
