"""CPU time of each NLU component per message, on a loaded model (docs/performance.md).

    .venv/bin/python -m bench.nlu_component_times models/proclinix.tar.gz [--repeat N] [--dump F]

Parses the fixed messages of bench/parse_messages.json (English and Spanish, FAQ, booking
answers, red flags) one at a time, as Rasa's server does, and prints the mean milliseconds of CPU
(the process's, TensorFlow's threads included) each graph node took per message: CPU rather than
wall-clock time, so that other work on the machine counts less. `--dump` writes every parse
result, to compare two versions of the pipeline byte for byte.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

MESSAGES = Path(__file__).with_name("parse_messages.json")


def _timed(fn: Callable[..., Any], name: str, totals: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - started

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    agent = Agent.load(str(args.model))
    texts: list[str] = json.loads(MESSAGES.read_text(encoding="utf-8"))
    loop = asyncio.new_event_loop()
    for text in texts[:5]:
        loop.run_until_complete(agent.parse_message(text))

    totals: dict[str, float] = defaultdict(float)
    runner = agent.processor.graph_runner  # type: ignore[union-attr]
    for name, node in runner._instantiated_nodes.items():
        node._fn = _timed(node._fn, name, totals)

    results = []
    started = time.process_time()
    for _ in range(args.repeat):
        results = [loop.run_until_complete(agent.parse_message(text)) for text in texts]
    count = len(texts) * args.repeat
    whole = (time.process_time() - started) * 1000 / count
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"{seconds * 1000 / count:8.3f} ms  {name}")
    print(f"{whole:8.3f} ms  whole parse ({count} messages)")
    if args.dump:
        args.dump.write_text(
            json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
