import pytest
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.training_data.message import Message

from components.emergency_first import EmergencyFirst, emergency_confidence


def message(intent, ranking):
    return Message(
        data={
            "text": "some text",
            "intent": {"name": intent, "confidence": ranking[0][1]},
            "intent_ranking": [{"name": name, "confidence": value} for name, value in ranking],
        }
    )


@pytest.mark.parametrize(
    ("intent", "ranking", "expected"),
    [
        ("other_condition", [("other_condition", 0.7), ("emergency", 0.2)], "emergency"),
        # A rejected message with a possible emergency in it is not rejected.
        (
            "nlu_fallback",
            [("nlu_fallback", 0.45), ("faq", 0.3), ("emergency", 0.12)],
            "emergency",
        ),
        ("faq", [("faq", 0.9), ("emergency", 0.05)], "faq"),
        ("greet", [("greet", 0.99)], "greet"),
    ],
)
def test_a_possible_emergency_wins_from_the_floor_up(intent, ranking, expected):
    [processed] = EmergencyFirst({"floor": 0.1}).process([message(intent, ranking)])
    assert processed.get("intent")["name"] == expected
    if expected == "emergency":
        assert processed.get("intent")["confidence"] == emergency_confidence(processed)


@pytest.mark.parametrize("floor", [0, 1, 1.5, "high", True, None])
def test_floor_must_be_a_probability(floor):
    with pytest.raises(InvalidConfigException):
        EmergencyFirst.validate_config({"floor": floor})
