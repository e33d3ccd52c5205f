"""The training and held-out data keep the conversation contract's names and the issue's minimums,
and the held-out sets stay unseen by training."""

import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.support.domain import load_domain

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from nlu_heldout import also_in_training, load_heldout  # noqa: E402

# shared/spec/conversation-contract.md: analytics and the clinic's evaluations use these names.
CONTRACT_FAQ_TOPICS = (
    "what_is_art",
    "how_art_works",
    "art_vs_massage",
    "adhesions",
    "neck_pain",
    "neck_pain_causes",
    "headaches",
    "whiplash",
    "lower_back_pain",
    "lower_back_causes",
    "desk_posture",
    "athletes",
    "benefits",
    "why_effective",
    "sessions_results",
    "candidacy",
    "where_offered",
    "combined_care",
    "nerve_symptoms",
    "not_in_article",
)
CONTRACT_INTENTS = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "bot_challenge",
    "book_appointment",
    "human_handoff",
    "ask_diagnosis",
    "emergency",
    "out_of_scope",
)
MIN_TRAINING_PER_TOPIC = 15
MIN_HELDOUT_PER_TOPIC = 5
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
OUT_OF_SCOPE_HELDOUT = ROOT / "tests" / "nlu" / "out_of_scope_heldout.yml"


def labels(examples):
    return Counter(example.response_key or example.intent for example in examples)


@pytest.fixture(scope="module")
def training():
    return labels(
        example
        for path in sorted((ROOT / "data" / "nlu").glob("*.yml"))
        for example in load_heldout(path)
    )


@pytest.fixture(scope="module")
def heldout():
    return load_heldout(HELDOUT)


@pytest.fixture(scope="module")
def domain():
    return load_domain()


@pytest.mark.parametrize("topic", CONTRACT_FAQ_TOPICS)
def test_every_faq_topic_has_training_examples_held_out_messages_and_an_answer(
    topic, training, heldout, domain
):
    assert training[f"faq/{topic}"] >= MIN_TRAINING_PER_TOPIC
    assert labels(heldout)[f"faq/{topic}"] >= MIN_HELDOUT_PER_TOPIC
    assert f"utter_faq/{topic}" in domain["responses"]


def test_no_faq_topic_beyond_the_contract_is_answered_without_being_listed(training, domain):
    trained_topics = {label.removeprefix("faq/") for label in training if label.startswith("faq/")}
    answered = {
        name.removeprefix("utter_faq/")
        for name in domain["responses"]
        if name.startswith("utter_faq/")
    }
    assert trained_topics == answered
    assert set(CONTRACT_FAQ_TOPICS) <= trained_topics


@pytest.mark.parametrize("intent", CONTRACT_INTENTS)
def test_every_contract_intent_is_in_the_domain_and_trained(intent, training, domain):
    assert intent in domain["intents"]
    assert training[intent] >= MIN_TRAINING_PER_TOPIC


def test_held_out_messages_never_appear_in_the_training_data(heldout):
    examples = heldout + load_heldout(OUT_OF_SCOPE_HELDOUT, all_out_of_scope=True)
    assert also_in_training(examples, ROOT / "data") == []
