"""At most a few turns at once in one Rasa server process; the others wait in line.

Rasa handles a turn on its event loop, and every await on the action server lets the loop start
other turns. Under load the answer of an action-server call then waits behind every turn started
meanwhile before the form turn can go on: 140 ms per call with 10 turns in flight on 2 cores,
so booking-form turns made the whole latency tail. The gate lets RASA_TURN_CONCURRENCY turns
(default 1) be under way at once, the others waiting first come, first served; a turn keeps its
place while it waits for an HTTP answer (the action server), so that answer is read at once.
An answer that takes longer than HTTP_GRACE_SECONDS gives the place up to the next turn (a slow
or hung action server never holds the line up for longer) and takes it back, ahead of new
turns, when it comes.

The gate is taken inside Rasa's conversation lock (around MessageProcessor.handle_message), so a
turn waiting for its conversation's lock never holds a place. patches.py puts `in_line` in place of
Rasa's MessageProcessor.handle_message and `yielding_when_slow` in place of EndpointConfig.request.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

CONCURRENCY_ENV = "RASA_TURN_CONCURRENCY"
DEFAULT_CONCURRENCY = 1
HTTP_GRACE_SECONDS = 0.5

Result = TypeVar("Result")


class TurnGate:
    """A first-come, first-served limit of `capacity` holders, with a way back in first."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("a turn gate needs room for at least one turn")
        self._free = capacity
        self._waiting: collections.deque[asyncio.Future[None]] = collections.deque()

    async def acquire(self, first: bool = False) -> None:
        """Wait for a place: at the end of the line, or at its head with `first`."""
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        waiter = asyncio.get_running_loop().create_future()
        if first:
            self._waiting.appendleft(waiter)
        else:
            self._waiting.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # the place was handed over as the wait was cancelled
            else:
                with contextlib.suppress(ValueError):  # release() may have dropped it already
                    self._waiting.remove(waiter)
            raise

    def release(self) -> None:
        """Hand the place to the next one waiting, or free it."""
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1


@dataclass
class _Place:
    gate: TurnGate
    held: bool = True


_current: ContextVar[_Place | None] = ContextVar("turn_gate_place", default=None)


@contextlib.asynccontextmanager
async def turn(gate: TurnGate) -> AsyncIterator[None]:
    """Hold a place in `gate` for the block; a nested turn in the same task holds none more."""
    if _current.get() is not None:
        yield
        return
    await gate.acquire()
    place = _Place(gate)
    token = _current.set(place)
    try:
        yield
    finally:
        _current.reset(token)
        if place.held:
            gate.release()


def _give_up(place: _Place) -> None:
    if place.held:
        place.held = False
        place.gate.release()


@contextlib.asynccontextmanager
async def waiting_elsewhere(grace: float = HTTP_GRACE_SECONDS) -> AsyncIterator[None]:
    """For the block (an HTTP call): keep the current turn's place for `grace` seconds, then give
    it up; take it back afterwards, ahead of new turns."""
    place = _current.get()
    if place is None or not place.held:
        yield
        return
    timer = asyncio.get_running_loop().call_later(grace, _give_up, place)
    try:
        yield
    finally:
        timer.cancel()
        if not place.held:
            await place.gate.acquire(first=True)
            place.held = True


def configured_concurrency(environ: Mapping[str, str] = os.environ) -> int:
    text = environ.get(CONCURRENCY_ENV, "").strip()
    if not text:
        return DEFAULT_CONCURRENCY
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{CONCURRENCY_ENV} must be a whole number from 1, not {text!r}")
    return int(text)


def _within(
    context: Callable[[], AbstractAsyncContextManager[None]],
    method: Callable[..., Awaitable[Result]],
) -> Callable[..., Any]:
    """`method`, each call of it inside a fresh `context()`."""

    @functools.wraps(method)
    async def wrapper(*args: Any, **kwargs: Any) -> Result:
        async with context():
            return await method(*args, **kwargs)

    return wrapper


def in_line(handle_message: Callable[..., Awaitable[Result]]) -> Callable[..., Any]:
    """`handle_message` with each call waiting for a place in a gate of RASA_TURN_CONCURRENCY."""
    gate = TurnGate(configured_concurrency())
    return _within(lambda: turn(gate), handle_message)


def yielding_when_slow(request: Callable[..., Awaitable[Result]]) -> Callable[..., Any]:
    """`request` with each call giving the turn's place up if it takes long (waiting_elsewhere)."""
    return _within(waiting_elsewhere, request)
