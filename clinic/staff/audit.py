"""The audit trail of the leads: who signed in, viewed, changed, exported or purged what, when.

It holds no visitor data: a lead is named by its reference, a change by its kind (a new status,
"note added", never the note), and a failed sign-in by an existing username only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from clinic.db.engine import session_factory
from clinic.leads.models import Lead
from clinic.staff.audit_actions import AUDIT_ACTIONS, AUDIT_SOURCES
from clinic.staff.models import AuditEvent
from clinic.timeutil import as_utc, utc_now

ACTOR_MAX_LENGTH = 100
DETAIL_MAX_LENGTH = 200


@dataclass(frozen=True)
class AuditEntry:
    created_at: datetime
    actor: str
    source: str
    action: str
    lead_reference: str | None
    detail: str | None

    @property
    def description(self) -> str:
        text = AUDIT_ACTIONS[self.action]
        return f"{text}: {self.detail}" if self.detail else text


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = session_factory(engine)

    def record(
        self,
        action: str,
        actor: str,
        source: str,
        *,
        references: Iterable[str | None] = (None,),
        detail: str | None = None,
        now: datetime | None = None,
    ) -> None:
        """One event per reference (one without a lead by default), in one transaction."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        if source not in AUDIT_SOURCES:
            raise ValueError(f"unknown audit source {source!r}")
        rows = [
            {
                "created_at": as_utc(now) if now else utc_now(),
                "actor": actor[:ACTOR_MAX_LENGTH],
                "source": source,
                "action": action,
                "lead_reference": reference,
                "detail": detail[:DETAIL_MAX_LENGTH] if detail else None,
            }
            for reference in references
        ]
        if not rows:
            return
        with self._sessions() as session, session.begin():
            session.execute(insert(AuditEvent), rows)

    def for_lead(self, reference: str) -> list[AuditEntry]:
        """The lead's events, oldest first."""
        query = (
            select(AuditEvent)
            .where(AuditEvent.lead_reference == reference)
            .order_by(AuditEvent.created_at, AuditEvent.id)
        )
        with self._sessions() as session:
            return [_entry(event) for event in session.scalars(query)]

    def recent(self, limit: int = 100) -> list[AuditEntry]:
        """The newest events first."""
        query = select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
        with self._sessions() as session:
            return [_entry(event) for event in session.scalars(query.limit(limit))]

    def purge_older_than(self, cutoff: datetime) -> int:
        """Delete events before `cutoff` and those of leads no longer stored: the trail lives
        as long as the leads it is about. Returns how many events went."""
        gone = AuditEvent.lead_reference.is_not(None) & AuditEvent.lead_reference.not_in(
            select(Lead.reference)
        )
        with self._sessions() as session, session.begin():
            result = session.execute(
                delete(AuditEvent).where((AuditEvent.created_at < as_utc(cutoff)) | gone),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount)


def record_update(
    audit: AuditLog,
    actor: str,
    source: str,
    reference: str,
    old_status: str,
    new_status: str | None,
    note: str | None,
) -> None:
    """The events of a lead's update: its status change and/or that a note (not which) was added."""
    if new_status is not None and new_status != old_status:
        audit.record(
            "status_changed",
            actor,
            source,
            references=[reference],
            detail=f"{old_status} \u2192 {new_status}",
        )
    if note is not None:
        audit.record("note_added", actor, source, references=[reference])


def _entry(event: AuditEvent) -> AuditEntry:
    return AuditEntry(
        created_at=event.created_at,
        actor=event.actor,
        source=event.source,
        action=event.action,
        lead_reference=event.lead_reference,
        detail=event.detail,
    )
