"""The staff page's unanswered questions: grouped, masked, marked, exported (Flask test client,
SQLite leads database and tracker store, the assistant's own MiniLM encoder)."""

from __future__ import annotations

import re

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from sqlalchemy.engine import make_url

from clinic.conversations.events import read_only_engine
from testkit.staff_app import csrf_token, signed_in_client, staff_app
from testkit.unanswered import PHONE, chat, parking_and_medicine

KEYS_FIELD = re.compile(r'name="keys" value="([0-9a-f ]+)"')


@pytest.fixture
def client(stores, tracker):
    return signed_in_client(staff_app(stores, read_only_engine(tracker.engine.url)))


def page_of(client, query=""):
    response = client.get(f"/unanswered{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def groups_of(page):
    return page.split('<section class="card question-group"')[1:]


def mark(client, page, index, value):
    keys = KEYS_FIELD.findall(page)[index]
    token = csrf_token(client, "/unanswered")
    return client.post(
        "/unanswered/mark", data={"keys": keys, "mark": value, "days": "30", "csrf_token": token}
    )


def test_signed_out_visitors_are_sent_to_sign_in(stores, tracker):
    app = staff_app(stores, read_only_engine(tracker.engine.url))
    response = app.test_client().get("/unanswered")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/login")


def test_groups_by_meaning_with_counts_and_masked_examples_newest_first(client, tracker):
    parking_and_medicine(tracker)
    page = page_of(client)
    assert "<script" not in page
    assert "4 unanswered messages" in page
    groups = groups_of(page)
    assert len(groups) == 2
    parking = next(group for group in groups if "parking" in group)
    assert "2 messages" in parking
    assert PHONE not in page and "call me on [phone]" in page
    assert parking.index("is parking free?") < parking.index("Do you validate parking?")
    # The answered FAQ question is not an unanswered one.
    assert "Can ART help with neck pain?" not in page


def test_the_period_limits_the_questions(client, tracker):
    parking_and_medicine(tracker)
    chat(tracker, "visitor-old", 24 * 40, ("out_of_scope", None, "Can you fix my car?"))
    assert "Can you fix my car?" not in page_of(client)
    assert "Can you fix my car?" in page_of(client, "?days=90")
    assert client.get("/unanswered?days=12").status_code == 400


def test_visitor_text_is_shown_as_text(client, tracker):
    chat(tracker, "visitor-x", 1, ("nlu_fallback", None, "<script>alert(1)</script>"))
    page = page_of(client)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_marking_a_group_shows_the_mark_and_is_audited(client, tracker, stores):
    parking_and_medicine(tracker)
    page = page_of(client)
    parking_index = next(i for i, group in enumerate(groups_of(page)) if "parking" in group)
    response = mark(client, page, parking_index, "should_be_faq")
    assert response.status_code == 302
    marked = next(group for group in groups_of(page_of(client)) if "parking" in group)
    assert "Should be an FAQ (frontdesk)" in marked
    (entry,) = [e for e in stores.audit.recent() if e.action == "unanswered_marked"]
    assert entry.actor == "frontdesk"
    assert entry.detail == "Should be an FAQ: 2 question text(s)"


def test_marks_need_a_csrf_token_and_valid_keys(client, tracker):
    parking_and_medicine(tracker)
    page = page_of(client)
    keys = KEYS_FIELD.findall(page)[0]
    no_token = client.post("/unanswered/mark", data={"keys": keys, "mark": "should_be_faq"})
    assert no_token.status_code == 400
    token = csrf_token(client, "/unanswered")
    bad_keys = client.post(
        "/unanswered/mark",
        data={"keys": "zz", "mark": "should_be_faq", "days": "30", "csrf_token": token},
    )
    assert bad_keys.status_code == 400
    assert "Should be an FAQ (" not in page_of(client)


def test_export_gives_the_marked_groups_as_nlu_training_candidates(
    client, tracker, stores, tmp_path
):
    parking_and_medicine(tracker)
    page = page_of(client)
    groups = groups_of(page)
    mark(client, page, next(i for i, g in enumerate(groups) if "parking" in g), "should_be_faq")
    mark(
        client, page, next(i for i, g in enumerate(groups) if "aspirin" in g), "answered_elsewhere"
    )
    token = csrf_token(client, "/unanswered")
    response = client.post("/unanswered/export", data={"days": "30", "csrf_token": token})
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    path = tmp_path / "faq_candidates.yml"
    path.write_bytes(response.get_data())
    examples = {(m.get("text"), m.get_full_intent()) for m in load_data(str(path)).intent_examples}
    assert examples == {
        ("is parking free? call me on [phone]", "faq/candidate_is_parking_free_call_me"),
        ("Do you validate parking?", "faq/candidate_is_parking_free_call_me"),
    }
    assert any(e.action == "unanswered_exported" for e in stores.audit.recent())
    assert client.post("/unanswered/export", data={"days": "30"}).status_code == 400


def test_a_purged_conversation_leaves_the_groups(client, tracker):
    parking_and_medicine(tracker)
    with tracker.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM events WHERE sender_id = 'visitor-2'")
    page = page_of(client)
    assert "is parking free?" not in page
    assert "2 unanswered messages" in page


def test_an_unreachable_tracker_store_is_said_so(stores, tmp_path):
    missing = read_only_engine(make_url(f"sqlite:///{tmp_path / 'absent.sqlite3'}"))
    client = signed_in_client(staff_app(stores, missing))
    response = client.get("/unanswered")
    assert response.status_code == 503
    assert "tracker store is unreachable" in response.get_data(as_text=True)


def test_a_mark_can_be_removed(client, tracker):
    parking_and_medicine(tracker)
    page = page_of(client)
    mark(client, page, 0, "answered_elsewhere")
    assert "Answered elsewhere (frontdesk)" in page_of(client)
    response = mark(client, page, 0, "clear")
    assert response.status_code == 302
    after = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Mark removed." in after
    assert "(frontdesk)</span>" not in after
