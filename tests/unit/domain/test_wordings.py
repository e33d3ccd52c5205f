"""A paragraph the visitor may see twice has at least two wordings (Rasa picks one at random),
under each condition a response's variations carry. The conversation's own files only: the
triage answers (domain.yml/triage.yml, docs/triage.md) keep one reviewed wording on purpose, and
each FAQ answer (faq.yml) carries the article's facts in one checked wording."""

import pytest
import yaml

from testkit.domain import DOMAIN_DIR

# Seen once per conversation or per request, or a safety answer: the greeting and the name
# question (the widget's and the production profile's tests read them), what it can do, a
# request's start and end, the emergency answer.
ONE_WORDING = {
    "utter_greet",
    "utter_ask_full_name",
    "utter_capabilities",
    "utter_booking_intro",
    "utter_handoff_intro",
    "utter_booking_cancelled",
    "utter_emergency",
}


def responses_seen_again():
    for file_name in ("general.yml", "booking.yml", "conversation.yml"):
        domain = yaml.safe_load((DOMAIN_DIR / file_name).read_text(encoding="utf-8"))
        for name, variations in domain["responses"].items():
            if name not in ONE_WORDING:
                yield name, variations


@pytest.mark.parametrize(("name", "variations"), list(responses_seen_again()))
def test_a_response_seen_again_has_two_wordings_under_each_condition(name, variations):
    by_condition: dict[str, set[str]] = {}
    for variation in variations:
        by_condition.setdefault(str(variation.get("condition")), set()).add(variation["text"])
    assert all(len(texts) >= 2 for texts in by_condition.values()), name
