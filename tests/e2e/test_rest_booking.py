"""A complete booking request over the REST channel against the running Rasa and action servers.

The clinic configured here is closed at the time the test runs (its only opening is two days
ahead), so the request must be flagged after-hours and the confirmation must name when the front
desk will follow up. The transcript is saved under test-artifacts/transcripts/.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from clinic.db.engine import make_engine
from clinic.leads.repository import LeadRepository
from testkit.booking_script import START, Booking, reference_in
from testkit.rest_visitor import Visitor, conversation_record, joined
from testkit.stack import REPO_ROOT, SharedStacks, Stack, StackSettings, clinic_config_text

ARTIFACTS = REPO_ROOT / "test-artifacts"
ZONE = ZoneInfo("America/New_York")


def next_opening_day() -> datetime:
    """The only opening of the closed clinic: two days ahead."""
    return datetime.now(ZONE) + timedelta(days=2)


def closed_clinic(opening_day: datetime) -> StackSettings:
    """A stack whose clinic is closed now and opens only on `opening_day`'s weekday."""
    weekday = opening_day.strftime("%A").lower()
    return StackSettings(clinic_config=clinic_config_text({weekday: "09:00-17:00"}))


@pytest.fixture(scope="module")
def opening_day() -> datetime:
    return next_opening_day()


@pytest.fixture(scope="module")
def stack(shared_stacks: SharedStacks, opening_day: datetime) -> Stack:
    return shared_stacks.get("e2e-rest", ["actions", "rasa"], closed_clinic(opening_day))


def test_a_complete_booking_request_becomes_one_after_hours_lead(stack, opening_day):
    visitor = Visitor(stack.ports.rasa)
    assert "Active Release Techniques" in joined(visitor.say("hi"))
    assert "full name" in joined(visitor.say("I'd like to book an appointment for my back"))
    assert "phone number or email" in joined(visitor.say("Jane Doe"))
    assert "Please include the area code" in joined(visitor.say("555-01"))
    replies = joined(visitor.say("you can call me on (914) 555-0123 or jane.doe@example.com"))
    # "My back" in the message that started the request is not taken ahead: the concern is asked,
    # as visitors expect.
    assert "What would you like help with" in replies
    assert "Which days and times" in joined(visitor.say("my lower back"))
    assert "new or a returning" in joined(visitor.say("weekday mornings before 10"))
    summary = joined(visitor.say('/inform{"patient_status": "new"}'))
    # The summary asks the consent with the confirmation: what is kept, and why.
    assert "ProClinix keeps these details only so its front desk can contact you" in summary
    assert "- Name: Jane Doe" in summary
    assert "- Contact: (914) 555-0123, jane.doe@example.com" in summary
    assert "- About: Lower back" in summary
    confirmation = joined(visitor.say("/affirm"))
    assert "reference PCX-" in confirmation
    assert "closed right now" in confirmation
    assert opening_day.strftime("%A") in confirmation

    reference = confirmation.split("reference ")[1][:10]
    visitor.say("/affirm")
    save_transcript("booking_rest.txt", visitor.transcript)

    repository = LeadRepository(make_engine(stack.leads_db_url))
    leads = [lead for lead in repository.list() if lead.conversation_id == visitor.sender]
    assert [lead.reference for lead in leads] == [reference]
    (lead,) = leads
    assert (lead.full_name, lead.phone, lead.email) == (
        "Jane Doe",
        "+19145550123",
        "jane.doe@example.com",
    )
    assert (lead.concern, lead.preferred_time, lead.patient_status) == (
        "lower back",
        "weekday mornings before 10",
        "new",
    )
    assert lead.after_hours is True
    assert lead.channel == "rest"
    assert lead.status == "new"
    # The lead keeps the details; the conversation's record no longer does.
    record = conversation_record(stack.tracker_db_url, visitor.sender)
    assert record
    personal = ("Jane", "555-0123", "5550123", "jane.doe", "weekday mornings")
    assert [event for event in record if any(word in event for word in personal)] == []


def test_cancel_in_the_middle_saves_nothing(stack):
    visitor = Visitor(stack.ports.rasa)
    visitor.say("can someone call me back")
    visitor.say("Sam Lee")
    assert "Nothing was sent to the front desk" in joined(visitor.say("never mind"))
    repository = LeadRepository(make_engine(stack.leads_db_url))
    assert [lead for lead in repository.list() if lead.conversation_id == visitor.sender] == []
    events = conversation_record(stack.tracker_db_url, visitor.sender)
    assert events
    assert not [event for event in events if "Sam Lee" in event]
    assert "Active Release Techniques" in joined(visitor.say("what is ART?"))


# The start, the name, the contact, the concern, the time, new or returning, the confirmation.
MESSAGES_TO_REFERENCE = 7


@pytest.mark.parametrize("repeated", range(MESSAGES_TO_REFERENCE))
def test_a_message_sent_again_after_its_reply_was_lost_does_not_derail_the_request(stack, repeated):
    """A reply lost with a killed instance, or a second tap: the visitor sends the same message
    again at step `repeated` and answers whatever is asked next; it ends with the reference of
    one lead holding its details."""
    visitor = Visitor(stack.ports.rasa, prefix="e2e-again")
    booking = Booking(70 + repeated)
    message: str | None = START
    reference = None
    for step in range(MESSAGES_TO_REFERENCE):
        assert message is not None, visitor.transcript[-4:]
        if step == repeated:
            visitor.say(message)
        replies = joined(visitor.say(message))
        reference = reference_in(replies)
        if reference:
            break
        message = booking.answer(replies)
    assert reference is not None, visitor.transcript[-4:]
    repository = LeadRepository(make_engine(stack.leads_db_url))
    leads = [lead for lead in repository.list() if lead.conversation_id == visitor.sender]
    assert [(lead.reference, lead.full_name, lead.phone) for lead in leads] == [
        (reference, booking.full_name, booking.stored_phone)
    ]


def save_transcript(name: str, lines: list[str]) -> None:
    directory = ARTIFACTS / "transcripts"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
