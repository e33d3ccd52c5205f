"""Tables of the staff accounts and the audit trail. The schema is created by the migrations."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Integer, String

from clinic.db.base import Base, UTCDateTime
from clinic.staff.audit_actions import AUDIT_ACTIONS

_ACTION_LIST = ", ".join(f"'{action}'" for action in AUDIT_ACTIONS)


class StaffUser(Base):
    __tablename__ = "staff_users"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    failed_attempts = Column(Integer, nullable=False, default=0)
    locked_until = Column(UTCDateTime)
    created_at = Column(UTCDateTime, nullable=False)
    last_login_at = Column(UTCDateTime)
    # Raised to end every session of the account: a cookie carries the version it was issued with.
    session_version = Column(Integer, nullable=False, default=0, server_default="0")
    disabled_at = Column(UTCDateTime)


class AuditEvent(Base):
    """Who did what, when, to which lead: kept as long as the leads (`leads purge`)."""

    __tablename__ = "audit_events"
    __table_args__ = (CheckConstraint(f"action IN ({_ACTION_LIST})", name="action"),)

    id = Column(Integer, primary_key=True)
    created_at = Column(UTCDateTime, nullable=False, index=True)
    actor = Column(String(100), nullable=False)
    source = Column(String(10), nullable=False)
    action = Column(String(20), nullable=False)
    lead_reference = Column(String(10), index=True)
    detail = Column(String(200))
