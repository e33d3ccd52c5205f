"""Scores a trained model on a Spanish NLU development set (tests/spanish/dev/nlu_dev.yml or
another: `--set`).

Usage: .venv/bin/python -m bench.spanish_dev MODEL [--set tests/nlu/es_dev2.yml] [--misses]

`--set` takes a file or a directory of files (tests/nlu/es_dev3/), and may be given more than once:
the sets are scored together.

The development set is for reading and tuning (docs/spanish.md); the Spanish held-out sets in
tests/nlu/es/ are scored by bench.nlu_evaluate and bench.bench_nlu with the others.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.nlu_evaluate import rasa_parser
from bench.nlu_heldout import ROOT, HeldOutExample, load_heldout
from bench.nlu_scoring import score, score_boundary

DEV_SET = ROOT / "tests/spanish/dev/nlu_dev.yml"
# Written before the second round of Spanish training data, in other styles (docs/spanish.md).
DEV_SET_2 = ROOT / "tests/nlu/es_dev2.yml"
# A third, blind set written by other authors (in-scope, boundary, off-topic files).
DEV_SET_3 = ROOT / "tests/nlu/es_dev3"
BOUNDARY_LABELS = frozenset(
    {"ask_medication", "other_condition", "faq/not_in_article", "ask_diagnosis"}
)


def load_sets(paths: list[Path]) -> list[HeldOutExample]:
    """Every labelled example of the given files and of the YAML files in the given directories."""
    files = [
        file for path in paths for file in (sorted(path.glob("*.yml")) if path.is_dir() else [path])
    ]
    return [example for file in files for example in load_heldout(file)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="a trained Rasa model (.tar.gz)")
    parser.add_argument(
        "--set",
        type=Path,
        action="append",
        help="a development set (file or directory) to score; repeat to score several together",
    )
    parser.add_argument("--misses", action="store_true", help="list every message it got wrong")
    args = parser.parse_args(argv)
    examples = load_sets(args.set or [DEV_SET])
    parsed = rasa_parser(args.model)([example.text for example in examples])
    predictions = [prediction for prediction, _ in parsed]
    scores = score(examples, predictions)
    pairs = [
        (example, prediction)
        for example, prediction in zip(examples, predictions, strict=True)
        if (example.response_key or example.intent) in BOUNDARY_LABELS
    ]
    boundary = score_boundary([example for example, _ in pairs], [p for _, p in pairs])
    right = len(examples) - len(scores.misses)
    print(f"messages: {len(examples)}, right: {right} ({right / len(examples):.1%})")
    print(f"in-scope accuracy: {scores.accuracy:.1%} of {scores.in_scope_count}")
    print(
        f"out-of-scope rejected: {scores.out_of_scope_rejection:.1%} of {scores.out_of_scope_count}"
    )
    print(f"boundary safe: {boundary.safe:.1%} of {boundary.count}")
    if args.misses:
        for miss in scores.misses:
            print(f"  {miss.expected} -> {miss.predicted}: {miss.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
