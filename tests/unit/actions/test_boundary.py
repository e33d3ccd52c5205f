import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.boundary import AnswerOtherCondition
from testkit.coroutines import run_coroutine
from testkit.trackers import entity, make_tracker


@pytest.mark.parametrize(
    ("entities", "response", "named"),
    [
        ([entity("CONDITION", "golfers elbow")], "utter_other_condition_named", "golfer's elbow"),
        ([entity("BODY_REGION", "knee")], "utter_other_condition_named", "your knee"),
        ([entity("BODY_REGION", "neck")], "utter_other_condition", None),
        ([], "utter_other_condition", None),
    ],
)
def test_other_condition_answer_names_what_it_recognised(entities, response, named):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="would ART help", intent="other_condition", entities=entities)
    events = run_coroutine(AnswerOtherCondition().run(dispatcher, tracker, {}))
    assert events == []
    [message] = dispatcher.messages
    assert message["response"] == response
    assert message.get("condition") == named


OFFER = {
    "event": "bot",
    "text": "Would you like to request an evaluation?",
    "data": {"buttons": [{"title": "Request an evaluation", "payload": "/book_appointment"}]},
}


def answer_after_offer(text, entities, active_loop=None):
    tracker = make_tracker(text=text, intent="other_condition", entities=entities)
    tracker.events = [{"event": "user", "text": "does it help sciatica"}, OFFER, *tracker.events]
    tracker.active_loop = active_loop or {}
    dispatcher = CollectingDispatcher()
    run_coroutine(AnswerOtherCondition().run(dispatcher, tracker, {}))
    return [message["response"] for message in dispatcher.messages]


def test_a_no_in_words_after_an_offer_read_as_another_condition_declines_it():
    assert answer_after_offer("no i'll ask my surgeon first thanks", []) == ["utter_offer_declined"]


def test_a_condition_named_after_an_offer_is_still_answered_as_one():
    knee = [entity("BODY_REGION", "knee")]
    assert answer_after_offer("no, my knee", knee) == ["utter_other_condition_named"]
    inside_form = {"name": "booking_form"}
    assert answer_after_offer("no thanks", [], inside_form) == ["utter_other_condition"]
