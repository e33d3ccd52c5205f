"""Tells the visitor honestly when a turn could not be handled as it should.

Rasa answers nothing, or only part of a turn, when a service behind it fails, and says so only
in its log: with the action server down it goes on without that action's events (a booking
answer is lost); with the tracker store (PostgreSQL) down its fail-safe store handles the turn
without the conversation's history and keeps nothing of it; with the lock store (Redis) down,
handling the message raises. Each channel wraps its message handler with `guarded`: after such
a turn the visitor gets TROUBLE, in the message's or its page's language. The exception is logged
by its type only (Rasa's own REST log line would carry the visitor's text). A turn cancelled on the
way (the REST client hung up, the server stops) ends here too, logged without the text: Rasa's
REST channel would log the text with it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from rasa.core.channels.channel import UserMessage

from clinic.text.system_wording import TROUBLE, message_language

TROUBLE_MESSAGE = TROUBLE.en
# What Rasa logs (at ERROR) when a custom action fails and its events are dropped, and when its
# fail-safe tracker store falls back to memory; by logger name.
ACTION_FAILURE_PREFIX = "Encountered an exception while running action"
TRACKER_STORE_FAILURE_PREFIX = "Error happened when trying to"
WATCHED_FAILURES = {
    "rasa.core.processor": ACTION_FAILURE_PREFIX,
    "rasa.core.tracker_store": TRACKER_STORE_FAILURE_PREFIX,
}

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

logger = logging.getLogger(__name__)
_failures: ContextVar[list[str] | None] = ContextVar("turn_failures", default=None)


class _FailureWatch(logging.Handler):
    """Notes a failure Rasa logged during the turn being handled (the handler runs in the turn's
    own context)."""

    def emit(self, record: logging.LogRecord) -> None:
        failures = _failures.get()
        prefix = WATCHED_FAILURES.get(record.name)
        if failures is not None and prefix and str(record.msg).startswith(prefix):
            failures.append(record.name)


_watch = _FailureWatch(level=logging.ERROR)


def install_failure_watch() -> None:
    for name in WATCHED_FAILURES:
        watched = logging.getLogger(name)
        if _watch not in watched.handlers:
            watched.addHandler(_watch)


def guarded(on_new_message: OnNewMessage) -> OnNewMessage:
    install_failure_watch()

    async def handle(message: UserMessage) -> None:
        failures: list[str] = []
        token = _failures.set(failures)
        try:
            await on_new_message(message)
        except asyncio.CancelledError:
            logger.warning("a turn was cancelled before it ended")
            return
        except Exception as error:
            logger.error("could not handle a message: %s", type(error).__name__)
            failures.append(type(error).__name__)
        finally:
            _failures.reset(token)
        if failures:
            said = TROUBLE.text(message_language(message.text, message.metadata))
            await message.output_channel.send_text_message(message.sender_id, said)

    return handle
