"""Tables of the leads store. The schema itself is created by the Alembic migrations."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import declarative_base, relationship
from sqlalchemy.types import TypeDecorator

from clinic.leads.audit_actions import AUDIT_ACTIONS
from clinic.leads.records import LEAD_STATUSES
from clinic.timeutil import as_utc

# Named constraints keep migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))
_STATUS_LIST = ", ".join(f"'{status}'" for status in LEAD_STATUSES)
_ACTION_LIST = ", ".join(f"'{action}'" for action in AUDIT_ACTIONS)
UNANSWERED_MARKS = ("answered_elsewhere", "should_be_faq")
_MARK_LIST = ", ".join(f"'{mark}'" for mark in UNANSWERED_MARKS)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC in and out, also on SQLite, which keeps no offset."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Lead(Base):
    __tablename__ = "leads"
    __table_args__ = (CheckConstraint(f"status IN ({_STATUS_LIST})", name="status"),)

    id = Column(Integer, primary_key=True)
    reference = Column(String(10), nullable=False, unique=True)
    idempotency_key = Column(String(64), nullable=False, unique=True)
    created_at = Column(UTCDateTime, nullable=False, index=True)
    full_name = Column(String(100), nullable=False)
    phone = Column(String(16))
    email = Column(String(254))
    concern = Column(String(20), nullable=False)
    concern_detail = Column(Text)
    preferred_time = Column(String(200))
    patient_status = Column(String(20), nullable=False)
    consent_at = Column(UTCDateTime, nullable=False)
    channel = Column(String(40), nullable=False)
    conversation_id = Column(String(200), nullable=False)
    after_hours = Column(Boolean)
    status = Column(String(20), nullable=False, default="new")

    notes = relationship(
        "LeadNote",
        back_populates="lead",
        order_by="LeadNote.created_at, LeadNote.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class LeadNote(Base):
    __tablename__ = "lead_notes"

    id = Column(Integer, primary_key=True)
    lead_id = Column(
        Integer, ForeignKey("leads.id", ondelete="CASCADE"), nullable=False, index=True
    )
    author = Column(String(100), nullable=False)
    body = Column(Text, nullable=False)
    created_at = Column(UTCDateTime, nullable=False)

    lead = relationship("Lead", back_populates="notes")


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


class UnansweredMark(Base):
    """A staff mark on an unanswered question, keyed by the hash of its masked text (no text):
    a group carries the newest mark of its members, however the questions are grouped next."""

    __tablename__ = "unanswered_marks"
    __table_args__ = (CheckConstraint(f"mark IN ({_MARK_LIST})", name="mark"),)

    id = Column(Integer, primary_key=True)
    text_key = Column(String(16), nullable=False, unique=True)
    mark = Column(String(20), nullable=False)
    marked_by = Column(String(64), nullable=False)
    marked_at = Column(UTCDateTime, nullable=False, index=True)
