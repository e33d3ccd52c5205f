"""How the assistant is doing over a period: the figures behind the staff dashboard, the
`leads report` command and the daily summary email.

Conversations count when a visitor wrote in the period. Questions are the visitor messages the
assistant answered from the article (an FAQ topic) or could not answer (as the staff page's list
of unanswered questions: clinic.conversations.events UserMessage.unanswered_as); the unanswered
share is of those questions. The after-hours shares use the
clinic's opening hours: of conversations by their first message, of leads as stored.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy.engine import Engine

from clinic.conversations.events import (
    FAQ_INTENT,
    FormRuns,
    conversation_starts,
    form_runs,
    user_messages,
)
from clinic.conversations.store import TrackerStoreError
from clinic.leads.records import LEAD_STATUSES, LeadCounts
from clinic.leads.repository import LeadRepository
from clinic.settings import ClinicSettings

logger = logging.getLogger(__name__)

TOP_TOPICS = 10
# Longest period one dashboard or report covers: a bound on what one request reads.
MAX_PERIOD_DAYS = 366


class PeriodError(ValueError):
    """A period the dashboard cannot show (reversed, or longer than MAX_PERIOD_DAYS)."""


@dataclass(frozen=True)
class Period:
    """Whole days in the clinic's time zone, `first` to `last` inclusive."""

    first: date
    last: date
    zone: tzinfo

    @classmethod
    def of_days(cls, first: date, last: date, zone: tzinfo) -> Period:
        if last < first:
            raise PeriodError("The period ends before it starts.")
        if (last - first).days >= MAX_PERIOD_DAYS:
            raise PeriodError(f"Choose a period of at most {MAX_PERIOD_DAYS} days.")
        return cls(first, last, zone)

    @property
    def since(self) -> datetime:
        return datetime.combine(self.first, time(), self.zone)

    @property
    def until(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(), self.zone)

    def text(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()} to {self.last.isoformat()}"


@dataclass(frozen=True)
class ConversationFigures:
    conversations: int
    after_hours_conversations: int | None
    questions_answered: int
    questions_unanswered: int
    forms: FormRuns
    faq_topics: tuple[tuple[str, int], ...]

    @property
    def unanswered_share(self) -> float | None:
        asked = self.questions_answered + self.questions_unanswered
        return self.questions_unanswered / asked if asked else None

    @property
    def after_hours_share(self) -> float | None:
        if self.after_hours_conversations is None or not self.conversations:
            return None
        return self.after_hours_conversations / self.conversations


@dataclass(frozen=True)
class DashboardFigures:
    period: Period
    leads: LeadCounts
    # None when the tracker store cannot be read: the lead figures still stand.
    conversations: ConversationFigures | None

    def rows(self) -> list[tuple[str, str]]:
        """(figure, value) in the order the table, the report and the email show them."""
        rows = [("Period", self.period.text())]
        talk = self.conversations
        if talk is None:
            rows.append(("Conversations", "unavailable (tracker store unreachable)"))
        else:
            rows += [
                ("Conversations", str(talk.conversations)),
                ("Conversations after hours", _share(talk.after_hours_share)),
                ("Questions answered", str(talk.questions_answered)),
                ("Questions not answered", str(talk.questions_unanswered)),
                ("Unanswered share", _share(talk.unanswered_share)),
                ("Booking forms started", str(talk.forms.started)),
                ("Booking forms submitted", str(talk.forms.submitted)),
                ("Booking forms cancelled", str(talk.forms.cancelled)),
            ]
        rows.append(("Leads", str(self.leads.total)))
        rows += [(f"Leads {status}", str(self.leads.by_status[status])) for status in LEAD_STATUSES]
        rows.append(("Leads after hours", _share(self.leads.after_hours_share)))
        if talk is not None:
            rows += [(f"FAQ: {topic_label(topic)}", str(n)) for topic, n in talk.faq_topics]
        return rows


def dashboard_figures(
    tracker: Engine | None, leads: LeadRepository, period: Period, clinic: ClinicSettings
) -> DashboardFigures:
    counts = leads.counts(period.since, period.until)
    talk = None
    if tracker is not None:
        try:
            talk = conversation_figures(tracker, period, clinic)
        except TrackerStoreError as error:
            logger.warning("the dashboard shows no conversation figures: %s", error)
    return DashboardFigures(period=period, leads=counts, conversations=talk)


def conversation_figures(
    tracker: Engine, period: Period, clinic: ClinicSettings
) -> ConversationFigures:
    since, until = period.since, period.until
    starts = conversation_starts(tracker, since, until)
    topics: Counter[str] = Counter()
    unanswered = 0
    for message in user_messages(tracker, since, until, with_text=False):
        if message.unanswered_as:
            unanswered += 1
        elif message.full_intent and message.full_intent.startswith(f"{FAQ_INTENT}/"):
            topics[message.full_intent] += 1
    after_hours = None
    if clinic.hours_configured:
        after_hours = sum(1 for start in starts if clinic.after_hours(start))
    return ConversationFigures(
        conversations=len(starts),
        after_hours_conversations=after_hours,
        questions_answered=sum(topics.values()),
        questions_unanswered=unanswered,
        forms=form_runs(tracker, since, until),
        faq_topics=tuple(topics.most_common(TOP_TOPICS)),
    )


def topic_label(topic: str) -> str:
    """ "faq/neck_pain" reads "neck pain"."""
    return topic.partition("/")[2].replace("_", " ") or topic


def _share(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.0%}"
