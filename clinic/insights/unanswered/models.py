"""The table of staff marks on unanswered questions. The schema is created by the migrations."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Integer, String

from clinic.db.base import Base, UTCDateTime

UNANSWERED_MARKS = ("answered_elsewhere", "should_be_faq")
_MARK_LIST = ", ".join(f"'{mark}'" for mark in UNANSWERED_MARKS)


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
