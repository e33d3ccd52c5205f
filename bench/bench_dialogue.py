"""Dialogue bench: multi-turn conversations played over REST against the `make run` shape.

Usage: .venv/bin/python -m bench.bench_dialogue [SET] [--model PATH] [--output PATH]
       [--show-failures]

SET is a conversation file or a folder of them (testkit/dialogue.py describes the format); by
default tests/dialogue/heldout if it is there, else the suite tests/dialogue/suite.yml. The action
server and Rasa (the project's tracker store on a fresh SQLite file, Rasa's HTTP API open to a
token made for the run) are started here as the end-to-end tests start them, on the ports moved by
env E2E_PORT_OFFSET, and stopped at the end. Conversations are played one after another, each on a
sender id of its own.

Prints: conversations passing end to end; follow-ups resolved to the right topic (the turns after
the first of `followup` conversations that expect an FAQ topic); typed yes/no after an offer
doing what it should (bench/dialogue_figures.py); bookings completed (the turn expecting
`booking_done` got it and exactly one lead was stored); turn latency median and p95. The failing
conversations are listed by id (--show-failures prints what was said, expected and labelled).
Everything, each turn's labels too, goes to results/bench_dialogue.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import signal
import sys
import time
from pathlib import Path

from bench.dialogue_figures import figures, latencies
from testkit.dialogue import Assistant, ConversationResult, load_conversations, play_all
from testkit.stack import REPO_ROOT, Stack, StackError, StackPorts

HELDOUT = REPO_ROOT / "tests" / "dialogue" / "heldout"
SUITE = REPO_ROOT / "tests" / "dialogue" / "suite.yml"
WORK_DIR = REPO_ROOT / "build" / "bench-dialogue"
PORTS = StackPorts(rasa=5114, actions=5164, site=8194, staff=8195)
START_TIMEOUT_SECONDS = 300.0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "set",
        nargs="?",
        type=Path,
        default=HELDOUT if HELDOUT.exists() else SUITE,
        help="a conversation file or folder (default: tests/dialogue/heldout, else the suite)",
    )
    parser.add_argument("--model", type=Path, help="the Rasa model (default: the newest)")
    parser.add_argument(
        "--output", type=Path, default=REPO_ROOT / "results" / "bench_dialogue.json"
    )
    parser.add_argument(
        "--show-failures", action="store_true", help="print each failing conversation"
    )
    return parser.parse_args(argv)


def outcome(result: ConversationResult) -> dict[str, object]:
    return {
        "id": result.conversation.id,
        "kind": result.conversation.kind,
        "file": result.conversation.source,
        "ok": result.ok,
        "leads": result.leads,
        "turns": [
            {
                "ok": turn.ok,
                "expect": sorted(turn.turn.any_of),
                "expect_all": sorted(turn.turn.all_of),
                "labels": sorted(turn.labels),
                "ms": round(turn.seconds * 1000, 1),
            }
            for turn in result.turns
        ],
    }


def run(args: argparse.Namespace) -> list[ConversationResult]:
    conversations = load_conversations(args.set)
    print(
        f"Dialogue bench {time.strftime('%Y-%m-%d %H:%M')} ({os.cpu_count()} cores, "
        f"{platform.python_version()}): {len(conversations)} conversations from {args.set}",
        flush=True,
    )
    token = secrets.token_hex(16)
    with Stack(
        work_dir=WORK_DIR,
        log_dir=WORK_DIR / "log",
        staff_secret_key=secrets.token_hex(16),
        ports=StackPorts.from_env(PORTS),
        model=args.model,
        api_token=token,
    ) as stack:
        # Fresh stores: earlier runs' conversations would slow the tracker store down.
        for store in ("rasa_tracker.sqlite3", "leads.sqlite3"):
            (WORK_DIR / store).unlink(missing_ok=True)
        stack.start(("actions", "rasa"), timeout=START_TIMEOUT_SECONDS)
        assistant = Assistant(stack.ports.rasa, token, stack.leads_db_url)
        return play_all(conversations, assistant, prefix="bench-dialogue")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # A stopped bench still stops the servers it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        results = run(args)
    except StackError as error:
        print(f"could not start the assistant: {error}", file=sys.stderr)
        return 1
    rows = figures(results)
    timing = latencies(results)
    print()
    for row in rows:
        print(row.line())
    if timing:
        print(f"turn latency: median {timing['median_ms']:.0f} ms, p95 {timing['p95_ms']:.0f} ms")
    failing = [result for result in results if not result.ok]
    if failing:
        print("failing: " + ", ".join(result.conversation.id for result in failing))
    if args.show_failures:
        for result in failing:
            print()
            print(result.report())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "set": str(args.set),
                "figures": [
                    {"name": row.name, "passed": row.passed, "total": row.total, "share": row.share}
                    for row in rows
                ],
                "latency": timing,
                "conversations": [outcome(result) for result in results],
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
