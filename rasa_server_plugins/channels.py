"""The REST and socket.io channels with a size limit on what a visitor sends.

credentials.yml names them by module path; they keep Rasa's channel names (`rest`, `socketio`),
so the URLs and the channel stored with a lead stay the same. A message over MAX_MESSAGE_CHARS
is answered with SIZE_MESSAGE and never reaches the assistant (nor its conversation record). A
REST body that is not a JSON object with a text `message` and `sender` gets a 400, and the
client cannot name another input channel.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 200
SIZE_MESSAGE = (
    f"That message is too long for me: please keep it under {MAX_MESSAGE_CHARS:,} characters, "
    "or send it in shorter parts."
)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def too_long(message: object) -> bool:
    return isinstance(message, str) and len(message) > MAX_MESSAGE_CHARS


class CappedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        webhook.on_request(check_rest_body)
        return webhook

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()


async def check_rest_body(request: Request) -> HTTPResponse | None:
    if request.method != "POST":
        return None
    try:
        body = request.json
    except InvalidUsage:
        body = None
    if not isinstance(body, dict):
        return json_response({"error": "The body must be a JSON object."}, status=400)
    sender = body.get("sender")
    message = body.get("message")
    if not (isinstance(sender, str) and 0 < len(sender) <= MAX_SENDER_CHARS):
        return json_response(
            {"error": f"'sender' must be a text of 1 to {MAX_SENDER_CHARS} characters."},
            status=400,
        )
    if not isinstance(message, str):
        return json_response({"error": "'message' must be a text."}, status=400)
    if too_long(message):
        return json_response([{"recipient_id": sender, "text": SIZE_MESSAGE}], status=413)
    return None


class CappedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        namespace = self.namespace or "/"
        handle_message = self.sio.handlers[namespace][self.user_message_evt]

        async def capped(sid: str, data: Any) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                return
            if too_long(data.get("message")):
                await self.sio.emit(self.bot_message_evt, {"text": SIZE_MESSAGE}, room=sid)
                return
            await handle_message(sid, data)

        self.sio.on(self.user_message_evt, capped, namespace=self.namespace)
        return webhook
