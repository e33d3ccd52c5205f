"""Load bench over Rasa's REST channel (`make bench-load`).

Usage: .venv/bin/python -m bench.bench_load [--targets run,starter,production]
       [--visitors 1,5,20,50] [--duration S] [--open-rate N] [--think-time S] [--open-duration S]
       [--markdown]

For each target (bench/load_targets.py), started here and stopped at the end: a few warm-up
turns, then a closed loop at each visitor count (each visitor sends its next message as soon as it
has the answer), then an open loop (visitors with an exponential think time, about --open-rate
messages per second). Prints turns per second, p50/p95/p99 latency, errors and the resident
memory of each of the target's processes after each load, and the CPU milliseconds each one
spent per answered turn during it (what bounds the turns per second on a saturated machine);
--markdown also prints the dated markdown table for docs/performance.md. Loopback only; every
load stops after its duration.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import secrets
import signal
import sys

import aiohttp

from bench.load_client import closed_loop, open_loop, send_turn
from bench.load_cpu import cpu_used, tree_cpu_seconds
from bench.load_memory import tree_resident_bytes
from bench.load_report import Row, markdown_table, terminal_table
from bench.load_targets import TARGETS, SkipTarget, Target
from testkit.processes import TargetError

WARM_UP_TURNS = 5


def comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", type=comma_list, default=list(TARGETS))
    parser.add_argument("--visitors", type=comma_list, default=["1", "5", "20", "50"])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per closed loop")
    parser.add_argument("--open-rate", type=float, default=10.0, help="messages/s; 0: none")
    parser.add_argument("--think-time", type=float, default=10.0, help="mean seconds")
    parser.add_argument("--open-duration", type=float, default=45.0)
    parser.add_argument("--markdown", action="store_true", help="also print the docs table")
    args = parser.parse_args(argv)
    unknown = set(args.targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}; choose among {list(TARGETS)}")
    args.visitors = [int(count) for count in args.visitors]
    return args


def memory_of(target: Target) -> dict[str, int]:
    return {name: tree_resident_bytes(pid) for name, pid in target.process_ids().items()}


def cpu_of(target: Target) -> dict[str, float]:
    return {name: tree_cpu_seconds(pid) for name, pid in target.process_ids().items()}


async def warm_up(url: str, run: str) -> None:
    """A few turns before measuring: the first ones load lazily built parts of the model."""
    async with aiohttp.ClientSession() as session:
        for turn in range(WARM_UP_TURNS):
            await send_turn(session, url, f"bench-{run}-warm-up", f"What is ART? {turn}")


def bench_target(target: Target, args: argparse.Namespace) -> list[Row]:
    run = secrets.token_hex(3)
    print(f"{target.name}: starting", flush=True)
    try:
        url = target.start()
        asyncio.run(warm_up(url, run))
        rows = []
        for visitors in args.visitors:
            before = cpu_of(target)
            result = asyncio.run(closed_loop(url, visitors, args.duration, f"{run}c{visitors}"))
            cpu = cpu_used(before, cpu_of(target))
            rows.append(Row(target.name, result, memory_of(target), cpu))
            print(f"  {result.label}: {len(result.latencies)} turns", flush=True)
        if args.open_rate > 0:
            before = cpu_of(target)
            result = asyncio.run(
                open_loop(url, args.open_rate, args.think_time, args.open_duration, f"{run}o")
            )
            rows.append(
                Row(target.name, result, memory_of(target), cpu_used(before, cpu_of(target)))
            )
            print(f"  {result.label}: {len(result.latencies)} turns", flush=True)
        return rows
    finally:
        target.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # A stopped bench still stops the servers it started (the `finally` of each target).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    rows: list[Row] = []
    failed = False
    for name in args.targets:
        try:
            rows += bench_target(TARGETS[name](), args)
        except SkipTarget as skip:
            print(f"{name}: skipped: {skip}", flush=True)
        except TargetError as error:
            print(f"{name}: failed: {error}", file=sys.stderr, flush=True)
            failed = True
    print()
    print(terminal_table(rows))
    if args.markdown:
        today = datetime.date.today().isoformat()
        title = (
            f"Load bench of {today}, {os.cpu_count()} cores ({platform.machine()}), closed loops "
            f"of {args.duration:g} s, open loop of {args.open_duration:g} s with "
            f"{args.think_time:g} s mean think time:"
        )
        print()
        print(markdown_table(rows, title))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
