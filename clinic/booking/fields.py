"""The booking request's fields, described once.

Each entry is one question of the booking form: the slots its answer fills, how the visitor's
summary shows it, the button and the words that pick it for a change, its length limit, and the
rows the front desk sees for it in the `leads` command, the email, the CSV export and the leads
page. BookingDetails holds one visitor's answers as the form collected them; NewLead.create
(clinic/leads/records.py) checks them on the way to the store. docs/booking-and-leads.md,
"Adding a booking field", lists what else a new field needs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from clinic.text import booking_wording as texts
from clinic.text.validation import CONCERNS, format_phone
from clinic.text.wording import Wording

CONCERN_MAX_LENGTH = 120
PREFERRED_TIME_MAX_LENGTH = 200
OTHER_CONCERN = "other"
_CONCERN_NAMES = {
    "neck": texts.BUTTON_NECK,
    "lower back": texts.BUTTON_LOWER_BACK,
    "other": texts.BUTTON_SOMETHING_ELSE,
}
_PATIENT_NAMES = {"new": texts.PATIENT_NEW, "returning": texts.PATIENT_RETURNING}


@dataclass(frozen=True)
class Concern:
    """What a request is about: one of CONCERNS and, for "other", the visitor's own words.

    The form keeps it in one slot ("neck", "other: tight calves"); the leads store keeps the two
    parts apart (concern, concern_detail).
    """

    kind: str
    detail: str | None = None

    @classmethod
    def parse(cls, text: str) -> Concern:
        kind, _, detail = text.partition(": ")
        return cls(kind, detail or None)

    def format(self) -> str:
        return f"{self.kind}: {self.detail}" if self.detail else self.kind

    @property
    def known(self) -> bool:
        """A concern the form offers; only "other" carries the visitor's words."""
        return self.kind in CONCERNS and (self.detail is None or self.kind == OTHER_CONCERN)

    def visitor_text(self, language: object = None) -> str:
        known = _CONCERN_NAMES.get(self.kind)
        name = known.text(language) if known else self.kind
        return f"{name} ({self.detail})" if self.detail else name

    def staff_text(self) -> str:
        label = self.kind.capitalize()
        return f"{label}: {self.detail}" if self.detail else label


class StoredRequest(Protocol):
    """What the front desk's rows read from a stored request (clinic.leads.records.LeadDetails)."""

    @property
    def full_name(self) -> str: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def phone_extension(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def concern_value(self) -> Concern: ...
    @property
    def preferred_time(self) -> str | None: ...
    @property
    def patient_status(self) -> str: ...
    @property
    def language(self) -> str: ...


def phone_text(phone: str | None, extension: str | None = None) -> str:
    return format_phone(phone, extension) if phone else ""


def patient_text(patient_status: str) -> str:
    return f"{patient_status.capitalize()} patient"


_LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def language_text(language: str) -> str:
    """The conversation's language for the front desk: "prefers Spanish" when it was not
    English, so that a Spanish speaker is called back in Spanish."""
    name = _LANGUAGE_NAMES.get(language, language)
    return name if language == "en" else f"prefers {name}"


@dataclass(frozen=True)
class StaffRow:
    """One line the front desk sees; `text` is "" when the visitor gave nothing."""

    key: str
    label: str
    text: Callable[[StoredRequest], str]


@dataclass(frozen=True)
class BookingField:
    slot: str
    summary_label: Wording
    # The answer as the summary shows it, in the conversation's language.
    summary_text: Callable[[BookingDetails, object], str]
    change_label: Wording
    # Words that name the field in "I need to change my ...".
    change_cues: tuple[str, ...]
    # Fields are tried in this order: "phone number" must win over "time" in "a better time to
    # call my number".
    cue_rank: int
    staff_rows: tuple[StaffRow, ...]
    # Further slots the answer fills, and slots a change empties besides the answer's.
    more_slots: tuple[str, ...] = ()
    also_clears: tuple[str, ...] = ()

    @property
    def slots(self) -> tuple[str, ...]:
        return (self.slot, *self.more_slots)


@dataclass(frozen=True)
class BookingDetails:
    full_name: str
    phone: str | None
    email: str | None
    concern: str
    preferred_time: str
    patient_status: str
    # An office line's extension, digits only ("914-555-0123 ext 12").
    phone_extension: str | None = None

    @classmethod
    def from_slots(cls, slots: Mapping[str, object]) -> BookingDetails:
        def text(name: str) -> str:
            return str(slots.get(name) or "")

        return cls(
            full_name=text("full_name"),
            phone=str(slots["contact_phone"]) if slots.get("contact_phone") else None,
            email=str(slots["contact_email"]) if slots.get("contact_email") else None,
            concern=text("concern"),
            preferred_time=text("preferred_time"),
            patient_status=text("patient_status"),
            phone_extension=text("contact_phone_extension") or None,
        )

    def contact_text(self) -> str:
        parts = [phone_text(self.phone, self.phone_extension) or None, self.email]
        return ", ".join(part for part in parts if part)

    def patient_text(self, language: object = None) -> str:
        known = _PATIENT_NAMES.get(self.patient_status)
        return known.text(language) if known else self.patient_status.capitalize()

    def summary(self, language: object = None) -> str:
        """The request for the visitor to confirm, in the conversation's language."""
        return "\n".join(
            [
                texts.SUMMARY_HEADING.text(language),
                *(
                    f"- {field.summary_label.text(language)}: {field.summary_text(self, language)}"
                    for field in BOOKING_FIELDS
                ),
                # A blank line ends the list, or the widget's markdown runs the two together.
                "",
                texts.SUMMARY_QUESTION.text(language),
            ]
        )


BOOKING_FIELDS = (
    BookingField(
        slot="full_name",
        summary_label=texts.LABEL_NAME,
        summary_text=lambda details, _language: details.full_name,
        change_label=texts.LABEL_NAME,
        change_cues=("name", "spelled", "spelling"),
        cue_rank=2,
        staff_rows=(StaffRow("name", "Name", lambda lead: lead.full_name),),
    ),
    BookingField(
        slot="contact",
        summary_label=texts.LABEL_CONTACT,
        summary_text=lambda details, _language: details.contact_text(),
        change_label=texts.LABEL_PHONE_OR_EMAIL,
        change_cues=("phone", "number", "email", "e-mail", "mail", "contact", "cell"),
        cue_rank=1,
        staff_rows=(
            StaffRow("phone", "Phone", lambda lead: phone_text(lead.phone, lead.phone_extension)),
            StaffRow("email", "Email", lambda lead: lead.email or ""),
        ),
        more_slots=("contact_phone", "contact_phone_extension", "contact_email"),
    ),
    BookingField(
        slot="concern",
        summary_label=texts.LABEL_ABOUT,
        summary_text=lambda details, language: Concern.parse(details.concern).visitor_text(
            language
        ),
        change_label=texts.LABEL_WHAT_ABOUT,
        change_cues=("concern", "neck", "back", "about", "reason", "problem"),
        cue_rank=5,
        staff_rows=(
            StaffRow(
                "concern",
                "Concern",
                lambda lead: lead.concern_value.staff_text(),
            ),
        ),
        also_clears=("body_region",),
    ),
    BookingField(
        slot="preferred_time",
        summary_label=texts.LABEL_PREFERRED_TIME,
        summary_text=lambda details, _language: details.preferred_time,
        change_label=texts.LABEL_PREFERRED_TIME,
        change_cues=(
            "time",
            "day",
            "days",
            "morning",
            "mornings",
            "afternoon",
            "afternoons",
            "evening",
            "evenings",
            "when",
            "date",
        ),  # fmt: skip
        cue_rank=4,
        staff_rows=(
            StaffRow("preferred_time", "Preferred time", lambda lead: lead.preferred_time or ""),
        ),
    ),
    BookingField(
        slot="patient_status",
        summary_label=texts.LABEL_PATIENT,
        summary_text=lambda details, language: details.patient_text(language),
        change_label=texts.LABEL_NEW_OR_RETURNING,
        change_cues=("new patient", "returning", "existing patient"),
        cue_rank=3,
        staff_rows=(
            StaffRow("patient", "Patient", lambda lead: patient_text(lead.patient_status)),
        ),
    ),
)

# The conversation's language is no question of the form: its row follows the fields' rows.
LANGUAGE_ROW = StaffRow("language", "Language", lambda lead: language_text(lead.language))
STAFF_ROWS = (*(row for field in BOOKING_FIELDS for row in field.staff_rows), LANGUAGE_ROW)
# The id of one run of the booking form, set when it starts: a lead's duplicate key.
REQUEST_ID_SLOT = "booking_request_id"
# Every slot the booking form fills or steers: all of them are cleared together when a request
# is sent, refused or cancelled, and the conversation's record then loses their values too.
BOOKING_SLOTS = (
    *(slot for field in BOOKING_FIELDS for slot in field.slots),
    "booking_confirmed",
    "choosing_detail",
    "requested_slot",
    REQUEST_ID_SLOT,
)


def staff_rows(lead: StoredRequest, missing: str = "not given") -> list[tuple[str, str]]:
    """(label, text) of each row the front desk sees, `missing` where the visitor gave nothing."""
    return [(row.label, row.text(lead) or missing) for row in STAFF_ROWS]
