import numpy as np
import pytest

from bench.calibration import (
    EmergencyFloorFigures,
    best_emergency_floor,
    best_threshold,
    emergency_floors,
    figures_at,
    out_of_fold_probabilities,
    sweep,
)

CLASSES = ["emergency", "faq/neck_pain", "faq/not_in_article", "out_of_scope"]


def test_figures_at_a_threshold_count_answers_rejections_and_safe_landings():
    labels = ["faq/neck_pain", "faq/neck_pain", "out_of_scope", "faq/not_in_article"]
    probabilities = np.array(
        [
            [0.0, 0.9, 0.1, 0.0],  # right
            [0.0, 0.4, 0.3, 0.3],  # below 0.5: rejected
            [0.0, 0.6, 0.0, 0.4],  # out of scope answered with an ART answer
            [0.0, 0.3, 0.6, 0.1],  # boundary: its own answer
        ]
    )

    figures = figures_at(probabilities, CLASSES, labels, 0.5)

    assert figures.in_scope_accuracy == pytest.approx(0.5)
    assert figures.false_rejection == pytest.approx(0.5)
    assert figures.out_of_scope_rejection == 0.0
    assert figures.boundary_safe == 1.0


def test_best_threshold_prefers_the_lower_one_on_a_tie():
    labels = ["faq/neck_pain", "out_of_scope"]
    probabilities = np.array([[0.0, 0.95, 0.0, 0.05], [0.0, 0.05, 0.0, 0.95]])

    chosen = best_threshold(sweep(probabilities, CLASSES, labels))

    assert chosen.threshold == pytest.approx(0.1)


def test_out_of_fold_probabilities_come_from_models_that_never_saw_the_example():
    labels = ["a", "b"] * 10
    seen = []

    def fit_predict(train, held):
        assert not set(train) & set(held)
        seen.extend(held)
        return np.tile([0.25, 0.75], (len(held), 1)), ["a", "b"]

    probabilities, classes = out_of_fold_probabilities(labels, fit_predict)

    assert sorted(seen) == list(range(20))
    assert classes == ["a", "b"]
    assert np.allclose(probabilities, [[0.25, 0.75]] * 20)


def test_emergency_floor_catches_most_within_the_false_alarm_budget():
    labels = ["emergency"] * 4 + ["faq/neck_pain"] * 996
    scores = np.concatenate([[0.6, 0.3, 0.12, 0.07], np.full(996, 0.01)])
    scores[4:10] = 0.08  # six of 996 others (0.6 %) look a little like an emergency
    probabilities = np.zeros((1000, len(CLASSES)))
    probabilities[:, 0] = scores
    probabilities[:, 1] = 1 - scores

    rows = emergency_floors(probabilities, CLASSES, labels)
    chosen = best_emergency_floor(rows)

    assert chosen.floor == pytest.approx(0.1)
    assert chosen.recall == pytest.approx(0.75)
    assert chosen.false_alarms == 0.0


def test_emergency_floor_falls_back_to_the_highest_when_none_fits_the_budget():
    rows = [EmergencyFloorFigures(0.1, 1.0, 0.2), EmergencyFloorFigures(0.5, 0.5, 0.1)]
    assert best_emergency_floor(rows).floor == 0.5
