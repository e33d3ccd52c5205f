"""The action server's answers checked against Rasa's schema by one validator built once.

Rasa 3.6 checks each answer with `jsonschema.validate`, which first checks the schema itself
against the JSON Schema meta-schema, on every call: about 30 ms of CPU per action-server call
(on 2 busy cores), more than the rest of a booking-form turn. patches.py puts
`validate_action_result` in place of Rasa's check (RemoteAction._validate_action_result): the
same schema, the same choice of error (jsonschema's best match) and Rasa's message.
"""

from __future__ import annotations

import functools
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@functools.cache
def response_validator() -> Validator:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """True for a valid answer; raises ValidationError with Rasa's message otherwise."""
    error: ValidationError | None = best_match(response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True
