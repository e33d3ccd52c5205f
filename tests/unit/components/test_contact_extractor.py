from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.contact_extractor import ContactDetailsExtractor


def extract(text):
    extractor = ContactDetailsExtractor(ContactDetailsExtractor.get_default_config())
    (message,) = extractor.process([Message(data={TEXT: text})])
    return [(entity["entity"], entity["value"]) for entity in message.get(ENTITIES, [])]


def test_phone_and_email_in_one_message():
    assert extract("actually my number is 914-555-0123 and email jo@x.io") == [
        ("phone_number", "914-555-0123"),
        ("email", "jo@x.io"),
    ]


def test_entities_carry_positions_and_extractor_name():
    extractor = ContactDetailsExtractor({"region": "US"})
    (message,) = extractor.process([Message(data={TEXT: "call (914) 555-0123"})])
    (entity,) = message.get(ENTITIES)
    assert (entity["start"], entity["end"]) == (5, 19)
    assert entity["extractor"] == "ContactDetailsExtractor"


def test_keeps_entities_of_earlier_extractors():
    extractor = ContactDetailsExtractor({"region": "US"})
    earlier = {"entity": "BODY_REGION", "value": "neck", "start": 3, "end": 7}
    message = Message(data={TEXT: "my neck, call 914 555 0123", ENTITIES: [earlier]})
    extractor.process([message])
    assert [entity["entity"] for entity in message.get(ENTITIES)] == ["BODY_REGION", "phone_number"]


def test_no_entities_in_an_ordinary_question():
    assert extract("does ART help with lower back pain?") == []


def test_message_without_text_is_left_alone():
    extractor = ContactDetailsExtractor({"region": "US"})
    message = Message(data={})
    extractor.process([message])
    assert message.get(ENTITIES) is None
