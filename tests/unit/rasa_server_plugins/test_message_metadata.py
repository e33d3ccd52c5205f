"""Finding 4: of the metadata a client sends with a message, the channels keep a language tag
only; the rest is never stored nor sent to the action server."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage

from rasa_server_plugins.channels import CappedRestInput, CappedSocketIOInput
from rasa_server_plugins.message_metadata import LANGUAGE_TAG_CHARS, kept_metadata

PLANTED = {"language": "en", "full_name": "Jane Doe", "blob": "x" * 500_000, "nested": {"a": 1}}


@pytest.mark.parametrize("tag", ["en", "pt-BR", "zh-Hant-TW", "a" * LANGUAGE_TAG_CHARS])
def test_finding_4_a_language_tag_is_kept_alone(tag):
    assert kept_metadata({**PLANTED, "language": tag}) == {"language": tag}


@pytest.mark.parametrize(
    "tag",
    ["a" * (LANGUAGE_TAG_CHARS + 1), "en_US", "en US", "en-", "-en", "", "ελ", 3, None, ["en"]],
)
def test_finding_4_anything_else_as_language_is_dropped(tag):
    assert kept_metadata({"language": tag, "full_name": "Jane Doe"}) == {}


@pytest.mark.parametrize("metadata", [None, "{}", '{"language": "en"}', ["en"], 42])
def test_finding_4_metadata_that_is_not_an_object_is_dropped(metadata):
    assert kept_metadata(metadata) == {}


def test_finding_4_the_rest_channel_passes_on_the_language_only():
    request = SimpleNamespace(json={"sender": "s", "message": "hi", "metadata": PLANTED})
    assert CappedRestInput().get_metadata(request) == {"language": "en"}


@pytest.fixture
def session_secret(monkeypatch):
    monkeypatch.setenv("SESSION_ID_SECRET", "s" * 40)


def received_metadata(data: dict[str, Any]) -> list[Any]:
    received: list[Any] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message.metadata)

    channel = CappedSocketIOInput()
    channel.blueprint(on_new_message)
    handler = channel.sio.handlers["/"][channel.user_message_evt]
    asyncio.run(handler("sid-1", data))
    return received


def test_finding_4_the_socketio_channel_passes_on_the_language_only(session_secret):
    assert received_metadata({"message": "hi", "metadata": PLANTED}) == [{"language": "en"}]


def test_finding_4_the_socketio_channel_drops_metadata_sent_as_text(session_secret):
    assert received_metadata({"message": "hi", "metadata": '{"full_name": "Jane"}'}) == [{}]
