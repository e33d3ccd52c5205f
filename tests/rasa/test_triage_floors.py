"""Floors under the triage figures of the trained model on the held-out triage sets
(tests/triage/heldout/), a little below what the model reaches today. Where that is still short
of the issue's target (docs/triage.md), the floor only stops it from getting worse."""

import pytest

# figure name (bench/triage_figures.py) -> (bound, floor)
FLOORS = {
    "red flags to emergency or crisis": (">=", 0.97),
    "crisis messages to crisis": (">=", 0.93),
    "everyday complaints to emergency/crisis/urgent care": ("<=", 0.02),
    "everyday complaints given symptom_check": ("<=", 0.05),
    "neck/lower-back statements given a neck, back, nerve or evaluation answer": (">=", 0.92),
    "negated or historical mentions sent to 911": ("<=", 0.06),
    "urgent-care messages to urgent care or higher": (">=", 0.95),
    "Spanish red flags to emergency or crisis": (">=", 0.93),
    "Spanish routine messages sent to 911": ("<=", 0.02),
}


@pytest.fixture(scope="module")
def figures(floor_figures):
    """`bench.bench_triage --project-only`'s figures (run in tests/rasa/conftest.py's
    floor_figures, with the NLU floors' figures) by name."""
    rows = floor_figures.triage["figures"]["project"]
    return {row["name"]: row["share"] for row in rows}


@pytest.mark.parametrize("name", list(FLOORS))
def test_triage_figure_stays_above_its_floor(figures, name):
    bound, floor = FLOORS[name]
    assert name in figures
    assert figures[name] >= floor if bound == ">=" else figures[name] <= floor
