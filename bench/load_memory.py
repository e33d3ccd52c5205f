"""Resident memory of a server process and its children, read from /proc (Linux)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

PROC = Path("/proc")
PAGE_KIB_FIELD = "VmRSS:"


def resident_bytes(pid: int) -> int:
    """VmRSS of one process in bytes; 0 when it is gone."""
    try:
        status = (PROC / str(pid) / "status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith(PAGE_KIB_FIELD):
            return int(line.split()[1]) * 1024
    return 0


def children(pid: int) -> list[int]:
    """Direct children of a process, over all its threads."""
    found: list[int] = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree_total(pid: int, measure: Callable[[int], float]) -> float:
    """`measure` summed over a process and all its live descendants (e.g. a server's workers)."""
    total, pending, seen = 0.0, [pid], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        total += measure(current)
        pending += children(current)
    return total


def tree_resident_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants (e.g. a server's workers)."""
    return int(tree_total(pid, resident_bytes))
