"""The action server's handles on the leads store, created once per process: the store, the
spool and its worker (which `rasa_sdk_plugins` starts when the action server starts), the lead
limits and the queue that sends the front-desk emails off the visitor's turn."""

from __future__ import annotations

import logging
import threading
from functools import cache

from clinic.leads.email_queue import EmailQueue
from clinic.leads.limits import HourlyCap, LeadLimits
from clinic.leads.notify import LeadNotifier, notifier_from_env
from clinic.leads.records import NewLead
from clinic.leads.repository import LeadRepository
from clinic.leads.service import SubmitOutcome, flush_spool, submit_lead
from clinic.leads.spool import Spool, SpoolStatus
from clinic.leads.spool_worker import SpoolWorker, flush_interval
from clinic.settings import ClinicSettings, ConfigError, load_settings
from clinic.stores import open_stores

logger = logging.getLogger(__name__)


@cache
def settings() -> ClinicSettings:
    return load_settings()


@cache
def repository() -> LeadRepository:
    return open_stores().leads


@cache
def spool() -> Spool:
    return Spool.from_env()


@cache
def notifier() -> LeadNotifier | None:
    return notifier_from_env()


@cache
def limits() -> LeadLimits:
    return LeadLimits.from_env()


def email_queue() -> EmailQueue | None:
    """The queue in front of the configured notifier, or None when email is off."""
    notify = notifier()
    return None if notify is None else _queue_for(notify)


@cache
def _queue_for(notify: LeadNotifier) -> EmailQueue:
    return EmailQueue(notify, HourlyCap(limits().max_emails_per_hour))


def check_configuration() -> None:
    """Read the clinic's settings, the notifier's and the lead limits once, so that the action
    server refuses to start on a bad value instead of failing on a visitor's request; raises
    ConfigError."""
    settings()
    notifier()
    limits()


def submit(new: NewLead) -> SubmitOutcome:
    """Store or spool `new` within the conversation's cap; the email is queued, not sent here.
    A notifier that cannot even be configured only costs the email."""
    try:
        queue = email_queue()
    except ConfigError as problem:
        logger.error("front-desk email is off for lead %s: %s", new.reference, problem)
        queue = None
    notify = None if queue is None else queue.put
    return submit_lead(repository, spool(), new, notify=notify, cap=limits().conversation_cap)


def spool_status() -> SpoolStatus:
    return spool().status()


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
