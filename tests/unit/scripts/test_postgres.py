"""Finding 10: `scripts/postgres.sh stop` deletes only the folder its own `start` made.

The state file used to be a predictable name in the shared temporary folder: anyone could
plant it there, naming a folder for `stop` to `rm -rf` (as root in CI). These tests plant it (a
file, or a symlink to one) both where it used to be and where it is now, and never start
PostgreSQL: `stop` must refuse before it deletes anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from clinic.paths import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "postgres.sh"
PORT = "54399"
STATE_NAME = f"leads-postgres-{PORT}.dir"


def stop(shared: Path, state_dir: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "TMPDIR": str(shared),
        "LEADS_PG_PORT": PORT,
        "LEADS_PG_STATE_DIR": str(state_dir),
    }
    return subprocess.run(
        ["bash", str(SCRIPT), "stop"], env=environment, capture_output=True, text=True, timeout=60
    )


def plant(path: Path, victim: Path, *, as_symlink: bool) -> None:
    """A state file naming `victim` at `path`, or a symlink there to one elsewhere."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if as_symlink:
        target = path.parent / f"elsewhere-{path.name}"
        target.write_text(f"{victim}\n")
        path.symlink_to(target)
    else:
        path.write_text(f"{victim}\n")


def server_folder(parent: Path) -> Path:
    """A folder as `start` makes it: a mktemp name, owned by the server's user."""
    made = subprocess.run(
        ["mktemp", "-d", f"{parent}/leads-postgres.XXXXXX"],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    )
    folder = Path(made.stdout.strip())
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    return folder


@pytest.mark.parametrize("as_symlink", [False, True], ids=["planted-file", "planted-symlink"])
@pytest.mark.parametrize("victim_name", ["precious", "leads-postgres.AbCdEf"])
def test_finding_10_stop_does_not_delete_a_folder_named_by_a_planted_state_file(
    tmp_path, as_symlink, victim_name
):
    shared, state_dir = tmp_path / "shared", tmp_path / "state"
    victim = tmp_path / victim_name
    victim.mkdir()
    (victim / "keep.txt").write_text("the operator's data")
    state_dir.mkdir(mode=0o700)
    for location in (shared / STATE_NAME, state_dir / STATE_NAME):
        plant(location, victim, as_symlink=as_symlink)

    result = stop(shared, state_dir)

    assert (victim / "keep.txt").read_text() == "the operator's data"
    assert "refusing" in result.stderr
    assert result.returncode != 0


def test_finding_10_stop_refuses_a_state_folder_that_is_a_symlink(tmp_path):
    victim = server_folder(tmp_path)
    planted = tmp_path / "planted"
    plant(planted / STATE_NAME, victim, as_symlink=False)
    state_dir = tmp_path / "state"
    state_dir.symlink_to(planted)

    result = stop(tmp_path, state_dir)

    assert victim.is_dir()
    assert "refusing" in result.stderr


def test_finding_10_stop_still_removes_the_folder_start_made(tmp_path):
    state_dir = tmp_path / "state"
    state_dir.mkdir(mode=0o700)
    workdir = server_folder(tmp_path)
    (state_dir / STATE_NAME).write_text(f"{workdir}\n")

    result = stop(tmp_path, state_dir)

    assert result.returncode == 0, result.stderr
    assert not workdir.exists()
    assert not (state_dir / STATE_NAME).exists()
