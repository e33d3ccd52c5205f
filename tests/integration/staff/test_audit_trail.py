"""Finding 6: the audit trail in the database and from the `leads` command."""

from __future__ import annotations

import getpass
from datetime import datetime, timedelta, timezone

import pytest

from clinic.cli.leads import main
from clinic.db.engine import make_engine
from clinic.leads.repository import LeadRepository
from clinic.staff.audit import AuditLog

NOW = datetime.now(timezone.utc)


@pytest.fixture
def audit(db_url):
    engine = make_engine(db_url)
    yield AuditLog(engine)
    engine.dispose()


def test_audit_trail_lives_as_long_as_the_leads(repo, audit, make_lead):
    old = repo.submit(make_lead(conversation_id="old", now=NOW - timedelta(days=40))).lead
    kept = repo.submit(make_lead(conversation_id="kept", now=NOW - timedelta(days=2))).lead
    audit.record("lead_viewed", "maria", "web", references=[old.reference], now=NOW)
    audit.record("sign_in", "maria", "web", now=NOW - timedelta(days=31))
    audit.record("lead_viewed", "maria", "web", references=[kept.reference], now=NOW)
    audit.record("sign_in", "maria", "web", now=NOW)
    cutoff = NOW - timedelta(days=30)
    assert repo.purge_older_than(cutoff) == 1
    # The old sign-in and every event of the purged lead go; the rest stays.
    assert audit.purge_older_than(cutoff) == 2
    assert [(entry.action, entry.lead_reference) for entry in audit.recent()] == [
        ("sign_in", None),
        ("lead_viewed", kept.reference),
    ]


def test_audit_trail_refuses_unknown_actions(audit):
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.record("deleted_everything", "maria", "web")


def test_audit_trail_of_the_command_line(tmp_path, monkeypatch, capsys, make_lead):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("LEADS_DB_URL", url)
    config = tmp_path / "clinic.yml"
    config.write_text(
        "name: Test Clinic\nlocation: Armonk, NY\ntimezone: America/New_York\n"
        "retention_days: 30\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CLINIC_CONFIG", str(config))
    monkeypatch.setenv("LEADS_SPOOL_DIR", str(tmp_path / "spool"))
    monkeypatch.setenv("RASA_ENDPOINTS_FILE", str(tmp_path / "endpoints.yml"))
    (tmp_path / "endpoints.yml").write_text("action_endpoint:\n  url: http://localhost\n")
    assert main(["db-upgrade"]) == 0
    engine = make_engine(url)
    repo, audit = LeadRepository(engine), AuditLog(engine)
    lead = repo.submit(make_lead()).lead
    assert main(["show", lead.reference]) == 0
    assert main(["update", lead.reference, "--status", "booked", "--note", "Booked Tue"]) == 0
    assert main(["export"]) == 0
    assert main(["purge"]) == 0
    capsys.readouterr()
    me = getpass.getuser()
    assert [
        (entry.actor, entry.source, entry.action, entry.lead_reference, entry.detail)
        for entry in reversed(audit.recent())
    ] == [
        (me, "cli", "lead_viewed", lead.reference, None),
        (me, "cli", "status_changed", lead.reference, "new \u2192 booked"),
        (me, "cli", "note_added", lead.reference, None),
        (me, "cli", "export", lead.reference, "CSV of 1 request(s)"),
        (me, "cli", "purge", None, "0 request(s) older than 30 day(s)"),
    ]
    engine.dispose()
