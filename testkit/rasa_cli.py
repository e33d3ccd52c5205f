"""Running the project's Rasa CLI from tests, from the repository root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
MODEL = REPO_ROOT / "models" / "proclinix.tar.gz"
RASA = Path(sys.executable).parent / "rasa"


def rasa_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return env


def run_rasa(*args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return _run([str(RASA), *args], timeout)


def run_module(module: str, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """`python -m module args` of the project (a bench module, say), as `run_rasa` runs Rasa."""
    return _run([sys.executable, "-m", module, *args], timeout)


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=rasa_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def trained_model() -> Path:
    """The model `make test` trains before running pytest."""
    if not MODEL.is_file():
        raise AssertionError(f"no trained model at {MODEL}: run `make test`, which trains it")
    return MODEL
