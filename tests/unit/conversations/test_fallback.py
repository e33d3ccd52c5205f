import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionFallback
from clinic.conversations.fallback import consecutive_fallbacks, fallback_response
from testkit.coroutines import run_coroutine
from testkit.domain import load_domain


def user(text="blorp"):
    return {"event": "user", "text": text}


def action(name):
    return {"event": "action", "name": name}


def turn(answered_by):
    return [user(), action(answered_by), {"event": "bot", "text": "..."}, action("action_listen")]


@pytest.mark.parametrize(
    ("earlier", "count"),
    [
        ([], 1),
        ([*turn("utter_faq")], 1),
        ([*turn("action_fallback")], 2),
        ([*turn("action_fallback"), *turn("action_fallback")], 3),
        ([*turn("action_fallback"), *turn("utter_faq"), *turn("action_fallback")], 2),
        ([*turn("action_fallback"), *turn("booking_form")], 1),
    ],
)
def test_consecutive_fallbacks_counts_the_latest_message_and_the_run_before_it(earlier, count):
    events = [action("action_session_start"), *earlier, user("latest")]
    assert consecutive_fallbacks(events) == count


def test_each_fallback_in_a_row_says_it_differently_from_the_one_before():
    responses = [fallback_response(count) for count in range(1, 8)]
    assert responses[:3] == ["utter_default", "utter_default_offer_person", "utter_default_again"]
    assert all(before != after for before, after in zip(responses, responses[1:], strict=False))


def test_the_second_fallback_offers_a_callback_request_in_every_wording():
    titles = {"en": "Request a callback", "es": "Pedir que me llamen"}
    for variation in load_domain()["responses"]["utter_default_offer_person"]:
        conditions = {item["name"]: item["value"] for item in variation.get("condition", [])}
        title = titles[conditions.get("language", "en")]
        assert {"title": title, "payload": "/human_handoff"} in variation["buttons"]


def test_the_action_sends_the_response_for_its_place_in_the_run():
    events = [*turn("action_fallback"), user("still nonsense")]
    tracker = Tracker("t", {}, {"text": "still nonsense"}, events, False, None, None, "")
    dispatcher = CollectingDispatcher()
    run_coroutine(ActionFallback().run(dispatcher, tracker, {}))
    assert [message["response"] for message in dispatcher.messages] == [
        "utter_default_offer_person"
    ]


def fallback_reply(events, intent, text="what's the weather"):
    latest = {"text": text, "intent": {"name": intent}}
    tracker = Tracker("t", {}, latest, [*events, user(text)], False, None, None, "")
    dispatcher = CollectingDispatcher()
    run_coroutine(ActionFallback().run(dispatcher, tracker, {}))
    return [message["response"] for message in dispatcher.messages]


def test_a_first_out_of_scope_message_is_out_of_scope_and_a_second_miss_offers_a_person():
    assert fallback_reply([], "out_of_scope") == ["utter_out_of_scope"]
    assert fallback_reply([], "nlu_fallback") == ["utter_default"]
    after_one = turn("action_fallback")
    assert fallback_reply(after_one, "out_of_scope") == ["utter_default_offer_person"]
    assert fallback_reply([*after_one, *after_one], "out_of_scope") == ["utter_default_again"]


def test_an_out_of_scope_follow_up_of_not_in_article_stays_on_it_and_starts_no_run():
    asked = {"event": "user", "text": "who does ART there", "parse_data": NOT_IN_ARTICLE_PARSE}
    earlier = [asked, action("utter_faq"), {"event": "bot", "text": "..."}, action("action_listen")]
    latest = {"text": "and are they in on saturdays", "intent": {"name": "out_of_scope"}}
    events = [*earlier, {"event": "user", "text": latest["text"], "parse_data": latest}]
    tracker = Tracker("t", {}, latest, events, False, None, None, "")
    dispatcher = CollectingDispatcher()
    result = run_coroutine(ActionFallback().run(dispatcher, tracker, {}))
    assert [message["response"] for message in dispatcher.messages] == ["utter_faq/not_in_article"]
    assert result == [SlotSet("context_topic", "not_in_article")]
    # A miss after it is the first of its run.
    answered = [*events, action("action_fallback"), *result, action("action_listen")]
    assert consecutive_fallbacks([*answered, user()]) == 1
    # Without the follow-up opening it is out of scope as before.
    assert fallback_reply(earlier, "out_of_scope") == ["utter_out_of_scope"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roughly? just a ballpark is fine", ["utter_faq/not_in_article"]),
        ("even an estimate", ["utter_faq/not_in_article"]),
        ("what's the weather like", ["utter_out_of_scope"]),
        ("are they the same price on weekends?", ["utter_faq/not_in_article"]),
        (
            "is it raining where you are right now, and is there anything fun to do this weekend?",
            ["utter_out_of_scope"],
        ),
    ],
)
def test_a_rough_figure_or_a_short_question_of_it_after_not_in_article_stays_on_it(text, expected):
    asked = {"event": "user", "text": "how much is it", "parse_data": NOT_IN_ARTICLE_PARSE}
    earlier = [asked, action("utter_faq"), {"event": "bot", "text": "..."}, action("action_listen")]
    assert fallback_reply(earlier, "out_of_scope", text) == expected


NOT_IN_ARTICLE_PARSE = {
    "intent": {"name": "faq"},
    "response_selector": {"faq": {"response": {"intent_response_key": "faq/not_in_article"}}},
}


def test_an_unplaced_follow_up_of_a_topic_is_answered_as_one():
    asked = {
        "event": "user",
        "text": "can it help with headaches",
        "parse_data": {
            "intent": {"name": "faq"},
            "response_selector": {"faq": {"response": {"intent_response_key": "faq/headaches"}}},
        },
    }
    earlier = [asked, action("utter_faq"), {"event": "bot", "text": "..."}, action("action_listen")]
    latest = {
        "text": "does it work for that even if theyre every day?",
        "intent": {"name": "out_of_scope"},
    }
    events = [*earlier, {"event": "user", "text": latest["text"], "parse_data": latest}]
    tracker = Tracker("t", {}, latest, events, False, None, None, "")
    dispatcher = CollectingDispatcher()
    result = run_coroutine(ActionFallback().run(dispatcher, tracker, {}))
    assert [message["response"] for message in dispatcher.messages] == ["utter_faq/headaches"]
    assert result == [SlotSet("context_topic", "headaches")]


EVALUATION_OFFER = {
    "event": "bot",
    "text": "Would you like to request an evaluation?",
    "data": {"buttons": [{"title": "Request an evaluation", "payload": "/book_appointment"}]},
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes i think i should get evaluated", ["utter_booking_intro"]),
        ("nah, just wanted to know", ["utter_offer_declined"]),
        ("what's the weather", ["utter_out_of_scope"]),
    ],
)
def test_a_yes_or_a_no_in_words_after_an_offer_that_asks_takes_it_up(text, expected):
    earlier = [user("am i a good candidate"), action("utter_faq"), EVALUATION_OFFER]
    latest = {"text": text, "intent": {"name": "out_of_scope"}}
    message = {"event": "user", "text": text, "parse_data": latest}
    events = [*earlier, action("action_listen"), message]
    tracker = Tracker("t", {}, latest, events, False, None, None, "")
    dispatcher = CollectingDispatcher()
    run_coroutine(ActionFallback().run(dispatcher, tracker, {}))
    assert [message["response"] for message in dispatcher.messages] == expected


def test_a_deferral_after_an_offer_declines_it():
    offer = {
        "event": "bot",
        "text": "Would you like to request an evaluation?",
        "data": {"buttons": [{"title": "Request an evaluation", "payload": "/book_appointment"}]},
    }
    earlier = [user("am i a good candidate"), action("utter_faq"), offer, action("action_listen")]
    latest = {"text": "hmm maybe another time", "intent": {"name": "out_of_scope"}}
    events = [*earlier, {"event": "user", "text": latest["text"], "parse_data": latest}]
    tracker = Tracker("t", {}, latest, events, False, None, None, "")
    dispatcher = CollectingDispatcher()
    run_coroutine(ActionFallback().run(dispatcher, tracker, {}))
    assert [message["response"] for message in dispatcher.messages] == ["utter_offer_declined"]
