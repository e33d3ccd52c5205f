"""Staff marks on unanswered questions in the leads database (SQLite and PostgreSQL), and the
audit entries of marking and exporting."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from clinic.db.engine import make_engine
from clinic.insights.unanswered.grouping import QuestionGroup
from clinic.insights.unanswered.marks import MAX_KEYS_PER_MARK, MarkStore, group_mark
from clinic.insights.unanswered.models import UnansweredMark
from clinic.insights.unanswered.questions import text_key
from clinic.staff.audit import AuditLog

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
PRICE = text_key("what does it cost")
COST = text_key("how much is a visit")
PARKING = text_key("is there parking")


@pytest.fixture
def marks(db_url):
    engine = make_engine(db_url)
    yield MarkStore(engine)
    engine.dispose()


def group(*keys):
    return QuestionGroup(1, NOW, NOW, ("a question",), "out_of_scope", keys)


def test_a_mark_is_stored_per_text_and_replaced_by_the_next(marks):
    marks.set([PRICE, COST], "should_be_faq", "dana", now=NOW)
    marks.set([COST], "answered_elsewhere", "lee", now=NOW + timedelta(minutes=5))
    stored = marks.marks_for([PRICE, COST, PARKING])
    assert set(stored) == {PRICE, COST}
    assert (stored[PRICE].mark, stored[PRICE].marked_by) == ("should_be_faq", "dana")
    assert (stored[COST].mark, stored[COST].marked_by) == ("answered_elsewhere", "lee")
    assert stored[COST].marked_at == NOW + timedelta(minutes=5)


def test_a_mark_survives_regrouping(marks):
    marks.set([PRICE, COST], "should_be_faq", "dana", now=NOW)
    stored = marks.marks_for([PRICE, COST, PARKING])
    # The same questions split in two groups, or joined by new ones: each part keeps the mark.
    assert group_mark(group(PRICE), stored).mark == "should_be_faq"
    assert group_mark(group(PARKING, COST), stored).mark == "should_be_faq"
    assert group_mark(group(PARKING), stored) is None


def test_a_group_shows_its_newest_mark(marks):
    marks.set([PRICE], "should_be_faq", "dana", now=NOW)
    marks.set([COST], "answered_elsewhere", "lee", now=NOW + timedelta(hours=1))
    stored = marks.marks_for([PRICE, COST])
    assert group_mark(group(PRICE, COST), stored).label == "Answered elsewhere"


def test_finding_14_marks_older_than_the_cutoff_are_purged(marks):
    marks.set([PRICE], "should_be_faq", "dana", now=NOW - timedelta(days=31))
    marks.set([COST, PARKING], "answered_elsewhere", "lee", now=NOW - timedelta(days=29))
    assert marks.purge_older_than(NOW - timedelta(days=30)) == 1
    assert set(marks.marks_for([PRICE, COST, PARKING])) == {COST, PARKING}


def test_clearing_removes_the_marks(marks):
    marks.set([PRICE, COST], "should_be_faq", "dana", now=NOW)
    marks.clear([PRICE, COST])
    assert marks.marks_for([PRICE, COST]) == {}


def test_many_keys_are_looked_up_in_chunks(marks):
    keys = [text_key(f"question {number}") for number in range(1200)]
    for start in range(0, len(keys), MAX_KEYS_PER_MARK):
        marks.set(keys[start : start + MAX_KEYS_PER_MARK], "answered_elsewhere", "dana", now=NOW)
    assert len(marks.marks_for(keys)) == 1200


@pytest.mark.parametrize(
    ("keys", "mark"),
    [
        ([PRICE], "ignore"),
        ([], "should_be_faq"),
        (["not-a-key"], "should_be_faq"),
        ([PRICE.upper()], "should_be_faq"),
        ([text_key(str(n)) for n in range(MAX_KEYS_PER_MARK + 1)], "should_be_faq"),
    ],
)
def test_bad_marks_are_refused(marks, keys, mark):
    with pytest.raises(ValueError):
        marks.set(keys, mark, "dana", now=NOW)
    assert marks.marks_for([PRICE]) == {}


def test_the_database_refuses_an_unknown_mark(marks):
    with pytest.raises(IntegrityError), marks.engine.begin() as connection:
        connection.execute(
            insert(UnansweredMark).values(
                text_key=PRICE, mark="maybe", marked_by="dana", marked_at=NOW
            )
        )


def test_marking_and_exporting_are_in_the_audit_trail(db_url):
    engine = make_engine(db_url)
    audit = AuditLog(engine)
    audit.record("unanswered_marked", "dana", "web", detail="should be an FAQ: 2 question(s)")
    audit.record("unanswered_exported", "dana", "web", detail="1 FAQ candidate(s)")
    recent = [(entry.action, entry.description) for entry in audit.recent()]
    assert recent == [
        ("unanswered_exported", "exported FAQ candidates: 1 FAQ candidate(s)"),
        ("unanswered_marked", "marked unanswered questions: should be an FAQ: 2 question(s)"),
    ]
    engine.dispose()
