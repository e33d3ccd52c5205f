"""`leads report`: the dashboard's figures on the command line, from the tracker store the
endpoints file names and the leads database."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

import pytest

from clinic.cli.leads import main
from clinic.stores import open_stores
from testkit.leads import new_lead
from testkit.leads_cli import leads_cli_env
from testkit.staff_data import Conversation, tracker_store, write_conversations

CLINIC = "name: ProClinix\nlocation: Armonk, NY\ntimezone: America/New_York\n"
NOVEMBER = datetime(2026, 11, 3, 15, 0, tzinfo=timezone.utc)


@pytest.fixture
def endpoints(tmp_path, monkeypatch):
    leads_cli_env(tmp_path, monkeypatch, CLINIC)
    store = tracker_store(tmp_path / "conversations.sqlite3")
    chats = [
        Conversation("visitor-1", NOVEMBER).faq("faq/neck_pain").booking(sent=True),
        Conversation("visitor-2", NOVEMBER + timedelta(days=1))
        .unanswered("nlu_fallback", None, "blorp")
        .cancelled_booking(),
        Conversation("visitor-3", NOVEMBER - timedelta(days=30)).faq("faq/headaches"),
    ]
    write_conversations(store.engine, store, chats)
    store.engine.dispose()
    lead = new_lead(
        full_name="Jane Roe", conversation_id="visitor-1", after_hours=True, now=NOVEMBER
    )
    open_stores().leads.submit(lead)
    path = tmp_path / "endpoints.yml"
    path.write_text("tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: conversations.sqlite3\n")
    return path


def test_report_as_csv(endpoints, capsys):
    argv = ["report", "--since", "2026-11-01", "--until", "2026-11-30", "--format", "csv"]
    assert main([*argv, "--endpoints", str(endpoints)]) == 0
    rows = dict(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows["figure"] == "value"
    assert rows["Period"] == "2026-11-01 to 2026-11-30"
    assert rows["Conversations"] == "2"
    assert rows["Questions answered"] == "1"
    assert rows["Questions not answered"] == "1"
    assert rows["Unanswered share"] == "50%"
    assert (rows["Booking forms started"], rows["Booking forms submitted"]) == ("2", "1")
    assert rows["Booking forms cancelled"] == "1"
    assert (rows["Leads"], rows["Leads new"], rows["Leads after hours"]) == ("1", "1", "100%")
    assert rows["FAQ: neck pain"] == "1"
    assert "Jane" not in str(rows)


def test_report_as_text(endpoints, capsys):
    argv = ["report", "--since", "2026-10-01", "--until", "2026-11-30"]
    assert main([*argv, "--endpoints", str(endpoints)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Period ")
    assert any(line.split() == ["Conversations", "3"] for line in lines)


def test_report_without_a_tracker_store_still_gives_the_lead_figures(endpoints, tmp_path, capsys):
    endpoints.write_text("tracker_store:\n  type: SQL\n  db: absent.sqlite3\n")
    argv = ["report", "--since", "2026-11-01", "--until", "2026-11-30"]
    assert main([*argv, "--endpoints", str(endpoints)]) == 0
    captured = capsys.readouterr()
    assert "unavailable (tracker store unreachable)" in captured.out
    assert any(line.split() == ["Leads", "1"] for line in captured.out.splitlines())
    assert not (tmp_path / "absent.sqlite3").exists()


def test_report_refuses_a_reversed_period(endpoints, capsys):
    argv = ["report", "--since", "2026-11-05", "--until", "2026-11-01"]
    assert main([*argv, "--endpoints", str(endpoints)]) == 2
    assert "ends before it starts" in capsys.readouterr().err
