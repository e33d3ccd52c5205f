"""The floors tests' figures, computed once a session (bench/floor_figures.py: both benches side by
side) for both test_nlu_floors.py and test_triage_floors.py."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from typing import Any

import pytest

from testkit.rasa_cli import run_module, trained_model


@dataclass(frozen=True)
class FloorFigures:
    run: subprocess.CompletedProcess[str]
    nlu: dict[str, Any]
    triage: dict[str, Any]


@pytest.fixture(scope="session")
def floor_figures(tmp_path_factory: pytest.TempPathFactory) -> FloorFigures:
    folder = tmp_path_factory.mktemp("floors")
    nlu, triage = folder / "nlu.json", folder / "triage.json"
    result = run_module("bench.floor_figures", str(trained_model()), str(nlu), str(triage))
    assert result.returncode == 0, result.stderr[-5000:]
    return FloorFigures(result, json.loads(nlu.read_text()), json.loads(triage.read_text()))
