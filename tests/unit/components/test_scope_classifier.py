import pytest
from rasa.shared.nlu.training_data.message import Message

from components.scope_classifier import (
    ScopeClassifier,
    reads_as_spanish,
    relabel,
    spanish_only_words,
)
from components.scope_model import ScopeModel, ScopeModelSettings


def predicted(by_label):
    message = Message(data={"text": "does ART help my neck"})
    ScopeClassifier._set_prediction(message, by_label)
    return message


def test_an_faq_topic_is_intent_faq_with_the_topic_in_the_response_selector():
    message = predicted(
        {"faq/neck_pain": 0.6, "faq/candidacy": 0.25, "other_condition": 0.1, "greet": 0.05}
    )

    assert message.get("intent") == {"name": "faq", "confidence": 0.6}
    assert [entry["name"] for entry in message.get("intent_ranking")] == [
        "faq",
        "other_condition",
        "greet",
    ]
    selector = message.get("response_selector")
    assert selector["all_retrieval_intents"] == ["faq"]
    assert selector["faq"]["response"]["intent_response_key"] == "faq/neck_pain"
    assert selector["faq"]["response"]["utter_action"] == "utter_faq/neck_pain"
    assert selector["faq"]["response"]["confidence"] == pytest.approx(0.6)
    assert [entry["intent_response_key"] for entry in selector["faq"]["ranking"]] == [
        "faq/neck_pain",
        "faq/candidacy",
    ]


def test_another_intent_wins_over_a_weaker_topic():
    message = predicted({"ask_medication": 0.7, "faq/neck_pain": 0.2, "greet": 0.1})

    assert message.get("intent") == {"name": "ask_medication", "confidence": 0.7}
    # As Rasa's ResponseSelector does, the best topic is still reported for the retrieval intent.
    assert (
        message.get("response_selector")["faq"]["response"]["intent_response_key"]
        == "faq/neck_pain"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my lower back is killing me by friday. can someone see me?", "book_appointment"),
        ("how much is a session?", "faq"),
    ],
)
def test_a_message_that_asks_to_be_seen_starts_the_booking_request(text, expected):
    message = Message(data={"text": text})
    ScopeClassifier._set_prediction(message, {"faq/lower_back_pain": 0.7, "book_appointment": 0.2})
    relabel(message)
    assert message.get("intent") == {"name": expected, "confidence": 0.7}
    assert message.get("intent_ranking")[0]["name"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("need to make an appt", "book_appointment"), ("make me a sandwich", "out_of_scope")],
)
def test_a_visit_asked_in_words_the_nlu_could_not_place_starts_the_booking_request(text, expected):
    message = Message(data={"text": text})
    ScopeClassifier._set_prediction(message, {"out_of_scope": 0.8, "book_appointment": 0.1})
    relabel(message)
    assert message.get("intent") == {"name": expected, "confidence": 0.8}


@pytest.mark.parametrize(
    ("text", "topic", "expected"),
    [
        ("and what causes it in the first place", "faq/neck_pain_causes", "followup_more"),
        ("how many sessions for that?", "faq/sessions_results", "followup_more"),
        ("what causes neck pain", "faq/neck_pain_causes", "faq"),
        ("what causes it in the lower back", "faq/lower_back_causes", "faq"),
        ("what is it exactly", "faq/what_is_art", "faq"),
    ],
)
def test_a_region_question_that_points_back_is_a_follow_up(text, topic, expected):
    message = Message(data={"text": text})
    ScopeClassifier._set_prediction(message, {topic: 0.7, "greet": 0.2})
    relabel(message)
    assert message.get("intent") == {"name": expected, "confidence": 0.7}
    assert message.get("intent_ranking")[0]["name"] == expected
    # The topic it was read as stays for the follow-up's answer.
    assert message.get("response_selector")["faq"]["response"]["intent_response_key"] == topic


@pytest.mark.parametrize(
    ("text", "expected"),
    [("maybe later", "deny"), ("maybe later thanks", "deny"), ("bye", "goodbye")],
)
def test_a_deferral_read_as_a_goodbye_declines(text, expected):
    message = Message(data={"text": text})
    ScopeClassifier._set_prediction(message, {"goodbye": 0.6, "deny": 0.3, "greet": 0.1})
    relabel(message)
    assert message.get("intent") == {"name": expected, "confidence": 0.6}
    assert message.get("intent_ranking")[0]["name"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("alright can i get looked at for this", "book_appointment"),
        ("does it work for that", "followup_treat"),
    ],
)
def test_a_visit_asked_as_a_follow_up_starts_the_booking_request(text, expected):
    message = Message(data={"text": text})
    ScopeClassifier._set_prediction(message, {"followup_treat": 0.4, "affirm": 0.2})
    relabel(message)
    assert message.get("intent") == {"name": expected, "confidence": 0.4}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("oh forget it, i'll ring the clinic myself", "cancel"), ("paint my fence", "out_of_scope")],
)
def test_a_calling_off_the_nlu_could_not_place_cancels(text, expected):
    message = Message(data={"text": text})
    ScopeClassifier._set_prediction(message, {"out_of_scope": 0.7, "cancel": 0.2})
    relabel(message)
    assert message.get("intent") == {"name": expected, "confidence": 0.7}
    assert message.get("intent_ranking")[0]["name"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ok i'll check with my physio first. thanks", "thank"), ("what time is it", "out_of_scope")],
)
def test_a_statement_the_nlu_could_not_place_that_ends_with_a_thanks_is_a_thanks(text, expected):
    message = Message(data={"text": text})
    ScopeClassifier._set_prediction(message, {"out_of_scope": 0.5, "thank": 0.1})
    relabel(message)
    assert message.get("intent") == {"name": expected, "confidence": 0.5}


def test_a_visit_asked_with_a_medication_question_is_left_to_that_answer():
    message = Message(data={"text": "can i take ibuprofen before i book a session"})
    ScopeClassifier._set_prediction(message, {"ask_medication": 0.8, "book_appointment": 0.2})
    relabel(message)
    assert message.get("intent")["name"] == "ask_medication"


def test_without_topics_there_is_no_response_selector_output():
    message = predicted({"greet": 0.8, "goodbye": 0.2})
    assert message.get("response_selector") is None
    assert message.get("intent")["name"] == "greet"


def test_a_message_without_text_gets_no_intent_for_the_fallback_to_reject():
    classifier = ScopeClassifier({"C": 30, "dense_weight": 2.0}, None, None)
    [message] = classifier.process([Message(data={"text": ""})])
    assert message.get("intent") == {"name": None, "confidence": 0.0}
    assert message.get("intent_ranking") == []


def test_a_message_written_in_spanish_is_read_by_the_spanish_model_when_there_is_one():
    config = {"C": 30, "dense_weight": 2.0, "spanish_model": True}
    models = {"en": ScopeModel(ScopeModelSettings()), "es": ScopeModel(ScopeModelSettings())}
    routed = ScopeClassifier(config, None, None, models)
    english_only = ScopeClassifier(config, None, None, {"en": models["en"]})

    assert routed._language("¿qué es ART y cómo funciona?") == "es"
    assert routed._language("tengo dolor de espalda baja, me sirve") == "es"
    assert routed._language("what is ART and how does it work") == "en"
    assert routed._language("ok") == "en"
    assert english_only._language("¿qué es ART y cómo funciona?") == "en"


def test_only_the_spanish_training_examples_words_route_a_message_the_detector_cannot_place():
    words = spanish_only_words(
        ["tengo un juanete en el pie", "me duele el codo", "is ART for my codo", "what is ART"]
    )
    assert words == {"tengo", "un", "juanete", "en", "el", "pie", "me", "duele"}
    assert reads_as_spanish("juanete", words)
    assert reads_as_spanish("Juanéte?", words)
    # "codo" is also in an example not written in Spanish; "ART?" is in no Spanish one.
    assert not reads_as_spanish("codo", words)
    assert not reads_as_spanish("ART?", words)
    # A message the detector reads as English stays with the English model.
    assert not reads_as_spanish("I have a juanete on my foot and it hurts", words)


def test_a_short_message_the_character_model_calls_english_but_the_lists_call_spanish_routes():
    words = spanish_only_words(["tengo dolor cronico en la nuca", "what is ART"])
    # py3langid reads "dolor cervical cronico" as English; "dolor" is a Spanish list word.
    assert reads_as_spanish("dolor cervical cronico", words)
    # Without a Spanish-only word, or with the lists leaning English, it stays English.
    assert not reads_as_spanish("lorem ipsum", words)
    assert not reads_as_spanish("my cronico back", words)
    # One Spanish-only word among words no list knows is no Spanish (the suite's d030).
    assert not reads_as_spanish("lorem ipsum dolor", words)


def test_the_spanish_words_route_only_when_asked_for():
    config = {"C": 30, "dense_weight": 2.0, "spanish_model": True}
    models = {"en": ScopeModel(ScopeModelSettings()), "es": ScopeModel(ScopeModelSettings())}
    words = frozenset({"juanete"})
    assert ScopeClassifier(config, None, None, models, words)._language("juanete") == "es"
    assert ScopeClassifier(config, None, None, models)._language("juanete") == "en"


def test_the_spanish_model_has_its_own_dense_weight_when_configured():
    config = {"C": 30, "dense_weight": 2.0, "spanish_model": True}
    weighted = ScopeClassifier({**config, "spanish_dense_weight": 1.0}, None, None)
    assert weighted._spanish_settings == ScopeModelSettings(
        c=30.0, dense_weight=1.0, fold_accents=True
    )
    assert weighted._settings.dense_weight == 2.0
    # Unset, the Spanish model weighs the embedding as the English one does.
    unset = ScopeClassifier({**config, "spanish_dense_weight": None}, None, None)
    assert unset._spanish_settings.dense_weight == 2.0
