"""Conversations over REST on the running Rasa and action servers: a typed yes or no after an
offer does what its buttons do, follow-ups point back to the last topic, a safety question about
ART is told to ask a practitioner first, and an "ok" after a triage answer gets a caring reply.

Transcripts are saved under test-artifacts/transcripts/ (docs/conversation.md quotes them).
"""

import pytest

from testkit.rest_visitor import Visitor, joined
from testkit.stack import REPO_ROOT, SharedStacks, Stack
from tests.e2e.test_rest_dialogue import OPEN_ON_MONDAYS

TRANSCRIPTS = REPO_ROOT / "test-artifacts" / "transcripts"
BOOKING_STARTED = "What is your full name?"
DECLINED = ("No problem", "That's fine")
DECLINED_AGAIN = ("Take care", "I'm here")
ART_PROMPTS = ("ART", "Active Release", "appointment", "request")


@pytest.fixture(scope="module")
def stack(shared_stacks: SharedStacks) -> Stack:
    return shared_stacks.get("e2e-followups", ["actions", "rasa"], OPEN_ON_MONDAYS)


def talk(stack, name, *messages):
    """Says each message in turn; the replies (joined) to each, and the transcript is saved."""
    visitor = Visitor(stack.ports.rasa, prefix=f"e2e-{name}")
    replies = [joined(visitor.say(message)) for message in messages]
    TRANSCRIPTS.mkdir(parents=True, exist_ok=True)
    (TRANSCRIPTS / f"followups_{name}.txt").write_text("\n".join(visitor.transcript) + "\n")
    return replies


@pytest.mark.parametrize("yes", ["sure", "ok let's do it", "yes please"])
def test_a_typed_yes_after_an_evaluation_offer_starts_the_request(stack, yes):
    _, answer = talk(stack, "yes_evaluation", "do I have a herniated disc?", yes)
    assert BOOKING_STARTED in answer


def test_a_typed_yes_after_an_faq_answer_gives_its_first_offered_topic(stack):
    _, answer = talk(stack, "yes_topic", "what is ART?", "sure")
    assert "fibrosis" in answer


def test_a_no_ends_politely_and_a_second_no_does_not_ask_again(stack):
    _, first, second = talk(
        stack, "no_twice", "can I take ibuprofen for my back?", "no thanks", "not now"
    )
    assert first.startswith(DECLINED) and first.endswith("?")
    assert second.startswith(("All right", "Understood")) and "?" not in second


@pytest.mark.parametrize(
    ("tier_message", "reply"),
    [
        ("I'm having crushing chest pain right now", "ok"),
        ("I'm having crushing chest pain right now", "thanks"),
        ("I want to kill myself", "ok"),
        ("I had back surgery last week and now I have a fever and my back is getting worse", "ok"),
    ],
)
def test_ok_after_a_triage_answer_gets_a_caring_reply_never_an_art_prompt(
    stack, tier_message, reply
):
    _, answer = talk(stack, "after_tier", tier_message, reply)
    assert "911" in answer or "988" in answer
    assert not any(prompt in answer for prompt in ART_PROMPTS)


def test_ok_after_an_faq_answer_inside_the_request_asks_its_question_once(stack):
    visitor = Visitor(stack.ports.rasa, prefix="e2e-form-ok")
    visitor.say("I'd like to book an appointment")
    visitor.say("what is ART?")
    replies = visitor.say("ok")
    assert replies == [BOOKING_STARTED], visitor.transcript[-4:]


def test_is_that_something_you_treat_after_whiplash(stack):
    first, answer = talk(
        stack,
        "treat_whiplash",
        "can active release help after whiplash?",
        "is that something you treat at your clinic?",
    )
    assert "whiplash" in first
    assert "ProClinix offers ART for neck pain" in answer or "ART for neck pain" in answer


def test_what_about_the_lower_back_switches_the_region_of_the_causes(stack):
    _, answer = talk(
        stack, "what_about", "what usually causes neck pain?", "and what about the lower back?"
    )
    assert "iliopsoas" in answer


def test_and_for_the_neck_switches_how_it_helps(stack):
    _, answer = talk(
        stack, "and_for_neck", "how does ART help lower back pain?", "and for the neck?"
    )
    assert "range of motion" in answer


def test_tell_me_more_gives_the_next_level(stack):
    _, answer = talk(stack, "more", "what is ART?", "tell me more")
    assert "fibrosis" in answer


@pytest.mark.parametrize(
    "topic_question",
    ["can active release help after whiplash?", "does ART help lower back pain?", "what is ART?"],
)
def test_how_many_sessions_for_that_after_a_topic_gets_the_sessions_answer(stack, topic_question):
    _, answer = talk(stack, "sessions_for_that", topic_question, "how many sessions for that?")
    # sessions_results: no number in the article, the practitioner decides after an evaluation.
    assert "doesn't give a number of sessions" in answer
    assert "practitioner to decide after evaluating you" in answer


def test_the_second_one_after_not_in_article_stays_there(stack):
    first, answer = talk(
        stack, "second_one", "how much is a session?", "and how much for the second one?"
    )
    assert "prices" in first and "prices" in answer


@pytest.mark.parametrize(
    "question",
    [
        "I have osteoporosis, can I get ART?",
        "is ART safe if I'm pregnant",
        "can active release make my back worse?",
    ],
)
def test_a_safety_question_is_told_to_ask_a_practitioner_and_never_911(stack, question):
    (answer,) = talk(stack, "safety", question)
    assert "ask a practitioner before" in answer
    assert "911" not in answer
