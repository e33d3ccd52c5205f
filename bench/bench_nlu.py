"""NLU benchmark: trains each candidate pipeline on data/ and scores it on the held-out sets.

Usage: .venv/bin/python -m bench.bench_nlu [--pipelines NAME ...] [--epochs-scale F]

Pipelines: every bench/pipelines/*.yml (by file stem) plus `project` (the repo's config.yml).
Each pipeline trains and parses in a fresh process, so no model or cache carries over; Rasa's
training cache is switched off so every run trains from scratch. The header names the data by
fingerprint, warns about held-out messages that are also training examples, and the run fails
if the data changed while it ran. Figures go to the terminal and to results/bench_nlu.json;
training and parsing logs to results/bench_nlu_logs/.
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

from bench.data_fingerprint import fingerprint
from bench.nlu_heldout import also_in_training, load_heldout
from bench.nlu_report import format_table
from bench.nlu_run import PipelineJob, run_pipeline
from bench.nlu_train import missing_spacy_models, read_config

ROOT = Path(__file__).resolve().parent.parent
PIPELINES_DIR = ROOT / "bench" / "pipelines"
PROJECT_PIPELINE = "project"
LEAKS_SHOWN = 5


def available_pipelines() -> dict[str, Path]:
    pipelines = {path.stem: path for path in sorted(PIPELINES_DIR.glob("*.yml"))}
    pipelines[PROJECT_PIPELINE] = ROOT / "config.yml"
    return pipelines


def parse_args(argv: list[str], choices: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pipelines", nargs="+", default=choices, metavar="NAME",
        help=f"pipelines to run: names among {', '.join(choices)}, or paths to other Rasa "
        "config files (default: all named ones)",
    )  # fmt: skip
    parser.add_argument(
        "--epochs-scale", type=float, default=1.0,
        help="multiply DIET/ResponseSelector epochs, for quick development runs only",
    )  # fmt: skip
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="NLU training data")
    parser.add_argument("--heldout", type=Path, default=ROOT / "tests/nlu/heldout.yml")
    parser.add_argument(
        "--oos-heldout", type=Path, default=ROOT / "tests/nlu/out_of_scope_heldout.yml"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "results/bench_nlu.json")
    args = parser.parse_args(argv)
    if args.epochs_scale <= 0:
        parser.error("--epochs-scale must be positive")
    for option in ("data", "heldout", "oos_heldout", "output"):
        setattr(args, option, getattr(args, option).resolve())
    return args


def _selected(names: list[str], available: dict[str, Path]) -> dict[str, Path]:
    """Pipelines by name; an argument naming an existing .yml file adds that config."""
    selected = {}
    for name in names:
        if name in available:
            selected[name] = available[name]
        elif name.endswith(".yml") and Path(name).is_file():
            selected[Path(name).stem] = Path(name).resolve()
        else:
            raise ValueError(
                f"unknown pipeline '{name}': use one of {', '.join(available)} "
                "or the path of a config file"
            )
    return selected


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _data_versions(args: argparse.Namespace) -> tuple[str, str]:
    return fingerprint(args.data), fingerprint(args.heldout, args.oos_heldout)


def _header(
    args: argparse.Namespace,
    versions: tuple[str, str],
    in_scope: int,
    out_of_scope: int,
    leaked: list[str],
) -> list[str]:
    lines = [
        f"NLU bench {time.strftime('%Y-%m-%d %H:%M')}  ({os.cpu_count()} cores, "
        f"{platform.python_version()})",
        f"training data: {_shown(args.data)} (fingerprint {versions[0]})",
        f"held-out: {_shown(args.heldout)} + {_shown(args.oos_heldout)} (fingerprint "
        f"{versions[1]}): {in_scope} in-scope, {out_of_scope} out-of-scope messages",
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


def _run_isolated(job: PipelineJob) -> dict[str, Any]:
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as executor:
        return executor.submit(run_pipeline, job).result()


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
        examples = load_heldout(args.heldout) + load_heldout(
            args.oos_heldout, all_out_of_scope=True
        )
        configs = {name: read_config(path) for name, path in pipelines.items()}
    except (OSError, ValueError) as error:
        print(f"bench_nlu: {error}", file=sys.stderr)
        return 2
    missing = {str(path) for c in configs.values() for path in missing_spacy_models(c, ROOT)}
    if missing:
        print(
            f"bench_nlu: spaCy pipeline missing: {', '.join(sorted(missing))}; build it with "
            "`.venv/bin/python spacy_pipeline/build.py`",
            file=sys.stderr,
        )
        return 2

    in_scope = sum(example.in_scope for example in examples)
    versions = _data_versions(args)
    leaked = also_in_training(examples, args.data)
    header = _header(args, versions, in_scope, len(examples) - in_scope, leaked)
    print("\n".join(header), flush=True)

    # Every run trains from scratch: a warm cache would make training times meaningless.
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"
    log_dir = args.output.parent / "bench_nlu_logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    domain = Path("domain.yml") if Path("domain.yml").exists() else None
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench_nlu_") as work_dir:
        for name, config_path in pipelines.items():
            log_path = log_dir / f"{name}.log"
            print(f"  {name}: training and parsing (log: {_shown(log_path)}) ...", flush=True)
            job = PipelineJob(
                name, config_path, args.data, domain, examples, Path(work_dir),
                log_path, args.epochs_scale,
            )  # fmt: skip
            try:
                rows.append({**_run_isolated(job), "config": _shown(config_path)})
            except Exception as error:  # one failing pipeline must not lose the others' figures
                rows.append({"pipeline": name, "error": f"{type(error).__name__}: {error}"})

    data_changed = _data_versions(args) != versions
    if data_changed:
        header.append(
            "DATA CHANGED DURING THE RUN: pipelines trained or scored on different data; rerun"
        )
    print()
    print("\n".join(header))
    print(format_table(rows))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "header": header,
        "epochs_scale": args.epochs_scale,
        "training_data_fingerprint": versions[0],
        "heldout_fingerprint": versions[1],
        "data_changed_during_run": data_changed,
        "heldout_also_in_training": leaked,
        "training_data": _shown(args.data),
        "heldout_files": [_shown(args.heldout), _shown(args.oos_heldout)],
        "results": rows,
    }
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {_shown(args.output)}")
    return 1 if data_changed or any("error" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
