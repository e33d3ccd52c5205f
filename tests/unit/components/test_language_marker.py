import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from clinic.text import language_detect
from components.language_marker import LanguageMarker, marked_language


def languages(text: str) -> list[tuple[str, str]]:
    marker = LanguageMarker()
    (message,) = marker.process([Message(data={TEXT: text})])
    return [(entity["entity"], entity["value"]) for entity in message.get(ENTITIES, [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tengo dolor de espalda baja", [("language", "es")]),
        ("in English please", [("language", "en")]),
        ("en español", [("language", "es")]),
        # English is the slot's initial value: English text marks nothing (story tests stay clean).
        ("my back hurts", []),
        # Replies that do not tell keep the conversation's language.
        ("ok", []),
        ("Maria Lopez", []),
        # The name an English visitor typed at the booking's name step (it once switched).
        ("Fatima Al-Sayed", []),
        ("914 555 0123", []),
    ],
)
def test_marks_the_language_a_message_sets(text: str, expected: list[tuple[str, str]]) -> None:
    assert languages(text) == expected


def test_keeps_earlier_entities_and_names_itself() -> None:
    earlier = {"entity": "BODY_REGION", "value": "cuello", "start": 11, "end": 17}
    message = Message(data={TEXT: "me duele el cuello", ENTITIES: [earlier]})
    LanguageMarker().process([message])
    first, marked = message.get(ENTITIES)
    assert first == earlier
    assert marked["extractor"] == "LanguageMarker"
    assert (marked["start"], marked["end"]) == (0, len("me duele el cuello"))


def test_an_explicit_choice_wins_over_the_language_it_is_written_in() -> None:
    assert marked_language("quiero seguir en inglés por favor") == "en"


def test_a_message_without_text_is_left_alone() -> None:
    message = Message(data={})
    LanguageMarker().process([message])
    assert message.get(ENTITIES) is None


def test_the_language_model_is_loaded_with_the_component_not_on_a_visitors_message() -> None:
    language_detect._identifier.cache_clear()
    LanguageMarker.create({}, None, None, None)  # type: ignore[arg-type]
    assert language_detect._identifier.cache_info().currsize == 1
