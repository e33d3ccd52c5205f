"""The production profile (scripts/production.sh) started for the tests, on ports moved by env
E2E_PORT_OFFSET and with its var directory in a temporary folder; every fault test starts and
stops single services of it through the same script."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from clinic.db.engine import make_engine
from clinic.leads.repository import LeadRepository, LeadView
from clinic.leads.spool import Spool
from testkit.stack import PORT_OFFSET_ENV, REPO_ROOT
from tests.production.visitors import VisitorResult

SCRIPT = REPO_ROOT / "scripts" / "production.sh"
# Away from `make run-production`'s defaults and from the other test stacks.
BASE_PORTS = {
    "PRODUCTION_PORT": 8388,
    "PRODUCTION_RASA1_PORT": 5311,
    "PRODUCTION_RASA2_PORT": 5312,
    "PRODUCTION_ACTIONS_PORT": 5365,
    "PRODUCTION_SITE_PORT": 8390,
    "PRODUCTION_STAFF_PORT": 8391,
    "PRODUCTION_PG_PORT": 54390,
    "PRODUCTION_REDIS_PORT": 6690,
    "PRODUCTION_TLS_PORT": 8743,
}
SPOOL_FLUSH_SECONDS = "2"
# A lock left by a killed instance blocks its conversations this long (Rasa's default: 60 s).
LOCK_LIFETIME_SECONDS = "15"
ACCESS_LINE = re.compile(r'^(\S+) \[[^\]]*\] "(\S+) (\S+)" (\d+) (\S+)$')


@dataclass(frozen=True)
class AccessLine:
    client: str
    method: str
    path: str
    status: int
    upstream: str


@dataclass
class Profile:
    var_dir: Path

    @property
    def environment(self) -> dict[str, str]:
        offset = int(os.environ.get(PORT_OFFSET_ENV) or 0)
        env = dict(os.environ)
        env.update({name: str(port + offset) for name, port in BASE_PORTS.items()})
        env.update(
            PRODUCTION_VAR_DIR=str(self.var_dir),
            PRODUCTION_PUBLIC_REST="1",
            LEADS_SPOOL_FLUSH_SECONDS=SPOOL_FLUSH_SECONDS,
            TICKET_LOCK_LIFETIME=LOCK_LIFETIME_SECONDS,
        )
        env.pop("LEADS_NOTIFY_TO", None)
        # scripts/production.sh itself must turn Rasa's telemetry off (the Makefile would too).
        env.pop("RASA_TELEMETRY_ENABLED", None)
        return env

    def port(self, name: str) -> int:
        return int(self.environment[f"PRODUCTION_{name.upper()}_PORT"])

    @property
    def public_port(self) -> int:
        """nginx's port."""
        return int(self.environment["PRODUCTION_PORT"])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.public_port}"

    @property
    def rasa_upstreams(self) -> tuple[str, str]:
        return (f"127.0.0.1:{self.port('rasa1')}", f"127.0.0.1:{self.port('rasa2')}")

    def start(self, *services: str, **settings: str) -> None:
        """Starts `services` (all by default); `settings` override environment variables."""
        self._script("start", *services, **settings)

    def stop(self, *services: str) -> None:
        self._script("stop", *services)

    def kill(self, service: str) -> None:
        """SIGKILL to the service's whole process group, as a crash would leave it."""
        pid_file = self.var_dir / "run" / f"{service}.pid"
        os.killpg(int(pid_file.read_text()), signal.SIGKILL)
        pid_file.unlink()

    def _script(self, *arguments: str, **settings: str) -> None:
        environment = {**self.environment, **settings}
        subprocess.run([str(SCRIPT), *arguments], env=environment, check=True, timeout=600)

    def leads(self) -> list[LeadView]:
        engine = make_engine(self.leads_url)
        try:
            return LeadRepository(engine).list()
        finally:
            engine.dispose()

    @property
    def leads_url(self) -> str:
        password = (self.var_dir / "pg_leads_password").read_text().strip()
        return f"postgresql://leads:{password}@127.0.0.1:{self.port('pg')}/leads"

    def spool(self) -> Spool:
        return Spool(self.var_dir / "spool")

    def access_log(self) -> list[AccessLine]:
        lines = (self.var_dir / "log" / "nginx-access.log").read_text().splitlines()
        matches = [ACCESS_LINE.match(line) for line in lines]
        return [AccessLine(m[1], m[2], m[3], int(m[4]), m[5]) for m in matches if m is not None]

    def upstreams_by_client(self, path_prefix: str) -> dict[str, set[str]]:
        """Which Rasa instances answered each client address on the paths under path_prefix
        (successful answers only)."""
        seen: dict[str, set[str]] = defaultdict(set)
        for line in self.access_log():
            if line.path.startswith(path_prefix) and line.status < 400:
                seen[line.client].add(line.upstream)
        return dict(seen)

    def answers_per_instance(self) -> Counter[str]:
        return Counter(
            line.upstream
            for line in self.access_log()
            if line.upstream in self.rasa_upstreams and line.status < 400
        )


def assert_one_lead_each(profile: Profile, results: list[VisitorResult]) -> None:
    """Every visitor got a reference, and has exactly one lead, under that reference."""
    without_reference = [result for result in results if result.reference is None]
    assert [(result.conversation_id, result.transcript[-3:]) for result in without_reference] == []
    ours = {result.conversation_id: result for result in results}
    leads = [lead for lead in profile.leads() if lead.conversation_id in ours]
    assert sorted(lead.conversation_id for lead in leads) == sorted(ours)
    for lead in leads:
        assert lead.reference == ours[lead.conversation_id].reference
