"""What the load bench runs against, each started and stopped by the bench:

- `run`: the `make run` shape (action server and one Rasa process with the project's tracker store
  on a SQLite file), started like the end-to-end tests start it (testkit/stack.py), on the
  ports moved by env E2E_PORT_OFFSET;
- `starter`: Rasa's starter bot (`rasa init`: default pipeline, in-memory tracker, no action
  server), created and trained once into build/starter-bot, on port 5006 + E2E_PORT_OFFSET
  (env BENCH_STARTER_PORT overrides);
- `production`: the production profile, started and stopped by `scripts/production.sh start|stop`
  with PRODUCTION_PORT (nginx, default 8088 + E2E_PORT_OFFSET), PRODUCTION_PUBLIC_REST=1 (the REST
  webhook open through nginx) and PRODUCTION_VAR_DIR (its state, default
  build/bench-load/production). Its processes are those of the `*.pid` files in that folder.
  Skipped when the script is not there.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from testkit.processes import TargetError, launch, stop, wait_until_answers
from testkit.stack import PORT_OFFSET_ENV, Stack

ROOT = Path(__file__).resolve().parents[1]
WORK_DIR = ROOT / "build" / "bench-load"
STARTER_DIR = ROOT / "build" / "starter-bot"
PRODUCTION_SCRIPT = ROOT / "scripts" / "production.sh"
REST_PATH = "/webhooks/rest/webhook"
START_TIMEOUT_SECONDS = 300.0
STARTER_TRAIN_TIMEOUT_SECONDS = 900.0
BENCH_CHAT_RATE = "100000r/s"
BENCH_CHAT_BURST = "100000"
BENCH_CONN_PER_ADDRESS = "60000"


class SkipTarget(RuntimeError):
    """The target cannot run here; the message says why."""


class Target(Protocol):
    name: str

    def start(self) -> str:
        """Start the target; the URL of its REST webhook."""

    def process_ids(self) -> dict[str, int]: ...

    def stop(self) -> None: ...


def port_offset() -> int:
    return int(os.environ.get(PORT_OFFSET_ENV) or 0)


@dataclass
class RunTarget:
    name: str = "run"
    _stack: Stack | None = None

    def start(self) -> str:
        work_dir = WORK_DIR / self.name
        self._stack = Stack(
            work_dir=work_dir,
            log_dir=work_dir / "log",
            staff_secret_key=secrets.token_hex(16),
        )
        # A fresh conversation store: earlier runs' conversations would make it slower.
        (work_dir / "rasa_tracker.sqlite3").unlink(missing_ok=True)
        self._stack.start(("actions", "rasa"), timeout=START_TIMEOUT_SECONDS)
        return f"http://127.0.0.1:{self._stack.ports.rasa}{REST_PATH}"

    def process_ids(self) -> dict[str, int]:
        return self._stack.process_ids() if self._stack else {}

    def stop(self) -> None:
        if self._stack:
            self._stack.stop()


def starter_model() -> Path:
    """The starter bot's trained model, created with `rasa init` on first use."""
    models = sorted((STARTER_DIR / "models").glob("*.tar.gz"))
    if models:
        return models[-1]
    STARTER_DIR.mkdir(parents=True, exist_ok=True)
    print(f"Creating and training Rasa's starter bot in {STARTER_DIR} (once)", flush=True)
    subprocess.run(
        [sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", "."],
        cwd=STARTER_DIR,
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        timeout=STARTER_TRAIN_TIMEOUT_SECONDS,
    )
    return starter_model()


@dataclass
class StarterTarget:
    name: str = "starter"
    _process: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        model = starter_model()
        port = int(os.environ.get("BENCH_STARTER_PORT") or 5006 + port_offset())
        log = WORK_DIR / self.name / "rasa.log"
        self._process = launch(
            [
                sys.executable,
                "-m",
                "rasa",
                "run",
                "--model",
                str(model),
                "--credentials",
                "credentials.yml",
                "--interface",
                "127.0.0.1",
                "--port",
                str(port),
            ],  # fmt: skip
            cwd=STARTER_DIR,
            log_path=log,
        )
        url = f"http://127.0.0.1:{port}"
        wait_until_answers(f"{url}/", START_TIMEOUT_SECONDS, self._process, str(log))
        return f"{url}{REST_PATH}"

    def process_ids(self) -> dict[str, int]:
        return {"rasa": self._process.pid} if self._process else {}

    def stop(self) -> None:
        if self._process:
            stop(self._process)


@dataclass
class ProductionTarget:
    name: str = "production"
    _env: dict[str, str] = field(default_factory=dict)

    @property
    def var_dir(self) -> Path:
        return Path(self._env["PRODUCTION_VAR_DIR"])

    def start(self) -> str:
        if not PRODUCTION_SCRIPT.is_file():
            raise SkipTarget("scripts/production.sh is not there; skipping the production target")
        port = os.environ.get("PRODUCTION_PORT") or str(8088 + port_offset())
        var_dir = os.environ.get("PRODUCTION_VAR_DIR") or str(WORK_DIR / self.name)
        self._env = {
            **os.environ,
            "PRODUCTION_PORT": port,
            "PRODUCTION_PUBLIC_REST": "1",
            "PRODUCTION_VAR_DIR": var_dir,
            # Every bench visitor comes from 127.0.0.1 and a closed loop sends without pause:
            # nginx's per-address limit for the public (10 r/s) would refuse most of the load.
            "PRODUCTION_CHAT_RATE": BENCH_CHAT_RATE,
            "PRODUCTION_CHAT_BURST": BENCH_CHAT_BURST,
            # Every bench visitor comes from this machine's one address.
            "PRODUCTION_CONN_PER_ADDRESS": BENCH_CONN_PER_ADDRESS,
        }
        self._script("start")
        url = f"http://127.0.0.1:{port}"
        wait_until_answers(f"{url}/", START_TIMEOUT_SECONDS, log=f"{var_dir}/log")
        return f"{url}{REST_PATH}"

    def process_ids(self) -> dict[str, int]:
        if not self._env:
            return {}
        found = {}
        for pid_file in sorted(self.var_dir.rglob("*.pid")):
            text = pid_file.read_text(encoding="ascii", errors="replace").split()
            if text and text[0].isdigit():
                found[pid_file.stem] = int(text[0])
        return found

    def stop(self) -> None:
        if self._env:
            self._script("stop")

    def _script(self, command: str) -> None:
        try:
            subprocess.run(
                [str(PRODUCTION_SCRIPT), command],
                cwd=ROOT,
                env=self._env,
                check=True,
                stdin=subprocess.DEVNULL,
                timeout=START_TIMEOUT_SECONDS,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise TargetError(f"scripts/production.sh {command} failed: {error}") from error


TARGETS: dict[str, type[RunTarget] | type[StarterTarget] | type[ProductionTarget]] = {
    "run": RunTarget,
    "starter": StarterTarget,
    "production": ProductionTarget,
}
