from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.classifiers.sklearn_intent_classifier import SklearnIntentClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE as SENTENCE
from rasa.shared.nlu.constants import INTENT, RESPONSE, TEXT
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from clinic.text.minilm_encoder import DEFAULT_MAX_SEQUENCE_LENGTH, load_encoder, packaged_model_dir
from components.minilm_featurizer import MiniLMFeaturizer

MINILM_DIMENSION = 384


def make_featurizer(**config) -> MiniLMFeaturizer:
    return MiniLMFeaturizer.create(
        {**MiniLMFeaturizer.get_default_config(), **config},
        model_storage=None,
        resource=Resource("minilm"),
        execution_context=ExecutionContext(GraphSchema({}), node_name="minilm"),
    )


@pytest.fixture(scope="module")
def featurizer() -> MiniLMFeaturizer:
    return make_featurizer(batch_size=4)


def sentence_vector(message: Message, attribute: str = TEXT) -> np.ndarray:
    sequence, sentence = message.get_dense_features(attribute)
    assert sequence is None
    assert sentence is not None
    return sentence.features


def embed(featurizer: MiniLMFeaturizer, text: str) -> np.ndarray:
    message = Message(data={TEXT: text})
    featurizer.process([message])
    return sentence_vector(message)[0]


def test_sentence_feature_is_one_unit_length_row(featurizer):
    message = Message(data={TEXT: "How does active release technique work?"})

    featurizer.process([message])

    features = sentence_vector(message)
    assert features.shape == (1, MINILM_DIMENSION)
    assert features.dtype == np.float32
    assert np.linalg.norm(features) == pytest.approx(1.0, abs=1e-5)
    assert message.features[0].origin == "minilm"


def test_encoder_gives_an_empty_matrix_for_no_texts():
    encoder = load_encoder(packaged_model_dir().resolve(), DEFAULT_MAX_SEQUENCE_LENGTH)

    assert encoder.encode([]).shape == (0, MINILM_DIMENSION)


@pytest.mark.parametrize(
    ("anchor", "paraphrase", "unrelated"),
    [
        (
            "How does active release technique work?",
            "Can you explain how the active release treatment is done?",
            "What's the weather like in Paris tomorrow?",
        ),
        (
            "My lower back hurts after lifting boxes",
            "I strained my low back picking up something heavy",
            "Can I get a refund for my concert tickets?",
        ),
        (
            "I want to book an appointment",
            "Can I schedule a visit with you?",
            "Tell me a joke about cats",
        ),
    ],
)
def test_paraphrases_are_closer_than_unrelated_sentences(featurizer, anchor, paraphrase, unrelated):
    anchor_vector = embed(featurizer, anchor)

    paraphrase_similarity = anchor_vector @ embed(featurizer, paraphrase)
    unrelated_similarity = anchor_vector @ embed(featurizer, unrelated)

    assert paraphrase_similarity > unrelated_similarity + 0.2


def test_batched_training_features_match_single_message_features(featurizer):
    texts = [
        "hi",
        "Does ART help with headaches that start in the neck?",
        "What is the difference between ART and a regular sports massage for athletes?",
        "thanks",
        "I sit at a desk all day and my neck is stiff by the evening, can you help?",
        "bye",
    ]
    training_data = TrainingData([Message(data={TEXT: text, INTENT: "any"}) for text in texts])

    featurizer.process_training_data(training_data)

    for message in training_data.training_examples:
        single = embed(featurizer, message.get(TEXT))
        np.testing.assert_allclose(sentence_vector(message)[0], single, atol=1e-5)


def test_training_features_cover_responses_and_repeated_texts(featurizer):
    response = "ART is a hands-on soft-tissue therapy built around movement."
    training_data = TrainingData(
        [
            Message(data={TEXT: "what is ART", INTENT: "faq", RESPONSE: response}),
            Message(data={TEXT: "what is ART", INTENT: "other"}),
            Message(data={TEXT: "explain active release", INTENT: "faq", RESPONSE: response}),
        ]
    )

    featurizer.process_training_data(training_data)

    first, repeated, other = training_data.training_examples
    np.testing.assert_array_equal(sentence_vector(first), sentence_vector(repeated))
    assert not np.allclose(sentence_vector(first), sentence_vector(other))
    first_response = sentence_vector(first, RESPONSE)
    assert first_response.shape == (1, MINILM_DIMENSION)
    np.testing.assert_array_equal(first_response, sentence_vector(other, RESPONSE))
    assert repeated.get_dense_features(RESPONSE) == (None, None)


@pytest.mark.parametrize("data", [{}, {INTENT: "greet"}, {TEXT: ""}])
def test_process_leaves_messages_without_text_unfeaturized(featurizer, data):
    message = Message(data=dict(data))

    assert featurizer.process([message]) == [message]

    assert message.features == []


def test_model_path_override_is_used(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        make_featurizer(model_path=str(tmp_path))


def test_explicit_model_path_gives_same_features_as_packaged_model(featurizer):
    explicit = make_featurizer(model_path=str(packaged_model_dir()))

    text = "Is ART a good fit for office workers?"
    np.testing.assert_allclose(embed(explicit, text), embed(featurizer, text), atol=1e-6)


@pytest.mark.parametrize(
    "config",
    [
        {"batch_size": 0},
        {"batch_size": "64"},
        {"max_sequence_length": 1024},
        {"max_sequence_length": True},
        {"model_path": 42},
    ],
)
def test_invalid_config_is_rejected_with_the_setting_named(config):
    with pytest.raises(InvalidConfigException, match=next(iter(config))):
        MiniLMFeaturizer.validate_config({**MiniLMFeaturizer.get_default_config(), **config})


TOY_NLU = """
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hello
    - hi there
    - good morning
    - hey
- intent: book_appointment
  examples: |
    - I want to book an appointment
    - can I schedule a visit
    - book me in for next week
    - I'd like to come in for a session
- intent: faq/what_is_art
  examples: |
    - what is ART
    - what does active release technique mean
    - tell me about active release
- intent: faq/neck_pain
  examples: |
    - can ART help my neck pain
    - my neck is stiff, will this help
    - does it work for a sore neck
responses:
  utter_faq/what_is_art:
  - text: ART is a hands-on soft-tissue therapy.
  utter_faq/neck_pain:
  - text: ART releases adhesions in the neck.
"""


@pytest.mark.slow
def test_diet_and_response_selector_train_and_predict_with_minilm_features(featurizer, tmp_path):
    training_data = RasaYAMLReader().reads(TOY_NLU)
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), node_name="component")

    def create(component_class, name: str, **config):
        return component_class.create(
            {**component_class.get_default_config(), **config}, storage, Resource(name), context
        )

    tokenizer = create(WhitespaceTokenizer, "tokenizer")
    count_vectors = create(CountVectorsFeaturizer, "count_vectors")
    diet = create(DIETClassifier, "diet", epochs=40, random_seed=1)
    selector = create(
        ResponseSelector, "selector", epochs=40, random_seed=1, retrieval_intent="faq"
    )

    tokenizer.process_training_data(training_data)
    count_vectors.train(training_data)
    count_vectors.process_training_data(training_data)
    featurizer.process_training_data(training_data)
    diet.train(training_data)
    selector.train(training_data)

    message = Message(data={TEXT: "what is ART"})
    for component in (tokenizer, count_vectors, featurizer, diet, selector):
        component.process([message])

    for model in (diet.model, selector.model):
        sentence_signature = model.data_signature[TEXT][SENTENCE]
        assert [(s.is_sparse, s.units) for s in sentence_signature if not s.is_sparse] == [
            (False, MINILM_DIMENSION)
        ]
    assert message.get(INTENT)["name"] == "faq"
    prediction = message.get("response_selector")["faq"]["response"]
    assert prediction["intent_response_key"] == "faq/what_is_art"


def test_sklearn_intent_classifier_trains_on_minilm_sentence_features(featurizer, tmp_path):
    training_data = RasaYAMLReader().reads(TOY_NLU)
    classifier = SklearnIntentClassifier.create(
        SklearnIntentClassifier.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("sklearn"),
        ExecutionContext(GraphSchema({}), node_name="sklearn"),
    )

    featurizer.process_training_data(training_data)
    classifier.train(training_data)
    messages = [Message(data={TEXT: "could you book me a session"}), Message(data={TEXT: "hiya"})]
    classifier.process(featurizer.process(messages))

    assert [message.get(INTENT)["name"] for message in messages] == ["book_appointment", "greet"]
