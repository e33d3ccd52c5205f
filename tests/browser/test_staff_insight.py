"""The lead page's conversation, the dashboard and the accessibility of the staff pages in
Chromium, on a conversation generated into the stack's own tracker store."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from clinic.timeutil import utc_now
from testkit.leads import new_lead
from testkit.staff_data import Conversation, tracker_store, write_conversations
from tests.browser.helpers import (
    ChatWidget,
    accessibility_violations,
    assert_accessible,
    sign_in,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lead_with_conversation(staff_site, leads) -> str:
    """A lead whose conversation (an FAQ, a question not answered, the booking form) is in the
    tracker store the staff page reads."""
    started = utc_now() - timedelta(hours=3)
    chat = Conversation(f"browser-insight-{started.timestamp():.0f}", started)
    chat.faq("faq/neck_pain").unanswered("out_of_scope", None, "Can you fix my car?")
    chat.booking(sent=True)
    store = tracker_store(staff_site.work_dir / "rasa_tracker.sqlite3")
    write_conversations(store.engine, store, [chat])
    store.engine.dispose()
    lead = new_lead(
        full_name="Robin Transcript",
        conversation_id=chat.sender_id,
        phone="(914) 555-0177",
        preferred_time="Thursday afternoons",
    )
    return leads.submit(lead).reference


def test_the_list_links_the_phone_and_a_lead_shows_its_conversation(
    page, staff_site, lead_with_conversation, screenshot
):
    sign_in(page, staff_site)
    row = page.get_by_role("row").filter(has_text=lead_with_conversation)
    expect(row.get_by_role("link", name="(914) 555-0177")).to_have_attribute(
        "href", "tel:+19145550177"
    )
    expect(row.get_by_text("Thursday afternoons")).to_be_visible()
    assert_accessible(page, "leads list")
    screenshot(page, "staff-leads-call-back")

    row.get_by_role("link", name=lead_with_conversation).click()
    expect(page.get_by_role("heading", name="Conversation")).to_be_visible()
    expect(page.get_by_text("Can ART help with neck pain?")).to_be_visible()
    expect(page.get_by_text("Can you fix my car?")).to_be_visible()
    form_part = page.locator("details.form-answers")
    expect(form_part.get_by_text("What is your full name?")).to_be_hidden()
    assert_accessible(page, "lead page")
    form_part.locator("summary").click()
    expect(form_part.get_by_text("What is your full name?")).to_be_visible()
    assert_accessible(page, "lead page with the form part open")
    form_part.locator("summary").click()
    page.get_by_role("heading", name="Conversation").scroll_into_view_if_needed()
    screenshot(page, "staff-lead-transcript")


def test_the_dashboard_shows_charts_and_figures(
    page, staff_site, lead_with_conversation, screenshot
):
    sign_in(page, staff_site)
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="How the assistant is doing")).to_be_visible()
    charts = page.get_by_role("img", name="Charts of the figures in the table")
    expect(charts).to_be_visible()
    page.wait_for_load_state("load")
    assert charts.evaluate("image => image.complete && image.naturalWidth > 0")
    figures = page.locator("table.figures")
    # The row's name ends with its count; "FAQ: neck pain causes" must not match too.
    expect(figures.get_by_role("row", name=re.compile(r"^FAQ: neck pain \d+$"))).to_be_visible()
    assert_accessible(page, "dashboard")
    page.set_viewport_size({"width": 1280, "height": 1100})
    screenshot(page, "staff-dashboard")

    page.get_by_label("From").fill("2026-01-01")
    page.get_by_label("To").fill("2025-01-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("alert")).to_have_text("The period ends before it starts.")
    assert_accessible(page, "error page")


def test_the_sign_in_page_is_accessible(page, staff_site):
    page.goto(f"{staff_site.staff_url}/login")
    expect(page.get_by_label("Username")).to_be_visible()
    assert_accessible(page, "sign-in page")


@pytest.mark.slow
def test_the_demo_page_with_the_chat_open_is_accessible(page, chat_site):
    page.goto(chat_site.site_url)
    widget = ChatWidget(page)
    assert_accessible(page, "demo page")
    widget.open()
    widget.reply_after(0, ".")
    expect(widget.page.locator(f"{ChatWidget.ROOT} div.rw-reply").first).to_be_visible()
    assert_accessible(page, "demo page with the chat open")


def test_the_audit_reports_what_breaks_the_rules(page):
    page.set_content(
        '<html><body><img src="chart.png"><p style="color:#bbb;background:#fff">pale</p>'
        "</body></html>"
    )
    found = {rule["id"] for rule in accessibility_violations(page)}
    assert {"image-alt", "color-contrast", "html-has-lang"} <= found
