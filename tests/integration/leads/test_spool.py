import json
import logging
import os
import socket
import stat
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DataError, StatementError

from clinic.db.engine import make_engine
from clinic.leads.models import Lead
from clinic.leads.repository import LeadRepository
from clinic.leads.service import SubmitStatus, flush_spool, submit_lead
from clinic.leads.spool import Spool, SpoolStatus


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def down_repo():
    """A repository whose PostgreSQL server does not exist: every query fails to connect."""
    engine = make_engine(f"postgresql://postgres@127.0.0.1:{closed_port()}/leads")
    yield LeadRepository(engine)
    engine.dispose()


@pytest.fixture
def spool(tmp_path):
    return Spool(tmp_path / "spool")


def lead_rows(repo: LeadRepository) -> int:
    with repo.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Lead))


def test_put_writes_one_private_file_per_request(spool, make_lead):
    first = make_lead()
    assert spool.put(first) == first
    [path] = spool.pending()
    assert path.name == f"{first.idempotency_key}.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [entry.name for entry in spool.directory.iterdir()] == [path.name]
    retry = make_lead(preferred_time="evenings")
    assert spool.put(retry) == first
    assert len(spool.pending()) == 1


def test_outage_spools_then_flush_stores_once_back(repo, down_repo, spool, make_lead):
    database = {"up": False}
    notified = []

    def repo_factory() -> LeadRepository:
        return repo if database["up"] else down_repo

    new = make_lead()
    outcome = submit_lead(repo_factory, spool, new, notify=notified.append)
    assert outcome.status is SubmitStatus.SPOOLED and outcome.spooled
    assert outcome.reference == new.reference
    assert notified == [new]
    again = submit_lead(repo_factory, spool, make_lead(), notify=notified.append)
    assert again.reference == new.reference
    assert len(notified) == 1
    assert flush_spool(repo_factory, spool) == 0
    assert len(spool.pending()) == 1

    database["up"] = True
    assert flush_spool(repo_factory, spool) == 1
    assert spool.pending() == []
    stored = repo.get(new.reference)
    assert stored.full_name == "Jane Doe"
    assert stored.created_at == new.created_at
    assert lead_rows(repo) == 1
    assert flush_spool(repo_factory, spool) == 0


def test_flush_stops_at_an_outage_and_keeps_the_files(down_repo, spool, make_lead, caplog):
    spool.put(make_lead(conversation_id="a"))
    spool.put(make_lead(conversation_id="b"))
    with caplog.at_level(logging.WARNING, logger="clinic.leads.spool"):
        assert spool.flush(down_repo) == 0
    assert len(spool.pending()) == 2
    assert "spool flush stopped" in caplog.text


def test_crash_between_commit_and_delete_does_not_store_twice(repo, spool, make_lead, monkeypatch):
    new = make_lead()
    spool.put(new)
    original_remove = Spool._remove

    def crash(self, path):
        raise RuntimeError("power cut after the commit")

    monkeypatch.setattr(Spool, "_remove", crash)
    with pytest.raises(RuntimeError, match="power cut"):
        spool.flush(repo)
    assert lead_rows(repo) == 1
    assert len(spool.pending()) == 1

    monkeypatch.setattr(Spool, "_remove", original_remove)
    assert spool.flush(repo) == 1
    assert spool.pending() == []
    assert lead_rows(repo) == 1
    assert repo.get(new.reference) is not None


def test_corrupt_file_is_moved_aside_with_a_log_line(repo, spool, make_lead, caplog):
    good = make_lead()
    spool.put(good)
    spool.directory.joinpath("broken.json").write_text('{"version": 1, "lead": {', "utf-8")
    tampered = json.loads(make_lead(conversation_id="x").to_json())
    tampered["lead"]["phone"] = "not a phone"
    spool.directory.joinpath("tampered.json").write_text(json.dumps(tampered), "utf-8")
    with caplog.at_level(logging.ERROR, logger="clinic.leads.spool"):
        assert spool.flush(repo) == 1
    assert spool.pending() == []
    assert sorted(path.name for path in spool.failed_directory.iterdir()) == [
        "broken.json",
        "tampered.json",
    ]
    assert spool.failed_directory.joinpath("broken.json").read_text("utf-8").startswith('{"ver')
    assert "broken.json is not a readable lead" in caplog.text
    assert "tampered.json is not a readable lead" in caplog.text
    assert lead_rows(repo) == 1


def test_corrupt_file_with_a_name_already_in_failed_keeps_both(spool, repo):
    for text in ("first broken", "second broken"):
        spool.directory.mkdir(exist_ok=True)
        spool.directory.joinpath("same.json").write_text(text, "utf-8")
        spool.flush(repo)
    contents = sorted(path.read_text("utf-8") for path in spool.failed_directory.iterdir())
    assert contents == ["first broken", "second broken"]


def test_put_over_a_corrupt_file_moves_it_aside_first(spool, make_lead):
    new = make_lead()
    spool.directory.mkdir()
    spool.directory.joinpath(f"{new.idempotency_key}.json").write_text("garbage", "utf-8")
    assert spool.put(new) == new
    [failed] = spool.failed_directory.iterdir()
    assert failed.read_text("utf-8") == "garbage"


def test_submit_when_the_database_is_up(repo, spool, make_lead):
    notified = []
    new = make_lead()
    outcome = submit_lead(lambda: repo, spool, new, notify=notified.append)
    assert outcome.status is SubmitStatus.STORED
    assert outcome.reference == new.reference
    assert notified == [new]
    duplicate = submit_lead(lambda: repo, spool, make_lead(), notify=notified.append)
    assert duplicate.status is SubmitStatus.ALREADY_STORED
    assert duplicate.reference == new.reference
    assert notified == [new]
    assert spool.pending() == []


def test_failing_notifier_loses_nothing(repo, spool, make_lead, caplog):
    def broken_notifier(new):
        raise ConnectionError("mail server gone")

    new = make_lead()
    with caplog.at_level(logging.ERROR, logger="clinic.leads.service"):
        outcome = submit_lead(lambda: repo, spool, new, notify=broken_notifier)
    assert outcome.status is SubmitStatus.STORED
    assert repo.get(new.reference) is not None
    assert f"notifying the front desk about lead {new.reference} failed" in caplog.text


def test_outage_log_holds_no_personal_data(down_repo, spool, make_lead, caplog):
    new = make_lead()
    with caplog.at_level(logging.ERROR, logger="clinic.leads.service"):
        submit_lead(lambda: down_repo, spool, new)
    assert new.reference in caplog.text
    for personal in ("Jane", "+19145550123", "(914)", "jane@example.com"):
        assert personal not in caplog.text


class RefusingRepository:
    """The real repository, except that the database refuses the leads named in `refused`."""

    def __init__(self, repo: LeadRepository, refused: dict[str, Exception]) -> None:
        self.repo = repo
        self.refused = refused

    def submit(self, new):
        if new.reference in self.refused:
            raise self.refused[new.reference]
        return self.repo.submit(new)


def age(path, hours: float) -> None:
    moment = time.time() - hours * 3600
    os.utime(path, (moment, moment))


def test_spool_one_bad_record_does_not_stop_later_ones(repo, spool, make_lead, caplog):
    """Finding 13: one bad spool record does not stop the flush."""
    leads = [make_lead(conversation_id=f"c{number}") for number in range(4)]
    for hours, new in zip((4, 3, 2, 1), leads, strict=True):
        spool.put(new)
        age(spool.directory / f"{new.idempotency_key}.json", hours)
    refusing = RefusingRepository(
        repo,
        {
            leads[0].reference: DataError("INSERT ...", None, ValueError("value too long")),
            leads[2].reference: StatementError("cannot bind", "INSERT ...", None, TypeError()),
        },
    )
    with caplog.at_level(logging.ERROR, logger="clinic.leads.spool"):
        assert spool.flush(refusing) == 2
    assert spool.pending() == []
    assert repo.get(leads[1].reference) is not None
    assert repo.get(leads[3].reference) is not None
    assert sorted(path.name for path in spool.failed()) == sorted(
        f"{new.idempotency_key}.json" for new in (leads[0], leads[2])
    )
    assert "refused by the database: DataError" in caplog.text
    assert "Jane" not in caplog.text


def test_spool_one_bad_record_an_outage_still_stops_the_flush(down_repo, spool, make_lead):
    spool.put(make_lead(conversation_id="a"))
    assert spool.flush(down_repo) == 0
    assert len(spool.pending()) == 1
    assert spool.failed() == []


def test_spool_status_reports_backlog_failed_and_stale_temporary_files(spool, repo, make_lead):
    assert spool.status() == SpoolStatus(0, None, 0, 0)
    assert not spool.status().needs_attention
    new = make_lead()
    spool.put(new)
    written = spool.directory / f"{new.idempotency_key}.json"
    age(written, 2)
    spool.directory.joinpath("broken.json").write_text("garbage", "utf-8")
    stale = spool.directory / ".tmpold.tmp"
    stale.write_text("{}", "utf-8")
    age(stale, 2)
    fresh = spool.directory / ".tmpnew.tmp"
    fresh.write_text("{}", "utf-8")

    status = spool.status()
    assert (status.pending, status.failed, status.stale_temporary) == (2, 0, 1)
    assert status.oldest_pending_at.timestamp() == pytest.approx(written.stat().st_mtime)
    assert status.needs_attention

    assert spool.flush(repo) == 1
    assert sorted(path.name for path in spool.failed()) == ["broken.json", "tmpold.tmp"]
    assert fresh.exists()
    assert spool.status() == SpoolStatus(0, None, 2, 0)


def test_spool_failed_files_are_purged_after_the_retention(spool):
    spool.failed_directory.mkdir(parents=True)
    old = spool.failed_directory / "old.json"
    old.write_text("garbage", "utf-8")
    age(old, 24 * 40)
    recent = spool.failed_directory / "recent.json"
    recent.write_text("garbage", "utf-8")
    cutoff = datetime.now(timezone.utc) - timedelta(days=30)
    assert spool.purge_failed_older_than(cutoff) == 1
    assert spool.failed() == [recent]


def test_spool_stale_temporary_files_are_moved_aside_by_the_periodic_flush(repo, spool):
    spool.directory.mkdir()
    stale = spool.directory / ".tmpold.tmp"
    stale.write_text("{}", "utf-8")
    age(stale, 2)
    assert flush_spool(lambda: repo, spool) == 0
    assert [path.name for path in spool.failed()] == ["tmpold.tmp"]
    assert spool.status().stale_temporary == 0
