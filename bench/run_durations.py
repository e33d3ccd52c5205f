"""Where a test run's wall time goes: pytest's `--durations=0` lines summed by test module and
by test directory (setup, call and teardown apart), for docs/testing.md.

Usage: make test PYTEST_ARGS="--durations=0" | tee run.log
       .venv/bin/python -m bench.run_durations run.log
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# "12.34s call     tests/e2e/test_rest_booking.py::test_cancel[x]"
DURATION_LINE = re.compile(r"^\s*(\d+(?:\.\d+)?)s (setup|call|teardown)\s+(\S+?\.py)(?:::|\s|$)")
PHASES = ("setup", "call", "teardown")


@dataclass
class Seconds:
    by_phase: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PHASES, 0.0))

    @property
    def total(self) -> float:
        return sum(self.by_phase.values())


def durations(lines: Iterable[str]) -> dict[str, Seconds]:
    """Seconds by test module (its path) and phase, from pytest's durations lines."""
    modules: dict[str, Seconds] = defaultdict(Seconds)
    for line in lines:
        match = DURATION_LINE.match(line)
        if match:
            seconds, phase, module = match.groups()
            modules[module].by_phase[phase] += float(seconds)
    return dict(modules)


def by_directory(modules: dict[str, Seconds]) -> dict[str, Seconds]:
    """The modules' seconds summed by their directory (tests/e2e, tests/unit/booking, ...)."""
    directories: dict[str, Seconds] = defaultdict(Seconds)
    for module, seconds in modules.items():
        directory = module.rsplit("/", 1)[0] if "/" in module else "."
        for phase, value in seconds.by_phase.items():
            directories[directory].by_phase[phase] += value
    return dict(directories)


def table(rows: dict[str, Seconds], title: str) -> str:
    lines = [f"| {title} | setup s | call s | teardown s | total s |", "|---|---:|---:|---:|---:|"]
    ordered = sorted(rows.items(), key=lambda row: row[1].total, reverse=True)
    for name, seconds in ordered:
        phases = " | ".join(f"{seconds.by_phase[phase]:.1f}" for phase in PHASES)
        lines.append(f"| {name} | {phases} | {seconds.total:.1f} |")
    total = sum(seconds.total for seconds in rows.values())
    lines.append(f"| all | | | | {total:.1f} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", type=Path, help="pytest's output of a run with --durations=0")
    args = parser.parse_args(argv)
    modules = durations(args.log.read_text(encoding="utf-8", errors="replace").splitlines())
    print(table(by_directory(modules), "directory"))
    print()
    print(table(modules, "module"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
