from pathlib import Path

import pytest

from bench.nlu_evaluate import evaluate, headline
from bench.nlu_heldout import BOUNDARY, IN_SCOPE, OUT_OF_SCOPE, HeldOutExample, HeldOutSet
from bench.nlu_scoring import Prediction
from bench.peers import TfidfPeer, prediction_for


def test_prediction_for_a_topic_carries_it_in_the_selector():
    assert prediction_for("faq/neck_pain").label == "faq/neck_pain"
    assert prediction_for("faq/neck_pain").intent == "faq"
    assert prediction_for("greet") == Prediction("greet")


def test_tfidf_peer_answers_what_it_learned_and_rejects_below_its_threshold():
    texts = ["what is active release", "what is ART", "can i take advil", "advil ok"] * 3
    labels = ["faq/what_is_art", "faq/what_is_art", "ask_medication", "ask_medication"] * 3

    sure = TfidfPeer(threshold=0.1).fit(texts, labels)
    unsure = TfidfPeer(threshold=0.99).fit(texts, labels)

    [(prediction, milliseconds)] = sure.parse(["what is active release exactly"])
    assert prediction.label == "faq/what_is_art"
    assert milliseconds >= 0
    assert unsure.parse(["zebra crossing"])[0][0].label == "nlu_fallback"


def test_evaluate_scores_each_set_by_its_kind():
    sets = {
        HeldOutSet("in-scope", Path("a.yml"), IN_SCOPE): [
            HeldOutExample("hi", "greet", None, True),
            HeldOutExample("what is ART", "faq", "faq/what_is_art", True),
        ],
        HeldOutSet("weather", Path("b.yml"), OUT_OF_SCOPE): [
            HeldOutExample("rain?", "out_of_scope", None, False)
        ],
        HeldOutSet("boundary", Path("c.yml"), BOUNDARY): [
            HeldOutExample("advil?", "ask_medication", None, True),
            HeldOutExample("bunion?", "other_condition", None, True),
        ],
    }
    answers = {
        "hi": "greet",
        "what is ART": "faq/what_is_art",
        "rain?": "faq/neck_pain",
        "advil?": "ask_medication",
        "bunion?": "out_of_scope",
    }

    def parse(texts):
        return [(prediction_for(answers[text]), 2.0) for text in texts]

    flat = headline(evaluate(sets, parse))

    assert flat == {
        "accuracy": 1.0,
        "false_rejection": 0.0,
        "rejected: weather": 0.0,
        "boundary_safe": 1.0,
        "boundary_dedicated": pytest.approx(0.5),
    }
