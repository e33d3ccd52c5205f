"""`make train` retrains when the model's inputs change by name or content, not only by time: a
file moved in with an old time (git mv, cp -p) or a file removed makes the model stale."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from clinic.paths import REPO_ROOT

STAMP = ".stamps/model-inputs"
LONG_AGO = 1_000_000_000  # 2001: older than any stamp


def _tree(root: Path) -> None:
    shutil.copy(REPO_ROOT / "Makefile", root / "Makefile")
    for name in ("config.yml", "data/nlu.yml", "components/x.py", "clinic/text/minilm_encoder.py"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {name}\n", encoding="utf-8")
    (root / "domain.yml").mkdir()
    (root / "domain.yml" / "intents.yml").write_text("intents: []\n", encoding="utf-8")


def _refresh(root: Path) -> tuple[int, str]:
    subprocess.run(
        ["make", "--no-print-directory", STAMP], cwd=root, check=True, capture_output=True,
        timeout=60,
    )  # fmt: skip
    stamp = root / STAMP
    return stamp.stat().st_mtime_ns, stamp.read_text(encoding="utf-8")


def test_the_inputs_stamp_changes_only_with_the_inputs(tmp_path):
    _tree(tmp_path)
    first = _refresh(tmp_path)
    assert "data/nlu.yml" in first[1]
    assert _refresh(tmp_path) == first

    moved_in = tmp_path / "data" / "triage" / "round10" / "red_flags.yml"
    moved_in.parent.mkdir(parents=True)
    moved_in.write_text("examples: []\n", encoding="utf-8")
    os.utime(moved_in, (LONG_AGO, LONG_AGO))
    second = _refresh(tmp_path)
    assert "data/triage/round10/red_flags.yml" in second[1]
    assert second[0] != first[0]

    moved_in.unlink()
    third = _refresh(tmp_path)
    assert "round10" not in third[1]
    assert third[0] != second[0]


def test_two_makes_at_once_both_write_the_stamp(tmp_path):
    _tree(tmp_path)
    command = ["make", "--no-print-directory", STAMP]
    makes = [
        subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    results = [make.communicate(timeout=60) + (make.returncode,) for make in makes]

    assert [returncode for _, _, returncode in results] == [0] * 4, results
    assert "data/nlu.yml" in (tmp_path / STAMP).read_text(encoding="utf-8")
    assert list((tmp_path / ".stamps").iterdir()) == [tmp_path / STAMP]
