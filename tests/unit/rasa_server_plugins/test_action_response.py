"""The Rasa server checks action-server answers with a validator built once, with the verdicts
and messages of Rasa's own check (jsonschema.validate against the same schema)."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from rasa_server_plugins.action_response import validate_action_result

SPEC = RemoteAction.action_response_format_spec()
VALID = [
    {"events": [], "responses": []},
    {
        "events": [
            {"event": "slot", "name": "full_name", "value": "Jane Doe", "timestamp": None},
            {"event": "active_loop", "name": None},
            {"event": "followup", "name": "action_listen"},
        ],
        "responses": [{"text": "What is your full name?", "buttons": []}],
    },
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"name": "full_name"}]},
    {"events": [{"event": "slot", "name": 3}]},
    {"responses": "not a list"},
]


def remote_action():
    return RemoteAction("validate_booking_form", None)


pytestmark = pytest.mark.usefixtures("patched_rasa")


def test_the_server_uses_the_prebuilt_check():
    assert RemoteAction._validate_action_result is validate_action_result


@pytest.mark.parametrize("answer", VALID)
def test_valid_answers_pass_as_with_rasa(answer):
    jsonschema.validate(answer, SPEC)
    assert remote_action()._validate_action_result(answer) is True


@pytest.mark.parametrize("answer", INVALID)
def test_invalid_answers_fail_with_rasas_error_and_message(answer):
    with pytest.raises(jsonschema.ValidationError) as rasa_way:
        jsonschema.validate(answer, SPEC)
    with pytest.raises(jsonschema.ValidationError) as prebuilt:
        remote_action()._validate_action_result(answer)
    assert prebuilt.value.message.startswith(rasa_way.value.message)
    assert list(prebuilt.value.path) == list(rasa_way.value.path)
    assert "Failed to validate Action server response from API" in prebuilt.value.message
