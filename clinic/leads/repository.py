"""Reading and writing leads in the database."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.sql import Select

from clinic.db.engine import session_factory
from clinic.leads.models import Lead, LeadNote
from clinic.leads.records import (
    AUTHOR_MAX_LENGTH,
    LEAD_DETAIL_FIELDS,
    LEAD_STATUSES,
    NOTE_MAX_LENGTH,
    LeadCounts,
    LeadView,
    NewLead,
    NoteView,
    StoredLead,
)
from clinic.leads.references import new_reference, normalize_reference
from clinic.text.validation import InvalidInput, normalize_free_text
from clinic.timeutil import as_utc, utc_now

__all__ = [
    "LeadNotFound",
    "LeadRepository",
    "LeadView",
    "NewLead",
    "NoteView",
    "StoredLead",
]

logger = logging.getLogger(__name__)

# A clash of two random 6-character references is about one in a billion; a few tries suffice.
REFERENCE_ATTEMPTS = 5


class LeadNotFound(LookupError):
    def __init__(self, reference: str) -> None:
        super().__init__(f"no booking request with reference {reference}")
        self.reference = reference


class LeadRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = session_factory(engine)

    def submit(self, new: NewLead) -> StoredLead:
        """Store `new` once: a second submission with the same idempotency key returns the
        lead stored first and writes nothing, also when two sessions race."""
        existing = self._view_by_key(new.idempotency_key)
        if existing is not None:
            return StoredLead(existing, created=False)
        reference = new.reference
        for _ in range(REFERENCE_ATTEMPTS):
            try:
                return StoredLead(self._insert(new, reference), created=True)
            except IntegrityError:
                existing = self._view_by_key(new.idempotency_key)
                if existing is not None:
                    return StoredLead(existing, created=False)
                logger.warning("reference %s is taken; giving the lead another one", reference)
                reference = new_reference()
        raise RuntimeError(f"no free reference after {REFERENCE_ATTEMPTS} attempts")

    def known(self, idempotency_key: str) -> bool:
        """True when a lead with this idempotency key is stored."""
        return self._view_by_key(idempotency_key) is not None

    def count_for_conversation(self, conversation_id: str, since: datetime) -> int:
        """How many leads the conversation created from `since` on."""
        with self._sessions() as session:
            return session.scalar(
                select(func.count(Lead.id)).where(
                    Lead.conversation_id == conversation_id, Lead.created_at >= since
                )
            )

    def get(self, reference: str) -> LeadView | None:
        with self._sessions() as session:
            lead = session.scalar(
                _lead_query().where(Lead.reference == normalize_reference(reference))
            )
            return _view(lead) if lead else None

    def list(self, status: str | None = None, after_hours: bool | None = None) -> list[LeadView]:
        """Leads newest first, optionally only those with `status` or with that after-hours flag."""
        query = _lead_query().order_by(Lead.created_at.desc(), Lead.id.desc())
        if status is not None:
            query = query.where(Lead.status == _checked_status(status))
        if after_hours is not None:
            query = query.where(Lead.after_hours.is_(after_hours))
        with self._sessions() as session:
            return [_view(lead) for lead in session.scalars(query)]

    def created_between(self, since: datetime, until: datetime) -> list[LeadView]:
        """Leads created in [since, until), oldest first."""
        query = (
            _lead_query()
            .where(Lead.created_at >= as_utc(since), Lead.created_at < as_utc(until))
            .order_by(Lead.created_at, Lead.id)
        )
        with self._sessions() as session:
            return [_view(lead) for lead in session.scalars(query)]

    def counts(self, since: datetime, until: datetime) -> LeadCounts:
        """How many leads created in [since, until) have each status, and came in after hours."""
        query = (
            select(Lead.status, Lead.after_hours, func.count())
            .where(Lead.created_at >= as_utc(since), Lead.created_at < as_utc(until))
            .group_by(Lead.status, Lead.after_hours)
        )
        by_status = dict.fromkeys(LEAD_STATUSES, 0)
        by_hours: dict[bool | None, int] = {True: 0, False: 0, None: 0}
        with self._sessions() as session:
            for status, after_hours, count in session.execute(query):
                by_status[status] += count
                by_hours[after_hours] += count
        return LeadCounts(by_status, after_hours=by_hours[True], during_hours=by_hours[False])

    def update(
        self,
        reference: str,
        status: str | None,
        note: str | None,
        author: str,
        now: datetime | None = None,
    ) -> LeadView:
        """Change the status and/or add a note; raises LeadNotFound or InvalidInput."""
        if status is None and note is None:
            raise InvalidInput("Give a new status, a note or both.")
        new_status = _checked_status(status) if status is not None else None
        note_body = normalize_free_text(note, "note", NOTE_MAX_LENGTH) if note is not None else None
        note_author = normalize_free_text(author, "author", AUTHOR_MAX_LENGTH)
        with self._sessions() as session, session.begin():
            lead = session.scalar(
                _lead_query().where(Lead.reference == normalize_reference(reference))
            )
            if lead is None:
                raise LeadNotFound(reference)
            if new_status is not None:
                lead.status = new_status
            if note_body is not None:
                moment = as_utc(now) if now else utc_now()
                lead.notes.append(LeadNote(author=note_author, body=note_body, created_at=moment))
        return self._require(lead.reference)

    def purge_older_than(self, cutoff: datetime) -> int:
        """Delete leads created before `cutoff`, with their notes; returns how many leads."""
        old_ids = select(Lead.id).where(Lead.created_at < as_utc(cutoff))
        with self._sessions() as session, session.begin():
            session.execute(
                delete(LeadNote).where(LeadNote.lead_id.in_(old_ids)),
                execution_options={"synchronize_session": False},
            )
            result = session.execute(
                delete(Lead).where(Lead.id.in_(old_ids)),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount)

    def _insert(self, new: NewLead, reference: str) -> LeadView:
        lead = Lead(
            **{**_details(new), "reference": reference},
            idempotency_key=new.idempotency_key,
            status="new",
        )
        with self._sessions() as session, session.begin():
            session.add(lead)
        return self._require(reference)

    def _view_by_key(self, idempotency_key: str) -> LeadView | None:
        with self._sessions() as session:
            lead = session.scalar(_lead_query().where(Lead.idempotency_key == idempotency_key))
            return _view(lead) if lead else None

    def _require(self, reference: str) -> LeadView:
        view = self.get(reference)
        if view is None:
            raise LeadNotFound(reference)
        return view


def _lead_query() -> Select:
    return select(Lead).options(selectinload(Lead.notes))


def _checked_status(status: str) -> str:
    if status not in LEAD_STATUSES:
        raise InvalidInput(f"Unknown status {status!r}; use one of {', '.join(LEAD_STATUSES)}.")
    return status


def _details(lead: Lead | NewLead) -> dict[str, Any]:
    """The fields a lead row and the records share, by name."""
    return {name: getattr(lead, name) for name in LEAD_DETAIL_FIELDS}


def _view(lead: Lead) -> LeadView:
    return LeadView(
        **_details(lead),
        status=lead.status,
        notes=tuple(
            NoteView(author=note.author, body=note.body, created_at=note.created_at)
            for note in lead.notes
        ),
    )
