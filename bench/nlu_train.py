"""Prepares a pipeline config for a bench run and trains an NLU-only model from it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# Components whose training length is set by `epochs`, with Rasa 3.6's default when unset.
EPOCH_DEFAULTS = {"DIETClassifier": 300, "ResponseSelector": 300}
BYTES_PER_MB = 1_000_000


def read_config(path: Path) -> dict[str, Any]:
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(config, dict) or not isinstance(config.get("pipeline"), list):
        raise ValueError(f"{path} is not a Rasa config with a `pipeline` list.")
    return config


def missing_spacy_models(config: dict[str, Any], root: Path) -> list[Path]:
    """SpacyNLP models given as paths (the project's own build) that do not exist yet."""
    return [
        root / component["model"]
        for component in config["pipeline"]
        if component.get("name") == "SpacyNLP"
        and "/" in str(component.get("model", ""))
        and not (root / component["model"]).exists()
    ]


def scale_epochs(config: dict[str, Any], scale: float) -> dict[str, Any]:
    """A copy of the config whose epoch-trained components train `scale` times as long."""
    pipeline = []
    for component in config["pipeline"]:
        default = EPOCH_DEFAULTS.get(component.get("name", ""))
        if default is not None:
            epochs = component.get("epochs", default)
            component = {**component, "epochs": max(1, round(epochs * scale))}
        pipeline.append(component)
    return {**config, "pipeline": pipeline}


@dataclass(frozen=True)
class TrainedModel:
    path: Path
    train_seconds: float
    size_mb: float


def train_nlu_model(
    config_path: Path, data_dir: Path, domain: Path | None, output_dir: Path, name: str
) -> TrainedModel:
    from rasa.model_training import train_nlu

    started = time.perf_counter()
    model = train_nlu(
        config=str(config_path),
        nlu_data=str(data_dir),
        output=str(output_dir),
        fixed_model_name=name,
        domain=str(domain) if domain else None,
    )
    seconds = time.perf_counter() - started
    if model is None:
        raise RuntimeError(f"Rasa trained no model from {config_path} (see the log).")
    path = Path(model)
    return TrainedModel(path, seconds, path.stat().st_size / BYTES_PER_MB)
