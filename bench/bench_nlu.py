"""NLU benchmark: calibrates, trains and scores each candidate on the held-out sets.

Usage: .venv/bin/python -m bench.bench_nlu [--pipelines NAME ...] [--epochs-scale F]

1. Calibration: the rejection thresholds of the project's scope classifier and of the TF-IDF
   peer are chosen on out-of-fold predictions on data/ (bench/calibration.py); the held-out sets
   play no part. A config.yml whose FallbackClassifier threshold differs is reported.
2. Each Rasa pipeline (bench/pipelines/*.yml by file stem, `project` for config.yml) trains and
   parses in a fresh process, with Rasa's training cache off, so every run trains from scratch.
3. The peer (`tfidf_peer`) trains on the same data/ with its calibrated threshold.

Every candidate is scored on every held-out set (bench/nlu_heldout.py: HELDOUT_SETS). The
header names the data by fingerprint and warns about held-out messages that are also training
examples; the run fails if the data changed while it ran. Figures go to the terminal and to
results/bench_nlu.json; training and parsing logs to results/bench_nlu_logs/.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench.calibration import (
    ThresholdFigures,
    best_threshold,
    out_of_fold_probabilities,
    sweep,
)
from bench.data_fingerprint import fingerprint
from bench.nlu_evaluate import evaluate, headline, language_rows, load_sets
from bench.nlu_heldout import HELDOUT_SETS, ROOT, also_in_training, training_examples
from bench.nlu_report import format_language_table, format_table
from bench.nlu_run import PipelineJob, run_pipeline
from bench.nlu_train import missing_spacy_models, read_config
from bench.peers import TfidfPeer, scope_model_fold, tfidf_peer_fold
from clinic.triage.tiers import TIER_INTENTS
from components.scope_features import ScopeFeatures
from components.scope_model import ScopeModelSettings

PIPELINES_DIR = ROOT / "bench" / "pipelines"
PROJECT_PIPELINE = "project"
PEER = "tfidf_peer"
LEAKS_SHOWN = 5
SCOPE_CLASSIFIER = "components.scope_classifier.ScopeClassifier"


def available_pipelines() -> dict[str, Path]:
    pipelines = {path.stem: path for path in sorted(PIPELINES_DIR.glob("*.yml"))}
    pipelines[PROJECT_PIPELINE] = ROOT / "config.yml"
    return pipelines


def parse_args(argv: list[str], choices: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pipelines", nargs="+", default=[*choices, PEER], metavar="NAME",
        help=f"candidates to run: names among {', '.join([*choices, PEER])}, or paths to other "
        "Rasa config files (default: all named ones)",
    )  # fmt: skip
    parser.add_argument(
        "--epochs-scale", type=float, default=1.0,
        help="multiply DIET/ResponseSelector epochs, for quick development runs only",
    )  # fmt: skip
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="NLU training data")
    parser.add_argument("--output", type=Path, default=ROOT / "results/bench_nlu.json")
    args = parser.parse_args(argv)
    if args.epochs_scale <= 0:
        parser.error("--epochs-scale must be positive")
    args.data = args.data.resolve()
    args.output = args.output.resolve()
    return args


def _selected(names: list[str], available: dict[str, Path]) -> dict[str, Path]:
    """Rasa pipelines by name; an argument naming an existing .yml file adds that config."""
    selected = {}
    for name in names:
        if name == PEER:
            continue
        if name in available:
            selected[name] = available[name]
        elif name.endswith(".yml") and Path(name).is_file():
            selected[Path(name).stem] = Path(name).resolve()
        else:
            raise ValueError(
                f"unknown pipeline '{name}': use one of {', '.join([*available, PEER])} "
                "or the path of a config file"
            )
    return selected


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _data_versions(args: argparse.Namespace) -> tuple[str, str]:
    return fingerprint(args.data), fingerprint(*(heldout.path for heldout in HELDOUT_SETS))


def _header(
    args: argparse.Namespace, versions: tuple[str, str], counts: dict[str, int], leaked: list[str]
) -> list[str]:
    sets = ", ".join(f"{name} {count}" for name, count in counts.items())
    lines = [
        f"NLU bench {time.strftime('%Y-%m-%d %H:%M')}  ({os.cpu_count()} cores, "
        f"{platform.python_version()})",
        f"training data: {_shown(args.data)} (fingerprint {versions[0]})",
        f"held-out sets (fingerprint {versions[1]}): {sets} messages",
    ]
    if leaked:
        shown = "; ".join(repr(text) for text in leaked[:LEAKS_SHOWN])
        lines.append(
            f"WARNING: {len(leaked)} held-out messages are also training examples: {shown}"
            + (" ..." if len(leaked) > LEAKS_SHOWN else "")
        )
    if args.epochs_scale != 1:
        lines.append(
            f"EPOCHS SCALED x{args.epochs_scale:g}: development run, figures are not the "
            "pipelines' real ones"
        )
    return lines


def _scope_settings(config: dict[str, Any]) -> ScopeModelSettings:
    defaults = ScopeModelSettings()
    for component in config["pipeline"]:
        if component.get("name") == SCOPE_CLASSIFIER:
            return ScopeModelSettings(
                c=float(component.get("C", defaults.c)),
                dense_weight=float(component.get("dense_weight", defaults.dense_weight)),
            )
    return defaults


def _configured(config: dict[str, Any], component_name: str, key: str) -> float | None:
    for component in config["pipeline"]:
        if component.get("name") == component_name and key in component:
            return float(component[key])
    return None


def _calibration_lines(
    name: str, rows: list[ThresholdFigures], chosen: ThresholdFigures
) -> list[str]:
    lines = [f"  {name}: threshold  in-scope acc  wrongly rejected  OOS rejected  boundary safe"]
    for row in rows:
        marker = "  <- chosen" if row is chosen else ""
        lines.append(
            f"  {'':{len(name)}}  {row.threshold:9.2f}  {row.in_scope_accuracy:11.1%}  "
            f"{row.false_rejection:16.1%}  {row.out_of_scope_rejection:12.1%}  "
            f"{row.boundary_safe:13.1%}{marker}"
        )
    return lines


def calibrate(
    data_dir: Path, project_config: dict[str, Any]
) -> tuple[dict[str, ThresholdFigures], list[str]]:
    """Thresholds of the project's classifier and of the peer, from out-of-fold predictions."""
    # As the scope classifier trains: without the triage tiers (components/triage_stage.py).
    examples = [
        example for example in training_examples(data_dir) if example.intent not in TIER_INTENTS
    ]
    texts = [example.text for example in examples]
    labels = [example.response_key or example.intent for example in examples]
    spacy_model = next(
        ROOT / c["model"] for c in project_config["pipeline"] if c.get("name") == "SpacyNLP"
    )
    features = ScopeFeatures(spacy_model)
    folds = {
        PROJECT_PIPELINE: scope_model_fold(
            texts, features.marks(texts), features.embeddings(texts), labels,
            _scope_settings(project_config),
        ),
        PEER: tfidf_peer_fold(texts, labels),
    }  # fmt: skip
    chosen: dict[str, ThresholdFigures] = {}
    lines = [f"calibration: {len(texts)} training examples, out-of-fold (5 folds)"]
    for name, fold in folds.items():
        probabilities, classes = out_of_fold_probabilities(labels, fold)
        rows = sweep(probabilities, classes, labels)
        chosen[name] = best_threshold(rows)
        lines += _calibration_lines(name, rows, chosen[name])
    lines += _differences(project_config, chosen[PROJECT_PIPELINE].threshold)
    return chosen, lines


def _differences(config: dict[str, Any], threshold: float) -> list[str]:
    """Notes where config.yml does not use the calibrated values."""
    notes = []
    for component, key, calibrated in (("FallbackClassifier", "threshold", threshold),):
        configured = _configured(config, component, key)
        if configured is not None and abs(configured - calibrated) > 1e-9:
            notes.append(
                f"NOTE: config.yml's {component} {key} is {configured:g}; calibration chose "
                f"{calibrated:g}"
            )
    return notes


def _run_isolated(job: PipelineJob) -> dict[str, Any]:
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as executor:
        return executor.submit(run_pipeline, job).result()


def _run_peer(data_dir: Path, threshold: float) -> dict[str, Any]:
    examples = training_examples(data_dir)
    started = time.perf_counter()
    peer = TfidfPeer(threshold).fit(
        [example.text for example in examples],
        [example.response_key or example.intent for example in examples],
    )
    train_seconds = time.perf_counter() - started
    figures = evaluate(load_sets(), peer.parse)
    return {"pipeline": PEER, **figures, "train_seconds": train_seconds, "model_mb": None}


def main(argv: list[str]) -> int:
    available = available_pipelines()
    args = parse_args(argv, list(available))
    try:
        pipelines = _selected(args.pipelines, available)
    except ValueError as error:
        print(f"bench_nlu: {error}", file=sys.stderr)
        return 2
    # Pipeline configs name the spaCy model and custom components relative to the repo root.
    os.chdir(ROOT)

    try:
        sets = load_sets()
        configs = {name: read_config(path) for name, path in pipelines.items()}
        project_config = read_config(available[PROJECT_PIPELINE])
    except (OSError, ValueError) as error:
        print(f"bench_nlu: {error}", file=sys.stderr)
        return 2
    missing = {
        str(path)
        for c in [*configs.values(), project_config]
        for path in missing_spacy_models(c, ROOT)
    }
    if missing:
        print(
            f"bench_nlu: spaCy pipeline missing: {', '.join(sorted(missing))}; build it with "
            "`.venv/bin/python spacy_pipeline/build.py`",
            file=sys.stderr,
        )
        return 2

    versions = _data_versions(args)
    leaked = also_in_training([e for examples in sets.values() for e in examples], args.data)
    counts = {heldout.name: len(examples) for heldout, examples in sets.items()}
    header = _header(args, versions, counts, leaked)
    print("\n".join(header), flush=True)

    print("  calibrating rejection thresholds ...", flush=True)
    thresholds, calibration = calibrate(args.data, project_config)
    print("\n".join(calibration), flush=True)

    # Every run trains from scratch: a warm cache would make training times meaningless.
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"
    log_dir = args.output.parent / "bench_nlu_logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    domain = ROOT / "domain.yml"
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench_nlu_") as work_dir:
        for name, config_path in pipelines.items():
            log_path = log_dir / f"{name}.log"
            print(f"  {name}: training and parsing (log: {_shown(log_path)}) ...", flush=True)
            job = PipelineJob(
                name, config_path, args.data, domain, Path(work_dir), log_path, args.epochs_scale
            )
            try:
                rows.append({**_run_isolated(job), "config": _shown(config_path)})
            except Exception as error:  # one failing pipeline must not lose the others' figures
                rows.append({"pipeline": name, "error": f"{type(error).__name__}: {error}"})
    if PEER in args.pipelines:
        print(f"  {PEER}: training and parsing ...", flush=True)
        rows.append(_run_peer(args.data, thresholds[PEER].threshold))

    data_changed = _data_versions(args) != versions
    if data_changed:
        header.append(
            "DATA CHANGED DURING THE RUN: pipelines trained or scored on different data; rerun"
        )
    table_rows = [row if "error" in row else {**row, **headline(row)} for row in rows]
    print()
    print("\n".join(header + calibration))
    print(format_table(table_rows))
    by_language = [
        (row["pipeline"], language_row)
        for row in table_rows
        if "error" not in row
        for language_row in language_rows(row)
    ]
    if by_language:
        print()
        print(format_language_table(by_language))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "header": header,
        "calibration": calibration,
        "thresholds": {name: row.threshold for name, row in thresholds.items()},
        "epochs_scale": args.epochs_scale,
        "training_data_fingerprint": versions[0],
        "heldout_fingerprint": versions[1],
        "data_changed_during_run": data_changed,
        "heldout_also_in_training": leaked,
        "training_data": _shown(args.data),
        "heldout_files": [_shown(heldout.path) for heldout in HELDOUT_SETS],
        "results": table_rows,
    }
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {_shown(args.output)}")
    return 1 if data_changed or any("error" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
