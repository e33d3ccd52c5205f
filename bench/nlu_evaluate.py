"""Scores a trained model (or any parser) on every held-out set.

Usage: .venv/bin/python -m bench.nlu_evaluate MODEL [--output FILE.json]

Prints the figures the floors test and the bench report: in-scope accuracy and false rejection,
out-of-scope rejection per set, and how the boundary set is answered.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.nlu_heldout import (
    BOUNDARY,
    ENGLISH,
    HELDOUT_SETS,
    IN_SCOPE,
    HeldOutExample,
    HeldOutSet,
)
from bench.nlu_scoring import Prediction, prediction_from_parse, score, score_boundary

# Parses texts one at a time: (prediction, milliseconds) per text.
Parser = Callable[[Sequence[str]], list[tuple[Prediction, float]]]


def load_sets(sets: Sequence[HeldOutSet] = HELDOUT_SETS) -> dict[HeldOutSet, list[HeldOutExample]]:
    return {heldout: heldout.load() for heldout in sets}


def evaluate(sets: Mapping[HeldOutSet, Sequence[HeldOutExample]], parse: Parser) -> dict[str, Any]:
    """Figures for one parser over every set, plus timing over all parses."""
    figures: dict[str, Any] = {"sets": {}}
    latencies: list[float] = []
    for heldout, examples in sets.items():
        parsed = parse([example.text for example in examples])
        latencies.extend(milliseconds for _, milliseconds in parsed)
        predictions = [prediction for prediction, _ in parsed]
        if heldout.kind == BOUNDARY:
            figures["sets"][heldout.name] = score_boundary(examples, predictions).as_dict()
        else:
            figures["sets"][heldout.name] = score(examples, predictions).as_dict()
        figures["sets"][heldout.name]["kind"] = heldout.kind
        figures["sets"][heldout.name]["language"] = heldout.language
        figures["sets"][heldout.name]["messages"] = len(examples)
    figures["median_ms"] = float(np.median(latencies))
    figures["p95_ms"] = float(np.percentile(latencies, 95))
    return figures


def headline(figures: Mapping[str, Any]) -> dict[str, float | None]:
    """The figures the issue's table names, flat: one value per column of the bench table
    (the English sets; the others are in language_rows)."""
    flat: dict[str, float | None] = {}
    for name, result in figures["sets"].items():
        if result.get("language", ENGLISH) != ENGLISH:
            continue
        if result["kind"] == IN_SCOPE:
            flat["accuracy"] = result["accuracy"]
            flat["false_rejection"] = result["false_rejection"]
        elif result["kind"] == BOUNDARY:
            flat["boundary_safe"] = result["safe"]
            flat["boundary_dedicated"] = result["dedicated"]
        else:
            flat[f"rejected: {name}"] = result["out_of_scope_rejection"]
    return flat


def language_rows(figures: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per held-out set not in English ("Spanish in-scope"), with its kind's figures."""
    rows: list[dict[str, Any]] = []
    for name, result in figures["sets"].items():
        if result.get("language", ENGLISH) == ENGLISH:
            continue
        if result["kind"] == IN_SCOPE:
            values = {"accuracy": result["accuracy"], "false_rejection": result["false_rejection"]}
        elif result["kind"] == BOUNDARY:
            values = {"boundary_safe": result["safe"], "boundary_dedicated": result["dedicated"]}
        else:
            values = {"rejected": result["out_of_scope_rejection"]}
        rows.append({"set": name, "messages": result["messages"], **values})
    return rows


def rasa_parser(model_path: Path) -> Parser:
    from bench.nlu_parse import TimedParser

    timed = TimedParser(model_path)

    def parse(texts: Sequence[str]) -> list[tuple[Prediction, float]]:
        return [
            (prediction_from_parse(result), milliseconds)
            for result, milliseconds in timed.parse(texts)
        ]

    return parse


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="a trained Rasa model (.tar.gz)")
    parser.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    figures = evaluate(load_sets(), rasa_parser(args.model))
    for name, value in headline(figures).items():
        print(f"{name}: {'n/a' if value is None else f'{value * 100:.1f} %'}")
    for row in language_rows(figures):
        for key, value in row.items():
            if key not in ("set", "messages"):
                print(f"{row['set']} {key}: {'n/a' if value is None else f'{value * 100:.1f} %'}")
    print(f"parse median/p95: {figures['median_ms']:.1f}/{figures['p95_ms']:.1f} ms")
    if args.output:
        args.output.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
