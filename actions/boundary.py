"""The answer to a condition or body area the article does not cover, naming it when recognised."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.conversation import take_up_offer
from clinic.booking.regions import uncovered_topic
from clinic.conversations.after_tier import caring_reply
from clinic.conversations.offers import last_offer, reply_to_offer_in_words


class AnswerOtherCondition(Action):
    def name(self) -> str:
        return "action_answer_other_condition"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        caring = caring_reply(tracker.events, tracker.latest_message.get("text") or "")
        if caring:
            # "Ok ill call my doctor" after the urgent-care answer: its caring reply.
            dispatcher.utter_message(response=caring)
            return []
        conditions = [str(value) for value in tracker.get_latest_entity_values("CONDITION")]
        regions = [str(value) for value in tracker.get_latest_entity_values("BODY_REGION")]
        reply = reply_to_offer_in_words(
            tracker.latest_message.get("text") or "", last_offer(tracker.events)
        )
        outside_form = tracker.active_loop_name is None
        if reply is not None and outside_form and not conditions and not regions:
            # "No i'll ask my surgeon first thanks" after an offer, naming no condition: the
            # NLU's other condition is a no to the offer.
            return take_up_offer(dispatcher, tracker, reply)
        named = uncovered_topic(conditions, regions)
        if named:
            dispatcher.utter_message(response="utter_other_condition_named", condition=named)
        else:
            dispatcher.utter_message(response="utter_other_condition")
        return []
