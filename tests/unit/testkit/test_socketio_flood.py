"""The flood client's packets alternate session requests and messages, and what comes back is
counted by kind."""

import json

from rasa_server_plugins.connection_budget import THROTTLE_MESSAGE
from testkit.socketio_flood import Flooder


def test_packets_alternate_new_sessions_and_messages_with_made_up_ids():
    flooder = Flooder()
    packets = flooder.packets(3) + flooder.packets(2)
    events = [json.loads(packet[2:]) for packet in packets]
    assert all(packet.startswith("42") for packet in packets)
    assert [event[0] for event in events] == ["session_request", "user_uttered"] * 2 + [
        "session_request"
    ]
    assert events[0][1] == {"session_id": None}
    assert len({event[1]["session_id"] for event in events[1::2]}) == 2
    assert flooder.sent == 5


def test_replies_are_counted_by_kind():
    flooder = Flooder()
    for packet in [
        '42["session_confirm","abc"]',
        "2",
        f'42["bot_uttered",{json.dumps({"text": THROTTLE_MESSAGE})}]',
        '42["bot_uttered",{"text":"Hello"}]',
        "40",
    ]:
        flooder.received(packet)
    assert (flooder.confirmed, flooder.throttled, flooder.texts) == (
        1,
        1,
        [THROTTLE_MESSAGE, "Hello"],
    )
