"""The dialogue bench's figures from the played conversations (testkit/dialogue.py)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from testkit.dialogue import BOOKING_DONE, ConversationResult, TurnResult

FOLLOWUP_KIND = "followup"
YES_NO_INTENTS = frozenset({"affirm", "deny"})
# What a typed yes or no after an offer is expected to do: start the request, or end politely.
OFFER_OUTCOMES = frozenset({"offer_declined", "ask_name", "book_appointment", "human_handoff"})
# The booking request's own questions carry yes/no buttons too; answering them is no offer taken.
FORM_QUESTIONS = frozenset(
    {
        "ask_name",
        "ask_contact",
        "ask_concern",
        "ask_time",
        "ask_patient_status",
        "ask_confirm",
        "form_help",
        "symptom_check",
    }
)


@dataclass(frozen=True)
class Figure:
    name: str
    passed: int
    total: int

    @property
    def share(self) -> float | None:
        return self.passed / self.total if self.total else None

    def line(self) -> str:
        share = "n/a" if self.share is None else f"{self.share:.1%}"
        return f"{self.name}: {self.passed}/{self.total} ({share})"


def followup_turns(results: Sequence[ConversationResult]) -> list[TurnResult]:
    """The turns after the first of the follow-up conversations that expect an FAQ topic."""
    return [
        turn
        for result in results
        if result.conversation.kind == FOLLOWUP_KIND
        for turn in result.turns[1:]
        if any(label.startswith("faq/") for label in turn.turn.expected)
    ]


def typed_offer_answers(results: Sequence[ConversationResult]) -> list[TurnResult]:
    """Typed (not tapped) yes or no answers to an answer that offered buttons outside the
    booking request's own questions: the NLU heard a yes or a no, or the turn expects what one
    does."""
    chosen = []
    for result in results:
        previous: frozenset[str] = frozenset()
        for turn in result.turns:
            offered = turn.after_buttons and not previous & FORM_QUESTIONS
            typed = not turn.turn.user.lstrip().startswith("/")
            yes_or_no = turn.intent in YES_NO_INTENTS or bool(turn.turn.expected & OFFER_OUTCOMES)
            if offered and typed and yes_or_no:
                chosen.append(turn)
            previous = turn.labels
    return chosen


def booking_completed(result: ConversationResult) -> bool:
    expecting = [turn for turn in result.turns if BOOKING_DONE in turn.turn.expected]
    return result.leads == 1 and all(turn.ok and BOOKING_DONE in turn.labels for turn in expecting)


def figures(results: Sequence[ConversationResult]) -> list[Figure]:
    followups = followup_turns(results)
    offers = typed_offer_answers(results)
    bookings = [result for result in results if result.conversation.books]
    return [
        Figure(
            "conversations passing end to end",
            sum(result.ok for result in results),
            len(results),
        ),
        Figure(
            "follow-ups resolved to the right topic", sum(t.ok for t in followups), len(followups)
        ),
        Figure(
            "typed yes/no after an offer doing what it should",
            sum(t.ok for t in offers),
            len(offers),
        ),
        Figure(
            "bookings completed",
            sum(booking_completed(result) for result in bookings),
            len(bookings),
        ),
    ]


def latencies(results: Sequence[ConversationResult]) -> dict[str, float]:
    """Median and 95th percentile of the turns' round trips, in milliseconds."""
    seconds = sorted(turn.seconds for result in results for turn in result.turns)
    if not seconds:
        return {}
    p95 = (
        statistics.quantiles(seconds, n=20, method="inclusive")[-1]
        if len(seconds) > 1
        else seconds[0]
    )
    return {"median_ms": statistics.median(seconds) * 1000, "p95_ms": p95 * 1000}
