import csv
import io
import os
import re
import stat
from datetime import datetime, timedelta, timezone

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from clinic.cli.leads import main
from clinic.db.engine import make_engine
from clinic.insights.unanswered.marks import MarkStore
from clinic.insights.unanswered.questions import text_key
from clinic.leads.repository import LeadRepository
from clinic.leads.spool import Spool
from clinic.staff.accounts import authenticate
from clinic.staff.store import StaffAccountStore
from clinic.timeutil import utc_now

CLINIC_YML = """
name: Test Clinic
location: Armonk, NY
timezone: America/New_York
opening_hours:
  monday: ["08:00-18:00"]
retention_days: 30
"""
NOW = datetime.now(timezone.utc)


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    config = tmp_path / "clinic.yml"
    config.write_text(CLINIC_YML, encoding="utf-8")
    monkeypatch.setenv("LEADS_DB_URL", url)
    monkeypatch.setenv("CLINIC_CONFIG", str(config))
    monkeypatch.setenv("LEADS_SPOOL_DIR", str(tmp_path / "spool"))
    # An empty tracker store, named by the endpoints file as the Rasa server would read it.
    SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.sqlite3"))
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  db: tracker.sqlite3\n")
    monkeypatch.setenv("RASA_ENDPOINTS_FILE", str(endpoints))
    return url


@pytest.fixture
def cli_repo(env, capsys):
    assert main(["db-upgrade"]) == 0
    assert "is up to date" in capsys.readouterr().out
    engine = make_engine(env)
    yield LeadRepository(engine)
    engine.dispose()


@pytest.fixture
def cli_staff(cli_repo):
    return StaffAccountStore(cli_repo.engine)


@pytest.fixture
def seeded(cli_repo, make_lead):
    """Three leads: an old after-hours one, a contacted one and a new in-hours one."""
    old = make_lead(conversation_id="old", after_hours=True, now=NOW - timedelta(days=40))
    contacted = make_lead(
        conversation_id="contacted",
        full_name="Bob Smith",
        phone=None,
        email="bob@example.com",
        concern="neck",
        after_hours=None,
        now=NOW - timedelta(days=2),
    )
    fresh = make_lead(
        conversation_id="fresh",
        full_name="Carol Jones",
        preferred_time='=HYPERLINK("http://x")',
        concern="other",
        concern_detail="@shoulder",
        now=NOW - timedelta(hours=1),
    )
    for new in (old, contacted, fresh):
        cli_repo.submit(new)
    cli_repo.update(contacted.reference, "contacted", "Left a voicemail", "maria")
    return {"old": old, "contacted": contacted, "fresh": fresh}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_newest_first_as_a_table(seeded, capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "Reference",
        "Received",
        "Status",
        "Name",
        "Contact",
        "Concern",
        "After",
        "hours",
    ]
    order = [seeded[key].reference for key in ("fresh", "contacted", "old")]
    assert [line.split()[0] for line in lines[1:4]] == order
    assert "bob@example.com" in lines[2] and "contacted" in lines[2] and "unknown" in lines[2]
    assert "(914) 555-0123" in lines[3] and "yes" in lines[3]
    assert lines[-1] == "3 booking request(s)."


def test_list_filters(seeded, capsys):
    _, out, _ = run(capsys, "list", "--status", "contacted")
    assert seeded["contacted"].reference in out and seeded["fresh"].reference not in out
    _, out, _ = run(capsys, "list", "--after-hours")
    assert seeded["old"].reference in out and out.endswith("1 booking request(s).\n")
    _, out, _ = run(capsys, "list", "--in-hours")
    assert seeded["fresh"].reference in out and out.endswith("1 booking request(s).\n")
    _, out, _ = run(capsys, "list", "--status", "closed")
    assert out == "No booking requests match.\n"


def test_list_refuses_unknown_status(seeded, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["list", "--status", "done"])
    assert exited.value.code == 2
    assert "invalid choice: 'done'" in capsys.readouterr().err


def test_show_prints_the_lead_and_its_notes(seeded, capsys):
    reference = seeded["contacted"].reference
    code, out, _ = run(capsys, "show", reference.lower())
    assert code == 0
    assert out.startswith(f"Booking request {reference}\n")
    assert "  Status:         contacted\n" in out
    assert "  Name:           Bob Smith\n" in out
    assert "  Phone:          not given\n" in out
    assert "  Email:          bob@example.com\n" in out
    assert "  Concern:        Neck\n" in out
    assert "  Patient:        New patient\n" in out
    assert "  After hours:    unknown (opening hours not configured)\n" in out
    assert "  Channel:        socketio (conversation ...cted)\n" in out
    assert "Notes:\n" in out and "maria: Left a voicemail" in out
    assert " EDT " in out or " EST " in out


def test_show_unknown_reference(seeded, capsys):
    code, out, err = run(capsys, "show", "PCX-000000")
    assert code == 1
    assert out == ""
    assert "no booking request with reference PCX-000000" in err


def test_update_status_and_note(seeded, capsys):
    reference = seeded["fresh"].reference
    code, out, _ = run(
        capsys, "update", reference, "--status", "booked", "--note", "Fri 9am", "--author", "tom"
    )
    assert code == 0
    assert out.startswith("Updated.\nBooking request")
    assert "  Status:         booked\n" in out
    assert "tom: Fri 9am" in out
    assert seeded["fresh"].reference in out


def test_update_note_author_defaults_to_the_login_name(seeded, capsys, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "frontdesk")
    code, out, _ = run(capsys, "update", seeded["old"].reference, "--note", "Called back")
    assert code == 0
    assert "frontdesk: Called back" in out


def test_update_without_changes_is_refused(seeded, capsys):
    code, _, err = run(capsys, "update", seeded["old"].reference)
    assert code == 2
    assert "Give a new status, a note or both." in err


def test_export_csv_to_stdout_is_formula_safe(seeded, capsys):
    code, out, _ = run(capsys, "export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [row["Reference"] for row in rows] == [
        seeded[key].reference for key in ("fresh", "contacted", "old")
    ]
    assert rows[0]["Name"] == "Carol Jones"
    assert rows[0]["Preferred time"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["Concern"] == "Other: @shoulder"
    assert rows[1]["Notes"].endswith("maria: Left a voicemail")


def test_finding_14_the_export_file_is_owner_only_whatever_the_umask(seeded, capsys, tmp_path):
    target = tmp_path / "leads.csv"
    existing = tmp_path / "old.csv"
    existing.write_text("old")
    existing.chmod(0o644)
    previous = os.umask(0o022)
    try:
        for path in (target, existing):
            code, _, _ = run(capsys, "export", "--output", str(path))
            assert code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600
    assert existing.read_bytes().startswith(b"Reference,")


def test_export_csv_to_a_file(seeded, capsys, tmp_path):
    target = tmp_path / "leads.csv"
    code, out, _ = run(capsys, "export", "--output", str(target))
    assert code == 0
    assert out == f"Exported 3 booking request(s) to {target}.\n"
    data = target.read_bytes()
    assert data.startswith(b"Reference,Received,Status,Name,")
    assert data.count(b"\r\n") == 4
    assert b"\r\r\n" not in data


def test_purge_uses_retention_days_from_clinic_yml(seeded, capsys, cli_repo):
    code, out, _ = run(capsys, "purge")
    assert code == 0
    assert out == (
        "Deleted 1 booking request(s) older than 30 day(s).\n"
        "Deleted 0 conversation event(s) older than 30 day(s); 0 conversation(s) had nothing "
        "newer and are gone.\n"
    )
    assert cli_repo.get(seeded["old"].reference) is None
    assert cli_repo.get(seeded["contacted"].reference) is not None


def test_finding_14_purge_deletes_unanswered_marks_past_the_retention(seeded, capsys, cli_repo):
    marks = MarkStore(cli_repo.engine)
    old, kept = text_key("what does it cost"), text_key("is there parking")
    marks.set([old], "should_be_faq", "dana", now=utc_now() - timedelta(days=31))
    marks.set([kept], "should_be_faq", "dana", now=utc_now() - timedelta(days=29))
    code, out, _ = run(capsys, "purge")
    assert code == 0
    assert "Deleted 1 unanswered-question mark(s) older than 30 day(s).\n" in out
    assert set(marks.marks_for([old, kept])) == {kept}


def test_purge_with_explicit_days(seeded, capsys, cli_repo):
    code, out, _ = run(capsys, "purge", "--older-than-days", "1")
    assert code == 0
    assert out == (
        "Deleted 2 booking request(s) older than 1 day(s).\n"
        "Deleted 0 conversation event(s) older than 1 day(s); 0 conversation(s) had nothing "
        "newer and are gone.\n"
    )
    assert [lead.reference for lead in cli_repo.list()] == [seeded["fresh"].reference]


def test_purge_refuses_zero_days(cli_repo, capsys):
    with pytest.raises(SystemExit):
        main(["purge", "--older-than-days", "0"])
    assert "at least 1" in capsys.readouterr().err


def test_spool_flush(cli_repo, capsys, make_lead, tmp_path):
    spool = Spool.from_env()
    spooled = make_lead(conversation_id="spooled")
    spool.put(spooled)
    spool.directory.joinpath("junk.json").write_text("not json", "utf-8")
    code, out, _ = run(capsys, "spool-flush")
    assert code == 0
    assert f"Stored 1 spooled request(s); 0 still waiting in {spool.directory}." in out
    assert f"1 file(s) in {spool.failed_directory} could not be stored and need" in out
    assert cli_repo.get(spooled.reference) is not None


def test_spool_flush_while_the_database_is_down(env, capsys, make_lead, monkeypatch):
    Spool.from_env().put(make_lead())
    monkeypatch.setenv("LEADS_DB_URL", "postgresql://postgres@127.0.0.1:9/leads")
    code, out, _ = run(capsys, "spool-flush")
    assert code == 1
    assert "Stored 0 spooled request(s); 1 still waiting" in out


def test_commands_on_a_database_without_schema_say_what_to_do(env, capsys):
    code, _, err = run(capsys, "list")
    assert code == 1
    assert "database error" in err and "leads db-upgrade" in err


def test_staff_add_from_stdin(cli_staff, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery staple\n"))
    code, out, _ = run(capsys, "staff-add", "Maria", "--password-stdin")
    assert code == 0
    assert out == "Staff user maria added.\n"
    assert authenticate(cli_staff, "maria", "correct horse battery staple").ok

    monkeypatch.setattr("sys.stdin", io.StringIO("another long password\n"))
    code, _, err = run(capsys, "staff-add", "maria", "--password-stdin")
    assert code == 1
    assert "already exists" in err


def test_staff_add_prompts_twice(cli_staff, capsys, monkeypatch):
    answers = iter(["a long enough secret", "a different secret!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    code, _, err = run(capsys, "staff-add", "tom")
    assert code == 2
    assert "The two passwords differ" in err
    assert cli_staff.get("tom") is None


def test_staff_add_refuses_a_short_password(cli_repo, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(capsys, "staff-add", "tom", "--password-stdin")
    assert code == 2
    assert "at least 12 characters" in err


def test_bad_clinic_yml_is_reported(seeded, capsys, tmp_path, monkeypatch):
    broken = tmp_path / "broken.yml"
    broken.write_text("name: X\n", encoding="utf-8")
    monkeypatch.setenv("CLINIC_CONFIG", str(broken))
    code, _, err = run(capsys, "list")
    assert code == 1
    assert str(broken) in err and "'location'" in err


def add_staff(capsys, monkeypatch, username: str, password: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "staff-add", username, "--password-stdin")[0] == 0


def test_staff_sessions_account_commands_disable_and_enable(cli_staff, capsys, monkeypatch):
    """Finding 5: the account commands end sessions server-side."""
    add_staff(capsys, monkeypatch, "maria", "correct horse battery staple")
    version = cli_staff.get("maria").session_version
    code, out, _ = run(capsys, "staff-disable", "Maria")
    assert code == 0 and "disabled" in out
    assert cli_staff.get("maria").disabled
    assert cli_staff.get("maria").session_version > version
    assert not authenticate(cli_staff, "maria", "correct horse battery staple").ok

    code, out, _ = run(capsys, "staff-list")
    assert code == 0
    assert re.search(r"^maria\s+disabled\s", out, re.MULTILINE)

    assert run(capsys, "staff-enable", "maria")[0] == 0
    assert authenticate(cli_staff, "maria", "correct horse battery staple").ok
    code, out, _ = run(capsys, "staff-list")
    assert re.search(r"^maria\s+active\s", out, re.MULTILINE)

    code, _, err = run(capsys, "staff-disable", "nobody")
    assert code == 1
    assert "no staff user named 'nobody'" in err


def test_staff_sessions_account_commands_reset_password(cli_staff, capsys, monkeypatch):
    add_staff(capsys, monkeypatch, "maria", "correct horse battery staple")
    for _ in range(5):
        authenticate(cli_staff, "maria", "wrong password")
    assert cli_staff.get("maria").locked_until is not None
    version = cli_staff.get("maria").session_version

    monkeypatch.setattr("sys.stdin", io.StringIO("a brand new long secret\n"))
    code, out, _ = run(capsys, "staff-reset-password", "maria", "--password-stdin")
    assert code == 0 and "sessions have ended" in out
    record = cli_staff.get("maria")
    assert record.locked_until is None and record.session_version > version
    assert authenticate(cli_staff, "maria", "a brand new long secret").ok
    assert not authenticate(cli_staff, "maria", "correct horse battery staple").ok


def test_staff_sessions_account_commands_change_own_password(cli_staff, capsys, monkeypatch):
    add_staff(capsys, monkeypatch, "maria", "correct horse battery staple")
    monkeypatch.setattr("sys.stdin", io.StringIO("not my password\nanother long secret\n"))
    code, _, err = run(capsys, "staff-password", "maria", "--password-stdin")
    assert code == 2 and "current password is not right" in err
    assert authenticate(cli_staff, "maria", "correct horse battery staple").ok

    answers = iter(["correct horse battery staple", "another long secret", "another long secret"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    code, out, _ = run(capsys, "staff-password", "maria")
    assert code == 0 and "changed" in out
    assert authenticate(cli_staff, "maria", "another long secret").ok


def test_staff_sessions_account_commands_sign_out(cli_staff, capsys, monkeypatch):
    add_staff(capsys, monkeypatch, "maria", "correct horse battery staple")
    version = cli_staff.get("maria").session_version
    assert run(capsys, "staff-sign-out", "maria")[0] == 0
    assert cli_staff.get("maria").session_version == version + 1


def test_spool_status_command_reports_backlog_and_failed_files(cli_repo, capsys, make_lead):
    code, out, _ = run(capsys, "status")
    assert code == 0
    assert "no request waiting" in out and "Nothing needs attention." in out

    spool = Spool.from_env()
    spool.put(make_lead())
    spool.failed_directory.mkdir()
    spool.failed_directory.joinpath("broken.json").write_text("garbage", "utf-8")
    code, out, _ = run(capsys, "status")
    assert code == 1
    assert "1 request(s) waiting for the database" in out
    assert f"1 file(s) in {spool.failed_directory} could not be stored" in out
    assert "Jane" not in out
