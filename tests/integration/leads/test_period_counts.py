"""Leads of a period for the dashboard and the daily summary, on SQLite and PostgreSQL."""

from datetime import datetime, timedelta, timezone

START = datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)


def test_counts_by_status_and_hours_keep_to_the_period(repo, make_lead):
    inside = [
        repo.submit(make_lead(now=START + timedelta(hours=hours), after_hours=late, phone=phone))
        for hours, late, phone in [
            (0, True, "+19145550101"),
            (1, False, "+19145550102"),
            (2, None, "+19145550103"),
        ]
    ]
    repo.submit(make_lead(now=START - timedelta(days=1), after_hours=True, phone="+19145550104"))
    repo.update(inside[1].reference, "booked", None, author="frontdesk")
    counts = repo.counts(START, START + timedelta(days=1))
    assert counts.by_status == {"new": 2, "contacted": 0, "booked": 1, "closed": 0}
    assert (counts.total, counts.after_hours, counts.during_hours) == (3, 1, 1)
    assert counts.after_hours_share == 0.5


def test_counts_of_an_empty_period_have_no_after_hours_share(repo):
    counts = repo.counts(START, START + timedelta(days=1))
    assert counts.total == 0
    assert counts.after_hours_share is None


def test_created_between_lists_the_periods_leads_oldest_first(repo, make_lead):
    late = repo.submit(make_lead(now=START + timedelta(hours=5), phone="+19145550111"))
    early = repo.submit(make_lead(now=START + timedelta(hours=1), phone="+19145550112"))
    repo.submit(make_lead(now=START + timedelta(days=2), phone="+19145550113"))
    found = repo.created_between(START, START + timedelta(days=1))
    assert [lead.reference for lead in found] == [early.reference, late.reference]
