"""Finding 3, privacy: every response of the domain fills in without Rasa's interpolation error,
whose log line lists every slot's value (the visitor's name, phone, e-mail), and each button
payload that names an intent reaches the visitor as Rasa parses it, optionally with JSON
entities."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from rasa.core.nlg import interpolator

from testkit.domain import load_domain

PAYLOAD = re.compile(r"/(?P<intent>\w+)(?P<entities>\{.*\})?")
INTERPOLATED_KEYS = ("text", "buttons", "image", "custom", "attachment", "quick_replies")


class ErrorRecorder:
    def __init__(self) -> None:
        self.events: list[str] = []

    def exception(self, event: str, **_: Any) -> None:
        self.events.append(event)


def variations() -> list[tuple[str, dict[str, Any]]]:
    return [
        (name, variation)
        for name, responses in load_domain()["responses"].items()
        for variation in responses
    ]


@pytest.fixture
def interpolation_errors(monkeypatch) -> ErrorRecorder:
    recorder = ErrorRecorder()
    monkeypatch.setattr(interpolator, "structlogger", recorder)
    return recorder


class NamedValues(dict):
    """A value for every placeholder that is a name (a slot, or a value an action passes);
    a KeyError, as in Rasa, for anything else between braces, such as JSON."""

    def __missing__(self, key: str) -> str:
        if not key.isidentifier():
            raise KeyError(key)
        return "Ysolde Quarnby"


def fill(variation: dict[str, Any]) -> dict[str, Any]:
    """As Rasa fills a response, with every slot and action value set."""
    filled = copy.deepcopy(variation)
    for key in INTERPOLATED_KEYS:
        if key in filled:
            filled[key] = interpolator.interpolate(filled[key], NamedValues())
    return filled


def test_domain_responses_fill_without_the_error_that_logs_every_slot(interpolation_errors):
    for _, variation in variations():
        fill(variation)
    assert interpolation_errors.events == []


def test_domain_responses_button_payloads_reach_the_visitor_as_rasa_parses_them(
    interpolation_errors,
):
    payloads = [
        button["payload"]
        for _, variation in variations()
        for button in fill(variation).get("buttons", [])
    ]
    assert '/inform{"patient_status": "new"}' in payloads
    for payload in (payload for payload in payloads if payload.startswith("/")):
        parsed = PAYLOAD.fullmatch(payload)
        assert parsed, payload
        if parsed["entities"]:
            assert isinstance(json.loads(parsed["entities"]), dict), payload
    assert interpolation_errors.events == []


def test_domain_responses_the_recorder_catches_a_single_braced_payload(interpolation_errors):
    fill({"text": "?", "buttons": [{"title": "New", "payload": '/inform{"patient_status": "x"}'}]})
    assert interpolation_errors.events == ["interpolator.interpolate.text"]
