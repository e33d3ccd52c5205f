"""The action server's handles on the leads store, created once per process.

Also runs the spool worker: a daemon thread that writes spooled booking requests to the
database once it is reachable again, so a request taken during an outage reaches the front desk
without anyone running a command.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from functools import cache

from sqlalchemy.engine import Engine

from clinic.leads.database import database_url, make_engine
from clinic.leads.records import NewLead
from clinic.leads.repository import LeadRepository
from clinic.leads.service import SubmitOutcome, flush_spool, submit_lead
from clinic.leads.spool import Spool
from clinic.notify import notifier_from_env
from clinic.settings import ClinicSettings, load_settings

logger = logging.getLogger(__name__)

SPOOL_FLUSH_SECONDS = float(os.environ.get("LEADS_SPOOL_FLUSH_SECONDS", "60"))


@cache
def settings() -> ClinicSettings:
    return load_settings()


@cache
def _engine() -> Engine:
    return make_engine(database_url())


def repository() -> LeadRepository:
    return LeadRepository(_engine())


@cache
def spool() -> Spool:
    return Spool.from_env()


def submit(new: NewLead) -> SubmitOutcome:
    return submit_lead(repository, spool(), new, notify=notifier_from_env())


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


def flush_spool_now() -> int:
    return flush_spool(repository, spool())


_worker_lock = threading.Lock()
_worker: SpoolWorker | None = None


def start_spool_worker() -> None:
    global _worker
    with _worker_lock:
        if _worker is None:
            _worker = SpoolWorker(flush_spool_now, SPOOL_FLUSH_SECONDS)
            _worker.start()
