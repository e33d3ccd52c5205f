"""Rasa NLU component: triage, decided apart from (and after) the topic.

Put it last in the pipeline, after the FallbackClassifier: whatever the topic classifier chose,
a message that the red-flag rules or the triage model flag gets the tier's intent (`emergency`,
`crisis`, `urgent_care`, or `symptom_check` when unsure; clinic/triage/decision.py). The topic
classifier's ranking stays in `intent_ranking` behind the tier, so an answered symptom check can
still give the topic's answer. The model trains on the tier intents' examples against every
other example (routine), and on the triage-only sets of `training_sets` (data/triage/,
clinic/triage/training_sets.py), which it featurizes itself as the pipeline would; its operating
point is in config.yml, chosen by `make bench-triage`.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from clinic.triage.decision import ROUTINE_LABEL, RULE, Decision, OperatingPoint, decide
from clinic.triage.tiers import ROUTINE, TRAINED_TIERS, TRIAGE_KEY
from clinic.triage.training_sets import load_training_sets, sets_digest
from components.scope_classifier import message_marks, sentence_embedding
from components.scope_features import ScopeFeatures
from components.scope_model import ScopeModel, ScopeModelSettings

MODEL_FILE = "triage_model.pkl"
THRESHOLDS = ("emergency", "crisis", "urgent_care", "check", "overrule")
TRAINING_SETS = "training_sets"
SPACY_MODEL = "spacy_model"


def operating_point(config: dict[str, Any]) -> OperatingPoint:
    """The thresholds of a TriageStage entry of config.yml."""
    return OperatingPoint(**{name: float(config[name]) for name in THRESHOLDS})


def triage_label(intent: str | None) -> str:
    return intent if intent in TRAINED_TIERS else ROUTINE_LABEL


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TriageStage(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [SpacyNLP, DenseFeaturizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        defaults = ScopeModelSettings()
        return {
            "C": defaults.c,
            "dense_weight": defaults.dense_weight,
            "emergency": 0.5,
            "crisis": 0.5,
            "urgent_care": 0.5,
            "check": 0.3,
            "overrule": 0.95,
            # Triage-only sets, and the spaCy model that featurizes them (SpacyNLP's own).
            TRAINING_SETS: None,
            SPACY_MODEL: None,
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        try:
            operating_point(config)
        except (TypeError, ValueError) as problem:
            raise InvalidConfigException(f"TriageStage: {problem}") from problem

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        # Rasa fingerprints the NLU data only: the triage-only sets are read here, outside it.
        directory = config.get(TRAINING_SETS)
        return sets_digest(Path(directory)) if directory else None

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: ScopeModel | None = None,
    ) -> None:
        self._settings = ScopeModelSettings(
            c=float(config["C"]), dense_weight=float(config["dense_weight"])
        )
        self._point = operating_point(config)
        self._training_sets = config.get(TRAINING_SETS)
        self._spacy_model = config.get(SPACY_MODEL)
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TriageStage:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [message for message in training_data.intent_examples if message.get(TEXT)]
        texts = [message.get(TEXT) for message in examples]
        marks = [message_marks(message) for message in examples]
        embeddings = np.stack([sentence_embedding(message) for message in examples])
        labels = [triage_label(message.get(INTENT)) for message in examples]
        extra = load_training_sets(Path(self._training_sets)) if self._training_sets else []
        if extra:
            if not self._spacy_model:
                raise InvalidConfigException(f"TriageStage: {TRAINING_SETS} needs {SPACY_MODEL}")
            features = ScopeFeatures(Path(self._spacy_model))
            extra_texts = [example.text for example in extra]
            texts += extra_texts
            marks += features.marks(extra_texts)
            embeddings = np.concatenate([embeddings, features.embeddings(extra_texts)])
            labels += [example.label for example in extra]
        self._model = ScopeModel(self._settings).fit(texts, marks, embeddings, labels)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_bytes(pickle.dumps(self._model))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TriageStage:
        # The file is written by this component's own training, inside the trained model.
        with model_storage.read_from(resource) as directory:
            model = pickle.loads((directory / MODEL_FILE).read_bytes())  # noqa: S301
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            probabilities = None
            if self._model is not None:
                row = self._model.predict_proba(
                    [text], [message_marks(message)], np.stack([sentence_embedding(message)])
                )[0]
                probabilities = dict(zip(self._model.labels, row.tolist(), strict=True))
            self._apply(message, decide(text, probabilities, self._point))
        return messages

    @staticmethod
    def _apply(message: Message, decision: Decision) -> None:
        message.set(
            TRIAGE_KEY,
            {
                "tier": decision.tier.intent or ROUTINE_LABEL,
                "source": decision.source,
                "category": decision.category,
                "risk": round(decision.risk, 4),
            },
            add_to_output=True,
        )
        if decision.tier is ROUTINE:
            return
        confidence = max(decision.risk, 1.0 if decision.source == RULE else 0.0)
        tier = {INTENT_NAME_KEY: decision.tier.intent, PREDICTED_CONFIDENCE_KEY: confidence}
        message.set(INTENT, tier, add_to_output=True)
        topics = [
            entry
            for entry in message.get(INTENT_RANKING_KEY) or []
            if entry.get(INTENT_NAME_KEY) != decision.tier.intent
        ]
        message.set(INTENT_RANKING_KEY, [tier, *topics], add_to_output=True)
