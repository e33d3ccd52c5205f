"""Rejection thresholds chosen on validation data: out-of-fold predictions on the training data.

Both the project's classifier and the TF-IDF peer get their threshold the same way: each
training example is scored by a model trained without its fold, and the threshold is the one
under which those out-of-fold predictions do best on average over three shares: in-scope
examples answered right, out-of-scope examples rejected, boundary examples answered safely. The
held-out sets in tests/nlu/ play no part in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.model_selection import StratifiedKFold

from bench.nlu_heldout import OUT_OF_SCOPE_INTENT
from bench.nlu_scoring import FALLBACK_INTENT, REJECTION_INTENTS, SAFE_LABELS

FOLDS = 5
THRESHOLDS = tuple(round(value, 2) for value in np.arange(0.10, 0.95, 0.05))
BOUNDARY_LABELS = frozenset(
    {"ask_medication", "other_condition", "faq/not_in_article", "faq/ask_practitioner_first"}
)

# Trains on (indices of the training examples) and returns class probabilities for others.
FoldModel = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, list[str]]]


@dataclass(frozen=True)
class ThresholdFigures:
    threshold: float
    in_scope_accuracy: float
    false_rejection: float
    out_of_scope_rejection: float
    boundary_safe: float

    @property
    def objective(self) -> float:
        return (self.in_scope_accuracy + self.out_of_scope_rejection + self.boundary_safe) / 3


def out_of_fold_probabilities(
    labels: Sequence[str], fit_predict: FoldModel, folds: int = FOLDS
) -> tuple[np.ndarray, list[str]]:
    """Each example's class probabilities from a model that never saw it."""
    y = np.asarray(labels)
    classes = sorted(set(labels))
    probabilities = np.zeros((len(y), len(classes)))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    for train, held in splitter.split(np.zeros(len(y)), y):
        fold_probabilities, fold_classes = fit_predict(train, held)
        columns = [classes.index(label) for label in fold_classes]
        probabilities[np.ix_(held, columns)] = fold_probabilities
    return probabilities, classes


def figures_at(
    probabilities: np.ndarray, classes: Sequence[str], labels: Sequence[str], threshold: float
) -> ThresholdFigures:
    best = probabilities.argmax(axis=1)
    predicted = [
        classes[column] if probabilities[row, column] >= threshold else FALLBACK_INTENT
        for row, column in enumerate(best)
    ]
    pairs = list(zip(labels, predicted, strict=True))
    in_scope = [(y, p) for y, p in pairs if y != OUT_OF_SCOPE_INTENT and y not in BOUNDARY_LABELS]
    out_of_scope = [p for y, p in pairs if y == OUT_OF_SCOPE_INTENT]
    boundary = [p for y, p in pairs if y in BOUNDARY_LABELS]
    return ThresholdFigures(
        threshold=threshold,
        in_scope_accuracy=float(np.mean([y == p for y, p in in_scope])),
        false_rejection=float(np.mean([p in REJECTION_INTENTS for _, p in in_scope])),
        out_of_scope_rejection=float(np.mean([p in REJECTION_INTENTS for p in out_of_scope])),
        boundary_safe=float(np.mean([p in SAFE_LABELS for p in boundary])),
    )


def sweep(
    probabilities: np.ndarray, classes: Sequence[str], labels: Sequence[str]
) -> list[ThresholdFigures]:
    return [figures_at(probabilities, classes, labels, value) for value in THRESHOLDS]


def best_threshold(figures: Sequence[ThresholdFigures]) -> ThresholdFigures:
    """The best objective; on a tie, the lower threshold (fewer in-scope messages rejected)."""
    return max(figures, key=lambda row: (round(row.objective, 6), -row.threshold))
