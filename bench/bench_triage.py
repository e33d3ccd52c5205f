"""Triage benchmark: the project's triage beside a keyword-rule peer and a TF-IDF peer.

Usage: .venv/bin/python -m bench.bench_triage [--model PATH] [--today PATH]

1. Calibration: the triage model's operating point is chosen on out-of-fold predictions on the
   training data (bench/triage_calibration.py) and compared with config.yml's.
2. The project: every held-out message (tests/triage/heldout/) is parsed by the trained Rasa
   model (`make train` builds it), which gives its tier, its answer and the parse time.
3. The peers, on the same messages and the same red-flag list: the keyword rules alone
   (clinic/triage/red_flags.py), and a TF-IDF classifier on the same training labels with its own
   out-of-fold operating point.
4. `--today PATH`: another trained model (say, main's before a change) parsed the same way.
5. `--sets DIR --project-only`: the project alone on another folder of sets, such as the
   development set (tests/triage/dev3/); each message's tier and answer go to the JSON output.

Figures go to the terminal and to results/bench_triage.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from rasa.utils.log_utils import configure_structlog

from bench.calibration import out_of_fold_probabilities
from bench.nlu_heldout import ROOT, training_examples
from bench.nlu_train import read_config
from bench.peers import TfidfPeer, scope_model_fold, tfidf_peer_fold
from bench.triage_calibration import COMPLAINT_INTENTS, choose_point, evaluate_point
from bench.triage_figures import Figure, Outcome, figures
from bench.triage_sets import HELDOUT_DIR, TriageExample, load_sets
from clinic.triage.decision import decide
from clinic.triage.tiers import TIER_INTENTS, TRIAGE_KEY, topic_behind_tier
from clinic.triage.training_sets import load_training_sets
from components.scope_features import ScopeFeatures
from components.scope_model import ScopeModelSettings
from components.triage_stage import operating_point, triage_label

TRIAGE_STAGE = "components.triage_stage.TriageStage"
PROJECT, RULES, TFIDF, TODAY = "project", "keyword rules", "TF-IDF peer", "today"


def _stage_config(config: dict[str, Any]) -> dict[str, Any]:
    for component in config["pipeline"]:
        if component.get("name") == TRIAGE_STAGE:
            return component
    raise ValueError(f"config.yml has no {TRIAGE_STAGE}")


def _answer(parsed: dict[str, Any]) -> str | None:
    """The topic answer behind any tier: an intent, or for `faq` its topic."""
    intent, faq_response = topic_behind_tier(parsed)
    return faq_response.get("intent_response_key") if intent == "faq" else intent


def _tier(parsed: dict[str, Any]) -> str:
    decided = parsed.get(TRIAGE_KEY)
    if decided:
        return str(decided["tier"])
    # A model without the triage stage (`--today`): its intent is its tier.
    intent = (parsed.get("intent") or {}).get("name")
    return intent if intent in TIER_INTENTS else "routine"


# Parses with another checkout's code (its own components), in a process of its own.
PARSE_ELSEWHERE = """
import json, sys
from bench.nlu_parse import TimedParser
texts = json.load(open(sys.argv[2]))
print(json.dumps(TimedParser(sys.argv[1]).parse(texts)))
"""


def parse_sets(
    model: Path, sets: dict[str, list[TriageExample]], root: Path = ROOT
) -> tuple[dict[str, list[Outcome]], list[float]]:
    """Each set's outcomes and every parse's milliseconds, by the code of checkout `root`."""
    texts = [example.text for examples in sets.values() for example in examples]
    if root == ROOT:
        from bench.nlu_parse import TimedParser

        parsed = TimedParser(model).parse(texts)
    else:
        with tempfile.NamedTemporaryFile("w", suffix=".json") as batch:
            json.dump(texts, batch)
            batch.flush()
            done = subprocess.run(
                [sys.executable, "-c", PARSE_ELSEWHERE, str(model.resolve()), batch.name],
                cwd=root,
                env={**os.environ, "PYTHONPATH": str(root)},
                capture_output=True,
                text=True,
                check=True,
            )
        parsed = json.loads(done.stdout.strip().splitlines()[-1])
    outcomes, start = {}, 0
    for name, examples in sets.items():
        mine = parsed[start : start + len(examples)]
        outcomes[name] = [Outcome(_tier(result), _answer(result)) for result, _ in mine]
        start += len(examples)
    return outcomes, [milliseconds for _, milliseconds in parsed]


def decided_sets(sets: dict[str, list[TriageExample]], tiers_of: Any) -> dict[str, list[Outcome]]:
    return {
        name: [Outcome(tier, None) for tier in tiers_of([example.text for example in examples])]
        for name, examples in sets.items()
    }


def outcome_rows(
    examples: Sequence[TriageExample], outcomes: Sequence[Outcome], *, with_text: bool
) -> list[dict[str, Any]]:
    """Each message's label and outcome, for reading a development set's misses. Held-out
    messages are never written out (with_text False): only their labels and outcomes."""
    return [
        {**({"text": example.text} if with_text else {}), "label": example.label, **asdict(outcome)}
        for example, outcome in zip(examples, outcomes, strict=True)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "proclinix.tar.gz")
    parser.add_argument(
        "--today",
        type=Path,
        help="a checkout of main before the change, with its trained model in models/",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "results" / "bench_triage.json")
    parser.add_argument(
        "--sets",
        type=Path,
        default=HELDOUT_DIR,
        help="a folder of triage sets (default: the held-out sets; tests/triage/dev3 to develop)",
    )
    parser.add_argument(
        "--project-only",
        action="store_true",
        help="only the trained model's figures: no calibration, no peers (the CI floors)",
    )
    args = parser.parse_args(argv)
    # Rasa's per-message debug lines would bury the figures.
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    configure_structlog(logging.WARNING)

    config = read_config(ROOT / "config.yml")
    stage = _stage_config(config)
    configured = operating_point(stage)
    settings = ScopeModelSettings(
        c=float(stage.get("C", ScopeModelSettings().c)),
        dense_weight=float(stage.get("dense_weight", ScopeModelSettings().dense_weight)),
    )
    sets = load_sets(args.sets)
    examples = training_examples(ROOT / "data")
    texts = [example.text for example in examples]
    labels = [triage_label(example.intent) for example in examples]
    complaint_list = [
        (example.response_key or example.intent) in COMPLAINT_INTENTS for example in examples
    ]
    # The triage-only sets the model also trains on (data/triage/).
    if stage.get("training_sets"):
        extra = load_training_sets(ROOT / stage["training_sets"])
        texts += [example.text for example in extra]
        labels += [example.label for example in extra]
        complaint_list += [example.complaint for example in extra]
    complaint = np.array(complaint_list)
    print(
        f"Triage bench {time.strftime('%Y-%m-%d %H:%M')} ({os.cpu_count()} cores, "
        f"{platform.python_version()}); {args.sets.name}: "
        + ", ".join(f"{name} {len(items)}" for name, items in sets.items())
    )

    if args.project_only:
        project, timings = parse_sets(args.model, sets)
        rows = figures(sets, project)
        print(_table({PROJECT: rows}))
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with_text = args.sets.resolve() != HELDOUT_DIR.resolve()
        outcomes = {
            name: outcome_rows(sets[name], project[name], with_text=with_text) for name in sets
        }
        args.output.write_text(
            json.dumps(
                {"figures": {PROJECT: [asdict(row) for row in rows]}, "outcomes": outcomes},
                indent=2,
            ),
            encoding="utf-8",
        )
        return 0
    spacy_model = next(c["model"] for c in config["pipeline"] if c.get("name") == "SpacyNLP")
    features = ScopeFeatures(ROOT / spacy_model)
    marks, embeddings = features.marks(texts), features.embeddings(texts)
    probabilities, classes = out_of_fold_probabilities(
        labels, scope_model_fold(texts, marks, embeddings, labels, settings)
    )
    chosen = choose_point(probabilities, classes, labels, complaint, configured.overrule)
    print(f"calibrated operating point (out of fold, training data): {chosen}")
    print(f"config.yml operating point:                              {configured}")
    for name, point in (("calibrated", chosen), ("config.yml", configured)):
        row = evaluate_point(texts, probabilities, classes, labels, complaint, point)
        print(
            f"  {name}: out-of-fold recall "
            + ", ".join(f"{tier} {value:.1%}" for tier, value in row.tier_recall.items())
            + f"; complaints alarmed {row.complaint_alarms:.2%}, asked {row.complaint_checks:.2%}"
        )

    peer_probabilities, peer_classes = out_of_fold_probabilities(
        labels, tfidf_peer_fold(texts, labels)
    )
    peer_point = choose_point(
        peer_probabilities, peer_classes, labels, complaint, configured.overrule
    )
    peer = TfidfPeer().fit(texts, labels)

    def peer_tiers(batch: list[str]) -> list[str]:
        rows = peer.predict_proba(batch)
        return [
            decide(
                text, dict(zip(peer.labels, row.tolist(), strict=True)), peer_point, rules=False
            ).tier.intent
            or "routine"
            for text, row in zip(batch, rows, strict=True)
        ]

    def rule_tiers(batch: list[str]) -> list[str]:
        return [decide(text, None, configured).tier.intent or "routine" for text in batch]

    columns: dict[str, list[Figure]] = {}
    medians: dict[str, float] = {}
    project, timings = parse_sets(args.model, sets)
    columns[PROJECT], medians[PROJECT] = figures(sets, project), statistics.median(timings)
    columns[RULES] = figures(sets, decided_sets(sets, rule_tiers))
    columns[TFIDF] = figures(sets, decided_sets(sets, peer_tiers))
    if args.today:
        today_model = args.today / "models" / "proclinix.tar.gz"
        today, today_timings = parse_sets(today_model, sets, args.today.resolve())
        columns[TODAY], medians[TODAY] = figures(sets, today), statistics.median(today_timings)

    print(_table(columns))
    for name, median in medians.items():
        print(f"parse time median, {name}: {median:.1f} ms")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "operating_point": {"calibrated": asdict(chosen), "config": asdict(configured)},
                "figures": {name: [asdict(row) for row in rows] for name, rows in columns.items()},
                "parse_ms_median": medians,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    missed = [row.name for row in columns[PROJECT] if not row.met]
    if missed:
        print("targets missed by the project: " + "; ".join(missed))
    return 1 if missed else 0


def _table(columns: dict[str, list[Figure]]) -> str:
    """A markdown table: the project's figures, each beside the same figure of the others."""
    names = list(columns)
    by_name = {name: {row.name: row for row in rows} for name, rows in columns.items()}
    lines = [
        "| figure | target | " + " | ".join(names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for row in columns[PROJECT]:
        cells = []
        for name in names:
            other = by_name[name].get(row.name)
            cells.append(f"{other.share:.1%} ({other.count}/{other.total})" if other else "-")
        lines.append(f"| {row.name} | {row.target} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
