"""The turn guard: the visitor is told when a service behind Rasa failed during its turn, and only
then; the visitor's text never reaches the log."""

import asyncio
import logging

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from clinic.text.system_wording import TROUBLE
from rasa_server_plugins.turn_guard import (
    ACTION_FAILURE_PREFIX,
    TRACKER_STORE_FAILURE_PREFIX,
    TROUBLE_MESSAGE,
    guarded,
)

PRIVATE_TEXT = "my name is Jane Doe, call 914 555 0123"


def handled(handler) -> list[str]:
    output = CollectingOutputChannel()
    asyncio.run(guarded(handler)(UserMessage(PRIVATE_TEXT, output, "visitor-1")))
    return [message["text"] for message in output.messages]


def test_a_turn_that_went_well_gets_no_extra_message():
    async def answer(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "Hello")

    assert handled(answer) == ["Hello"]


def test_a_failed_custom_action_ends_the_turn_with_the_trouble_message():
    async def action_server_down(message: UserMessage) -> None:
        logging.getLogger("rasa.core.processor").error(f"{ACTION_FAILURE_PREFIX} 'booking_form'.")
        await message.output_channel.send_text_message(message.sender_id, "What is your name?")

    assert handled(action_server_down) == ["What is your name?", TROUBLE_MESSAGE]


def test_a_tracker_store_falling_back_to_memory_ends_the_turn_with_the_trouble_message():
    async def database_down(message: UserMessage) -> None:
        logging.getLogger("rasa.core.tracker_store").error(
            f"{TRACKER_STORE_FAILURE_PREFIX} retrieve conversation tracker from 'SQLTrackerStore'."
        )
        await message.output_channel.send_text_message(message.sender_id, "Sure, go ahead")

    assert handled(database_down) == ["Sure, go ahead", TROUBLE_MESSAGE]


def test_the_same_words_from_another_logger_change_nothing():
    async def answer(message: UserMessage) -> None:
        logging.getLogger("clinic").error(f"{ACTION_FAILURE_PREFIX} 'x'.")
        await message.output_channel.send_text_message(message.sender_id, "Hello")

    assert handled(answer) == ["Hello"]


def test_a_failure_logged_outside_a_turn_changes_no_turn():
    async def answer(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "Hello")

    handled(answer)
    logging.getLogger("rasa.core.processor").error(f"{ACTION_FAILURE_PREFIX} 'x'.")
    assert handled(answer) == ["Hello"]


def test_a_raising_handler_gets_the_trouble_message_and_the_text_stays_out_of_the_log(
    caplog: pytest.LogCaptureFixture,
):
    async def lock_store_down(message: UserMessage) -> None:
        raise ConnectionError(f"Redis unreachable while handling {message.text}")

    with caplog.at_level(logging.DEBUG):
        assert handled(lock_store_down) == [TROUBLE_MESSAGE]
    assert "ConnectionError" in caplog.text
    assert "Jane" not in caplog.text


def test_finding_5_a_cancelled_turn_ends_quietly_without_the_text(caplog: pytest.LogCaptureFixture):
    """A REST client that hangs up cancels its turn; Rasa's REST channel would log the text with
    the cancellation, so the guard ends the turn itself."""

    async def client_gone(message: UserMessage) -> None:
        raise asyncio.CancelledError

    with caplog.at_level(logging.DEBUG):
        assert handled(client_gone) == []
    assert "cancelled" in caplog.text
    assert "Jane" not in caplog.text


def test_the_trouble_message_is_in_the_messages_or_its_pages_language():
    async def action_server_down(message: UserMessage) -> None:
        logging.getLogger("rasa.core.processor").error(f"{ACTION_FAILURE_PREFIX} 'booking_form'.")

    def told(text: str, metadata: dict | None) -> list[str]:
        output = CollectingOutputChannel()
        message = UserMessage(text, output, "visitor-1", metadata=metadata)
        asyncio.run(guarded(action_server_down)(message))
        return [sent["text"] for sent in output.messages]

    assert told("quiero pedir una cita para la espalda", None) == [TROUBLE.es]
    assert told("914 555 0123", {"language": "es-US"}) == [TROUBLE.es]
    assert told("I would like to book an appointment", {"language": "es"}) == [TROUBLE.en]
    assert told("914 555 0123", None) == [TROUBLE.en]
