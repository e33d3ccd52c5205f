"""Finding 8: the caps on requests per conversation and front-desk emails per hour."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from clinic.leads.limits import (
    DEFAULT_MAX_EMAILS_PER_HOUR,
    DEFAULT_MAX_PER_CONVERSATION,
    ConversationCap,
    HourlyCap,
    LeadLimits,
    conversation_cap_text,
)
from clinic.settings import ConfigError


def test_finding_8_a_conversation_cap_is_full_at_its_limit():
    cap = ConversationCap(limit=3)
    assert [cap.full(count) for count in range(5)] == [False, False, False, True, True]


def test_finding_8_the_conversation_window_is_the_last_24_hours():
    now = datetime(2026, 3, 2, 12, tzinfo=timezone.utc)
    assert ConversationCap().since(now) == now - timedelta(hours=24)


def test_finding_8_limits_default_without_settings():
    limits = LeadLimits.from_env({})
    assert limits.max_per_conversation == DEFAULT_MAX_PER_CONVERSATION == 3
    assert limits.max_emails_per_hour == DEFAULT_MAX_EMAILS_PER_HOUR
    assert limits.conversation_cap == ConversationCap(limit=3)


def test_finding_8_limits_read_from_the_environment():
    env = {"LEADS_MAX_PER_CONVERSATION": "5", "LEADS_MAX_EMAILS_PER_HOUR": " 12 "}
    assert LeadLimits.from_env(env) == LeadLimits(max_per_conversation=5, max_emails_per_hour=12)


@pytest.mark.parametrize("name", ["LEADS_MAX_PER_CONVERSATION", "LEADS_MAX_EMAILS_PER_HOUR"])
@pytest.mark.parametrize("value", ["0", "-1", "three", "2.5"])
def test_finding_8_a_bad_limit_is_refused_naming_the_setting(name, value):
    with pytest.raises(ConfigError, match=name):
        LeadLimits.from_env({name: value})


def test_finding_8_the_visitor_is_told_why_and_how_many():
    text = conversation_cap_text(3)
    assert "3 booking requests" in text and "haven't sent this one" in text


def test_finding_8_the_hourly_cap_lets_the_limit_through_then_waits_for_the_oldest():
    cap = HourlyCap(2, window_seconds=3600)
    for moment in (0.0, 10.0):
        assert cap.wait_seconds(moment) == 0
        cap.record(moment)
    assert cap.wait_seconds(20.0) == 3580.0
    assert cap.wait_seconds(3600.0) == 0
