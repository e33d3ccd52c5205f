"""Submitting a booking request so that it is never lost, whatever state the database is in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from sqlalchemy.exc import SQLAlchemyError

from clinic.leads.limits import ConversationCap
from clinic.leads.records import NewLead
from clinic.leads.repository import LeadRepository
from clinic.leads.spool import Spool

logger = logging.getLogger(__name__)

RepositoryFactory = Callable[[], LeadRepository]
Notifier = Callable[[NewLead], object]


class SubmitStatus(str, Enum):
    STORED = "stored"
    # The same request (same idempotency key) was stored before: its reference is returned.
    ALREADY_STORED = "already_stored"
    # The database was unreachable: the request waits in the spool until the next flush.
    SPOOLED = "spooled"
    # The conversation has sent as many requests as its cap allows: nothing stored, no reference.
    CONVERSATION_CAP = "conversation_cap"


@dataclass(frozen=True)
class SubmitOutcome:
    reference: str
    status: SubmitStatus

    @property
    def spooled(self) -> bool:
        return self.status is SubmitStatus.SPOOLED


def submit_lead(
    repo_factory: RepositoryFactory,
    spool: Spool,
    new: NewLead,
    notify: Notifier | None = None,
    cap: ConversationCap | None = None,
) -> SubmitOutcome:
    """Store `new`, or spool it when the database fails; the visitor always gets a reference.

    `notify` (e.g. the front-desk email) is called once per new request, after it is safely
    stored or spooled; its failure is logged and changes nothing. Only a failure to write the
    spool file itself (disk full, no permission) raises. With a `cap`, a new request from a
    conversation whose cap is full is refused (CONVERSATION_CAP, empty reference); a retry of a
    request already stored still gets its reference. While the database is unreachable the cap
    cannot be counted and the request is spooled.
    """
    try:
        repo = repo_factory()
        if cap is not None and _cap_full(repo, new, cap):
            return SubmitOutcome("", SubmitStatus.CONVERSATION_CAP)
        stored = repo.submit(new)
    except SQLAlchemyError as error:
        logger.error("database unavailable (%s); spooling lead %s", error, new.reference)
        spooled = spool.put(new)
        # A request already waiting in the spool keeps the reference the visitor was given.
        if spooled.reference == new.reference:
            _notify(notify, new)
        return SubmitOutcome(spooled.reference, SubmitStatus.SPOOLED)
    if not stored.created:
        return SubmitOutcome(stored.reference, SubmitStatus.ALREADY_STORED)
    _notify(notify, replace(new, reference=stored.reference))
    return SubmitOutcome(stored.reference, SubmitStatus.STORED)


def flush_spool(repo_factory: RepositoryFactory, spool: Spool) -> int:
    """Store what the spool holds; returns how many leads it stored. Safe to call periodically:
    while the database is still unreachable it logs and returns, and the spool keeps the rest."""
    if not spool.pending() and not spool.stale_temporary():
        return 0
    try:
        repo = repo_factory()
    except SQLAlchemyError as error:
        logger.warning("cannot open the leads database to flush the spool: %s", error)
        return 0
    flushed = spool.flush(repo)
    remaining = len(spool.pending())
    if flushed or remaining:
        logger.info("spool flush: %d stored, %d still waiting", flushed, remaining)
    return flushed


def _cap_full(repo: LeadRepository, new: NewLead, cap: ConversationCap) -> bool:
    if repo.known(new.idempotency_key):
        return False
    return cap.full(repo.count_for_conversation(new.conversation_id, cap.since(new.created_at)))


def _notify(notify: Notifier | None, new: NewLead) -> None:
    if notify is None:
        return
    try:
        notify(new)
    except Exception:
        logger.exception("notifying the front desk about lead %s failed", new.reference)
