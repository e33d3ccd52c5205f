import numpy as np
import pytest

from bench.calibration import (
    best_threshold,
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


def test_a_safety_question_answered_ask_a_practitioner_first_lands_safely():
    classes = ["faq/ask_practitioner_first", "faq/neck_pain"]
    labels = ["faq/ask_practitioner_first", "faq/ask_practitioner_first"]
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8]])

    figures = figures_at(probabilities, classes, labels, 0.5)

    assert figures.boundary_safe == pytest.approx(0.5)
