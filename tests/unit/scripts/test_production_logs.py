"""Finding 14: `scripts/production.sh rotate-logs` caps the services' logs: a log over its size is
copied aside and emptied in place (a service appending to it carries on), at most KEEP copies
are kept, and a log under the cap is left alone. Starts no service."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from clinic.paths import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "production.sh"
MAX_BYTES = 100
KEEP = 2


def rotate(var_dir: Path) -> None:
    environment = {
        **os.environ,
        "PRODUCTION_VAR_DIR": str(var_dir),
        "PRODUCTION_LOG_MAX_BYTES": str(MAX_BYTES),
        "PRODUCTION_LOG_KEEP": str(KEEP),
    }
    subprocess.run(["bash", str(SCRIPT), "rotate-logs"], env=environment, check=True, timeout=60)


def test_finding_14_a_log_over_its_cap_is_rotated_and_the_writer_carries_on(tmp_path):
    log_dir = tmp_path / "log"
    log_dir.mkdir()
    big, small = log_dir / "rasa1.log", log_dir / "site.log"
    small.write_text("short\n")
    with big.open("a") as writer:
        for round_number in range(4):
            writer.write(f"round {round_number} " + "x" * MAX_BYTES + "\n")
            writer.flush()
            rotate(tmp_path)
        writer.write("after\n")
    assert big.read_text() == "after\n"
    assert (log_dir / "rasa1.log.1").read_text().startswith("round 3 ")
    assert (log_dir / "rasa1.log.2").read_text().startswith("round 2 ")
    assert not (log_dir / "rasa1.log.3").exists()
    assert stat.S_IMODE((log_dir / "rasa1.log.1").stat().st_mode) == 0o600
    assert small.read_text() == "short\n"
    assert not (log_dir / "site.log.1").exists()
