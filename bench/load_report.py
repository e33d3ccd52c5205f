"""Rows of the load bench and their two forms: a terminal table and docs/performance.md's table."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bench.load_client import LoadResult
from bench.load_visitors import BOOKING, FAQ

MIB = 1024 * 1024
HEADERS = (
    "target",
    "load",
    "turns/s",
    "p50",
    "p95",
    "p99",
    f"p95 {FAQ} / {BOOKING} turns",
    "errors",
    "CPU per turn",
    "resident memory",
)


@dataclass(frozen=True)
class Row:
    target: str
    result: LoadResult
    memory: dict[str, int]
    # CPU seconds each of the target's services used during the load.
    cpu: dict[str, float] = field(default_factory=dict)

    def cells(self) -> tuple[str, ...]:
        result = self.result
        return (
            self.target,
            result.label,
            f"{result.turns_per_second:.1f}",
            milliseconds(result.percentile(0.50)),
            milliseconds(result.percentile(0.95)),
            milliseconds(result.percentile(0.99)),
            f"{milliseconds(result.kind_percentile(FAQ, 0.95))} / "
            f"{milliseconds(result.kind_percentile(BOOKING, 0.95))}",
            f"{result.errors} / {len(result.latencies) + result.errors}",
            cpu_text(self.cpu, len(result.latencies)),
            memory_text(self.memory),
        )


def milliseconds(seconds: float) -> str:
    return "-" if math.isnan(seconds) else f"{seconds * 1000:.0f} ms"


def cpu_text(cpu: dict[str, float], turns: int) -> str:
    """Each service's CPU milliseconds per answered turn, then their sum."""
    if not cpu or not turns:
        return "-"
    per_turn = {name: seconds * 1000 / turns for name, seconds in cpu.items()}
    parts = [f"{name} {milliseconds:.1f}" for name, milliseconds in per_turn.items()]
    return ", ".join(parts) + f" = {sum(per_turn.values()):.1f} ms"


def memory_text(memory: dict[str, int]) -> str:
    return ", ".join(f"{name} {size / MIB:.0f} MiB" for name, size in memory.items()) or "-"


def terminal_table(rows: list[Row]) -> str:
    lines = [HEADERS, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(len(HEADERS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def markdown_table(rows: list[Row], title: str) -> str:
    lines = [
        title,
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
        *("| " + " | ".join(row.cells()) + " |" for row in rows),
    ]
    return "\n".join(lines)
