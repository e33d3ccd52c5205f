import csv
import io
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from clinic.leads.export import spreadsheet_safe, write_csv
from clinic.leads.records import LeadView, NoteView

NEW_YORK = ZoneInfo("America/New_York")


def lead_view(**overrides: object) -> LeadView:
    fields: dict[str, object] = {
        "reference": "PCX-7K3M9Q",
        "created_at": datetime(2025, 6, 2, 12, 30, tzinfo=timezone.utc),
        "full_name": "Jane Doe",
        "phone": "+19145550123",
        "email": "jane@example.com",
        "concern": "lower back",
        "concern_detail": None,
        "preferred_time": "weekday mornings",
        "patient_status": "new",
        "consent_at": datetime(2025, 6, 2, 12, 30, tzinfo=timezone.utc),
        "channel": "socketio",
        "conversation_id": "c-1",
        "after_hours": False,
        "language": "en",
        "phone_extension": None,
        "status": "new",
        "notes": (),
    }
    fields.update(overrides)
    return LeadView(**fields)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 914", "'+1 914"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("Jane Doe", "Jane Doe"),
        ("(914) 555-0123", "(914) 555-0123"),
        ("", ""),
    ],
)
def test_spreadsheet_safe(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_csv_rows_are_readable_and_rfc4180():
    notes = (
        NoteView(
            "maria", 'Called, left "voicemail"', datetime(2025, 6, 3, 13, 0, tzinfo=timezone.utc)
        ),
        NoteView("tom", "Booked for Friday", datetime(2025, 6, 4, 14, 0, tzinfo=timezone.utc)),
    )
    output = io.StringIO(newline="")
    count = write_csv(
        [
            lead_view(notes=notes, status="booked"),
            lead_view(
                reference="PCX-AAAAAA",
                full_name="=cmd|' /C calc'!A0",
                phone=None,
                concern="other",
                concern_detail="-shoulder",
                after_hours=None,
                preferred_time=None,
            ),
        ],
        output,
        NEW_YORK,
    )
    assert count == 2
    raw = output.getvalue()
    assert raw.count("\r\n") >= 3
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    header, first, second = rows
    assert header[:4] == ["Reference", "Received", "Status", "Name"]
    record = dict(zip(header, first, strict=True))
    assert record["Received"] == "2025-06-02 08:30 EDT"
    assert record["Phone"] == "(914) 555-0123"
    assert record["Concern"] == "Lower back"
    assert record["Patient"] == "New patient"
    assert record["After hours"] == "no"
    assert record["Notes"] == (
        '2025-06-03 09:00 EDT maria: Called, left "voicemail"\n'
        "2025-06-04 10:00 EDT tom: Booked for Friday"
    )
    other = dict(zip(header, second, strict=True))
    assert other["Name"] == "'=cmd|' /C calc'!A0"
    assert other["Concern"] == "Other: -shoulder"
    assert other["Phone"] == ""
    assert other["Preferred time"] == ""
    assert other["After hours"] == "unknown (opening hours not configured)"


def test_empty_export_has_the_header_only():
    output = io.StringIO(newline="")
    assert write_csv([], output, NEW_YORK) == 0
    assert output.getvalue().startswith("Reference,Received,Status,")
    assert output.getvalue().count("\r\n") == 1
