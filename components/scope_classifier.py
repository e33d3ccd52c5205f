"""Rasa NLU component: intents and FAQ topics from one calibrated classifier (`scope_model.py`).

Use it in config.yml as `name: components.scope_classifier.ScopeClassifier`, after `SpacyNLP`
(entity markers) and `MiniLMFeaturizer` (sentence embeddings), before `FallbackClassifier`,
which rejects a message whose best answer is less likely than its threshold.

With `spanish_model: true` it holds two such classifiers (docs/spanish.md): the English one,
trained on the examples not written in Spanish, so English keeps its figures, and one trained
on every example, accents folded, that reads the messages with any Spanish in them (`has_spanish`
in `clinic/text/language_detect.py`) and, with `spanish_words: true`, the messages with a word
only the Spanish training examples have ("juanete", "codo", "deportistas") among those the
language detector cannot place: the English model has never seen such words.

It sets what Rasa's intent classifiers and ResponseSelector set, so rules, `utter_faq` and
`rasa test` work unchanged: `intent` and `intent_ranking` (an FAQ topic counts as intent `faq`,
ranked by its best topic), and `response_selector.faq` with the best FAQ topic.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers import LABEL_RANKING_LENGTH
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
    SPACY_DOCS,
)
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import strip_accents_unicode

from clinic.text.calling_off import calls_off
from clinic.text.deferral import is_deferral
from clinic.text.language_detect import (
    ENGLISH,
    SPANISH,
    Language,
    detect,
    has_spanish,
    lists_lean_spanish,
    words,
)
from clinic.text.pointing_back import FOLLOWUP_MORE, asked_topic, points_back
from clinic.text.thanks import ends_with_thanks
from clinic.text.visit_request import asks_to_be_seen
from clinic.triage.tiers import TIER_INTENTS
from components.scope_model import (
    RETRIEVAL_SEPARATOR,
    FitJob,
    ScopeModel,
    ScopeModelSettings,
    entity_marks,
    fit_models,
)

MODEL_FILE = "scope_model.pkl"
C = "C"
DENSE_WEIGHT = "dense_weight"
# The Spanish model's own weight of the sentence embedding (docs/spanish.md); unset, dense_weight.
SPANISH_DENSE_WEIGHT = "spanish_dense_weight"
SPANISH_MODEL = "spanish_model"
BOOK_INTENT = "book_appointment"
GOODBYE_INTENT = "goodbye"
DENY_INTENT = "deny"
CANCEL_INTENT = "cancel"
THANK_INTENT = "thank"
OUT_OF_SCOPE_INTENT = "out_of_scope"
# What a message that calls off what the visitor was doing may be read as besides the cancel:
# nothing the clinic covers, or an answer ("forget it, ill just call you guys instead").
CALLING_OFF_READ_AS = frozenset({OUT_OF_SCOPE_INTENT, "inform"})
# What a message that asks to be seen may be read as, besides the booking request: its story's
# topic, a body area the article does not cover, nothing the clinic covers ("make an appt":
# words the training data has few of), a cancel ("actually ok, i do want to book after all"), or
# a follow-up ("ok can i get checked for that").
VISIT_READ_AS = frozenset({"faq", "other_condition", "out_of_scope", "cancel", "followup_treat"})
SPANISH_WORDS = "spanish_words"
SPANISH_WORDS_FILE = "spanish_words.pkl"


def _label(message: Message) -> str:
    return message.get(INTENT_RESPONSE_KEY) or message.get(INTENT)


def message_marks(message: Message) -> str:
    doc = message.get(SPACY_DOCS[TEXT])
    return entity_marks((ent.label_, ent.ent_id_) for ent in doc.ents) if doc is not None else ""


def sentence_embedding(message: Message) -> np.ndarray:
    _, sentence = message.get_dense_features(TEXT)
    if sentence is None:
        raise InvalidConfigException(
            "ScopeClassifier needs dense sentence features: put MiniLMFeaturizer before it."
        )
    return sentence.features[0]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class ScopeClassifier(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [SpacyNLP, DenseFeaturizer]

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        defaults = ScopeModelSettings()
        return {
            C: defaults.c,
            DENSE_WEIGHT: defaults.dense_weight,
            SPANISH_DENSE_WEIGHT: None,
            SPANISH_MODEL: False,
            SPANISH_WORDS: False,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        models: dict[Language, ScopeModel] | None = None,
        spanish_words: frozenset[str] = frozenset(),
    ) -> None:
        self._settings = ScopeModelSettings(
            c=float(config[C]), dense_weight=float(config[DENSE_WEIGHT])
        )
        # MiniLM is English-centric: the Spanish model leans less on its embedding, more on the
        # word and character n-grams (es_dev2..es_dev8, docs/spanish.md).
        spanish_weight = config.get(SPANISH_DENSE_WEIGHT)
        self._spanish_settings = replace(
            self._settings,
            fold_accents=True,
            dense_weight=self._settings.dense_weight
            if spanish_weight is None
            else float(spanish_weight),
        )
        self._spanish_model = bool(config.get(SPANISH_MODEL, False))
        self._route_by_words = bool(config.get(SPANISH_WORDS, False))
        self._model_storage = model_storage
        self._resource = resource
        # The English model reads every message, but those the Spanish one (if any) reads.
        self._models = models or {}
        # Words only the Spanish training examples have (spanish_words: true), else none.
        self._spanish_words = spanish_words

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ScopeClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        # The triage tiers are the triage stage's to decide (components/triage_stage.py): the
        # topic is chosen as if the message held no red flag.
        examples = [
            message
            for message in training_data.intent_examples
            if message.get(TEXT) and message.get(INTENT) not in TIER_INTENTS
        ]
        if self._spanish_model:
            texts = [message.get(TEXT) for message in examples]
            english = [message for message in examples if detect(message.get(TEXT)) != SPANISH]
            self._models = fit_models(
                {
                    ENGLISH: _fit_job(self._settings, english),
                    SPANISH: _fit_job(self._spanish_settings, examples),
                }
            )
            if self._route_by_words:
                self._spanish_words = spanish_only_words(texts)
        else:
            self._models = fit_models({ENGLISH: _fit_job(self._settings, examples)})
        with self._model_storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_bytes(pickle.dumps(self._models))
            (directory / SPANISH_WORDS_FILE).write_bytes(pickle.dumps(self._spanish_words))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ScopeClassifier:
        # The file is written by this component's own training, inside the trained model.
        with model_storage.read_from(resource) as directory:
            models = pickle.loads((directory / MODEL_FILE).read_bytes())  # noqa: S301
            words_file = directory / SPANISH_WORDS_FILE
            spanish_words = (
                pickle.loads(words_file.read_bytes())  # noqa: S301
                if words_file.is_file()
                else frozenset()
            )
        return cls(config, model_storage, resource, models, spanish_words)

    def process(self, messages: list[Message]) -> list[Message]:
        to_classify = [message for message in messages if message.get(TEXT)]
        # Like Rasa's classifiers: a message it cannot classify gets no intent, which the
        # FallbackClassifier then rejects.
        for message in messages:
            if ENGLISH not in self._models or not message.get(TEXT):
                message.set(INTENT, {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        if ENGLISH not in self._models:
            return messages
        by_model: dict[Language, list[Message]] = {}
        for message in to_classify:
            language = self._language(message.get(TEXT))
            by_model.setdefault(language, []).append(message)
        for language, group in by_model.items():
            model = self._models[language]
            probabilities = model.predict_proba(
                [message.get(TEXT) for message in group],
                [message_marks(message) for message in group],
                np.stack([sentence_embedding(message) for message in group]),
            )
            for message, row in zip(group, probabilities, strict=True):
                self._set_prediction(message, dict(zip(model.labels, row.tolist(), strict=True)))
                relabel(message)
        return messages

    def _language(self, text: str) -> Language:
        """The model that reads this message: the Spanish one for a message with any Spanish."""
        spanish = SPANISH in self._models and reads_as_spanish(text, self._spanish_words)
        return SPANISH if spanish else ENGLISH

    @staticmethod
    def _set_prediction(message: Message, by_label: dict[str, float]) -> None:
        # An intent's confidence is that of its best label (for `faq`, its best topic).
        by_intent: dict[str, float] = {}
        topics: dict[str, dict[str, float]] = {}
        for label, confidence in by_label.items():
            intent, _, topic = label.partition(RETRIEVAL_SEPARATOR)
            by_intent[intent] = max(by_intent.get(intent, 0.0), confidence)
            if topic:
                topics.setdefault(intent, {})[label] = confidence
        ranking = sorted(by_intent.items(), key=lambda item: item[1], reverse=True)
        message.set(
            INTENT,
            {INTENT_NAME_KEY: ranking[0][0], PREDICTED_CONFIDENCE_KEY: ranking[0][1]},
            add_to_output=True,
        )
        message.set(
            INTENT_RANKING_KEY,
            [
                {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
                for name, confidence in ranking[:LABEL_RANKING_LENGTH]
            ],
            add_to_output=True,
        )
        if topics:
            message.set(
                RESPONSE_SELECTOR_PROPERTY_NAME,
                {
                    RESPONSE_SELECTOR_RETRIEVAL_INTENTS: sorted(topics),
                    **{intent: _selector_output(ranked) for intent, ranked in topics.items()},
                },
                add_to_output=True,
            )


def _on_text(matches: Callable[[str], bool]) -> Callable[[Message], bool]:
    """A test of a message's text, as a test of the message."""
    return lambda message: matches(message.get(TEXT))


def _points_back(message: Message) -> bool:
    read_as = asked_topic({"response_selector": message.get(RESPONSE_SELECTOR_PROPERTY_NAME)})
    return points_back(message.get(TEXT), read_as)


@dataclass(frozen=True)
class Relabel:
    """A message the classifier read as one of `read_as` whose words `match` is `intent`:
    `intent` goes first, with the confidence of the label it displaces."""

    read_as: frozenset[str]
    match: Callable[[Message], bool]
    intent: str


# In this order: each sees what the ones before it decided.
RELABELS = (
    # A message that asks to be seen starts the booking request, though the classifier read its
    # story of the pain as a question ("... my lower back is killing me. can someone see me?").
    # Triage runs after this component, so a red flag still wins.
    Relabel(VISIT_READ_AS, _on_text(asks_to_be_seen), BOOK_INTENT),
    # A question read as a region's or the sessions' topic that names no region but points back
    # ("how many sessions for that?") is a follow-up of the last topic; the topic stays in the
    # response selector's output for action_answer_followup.
    Relabel(frozenset({"faq"}), _points_back, FOLLOWUP_MORE),
    # "Maybe later" read as a goodbye puts off what the assistant offered
    # (action_answer_offer declines the offer politely).
    Relabel(frozenset({GOODBYE_INTENT}), _on_text(is_deferral), DENY_INTENT),
    # "Hmm never mind, she wants to wait until after the holidays": the booking request ends
    # instead of taking it as the answer to its question.
    Relabel(CALLING_OFF_READ_AS, _on_text(calls_off), CANCEL_INTENT),
    # "Ok ill have my OB weigh in. thanks", which the classifier could not place.
    Relabel(frozenset({OUT_OF_SCOPE_INTENT}), _on_text(ends_with_thanks), THANK_INTENT),
)


def relabel(message: Message) -> None:
    """Applies every rule of RELABELS to the classifier's reading of the message."""
    for rule in RELABELS:
        intent = message.get(INTENT) or {}
        if intent.get(INTENT_NAME_KEY) in rule.read_as and rule.match(message):
            _put_first(message, rule.intent, intent[PREDICTED_CONFIDENCE_KEY])


def _put_first(message: Message, name: str, confidence: float) -> None:
    first = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
    others = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get(INTENT_NAME_KEY) != name
    ]
    message.set(INTENT, first, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [first, *others], add_to_output=True)


def spanish_only_words(texts: list[str]) -> frozenset[str]:
    """Words (lower case, accents folded) of the training examples written in Spanish that no
    other training example has."""
    spanish: set[str] = set()
    other: set[str] = set()
    for text in texts:
        (spanish if detect(text) == SPANISH else other).update(folded_words(text))
    return frozenset(spanish - other)


def folded_words(text: str) -> set[str]:
    return {strip_accents_unicode(word) for word in words(text)}


def reads_as_spanish(text: str, spanish_words: frozenset[str]) -> bool:
    """Whether the Spanish model reads the message: any Spanish in it, or, in a message the
    language detector cannot place, a Spanish-only word (not in English: "western" is one, from
    "Western Union"). So too a short message the character model read as English though the word
    lists, with the Spanish-only words counted as known, lean Spanish (`lists_lean_spanish`:
    "dolor cervical cronico", whose "cronico" the English model has never seen; not "lorem ipsum
    dolor")."""
    if has_spanish(text):
        return True
    language = detect(text)
    if language is None:
        return not folded_words(text).isdisjoint(spanish_words)
    return language == ENGLISH and lists_lean_spanish(text, spanish_words)


def _fit_job(settings: ScopeModelSettings, examples: list[Message]) -> FitJob:
    return FitJob(
        settings,
        [message.get(TEXT) for message in examples],
        [message_marks(message) for message in examples],
        np.stack([sentence_embedding(message) for message in examples]),
        [_label(message) for message in examples],
    )


def _selector_output(topics: dict[str, float]) -> dict[str, Any]:
    """What Rasa's ResponseSelector reports for one retrieval intent: the best topic, a ranking."""
    ranked = sorted(topics.items(), key=lambda item: item[1], reverse=True)
    best, confidence = ranked[0]
    return {
        RESPONSE_SELECTOR_PREDICTION_KEY: {
            RESPONSE_SELECTOR_RESPONSES_KEY: [],
            PREDICTED_CONFIDENCE_KEY: confidence,
            INTENT_RESPONSE_KEY: best,
            RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"utter_{best}",
        },
        RESPONSE_SELECTOR_RANKING_KEY: [
            {INTENT_RESPONSE_KEY: key, PREDICTED_CONFIDENCE_KEY: value}
            for key, value in ranked[:LABEL_RANKING_LENGTH]
        ],
    }
