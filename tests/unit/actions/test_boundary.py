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
