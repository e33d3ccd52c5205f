from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from clinic.booking.conversation import clinic_details_text, detail_from_text, follow_up_text
from clinic.booking.fields import BookingDetails
from clinic.settings import ClinicSettings, OpeningRange


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("I need to change my phone number", "contact"),
        ("wrong email", "contact"),
        ("can I fix my name?", "full_name"),
        ("you spelled it wrong", "full_name"),
        ("change the time", "preferred_time"),
        ("different days please", "preferred_time"),
        ("wait mornings dont work anymore, change it to after 4pm", "preferred_time"),
        ("actually it's about my neck", "concern"),
        ("I'm a returning patient actually", "patient_status"),
        ("change something", None),
        ("", None),
    ],
)
def test_detail_from_text(text, detail):
    assert detail_from_text(text) == detail


def test_summary_lists_every_detail_with_readable_phone():
    details = BookingDetails.from_slots(
        {
            "full_name": "Jane Doe",
            "contact_phone": "+19145550123",
            "contact_email": "jane@example.com",
            "concern": "lower back",
            "preferred_time": "weekday mornings",
            "patient_status": "new",
        }
    )
    summary = details.summary()
    assert "- Name: Jane Doe" in summary
    assert "- Contact: (914) 555-0123, jane@example.com" in summary
    assert "- About: Lower back" in summary
    assert "- Preferred time: weekday mornings" in summary
    assert "- Patient: New" in summary
    assert summary.endswith(
        "ProClinix keeps these details only so its front desk can contact you about this "
        "request. Shall I send it to the front desk?"
    )


def test_summary_with_email_only():
    details = BookingDetails.from_slots(
        {
            "full_name": "Jo",
            "contact_email": "jo@x.io",
            "concern": "neck",
            "preferred_time": "any",
            "patient_status": "returning",
        }
    )
    assert details.phone is None
    assert details.contact_text() == "jo@x.io"


NEW_YORK = ZoneInfo("America/New_York")


def clinic(hours):
    return ClinicSettings(
        name="ProClinix", location="Armonk, NY", timezone=NEW_YORK, opening_hours=hours
    )


WEEKDAY_HOURS = {day: (OpeningRange(time(9), time(17)),) for day in range(5)}


def test_follow_up_without_configured_hours_states_no_hours():
    text = follow_up_text(clinic(None), datetime(2026, 11, 28, 3, 0, tzinfo=timezone.utc))
    assert text == "Our front desk will contact you to find a time."


def test_follow_up_while_open():
    wednesday_noon = datetime(2026, 11, 25, 12, 0, tzinfo=NEW_YORK)
    assert "open now" in follow_up_text(clinic(WEEKDAY_HOURS), wednesday_noon)


def test_follow_up_after_hours_names_the_next_opening():
    saturday_evening = datetime(2026, 11, 28, 20, 0, tzinfo=NEW_YORK)
    text = follow_up_text(clinic(WEEKDAY_HOURS), saturday_evening)
    assert text == (
        "Our front desk is closed right now; they will contact you after they open on "
        "Monday at 9:00 AM."
    )


def test_clinic_details_only_from_configuration():
    assert clinic_details_text(clinic(None)) is None
    configured = ClinicSettings(
        name="ProClinix",
        location="Armonk, NY",
        timezone=NEW_YORK,
        phone="+19145550100",
        opening_hours={0: (OpeningRange(time(9), time(17)),)},
    )
    text = clinic_details_text(configured)
    assert text.startswith("You can reach the front desk by phone (914) 555-0100.")
    assert "Opening hours: Monday 9:00 AM-5:00 PM; Tuesday closed;" in text
    spanish = clinic_details_text(configured, "es")
    assert spanish.startswith("Puede comunicarse con la recepción por teléfono (914) 555-0100.")
    assert "Horario de atención: Lunes 9:00 AM-5:00 PM; Martes cerrado;" in spanish


def test_follow_up_in_spanish_names_the_next_opening_in_spanish():
    saturday_evening = datetime(2026, 11, 28, 20, 0, tzinfo=NEW_YORK)
    assert follow_up_text(clinic(WEEKDAY_HOURS), saturday_evening, "es") == (
        "Nuestra recepción está cerrada en este momento; le contactarán después de abrir el "
        "lunes a las 9:00 AM."
    )
    wednesday_noon = datetime(2026, 11, 25, 12, 0, tzinfo=NEW_YORK)
    assert follow_up_text(clinic(WEEKDAY_HOURS), wednesday_noon, "es") == (
        "Nuestra recepción está abierta ahora y le contactará para encontrar un horario."
    )
    assert follow_up_text(clinic(None), wednesday_noon, "es") == (
        "Nuestra recepción le contactará para encontrar un horario."
    )
