"""Front-desk emails sent off the visitor's turn: the submit action only queues the request, and
one daemon thread sends the emails in order, at most HourlyCap.limit an hour.

An email over the cap waits in the queue for a free place; none is dropped. The request itself
was stored (or spooled) before it was queued, so an email still waiting when the action server
stops is the only thing missed: the request is on the leads page.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable

from clinic.leads.limits import HourlyCap
from clinic.leads.records import NewLead

logger = logging.getLogger(__name__)

Send = Callable[[NewLead], object]


class EmailQueue:
    def __init__(
        self,
        send: Send,
        cap: HourlyCap,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self._send = send
        self._cap = cap
        self._clock = clock
        self._sleep = sleep
        self._queue: queue.Queue[NewLead] = queue.Queue()
        self._started = threading.Lock()
        self._thread: threading.Thread | None = None

    def put(self, new: NewLead) -> None:
        """Queue the email about `new`; returns at once."""
        self._queue.put(new)
        with self._started:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="lead-email", daemon=True)
                self._thread.start()

    def waiting(self) -> int:
        """Emails queued or being sent."""
        return self._queue.unfinished_tasks

    def wait_until_sent(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the queue to empty; True when it did."""
        deadline = time.monotonic() + timeout
        while self.waiting():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def _run(self) -> None:
        while True:
            new = self._queue.get()
            try:
                self._send_within_cap(new)
            finally:
                self._queue.task_done()

    def _send_within_cap(self, new: NewLead) -> None:
        wait = self._cap.wait_seconds(self._clock())
        if wait > 0:
            logger.warning(
                "front-desk emails are at %d an hour: the email about %s waits %.0f s",
                self._cap.limit,
                new.reference,
                wait,
            )
            self._sleep(wait)
        self._cap.record(self._clock())
        try:
            self._send(new)
        except Exception:
            logger.exception("notifying the front desk about lead %s failed", new.reference)
