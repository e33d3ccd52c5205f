import json
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from clinic.leads.records import NewLead, idempotency_key
from clinic.leads.references import ALPHABET, is_reference, new_reference, normalize_reference
from clinic.text.validation import InvalidInput


def test_references_use_crockford_base32_without_ambiguous_letters():
    assert set(ALPHABET) == set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    references = {new_reference() for _ in range(500)}
    assert len(references) == 500
    for reference in references:
        assert is_reference(reference), reference
        assert reference.startswith("PCX-") and len(reference) == 10
        assert not set(reference[4:]) & set("ILOU")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("PCX-7K3M9Q", "PCX-7K3M9Q"),
        ("pcx-7k3m9q", "PCX-7K3M9Q"),
        (" 7k3m9q ", "PCX-7K3M9Q"),
        ("PCX7K3M9Q", "PCX-7K3M9Q"),
        ("PCX-OIL234", "PCX-011234"),
    ],
)
def test_staff_can_type_references_loosely(typed, expected):
    assert normalize_reference(typed) == expected


def test_create_normalises_every_field(make_lead):
    moment = datetime(2025, 6, 2, 14, 30, tzinfo=timezone(timedelta(hours=-4)))
    lead = make_lead(
        full_name="  jane   doe ",
        phone="914.555.0123",
        email="Jane@Example.COM",
        concern="other",
        concern_detail="  right\tshoulder ",
        preferred_time=" mornings ",
        patient_status="returning",
        after_hours=None,
        now=moment,
    )
    assert lead.full_name == "jane doe"
    assert lead.phone == "+19145550123"
    assert lead.email == "Jane@example.com"
    assert lead.concern_detail == "right shoulder"
    assert lead.preferred_time == "mornings"
    assert lead.created_at == datetime(2025, 6, 2, 18, 30, tzinfo=timezone.utc)
    assert lead.created_at.tzinfo is timezone.utc
    assert lead.consent_at == lead.created_at
    assert lead.after_hours is None
    assert is_reference(lead.reference)


def test_one_contact_is_enough_but_not_none(make_lead):
    assert make_lead(email=None).phone == "+19145550123"
    assert make_lead(phone=None).email == "jane@example.com"
    assert make_lead(phone="", email="jane@example.com").phone is None
    with pytest.raises(InvalidInput, match="phone number or an email address"):
        make_lead(phone=None, email=None)


def test_no_consent_no_lead(make_lead):
    with pytest.raises(InvalidInput, match="agree"):
        make_lead(consent=False)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("concern", "elbow"),
        ("patient_status", "maybe"),
        ("full_name", "1234"),
        ("phone", "555-0123"),
        ("email", "jane@"),
        ("preferred_time", "x" * 201),
        ("channel", ""),
    ],
)
def test_bad_fields_are_refused(make_lead, field, value):
    with pytest.raises(InvalidInput):
        make_lead(**{field: value})


def test_idempotency_key_depends_on_the_identifying_fields_only(make_lead):
    first = make_lead()
    again = make_lead(preferred_time="evenings", full_name=" Jane  Doe", phone="+1 914 555 0123")
    assert first.reference != again.reference
    assert first.idempotency_key == again.idempotency_key
    assert first.idempotency_key == idempotency_key(
        "conversation-1", "Jane Doe", "+19145550123", "jane@example.com", "lower back"
    )
    assert make_lead(conversation_id="conversation-2").idempotency_key != first.idempotency_key
    assert make_lead(concern="neck").idempotency_key != first.idempotency_key


def test_idempotency_key_keeps_parts_apart():
    assert idempotency_key("a|b", "c", None, "d@e.com", "neck") != idempotency_key(
        "a", "b|c", None, "d@e.com", "neck"
    )


def test_json_round_trip(make_lead):
    lead = make_lead(concern="other", concern_detail="Hüfte – left", after_hours=None)
    assert NewLead.from_json(lead.to_json()) == lead


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda data: data.update(version=5),
        lambda data: data["lead"].update(language="fr"),
        lambda data: data["lead"].pop("email"),
        lambda data: data["lead"].update(extra=1),
        lambda data: data["lead"].update(phone="555"),
        lambda data: data["lead"].update(full_name="Someone Else"),
        lambda data: data["lead"].update(reference="PCX-IIIIII"),
        lambda data: data["lead"].update(after_hours="yes"),
        lambda data: data["lead"].update(created_at="yesterday"),
        lambda data: data["lead"].update(created_at="2025-06-02T10:00:00"),
        lambda data: data["lead"].update(concern="elbow"),
        lambda data: data["lead"].update(created_at=5),
        lambda data: data["lead"].update(full_name=5),
        lambda data: data["lead"].update(phone=["+19145550123"]),
        lambda data: data["lead"].update(preferred_time=7),
        lambda data: data.update(lead=[]),
    ],
)
def test_from_json_refuses_documents_that_are_not_a_valid_lead(make_lead, corrupt):
    data = json.loads(make_lead().to_json())
    corrupt(data)
    with pytest.raises(ValueError):
        NewLead.from_json(json.dumps(data))


def test_check_accepts_what_create_made(make_lead):
    lead = make_lead()
    lead.check()
    with pytest.raises(ValueError, match="idempotency key"):
        replace(lead, conversation_id="other").check()


def test_duplicate_key_per_form_start_a_new_form_run_is_a_new_request(make_lead):
    first = make_lead(request_id="run-1")
    retried = make_lead(request_id="run-1")
    second = make_lead(request_id="run-2", preferred_time="Friday after 4pm")
    assert first.idempotency_key == retried.idempotency_key
    assert second.idempotency_key != first.idempotency_key
    other_conversation = make_lead(request_id="run-1", conversation_id="conversation-2")
    assert other_conversation.idempotency_key != first.idempotency_key


def test_duplicate_key_per_form_start_round_trips_through_json(make_lead):
    lead = make_lead(request_id="run-1")
    assert NewLead.from_json(lead.to_json()) == lead


def test_duplicate_key_per_form_start_a_spool_file_from_before_still_reads(make_lead):
    lead = make_lead()
    document = json.loads(lead.to_json())
    document["version"] = 1
    del document["lead"]["request_id"]
    del document["lead"]["language"]
    del document["lead"]["phone_extension"]
    assert NewLead.from_json(json.dumps(document)) == lead


def test_a_lead_keeps_the_conversations_language_and_round_trips_through_json(make_lead):
    lead = make_lead(language="es")
    assert lead.language == "es"
    assert NewLead.from_json(lead.to_json()) == lead
    assert make_lead().language == "en"
    assert make_lead(language="fr").language == "en"


def test_a_spool_file_from_before_the_language_reads_as_english(make_lead):
    lead = make_lead()
    document = json.loads(lead.to_json())
    assert document["version"] == 4
    document["version"] = 2
    del document["lead"]["language"]
    del document["lead"]["phone_extension"]
    assert NewLead.from_json(json.dumps(document)) == lead
    document["lead"]["language"] = "en"
    with pytest.raises(ValueError):
        NewLead.from_json(json.dumps(document))


def test_a_phone_extension_is_kept_and_round_trips_through_json(make_lead):
    lead = make_lead(phone="914-555-0123", phone_extension="12")
    assert (lead.phone, lead.phone_extension) == ("+19145550123", "12")
    assert NewLead.from_json(lead.to_json()) == lead
    assert make_lead(phone=None, phone_extension="12").phone_extension is None
    with pytest.raises(InvalidInput):
        make_lead(phone_extension="12a")


def test_a_spool_file_from_before_the_extension_reads_with_none(make_lead):
    lead = make_lead()
    document = json.loads(lead.to_json())
    document["version"] = 3
    del document["lead"]["phone_extension"]
    assert NewLead.from_json(json.dumps(document)) == lead
    document["version"] = 4
    document["lead"]["phone_extension"] = "x1"
    with pytest.raises(ValueError):
        NewLead.from_json(json.dumps(document))
