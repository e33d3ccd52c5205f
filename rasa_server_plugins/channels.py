"""The REST and socket.io channels with a size limit on what a visitor sends.

credentials.yml names them by module path; they keep Rasa's channel names (`rest`, `socketio`),
so the URLs and the channel stored with a lead stay the same. A message over MAX_MESSAGE_CHARS
is answered with SIZE_MESSAGE and never reaches the assistant (nor its conversation record). A
REST body that is not a JSON object with a text `message` and `sender` gets a 400, and the
client cannot name another input channel. Of the metadata a client sends with a message only a
language tag is kept (message_metadata.py): nothing else is stored or sent to the action server.
A turn that failed behind the channel (action server, Redis or PostgreSQL down) ends with an
honest message to the visitor (turn_guard.py).

One socket.io connection (one websocket, or polling POSTs of up to 16 packets each) may carry any
number of messages, which nginx's per-request limit does not count: each connection has a budget of
turns and session requests (connection_budget.py, settings CHAT_CONNECTION_*). What is over it is
dropped before it reaches Rasa, so it never joins the turn gate, and the connection is told once
(THROTTLE_MESSAGE, at most once a window).

On socket.io the conversation id (the session id, the key that resumes a conversation) is the
server's: a `session_request` keeps a client's id only when the server signed it (session_ids.py,
env SESSION_ID_SECRET, required) and otherwise gets a new one, and a `user_uttered` always goes to
the session its connection requested, whatever `session_id` the client writes into it. Knowing
another visitor's id is still enough to resume that conversation, so the id is never shown in full
to staff; it cannot be guessed nor made up. The REST channel keeps the `sender` its client names:
it is private unless the clinic publishes it, and its clients are the clinic's own integrations,
which keep their conversation ids themselves.

Building either channel's blueprint installs the project's patches of Rasa (patches.py).
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

from clinic.text.system_wording import MAX_MESSAGE_CHARS, TOO_LONG, message_language
from rasa_server_plugins import patches
from rasa_server_plugins.connection_budget import (
    THROTTLE_MESSAGE,
    BudgetSettings,
    ConnectionBudgets,
    Verdict,
)
from rasa_server_plugins.message_metadata import kept_metadata
from rasa_server_plugins.session_ids import signer_from_env
from rasa_server_plugins.turn_guard import guarded

MAX_SENDER_CHARS = 200
SIZE_MESSAGE = TOO_LONG.en

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def too_long(message: object) -> bool:
    return isinstance(message, str) and len(message) > MAX_MESSAGE_CHARS


class CappedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        patches.install()  # Rasa asks for the blueprint before it serves
        webhook = super().blueprint(guarded(on_new_message))
        webhook.on_request(check_rest_body)
        return webhook

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any]:
        return kept_metadata(request.json.get("metadata"))


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
        said = TOO_LONG.text(message_language(message, body.get("metadata")))
        return json_response([{"recipient_id": sender, "text": said}], status=413)
    return None


class CappedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        patches.install()  # Rasa asks for the blueprint before it serves
        signer = signer_from_env()  # refuses to start without the secret
        budgets = ConnectionBudgets(BudgetSettings.from_env())  # refuses a bad setting
        webhook = super().blueprint(guarded(on_new_message))
        namespace = self.namespace or "/"
        handle_message = self.sio.handlers[namespace][self.user_message_evt]
        handle_disconnect = self.sio.handlers[namespace]["disconnect"]
        # The session each connection requested: the only conversation it may write to.
        sessions: dict[str, str] = {}

        async def refused(sid: str, verdict: Verdict) -> bool:
            """Tells the connection when it is throttled (at most once a window)."""
            if verdict is Verdict.NOTIFY:
                await self.sio.emit(self.bot_message_evt, {"text": THROTTLE_MESSAGE}, room=sid)
            return verdict is not Verdict.ADMIT

        async def session_request(sid: str, data: Any) -> None:
            if await refused(sid, budgets.of(sid).session()):
                return
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = signer.accepted(requested)
            previous = sessions.get(sid)
            if previous is not None and previous != session_id:
                self.sio.leave_room(sid, previous, namespace=namespace)
            sessions[sid] = session_id
            self.sio.enter_room(sid, session_id, namespace=namespace)
            await self.sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        async def disconnect(sid: str) -> None:
            sessions.pop(sid, None)
            budgets.forget(sid)
            await handle_disconnect(sid)

        async def capped(sid: str, data: Any) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                return
            message = {
                "message": data.get("message", ""),
                self.metadata_key: kept_metadata(data.get(self.metadata_key)),
            }
            if self.session_persistence:
                if sid not in sessions:
                    return
                message["session_id"] = sessions[sid]
            budget = budgets.of(sid)
            if await refused(sid, budget.turn()):
                return
            try:
                if too_long(message.get("message")):
                    language = message_language(message["message"], message[self.metadata_key])
                    said = TOO_LONG.text(language)
                    await self.sio.emit(self.bot_message_evt, {"text": said}, room=sid)
                    return
                await handle_message(sid, message)
            finally:
                budget.turn_done()

        if self.session_persistence:
            self.sio.on("session_request", session_request, namespace=self.namespace)
        self.sio.on("disconnect", disconnect, namespace=self.namespace)
        self.sio.on(self.user_message_evt, capped, namespace=self.namespace)
        return webhook
