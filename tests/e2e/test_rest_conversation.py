"""The conversation over REST on the running Rasa and action servers: a visitor who answers the
booking questions in their own words gets a stored lead; two answers a question cannot take
bring its choices and a way out; messages the assistant cannot place, one after another, offer a
person and are not answered with the same paragraph twice.

Transcripts are saved under test-artifacts/transcripts/ (docs/conversation.md quotes them).
"""

import pytest

from clinic.db.engine import make_engine
from clinic.leads.repository import LeadRepository
from testkit.booking_script import REFERENCE
from testkit.rest_visitor import Visitor, joined
from testkit.stack import REPO_ROOT, StackPorts, started_stack, write_clinic_config

ARTIFACTS = REPO_ROOT / "test-artifacts"
PORTS = StackPorts.from_env(StackPorts(rasa=5107, actions=5157, site=8184, staff=8185))
CALLBACK = {"title": "Request a callback", "payload": "/human_handoff"}
CANCEL = {"title": "Cancel the request", "payload": "/cancel"}
# The clinic's configured number: the person a visitor can reach directly.
FRONT_DESK_PHONE = "(914) 555-0100"

# Words of each question, and how three visitors answer it.
QUESTIONS = (
    "full name",
    "phone number or email",
    "What would you like help with",
    "Which days and times",
    "new or a returning",
    "Shall I send it",
)
VISITORS = {
    "new": (
        "hi, can I get an appointment?",
        (
            "my name is Dana Whitfield",
            "you can reach me at (914) 555-0177",
            "it's my neck mostly",
            "mornings work best",
            "I'm a new patient",
            "yes that's all correct",
        ),
        ("Dana Whitfield", "+19145550177", None, "neck", "mornings work best", "new"),
    ),
    "returning": (
        "I'd like to book an appointment",
        (
            "it's Marcus Johnson",
            "marcus.j@example.com is best",
            "lower back mostly",
            "any weekday after 5pm",
            "yeah I've been there before, saw Dr. Patel last spring",
            "looks good, send it",
        ),
        (
            "Marcus Johnson",
            None,
            "marcus.j@example.com",
            "lower back",
            "any weekday after 5pm",
            "returning",
        ),
    ),
    "first time": (
        "can someone call me back",
        (
            "I'm Priya Patel",
            "call me on 646 555 0134 please",
            "lower back",
            "tuesdays or thursdays, any time",
            "this is my first time",
            "yep",
        ),
        (
            "Priya Patel",
            "+16465550134",
            None,
            "lower back",
            "tuesdays or thursdays, any time",
            "new",
        ),
    ),
}


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e-conversation")
    config = write_clinic_config(work, phone=FRONT_DESK_PHONE)
    with started_stack(
        "e2e-conversation",
        work,
        PORTS,
        ["actions", "rasa"],
        extra_env={"CLINIC_CONFIG": str(config)},
    ) as running:
        yield running


def leads_of(stack, visitor):
    repository = LeadRepository(make_engine(stack.leads_db_url))
    return [lead for lead in repository.list() if lead.conversation_id == visitor.sender]


@pytest.mark.parametrize("who", list(VISITORS))
def test_answers_in_the_visitors_own_words_become_a_stored_lead(stack, who):
    start, answers, stored = VISITORS[who]
    visitor = Visitor(stack.ports.rasa, prefix="e2e-words")
    replies = joined(visitor.say(start))
    for question, answer in zip(QUESTIONS, answers, strict=True):
        assert question in replies, visitor.transcript[-4:]
        replies = joined(visitor.say(answer))
    save_transcript(f"own_words_{who.replace(' ', '_')}.txt", visitor.transcript)
    found = REFERENCE.search(replies)
    assert found, visitor.transcript[-4:]
    (lead,) = leads_of(stack, visitor)
    assert lead.reference == found[0]
    assert (
        lead.full_name,
        lead.phone,
        lead.email,
        lead.concern,
        lead.preferred_time,
        lead.patient_status,
    ) == stored


def test_two_misses_at_a_question_bring_its_choices_a_callback_and_cancel(stack):
    visitor = Visitor(stack.ports.rasa, prefix="e2e-misses")
    visitor.say("I'd like to book an appointment")
    visitor.say("Sam Lee")
    visitor.say("(914) 555-0160")
    visitor.say("my neck")
    assert "new or a returning" in joined(visitor.say("weekday evenings"))
    first = joined(visitor.say("maybe"))
    assert "new or a returning" in first
    assert CALLBACK not in visitor.buttons
    second = joined(visitor.say("not sure"))
    assert "new or a returning" in second
    titles = [button["title"] for button in visitor.buttons]
    assert {"New patient", "Returning patient"} <= set(titles)
    assert CALLBACK in visitor.buttons
    assert CANCEL in visitor.buttons
    callback = joined(visitor.say(CALLBACK["payload"]))
    assert "once this request is sent" in callback.lower()
    assert FRONT_DESK_PHONE in callback
    assert "new or a returning" in callback
    assert "Nothing was sent to the front desk" in joined(visitor.say(CANCEL["payload"]))
    save_transcript("two_misses.txt", visitor.transcript)
    assert leads_of(stack, visitor) == []


# Messages the NLU cannot place (its FallbackClassifier answers nlu_fallback).
UNPLACEABLE = ("blorp zzkt vrrm", "asdfgh", "fnord")


def test_three_fallbacks_in_a_row_offer_a_person_and_never_repeat_a_paragraph(stack):
    visitor = Visitor(stack.ports.rasa, prefix="e2e-fallback")
    answers = []
    buttons = []
    for message in UNPLACEABLE:
        answers.append(joined(visitor.say(message)))
        buttons.append(visitor.buttons)
    save_transcript("three_fallbacks.txt", visitor.transcript)
    assert "Sorry" in answers[0]
    assert CALLBACK not in buttons[0]
    assert FRONT_DESK_PHONE in answers[1]
    assert CALLBACK in buttons[1]
    assert "/human_handoff" in [button["payload"] for button in buttons[2]]
    assert len(set(answers)) == 3
    assert "front desk" in joined(visitor.say(CALLBACK["payload"]))
    assert "full name" in joined(visitor.transcript[-3:])


def save_transcript(name: str, lines: list[str]) -> None:
    directory = ARTIFACTS / "transcripts"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
