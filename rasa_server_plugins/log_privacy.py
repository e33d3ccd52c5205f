"""Keeps what a visitor typed out of Rasa's log when the message starts with `/`.

Rasa reads such a message as an intent written out (a button's payload, `/affirm` or
`/inform{"concern": "neck"}`); when it does not parse as one, Rasa's story reader warns with
the whole text (`Failed to parse arguments in line '/Jane Doe 914…'`, as a Python warning) or
logs it (`message.parsing.failed` with `user_text`). The message is then handled as ordinary
text either way; only these reports are dropped, the second one replaced by a line without the
text.
"""

from __future__ import annotations

import logging
import warnings

# The start of every warning Rasa's story reader gives about a message it could not unpack.
UNPARSED_WARNING = "Failed to parse arguments in line"
UNPARSED_EVENT = "message.parsing.failed"
STORY_READER_LOGGER = "rasa.shared.core.training_data.story_reader.yaml_story_reader"


class _UnparsedMessageFilter(logging.Filter):
    """Replaces the record of a message that did not unpack by one without its text."""

    def filter(self, record: logging.LogRecord) -> bool:
        if UNPARSED_EVENT in str(record.msg):
            record.msg = f"{UNPARSED_EVENT}: a message starting with '/' is read as text"
            record.args = ()
        return True


_filter = _UnparsedMessageFilter()


def install() -> None:
    warnings.filterwarnings("ignore", message=UNPARSED_WARNING, category=UserWarning)
    story_reader = logging.getLogger(STORY_READER_LOGGER)
    if _filter not in story_reader.filters:
        story_reader.addFilter(_filter)
