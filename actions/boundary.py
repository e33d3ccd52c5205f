"""The answer to a condition or body area the article does not cover, naming it when recognised."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from clinic.booking.regions import uncovered_topic


class AnswerOtherCondition(Action):
    def name(self) -> str:
        return "action_answer_other_condition"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        named = uncovered_topic(
            [str(value) for value in tracker.get_latest_entity_values("CONDITION")],
            [str(value) for value in tracker.get_latest_entity_values("BODY_REGION")],
        )
        if named:
            dispatcher.utter_message(response="utter_other_condition_named", condition=named)
        else:
            dispatcher.utter_message(response="utter_other_condition")
        return []
