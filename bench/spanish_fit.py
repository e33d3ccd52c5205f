"""Fits the scope classifier's two models offline, on cached features, and scores Spanish
development sets: a quick way to try the Spanish model's knobs and new training data without
training a Rasa model (docs/spanish.md).

Usage: .venv/bin/python -m bench.spanish_fit [--set tests/nlu/es_dev2.yml --set tests/nlu/es_dev3]
    [--c 30] [--spanish-c 30] [--dense-weight 2.0] [--threshold 0.35] [--misses]

It fits as `components/scope_classifier.py` does with `spanish_model: true` (the English model on
the examples not written in Spanish, the Spanish one on all of them, accents folded), routes each
message as it does (`has_spanish`), and rejects below the FallbackClassifier's threshold. The
triage stage and the gibberish guard are left out, so its figures are a close, not an exact,
reading of the trained model's (`bench.spanish_dev`). Sentence embeddings and entity marks are
cached by text in the file `--cache` names. The held-out sets are never read.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.loading import load_data

from bench.nlu_heldout import ROOT, HeldOutExample
from bench.nlu_scoring import score, score_boundary
from bench.peers import prediction_for, thresholded
from bench.spanish_dev import BOUNDARY_LABELS, DEV_SET_2, DEV_SET_3, load_sets
from clinic.text.language_detect import SPANISH, detect
from clinic.triage.tiers import TIER_INTENTS
from components.scope_classifier import reads_as_spanish, spanish_only_words
from components.scope_features import ScopeFeatures
from components.scope_model import ScopeModel, ScopeModelSettings

SPACY_MODEL = ROOT / "build/spacy/en_proclinix"
NLU_DATA = ROOT / "data/nlu"
DEFAULT_CACHE = Path("/tmp/proclinix-scope-features.pkl")


@dataclass(frozen=True)
class Example:
    text: str
    label: str


def training_examples(directory: Path) -> list[Example]:
    """The scope classifier's training examples: every labelled NLU example but the triage
    tiers'."""
    messages = load_data(str(directory)).intent_examples
    return [
        Example(message.get(TEXT), message.get(INTENT_RESPONSE_KEY) or message.get(INTENT))
        for message in messages
        if message.get(TEXT) and message.get(INTENT) not in TIER_INTENTS
    ]


class FeatureCache:
    """Entity marks and sentence embeddings by text, computed once and kept in a file."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._by_text: dict[str, tuple[str, np.ndarray]] = (
            pickle.loads(path.read_bytes()) if path.is_file() else {}  # noqa: S301
        )
        self._features: ScopeFeatures | None = None

    def get(self, texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
        missing = sorted({text for text in texts if text not in self._by_text})
        if missing:
            self._features = self._features or ScopeFeatures(SPACY_MODEL)
            marks = self._features.marks(missing)
            embeddings = self._features.embeddings(missing)
            self._by_text.update(zip(missing, zip(marks, embeddings, strict=True), strict=True))
            self._path.write_bytes(pickle.dumps(self._by_text))
        return (
            [self._by_text[text][0] for text in texts],
            np.stack([self._by_text[text][1] for text in texts]),
        )


def fit(
    settings: ScopeModelSettings, examples: Sequence[Example], cache: FeatureCache
) -> ScopeModel:
    texts = [example.text for example in examples]
    marks, dense = cache.get(texts)
    return ScopeModel(settings).fit(texts, marks, dense, [example.label for example in examples])


def english_model(
    settings: ScopeModelSettings, examples: Sequence[Example], cache: FeatureCache, path: Path
) -> ScopeModel:
    """The English model, kept beside the feature cache while its examples and settings stay the
    same (Spanish data and the Spanish model's knobs leave it as it is)."""
    key = hashlib.sha256(
        repr((settings, [(example.text, example.label) for example in examples])).encode()
    ).hexdigest()[:16]
    stored = path.with_name(f"{path.stem}-english-{key}.pkl")
    if stored.is_file():
        return pickle.loads(stored.read_bytes())  # noqa: S301
    model = fit(settings, examples, cache)
    stored.write_bytes(pickle.dumps(model))
    return model


def predict(
    models: dict[bool, ScopeModel],
    texts: Sequence[str],
    cache: FeatureCache,
    threshold: float,
    spanish_words: frozenset[str],
) -> list[str]:
    """The label of each text, from the model the component routes it to, or `nlu_fallback`."""
    labels: list[str] = [""] * len(texts)
    for spanish, model in models.items():
        rows = [
            index
            for index, text in enumerate(texts)
            if reads_as_spanish(text, spanish_words) == spanish
        ]
        if not rows:
            continue
        group = [texts[index] for index in rows]
        marks, dense = cache.get(group)
        chosen = thresholded(model.predict_proba(group, marks, dense), model.labels, threshold)
        for index, label in zip(rows, chosen, strict=True):
            labels[index] = label
    return labels


def report(
    name: str, examples: Sequence[HeldOutExample], labels: Sequence[str], misses: bool
) -> None:
    predictions = [prediction_for(label) for label in labels]
    scores = score(examples, predictions)
    pairs = [
        (example, prediction)
        for example, prediction in zip(examples, predictions, strict=True)
        if (example.response_key or example.intent) in BOUNDARY_LABELS
    ]
    boundary = score_boundary([example for example, _ in pairs], [p for _, p in pairs])
    right = len(examples) - len(scores.misses)
    print(
        f"{name}: right {right / len(examples):.1%} of {len(examples)}, "
        f"in-scope {scores.accuracy:.1%}, off-topic rejected {scores.out_of_scope_rejection:.1%}, "
        f"boundary safe {boundary.safe:.1%}"
    )
    if misses:
        for miss in scores.misses:
            print(f"  {miss.expected} -> {miss.predicted}: {miss.text}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, action="append", help="a development set (repeatable)")
    parser.add_argument("--data", type=Path, default=NLU_DATA, help="the NLU training data")
    parser.add_argument("--c", type=float, default=30.0, help="the English model's C")
    parser.add_argument("--spanish-c", type=float, default=30.0, help="the Spanish model's C")
    parser.add_argument("--dense-weight", type=float, default=2.0)
    parser.add_argument("--spanish-dense-weight", type=float, default=2.0)
    parser.add_argument(
        "--threshold", type=float, action="append", help="the fallback threshold (repeatable)"
    )
    parser.add_argument("--misses", action="store_true", help="list every message it got wrong")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    cache = FeatureCache(args.cache)
    examples = training_examples(args.data)
    english = [example for example in examples if detect(example.text) != SPANISH]
    models = {
        False: english_model(
            ScopeModelSettings(c=args.c, dense_weight=args.dense_weight), english, cache, args.cache
        ),
        True: fit(
            ScopeModelSettings(
                c=args.spanish_c, dense_weight=args.spanish_dense_weight, fold_accents=True
            ),
            examples,
            cache,
        ),
    }
    routings = {
        "has_spanish": frozenset(),
        "spanish_words": spanish_only_words([example.text for example in examples]),
    }
    for routing, spanish_words in routings.items():
        for threshold in args.threshold or [0.35]:
            for path in args.set or [DEV_SET_2, DEV_SET_3]:
                dev = load_sets([path])
                texts = [example.text for example in dev]
                labels = predict(models, texts, cache, threshold, spanish_words)
                name = path.relative_to(ROOT) if path.is_absolute() else path
                report(f"{routing}, threshold {threshold}, {name}", dev, labels, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
