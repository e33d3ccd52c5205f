"""The symptom check's actions: the question, the answer kept for a "No", the paused request."""

from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.booking_form import ValidateBookingForm
from actions.triage import ActionTriageCheck, ActionTriageCleared, topic_response
from testkit.coroutines import run_coroutine
from testkit.trackers import make_tracker


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = run_coroutine(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def faq_parse(topic: str) -> dict:
    return {
        "intent": {"name": "symptom_check"},
        "intent_ranking": [{"name": "symptom_check"}, {"name": "faq"}, {"name": "greet"}],
        "response_selector": {
            "faq": {"response": {"intent_response_key": topic, "utter_action": f"utter_{topic}"}}
        },
    }


def test_the_topic_answer_is_the_best_non_tier_intent():
    assert topic_response(faq_parse("faq/neck_pain")) == "utter_faq/neck_pain"
    ranking = [{"name": "emergency"}, {"name": "ask_diagnosis"}]
    assert topic_response({"intent_ranking": ranking}) == "utter_cannot_diagnose"
    assert topic_response({"intent_ranking": [{"name": "symptom_check"}]}) is None


def test_the_check_outside_a_request_asks_and_keeps_the_topic_answer():
    tracker = make_tracker(intent="symptom_check")
    tracker.latest_message = faq_parse("faq/lower_back_pain")
    messages, events = run(ActionTriageCheck(), tracker)
    assert [message["response"] for message in messages] == ["utter_symptom_check"]
    assert events == [
        SlotSet("triage_check", "emergency"),
        SlotSet("triage_topic", "utter_faq/lower_back_pain"),
        SlotSet("booking_paused", False),
    ]


def test_the_check_during_a_request_pauses_it():
    tracker = make_tracker({"booking_request_id": "abc"}, intent="symptom_check")
    _, events = run(ActionTriageCheck(), tracker)
    assert events == [
        SlotSet("triage_check", "emergency"),
        SlotSet("triage_topic", None),
        SlotSet("booking_paused", True),
    ]


def test_a_crisis_the_rules_saw_denied_gets_the_crisis_question():
    tracker = make_tracker(intent="symptom_check")
    tracker.latest_message = {
        **faq_parse("faq/lower_back_pain"),
        "triage": {"tier": "symptom_check", "source": "model", "category": "crisis"},
    }
    messages, events = run(ActionTriageCheck(), tracker)
    assert [message["response"] for message in messages] == ["utter_crisis_check"]
    assert events[0] == SlotSet("triage_check", "crisis")


def test_a_no_gives_the_kept_answer():
    tracker = make_tracker({"triage_topic": "utter_faq/neck_pain"}, intent="deny")
    messages, events = run(ActionTriageCleared(), tracker)
    assert [message["response"] for message in messages] == [
        "utter_symptom_check_cleared",
        "utter_faq/neck_pain",
    ]
    assert FollowupAction("booking_form") not in events


def test_a_no_takes_up_a_paused_request():
    tracker = make_tracker({"booking_paused": True}, intent="deny")
    messages, events = run(ActionTriageCleared(), tracker)
    assert [message["response"] for message in messages] == ["utter_symptom_check_cleared"]
    assert events[-1] == FollowupAction("booking_form")
    assert SlotSet("booking_paused", False) in events


def test_the_form_validation_takes_nothing_from_a_flagged_message():
    for intent in ("emergency", "crisis", "urgent_care", "symptom_check"):
        tracker = make_tracker(
            {"requested_slot": "concern", "body_region": "back"},
            text="crushing chest pain in my back",
            intent=intent,
        )
        _, events = run(ValidateBookingForm(), tracker)
        assert events == []


def cancel_parse() -> dict:
    ranking = [{"name": "symptom_check"}, {"name": "cancel"}, {"name": "deny"}]
    triage = {"tier": "symptom_check", "source": "model", "category": "crisis"}
    return {"intent": {"name": "symptom_check"}, "intent_ranking": ranking, "triage": triage}


def test_a_check_on_a_message_that_calls_the_request_off_does_not_pause_it():
    tracker = make_tracker({"booking_request_id": "abc"}, intent="symptom_check")
    tracker.latest_message = cancel_parse()
    messages, events = run(ActionTriageCheck(), tracker)
    assert [message["response"] for message in messages] == ["utter_crisis_check"]
    assert events == [
        SlotSet("triage_check", "crisis"),
        SlotSet("triage_topic", "utter_booking_cancelled"),
        SlotSet("booking_paused", False),
    ]


def test_a_no_after_a_request_called_off_cancels_and_clears_it():
    slots = {"triage_topic": "utter_booking_cancelled", "full_name": "Chris Evans"}
    messages, events = run(ActionTriageCleared(), make_tracker(slots, intent="deny"))
    assert [message["response"] for message in messages] == [
        "utter_symptom_check_cleared",
        "utter_booking_cancelled",
    ]
    assert SlotSet("full_name", None) in events
    assert FollowupAction("booking_form") not in events
