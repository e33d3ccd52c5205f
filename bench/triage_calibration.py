"""The triage operating point, chosen on out-of-fold predictions on the training data.

Each threshold is the lowest that keeps the model's false alarms on the training data's
everyday complaints (the hard negatives: neck, back, nerve and other-body complaints, diagnosis
questions) within a budget; the symptom-check threshold likewise for the question it asks. The
held-out sets play no part in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from clinic.triage.decision import ROUTINE_LABEL, OperatingPoint, decide

# Shares of the everyday-complaint training examples the model alone may send to a tier, or ask.
FALSE_ALARM_BUDGET = 0.002
CHECK_BUDGET = 0.03
GRID = tuple(round(value, 2) for value in np.arange(0.2, 0.96, 0.05))
CHECK_GRID = tuple(round(value, 2) for value in np.arange(0.1, 0.81, 0.05))
COMPLAINT_INTENTS = frozenset(
    {
        "faq/neck_pain",
        "faq/lower_back_pain",
        "faq/nerve_symptoms",
        "faq/headaches",
        "faq/whiplash",
        "faq/neck_pain_causes",
        "faq/lower_back_causes",
        "other_condition",
        "ask_diagnosis",
    }
)


@dataclass(frozen=True)
class CalibrationFigures:
    point: OperatingPoint
    # Out of fold, rules and model together, on the training data.
    tier_recall: dict[str, float]
    complaint_alarms: float
    complaint_checks: float


def _lowest(grid: Sequence[float], scores: np.ndarray, budget: float) -> float:
    return next((value for value in grid if np.mean(scores >= value) <= budget), grid[-1])


def choose_point(
    probabilities: np.ndarray,
    classes: Sequence[str],
    labels: Sequence[str],
    complaint: np.ndarray,
    overrule: float,
) -> OperatingPoint:
    """`complaint`: which examples are everyday complaints (their label is routine). `overrule`
    is not calibrated here: it is config.yml's, chosen on the development sets."""
    column = {label: classes.index(label) for label in classes}
    thresholds = {
        tier: _lowest(GRID, probabilities[complaint, column[tier]], FALSE_ALARM_BUDGET)
        for tier in ("emergency", "crisis", "urgent_care")
    }
    at_risk = 1.0 - probabilities[complaint, column[ROUTINE_LABEL]]
    check = _lowest(CHECK_GRID, at_risk, CHECK_BUDGET)
    return OperatingPoint(check=check, overrule=overrule, **thresholds)


def evaluate_point(
    texts: Sequence[str],
    probabilities: np.ndarray,
    classes: Sequence[str],
    labels: Sequence[str],
    complaint: np.ndarray,
    point: OperatingPoint,
    *,
    rules: bool = True,
) -> CalibrationFigures:
    tiers = [
        decide(text, dict(zip(classes, row.tolist(), strict=True)), point, rules=rules).tier
        for text, row in zip(texts, probabilities, strict=True)
    ]
    recall = {}
    for tier in ("emergency", "crisis", "urgent_care"):
        mine = [t for t, label in zip(tiers, labels, strict=True) if label == tier]
        wanted = {"emergency": 3, "crisis": 4, "urgent_care": 2}[tier]
        recall[tier] = float(np.mean([t.severity >= wanted for t in mine])) if mine else 0.0
    complaints = [t for t, flag in zip(tiers, complaint, strict=True) if flag]
    return CalibrationFigures(
        point=point,
        tier_recall=recall,
        complaint_alarms=float(np.mean([t.severity >= 2 for t in complaints])),
        complaint_checks=float(np.mean([t.severity == 1 for t in complaints])),
    )
