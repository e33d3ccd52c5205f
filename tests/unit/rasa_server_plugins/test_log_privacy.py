"""Finding 5: a visitor's message starting with `/` that is not an intent written out reaches
Rasa's log without its text."""

from __future__ import annotations

import json
import logging
import warnings

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from rasa_server_plugins import log_privacy

NAME, PHONE = "Jane Doe", "914 555 0123"
DOMAIN = Domain.from_dict({"intents": ["affirm", "inform"], "entities": ["concern"]})


@pytest.mark.parametrize(
    "text",
    [
        f"/{NAME} {PHONE}",
        f'/inform{{"full_name": "{NAME}", "phone": "{PHONE}"}}',
        f"/inform{{{NAME} {PHONE}}}",
        f"/affirm {NAME} {PHONE}",
        f"/affirm@{PHONE}",
    ],
)
def test_finding_5_no_warning_quotes_a_slash_message(text):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        log_privacy.install()
        unpacked = YAMLStoryReader.unpack_regex_message(Message({TEXT: text}), DOMAIN)
    assert unpacked.get(TEXT) == text
    quoted = [str(warning.message) for warning in caught if PHONE in str(warning.message)]
    assert quoted == []


def test_finding_5_a_written_out_intent_still_unpacks():
    log_privacy.install()
    unpacked = YAMLStoryReader.unpack_regex_message(
        Message({TEXT: '/inform{"concern": "neck"}'}), DOMAIN
    )
    assert unpacked.get("intent")["name"] == "inform"
    assert [entity["value"] for entity in unpacked.get("entities")] == ["neck"]


def test_finding_5_the_parsing_failure_is_logged_without_the_text(caplog):
    """Rasa logs this one through structlog, which renders the event (with `user_text`) before
    the standard logger gets it."""
    log_privacy.install()
    rendered = json.dumps({"user_text": f"/{{{NAME}}}", "event": log_privacy.UNPARSED_EVENT})
    with caplog.at_level(logging.INFO):
        logging.getLogger(log_privacy.STORY_READER_LOGGER).warning(rendered)
    assert log_privacy.UNPARSED_EVENT in caplog.text
    assert NAME not in caplog.text
