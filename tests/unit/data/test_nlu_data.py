"""The training and held-out data keep the conversation contract's names and the issue's minimums,
and the held-out sets stay unseen by training."""

import re
from collections import Counter
from pathlib import Path

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from testkit.domain import load_domain

ROOT = Path(__file__).resolve().parents[3]

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
    "ask_medication",
    "other_condition",
    "emergency",
    "out_of_scope",
)
MIN_TRAINING_PER_TOPIC = 15
MIN_HELDOUT_PER_TOPIC = 5
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
OUT_OF_SCOPE_HELDOUT = ROOT / "tests" / "nlu" / "out_of_scope_heldout.yml"
BOUNDARY_HELDOUT = ROOT / "tests" / "nlu" / "boundary_heldout.yml"
CLINC150_HELDOUT = ROOT / "tests" / "nlu" / "clinc150_validation.yml"
# Questions the article does not answer (issue 7): each gets its dedicated answer.
BOUNDARY_LABELS = ("ask_medication", "other_condition", "faq/not_in_article")
MIN_BOUNDARY_TRAINING = 150
MIN_BOUNDARY_HELDOUT = 120
MIN_BOUNDARY_HELDOUT_PER_LABEL = 40
MIN_CLINC150_HELDOUT = 2500
# Issue 19's Spanish held-out sets, checked wherever their files exist (the bench scores the same
# files: SPANISH_HELDOUT_SETS in bench/nlu_heldout.py, checked by tests/unit/bench).
SPANISH_HELDOUT = [
    ROOT / "tests" / "nlu" / "es" / name
    for name in ("heldout.yml", "boundary_heldout.yml", "out_of_scope_heldout.yml")
]
# Short stock replies ("hola", "muchas gracias", "sí, claro") are in a Spanish held-out set and in
# the training data by nature, written by both authors; longer messages never are.
SHORT_REPLY_WORDS = 3
# Read and tuned on, never trained on (docs/spanish.md).
SPANISH_DEV = ROOT / "tests" / "spanish" / "dev" / "nlu_dev.yml"
SPANISH_DEV_2 = ROOT / "tests" / "nlu" / "es_dev2.yml"
SPANISH_DEV_3 = sorted((ROOT / "tests" / "nlu" / "es_dev3").glob("*.yml"))
SPANISH_DEV_4 = sorted((ROOT / "tests" / "nlu" / "es_dev4").glob("*.yml"))
SPANISH_DEV_5 = sorted((ROOT / "tests" / "nlu" / "es_dev5").glob("*.yml"))
SPANISH_DEV_6 = sorted((ROOT / "tests" / "nlu" / "es_dev6").glob("*.yml"))
SPANISH_DEV_7 = sorted((ROOT / "tests" / "nlu" / "es_dev7").glob("*.yml"))
SPANISH_DEV_8 = sorted((ROOT / "tests" / "nlu" / "es_dev8").glob("*.yml"))


def examples(path: Path) -> list[Message]:
    messages = load_data(str(path)).intent_examples
    assert messages, f"{path} holds no labelled NLU examples"
    return messages


def labels(messages):
    """Per FAQ topic ("faq/neck_pain") or other intent, how many messages carry it."""
    return Counter(message.get(INTENT_RESPONSE_KEY) or message.get(INTENT) for message in messages)


def normalised(text):
    """Case, spacing and punctuation ignored: "Baclofen?" and "baclofen" are the same message."""
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


@pytest.fixture(scope="module")
def training_messages():
    return [
        message
        for path in sorted((ROOT / "data" / "nlu").glob("*.yml"))
        for message in examples(path)
    ]


@pytest.fixture(scope="module")
def training(training_messages):
    return labels(training_messages)


@pytest.fixture(scope="module")
def heldout():
    return examples(HELDOUT)


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


def test_boundary_sets_have_the_minimum_size(training):
    assert sum(training[label] for label in BOUNDARY_LABELS) >= MIN_BOUNDARY_TRAINING
    boundary = labels(examples(BOUNDARY_HELDOUT))
    assert set(boundary) == set(BOUNDARY_LABELS)
    assert sum(boundary.values()) >= MIN_BOUNDARY_HELDOUT
    assert min(boundary.values()) >= MIN_BOUNDARY_HELDOUT_PER_LABEL


def test_clinc150_validation_set_is_all_out_of_scope():
    clinc = labels(examples(CLINC150_HELDOUT))
    assert set(clinc) == {"out_of_scope"}
    assert clinc["out_of_scope"] >= MIN_CLINC150_HELDOUT


def test_held_out_messages_never_appear_in_the_training_data(heldout, training_messages):
    seen = {normalised(message.get(TEXT)) for message in training_messages}
    held_out = [
        *heldout,
        *examples(OUT_OF_SCOPE_HELDOUT),
        *examples(BOUNDARY_HELDOUT),
        *examples(CLINC150_HELDOUT),
    ]
    assert [m.get(TEXT) for m in held_out if normalised(m.get(TEXT)) in seen] == []


def also_trained(paths: list[Path], training_messages: list[Message]) -> list[str]:
    """The messages of these files, short stock replies aside, that the training data holds too."""
    seen = {normalised(message.get(TEXT)) for message in training_messages}
    return [
        message.get(TEXT)
        for path in paths
        for message in examples(path)
        if normalised(message.get(TEXT)) in seen
        and len(normalised(message.get(TEXT)).split()) > SHORT_REPLY_WORDS
    ]


def test_spanish_held_out_and_development_messages_beyond_short_replies_are_never_trained_on(
    training_messages,
):
    assert len(SPANISH_DEV_3) == 3
    assert len(SPANISH_DEV_4) == 4
    assert len(SPANISH_DEV_5) == 3
    assert len(SPANISH_DEV_6) == 3
    assert len(SPANISH_DEV_7) == 3
    assert len(SPANISH_DEV_8) == 3
    paths = [
        SPANISH_DEV,
        SPANISH_DEV_2,
        *SPANISH_DEV_3,
        *SPANISH_DEV_4,
        *SPANISH_DEV_5,
        *SPANISH_DEV_6,
        *SPANISH_DEV_7,
        *SPANISH_DEV_8,
        *(path for path in SPANISH_HELDOUT if path.is_file()),
    ]
    assert also_trained(paths, training_messages) == []


def test_the_leak_check_finds_a_trained_spanish_message_however_it_is_written(
    tmp_path, training_messages
):
    fixture = tmp_path / "heldout.yml"
    fixture.write_text(
        'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n'
        "    - Hola, buenas tardes, UNA consulta!\n"
        "    - hola, soy un mensaje que nadie escribio en los datos\n"
        "    - Muchas gracias\n",
        encoding="utf-8",
    )
    assert also_trained([fixture], training_messages) == ["Hola, buenas tardes, UNA consulta!"]
