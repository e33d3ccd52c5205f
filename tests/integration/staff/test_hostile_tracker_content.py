"""Issue 20, "How it is shown" 3 (findings 6 and 7): hostile tracker content, on SQLite and on
PostgreSQL. A message with U+0000, names in capitals and with accents, a spelled-out e-mail address
and phone number, a street address and a date of birth: `/unanswered` answers 200, the dashboard
shows its figures, and neither the page nor the YAML export holds any planted value."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from rasa.core.tracker_store import SQLTrackerStore

from clinic.conversations.events import read_only_engine
from rasa_server_plugins.tracker_store import FormForgettingSQLTrackerStore
from testkit.staff_app import csrf_token, leads_stores, signed_in_client, staff_app
from testkit.tracker_stores import sql_tracker_store
from testkit.unanswered import chat

KEYS_FIELD = re.compile(r'name="keys" value="([0-9a-f ]+)"')
# Each planted message and what of it must never be shown nor exported (the one with U+0000 holds
# no personal detail: it must be read, not break the page).
PLANTED = {
    "is parking free\x00 on Sundays?": (),
    "I AM JANE DOE AND MY KNEE HURTS": ("JANE", "DOE"),
    "I'm José Álvarez, can ART help?": ("José", "Álvarez", "Jos&eacute;"),
    "jane dot doe at gmail dot com": ("jane", "gmail"),
    "nine one four five five five zero one two three": ("nine one four", "zero one two"),
    "I live at 12 Main Street": ("12 Main", "Main Street"),
    "born 03/14/1985": ("03/14/1985", "1985"),
}


@pytest.fixture
def tracker(empty_db_url: str) -> Iterator[SQLTrackerStore]:
    store = sql_tracker_store(empty_db_url, FormForgettingSQLTrackerStore)
    yield store
    store.engine.dispose()


@pytest.fixture
def client(tracker, tmp_path):
    return signed_in_client(staff_app(leads_stores(tmp_path), read_only_engine(tracker.engine.url)))


def assert_nothing_planted(text: str) -> None:
    for planted in PLANTED.values():
        assert not any(value in text for value in planted), planted


def test_finding_6_and_7_hostile_tracker_content_is_shown_masked_and_exported_masked(
    client, tracker
):
    chat(tracker, "hostile", 2, *[("out_of_scope", None, message) for message in PLANTED])
    page = client.get("/unanswered")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "7 unanswered messages" in text and "is parking free" in text
    assert_nothing_planted(text)
    assert "[name]" in text and "[email]" in text and "[phone]" in text
    assert "[address]" in text and "[date]" in text

    dashboard = client.get("/dashboard")
    assert dashboard.status_code == 200
    assert "cannot be reached" not in dashboard.get_data(as_text=True)

    token = csrf_token(client, "/unanswered")
    for keys in KEYS_FIELD.findall(text):
        marked = client.post(
            "/unanswered/mark",
            data={"keys": keys, "mark": "should_be_faq", "days": "30", "csrf_token": token},
        )
        assert marked.status_code in (200, 302, 303)
    export = client.post("/unanswered/export", data={"days": "30", "csrf_token": token})
    assert export.status_code == 200
    exported = export.get_data(as_text=True)
    assert "[name]" in exported and "[phone]" in exported
    assert_nothing_planted(exported)
