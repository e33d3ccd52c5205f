"""Rasa NLU component: a `language` entity that sets the conversation's `language` slot.

A message that asks for a language ("in English please", "en español") marks that language; a
message written in Spanish marks Spanish (clinic/text/language_detect.py). A message that does
not tell ("ok", "no", a name, a phone number) marks nothing, so the slot keeps its value. English
is the slot's initial value: a message written in English marks nothing either, which keeps the
English test stories free of an entity they do not annotate; a conversation goes back to English
when the visitor asks for it.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from clinic.text.language_choice import chosen_language
from clinic.text.language_detect import SPANISH, Language, detect, prepare

LANGUAGE_ENTITY = "language"


def marked_language(text: str) -> Language | None:
    """The language a message sets the conversation to, or None when it leaves it as it is."""
    chosen = chosen_language(text)
    if chosen is not None:
        return chosen
    return SPANISH if detect(text) == SPANISH else None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageMarker(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageMarker:
        prepare()
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            language = marked_language(text) if text else None
            if language is None:
                continue
            entity = {"entity": LANGUAGE_ENTITY, "value": language, "start": 0, "end": len(text)}
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name([entity]),
                add_to_output=True,
            )
        return messages
