"""Events split into the visitor's turns."""

from clinic.conversations.turns import ran, user_turns


def test_each_turn_opens_with_its_message_and_what_came_before_stays_apart():
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": "hi"},
        {"event": "action", "name": "utter_greet"},
        {"event": "user", "text": "what is art"},
    ]
    turns = user_turns(events)
    assert [len(turn) for turn in turns] == [1, 2, 1]
    assert [turn[0].get("text") for turn in turns[1:]] == ["hi", "what is art"]
    assert ran(turns[1], "utter_greet")
    assert not ran(turns[2], "utter_greet")
    assert not ran(turns[0], "utter_greet")


def test_no_events_is_one_empty_turn():
    assert user_turns([]) == [[]]
