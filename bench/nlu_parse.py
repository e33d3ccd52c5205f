"""Loads a trained model once and parses messages one at a time, timing each parse."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

WARMUP_TEXTS = ("hello", "what is active release technique", "can I book a visit")


def parse_timed(model_path: Path, texts: Sequence[str]) -> list[tuple[dict[str, Any], float]]:
    """(parse result, milliseconds) per text, after a few warm-up parses that are not counted."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    loop = asyncio.new_event_loop()
    try:
        for text in WARMUP_TEXTS:
            loop.run_until_complete(agent.parse_message(text))
        results = []
        for text in texts:
            started = time.perf_counter()
            parsed = loop.run_until_complete(agent.parse_message(text))
            results.append((parsed, (time.perf_counter() - started) * 1000))
        return results
    finally:
        loop.close()
