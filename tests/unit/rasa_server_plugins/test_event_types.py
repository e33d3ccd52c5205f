"""Event.resolve_by_type with its table kept (rasa_server_plugins/event_types.py) answers as
Rasa's own method: the same class for every event name, the default or the error otherwise, and a
class imported after the table was made."""

import pytest
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.utils.common import all_subclasses

from rasa_server_plugins import patches
from rasa_server_plugins.event_types import resolved_once

pytestmark = pytest.mark.usefixtures("unpatched_rasa")


def rasas() -> object:
    return patches.original(Event, "resolve_by_type")


def test_every_event_name_resolves_to_rasas_class():
    resolve = resolved_once(rasas())
    names = [subclass.type_name for subclass in all_subclasses(Event)]
    assert len(names) > 20
    assert [resolve(name) for name in names] == [rasas()(name) for name in names]
    # Asked again, from the table.
    assert [resolve(name) for name in names] == [rasas()(name) for name in names]


def test_unknown_names_get_rasas_default_none_or_error():
    resolve = resolved_once(rasas())
    default = all_subclasses(Event)[0]
    assert resolve("no-such-event", default) is default
    assert resolve("topic") is None
    with pytest.raises(ValueError, match="Unknown event name 'no-such-event'"):
        resolve("no-such-event")


def test_a_class_defined_after_the_first_call_is_found():
    resolve = resolved_once(rasas())
    resolve("user")

    class LateEvent(Event):
        type_name = "late_event_for_the_test"

        def __eq__(self, other: object) -> bool:
            return self is other

        def __hash__(self) -> int:
            return id(self)

        def as_story_string(self) -> str:
            return self.type_name

    assert resolve("late_event_for_the_test") is LateEvent


@pytest.mark.usefixtures("patched_rasa")
def test_events_loaded_through_the_patched_method_are_rasas_events():
    data = {"event": "slot", "name": "full_name", "value": "x", "timestamp": 1.0}
    assert Event.resolve_by_type("slot") is SlotSet
    event = Event.from_parameters(data)
    assert type(event) is SlotSet
    assert event == SlotSet("full_name", "x", timestamp=1.0)
