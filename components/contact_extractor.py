"""Rasa NLU component: phone_number and email entities found by clinic.text.contact_parsing."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from clinic.text.contact_parsing import Found, find_emails, find_phone_numbers


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ContactDetailsExtractor(GraphComponent, EntityExtractorMixin):
    """Marks phone numbers and email addresses so that corrections fill the right slot."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"region": "US"}

    def __init__(self, config: dict[str, Any]) -> None:
        self._region = str(config["region"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ContactDetailsExtractor:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            found = [
                self._entity("phone_number", item)
                for item in find_phone_numbers(text, self._region)
            ] + [self._entity("email", item) for item in find_emails(text)]
            if found:
                message.set(
                    ENTITIES,
                    message.get(ENTITIES, []) + self.add_extractor_name(found),
                    add_to_output=True,
                )
        return messages

    @staticmethod
    def _entity(name: str, item: Found) -> dict[str, Any]:
        return {"entity": name, "value": item.text, "start": item.start, "end": item.end}
