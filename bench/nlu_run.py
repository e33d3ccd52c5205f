"""One pipeline's bench run (train, parse the held-out sets, score); runs in its own process."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bench.nlu_heldout import HeldOutExample
from bench.nlu_parse import parse_timed
from bench.nlu_scoring import Prediction, prediction_from_parse, score
from bench.nlu_train import read_config, scale_epochs, train_nlu_model

# Intent ranking entries kept per held-out message in the JSON report.
RANKING_KEPT = 4


@dataclass(frozen=True)
class PipelineJob:
    name: str
    config_path: Path
    data_dir: Path
    domain: Path | None
    examples: Sequence[HeldOutExample]
    work_dir: Path
    log_path: Path
    epochs_scale: float


@contextlib.contextmanager
def output_to(log_path: Path) -> Iterator[None]:
    """Sends this process's stdout and stderr (Python's and TensorFlow's C++ logs) to a file."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with log_path.open("w", encoding="utf-8") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for descriptor in saved:
                os.close(descriptor)


def _config_for_run(job: PipelineJob) -> Path:
    if job.epochs_scale == 1:
        return job.config_path
    scaled = job.work_dir / f"{job.name}.scaled.yml"
    config = scale_epochs(read_config(job.config_path), job.epochs_scale)
    scaled.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return scaled


def run_pipeline(job: PipelineJob) -> dict[str, Any]:
    with output_to(job.log_path):
        model = train_nlu_model(
            _config_for_run(job), job.data_dir, job.domain, job.work_dir, job.name
        )
        parsed = parse_timed(model.path, [example.text for example in job.examples])
    latencies = [milliseconds for _, milliseconds in parsed]
    predictions = [prediction_from_parse(result) for result, _ in parsed]
    scores = score(job.examples, predictions)
    return {
        "pipeline": job.name,
        **scores.as_dict(),
        "median_ms": float(np.median(latencies)),
        "p95_ms": float(np.percentile(latencies, 95)),
        "train_seconds": model.train_seconds,
        "model_mb": model.size_mb,
        "parses": [
            _parse_record(example, prediction, result)
            for example, prediction, (result, _) in zip(
                job.examples, predictions, parsed, strict=True
            )
        ],
    }


def _parse_record(
    example: HeldOutExample, prediction: Prediction, result: dict[str, Any]
) -> dict[str, Any]:
    """What the model said about one held-out message (for threshold tuning and error review)."""
    return {
        "text": example.text,
        "expected": example.response_key or example.intent,
        "in_scope": example.in_scope,
        "ranking": [
            [entry["name"], round(entry["confidence"], 4)]
            for entry in (result.get("intent_ranking") or [])[:RANKING_KEPT]
        ],
        "response_key": prediction.response_key_for(example.intent),
    }
