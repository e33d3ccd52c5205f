"""Staff marks on unanswered questions, stored in the leads database.

A mark is stored per question text: by the key of its masked text (`questions.text_key`, a
hash; no visitor text is stored). Marking a group marks each of its texts, and a group shows
the newest mark among its texts, so a mark survives regrouping: the questions carry it into
whichever group they fall next, and a new question with a marked text arrives marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from clinic.db.engine import session_factory
from clinic.insights.unanswered.grouping import QuestionGroup
from clinic.insights.unanswered.models import UNANSWERED_MARKS, UnansweredMark
from clinic.insights.unanswered.questions import KEY_LENGTH
from clinic.timeutil import as_utc, utc_now

SHOULD_BE_FAQ = "should_be_faq"
MARK_LABELS = {"answered_elsewhere": "Answered elsewhere", SHOULD_BE_FAQ: "Should be an FAQ"}
# The keys one request may mark: the newest texts of a very large group.
MAX_KEYS_PER_MARK = 500
_KEY = re.compile(rf"[0-9a-f]{{{KEY_LENGTH}}}")
# Keys per IN (...) list: well under every database's parameter limit.
_CHUNK = 500


@dataclass(frozen=True)
class Mark:
    mark: str
    marked_by: str
    marked_at: datetime

    @property
    def label(self) -> str:
        return MARK_LABELS[self.mark]


def valid_keys(keys: Iterable[str]) -> list[str]:
    """The distinct keys, checked: at most MAX_KEYS_PER_MARK of the form text_key makes."""
    distinct = list(dict.fromkeys(keys))
    if not distinct or len(distinct) > MAX_KEYS_PER_MARK:
        raise ValueError(f"mark between 1 and {MAX_KEYS_PER_MARK} question texts at a time")
    if not all(_KEY.fullmatch(key) for key in distinct):
        raise ValueError("not a question key")
    return distinct


class MarkStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = session_factory(engine)

    def set(self, keys: Sequence[str], mark: str, actor: str, now: datetime | None = None) -> None:
        """Mark the texts of `keys`, replacing their earlier marks, in one transaction."""
        if mark not in UNANSWERED_MARKS:
            raise ValueError(f"unknown mark {mark!r}")
        keys = valid_keys(keys)
        marked_at = as_utc(now) if now else utc_now()
        rows = [
            {"text_key": key, "mark": mark, "marked_by": actor[:64], "marked_at": marked_at}
            for key in keys
        ]
        with self._sessions() as session, session.begin():
            session.execute(delete(UnansweredMark).where(UnansweredMark.text_key.in_(keys)))
            session.execute(insert(UnansweredMark), rows)

    def clear(self, keys: Sequence[str]) -> None:
        keys = valid_keys(keys)
        with self._sessions() as session, session.begin():
            session.execute(delete(UnansweredMark).where(UnansweredMark.text_key.in_(keys)))

    def purge_older_than(self, cutoff: datetime) -> int:
        """Delete the marks set before `cutoff` (`leads purge`, with the retention period: the
        questions they were set on are purged with their conversations). Returns how many."""
        with self._sessions() as session, session.begin():
            result = session.execute(
                delete(UnansweredMark).where(UnansweredMark.marked_at < as_utc(cutoff)),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount)

    def marks_for(self, keys: Iterable[str]) -> dict[str, Mark]:
        """The stored marks of those of `keys` that have one."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Mark] = {}
        with self._sessions() as session:
            for start in range(0, len(wanted), _CHUNK):
                query = select(UnansweredMark).where(
                    UnansweredMark.text_key.in_(wanted[start : start + _CHUNK])
                )
                for row in session.scalars(query):
                    found[row.text_key] = Mark(row.mark, row.marked_by, row.marked_at)
        return found


def group_mark(group: QuestionGroup, marks: dict[str, Mark]) -> Mark | None:
    """The newest mark among the group's texts, or None when none is marked."""
    own = [marks[key] for key in group.member_keys if key in marks]
    return max(own, key=lambda mark: (mark.marked_at, mark.mark), default=None)
