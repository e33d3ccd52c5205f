import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.slot_mappings import ValidateSlotMappings
from tests.support.trackers import make_tracker


@pytest.mark.parametrize(
    ("mentioned", "kept"),
    [
        ("Lumbar", "lower back"),
        ("neck", "neck"),
        ("elbows", "elbow"),
        ("spleen", None),
        (None, None),
    ],
)
def test_body_region_is_kept_in_its_canonical_form(mentioned, kept):
    dispatcher = CollectingDispatcher()
    result = ValidateSlotMappings().validate_body_region(mentioned, dispatcher, make_tracker(), {})
    assert result == {"body_region": kept}
    assert dispatcher.messages == []
