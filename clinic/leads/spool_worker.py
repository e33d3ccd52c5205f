"""The spool worker: a daemon thread that flushes the spool every so often, so a booking request
taken during a database outage reaches the front desk without anyone running a command."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

FLUSH_SECONDS_ENV = "LEADS_SPOOL_FLUSH_SECONDS"
DEFAULT_FLUSH_SECONDS = "60"

logger = logging.getLogger(__name__)


def flush_interval() -> float:
    """Seconds between two flushes: env LEADS_SPOOL_FLUSH_SECONDS, 60 by default."""
    return float(os.environ.get(FLUSH_SECONDS_ENV, DEFAULT_FLUSH_SECONDS))


class SpoolWorker:
    """A daemon thread that calls `flush` every `interval` seconds until stopped; a flush that
    fails is logged and tried again at the next tick."""

    def __init__(self, flush: Callable[[], object], interval: float) -> None:
        self._flush = flush
        self._interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="spool-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                self._flush()
            except Exception:
                logger.exception("spool flush failed; retrying in %s s", self._interval)
