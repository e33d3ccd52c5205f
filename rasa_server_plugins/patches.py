"""The project's changes to Rasa's own code, in one place, put in by one call: `install()`.

- The turn gate (turn_gate.py): MessageProcessor.handle_message waits in line for one of
  RASA_TURN_CONCURRENCY places, and EndpointConfig.request gives the place up over a slow call.
- The action-response check (action_response.py): RemoteAction._validate_action_result is
  replaced by a validator built once.
- Event types by name (event_types.py): Event.resolve_by_type keeps its table of Event's
  subclasses instead of listing them again for every event it loads.

They were written against Rasa RASA_VERSION's private methods, so `install()` refuses to run on
another version (UnsupportedRasaVersion, before anything is patched), patches each method once per
process (calling it again changes nothing) and logs one INFO line naming what it patched.
tests/unit/rasa_server_plugins/test_rasa_contract.py checks that the installed Rasa still has the
methods, signatures and log lines that the patches, the plugin classes and turn_guard.py rely on.

Who calls it: importing rasa_server_plugins patches nothing. Rasa builds the project's plugin
classes, named by module path, while it starts and before it handles a message, and each calls
`install()`: the tracker store (the endpoints files) when it is created, the REST and socket.io
channels (credentials.yml) when Rasa asks for their blueprints. So every way the project runs
Rasa is patched before its first turn: `rasa run` from scripts/run.sh, scripts/production.sh
(rasa_server_plugins.run) and testkit/stack.py (channels and tracker store), and
`rasa shell` in scripts/shell.sh (tracker store). `rasa test core` (tests/rasa) loads the model
without endpoints: it handles no message through the server and calls no action server, so it
needs no patch.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

import rasa
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import Event
from rasa.utils.endpoints import EndpointConfig

from rasa_server_plugins import action_response, event_types, log_privacy, turn_gate

RASA_VERSION = "3.6.21"

Method = Callable[..., Any]

# What is patched: the Rasa class, its method, and what makes the replacement of Rasa's method.
PATCHES: tuple[tuple[type, str, Callable[[Method], Method]], ...] = (
    (MessageProcessor, "handle_message", turn_gate.in_line),
    (EndpointConfig, "request", turn_gate.yielding_when_slow),
    (
        RemoteAction,
        "_validate_action_result",
        lambda _rasas: action_response.validate_action_result,
    ),
    (Event, "resolve_by_type", event_types.resolved_once),
)

logger = logging.getLogger(__name__)
_originals: dict[tuple[type, str], Method] = {}
_replacements: dict[tuple[type, str], Method] = {}


class UnsupportedRasaVersion(RuntimeError):
    """The installed Rasa is not the version the patches were written for."""


def install() -> None:
    """Patch Rasa RASA_VERSION's methods in PATCHES, those not patched yet."""
    if rasa.__version__ != RASA_VERSION:
        raise UnsupportedRasaVersion(
            f"rasa_server_plugins patches Rasa {RASA_VERSION}'s own code and will not run on "
            f"Rasa {rasa.__version__}: check the patches against it "
            "(tests/unit/rasa_server_plugins/test_rasa_contract.py), "
            "then update patches.RASA_VERSION"
        )
    log_privacy.install()
    patched = []
    for owner, name, replace in PATCHES:
        key = (owner, name)
        current = getattr(owner, name)
        if current is _replacements.get(key):
            continue
        _originals[key] = current
        _replacements[key] = replace(current)
        static = isinstance(inspect.getattr_static(owner, name), staticmethod)
        setattr(owner, name, staticmethod(_replacements[key]) if static else _replacements[key])
        patched.append(f"{owner.__name__}.{name}")
    if patched:
        logger.info("Rasa %s patched: %s", RASA_VERSION, ", ".join(patched))


def original(owner: type, name: str) -> Method:
    """Rasa's own method, whether `install()` replaced it or not."""
    return _originals.get((owner, name), getattr(owner, name))
