"""Finding 9: scripts/as-service-user.sh runs a command as an unprivileged user, and makes a folder
it needs under one closed to other users (pyenv's Python under /root, 0700) reachable in the
command's own mount namespace only, showing nothing else of the closed folder. Needs root (and the
right to make a mount namespace), as the production profile does."""

from __future__ import annotations

import os
import pwd
import subprocess
from pathlib import Path

import pytest

from clinic.paths import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "as-service-user.sh"
USER = "nobody"
USER_GROUP = pwd.getpwnam(USER).pw_gid

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="starts a command as another user")


def run_as_nobody(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "--", str(SCRIPT), USER, *arguments],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.fixture
def closed(tmp_path: Path) -> Path:
    """A folder only root may enter, holding a needed folder (with a file) and a private file."""
    folder = tmp_path / "closed"
    (folder / "python" / "bin").mkdir(parents=True)
    (folder / "python" / "bin" / "tool").write_text("the interpreter\n")
    (folder / "python" / "bin" / "tool").chmod(0o644)
    (folder / "python").chmod(0o755)
    (folder / "python" / "bin").chmod(0o755)
    (folder / "secret").write_text("root's own\n")
    folder.chmod(0o700)
    return folder


def test_finding_9_the_command_runs_as_the_user_with_no_other_group(closed):
    result = run_as_nobody(str(closed / "python"), "--", "id", "-un")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == USER
    groups = run_as_nobody(str(closed / "python"), "--", "id", "-G")
    assert groups.stdout.split() == [str(USER_GROUP)]


def test_finding_9_a_needed_folder_under_a_closed_one_is_reachable_and_nothing_else(closed):
    tool = closed / "python" / "bin" / "tool"
    result = run_as_nobody(str(closed / "python"), "--", "cat", str(tool))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "the interpreter\n"
    listing = run_as_nobody(str(closed / "python"), "--", "ls", "-A", str(closed))
    assert listing.stdout.split() == ["python"]
    assert run_as_nobody(str(closed / "python"), "--", "cat", str(closed / "secret")).returncode
    # Outside the command's namespace nothing changed.
    assert sorted(path.name for path in closed.iterdir()) == ["python", "secret"]
    assert closed.stat().st_mode & 0o777 == 0o700


def test_finding_9_without_the_script_the_folder_stays_out_of_reach(closed):
    result = subprocess.run(
        ["setpriv", f"--reuid={USER}", f"--regid={USER_GROUP}", "--clear-groups", "--",
         "cat", str(closed / "python" / "bin" / "tool")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode != 0 and "Permission denied" in result.stderr
