"""The action server's handles on the leads store, created once per process, and its spool
worker, which `rasa_sdk_plugins` starts when the action server starts."""

from __future__ import annotations

import threading
from functools import cache

from clinic.leads.records import NewLead
from clinic.leads.repository import LeadRepository
from clinic.leads.service import SubmitOutcome, flush_spool, submit_lead
from clinic.leads.spool import Spool
from clinic.leads.spool_worker import SpoolWorker, flush_interval
from clinic.leads.stores import open_stores
from clinic.notify import notifier_from_env
from clinic.settings import ClinicSettings, load_settings


@cache
def settings() -> ClinicSettings:
    return load_settings()


@cache
def repository() -> LeadRepository:
    return open_stores().leads


@cache
def spool() -> Spool:
    return Spool.from_env()


def submit(new: NewLead) -> SubmitOutcome:
    return submit_lead(repository, spool(), new, notify=notifier_from_env())


def flush_spool_now() -> int:
    return flush_spool(repository, spool())


_worker_lock = threading.Lock()
_worker: SpoolWorker | None = None


def start_spool_worker() -> None:
    """Start the process's spool worker; a second call finds it running and does nothing."""
    global _worker
    with _worker_lock:
        if _worker is None:
            _worker = SpoolWorker(flush_spool_now, flush_interval())
            _worker.start()
