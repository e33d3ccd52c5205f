"""Finding 7: the leads database, the spool and everything under var/ are the owner's only."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from clinic.db import engine
from clinic.db.engine import upgrade
from clinic.leads.spool import Spool
from clinic.paths import REPO_ROOT


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """A umask that would leave new files readable by everyone, as on many servers."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_data_files_owner_only_sqlite_database_in_a_new_folder(tmp_path):
    path = tmp_path / "data" / "leads.sqlite3"
    upgrade(f"sqlite:///{path}")
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_data_files_owner_only_existing_database_and_var_are_narrowed(tmp_path, monkeypatch):
    var = tmp_path / "var"
    var.mkdir(mode=0o755)
    path = var / "leads.sqlite3"
    path.touch(mode=0o644)
    monkeypatch.setattr(engine, "VAR_DIR", var)
    upgrade(f"sqlite:///{path}")
    assert mode(var) == 0o700
    assert mode(path) == 0o600


def test_data_files_owner_only_spool(tmp_path, make_lead):
    directory = tmp_path / "spool"
    directory.mkdir(mode=0o755)
    spool = Spool(directory)
    spool.put(make_lead())
    [written, *_] = spool.pending()
    assert mode(directory) == 0o700
    assert mode(written) == 0o600


def test_data_files_owner_only_make_run_narrows_var_and_its_logs(tmp_path):
    var = tmp_path / "var"
    (var / "log").mkdir(parents=True, mode=0o755)
    var.chmod(0o755)
    old_log = var / "log" / "rasa.log"
    old_log.write_text("old\n", encoding="utf-8")
    old_log.chmod(0o644)
    tracker = var / "rasa_tracker.sqlite3"
    tracker.touch(mode=0o644)
    script = REPO_ROOT / "scripts" / "services.sh"
    subprocess.run(
        ["bash", "-c", f'source "{script}" && echo started >var/log/actions.log'],
        cwd=tmp_path,
        check=True,
        timeout=30,
    )
    assert mode(var) == mode(var / "log") == 0o700
    for path in (old_log, tracker, var / "log" / "actions.log"):
        assert mode(path) == 0o600, path
