import pytest

from bench import bench_dialogue
from bench.dialogue_figures import (
    Figure,
    booking_completed,
    figures,
    followup_turns,
    latencies,
    typed_offer_answers,
)
from testkit.dialogue import Conversation, ConversationResult, Turn, TurnResult


def played(kind, steps, leads=0):
    """steps: (visitor's words, expected labels, labels got, NLU intent, after buttons)."""
    turns = tuple(Turn(words, frozenset(expected)) for words, expected, *_ in steps)
    results = [
        TurnResult(turn, frozenset(got), [], 0.1 * (index + 1), intent, buttons)
        for index, (turn, (_, _, got, intent, buttons)) in enumerate(zip(turns, steps, strict=True))
    ]
    return ConversationResult(Conversation("c", kind, turns), "s", results, leads)


FOLLOWUP = played(
    "followup",
    [
        ("what causes neck pain", {"faq/neck_pain_causes"}, {"faq/neck_pain_causes"}, "faq", True),
        ("and the lower back?", {"faq/lower_back_causes"}, {"faq/lower_back_causes"}, "x", True),
        ("is that something you treat", {"faq/where_offered"}, {"followup_unclear"}, "x", True),
        ("no thanks", {"offer_declined"}, {"offer_declined"}, "deny", True),
    ],
)
OFFER = played(
    "offer",
    [
        ("do I have a slipped disc", {"ask_diagnosis"}, {"ask_diagnosis"}, "ask_diagnosis", False),
        ("sure thing", {"ask_name"}, {"greet"}, "greet", True),
        ("/affirm", {"ask_name"}, {"ask_name"}, "affirm", True),
    ],
)
BOOKING = played(
    "booking",
    [
        ("book me", {"ask_name"}, {"ask_name"}, "book_appointment", False),
        ("yes", {"ask_confirm"}, {"ask_confirm"}, "affirm", True),
        ("yes", {"booking_done"}, {"booking_done"}, "affirm", True),
    ],
    leads=1,
)


def test_followups_are_the_later_turns_of_followup_conversations_expecting_a_topic():
    chosen = followup_turns([FOLLOWUP, OFFER])
    assert [turn.turn.user for turn in chosen] == [
        "and the lower back?",
        "is that something you treat",
    ]


def test_typed_yes_or_no_after_buttons_outside_the_form_questions():
    chosen = typed_offer_answers([FOLLOWUP, OFFER, BOOKING])
    assert [turn.turn.user for turn in chosen] == ["no thanks", "sure thing"]


def test_a_booking_is_completed_with_its_done_turn_and_one_lead():
    assert booking_completed(BOOKING)
    assert not booking_completed(played("booking", [("yes", {"booking_done"}, {"x"}, "a", 0)], 1))
    assert not booking_completed(
        played("booking", [("yes", {"booking_done"}, {"booking_done"}, "a", 0)], 0)
    )


def test_the_figures_count_each_kind():
    rows = {row.name: (row.passed, row.total) for row in figures([FOLLOWUP, OFFER, BOOKING])}
    assert rows == {
        "conversations passing end to end": (1, 3),
        "follow-ups resolved to the right topic": (1, 2),
        "typed yes/no after an offer doing what it should": (1, 2),
        "bookings completed": (1, 1),
    }
    assert Figure("none", 0, 0).line() == "none: 0/0 (n/a)"
    assert Figure("half", 1, 2).line() == "half: 1/2 (50.0%)"


def test_latency_median_and_p95_in_milliseconds():
    timing = latencies([FOLLOWUP, OFFER, BOOKING])
    assert timing["median_ms"] == pytest.approx(200.0)
    assert 300.0 <= timing["p95_ms"] <= 400.0
    assert latencies([]) == {}


def test_the_bench_takes_a_set_and_defaults_to_the_held_out_folder_else_the_suite(tmp_path):
    assert bench_dialogue.parse_args([str(tmp_path)]).set == tmp_path
    default = bench_dialogue.parse_args([]).set
    expected = bench_dialogue.HELDOUT if bench_dialogue.HELDOUT.exists() else bench_dialogue.SUITE
    assert default == expected
