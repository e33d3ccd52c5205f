"""Multi-turn conversations in the chat widget over socket.io (the REST suite of the same kind is
tests/e2e/test_rest_dialogue.py): a follow-up that points back, a region switch, a typed yes that
starts the request the answer offers and a cancel, a no twice, and an "ok" after the emergency
answer. Each of the assistant's replies is matched by the first words of its domain response.
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import ChatWidget, first_words

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CONVERSATIONS = {
    "is that something you treat": [
        ("can active release help after whiplash?", ["utter_faq/whiplash"]),
        ("is that something you treat at your clinic?", ["utter_followup_treat"]),
    ],
    "what about the lower back": [
        ("what usually causes neck pain?", ["utter_faq/neck_pain_causes"]),
        ("and what about the lower back?", ["utter_faq/lower_back_causes"]),
    ],
    "a typed yes, then cancel": [
        ("can active release help my lower back?", ["utter_faq/lower_back_pain"]),
        ("ok sure", ["utter_booking_intro", "utter_ask_full_name"]),
        ("cancel", ["utter_booking_cancelled"]),
    ],
    "no twice": [
        ("do I have a herniated disc?", ["utter_cannot_diagnose"]),
        ("no thanks", ["utter_offer_declined"]),
        ("not now", ["utter_offer_declined_again"]),
    ],
    "ok after an emergency": [
        ("I'm having crushing chest pain right now", ["utter_emergency"]),
        ("ok", ["utter_after_emergency"]),
    ],
}


@pytest.mark.parametrize("name", list(CONVERSATIONS))
def test_a_conversation_in_the_widget(page, chat_site, name):
    page.goto(chat_site.site_url)
    chat = ChatWidget(page)
    chat.open()
    chat.reply_after(0, first_words("utter_greet"))
    for message, responses in CONVERSATIONS[name]:
        before = chat.send(message)
        for response in responses:
            assert chat.reply_after(before, first_words(response))
