"""The chat widget on the demo page, against the running Rasa model, action server and staff page.

Expected bot texts come from the domain (domain.yml/), the source of truth for what the assistant
says.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from testkit.domain import load_domain
from tests.browser.helpers import ChatWidget, as_displayed, english, first_words, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REFERENCE = re.compile(r"PCX-[0-9A-HJKMNP-TV-Z]{6}")
PHONE = (375, 667)


def domain_response(name: str) -> dict:
    return english(load_domain()["responses"][name])[0]


def expected_text(name: str) -> str:
    return as_displayed(domain_response(name)["text"])


@pytest.fixture
def widget(page, requests, chat_site) -> ChatWidget:
    page.goto(chat_site.site_url)
    chat = ChatWidget(page)
    chat.open()
    chat.reply_after(0, first_words("utter_greet"))
    return chat


def test_greeting_with_quick_replies_and_no_request_leaves_the_machine(
    page, requests, widget, screenshot
):
    greeting = domain_response("utter_greet")
    assert as_displayed(widget.bot_messages.first.inner_text()) == expected_text("utter_greet")
    assert widget.quick_replies() == [button["title"] for button in greeting["buttons"]]
    expect(widget.launcher).to_have_attribute("aria-label", "Close the chat")
    screenshot(page, "widget-greeting")

    assert page.evaluate("document.fonts.check('16px Inter')")
    loaded = page.evaluate(
        "[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)"
    )
    assert "Inter" in loaded
    assert any("/widget/fonts/inter/" in url for url in requests.urls)
    assert any("/socket.io/" in url for url in requests.urls)
    assert requests.foreign() == []
    # A blocked font, script or connection (CSP) would show here.
    assert requests.console_errors == []


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What is active release technique?", "what_is_art"),
        ("Can ART help my lower back pain?", "lower_back_pain"),
        ("Where can I get ART?", "where_offered"),
    ],
)
def test_faq_question_gets_its_answer(page, requests, widget, question, topic, screenshot):
    before = widget.send(question)
    expected = expected_text(f"utter_faq/{topic}")
    # The widget shows each paragraph of an answer as a bubble of its own: wait for the last.
    widget.reply_after(before, re.escape(" ".join(expected.split()[-4:])))
    answer = " ".join(widget.bot_messages.all_inner_texts()[before:])
    assert as_displayed(answer) == expected
    screenshot(page, f"widget-faq-{topic}")
    assert requests.foreign() == []


def test_reload_keeps_the_conversation(page, widget, screenshot):
    before = widget.choose("Request an appointment")
    widget.reply_after(before, first_words("utter_ask_full_name"))
    before = widget.send("Riley Morgan")
    widget.reply_after(before, first_words("utter_ask_contact"))
    shown = widget.bot_messages.count()

    page.reload()
    reloaded = ChatWidget(page)
    reloaded.open()
    expect(reloaded.user_messages.filter(has_text="Riley Morgan")).to_be_visible()
    assert reloaded.bot_messages.count() == shown

    # The booking form goes on where it stopped: the server kept the same conversation.
    before = reloaded.send("riley.morgan@example.com")
    reloaded.reply_after(before, first_words("utter_ask_concern"))
    screenshot(page, "widget-after-reload")


def test_booking_request_reaches_the_leads_page(
    page, context, requests, widget, leads, staff_site, screenshot
):
    before = widget.send("I'd like to book an appointment")
    widget.reply_after(before, first_words("utter_ask_full_name"))
    before = widget.send("Jane Testperson")
    widget.reply_after(before, first_words("utter_ask_contact"))
    before = widget.send("914-555-0123 and jane.test@example.com")
    widget.reply_after(before, first_words("utter_ask_concern"))
    before = widget.choose("Lower back")
    widget.reply_after(before, first_words("utter_ask_preferred_time"))
    before = widget.send("Tuesday mornings")
    widget.reply_after(before, first_words("utter_ask_patient_status"))
    before = widget.choose("New patient")
    summary = widget.reply_after(before, "Jane Testperson")
    assert "Tuesday mornings" in summary
    # The question closing the summary is a bubble of its own, carrying the quick replies.
    widget.reply_after(before, "Shall I send it to the front desk")
    assert "Change something" in widget.quick_replies()
    screenshot(page, "widget-booking-summary")
    before = widget.choose("Yes, send it")
    confirmation = widget.reply_after(before, REFERENCE.pattern)
    reference = REFERENCE.search(confirmation).group(0)
    screenshot(page, "widget-booking-confirmation")
    assert requests.foreign() == []

    stored = leads.get(reference)
    assert stored is not None
    assert (stored.full_name, stored.phone, stored.email) == (
        "Jane Testperson",
        "+19145550123",
        "jane.test@example.com",
    )
    assert (stored.concern, stored.preferred_time, stored.patient_status, stored.channel) == (
        "lower back",
        "Tuesday mornings",
        "new",
        "socketio",
    )

    staff_page = context.new_page()
    sign_in(staff_page, staff_site)
    row = staff_page.get_by_role("row").filter(has_text=reference)
    expect(row.locator("td.name")).to_have_text("Jane Testperson")
    screenshot(staff_page, "staff-leads")
    row.get_by_role("link", name=reference).click()
    expect(staff_page.get_by_role("heading", name=f"Request {reference}")).to_be_visible()
    expect(staff_page.locator("dd.name")).to_have_text("Jane Testperson")
    screenshot(staff_page, "staff-lead-detail")


def test_widget_works_with_the_keyboard_alone(page, chat_site):
    page.goto(chat_site.site_url)
    chat = ChatWidget(page)
    expect(chat.launcher).to_be_visible()
    focused_classes = []
    for _ in range(10):
        page.keyboard.press("Tab")
        focused_classes.append(page.evaluate("document.activeElement.className"))
        if "rw-launcher" in focused_classes[-1]:
            break
    assert "rw-launcher" in focused_classes[-1], focused_classes
    expect(chat.launcher).to_have_attribute(
        "aria-label", "Open the chat with the ProClinix assistant"
    )
    page.keyboard.press("Enter")
    chat.reply_after(0, first_words("utter_greet"))
    expect(chat.launcher).to_have_attribute("aria-expanded", "true")

    first_reply = domain_response("utter_greet")["buttons"][0]["title"]
    reply = page.get_by_role("button", name=first_reply, exact=True)
    for _ in range(15):
        if reply.evaluate("(element) => element === document.activeElement"):
            break
        page.keyboard.press("Shift+Tab")
    expect(reply).to_be_focused()
    before = chat.bot_messages.count()
    page.keyboard.press("Enter")
    expect(chat.user_messages.filter(has_text=first_reply)).to_be_visible()
    chat.reply_after(before, ".")
    expect(chat.input).to_be_focused()


def test_widget_fits_a_phone_screen(browser, chat_site, screenshot):
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
    try:
        page = context.new_page()
        page.goto(chat_site.site_url)
        chat = ChatWidget(page)
        chat.open()
        chat.reply_after(0, first_words("utter_greet"))
        box = page.locator("#proclinix-chat .rw-conversation-container").bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0]
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE[1]
        expect(chat.input).to_be_in_viewport()
        before = chat.send("What is ART?")
        chat.reply_after(before, first_words("utter_faq/what_is_art"))
        screenshot(page, "widget-phone")

        close = page.get_by_role("button", name="Close the chat").first
        expect(close).to_be_visible()
        close.click()
        expect(chat.input).to_be_hidden()
        expect(chat.launcher).to_have_attribute("aria-expanded", "false")
    finally:
        context.close()


def spanish_greeting() -> dict:
    (greeting,) = [
        variant
        for variant in load_domain()["responses"]["utter_greet"]
        if {"type": "slot", "name": "language", "value": "es"} in variant.get("condition", [])
    ]
    return greeting


def test_on_a_spanish_page_the_widget_speaks_spanish(page, chat_site, screenshot):
    # The demo page as a Spanish site would have it: its <html lang> is "es" by the time the
    # deferred chat.js runs. (Serving a changed copy through page.route would make the page a
    # public one to Chromium, which then blocks its requests to Rasa on the loopback address.)
    page.add_init_script(
        """document.addEventListener("readystatechange", () => {
            if (document.readyState === "interactive") { document.documentElement.lang = "es"; }
        });"""
    )
    page.goto(chat_site.site_url)
    chat = ChatWidget(page, message_label="Su mensaje")
    expect(chat.launcher).to_have_attribute(
        "aria-label", "Abrir el chat con el asistente de ProClinix"
    )
    chat.open()
    expect(page.locator("#proclinix-chat .rw-title")).to_have_text("Asistente de ProClinix")
    expect(chat.input).to_have_attribute("placeholder", "Escriba su pregunta")
    expect(page.get_by_role("button", name="Enviar mensaje")).to_be_visible()
    greeting = spanish_greeting()
    chat.reply_after(0, re.escape(" ".join(as_displayed(greeting["text"]).split()[:5])))
    assert chat.quick_replies() == [button["title"] for button in greeting["buttons"]]
    screenshot(page, "widget-spanish")
