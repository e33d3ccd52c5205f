"""The leads database's stores (leads, staff accounts, the audit trail), opened on one engine:
what the CLI, the staff page and the action server use."""

from __future__ import annotations

from dataclasses import dataclass

from clinic.db.engine import database_url, make_engine
from clinic.leads.repository import LeadRepository
from clinic.staff.audit import AuditLog
from clinic.staff.store import StaffAccountStore


@dataclass(frozen=True)
class LeadStores:
    leads: LeadRepository
    staff: StaffAccountStore
    audit: AuditLog


def open_stores(url: str | None = None) -> LeadStores:
    """The stores on `url`, by default the configured database (env LEADS_DB_URL)."""
    engine = make_engine(url or database_url())
    return LeadStores(LeadRepository(engine), StaffAccountStore(engine), AuditLog(engine))
