"""CPU time of a server process and its children, read from /proc (Linux).

The load bench reads it before and after each load: the CPU milliseconds each service spends per
answered turn, which on a saturated machine is what bounds the turns per second (2 cores give
2,000 ms of CPU a second). Unlike a latency, it hardly moves when other work shares the cores.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.load_memory import tree_total

PROC = Path("/proc")
# /proc/<pid>/stat after the ")" that closes the command name: field 3 (state) first, so utime,
# stime, cutime and cstime (fields 14 to 17) are items 11 to 14.
TIMES = slice(11, 15)


def process_cpu_seconds(pid: int) -> float:
    """User and system CPU of one process, with that of the children it has waited for; 0 when
    the process is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return 0.0
    fields = stat[stat.rfind(")") + 2 :].split()
    return sum(int(ticks) for ticks in fields[TIMES]) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU of a process and all its live descendants (a server's workers, PostgreSQL's backends)."""
    return tree_total(pid, process_cpu_seconds)


def cpu_used(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """CPU seconds each service used between two readings."""
    used = {}
    for name, now in after.items():
        earlier = before.get(name, 0.0)
        # A service restarted during the load (a fault test's) counts again from 0.
        used[name] = now - earlier if now >= earlier else now
    return used
