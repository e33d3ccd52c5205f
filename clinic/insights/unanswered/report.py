"""A period's unanswered questions as staff see them: read from the tracker store, masked,
grouped by meaning, each group with its staff mark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from clinic.conversations.events import FALLBACK_ANSWER, user_messages
from clinic.conversations.store import TrackerStoreError
from clinic.insights.unanswered.encoder import minilm_encoder
from clinic.insights.unanswered.grouping import QuestionGroup, SentenceEncoder, group_questions
from clinic.insights.unanswered.marks import (
    MAX_KEYS_PER_MARK,
    SHOULD_BE_FAQ,
    Mark,
    MarkStore,
    group_mark,
)
from clinic.insights.unanswered.questions import DEFAULT_MESSAGE_LIMIT, unanswered_questions

EXAMPLES_SHOWN = 3
INTENT_LABELS = {
    "nlu_fallback": "unclear message",
    "out_of_scope": "outside the clinic's topics",
    "faq/not_in_article": "not in the article",
    "faq/ask_practitioner_first": "is ART safe for me",
    "ask_medication": "about a medicine",
    "other_condition": "another condition",
    FALLBACK_ANSWER: "answered with the fallback",
}


@dataclass(frozen=True)
class ShownGroup:
    group: QuestionGroup
    mark: Mark | None

    @property
    def form_keys(self) -> str:
        """The keys a mark form sends: those of the group's newest texts."""
        return " ".join(self.group.member_keys[:MAX_KEYS_PER_MARK])

    @property
    def examples(self) -> tuple[str, ...]:
        return self.group.texts[:EXAMPLES_SHOWN]

    @property
    def faq_candidate(self) -> bool:
        return self.mark is not None and self.mark.mark == SHOULD_BE_FAQ

    @property
    def intent_label(self) -> str:
        return INTENT_LABELS.get(self.group.intent, self.group.intent)


@dataclass(frozen=True)
class UnansweredReport:
    since: datetime
    question_count: int
    message_limit: int
    groups: list[ShownGroup]

    @property
    def limit_reached(self) -> bool:
        return self.question_count >= self.message_limit


class UnansweredGroups:
    """Reads, masks and groups a period's newest `message_limit` unanswered questions."""

    def __init__(
        self,
        tracker: Engine | None,
        marks: MarkStore,
        encoder: Callable[[], SentenceEncoder] = minilm_encoder,
        message_limit: int = DEFAULT_MESSAGE_LIMIT,
    ) -> None:
        self._tracker = tracker
        self._marks = marks
        self._encoder = encoder
        self.message_limit = message_limit

    def report(self, since: datetime) -> UnansweredReport:
        """Raises TrackerStoreError when there is no tracker store or it cannot be read."""
        if self._tracker is None:
            raise TrackerStoreError("no tracker store is configured")
        messages = user_messages(self._tracker, since=since)
        questions = unanswered_questions(messages, self.message_limit)
        groups = group_questions(questions, self._encoder()) if questions else []
        marks = self._marks.marks_for(key for group in groups for key in group.member_keys)
        shown = [ShownGroup(group, group_mark(group, marks)) for group in groups]
        return UnansweredReport(since, len(questions), self.message_limit, shown)

    def warm_up(self, since: datetime) -> None:
        """Loads the encoder and groups the questions since `since` once, so that the page's
        first visit only encodes what came after (the encoder keeps what it encoded).
        Raises TrackerStoreError like `report`."""
        self._encoder()
        self.report(since)
