"""Posts a raw body to Rasa's REST channel on loopback and returns the status and the decoded
answer, whether the server accepted or refused it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any


def post_rest(port: int, body: bytes) -> tuple[int, Any]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
