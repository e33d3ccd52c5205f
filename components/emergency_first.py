"""Rasa NLU component: a message that may be an emergency is treated as one.

Missing a red flag costs far more than a needless "call 911", so the emergency answer does not
need to be the classifier's first choice: it is enough that its probability in the intent
ranking reaches a low floor (chosen by `make bench-nlu` on cross-validated training data). Put
it last in the pipeline, after the FallbackClassifier, so that a low-confidence message with an
emergency in it is not rejected either.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

FLOOR = "floor"
EMERGENCY_INTENT = "emergency"


def emergency_confidence(message: Message) -> float:
    """The emergency intent's confidence in the message's intent ranking (0 when absent)."""
    for entry in message.get(INTENT_RANKING_KEY) or []:
        if entry.get(INTENT_NAME_KEY) == EMERGENCY_INTENT:
            return float(entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    return 0.0


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EmergencyFirst(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {FLOOR: 0.1}

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        floor = config.get(FLOOR)
        if not isinstance(floor, int | float) or isinstance(floor, bool) or not 0 < floor < 1:
            raise InvalidConfigException(
                f"EmergencyFirst: '{FLOOR}' must be a number between 0 and 1, got {floor!r}."
            )

    def __init__(self, config: dict[str, Any]) -> None:
        self._floor = float(config[FLOOR])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EmergencyFirst:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            confidence = emergency_confidence(message)
            current = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if confidence >= self._floor and current != EMERGENCY_INTENT:
                message.set(
                    INTENT,
                    {INTENT_NAME_KEY: EMERGENCY_INTENT, PREDICTED_CONFIDENCE_KEY: confidence},
                    add_to_output=True,
                )
        return messages
