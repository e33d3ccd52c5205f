import json

import pytest

from tests.support.rasa_cli import run_rasa, trained_model

MINIMUM_ACCURACY = 0.90


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Rasa's own evaluation of the held-out set that training never sees."""
    out = tmp_path_factory.mktemp("nlu-results")
    result = run_rasa(
        "test",
        "nlu",
        "--model",
        str(trained_model()),
        "--nlu",
        "tests/nlu/heldout.yml",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr[-5000:]
    return out


def read_report(directory, name):
    return json.loads((directory / name).read_text())


def test_held_out_intent_accuracy(reports):
    report = read_report(reports, "intent_report.json")
    assert report["accuracy"] >= MINIMUM_ACCURACY, json.dumps(report, indent=1)[:5000]


def test_held_out_faq_topic_accuracy(reports):
    report = read_report(reports, "response_selection_report.json")
    assert report["accuracy"] >= MINIMUM_ACCURACY, json.dumps(report, indent=1)[:5000]


def test_every_faq_topic_is_in_the_held_out_report(reports):
    report = read_report(reports, "response_selection_report.json")
    topics = {name for name in report if name.startswith("faq/")}
    assert len(topics) == 20, sorted(topics)
