"""The lead page shows the conversation behind the lead; the list is ready for call-backs."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.engine import make_url

from clinic.conversations.events import read_only_engine
from clinic.web.lead_conversation import MAX_TURNS
from testkit.staff_app import (
    NOW,
    signed_in_client,
    staff_app,
    submit_lead,
)
from testkit.staff_data import Conversation, write_conversations

SCRIPT = "<script>alert(1)</script>"


def client_for(stores, store):
    return signed_in_client(staff_app(stores, read_only_engine(store.engine.url)))


def test_lead_page_shows_the_conversation_with_the_form_collapsed(stores, tracker):
    chat = Conversation("visitor-abc-123456", NOW - timedelta(hours=2))
    chat.faq("faq/neck_pain").booking(sent=True)
    write_conversations(tracker.engine, tracker, [chat])
    lead = submit_lead(stores.leads, chat.sender_id)
    page = client_for(stores, tracker).get(f"/leads/{lead.reference}").get_data(as_text=True)
    conversation = page.split("<h2>Conversation</h2>")[1].split("<h2>Notes</h2>")[0]
    assert "Can ART help with neck pain?" in conversation
    assert "Here is what the article says." in conversation
    # 08:00 EST: the question's time in the clinic's zone.
    assert "Visitor, 2026-11-10 08:00 EST" in conversation
    before, form_part = conversation.split('<details class="form-answers">')
    assert "Happy to help you book." in before
    form_part, after = form_part.split("</details>")
    assert "What is your full name?" in form_part
    assert "Jane Roe" in form_part
    assert "Thanks, your request is sent." in after


def test_form_answers_removed_by_the_tracker_store_say_so(stores, tracker):
    chat = Conversation("visitor-removed-1", NOW - timedelta(hours=2)).booking(sent=True)
    write_conversations(tracker.engine, tracker, [chat])
    # What the form-forgetting tracker store leaves of the visitor's messages.
    with tracker.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE events SET data = json_set(data, '$.text', NULL) WHERE type_name = 'user'"
        )
    lead = submit_lead(stores.leads, chat.sender_id)
    page = client_for(stores, tracker).get(f"/leads/{lead.reference}").get_data(as_text=True)
    assert "(removed when the request ended)" in page
    assert "Jane Roe</p>" not in page.split("<h2>Conversation</h2>")[1]


def test_a_purged_conversation_is_said_to_be_gone(stores, tracker):
    lead = submit_lead(stores.leads, "visitor-purged-42")
    page = client_for(stores, tracker).get(f"/leads/{lead.reference}")
    assert page.status_code == 200
    assert "no longer in the assistant's records" in page.get_data(as_text=True)


def test_an_unreachable_tracker_store_is_said_to_be_unreachable(stores, tmp_path):
    lead = submit_lead(stores.leads, "visitor-anywhere-1")
    missing = read_only_engine(make_url(f"sqlite:///{tmp_path / 'absent.sqlite3'}"))
    client = signed_in_client(staff_app(stores, missing))
    page = client.get(f"/leads/{lead.reference}")
    assert page.status_code == 200
    assert "cannot be reached just now" in page.get_data(as_text=True)
    assert not (tmp_path / "absent.sqlite3").exists()


def test_visitor_text_in_the_conversation_is_shown_as_text(stores, tracker):
    chat = Conversation("visitor-script-77", NOW - timedelta(hours=2))
    chat.unanswered("nlu_fallback", None, SCRIPT)
    write_conversations(tracker.engine, tracker, [chat])
    lead = submit_lead(stores.leads, chat.sender_id)
    page = client_for(stores, tracker).get(f"/leads/{lead.reference}").get_data(as_text=True)
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_very_long_conversation_is_cut_and_says_so(stores, tracker):
    chat = Conversation("visitor-chatty-99", NOW - timedelta(days=1))
    for _ in range(MAX_TURNS // 2 + 5):
        chat.faq("faq/headaches")
    write_conversations(tracker.engine, tracker, [chat])
    lead = submit_lead(stores.leads, chat.sender_id)
    page = client_for(stores, tracker).get(f"/leads/{lead.reference}").get_data(as_text=True)
    assert page.count('class="turn turn-') == MAX_TURNS
    assert f"Only the first {MAX_TURNS} messages are shown." in page


def test_the_list_offers_a_call_back_link_and_the_preferred_times(stores, tracker):
    submit_lead(stores.leads, "visitor-call-1", preferred_time="Tuesday mornings")
    submit_lead(stores.leads, "visitor-mail-2", name="Ann Lee", phone=None, email="ann@example.org")
    page = client_for(stores, tracker).get("/").get_data(as_text=True)
    assert '<a href="tel:+19145550123">(914) 555-0123</a>' in page
    assert "Tuesday mornings" in page
    rows = page.split("<tbody>")[1].split("</tr>")
    ann = next(row for row in rows if "Ann Lee" in row)
    assert "tel:" not in ann
    assert "not given" in ann


def test_the_list_shows_an_office_lines_extension(stores, tracker):
    submit_lead(stores.leads, "visitor-office-3", phone="914-555-0111", phone_extension="23")
    page = client_for(stores, tracker).get("/").get_data(as_text=True)
    assert '<a href="tel:+19145550111">(914) 555-0111 ext. 23</a>' in page
