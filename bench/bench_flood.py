"""A visitor's wait while single socket.io connections flood the production profile
(`make bench-flood`).

Usage: .venv/bin/python -m bench.bench_flood [--messages N] [--questions N]

Starts the production profile (scripts/production.sh, nginx's public limits, var directory in
build/bench-flood), then asks --questions questions over socket.io as one visitor (after
WARM_UP_QUESTIONS not counted): first on a quiet profile, then once a websocket flooder and a
polling flooder (testkit/socketio_flood.py) have sent --messages messages between them from
another address that nginx sends to the same Rasa instance as the visitor. Prints the visitor's
seconds to the first reply of each question (median, p95, most; REPLY_SECONDS when none came) for
both, and what each flooder got back. The connection budget's settings (CHAT_CONNECTION_*) are
taken from the environment, so a lifted budget can be compared. Loopback only; stops the profile
at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from bench.load_targets import PRODUCTION_SCRIPT, ROOT, START_TIMEOUT_SECONDS, port_offset
from testkit.processes import wait_until_answers
from testkit.socketio_flood import (
    Answer,
    Flooder,
    ask,
    polling_flood,
    same_instance,
    websocket_flood,
)

VAR_DIR = ROOT / "build" / "bench-flood"
FLOOD_SOURCE = "127.0.9.10"
VISITOR_CANDIDATES = [f"127.0.9.{number}" for number in range(11, 41)]
WARM_UP_QUESTIONS = 2
QUESTIONS = [
    "What is ART?",
    "How many sessions will I need?",
    "Can ART help my lower back pain?",
    "Where can I get ART?",
    "Does ART hurt?",
]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=2000, help="flood messages in all")
    parser.add_argument("--questions", type=int, default=10, help="visitor questions per phase")
    return parser.parse_args(argv)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def summary(label: str, answers: list[Answer]) -> str:
    seconds = [answer.seconds for answer in answers]
    unanswered = sum(1 for answer in answers if not answer.replies)
    median, p95 = percentile(seconds, 0.5), percentile(seconds, 0.95)
    return (
        f"{label:<14} median {median:6.3f} s  p95 {p95:6.3f} s  most {max(seconds):6.3f} s  "
        f"unanswered {unanswered}/{len(answers)}"
    )


async def flooded(url: str, visitor: str, messages: int, questions: list[str]) -> list[Answer]:
    websocket, polling = Flooder(), Flooder()
    flood = asyncio.ensure_future(
        asyncio.gather(
            websocket_flood(url, FLOOD_SOURCE, messages // 2, websocket),
            polling_flood(url, FLOOD_SOURCE, messages - messages // 2, polling),
        )
    )
    try:
        while websocket.sent + polling.sent < messages and not flood.done():
            await asyncio.sleep(0.05)
        answers = await ask(url, visitor, questions)
        await flood
    finally:
        flood.cancel()
    for name, flooder in (("websocket", websocket), ("polling", polling)):
        print(
            f"{name} flooder: sent {flooder.sent}, sessions confirmed {flooder.confirmed}, "
            f"throttle messages {flooder.throttled}, other replies "
            f"{len(flooder.texts) - flooder.throttled}",
            flush=True,
        )
    return answers


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = str(8188 + port_offset())
    url = f"http://127.0.0.1:{port}"
    environment = {**os.environ, "PRODUCTION_PORT": port, "PRODUCTION_VAR_DIR": str(VAR_DIR)}
    questions = [QUESTIONS[number % len(QUESTIONS)] for number in range(args.questions)]

    def script(command: str) -> None:
        subprocess.run(
            [str(PRODUCTION_SCRIPT), command],
            cwd=ROOT,
            env=environment,
            check=True,
            stdin=subprocess.DEVNULL,
            timeout=START_TIMEOUT_SECONDS,
        )

    try:
        script("start")
        wait_until_answers(f"{url}/", START_TIMEOUT_SECONDS, log=f"{VAR_DIR}/log")
        access_log = Path(VAR_DIR) / "log" / "nginx-access.log"
        visitor = same_instance(url, access_log, FLOOD_SOURCE, VISITOR_CANDIDATES)
        asyncio.run(ask(url, visitor, QUESTIONS[:WARM_UP_QUESTIONS]))  # lazily built parts
        quiet = asyncio.run(ask(url, visitor, questions))
        during = asyncio.run(flooded(url, visitor, args.messages, questions))
    finally:
        script("stop")
    print(summary("quiet", quiet))
    print(summary("after a flood", during))
    return 0


if __name__ == "__main__":
    sys.exit(main())
