"""`leads daily-summary`: off by default; when on, a day's new requests by reference and the
day's figures reach the front desk over SMTP (aiosmtpd on 127.0.0.1), without health details
unless the clinic turns them on."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from clinic.cli.leads import main
from clinic.leads.records import NewLead
from clinic.stores import open_stores
from testkit.leads import new_lead
from testkit.leads_cli import leads_cli_env
from testkit.smtp_inbox import running_inbox
from testkit.staff_data import Conversation, tracker_store, write_conversations

CLINIC = "name: ProClinix\nlocation: Armonk, NY\ntimezone: America/New_York\n"
# 10:00 in New York on Tuesday 3 November 2026.
TUESDAY = datetime(2026, 11, 3, 15, 0, tzinfo=timezone.utc)


@pytest.fixture
def clinic_env(tmp_path, monkeypatch):
    for name in ("LEADS_DAILY_SUMMARY", "LEADS_DAILY_SUMMARY_DETAILS", "LEADS_NOTIFY_TO"):
        monkeypatch.delenv(name, raising=False)
    leads_cli_env(tmp_path, monkeypatch, CLINIC)
    store = tracker_store(tmp_path / "conversations.sqlite3")
    chat = Conversation("visitor-1", TUESDAY).faq("faq/neck_pain").booking(sent=True)
    write_conversations(store.engine, store, [chat])
    store.engine.dispose()
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  db: conversations.sqlite3\n")
    leads = open_stores().leads
    tuesday = leads.submit(lead("Ann Example", "visitor-1", TUESDAY)).reference
    leads.submit(lead("Bo Other", "visitor-2", TUESDAY + timedelta(days=1)))
    return endpoints, tuesday


@pytest.fixture
def smtp_server():
    with running_inbox() as running:
        yield running


def lead(name: str, conversation_id: str, now: datetime) -> NewLead:
    return new_lead(
        full_name=name,
        email=None,
        concern="other",
        concern_detail="sciatica after a fall",
        preferred_time=None,
        conversation_id=conversation_id,
        now=now,
    )


def summary_env(monkeypatch, port: int, details: bool = False) -> None:
    monkeypatch.setenv("LEADS_DAILY_SUMMARY", "1")
    monkeypatch.setenv("LEADS_NOTIFY_TO", "desk@proclinix.example")
    monkeypatch.setenv("LEADS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LEADS_SMTP_PORT", str(port))
    monkeypatch.setenv("LEADS_DAILY_SUMMARY_DETAILS", "1" if details else "0")


def test_the_daily_summary_is_off_by_default(clinic_env, smtp_server, capsys):
    inbox, _ = smtp_server
    assert main(["daily-summary"]) == 0
    assert "The daily summary is off" in capsys.readouterr().out
    assert inbox.envelopes == []


def test_the_summary_names_the_days_requests_and_figures_without_health_details(
    clinic_env,
    smtp_server,
    monkeypatch,
    capsys,
):
    endpoints, reference = clinic_env
    inbox, port = smtp_server
    summary_env(monkeypatch, port)
    assert main(["daily-summary", "--day", "2026-11-03", "--endpoints", str(endpoints)]) == 0
    assert "Sent the daily summary of 2026-11-03 to 1 address(es)." in capsys.readouterr().out
    [message] = inbox.messages()
    assert message["Subject"] == "ProClinix assistant, 2026-11-03: 1 new request(s)"
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    assert f"- {reference}, received 2026-11-03 10:00 EST, after hours: no, status new" in body
    assert "  Conversations: 1" in body
    assert "  Booking forms submitted: 1" in body
    assert "  FAQ: neck pain: 1" in body
    for private in ("Ann", "Bo Other", "555", "sciatica"):
        assert private not in body


def test_details_are_added_only_when_turned_on(clinic_env, smtp_server, monkeypatch, capsys):
    endpoints, _ = clinic_env
    _, port = smtp_server
    summary_env(monkeypatch, port, details=True)
    argv = ["daily-summary", "--day", "2026-11-03", "--print", "--endpoints", str(endpoints)]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "    Name: Ann Example" in printed
    assert "sciatica after a fall" in printed
    assert "Bo Other" not in printed


def test_a_summary_without_recipients_is_a_clear_error(clinic_env, monkeypatch, capsys):
    monkeypatch.setenv("LEADS_DAILY_SUMMARY", "1")
    assert main(["daily-summary"]) == 1
    assert "LEADS_NOTIFY_TO names no recipient" in capsys.readouterr().err


def test_an_unreachable_smtp_server_fails_the_command(clinic_env, monkeypatch, capsys):
    endpoints, _ = clinic_env
    summary_env(monkeypatch, 1)
    assert main(["daily-summary", "--day", "2026-11-03", "--endpoints", str(endpoints)]) == 1
    assert "could not be sent" in capsys.readouterr().err
