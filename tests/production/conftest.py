"""One production profile for the whole directory: started once (two Rasa instances take a
while), stopped at the end."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit.stack import REPO_ROOT
from tests.production.profile import Profile

LOG_COPY = REPO_ROOT / "test-artifacts" / "logs" / "production"


@pytest.fixture(scope="session")
def profile() -> Iterator[Profile]:
    # Not under pytest's 0700 temporary folder: as root, PostgreSQL runs as the postgres user,
    # who must pass through to its data folder.
    var_dir = Path(tempfile.mkdtemp(prefix="production-profile-"))
    var_dir.chmod(0o711)
    running = Profile(var_dir)
    try:
        running.start()
        yield running
    finally:
        running.stop()
        shutil.rmtree(LOG_COPY, ignore_errors=True)
        shutil.copytree(var_dir / "log", LOG_COPY, dirs_exist_ok=True)
        shutil.rmtree(var_dir, ignore_errors=True)
