"""Validation of the booking-request form: each answer goes through clinic.text.validation."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from clinic.booking.conversation import DETAIL_LABELS, DETAIL_SLOTS, detail_from_text
from clinic.booking.corrections import concern_correction, email_correction, name_correction
from clinic.booking.fields import (
    CONCERN_MAX_LENGTH,
    OTHER_CONCERN,
    PREFERRED_TIME_MAX_LENGTH,
    REQUEST_ID_SLOT,
    Concern,
)
from clinic.booking.regions import COVERED_CONCERNS, canonical_region, concern_for_region
from clinic.booking.told_before import covered_area_told_before
from clinic.text import booking_wording as texts
from clinic.text import contact_parsing
from clinic.text.pointing_back import asked_topic
from clinic.text.times import is_question, names_a_time, new_time_in, time_answer
from clinic.text.validation import (
    InvalidInput,
    covered_region_in,
    is_non_answer,
    name_after_a_yes,
    normalize_email,
    normalize_free_text,
    parse_concern,
    parse_name,
    parse_patient_status,
    parse_phone,
    parse_yes_no,
)
from clinic.text.wording import Wording
from clinic.triage.tiers import SYMPTOM_CHECK, TIER_INTENTS

SYMPTOM_CHECK_INTENT = SYMPTOM_CHECK.intent
MEDICATION_INTENT = "ask_medication"
Value = TypeVar("Value")

# After this many answers in a row that the same question could not take, the re-ask offers the
# question's choices and a way out.
MISSES_BEFORE_HELP = 2
MISSES_SLOT = "answer_misses"
# Buttons as (title, payload): the title in the conversation's language, the payload the same.
Button = tuple[Wording, str]
CALLBACK_BUTTON: Button = (texts.BUTTON_CALLBACK, "/human_handoff")
CANCEL_BUTTON: Button = (texts.BUTTON_CANCEL_REQUEST, "/cancel")
PATIENT_STATUS_BUTTONS: list[Button] = [
    (texts.BUTTON_NEW_PATIENT, '/inform{"patient_status": "new"}'),
    (texts.BUTTON_RETURNING_PATIENT, '/inform{"patient_status": "returning"}'),
]
_CHOICES: dict[str, list[Button]] = {
    "concern": [
        (texts.BUTTON_NECK, '/inform{"concern": "neck"}'),
        (texts.BUTTON_LOWER_BACK, '/inform{"concern": "lower back"}'),
        (texts.BUTTON_SOMETHING_ELSE, '/inform{"concern": "other"}'),
    ],
    "patient_status": PATIENT_STATUS_BUTTONS,
    "booking_confirmed": [(texts.BUTTON_SEND, "/affirm"), (texts.BUTTON_CHANGE, "/deny")],
}
# Intents a yes-or-no question reads with plain words when the NLU heard no yes or no in them
# ("looks good to me" taken as a thank-you); the rest have rules of their own in the form.
_YES_OR_NO_IN_WORDS = frozenset(
    {"inform", "thank", "greet", "goodbye", "nlu_fallback", "out_of_scope"}
)

Slots = dict[str, Any]


def language(tracker: Tracker) -> str | None:
    """The conversation's language, the `language` slot ("en" or "es")."""
    value = tracker.get_slot("language")
    return str(value) if value else None


def buttons(choices: list[Button], language: str | None) -> list[dict[str, str]]:
    return [{"title": title.text(language), "payload": payload} for title, payload in choices]


def detail_buttons(language: str | None) -> list[dict[str, str]]:
    return buttons(
        [
            (label, f'/change_detail{{"detail": "{detail}"}}')
            for detail, label in DETAIL_LABELS.items()
        ],
        language,
    )


def say(
    dispatcher: CollectingDispatcher, tracker: Tracker, wording: Wording, **values: str
) -> None:
    dispatcher.utter_message(text=wording.text(language(tracker), **values))


def say_problem(dispatcher: CollectingDispatcher, tracker: Tracker, problem: InvalidInput) -> None:
    dispatcher.utter_message(text=problem.text(language(tracker)))


def latest_entities(tracker: Tracker, name: str) -> list[str]:
    return [str(value) for value in tracker.get_latest_entity_values(name)]


class ValidateBookingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_booking_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Rasa runs this validation when the form starts too: a run without a request id gets a
        new one, which keys its lead (the reset clears it when the request ends). A message that
        triage flagged fills nothing, so the form rejects it and the tier's rule answers."""
        if _intent(tracker) in TIER_INTENTS and not _plain_patient_status(tracker):
            return []
        asked = tracker.get_slot("requested_slot")
        misses = int(tracker.get_slot(MISSES_SLOT) or 0)
        events = await super().run(dispatcher, tracker, domain)
        if tracker.get_slot(REQUEST_ID_SLOT) is None:
            events.append(SlotSet(REQUEST_ID_SLOT, uuid.uuid4().hex))
        answer = _last_value(events, asked)
        if answer is None:
            return events
        if answer[0] is not None:
            return [*events, SlotSet(MISSES_SLOT, 0)] if misses else events
        # Asking to change a detail, or correcting the phone or email, is no miss.
        if (
            _last_value(events, "choosing_detail") == (True,)
            or _corrects_a_detail(tracker)
            or _practical_question(tracker)
        ):
            return events
        misses += 1
        if misses >= MISSES_BEFORE_HELP:
            way_out = [CANCEL_BUTTON] if asked == "contact" else [CALLBACK_BUTTON, CANCEL_BUTTON]
            dispatcher.utter_message(
                response="utter_contact_help" if asked == "contact" else "utter_answer_help",
                buttons=buttons([*_CHOICES.get(str(asked), []), *way_out], language(tracker)),
            )
        return [*events, SlotSet(MISSES_SLOT, misses)]

    async def extract_concern(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        # An answer at the concern question that names a covered area ("la espalda baja") is
        # the concern, though the NLU reads it as that area's question: unfilled, the form
        # would reject the turn and the FAQ rule would answer instead of taking it.
        if tracker.get_slot("requested_slot") == "concern":
            text = tracker.latest_message.get("text") or ""
            told = _time_for_a_concern_told_before(tracker, text)
            if told:
                return told
            try:
                return {"concern": parse_concern(text)}
            except InvalidInput:
                pass
            # "Bad back, it's been niggling for months", "dolor en la parte baja de la espalda":
            # the concern told, not a question about it.
            # "Both my neck and lower back, arthritis runs in the family", read as a diagnosis
            # question, is the concern told too.
            if _intent(tracker) in {"faq", "ask_diagnosis"} and not is_question(text):
                named = [
                    canonical_region(phrase) for phrase in latest_entities(tracker, "BODY_REGION")
                ]
                known = [region for region in named if region]
                found = concern_for_region(known[0]) if known else covered_region_in(text)
                # "Sciatica, left side", "whiplash from a car accident": the visitor's words,
                # as for any other concern.
                return {"concern": found or text}
            return {}
        # "Wait not just the neck, its the lower back too" at a later question: the concern.
        changed = _concern_correction(tracker)
        if changed:
            say(dispatcher, tracker, texts.CONCERN_UPDATED)
            return {"concern": changed}
        return {}

    async def extract_full_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        # "Ok fine, Jasmine Ortiz": a name after a yes, which the NLU reads as the yes. A bare
        # yes fills nothing, and the question comes again; a no ("nah nevermind") is left to
        # the offer's rules, which decline the request just started.
        if tracker.get_slot("requested_slot") != "full_name":
            # "No wait my name is Linda Chen-Walsh" at a later question: the name corrected.
            corrected = _name_correction(tracker)
            return {"full_name": corrected} if corrected else {}
        if _intent(tracker) != "affirm":
            return {}
        name = name_after_a_yes(tracker.latest_message.get("text") or "")
        return {"full_name": name} if name else {}

    def validate_full_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if _holds_contact_details(tracker) or _answers_a_practical_question(dispatcher, tracker):
            return {"full_name": None}
        try:
            name = parse_name(str(value))
        except InvalidInput as problem:
            say_problem(dispatcher, tracker, problem)
            return {"full_name": None}
        if tracker.get_slot("requested_slot") not in {None, "full_name"}:
            say(dispatcher, tracker, texts.NAME_UPDATED, name=name)
        return {"full_name": name}

    async def extract_contact(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A phone number or email given while another question is open is a correction, and
        so is a piece of the email told again ("oops .com not .con")."""
        if tracker.get_slot("requested_slot") != "contact" and _holds_contact_details(tracker):
            return {"contact": tracker.latest_message.get("text")}
        corrected = _email_correction(tracker)
        return {"contact": corrected} if corrected else {}

    def validate_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        correcting = tracker.get_slot("requested_slot") != "contact"
        # "rebecca dot lindqvist at gmail dot com": the address, at the contact question or
        # told again at a later one.
        text = contact_parsing.written_emails(str(value))
        problems: list[InvalidInput] = []
        found_phone = _first_valid(parse_phone, contact_parsing.find_phone_numbers(text), problems)
        email = _first_valid(normalize_email, contact_parsing.find_emails(text), problems)
        phone = found_phone.e164 if found_phone else None
        extension = found_phone.extension if found_phone else None
        if phone or email:
            if correcting:
                if not found_phone:
                    phone = tracker.get_slot("contact_phone")
                    extension = tracker.get_slot("contact_phone_extension")
                email = email or tracker.get_slot("contact_email")
                say(dispatcher, tracker, texts.CONTACT_UPDATED)
            return {
                "contact": ", ".join(part for part in (phone, email) if part),
                "contact_phone": phone,
                "contact_phone_extension": extension,
                "contact_email": email,
            }
        if not problems and "@" in text:
            problems.append(_email_problem(text))
        if not problems and _only_phone_characters(text):
            # Too short for the matcher to call it a number: the validator says what is wrong.
            _first_valid(parse_phone, [contact_parsing.Found(text, 0, len(text))], problems)
        if problems:
            say_problem(dispatcher, tracker, problems[0])
        else:
            say(dispatcher, tracker, texts.CONTACT_NEEDED)
        if correcting:
            kept = [tracker.get_slot("contact_phone"), tracker.get_slot("contact_email")]
            return {"contact": ", ".join(part for part in kept if part) or None}
        return {"contact": None}

    def validate_concern(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = str(value)
        if _asks_about_medication(dispatcher, tracker) or _answers_a_practical_question(
            dispatcher, tracker
        ):
            return {"concern": None}
        given = Concern.parse(text)
        if given.known:
            # A button, an entity or "other: ..." gets the same cleaning as typed words.
            if given.detail is None:
                return {"concern": given.kind}
            try:
                detail = normalize_free_text(given.detail, texts.WHAT_CONCERN, CONCERN_MAX_LENGTH)
            except InvalidInput as problem:
                say_problem(dispatcher, tracker, problem)
                return {"concern": None}
            return {"concern": Concern(given.kind, detail).format()}
        if (
            _holds_contact_details(tracker)
            or _name_correction(tracker)
            or _email_correction(tracker)
        ):
            return {"concern": None}
        if is_non_answer(text):
            say(dispatcher, tracker, texts.CONCERN_NEEDED)
            return {"concern": None}
        # A region the clinic covers names the concern; any other keeps the visitor's words
        # ("tight calves from running" says more to the front desk than "leg").
        regions = [canonical_region(phrase) for phrase in latest_entities(tracker, "BODY_REGION")]
        covered = [region for region in regions if region in COVERED_CONCERNS]
        if covered:
            return {"concern": covered[0]}
        try:
            return {"concern": parse_concern(text)}
        except InvalidInput:
            pass
        try:
            detail = normalize_free_text(text, texts.WHAT_CONCERN, CONCERN_MAX_LENGTH)
        except InvalidInput as problem:
            say_problem(dispatcher, tracker, problem)
            return {"concern": None}
        return {"concern": Concern(OTHER_CONCERN, detail).format()}

    def validate_preferred_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if _corrects_a_detail(tracker):
            return {"preferred_time": None}
        text = str(value)
        if _asks_about_medication(dispatcher, tracker):
            return {"preferred_time": None}
        if _answers_a_practical_question(dispatcher, tracker):
            return {"preferred_time": None}
        # "Which location is this?" asks something: it is no time to pass to the front desk.
        if is_non_answer(text) or (is_question(text) and not names_a_time(text)):
            say(dispatcher, tracker, texts.TIME_NEEDED)
            return {"preferred_time": None}
        try:
            cleaned = normalize_free_text(
                text, texts.WHAT_DAYS_AND_TIMES, PREFERRED_TIME_MAX_LENGTH
            )
        except InvalidInput as problem:
            say_problem(dispatcher, tracker, problem)
            return {"preferred_time": None}
        return {"preferred_time": cleaned}

    def validate_patient_status(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if _corrects_a_detail(tracker):
            return {"patient_status": None}
        try:
            return {"patient_status": parse_patient_status(str(value))}
        except InvalidInput as problem:
            dispatcher.utter_message(
                text=problem.text(language(tracker)),
                buttons=buttons(PATIENT_STATUS_BUTTONS, language(tracker)),
            )
            return {"patient_status": None}

    async def extract_preferred_time(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = tracker.latest_message.get("text") or ""
        if (
            tracker.get_slot("requested_slot") == "preferred_time"
            and _intent(tracker) not in {"cancel", "change_detail"}
            and time_answer(text)
        ):
            # "Weekends if you're open" names days: the answer, though the NLU may read it as
            # a question about opening hours (unfilled, the FAQ rule would answer instead).
            return {"preferred_time": text}
        return _text_after_yes_or_no(tracker, "preferred_time")

    async def extract_patient_status(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if _plain_patient_status(tracker) or _patient_status_read_as_a_question(tracker):
            return {"patient_status": tracker.latest_message.get("text")}
        return _text_after_yes_or_no(tracker, "patient_status")

    async def extract_booking_confirmed(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return _yes_or_no_in_words(tracker, "booking_confirmed")

    def validate_booking_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if value is True:
            return {"booking_confirmed": True}
        if value is not True and _corrects_a_detail(tracker):
            # A corrected phone, email, name or concern: the summary is shown again with it.
            return {"booking_confirmed": None}
        text = tracker.latest_message.get("text") or ""
        named = detail_from_text(text)
        if value is False and named:
            new_time = changed_time(dispatcher, tracker, named, text)
            if new_time:
                # "Change the time to afternoons": taken, and the summary comes again.
                return {"booking_confirmed": None, "preferred_time": new_time}
            # "Can we change the time?": that question comes again, then the summary.
            return {"booking_confirmed": None, **dict.fromkeys(DETAIL_SLOTS[named])}
        if value is None:
            say(dispatcher, tracker, texts.SEND_IT)
            return {"booking_confirmed": None}
        dispatcher.utter_message(
            text=texts.WHAT_TO_CHANGE.text(language(tracker)),
            buttons=detail_buttons(language(tracker)),
        )
        return {"booking_confirmed": None, "choosing_detail": True}


def changed_time(
    dispatcher: CollectingDispatcher, tracker: Tracker, detail: str, text: str
) -> str | None:
    """The new preferred time a change of the time names in the same message ("evenings are
    better for me"), said back to the visitor; None when it names none."""
    found = new_time_in(text) if detail == "preferred_time" else None
    if found is None:
        return None
    try:
        cleaned = normalize_free_text(found, texts.WHAT_DAYS_AND_TIMES, PREFERRED_TIME_MAX_LENGTH)
    except InvalidInput:
        return None
    dispatcher.utter_message(text=texts.TIME_UPDATED.text(language(tracker), time=cleaned))
    return cleaned


# A short answer to the new-or-returning question that triage was unsure about ("I've been
# before"): taken when it names no symptom, body region or condition and reads as the answer.
_PLAIN_ANSWER_MAX_WORDS = 6
_HEALTH_ENTITIES = ("SYMPTOM", "BODY_REGION", "CONDITION", "MEDICATION", "TREATMENT")


def _plain_patient_status(tracker: Tracker) -> bool:
    if _intent(tracker) != SYMPTOM_CHECK_INTENT:
        return False
    if tracker.get_slot("requested_slot") != "patient_status":
        return False
    if any(latest_entities(tracker, name) for name in _HEALTH_ENTITIES):
        return False
    text = tracker.latest_message.get("text") or ""
    return len(text.split()) <= _PLAIN_ANSWER_MAX_WORDS and _says_patient_status(text)


# Intents whose from_text mapping skips an answer the NLU took for a question ("yes ive been
# before" read as one about the clinic).
_READ_AS_A_QUESTION = frozenset({"faq", "ask_diagnosis", "book_appointment", "human_handoff"})


def _patient_status_read_as_a_question(tracker: Tracker) -> bool:
    """An answer at the new-or-returning question that the NLU read as a question: taken when it
    asks nothing and says new or returning."""
    if tracker.get_slot("requested_slot") != "patient_status":
        return False
    if _intent(tracker) not in _READ_AS_A_QUESTION:
        return False
    text = tracker.latest_message.get("text") or ""
    return not is_question(text) and _says_patient_status(text)


def _says_patient_status(text: str) -> bool:
    """Whether the text says new or returning, as the step's validation reads it."""
    try:
        parse_patient_status(text)
    except InvalidInput:
        return False
    return True


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _time_for_a_concern_told_before(tracker: Tracker, text: str) -> Slots:
    """ "Any day after lunch" at the concern question, after the visitor named their neck or lower
    back before the request: the time, and that area as the concern (kept as the concern, the
    time would reach the front desk as what the visit is about). Else nothing."""
    if not time_answer(text) or covered_region_in(text) or latest_entities(tracker, "BODY_REGION"):
        return {}
    area = covered_area_told_before(tracker.events)
    return {"concern": area, "preferred_time": text} if area else {}


# A question about the visit or the clinic asked at the name, the concern or the time question,
# which the NLU could not place ("what does it cost first though", "which location is this?"):
# answered with the topic it leaned to, when that is one of these, and the question comes again.
_PRACTICAL_TOPICS = frozenset({"not_in_article", "where_offered"})
_PRACTICAL_MIN_CONFIDENCE = 0.15
_UNPLACED = frozenset({"out_of_scope", "nlu_fallback"})
OTHER_CONDITION = "other_condition"
INFORM_INTENT = "inform"


def _practical_question(tracker: Tracker) -> str | None:
    """The practical FAQ topic of a question the NLU could not place, None for other messages."""
    text = tracker.latest_message.get("text") or ""
    asked = tracker.get_slot("requested_slot")
    unplaced = (
        _intent(tracker) in _UNPLACED
        # "Does it hurt? im kind of a baby about pain" at the concern question: its pain words
        # read as a condition, though it names no body area.
        or (
            _intent(tracker) == OTHER_CONDITION
            and asked == "concern"
            and not latest_entities(tracker, "BODY_REGION")
        )
        # "Before i give my name, where are you located?" read as an answer: no name asks.
        or (_intent(tracker) == INFORM_INTENT and asked == "full_name" and "?" in text)
    )
    if not unplaced or not is_question(text) or names_a_time(text):
        return None
    selector = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    response = selector.get("response") or {}
    topic = asked_topic(tracker.latest_message)
    confidence = float(response.get("confidence") or 0.0)
    if topic in _PRACTICAL_TOPICS and confidence >= _PRACTICAL_MIN_CONFIDENCE:
        return topic
    return None


def _answers_a_practical_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    topic = _practical_question(tracker)
    if topic is None:
        return False
    dispatcher.utter_message(response=f"utter_faq/{topic}")
    return True


def _asks_about_medication(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "Can I keep taking my muscle relaxers until then?" at a free-text question: answered as
    the medication question it is (the question comes again), never stored as the answer."""
    text = tracker.latest_message.get("text") or ""
    if _intent(tracker) != MEDICATION_INTENT or not is_question(text):
        return False
    dispatcher.utter_message(response="utter_ask_medication")
    return True


def _last_value(events: list[EventType], slot: object) -> tuple[Any] | None:
    """(value,) of the last SlotSet of `slot` among `events`, None when none sets it."""
    values = [(event["value"],) for event in events if event.get("name") == slot]
    return values[-1] if values else None


def _text_after_yes_or_no(tracker: Tracker, slot: str) -> Slots:
    """The answer to a free-text question that the NLU read as a yes or a no ("yeah, I've been
    there before", "no preference"), which the slot's from_text mapping skips."""
    if tracker.get_slot("requested_slot") == slot and _intent(tracker) in {"affirm", "deny"}:
        return {slot: tracker.latest_message.get("text")}
    return {}


def _yes_or_no_in_words(tracker: Tracker, slot: str) -> Slots:
    if tracker.get_slot("requested_slot") == slot and _intent(tracker) in _YES_OR_NO_IN_WORDS:
        return {slot: parse_yes_no(tracker.latest_message.get("text") or "")}
    return {}


def _first_valid(
    normalize: Callable[[str], Value],
    candidates: list[contact_parsing.Found],
    problems: list[InvalidInput],
) -> Value | None:
    for candidate in candidates:
        try:
            return normalize(candidate.text)
        except InvalidInput as problem:
            problems.append(problem)
    return None


def _email_problem(text: str) -> InvalidInput:
    word = next(word for word in text.split() if "@" in word)
    try:
        normalize_email(word)
    except InvalidInput as problem:
        return problem
    return InvalidInput(texts.EMAIL_CHECK)


# The questions after the concern's, at which a change of the concern is a correction.
_AFTER_CONCERN = frozenset({"preferred_time", "patient_status", "booking_confirmed"})


def _name_correction(tracker: Tracker) -> str | None:
    """The name corrected at a later question ("no wait my name is Linda Chen-Walsh", "sorry its
    Katherine with a K"), None for any other message."""
    current = tracker.get_slot("full_name")
    if current is None or tracker.get_slot("requested_slot") in {None, "full_name"}:
        return None
    if _holds_contact_details(tracker):
        # "Ugh typo, meant mike.t@example.com" corrects the email.
        return None
    return name_correction(tracker.latest_message.get("text") or "", str(current))


def _concern_correction(tracker: Tracker) -> str | None:
    """The concern changed at a question after its own ("wait not just the neck, its the lower
    back too"), None for any other message."""
    if tracker.get_slot("concern") is None:
        return None
    if tracker.get_slot("requested_slot") not in _AFTER_CONCERN:
        return None
    text = tracker.latest_message.get("text") or ""
    named = [canonical_region(phrase) for phrase in latest_entities(tracker, "BODY_REGION")]
    regions = [region for region in [*named, covered_region_in(text)] if region]
    return concern_correction(text, regions)


def _email_correction(tracker: Tracker) -> str | None:
    """The email corrected by a piece of it at a later question ("oops .com not .con")."""
    if tracker.get_slot("requested_slot") in {None, "contact"}:
        return None
    text = tracker.latest_message.get("text") or ""
    return email_correction(text, tracker.get_slot("contact_email"))


def _corrects_a_detail(tracker: Tracker) -> bool:
    """A detail told again while another question is open is no answer to that question."""
    return bool(
        _holds_contact_details(tracker)
        or _name_correction(tracker)
        or _concern_correction(tracker)
        or _email_correction(tracker)
    )


def _holds_contact_details(tracker: Tracker) -> bool:
    """A correction such as "actually my number is ..." or an address said in words ("use my
    email instead bob martin 62 at yahoo dot com") is not an answer to another question."""
    if latest_entities(tracker, "phone_number") or latest_entities(tracker, "email"):
        return True
    text = tracker.latest_message.get("text") or ""
    written = contact_parsing.written_emails(text)
    return written != text and bool(contact_parsing.find_emails(written))


def _only_phone_characters(text: str) -> bool:
    stripped = text.strip()
    return any(c.isdigit() for c in stripped) and all(
        c.isdigit() or c in " ()+-./" for c in stripped
    )
