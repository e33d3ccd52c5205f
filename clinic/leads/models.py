"""Tables of the leads store. The schema itself is created by the Alembic migrations."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Column, ForeignKey, Integer, String, Text
from sqlalchemy.orm import relationship

from clinic.db.base import Base, UTCDateTime
from clinic.leads.records import LEAD_STATUSES

_STATUS_LIST = ", ".join(f"'{status}'" for status in LEAD_STATUSES)


class Lead(Base):
    __tablename__ = "leads"
    __table_args__ = (CheckConstraint(f"status IN ({_STATUS_LIST})", name="status"),)

    id = Column(Integer, primary_key=True)
    reference = Column(String(10), nullable=False, unique=True)
    idempotency_key = Column(String(64), nullable=False, unique=True)
    created_at = Column(UTCDateTime, nullable=False, index=True)
    full_name = Column(String(100), nullable=False)
    phone = Column(String(16))
    # An office line's extension, digits only (migration 0006).
    phone_extension = Column(String(7))
    email = Column(String(254))
    concern = Column(String(20), nullable=False)
    concern_detail = Column(Text)
    preferred_time = Column(String(200))
    patient_status = Column(String(20), nullable=False)
    consent_at = Column(UTCDateTime, nullable=False)
    channel = Column(String(40), nullable=False)
    conversation_id = Column(String(200), nullable=False)
    after_hours = Column(Boolean)
    # The conversation's language, "en" or "es" (migration 0005; older rows read "en").
    language = Column(String(2), nullable=False, default="en", server_default="en")
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
