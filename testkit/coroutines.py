"""Running a coroutine from a synchronous test, never for longer than a deadline."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

# Longer than any single scenario the tests run (the bad-input corpus takes about a minute).
DEFAULT_DEADLINE_SECONDS = 240.0


def run_coroutine(
    coroutine: Coroutine[Any, Any, T], deadline: float = DEFAULT_DEADLINE_SECONDS
) -> T:
    """asyncio.run on a thread of its own: Playwright's sync API (the browser tests) keeps an
    event loop running in the main thread, where asyncio.run refuses to start another. A
    coroutine still running at the deadline is cancelled, and the test fails with a timeout."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(asyncio.run, asyncio.wait_for(coroutine, deadline)).result()
