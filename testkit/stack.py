"""Starts the whole assistant for end-to-end tests and stops it again.

Services, each a child process in its own process group with its log under the log directory:
action server, Rasa (socket.io channel, the project's tracker store on a SQLite file in the work
directory, as `make run` has it), demo site, staff page. All of them share one LEADS_DB_URL: a
SQLite file in the work directory that the test can open itself.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from clinic.action_token import ACTION_TOKEN_ENV, ACTION_TOKEN_HEADER
from clinic.db.engine import upgrade
from testkit.processes import STOP_GRACE_SECONDS, answers

REPO_ROOT = Path(__file__).resolve().parents[1]
MODEL_ENV = "E2E_MODEL"
PORT_OFFSET_ENV = "E2E_PORT_OFFSET"
ALL_SERVICES = ("actions", "rasa", "site", "staff")
NOTIFY_ENV = ("LEADS_NOTIFY_TO", "LEADS_SMTP_HOST")


class StackError(RuntimeError):
    """A service could not be started; the message names its log."""


@dataclass(frozen=True)
class StackPorts:
    rasa: int = 5005
    actions: int = 5055
    site: int = 8080
    staff: int = 8081

    @classmethod
    def from_env(cls, base: StackPorts | None = None) -> StackPorts:
        """`base` (the usual ports by default), each moved by env E2E_PORT_OFFSET when `make run`
        or another checkout's tests hold them."""
        offset = int(os.environ.get(PORT_OFFSET_ENV) or 0)
        defaults = base or cls()
        return cls(**{port.name: getattr(defaults, port.name) + offset for port in fields(cls)})


# The first shared stack's ports (SharedStacks): away from `make run`'s, the production profile's
# and those of every test module that starts a stack of its own.
SHARED_PORTS = StackPorts(rasa=6205, actions=6255, site=9280, staff=9281)


@dataclass
class _Service:
    name: str
    process: subprocess.Popen[bytes]
    ready_url: str
    log_path: Path


def find_model(explicit: str | None = None) -> Path:
    """The model to serve: env E2E_MODEL (a file or a folder of models), else <repo>/models."""
    candidate = Path(explicit or os.environ.get(MODEL_ENV) or REPO_ROOT / "models")
    if candidate.is_file():
        return candidate
    models = sorted(candidate.glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    if not models:
        raise StackError(
            f"no trained Rasa model in {candidate}: train one (make train) or point {MODEL_ENV} "
            "at a model file"
        )
    return models[-1]


@dataclass
class Stack:
    work_dir: Path
    log_dir: Path
    staff_secret_key: str
    ports: StackPorts = field(default_factory=StackPorts.from_env)
    model: Path | None = None
    # The secret Rasa sends to the action server, as `make run` creates it.
    action_token: str = field(default_factory=lambda: secrets.token_hex(32))
    session_secret: str = field(default_factory=lambda: secrets.token_hex(32))
    # Settings a test gives every service on top of the stack's own, e.g. STAFF_TRUSTED_PROXIES.
    extra_env: Mapping[str, str] = field(default_factory=dict)
    # Given, Rasa opens its HTTP API (/conversations/<id>/tracker) to requests with this token.
    api_token: str | None = None
    _services: list[_Service] = field(default_factory=list, init=False)

    @property
    def leads_db_url(self) -> str:
        return f"sqlite:///{self.work_dir / 'leads.sqlite3'}"

    @property
    def tracker_db_url(self) -> str:
        return f"sqlite:///{self.work_dir / 'rasa_tracker.sqlite3'}"

    @property
    def site_url(self) -> str:
        return f"http://localhost:{self.ports.site}"

    @property
    def staff_url(self) -> str:
        return f"http://localhost:{self.ports.staff}"

    @property
    def socket_url(self) -> str:
        return f"http://localhost:{self.ports.rasa}"

    def start(self, services: Iterable[str] = ALL_SERVICES, timeout: float = 240.0) -> None:
        """Starts those of `services` not running yet, in dependency order, and returns once
        every one of them answers."""
        requested = set(services)
        running = {service.name for service in self._services}
        wanted = [name for name in ALL_SERVICES if name in requested and name not in running]
        if not wanted:
            return
        self._check_ports_free(wanted)
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        if not running:
            self.prepare_database()
        try:
            launched = [self._launch(name) for name in wanted]
            deadline = time.monotonic() + timeout
            for service in launched:
                _wait_until_ready(service, deadline)
        except BaseException:
            self.stop()
            raise

    def process_ids(self) -> dict[str, int]:
        """The process id of each running service, by name."""
        return {service.name: service.process.pid for service in self._services}

    def stop(self) -> None:
        stop_stacks([self])

    def __enter__(self) -> Stack:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def prepare_database(self) -> None:
        """Create or migrate the leads database (safe to call more than once)."""
        self.work_dir.mkdir(parents=True, exist_ok=True)
        upgrade(self.leads_db_url)

    def _environment(self) -> dict[str, str]:
        env = {name: value for name, value in os.environ.items() if name not in NOTIFY_ENV}
        env.update(
            LEADS_DB_URL=self.leads_db_url,
            LEADS_SPOOL_DIR=str(self.work_dir / "spool"),
            CHAT_SOCKET_URL=self.socket_url,
            STAFF_SECRET_KEY=self.staff_secret_key,
            ACTION_SERVER_TOKEN=self.action_token,
            SESSION_ID_SECRET=self.session_secret,
            # The staff page reads conversations from the tracker store Rasa writes.
            RASA_ENDPOINTS_FILE=str(self._write_endpoints()),
            PYTHONUNBUFFERED="1",
        )
        # As the Makefile and scripts/services.sh do: nothing to Rasa's telemetry servers.
        env.setdefault("RASA_TELEMETRY_ENABLED", "false")
        env.update(self.extra_env)
        return env

    def _command(self, name: str) -> tuple[list[str], str]:
        python = sys.executable
        if name == "actions":
            port = self.ports.actions
            command = [python, "-m", "rasa", "run", "actions", "--actions", "actions"]
            return [*command, "--port", str(port)], f"http://127.0.0.1:{port}/health"
        if name == "rasa":
            port = self.ports.rasa
            command = [
                python, "-m", "rasa", "run",
                "--model", str(self.model or find_model()),
                "--credentials", str(REPO_ROOT / "credentials.yml"),
                "--endpoints", str(self._write_endpoints()),
                "--cors", self.site_url,
                "--interface", "127.0.0.1",
                "--port", str(port),
            ]  # fmt: skip
            if self.api_token:
                command += ["--enable-api", "--auth-token", self.api_token]
            return command, f"http://127.0.0.1:{port}/socket.io/?EIO=4&transport=polling"
        port = self.ports.site if name == "site" else self.ports.staff
        command = [python, "-m", f"clinic.web.{name}", "--port", str(port)]
        return command, f"http://127.0.0.1:{port}/"

    def _write_endpoints(self) -> Path:
        # The token comes from the environment and the tracker store is the project's, as in
        # endpoints.yml; the conversations go to a file of the work directory.
        path = self.work_dir / "endpoints.yml"
        path.write_text(
            "action_endpoint:\n"
            f'  url: "http://localhost:{self.ports.actions}/webhook"\n'
            "  enable_selective_domain: true\n"
            f"  headers:\n    {ACTION_TOKEN_HEADER}: ${{{ACTION_TOKEN_ENV}}}\n"
            "tracker_store:\n"
            "  type: rasa_server_plugins.tracker_store.FormForgettingSQLTrackerStore\n"
            "  dialect: sqlite\n"
            f"  db: {self.work_dir / 'rasa_tracker.sqlite3'}\n",
            encoding="utf-8",
        )
        return path

    def _launch(self, name: str) -> _Service:
        command, ready_url = self._command(name)
        log_path = self.log_dir / f"{name}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env=self._environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        service = _Service(name=name, process=process, ready_url=ready_url, log_path=log_path)
        self._services.append(service)
        return service

    def _check_ports_free(self, services: list[str]) -> None:
        for name in services:
            port = getattr(self.ports, name)
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    raise StackError(
                        f"port {port} for {name} is already in use (is `make run` running?)"
                    )


def _wait_until_ready(service: _Service, deadline: float) -> None:
    while True:
        if service.process.poll() is not None:
            raise StackError(
                f"{service.name} exited with code {service.process.returncode}; "
                f"see {service.log_path}"
            )
        if answers(service.ready_url):
            return
        if time.monotonic() > deadline:
            raise StackError(f"{service.name} did not answer in time; see {service.log_path}")
        time.sleep(0.5)


def write_clinic_config(
    directory: Path,
    opening_hours: Mapping[str, str] | None = None,
    phone: str = "(914) 555-0100",
) -> Path:
    """A clinic.yml for a test stack (its path, for CLINIC_CONFIG): the clinic's details and
    `opening_hours` by weekday ("09:00-17:00"); none given, the clinic is never open."""
    path = directory / "clinic.yml"
    path.write_text(clinic_config_text(opening_hours, phone), encoding="utf-8")
    return path


def clinic_config_text(
    opening_hours: Mapping[str, str] | None = None, phone: str = "(914) 555-0100"
) -> str:
    """The text of the clinic.yml that `write_clinic_config` writes."""
    lines = [
        "name: ProClinix Sport Physical Therapy & Chiropractic",
        "location: Armonk, NY",
        "timezone: America/New_York",
        f"phone: {phone}",
    ]
    if opening_hours:
        lines.append("opening_hours:")
        lines += [f'  {day}: ["{hours}"]' for day, hours in opening_hours.items()]
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def started_stack(
    name: str,
    work_dir: Path,
    ports: StackPorts,
    services: Iterable[str],
    staff_secret_key: str = "unused-here",
    extra_env: Mapping[str, str] | None = None,
    api_token: str | None = None,
) -> Iterator[Stack]:
    """Some of the stack's services for one test module, logging to test-artifacts/logs/NAME;
    stopped when the block ends. `extra_env` adds settings to every service's environment;
    `api_token` opens Rasa's HTTP API to that token."""
    with Stack(
        work_dir=work_dir,
        log_dir=REPO_ROOT / "test-artifacts" / "logs" / name,
        staff_secret_key=staff_secret_key,
        ports=ports,
        extra_env=extra_env or {},
        api_token=api_token,
    ) as running:
        running.start(services)
        yield running


@dataclass(frozen=True)
class StackSettings:
    """What a test module asks of a shared stack besides its services; the modules asking for
    equal settings get the same stack. `clinic_config` is the text of the clinic.yml the
    services read (None: the repository's clinic.yml); `api` opens Rasa's HTTP API to a random
    token (the stack's api_token)."""

    clinic_config: str | None = None
    extra_env: tuple[tuple[str, str], ...] = ()
    api: bool = False


class SharedStacks:
    """The stacks of one pytest session that test modules share: one per distinct
    StackSettings, started on first request and stopped by `stop`. A module that asks for more
    services than are running gets them started on the same stack. Each stack has ports of its
    own (SHARED_PORTS moved by its index, then by env E2E_PORT_OFFSET) and logs under
    test-artifacts/logs/shared-N-NAME, NAME being the module that started it. The modules keep
    apart by their own conversation ids, as visitors of one assistant do."""

    def __init__(self, work_root: Path) -> None:
        self._work_root = work_root
        self._stacks: dict[StackSettings, Stack] = {}

    def get(self, name: str, services: Iterable[str], settings: StackSettings) -> Stack:
        """The stack for `settings`, with at least `services` running; `name` (the asking
        module) names its log folder when it starts it."""
        stack = self._stacks.get(settings)
        if stack is None:
            stack = self._new(name, settings)
            self._stacks[settings] = stack
        stack.start(services)
        return stack

    def stop(self) -> None:
        stop_stacks(list(self._stacks.values()))
        self._stacks.clear()

    def _new(self, name: str, settings: StackSettings) -> Stack:
        index = len(self._stacks)
        label = f"shared-{index}-{name}"
        work_dir = self._work_root / label
        work_dir.mkdir(parents=True, exist_ok=True)
        extra_env = dict(settings.extra_env)
        if settings.clinic_config is not None:
            config = work_dir / "clinic.yml"
            config.write_text(settings.clinic_config, encoding="utf-8")
            extra_env["CLINIC_CONFIG"] = str(config)
        ports = StackPorts(
            rasa=SHARED_PORTS.rasa + index,
            actions=SHARED_PORTS.actions + index,
            site=SHARED_PORTS.site + 2 * index,
            staff=SHARED_PORTS.staff + 2 * index,
        )
        return Stack(
            work_dir=work_dir,
            log_dir=REPO_ROOT / "test-artifacts" / "logs" / label,
            staff_secret_key="unused-here",
            ports=StackPorts.from_env(ports),
            extra_env=extra_env,
            api_token=secrets.token_hex(16) if settings.api else None,
        )


def stop_stacks(stacks: Iterable[Stack]) -> None:
    """Stops every service of `stacks` at once: SIGTERM to each one's process group, then
    SIGKILL to whatever is left after one grace period for them all (not one after another)."""
    stacks = list(stacks)
    processes = [service.process for stack in stacks for service in reversed(stack._services)]
    for process in processes:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for process in processes:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=max(deadline - time.monotonic(), 0.0))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    for stack in stacks:
        stack._services.clear()
