"""Rasa sends usage telemetry and crash reports to Rasa's servers by default; every way the
project starts Rasa turns that off unless the clinic sets RASA_TELEMETRY_ENABLED itself.
(`python -m rasa_server_plugins.run`: tests/unit/rasa_server_plugins/test_run.py;
scripts/production.sh: the production tests read the running processes' environment.)"""

from __future__ import annotations

import os
import subprocess

import pytest

from clinic.paths import REPO_ROOT

TELEMETRY_ENV = "RASA_TELEMETRY_ENABLED"


def _without_setting() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name != TELEMETRY_ENV}


@pytest.mark.parametrize(("given", "expected"), [(None, "false"), ("true", "true")])
def test_the_run_and_shell_scripts_turn_telemetry_off(tmp_path, given, expected):
    env = _without_setting()
    if given is not None:
        env[TELEMETRY_ENV] = given
    # services.sh works relative to the current folder (var/): a scratch folder here.
    shown = subprocess.run(
        ["bash", "-c", f'source "{REPO_ROOT}/scripts/services.sh" && printenv {TELEMETRY_ENV}'],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    assert shown.stdout.strip() == expected


def test_every_make_target_turns_telemetry_off():
    shown = subprocess.run(
        ["make", "-s", "--no-print-directory", "-f", "Makefile", "-f", "-", "telemetry"],
        input=f"telemetry:\n\t@printenv {TELEMETRY_ENV}\n",
        cwd=REPO_ROOT, env=_without_setting(), capture_output=True, text=True, timeout=30,
        check=True,
    )  # fmt: skip
    assert shown.stdout.strip() == "false"
