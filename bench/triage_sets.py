"""The triage held-out sets (tests/triage/heldout/*.yml) and the training examples' tiers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.nlu_heldout import ROOT

HELDOUT_DIR = ROOT / "tests" / "triage" / "heldout"
# Set name -> file stem. The figures' definitions are in bench/triage_figures.py.
SETS = ("red_flags", "crisis", "urgent", "negated", "crisis_negated", "everyday", "spanish")


@dataclass(frozen=True)
class TriageExample:
    text: str
    # The file's own label: a red-flag category, a body area, or a Spanish set's tier.
    label: str


def load_set(name: str, directory: Path = HELDOUT_DIR) -> list[TriageExample]:
    data = yaml.safe_load((directory / f"{name}.yml").read_text(encoding="utf-8"))
    examples = data["examples"]
    key = next(key for key in ("category", "area", "tier") if key in examples[0])
    return [TriageExample(str(example["text"]), str(example[key])) for example in examples]


def load_sets(directory: Path = HELDOUT_DIR) -> dict[str, list[TriageExample]]:
    return {
        name: load_set(name, directory) for name in SETS if (directory / f"{name}.yml").exists()
    }
