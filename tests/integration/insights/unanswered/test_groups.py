"""Unanswered questions end to end on SQLite and PostgreSQL: Rasa's tracker store read by the
shared reader, masked, grouped by the assistant's MiniLM, marked in the leads database and
exported as NLU YAML that Rasa's own reader loads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from sqlalchemy.engine import Engine

from clinic.conversations.events import read_only_engine
from clinic.db.engine import make_engine, upgrade
from clinic.insights.unanswered.export import faq_candidates_yaml
from clinic.insights.unanswered.marks import MarkStore
from clinic.insights.unanswered.report import UnansweredGroups
from testkit.staff_data import Conversation, write_conversations
from testkit.tracker_stores import sql_tracker_store

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
QUESTIONS = {
    "visitor-a": [
        ("faq", "faq/not_in_article", "How much does one session cost?"),
        ("ask_medication", None, "Can I take ibuprofen before ART?"),
    ],
    "visitor-b": [
        ("faq", "faq/not_in_article", "what is the price of a visit, text me at 914 555 0142"),
        ("other_condition", None, "would it help my golfer's elbow"),
    ],
    "visitor-c": [("ask_medication", None, "is aspirin ok to take with the treatment")],
}


@pytest.fixture
def databases(empty_db_url: str) -> Iterator[tuple[Engine, str]]:
    """The tracker store with the conversations, and a migrated leads database, in one database."""
    store = sql_tracker_store(empty_db_url)
    upgrade(empty_db_url)
    for number, (sender_id, questions) in enumerate(QUESTIONS.items()):
        conversation = Conversation(sender_id, NOW - timedelta(days=3 - number))
        for question in questions:
            conversation.unanswered(*question)
        conversation.faq("faq/neck_pain")
        write_conversations(store.engine, store, [conversation])
    # Older than the others: a question answered with the fallback, then a name typed into the form.
    outside_the_form = Conversation("visitor-d", NOW - timedelta(days=4))
    outside_the_form.fallback("inform", "do you validate parking tickets").booking(sent=True)
    write_conversations(store.engine, store, [outside_the_form])
    reader = read_only_engine(store.engine.url)
    yield reader, empty_db_url
    reader.dispose()
    store.engine.dispose()


def test_groups_marks_and_export_over_the_stores(databases, tmp_path):
    reader, leads_url = databases
    leads = make_engine(leads_url)
    marks = MarkStore(leads)
    source = UnansweredGroups(reader, marks)
    report = source.report(NOW - timedelta(days=30))
    assert report.question_count == 6
    texts = [set(shown.group.texts) for shown in report.groups]
    assert all("Jane Roe" not in group for group in texts)
    fallback = next(
        shown for shown in report.groups if "do you validate parking tickets" in shown.group.texts
    )
    assert fallback.intent_label == "answered with the fallback"
    assert {"Can I take ibuprofen before ART?", "is aspirin ok to take with the treatment"} in texts
    price = next(
        shown for shown in report.groups if "How much does one session cost?" in shown.group.texts
    )
    assert "what is the price of a visit, text me at [phone]" in price.group.texts
    assert price.group.first_seen == NOW - timedelta(days=3) + timedelta(seconds=10)

    marks.set(price.group.member_keys, "should_be_faq", "dana")
    regrouped = source.report(NOW - timedelta(days=30))
    chosen = [shown.group for shown in regrouped.groups if shown.faq_candidate]
    assert [set(group.texts) for group in chosen] == [set(price.group.texts)]

    path = tmp_path / "candidates.yml"
    path.write_text(faq_candidates_yaml(chosen, date(2026, 11, 20)), encoding="utf-8")
    loaded = load_data(str(path))
    assert {m.get("text") for m in loaded.intent_examples} == set(price.group.texts)
    assert {m.get_full_intent() for m in loaded.intent_examples} == {
        "faq/candidate_what_is_the_price_of"
    }
    leads.dispose()


def test_a_short_period_leaves_older_questions_out(databases):
    reader, leads_url = databases
    leads = make_engine(leads_url)
    report = UnansweredGroups(reader, MarkStore(leads)).report(NOW - timedelta(days=1, hours=12))
    assert report.question_count == 1
    assert [shown.group.texts for shown in report.groups] == [
        ("is aspirin ok to take with the treatment",)
    ]
    leads.dispose()


def test_only_the_newest_messages_up_to_the_limit_are_grouped(databases):
    reader, leads_url = databases
    leads = make_engine(leads_url)
    source = UnansweredGroups(reader, MarkStore(leads), message_limit=2)
    report = source.report(NOW - timedelta(days=30))
    assert (report.question_count, report.limit_reached) == (2, True)
    texts = {text for shown in report.groups for text in shown.group.texts}
    assert texts == {"would it help my golfer's elbow", "is aspirin ok to take with the treatment"}
    leads.dispose()
