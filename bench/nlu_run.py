"""One Rasa pipeline's bench run (train, then score on every held-out set), in its own process."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.nlu_evaluate import evaluate, load_sets, rasa_parser
from bench.nlu_train import read_config, scale_epochs, train_nlu_model


@dataclass(frozen=True)
class PipelineJob:
    name: str
    config_path: Path
    data_dir: Path
    domain: Path | None
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
        figures = evaluate(load_sets(), rasa_parser(model.path))
    return {
        "pipeline": job.name,
        **figures,
        "train_seconds": model.train_seconds,
        "model_mb": model.size_mb,
    }
