"""Writes the CLINC150 negatives the assistant trains on and the held-out set it is scored on.

CLINC150 (Larson et al., EMNLP 2019, CC BY 3.0) is a corpus of general-assistant requests:
banking, travel, cooking, smart home, small talk. For the clinic assistant they are out of scope,
except the intents the assistant has itself (a greeting, a yes, "are you a bot") and insurance
questions, which the assistant answers as `faq/not_in_article`; those are left out of both files.

- Training split -> data/nlu/out_of_scope_clinc150.yml: a few queries per intent, picked by a
  stable hash so the choice never depends on the file's order, plus every out-of-scope query.
- Validation split -> tests/nlu/clinc150_validation.yml: every query that is not also a training
  example of the project (a few, like "what's the weather today", are), a held-out set that
  training never sees. The test split is reserved for the clinic's own evaluation: never used.

Usage: python scripts/import_clinc150.py [CLINC150_DIR]   (default: ../shared/data/clinc150)
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "clinc150"
TRAINING_OUTPUT = ROOT / "data" / "nlu" / "out_of_scope_clinc150.yml"
HELDOUT_OUTPUT = ROOT / "tests" / "nlu" / "clinc150_validation.yml"
PER_INTENT = 5
# CLINC150 intents the clinic assistant answers itself, so they are not out of scope for it.
IN_SCOPE_HERE = frozenset(
    {
        "are_you_a_bot",
        "cancel",
        "goodbye",
        "greeting",
        "insurance",
        "insurance_change",
        "no",
        "thank_you",
        "what_can_i_ask_you",
        "yes",
    }
)
ATTRIBUTION = (
    "# From CLINC150 (Larson et al., EMNLP 2019, CC BY 3.0), {split} split, written by\n"
    "# scripts/import_clinc150.py: do not edit by hand. Intents the assistant has itself\n"
    "# (greeting, yes/no, thanks, bot challenge, cancel, capabilities) and insurance: left out.\n"
)


def read_queries(path: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(row["text"].strip(), row["intent"]) for row in rows]


def _stable_rank(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def training_negatives(queries: Iterable[tuple[str, str]], per_intent: int) -> list[str]:
    """`per_intent` queries of each intent; all of the corpus's own out-of-scope ones."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent in queries:
        if intent not in IN_SCOPE_HERE and _plain(text):
            by_intent[intent].append(text)
    chosen: list[str] = []
    for intent in sorted(by_intent):
        texts = sorted(set(by_intent[intent]), key=_stable_rank)
        chosen.extend(texts if intent == "oos" else texts[:per_intent])
    return chosen


def _plain(text: str) -> bool:
    """Rasa reads `[words](entity)` and `{...}` in an example as entity markup: skip such text."""
    return not any(mark in text for mark in "[]{}")


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def project_examples(nlu_dir: Path) -> set[str]:
    """Normalised texts of every training example in the project's NLU files."""
    return {
        normalised(line.strip()[2:])
        for path in sorted(nlu_dir.glob("*.yml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("    - ")
    }


def heldout_queries(queries: Iterable[tuple[str, str]], training: set[str]) -> list[str]:
    return sorted(
        {
            text
            for text, intent in queries
            if intent not in IN_SCOPE_HERE and _plain(text) and normalised(text) not in training
        }
    )


def nlu_yaml(texts: Iterable[str], split: str) -> str:
    lines = [f"    - {text}" for text in texts]
    return (
        'version: "3.1"\n\n'
        + ATTRIBUTION.format(split=split)
        + "nlu:\n- intent: out_of_scope\n  examples: |\n"
        + "\n".join(lines)
        + "\n"
    )


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    train = read_queries(source / "train.jsonl") + read_queries(source / "oos_train.jsonl")
    validation = read_queries(source / "val.jsonl") + read_queries(source / "oos_val.jsonl")
    negatives = training_negatives(train, PER_INTENT)
    TRAINING_OUTPUT.write_text(nlu_yaml(negatives, "training"), encoding="utf-8")
    heldout = heldout_queries(validation, project_examples(TRAINING_OUTPUT.parent))
    HELDOUT_OUTPUT.write_text(nlu_yaml(heldout, "validation"), encoding="utf-8")
    print(f"{len(negatives)} training negatives -> {TRAINING_OUTPUT.relative_to(ROOT)}")
    print(f"{len(heldout)} held-out queries -> {HELDOUT_OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
