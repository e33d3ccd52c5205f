"""What one turn of the assistant did, as the labels that conversation tests and the dialogue bench
compare with their expectations (`faq/<key>`, `ask_name`, `booking_done`, `caring`, ...).

A turn is the tracker's events from one visitor message up to the next (clinic/conversations/
turns.py), with the replies the channel sent. The labels come from the responses the assistant
rendered (each bot event names its response in `metadata.utter_action`), the booking summary
(plain text with a yes button that the form sends while it asks `booking_confirmed`) and a stored
lead (the submit action sets `lead_reference`). Texts are never read: the tracker store blanks
them, and the form's slot values, when a booking request ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FAQ_PREFIX = "utter_faq/"
# The article does not say whether ART is safe in a case: a variant of not_in_article.
PRACTITIONER_FIRST = "ask_practitioner_first"
NOT_IN_ARTICLE = "faq/not_in_article"
SUMMARY_SLOT = "booking_confirmed"
SUMMARY_ACTIONS = frozenset({"booking_form", "action_ask_booking_confirmed"})
SUMMARY_YES = "/affirm"
SUBMIT_ACTION = "action_submit_booking"
LEAD_SLOT = "lead_reference"
NO_REPLY = "no_reply"

# The label of each response the assistant may send (tests/unit/conversations/test_labels.py
# checks that every response of the domain has one).
RESPONSE_LABELS: Mapping[str, tuple[str, ...]] = {
    "utter_greet": ("greet",),
    "utter_goodbye": ("goodbye",),
    "utter_thank": ("thank",),
    "utter_iamabot": ("bot_challenge",),
    "utter_capabilities": ("ask_capabilities",),
    "utter_out_of_scope": ("out_of_scope",),
    # The fallback: the first miss says it did not understand, the second and later ones in a
    # row offer a callback and a person.
    "utter_default": ("out_of_scope", "fallback"),
    "utter_default_offer_person": ("fallback_escalated", "fallback"),
    "utter_default_again": ("fallback_escalated", "fallback"),
    "utter_ask_medication": ("ask_medication",),
    "utter_cannot_diagnose": ("ask_diagnosis",),
    "utter_other_condition": ("other_condition",),
    "utter_other_condition_named": ("other_condition",),
    "utter_emergency": ("emergency",),
    "utter_crisis": ("crisis",),
    "utter_urgent_care": ("urgent_care",),
    "utter_symptom_check": ("symptom_check",),
    "utter_crisis_check": ("symptom_check",),
    "utter_symptom_check_cleared": ("symptom_check_cleared",),
    "utter_after_emergency": ("caring",),
    "utter_after_crisis": ("caring",),
    "utter_after_urgent_care": ("caring",),
    "utter_booking_intro": ("book_appointment",),
    "utter_booking_continues": ("book_appointment",),
    "utter_handoff_intro": ("human_handoff",),
    "utter_callback_continues": ("human_handoff",),
    "utter_ask_full_name": ("ask_name",),
    "utter_ask_contact": ("ask_contact",),
    "utter_ask_concern": ("ask_concern",),
    "utter_ask_preferred_time": ("ask_time",),
    "utter_ask_patient_status": ("ask_patient_status",),
    "utter_answer_help": ("form_help",),
    "utter_contact_help": ("form_help",),
    "utter_booking_cancelled": ("booking_cancelled",),
    "utter_request_already_sent": ("request_already_sent",),
    "utter_another_request": ("request_already_sent",),
    "utter_anything_else": ("anything_else",),
    "utter_ask_question": ("ask_question",),
    "utter_offer_declined": ("offer_declined",),
    "utter_offer_declined_again": ("offer_declined",),
    # "Is that something you treat?": ProClinix offers ART for the region, where_offered's facts.
    "utter_followup_treat": ("faq/where_offered",),
    "utter_followup_unclear": ("followup_unclear",),
}


def response_labels(response: str) -> tuple[str, ...]:
    """The labels of one response ("utter_faq/whiplash" -> faq/whiplash); unknown: none."""
    if response.startswith(FAQ_PREFIX):
        key = response.removeprefix(FAQ_PREFIX)
        return (f"faq/{key}", NOT_IN_ARTICLE) if key == PRACTITIONER_FIRST else (f"faq/{key}",)
    return RESPONSE_LABELS.get(response, ())


def turn_labels(
    replies: Sequence[Mapping[str, Any]], events: Iterable[Mapping[str, Any]]
) -> frozenset[str]:
    """The labels of the assistant's answer to one visitor message: `replies` as the channel
    sent them, `events` the tracker's events from that message up to the next one."""
    labels: set[str] = set()
    action: str | None = None
    requested: Any = None
    for event in events:
        kind = event.get("event")
        if kind == "action":
            action = event.get("name")
        elif kind == "slot" and event.get("name") == "requested_slot":
            requested = event.get("value")
        elif kind == "slot" and event.get("name") == LEAD_SLOT:
            if action == SUBMIT_ACTION and event.get("value"):
                labels.add("booking_done")
        elif kind == "bot":
            labels.update(_bot_labels(event, action, requested))
    if not replies:
        labels.add(NO_REPLY)
    return frozenset(labels)


def _bot_labels(event: Mapping[str, Any], action: str | None, requested: Any) -> tuple[str, ...]:
    response = (event.get("metadata") or {}).get("utter_action")
    if response:
        return response_labels(str(response))
    # The summary is plain text with a yes button that the form (or its ask action) sends while it
    # asks to confirm; once the request ends, the stored events keep the buttons but no slot value.
    buttons = (event.get("data") or {}).get("buttons") or []
    offers_yes = any(button.get("payload") == SUMMARY_YES for button in buttons)
    if action in SUMMARY_ACTIONS and (requested == SUMMARY_SLOT or offers_yes):
        return ("ask_confirm",)
    return ()
