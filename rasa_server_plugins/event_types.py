"""Event.resolve_by_type, which Rasa calls for every stored event it loads (the tracker store's
retrieve replays the conversation) and every event an action returns, without walking the class
tree each time.

Rasa 3.6.21's version lists every subclass of Event (recursively, checking each for abstract
methods) at every call, then returns the first whose `type_name` matches: about three quarters of
the CPU of loading a 40-turn conversation. The replacement keeps the name-to-class table of that
same list, in the same order (the first class with a name wins), and lists the subclasses again
only for a name it does not know yet, so a class imported later is still found. A name no class
has (Rasa's old "topic" events, unknown names) goes to Rasa's own method, which returns the
default or raises as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

Resolve = Callable[..., Any]


def resolved_once(rasas: Resolve) -> Resolve:
    """Rasa's Event.resolve_by_type with the table of subclasses by name kept between calls."""
    known: dict[str, type[Event]] = {}

    def resolve_by_type(type_name: str, default: type[Event] | None = None) -> Any:
        found = known.get(type_name)
        if found is not None:
            return found
        for subclass in all_subclasses(Event):
            known.setdefault(subclass.type_name, subclass)
        found = known.get(type_name)
        if found is not None:
            return found
        return rasas(type_name, default)

    return resolve_by_type
