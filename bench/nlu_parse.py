"""Loads a trained model once and parses messages one at a time, timing each parse."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

WARMUP_TEXTS = ("hello", "what is active release technique", "can I book a visit")


class TimedParser:
    def __init__(self, model_path: Path) -> None:
        from rasa.core.agent import Agent
        from rasa.utils.log_utils import configure_structlog

        # Rasa logs every parsed text at debug level: a held-out set's messages must never reach
        # the screen of whoever runs a bench.
        configure_structlog(logging.WARNING)
        self._agent = Agent.load(str(model_path))
        self._loop = asyncio.new_event_loop()
        # The first parses build TensorFlow graphs and caches: not counted.
        for text in WARMUP_TEXTS:
            self._loop.run_until_complete(self._agent.parse_message(text))

    def parse(self, texts: Sequence[str]) -> list[tuple[dict[str, Any], float]]:
        """(parse result, milliseconds) per text."""
        results = []
        for text in texts:
            started = time.perf_counter()
            parsed = self._loop.run_until_complete(self._agent.parse_message(text))
            results.append((parsed, (time.perf_counter() - started) * 1000))
        return results
