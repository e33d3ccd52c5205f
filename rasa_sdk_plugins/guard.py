"""The action server's gate: only the Rasa server, holding the shared secret, gets through.

Every request except `GET /health` must carry the X-Action-Token header (clinic.action_token);
bodies are capped before and after inflation, a webhook body must be a JSON object, and no error
answer repeats anything of the request (rasa_sdk's own handler echoes the whole body).

Sanic also runs request middleware while it answers an error such as an over-long body, whose
body it has not read: an empty body is therefore left to the error handler (or to rasa_sdk, which
answers 400 to an empty call).
"""

from __future__ import annotations

import json
import logging
import os
import traceback
import zlib
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from clinic.action_token import ACTION_TOKEN_HEADER, token_matches

# A tracker with a long conversation stays well below this; a larger body is refused (413).
MAX_BODY_BYTES = 2 * 1024 * 1024
# rasa_sdk binds to SANIC_HOST, every interface unless set: this project's default is loopback.
HOST_ENV = "SANIC_HOST"
DEFAULT_HOST = "127.0.0.1"
_OPEN_ROUTES = {("GET", "/health")}

logger = logging.getLogger(__name__)

RequestCheck = Callable[[Request], Awaitable[HTTPResponse | None]]


def install_guard(app: Sanic, token: str) -> None:
    os.environ.setdefault(HOST_ENV, DEFAULT_HOST)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    app.register_middleware(request_check(token), "request")
    app.error_handler.add(Exception, error_response)


def request_check(token: str) -> RequestCheck:
    async def check(request: Request) -> HTTPResponse | None:
        if (request.method, request.path) in _OPEN_ROUTES:
            return None
        if not token_matches(token, request.headers.get(ACTION_TOKEN_HEADER)):
            return _error(HTTPStatus.UNAUTHORIZED)
        if request.method != "POST" or not request.body:
            return None
        try:
            body = _inflated_body(request)
        except _Refused as refused:
            return _error(refused.status)
        try:
            call = json.loads(body)
        except ValueError:
            return _error(HTTPStatus.BAD_REQUEST)
        if not isinstance(call, dict):
            return _error(HTTPStatus.BAD_REQUEST)
        return None

    return check


async def error_response(request: Request, exception: Exception) -> HTTPResponse:
    """A status and its standard phrase; the traceback goes to the log without the message,
    which may quote what the visitor typed."""
    if isinstance(exception, SanicException):
        return _error(HTTPStatus(exception.status_code))
    logger.error(
        "%s while handling %s %s\n%s",
        type(exception).__name__,
        request.method,
        request.path,
        "".join(traceback.format_tb(exception.__traceback__)),
    )
    return _error(HTTPStatus.INTERNAL_SERVER_ERROR)


class _Refused(Exception):
    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status.phrase)
        self.status = status


def _inflated_body(request: Request) -> bytes:
    """The body as rasa_sdk will read it: inflated when Rasa compressed it, never past the cap."""
    encoding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding == "identity":
        return request.body
    if encoding != "deflate":
        raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
    inflater = zlib.decompressobj()
    try:
        body = inflater.decompress(request.body, MAX_BODY_BYTES + 1)
    except zlib.error as error:
        raise _Refused(HTTPStatus.BAD_REQUEST) from error
    if len(body) > MAX_BODY_BYTES or inflater.unconsumed_tail:
        raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    return body


def _error(status: HTTPStatus) -> HTTPResponse:
    return json_response({"error": status.phrase}, status=status.value)
