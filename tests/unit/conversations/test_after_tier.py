import pytest

from clinic.conversations.after_tier import caring_reply


def user(text, intent):
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def action(name):
    return {"event": "action", "name": name}


def after(answer, text):
    return [user("...", "tier"), action(answer), action("action_listen"), user(text, "x")]


@pytest.mark.parametrize(
    ("answer", "text", "expected"),
    [
        ("utter_urgent_care", "ok ill call my doctor", "utter_after_urgent_care"),
        ("utter_emergency", "my wife is driving me", "utter_after_emergency"),
        ("utter_emergency", "ok going to the ER", "utter_after_emergency"),
        ("utter_after_emergency", "we're on our way", "utter_after_emergency"),
        ("utter_crisis", "i'll text them", "utter_after_crisis"),
        # A question is answered as one; other answers get no caring reply.
        ("utter_emergency", "what is ART?", None),
        ("utter_emergency", "how long will the ER take", None),
        ("utter_faq/neck_pain", "my wife is driving me", None),
    ],
)
def test_a_message_that_asks_nothing_after_a_tier_answer_gets_its_caring_reply(
    answer, text, expected
):
    assert caring_reply(after(answer, text), text) == expected


def test_only_the_answer_just_before_counts():
    events = [
        *after("utter_emergency", "ok"),
        action("utter_after_emergency"),
        user("what is art", "faq"),
        action("utter_faq/what_is_art"),
        user("thanks, bye", "x"),
    ]
    assert caring_reply(events, "thanks, bye") is None
