import json
from pathlib import Path

import pytest

from clinic.conversations.labels import RESPONSE_LABELS, response_labels, turn_labels
from testkit.domain import load_domain

RECORDED = Path(__file__).with_name("recorded_turns.json")


def user(text="hi"):
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": "x"}}}


def action(name):
    return {"event": "action", "name": name}


def bot(response=None, text="..."):
    return {
        "event": "bot",
        "text": text,
        "metadata": {"utter_action": response} if response else {},
    }


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


REPLY = [{"recipient_id": "s", "text": "..."}]


def test_every_response_of_the_domain_has_a_label():
    responses = {name for name in load_domain()["responses"] if not name.startswith("utter_faq/")}
    assert responses - set(RESPONSE_LABELS) == set()


@pytest.mark.parametrize(
    ("response", "labels"),
    [
        ("utter_faq/whiplash", ("faq/whiplash",)),
        ("utter_faq/ask_practitioner_first", ("faq/ask_practitioner_first", "faq/not_in_article")),
        ("utter_default_offer_person", ("fallback_escalated", "fallback")),
        ("utter_followup_treat", ("faq/where_offered",)),
        ("utter_after_crisis", ("caring",)),
        ("utter_unknown", ()),
    ],
)
def test_response_labels(response, labels):
    assert response_labels(response) == labels


def test_an_faq_answer_inside_the_request_and_its_question_are_both_labelled():
    events = [
        user(),
        action("utter_faq"),
        bot("utter_faq/what_is_art"),
        action("booking_form"),
        slot("requested_slot", "contact"),
        bot("utter_ask_contact"),
        action("action_listen"),
    ]
    assert turn_labels(REPLY, events) == {"faq/what_is_art", "ask_contact"}


def test_the_summary_is_the_plain_text_the_form_sends_while_it_asks_to_confirm():
    events = [
        user(),
        action("booking_form"),
        slot("requested_slot", "booking_confirmed"),
        bot(text="Here is your request: ..."),
        action("action_listen"),
    ]
    assert turn_labels(REPLY, events) == {"ask_confirm"}
    # A validation message before the form asks something else is no summary.
    events = [
        user(),
        action("booking_form"),
        bot(text="Please include the area code."),
        slot("requested_slot", "contact"),
        bot("utter_ask_contact"),
    ]
    assert turn_labels(REPLY, events) == {"ask_contact"}


def test_a_stored_lead_is_booking_done_and_a_cancelled_one_is_not():
    done = [
        user(),
        action("action_submit_booking"),
        bot(text="Thank you"),
        slot("lead_reference", "PCX-ABC123"),
    ]
    assert turn_labels(REPLY, done) == {"booking_done"}
    cancelled = [
        user(),
        action("action_submit_booking"),
        bot("utter_booking_cancelled"),
        slot("lead_reference", None),
    ]
    assert turn_labels(REPLY, cancelled) == {"booking_cancelled"}


def test_a_turn_without_replies_says_so():
    assert turn_labels([], [user(), action("action_listen")]) == {"no_reply"}


def recorded_turns():
    cases = json.loads(RECORDED.read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["name"]) for case in cases]


@pytest.mark.parametrize("case", recorded_turns())
def test_recorded_turns(case):
    """Turns recorded from the running stack (tracker events through Rasa's HTTP API)."""
    assert turn_labels(case["replies"], case["events"]) == set(case["labels"])
