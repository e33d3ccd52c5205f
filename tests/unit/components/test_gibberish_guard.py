from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.gibberish_guard import GibberishGuard

GREET = {"name": "greet", "confidence": 0.8}


def guarded(text, entities=()):
    guard = GibberishGuard(None, None, frozenset({"hello", "neck"}))
    message = Message(data={TEXT: text, INTENT: GREET, INTENT_RANKING_KEY: [GREET]})
    if entities:
        message.set(ENTITIES, list(entities))
    (message,) = guard.process([message])
    return message


def test_a_message_of_unknown_words_is_nlu_fallback():
    message = guarded("qpwoei rutyal")
    assert message.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.8}
    assert [intent["name"] for intent in message.get(INTENT_RANKING_KEY)] == [
        "nlu_fallback",
        "greet",
    ]


def test_a_known_word_or_an_entity_keeps_the_intent():
    assert guarded("hello there").get(INTENT) == GREET
    entity = {"entity": "phone_number", "value": "x", "start": 0, "end": 1}
    assert guarded("zzz", [entity]).get(INTENT) == GREET
