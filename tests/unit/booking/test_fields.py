import pytest

from clinic.booking.fields import BOOKING_FIELDS, STAFF_ROWS, Concern
from clinic.leads.records import LEAD_DETAIL_FIELDS


@pytest.mark.parametrize(
    ("concern", "label"),
    [
        ("neck", "Neck"),
        ("lower back", "Lower back"),
        ("other", "Something else"),
        ("other: shoulder", "Something else (shoulder)"),
    ],
)
def test_concern_as_the_visitor_sees_it(concern, label):
    assert Concern.parse(concern).visitor_text() == label


@pytest.mark.parametrize(
    ("text", "concern", "staff_text"),
    [
        ("neck", Concern("neck"), "Neck"),
        ("lower back", Concern("lower back"), "Lower back"),
        ("other: tight calves", Concern("other", "tight calves"), "Other: tight calves"),
    ],
)
def test_concern_parses_formats_and_reads_for_staff(text, concern, staff_text):
    assert Concern.parse(text) == concern
    assert concern.format() == text
    assert concern.known
    assert concern.staff_text() == staff_text


@pytest.mark.parametrize("text", ["shoulder", "neck: stiff", "other:shoulder", ""])
def test_other_texts_are_no_concern_the_form_offers(text):
    assert not Concern.parse(text).known


def test_every_booking_field_and_staff_row_is_named_once():
    slots = [slot for field in BOOKING_FIELDS for slot in field.slots]
    assert len(slots) == len(set(slots))
    assert len({row.key for row in STAFF_ROWS}) == len(STAFF_ROWS)
    assert len({row.label for row in STAFF_ROWS}) == len(STAFF_ROWS)
    assert {field.slot for field in BOOKING_FIELDS} <= set(LEAD_DETAIL_FIELDS) | {"contact"}
