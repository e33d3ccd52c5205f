"""Plain values that cross the leads store's boundary: no SQLAlchemy object leaks out."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from datetime import datetime

from clinic.booking.fields import (
    CONCERN_MAX_LENGTH,
    PREFERRED_TIME_MAX_LENGTH,
    BookingDetails,
    Concern,
)
from clinic.leads.references import is_reference, new_reference
from clinic.text import booking_wording as texts
from clinic.text.language_detect import ENGLISH, LANGUAGES
from clinic.text.validation import (
    CONCERNS,
    PATIENT_STATUSES,
    InvalidInput,
    is_phone_extension,
    normalize_email,
    normalize_free_text,
    normalize_name,
    normalize_phone,
)
from clinic.timeutil import as_utc, utc_now

LEAD_STATUSES = ("new", "contacted", "booked", "closed")
CHANNEL_MAX_LENGTH = 40
CONVERSATION_ID_MAX_LENGTH = 200
REQUEST_ID_MAX_LENGTH = 64
NOTE_MAX_LENGTH = 2000
AUTHOR_MAX_LENGTH = 100


@dataclass(frozen=True)
class LeadDetails:
    """What a booking request holds, before and after it is stored."""

    reference: str
    created_at: datetime
    full_name: str
    phone: str | None
    email: str | None
    concern: str
    concern_detail: str | None
    preferred_time: str | None
    patient_status: str
    consent_at: datetime
    channel: str
    conversation_id: str
    after_hours: bool | None
    # The conversation's language, "en" or "es": the front desk sees "prefers Spanish".
    language: str
    # An office line's extension, digits only, or None.
    phone_extension: str | None

    @property
    def concern_value(self) -> Concern:
        return Concern(self.concern, self.concern_detail)


LEAD_DETAIL_FIELDS = tuple(field.name for field in fields(LeadDetails))


@dataclass(frozen=True)
class NewLead(LeadDetails):
    """A booking request as the visitor confirmed it, before it is stored.

    `request_id` is created each time the booking form starts: the idempotency key is the
    conversation and that id, so a retried submit of one form run stays one lead and a new
    request in the same conversation becomes a new lead. Without it (requests spooled before the
    id existed) the key is the conversation, name, phone, email and concern, as it was then.
    """

    idempotency_key: str
    request_id: str | None = None

    @classmethod
    def create(
        cls,
        details: BookingDetails,
        *,
        consent: bool,
        channel: str,
        conversation_id: str,
        after_hours: bool | None,
        request_id: str | None = None,
        now: datetime | None = None,
        language: str = ENGLISH,
    ) -> NewLead:
        """Validate and normalise the fields, then add a fresh reference and the idempotency key.

        Raises InvalidInput when a field is unusable, when neither phone nor email is given, or
        when the visitor has not consented to the clinic keeping the request.
        """
        if not consent:
            raise InvalidInput(texts.CONSENT_NEEDED)
        concern = Concern.parse(details.concern)
        name = normalize_name(details.full_name)
        phone_e164 = normalize_phone(details.phone) if details.phone else None
        extension = details.phone_extension if phone_e164 else None
        if extension is not None and not is_phone_extension(extension):
            raise InvalidInput(texts.PHONE_EXTENSION)
        email_normal = normalize_email(details.email) if details.email else None
        if phone_e164 is None and email_normal is None:
            raise InvalidInput(texts.CONTACT_MISSING)
        if concern.kind not in CONCERNS:
            raise InvalidInput(texts.CONCERN_CHOICE)
        if details.patient_status not in PATIENT_STATUSES:
            raise InvalidInput(texts.PATIENT_STATUS_UNCLEAR)
        moment = as_utc(now) if now else utc_now()
        conversation = normalize_free_text(
            conversation_id, "conversation id", CONVERSATION_ID_MAX_LENGTH
        )
        request = (
            normalize_free_text(request_id, "request id", REQUEST_ID_MAX_LENGTH)
            if request_id
            else None
        )
        return cls(
            reference=new_reference(),
            request_id=request,
            idempotency_key=idempotency_key(
                conversation, name, phone_e164, email_normal, concern.kind, request
            ),
            created_at=moment,
            full_name=name,
            phone=phone_e164,
            email=email_normal,
            concern=concern.kind,
            concern_detail=_optional_text(concern.detail, "concern", CONCERN_MAX_LENGTH),
            preferred_time=_optional_text(
                details.preferred_time, "preferred time", PREFERRED_TIME_MAX_LENGTH
            ),
            patient_status=details.patient_status,
            consent_at=moment,
            channel=normalize_free_text(channel, "channel", CHANNEL_MAX_LENGTH),
            conversation_id=conversation,
            after_hours=after_hours,
            language=language if language in LANGUAGES else ENGLISH,
            phone_extension=extension,
        )

    def to_json(self) -> str:
        data = {name: getattr(self, name) for name in _FIELDS}
        data["created_at"] = self.created_at.isoformat()
        data["consent_at"] = self.consent_at.isoformat()
        return json.dumps({"version": _JSON_VERSION, "lead": data}, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> NewLead:
        """Read a lead written by `to_json`; raises ValueError when the text is not one."""
        document = json.loads(text)
        version = document.get("version") if isinstance(document, dict) else None
        if version not in _JSON_MISSING_FIELDS:
            raise ValueError("not a version 1 to 4 lead document")
        data = document.get("lead")
        # Older versions lack the fields added since; a lead without a language was English,
        # and one without an extension had none.
        expected = set(_FIELDS) - _JSON_MISSING_FIELDS[version]
        if not isinstance(data, dict) or set(data) != expected:
            raise ValueError("lead fields missing or unexpected")
        data = {"language": ENGLISH, "phone_extension": None, **data}
        try:
            lead = cls(
                **{
                    **data,
                    "created_at": as_utc(datetime.fromisoformat(data["created_at"])),
                    "consent_at": as_utc(datetime.fromisoformat(data["consent_at"])),
                }
            )
        except TypeError as error:
            raise ValueError(f"lead field of the wrong type: {error}") from error
        lead.check()
        return lead

    def check(self) -> None:
        """Raise ValueError unless every field holds what `create` would have produced."""
        required = ("full_name", "concern", "patient_status", "channel", "conversation_id")
        optional_texts = (
            "phone",
            "phone_extension",
            "email",
            "concern_detail",
            "preferred_time",
            "request_id",
        )
        texts_ok = all(isinstance(getattr(self, name), str) for name in required)
        optional_ok = all(isinstance(getattr(self, name), str | None) for name in optional_texts)
        if not (texts_ok and optional_ok):
            raise ValueError("text field holds a non-text value")
        if not is_reference(self.reference):
            raise ValueError(f"bad reference {self.reference!r}")
        expected_key = idempotency_key(
            self.conversation_id,
            self.full_name,
            self.phone,
            self.email,
            self.concern,
            self.request_id,
        )
        if self.idempotency_key != expected_key:
            raise ValueError("idempotency key does not match the lead's fields")
        if self.after_hours not in (True, False, None):
            raise ValueError("after_hours must be true, false or null")
        try:
            if self.phone is not None and normalize_phone(self.phone) != self.phone:
                raise ValueError("phone is not in E.164 form")
            if self.email is not None and normalize_email(self.email) != self.email:
                raise ValueError("email is not normalised")
            if self.phone is None and self.email is None:
                raise ValueError("neither phone nor email")
            if self.phone_extension is not None and (
                self.phone is None or not is_phone_extension(self.phone_extension)
            ):
                raise ValueError("extension is not digits after a phone number")
            if normalize_name(self.full_name) != self.full_name:
                raise ValueError("name is not normalised")
        except InvalidInput as error:
            raise ValueError(error.message) from error
        if self.concern not in CONCERNS or self.patient_status not in PATIENT_STATUSES:
            raise ValueError("unknown concern or patient status")
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown language {self.language!r}")


_JSON_VERSION = 4
# The fields each older spool document version lacks: 1 before the form's request id, 2 before
# the conversation's language, 3 before the phone's extension.
_JSON_MISSING_FIELDS = {
    1: {"request_id", "language", "phone_extension"},
    2: {"language", "phone_extension"},
    3: {"phone_extension"},
    _JSON_VERSION: set(),
}
_FIELDS = tuple(field.name for field in fields(NewLead))


@dataclass(frozen=True)
class NoteView:
    author: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class LeadView(LeadDetails):
    """A stored lead with its notes (oldest note first)."""

    status: str
    notes: tuple[NoteView, ...]


@dataclass(frozen=True)
class LeadCounts:
    """Leads received in a period: by their status now, and by when they came in."""

    by_status: dict[str, int]
    after_hours: int
    during_hours: int

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def after_hours_share(self) -> float | None:
        """Of the leads whose arrival time is known to be in or out of hours; None without any."""
        known = self.after_hours + self.during_hours
        return self.after_hours / known if known else None


@dataclass(frozen=True)
class StoredLead:
    """The outcome of `LeadRepository.submit`."""

    lead: LeadView
    # False when the idempotency key matched a lead stored earlier: nothing new was written.
    created: bool

    @property
    def reference(self) -> str:
        return self.lead.reference


def idempotency_key(
    conversation_id: str,
    full_name: str,
    phone: str | None,
    email: str | None,
    concern: str,
    request_id: str | None = None,
) -> str:
    # JSON keeps the parts apart even when one of them contains a separator character.
    if request_id:
        parts = json.dumps(["request", conversation_id, request_id], ensure_ascii=False)
    else:
        parts = json.dumps([conversation_id, full_name, phone, email, concern], ensure_ascii=False)
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()


def _optional_text(text: str | None, what: str, max_length: int) -> str | None:
    if text is None or not text.strip():
        return None
    return normalize_free_text(text, what, max_length)
