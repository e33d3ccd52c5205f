"""The unanswered-questions page in Chromium: a question the assistant could not answer, typed
into the widget with a phone number, shows on the page masked; staff mark its group and export
it as Rasa NLU training candidates."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from rasa.shared.nlu.training_data.loading import load_data

from tests.browser.helpers import ChatWidget, assert_accessible, sign_in

pytestmark = pytest.mark.browser

PHONE = "914-555-0173"
QUESTION = f"How much does a session cost, is it covered by my insurance? Text me at {PHONE}"
SHOWN = "How much does a session cost, is it covered by my insurance? Text me at [phone]"


def test_an_unanswered_question_is_masked_marked_and_exported(
    page, context, requests, chat_site, staff_site, screenshot, tmp_path
):
    page.goto(chat_site.site_url)
    widget = ChatWidget(page)
    widget.open()
    widget.reply_after(0, ".")
    before = widget.send(QUESTION)
    widget.reply_after(before, ".")

    staff_page = context.new_page()
    sign_in(staff_page, staff_site)
    staff_page.get_by_role("link", name="Unanswered questions").click()
    expect(
        staff_page.get_by_role("heading", name="Questions the assistant couldn't answer")
    ).to_be_visible()
    group = staff_page.locator("section.question-group").filter(has_text=SHOWN)
    expect(group.get_by_text(SHOWN).last).to_be_visible()
    content = staff_page.content()
    assert PHONE not in content
    assert re.sub(r"\D", "", PHONE) not in re.sub(r"\D", "", staff_page.inner_text("main"))

    group.get_by_label("Mark this group").select_option(label="Should be an FAQ")
    group.get_by_role("button", name="Save mark").click()
    expect(staff_page.get_by_role("status")).to_have_text("Group marked: Should be an FAQ.")
    screenshot(staff_page, "unanswered")
    assert_accessible(staff_page, "unanswered questions page")

    with staff_page.expect_download() as download_info:
        staff_page.get_by_role("button", name=re.compile("Export FAQ candidates")).click()
    path = tmp_path / "faq_candidates.yml"
    download_info.value.save_as(path)
    examples = {m.get("text") for m in load_data(str(path)).intent_examples}
    assert SHOWN in examples
    assert PHONE not in path.read_text(encoding="utf-8")
    assert requests.foreign() == []
