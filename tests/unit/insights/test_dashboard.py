"""The dashboard's figures from generated conversations and leads."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from sqlalchemy.engine import make_url

from clinic.conversations.events import FormRuns, read_only_engine
from clinic.insights.dashboard import Period, PeriodError, dashboard_figures, topic_label
from clinic.settings import ClinicSettings, OpeningRange
from testkit.staff_app import ZONE, submit_lead
from testkit.staff_data import Conversation, write_conversations

# Monday 2 November 2026; the clinic opens 9:00-17:00 on weekdays.
MONDAY = date(2026, 11, 2)
HOURS = {day: (OpeningRange(time(9), time(17)),) for day in range(5)}
CLINIC = ClinicSettings(name="ProClinix", location="Armonk, NY", timezone=ZONE, opening_hours=HOURS)


def local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), ZONE).astimezone(timezone.utc)


@pytest.fixture
def reader(tracker):
    chats = [
        Conversation("during-hours", local(MONDAY, 10))
        .faq("faq/neck_pain")
        .faq("faq/neck_pain")
        .unanswered("out_of_scope", None, "Can you fix my car?")
        .booking(sent=True),
        Conversation("at-night", local(MONDAY, 22))
        .faq("faq/headaches")
        .unanswered("faq", "faq/not_in_article", "Do you validate parking?")
        .fallback("inform", "is the car park free")
        .cancelled_booking(),
        Conversation("next-week", local(MONDAY + timedelta(days=7), 10)).faq("faq/headaches"),
    ]
    write_conversations(tracker.engine, tracker, chats)
    engine = read_only_engine(tracker.engine.url)
    yield engine
    engine.dispose()


def test_figures_of_a_period(stores, reader):
    submit_lead(stores.leads, "during-hours", now=local(MONDAY, 10), after_hours=False)
    submit_lead(stores.leads, "other", now=local(MONDAY, 23), after_hours=True, phone="9145550199")
    period = Period.of_days(MONDAY, MONDAY + timedelta(days=6), ZONE)
    figures = dashboard_figures(reader, stores.leads, period, CLINIC)
    talk = figures.conversations
    assert talk is not None
    assert (talk.conversations, talk.after_hours_conversations) == (2, 1)
    # Counted as the list of unanswered questions counts them: the fallback answer is one.
    assert (talk.questions_answered, talk.questions_unanswered) == (3, 3)
    assert talk.unanswered_share == pytest.approx(0.5)
    assert talk.forms == FormRuns(started=2, submitted=1, cancelled=1)
    assert talk.faq_topics == (("faq/neck_pain", 2), ("faq/headaches", 1))
    assert figures.leads.total == 2
    rows = dict(figures.rows())
    assert rows["Period"] == "2026-11-02 to 2026-11-08"
    assert rows["Conversations after hours"] == "50%"
    assert rows["Unanswered share"] == "50%"
    assert rows["Leads new"] == "2"
    assert rows["Leads after hours"] == "50%"
    assert rows["FAQ: neck pain"] == "2"


def test_the_period_is_whole_days_in_the_clinics_zone(stores, reader):
    # 22:00 on Monday in New York is already Tuesday in UTC: still Monday's conversation.
    monday = Period.of_days(MONDAY, MONDAY, ZONE)
    talk = dashboard_figures(reader, stores.leads, monday, CLINIC).conversations
    assert talk is not None and talk.conversations == 2


def test_an_unreachable_tracker_store_leaves_the_lead_figures(tmp_path, stores):
    submit_lead(stores.leads, "someone", now=local(MONDAY, 10))
    missing = read_only_engine(make_url(f"sqlite:///{tmp_path / 'absent.sqlite3'}"))
    figures = dashboard_figures(missing, stores.leads, Period.of_days(MONDAY, MONDAY, ZONE), CLINIC)
    assert figures.conversations is None
    rows = dict(figures.rows())
    assert rows["Conversations"] == "unavailable (tracker store unreachable)"
    assert rows["Leads"] == "1"


def test_without_opening_hours_there_is_no_after_hours_share(stores, reader):
    no_hours = ClinicSettings(name="ProClinix", location="Armonk, NY", timezone=ZONE)
    period = Period.of_days(MONDAY, MONDAY, ZONE)
    figures = dashboard_figures(reader, stores.leads, period, no_hours)
    assert dict(figures.rows())["Conversations after hours"] == "n/a"


def test_periods_must_run_forward_and_stay_bounded():
    with pytest.raises(PeriodError, match="ends before it starts"):
        Period.of_days(MONDAY, MONDAY - timedelta(days=1), ZONE)
    with pytest.raises(PeriodError, match="at most 366 days"):
        Period.of_days(MONDAY, MONDAY + timedelta(days=366), ZONE)


def test_topic_labels_read_as_words():
    assert topic_label("faq/lower_back_pain") == "lower back pain"
