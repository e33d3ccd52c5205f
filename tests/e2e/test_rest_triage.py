"""Triage over REST on the running Rasa and action servers: a red flag or a crisis message at
every step of the booking request ends it, stores nothing from that message, sends no lead and
gets the tier's answer; the symptom check's Yes and No, in and out of the request.

`rasa test` stories cannot show this: they do not run the action server, whose form validation
is where a flagged message used to be taken as an answer.
"""

import json

import pytest

from clinic.booking.fields import BOOKING_SLOTS
from clinic.db.engine import make_engine
from clinic.leads.repository import LeadRepository
from clinic.triage.tiers import TIER_INTENTS as TIERS
from testkit.rest_visitor import Visitor, conversation_record, joined
from testkit.stack import SharedStacks, Stack, StackSettings

pytestmark = pytest.mark.slow
EMERGENCY_WORDS = "call 911"
CRISIS_WORDS = "988"
START = "I'd like to book an appointment"
# Each step: the visitor's answer that reaches it from the one before, and words of its question.
STEPS = (
    ("full_name", START, "full name"),
    ("contact", "Dana Whitfield", "phone number or email"),
    ("concern", "(914) 555-0142", "What would you like help with"),
    ("preferred_time", "my lower back", "Which days and times"),
    ("patient_status", "weekday mornings", "new or a returning"),
    ("booking_confirmed", '/inform{"patient_status": "new"}', "Shall I send it"),
    ("correction", "/deny", "What would you like to change"),
)
RED_FLAGS = (
    "I'm having crushing chest pain right now",
    "I just lost feeling in both legs and can't control my bladder",
    "my face is drooping on one side and my words come out slurred",
    "the worst headache of my life came on a minute ago",
    "my throat is closing up after that injection",
    "I fell off a ladder an hour ago and now my arms are numb",
)
CRISIS = ("I'm thinking about killing myself", "honestly i don't want to be alive anymore")
# Per step: two red flags and one crisis message, rotating, so each message meets several steps.
FLAGGED = [
    (step, message, words)
    for index, (step, _, _) in enumerate(STEPS)
    for message, words in (
        (RED_FLAGS[index % len(RED_FLAGS)], EMERGENCY_WORDS),
        (RED_FLAGS[(index + 3) % len(RED_FLAGS)], EMERGENCY_WORDS),
        (CRISIS[index % len(CRISIS)], CRISIS_WORDS),
    )
]


@pytest.fixture(scope="module")
def stack(shared_stacks: SharedStacks) -> Stack:
    return shared_stacks.get("e2e-triage", ["actions", "rasa"], StackSettings())


def say(visitor: Visitor, message: str) -> str:
    return joined(visitor.say(message))


def walk_to(visitor: Visitor, step: str) -> None:
    for name, answer, question in STEPS:
        assert question in say(visitor, answer), f"did not reach {name}"
        if name == step:
            return


def stored_events(stack: Stack, sender: str) -> list[dict]:
    return [json.loads(data) for data in conversation_record(stack.tracker_db_url, sender)]


def leads_of(stack: Stack, sender: str) -> list:
    repository = LeadRepository(make_engine(stack.leads_db_url))
    return [lead for lead in repository.list() if lead.conversation_id == sender]


def after_flagged(events: list[dict]) -> list[dict]:
    """The events after the last message triage flagged (its text is blanked in the record
    once the request ends, so it is found by its intent)."""
    index = max(
        position
        for position, event in enumerate(events)
        if event.get("event") == "user"
        and (event.get("parse_data") or {}).get("intent", {}).get("name") in TIERS
    )
    return events[index + 1 :]


def final_slots(events: list[dict]) -> dict:
    slots: dict = {}
    for event in events:
        if event.get("event") == "slot":
            slots[event["name"]] = event.get("value")
    return {slot: slots.get(slot) for slot in BOOKING_SLOTS}


def assert_nothing_kept(stack: Stack, visitor: Visitor) -> None:
    events = stored_events(stack, visitor.sender)
    loops = [event for event in events if event.get("event") == "active_loop"]
    assert loops and loops[-1].get("name") is None, "the booking request is still open"
    # No booking slot took a value after the flagged message, and they are all empty now.
    later = [
        event
        for event in after_flagged(events)
        if event.get("event") == "slot" and event["name"] in BOOKING_SLOTS
    ]
    assert [event for event in later if event.get("value") is not None] == []
    assert final_slots(events) == dict.fromkeys(BOOKING_SLOTS)
    assert leads_of(stack, visitor.sender) == []


@pytest.mark.parametrize(("step", "message", "words"), FLAGGED)
def test_a_flagged_message_at_each_booking_step_ends_it_and_keeps_nothing(
    stack, step, message, words
):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    walk_to(visitor, step)
    answer = say(visitor, message)
    assert words in answer
    assert "full name" not in answer and "phone number" not in answer
    assert_nothing_kept(stack, visitor)
    # The conversation goes on, and the booking request starts afresh.
    assert "full name" in say(visitor, START)


@pytest.mark.parametrize("message", [*RED_FLAGS, *CRISIS])
def test_a_flagged_message_outside_the_request_gets_its_tier_answer(stack, message):
    answer = say(Visitor(stack.ports.rasa, prefix="triage"), message)
    assert (CRISIS_WORDS if message in CRISIS else EMERGENCY_WORDS) in answer


@pytest.mark.parametrize(
    ("flagged", "reply", "words"),
    [
        (RED_FLAGS[0], "ok", "911"),
        (CRISIS[0], "thanks", "988"),
        (CRISIS[1], "no", "988"),
        ("/urgent_care", "ok thank you", "today"),
    ],
)
def test_ok_or_thanks_after_a_tier_answer_gets_a_caring_reply_not_an_art_prompt(
    stack, flagged, reply, words
):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    say(visitor, flagged)
    answer = say(visitor, reply)
    assert words in answer
    assert "ART" not in answer


@pytest.mark.parametrize(
    "message", ["my back hurts", "my neck hurts", "I strained my lower back", "I threw my back out"]
)
def test_an_everyday_complaint_gets_the_article_answer_not_911(stack, message):
    answer = say(Visitor(stack.ports.rasa, prefix="triage"), message)
    assert "911" not in answer
    assert "ART" in answer


# Requests to be seen or booked and ways of putting an offer off that a retrained triage model
# read as a crisis (dialogue dev5, session 10: "I would like to be seen" had 0.91).
@pytest.mark.parametrize(
    "message",
    [
        "I would like to be seen",
        "book me and my wife please",
        "I'll think about it",
        "setting up an appointment for my husband, he won't do it himself",
        "actually stop, I'll just call you myself tomorrow",
        # Session 11: a symptom check (0.33) on main's model.
        "hello, I'm trying to book my husband in for his back, he won't do it himself",
    ],
)
def test_a_request_to_be_seen_or_a_deferral_gets_no_crisis_answer_or_check(stack, message):
    answer = say(Visitor(stack.ports.rasa, prefix="triage"), message)
    assert "988" not in answer
    assert CRISIS_QUESTION not in answer
    assert "Just to be safe" not in answer


# Denies self-harm in words the triage model still reads as a crisis: the rules saw the denial.
DENIED_CRISIS = "i'm not going to hurt myself but honestly i feel hopeless about my back"


CRISIS_QUESTION = "thoughts of ending your life or of hurting yourself now"


@pytest.mark.parametrize(
    ("message", "question", "words"),
    [
        ("/symptom_check", "Just to be safe", (EMERGENCY_WORDS,)),
        (DENIED_CRISIS, CRISIS_QUESTION, (CRISIS_WORDS, "911")),
    ],
)
def test_a_check_answered_yes_outside_the_request_gets_its_tier_answer(
    stack, message, question, words
):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    assert question in say(visitor, message)
    answer = say(visitor, "yes")
    assert [word for word in words if word not in answer] == []


def test_the_crisis_check_answered_no_gives_the_crisis_line_for_later(stack):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    assert CRISIS_QUESTION in say(visitor, DENIED_CRISIS)
    answer = say(visitor, "no")
    assert CRISIS_WORDS in answer
    assert "911" not in answer


def test_the_symptom_check_answered_no_outside_the_request_goes_on(stack):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    assert "Just to be safe" in say(visitor, "/symptom_check")
    answer = say(visitor, "no")
    assert "Thank you for checking" in answer and EMERGENCY_WORDS not in answer.split(".")[0]
    assert "Active Release Techniques" in say(visitor, "what is ART?")


def test_the_symptom_check_inside_the_request_resumes_it_after_a_no(stack):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    walk_to(visitor, "preferred_time")
    assert "Just to be safe" in say(visitor, "/symptom_check")
    assert "Which days and times" in say(visitor, "No")
    assert "new or a returning" in say(visitor, "weekday mornings")
    summary = say(visitor, '/inform{"patient_status": "new"}')
    assert "- Name: Dana Whitfield" in summary and "- About: Lower back" in summary
    assert "reference PCX-" in say(visitor, "/affirm")
    assert len(leads_of(stack, visitor.sender)) == 1


def test_the_symptom_check_inside_the_request_ends_it_after_a_yes(stack):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    walk_to(visitor, "patient_status")
    assert "Just to be safe" in say(visitor, "/symptom_check")
    assert EMERGENCY_WORDS in say(visitor, "yes")
    assert final_slots(stored_events(stack, visitor.sender)) == dict.fromkeys(BOOKING_SLOTS)
    assert leads_of(stack, visitor.sender) == []


def test_a_request_called_off_in_words_of_despair_asks_first_and_a_no_cancels_it(stack):
    """ "i dont want to do this anymore" most likely means the form here, but it is a classic
    despair phrase: the crisis check asks, and a "No" cancels the request and clears it."""
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    walk_to(visitor, "concern")
    assert CRISIS_QUESTION in say(visitor, "i dont want to do this anymore, cancel please")
    answer = say(visitor, "no")
    assert CRISIS_WORDS in answer and "dropped that request" in answer
    assert final_slots(stored_events(stack, visitor.sender)) == dict.fromkeys(BOOKING_SLOTS)
    assert leads_of(stack, visitor.sender) == []


# Replies the triage model read as a sign (session 11): "ive been before" at the new-or-returning
# question had the crisis check (0.48), thanks-and-I'll-call replies after an urgent-care answer
# the check or urgent care again (which answer the topic gives them is the conversation's part).
@pytest.mark.parametrize("reply", ["ive been before", "ive been in a couple of times"])
def test_a_returning_patient_typed_without_apostrophe_goes_on_to_the_summary(stack, reply):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    walk_to(visitor, "patient_status")
    answer = say(visitor, reply)
    assert "Shall I send it" in answer
    assert CRISIS_QUESTION not in answer and "Just to be safe" not in answer


@pytest.mark.parametrize(
    "reply", ["ok thanks ill call my doctor", "thank you, i will call my oncologist"]
)
def test_thanks_and_a_call_after_the_urgent_care_answer_gets_no_tier_again(stack, reply):
    visitor = Visitor(stack.ports.rasa, prefix="triage")
    say(visitor, "/urgent_care")
    answer = say(visitor, reply)
    assert "What you describe" not in answer and "Just to be safe" not in answer
    assert CRISIS_WORDS not in answer
