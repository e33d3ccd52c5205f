from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from clinic.conversations.events import UserMessage as Message
from clinic.insights.unanswered.encoder import BATCH_SIZE, CachingEncoder, minilm_encoder
from clinic.insights.unanswered.grouping import group_questions
from clinic.insights.unanswered.questions import Question, text_key, unanswered_questions
from testkit.unanswered import VOCABULARY, WordEncoder

START = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


def question(text, minutes, intent="faq/not_in_article"):
    return Question(text, text_key(text), START + timedelta(minutes=minutes), intent)


@pytest.mark.parametrize(
    ("intent", "full_intent", "answered_by", "in_form", "expected"),
    [
        ("nlu_fallback", None, "utter_default", False, "nlu_fallback"),
        ("nlu_fallback", None, "booking_form", True, "nlu_fallback"),
        ("out_of_scope", "out_of_scope", "utter_out_of_scope", False, "out_of_scope"),
        ("faq", "faq/not_in_article", "utter_faq", False, "faq/not_in_article"),
        ("faq", "faq/ask_practitioner_first", "utter_faq", False, "faq/ask_practitioner_first"),
        ("ask_medication", "ask_medication", None, False, "ask_medication"),
        ("other_condition", None, None, False, "other_condition"),
        ("faq", "faq/neck_pain", "utter_faq", False, None),
        ("book_appointment", None, "utter_booking_intro", False, None),
        ("inform", "inform", "utter_default", False, "fallback"),
        ("change_detail", None, "action_default_fallback", False, "fallback"),
        ("inform", "inform", "utter_default", True, None),
        ("inform", "inform", "booking_form", True, None),
        (None, None, None, False, None),
    ],
)
def test_unanswered_as(intent, full_intent, answered_by, in_form, expected):
    message = Message("a", START, "text", intent, full_intent, answered_by, in_form)
    assert message.unanswered_as == expected


def test_unanswered_questions_are_masked_newest_first_and_bounded():
    messages = [
        Message("a", START, "what does ART cost", "faq", "faq/not_in_article"),
        Message(
            "b", START + timedelta(hours=2), "call 914-555-0123 re aspirin", "ask_medication", None
        ),
        Message("c", START + timedelta(hours=1), "what is ART", "faq", "faq/what_is_art"),
        Message("d", START + timedelta(hours=3), "   ", "nlu_fallback", None),
        Message("e", START + timedelta(hours=4), "my elbow?", "other_condition", None),
    ]
    questions = unanswered_questions(messages, limit=2)
    assert [q.text for q in questions] == ["my elbow?", "call [phone] re aspirin"]
    assert [q.intent for q in questions] == ["other_condition", "ask_medication"]


def test_fallback_answers_outside_the_form_are_listed_form_answers_are_not():
    messages = [
        Message("a", START, "do you validate parking", "inform", "inform", "utter_default"),
        Message("b", START, "Jane Roe", "inform", "inform", "utter_default", in_form=True),
        Message("c", START, "Jane Roe", "inform", "inform", "booking_form", in_form=True),
        Message("d", START, "change it please", "change_detail", None, "action_listen"),
    ]
    questions = unanswered_questions(messages)
    assert [(q.text, q.intent) for q in questions] == [("do you validate parking", "fallback")]


def test_text_key_ignores_case_and_spacing_only():
    assert text_key("What does ART  cost") == text_key("what does art cost ")
    assert text_key("what does art cost") != text_key("what does art cost?")


def test_groups_by_meaning_with_counts_times_and_newest_examples():
    questions = [
        question("what is the price", 0),
        question("how much does it cost, the price?", 50),
        question("can I take aspirin", 10),
        question("what is the price", 30),
        question("ibuprofen and aspirin together?", 20, "ask_medication"),
    ]
    groups = group_questions(questions, WordEncoder())
    assert [group.count for group in groups] == [3, 2]
    price, medication = groups
    assert price.first_seen == START and price.last_seen == START + timedelta(minutes=50)
    assert price.texts == ("how much does it cost, the price?", "what is the price")
    assert price.intent == "faq/not_in_article"
    assert price.member_keys == (
        text_key("how much does it cost, the price?"),
        text_key("what is the price"),
    )
    assert medication.texts == ("ibuprofen and aspirin together?", "can I take aspirin")
    assert medication.intent in ("ask_medication", "faq/not_in_article")


def test_groups_are_sorted_by_their_newest_question():
    questions = [question("my knee", 100), question("the price", 5), question("aspirin", 60)]
    groups = group_questions(questions, WordEncoder())
    assert [group.texts[0] for group in groups] == ["my knee", "aspirin", "the price"]


def test_grouping_is_deterministic_and_handles_tiny_inputs():
    questions = [question(text, i) for i, text in enumerate(["price", "cost", "knee", "elbow"])]
    encoder = WordEncoder()
    assert group_questions(questions, encoder) == group_questions(list(questions), encoder)
    assert group_questions([], encoder) == []
    (single,) = group_questions([question("price", 0), question("price", 1)], encoder)
    assert single.count == 2 and single.texts == ("price",)


def test_caching_encoder_encodes_each_text_once():
    inner = WordEncoder()
    encoder = CachingEncoder(inner, cache_size=2)
    first = encoder.encode(["price", "knee"])
    again = encoder.encode(["knee", "price", "aspirin"])
    assert inner.calls == [["price", "knee"], ["aspirin"]]
    np.testing.assert_array_equal(again[:2], first[::-1])


def test_minilm_groups_questions_of_one_meaning_together():
    prices = [
        "how much is a session",
        "what does a visit cost",
        "is it expensive, what are your prices",
    ]
    medicines = [
        "can I take ibuprofen before treatment",
        "is it ok to take aspirin with it",
        "which medicine should I take for the pain",
    ]
    other = ["would ART fix my golfers elbow", "can it help my knee after surgery"]
    texts = prices + medicines + other
    groups = group_questions([question(t, i) for i, t in enumerate(texts)], minilm_encoder())
    members = [set(group.texts) for group in groups]
    assert set(medicines) in members
    assert all(len(group & set(prices)) in (0, len(group)) for group in members)
    assert len(groups) < len(texts)


def test_caching_encoder_encodes_in_small_batches():
    inner = WordEncoder()
    texts = [f"price {number}" for number in range(BATCH_SIZE * 2 + 2)]
    rows = CachingEncoder(inner).encode(texts)
    assert [len(call) for call in inner.calls] == [BATCH_SIZE, BATCH_SIZE, 2]
    assert rows.shape == (len(texts), len(VOCABULARY))


def test_finding_6_the_entities_stored_with_a_message_are_masked():
    """A span Rasa's pipeline marked as a name is masked though no pattern finds it."""
    text = "is parking free, ask for jim"
    entities = ({"entity": "PERSON", "start": 25, "end": 28, "value": "jim"},)
    message = Message("a", START, text, "nlu_fallback", None, entities=entities)
    (masked,) = unanswered_questions([message])
    assert masked.text == "is parking free, ask for [name]"
