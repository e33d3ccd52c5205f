"""Floors under the NLU figures of the trained model on the held-out sets training never sees
(tests/nlu/), so that a later change of data or pipeline cannot quietly lose the boundary.
The bench (`make bench-nlu`) reports the same figures against their targets."""

import json

import pytest

from testkit.rasa_cli import run_module, trained_model

MINIMUM_IN_SCOPE_ACCURACY = 0.95
MINIMUM_OUT_OF_SCOPE_REJECTION = 0.95
MINIMUM_BOUNDARY_SAFE = 0.95
MINIMUM_BOUNDARY_DEDICATED = 0.80
# Spanish (docs/spanish.md): below the targets, which are not met yet; a few points under
# the second round's measurement (in-scope 84.1 %, boundary safe 92.0 %, off-topic rejected 90.0 %).
SPANISH_FLOORS = {
    ("Spanish in-scope", "accuracy"): 0.81,
    ("Spanish boundary", "safe"): 0.90,
    ("Spanish out-of-scope", "out_of_scope_rejection"): 0.87,
}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    output = tmp_path_factory.mktemp("nlu-floors") / "figures.json"
    result = run_module("bench.nlu_evaluate", str(trained_model()), "--output", str(output))
    assert result.returncode == 0, result.stderr[-5000:]
    return json.loads(output.read_text())["sets"]


def misses(result):
    return json.dumps(result["misses"][:40], indent=1)


def test_in_scope_questions_get_their_answer(figures):
    result = figures["in-scope"]
    assert result["accuracy"] >= MINIMUM_IN_SCOPE_ACCURACY, misses(result)


@pytest.mark.parametrize("name", ["own out-of-scope", "CLINC150 validation"])
def test_out_of_scope_messages_are_rejected(figures, name):
    result = figures[name]
    assert result["out_of_scope_rejection"] >= MINIMUM_OUT_OF_SCOPE_REJECTION, misses(result)


def test_questions_the_article_does_not_answer_get_no_art_answer(figures):
    result = figures["boundary"]
    assert result["safe"] >= MINIMUM_BOUNDARY_SAFE, misses(result)
    assert result["dedicated"] >= MINIMUM_BOUNDARY_DEDICATED, misses(result)


@pytest.mark.parametrize(("name", "figure"), list(SPANISH_FLOORS))
def test_spanish_figures_stay_above_their_floors(figures, name, figure):
    result = figures[name]
    assert result[figure] >= SPANISH_FLOORS[(name, figure)], misses(result)
