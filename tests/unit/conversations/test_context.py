import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionAnswerFollowup
from clinic.conversations.context import (
    ASKS_WORKS,
    CAUSES,
    HELPS,
    LOWER_BACK,
    NECK,
    NEXT_LEVEL,
    OTHER_REGION,
    Followup,
    followup_in_words,
    how_asked,
    last_topic,
    region_named,
    resolve,
    response_of,
    topic_after,
)
from clinic.text.pointing_back import REGION_TOPICS, points_back
from testkit.coroutines import run_coroutine
from testkit.domain import load_domain


def message(text, intent, faq_topic=None):
    parse = {"intent": {"name": intent}}
    if faq_topic:
        parse["response_selector"] = {
            "faq": {"response": {"intent_response_key": f"faq/{faq_topic}"}}
        }
    return {"event": "user", "text": text, "parse_data": parse}


def answered(text, intent, faq_topic=None, slot=None):
    events = [message(text, intent, faq_topic), {"event": "action", "name": "utter_faq"}]
    if slot:
        events.append({"event": "slot", "name": "context_topic", "value": slot})
    return [*events, {"event": "bot", "text": "..."}, {"event": "action", "name": "action_listen"}]


def test_the_last_topic_is_the_last_answered_faq_topic_past_an_ok():
    events = [
        *answered("what causes neck pain", "faq", "neck_pain_causes"),
        *answered("ok", "affirm"),
        message("and the lower back?", "followup_what_about"),
    ]
    assert last_topic(events) == "neck_pain_causes"


def test_a_topic_set_by_a_follow_up_wins_over_older_messages():
    events = [
        *answered("what causes neck pain", "faq", "neck_pain_causes"),
        *answered("and the lower back?", "followup_what_about", slot="lower_back_causes"),
        message("tell me more", "followup_more"),
    ]
    assert last_topic(events) == "lower_back_causes"


def test_boundary_answers_are_topics_and_a_triage_answer_ends_the_context():
    events = [*answered("would art fix my knee", "other_condition"), message("why?", "x")]
    assert last_topic(events) == "other_condition"
    events = [
        *answered("what is art", "faq", "what_is_art"),
        *answered("crushing chest pain", "emergency"),
        message("tell me more", "followup_more"),
    ]
    assert last_topic(events) is None
    assert last_topic([message("tell me more", "followup_more")]) is None


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        ("what about the lower back?", ["lower back"], LOWER_BACK),
        ("and for the neck?", [], NECK),
        ("and my lumbar spine", [], LOWER_BACK),
        ("what about my knee", ["knee"], OTHER_REGION),
        ("what about it", [], None),
    ],
)
def test_region_named(text, regions, expected):
    assert region_named(text, regions) == expected


@pytest.mark.parametrize(
    ("intent", "topic", "region", "expected"),
    [
        (
            "followup_what_about",
            "neck_pain_causes",
            LOWER_BACK,
            Followup("lower_back_causes", LOWER_BACK),
        ),
        ("followup_what_about", "whiplash", LOWER_BACK, Followup("lower_back_pain", LOWER_BACK)),
        ("followup_what_about", "lower_back_pain", NECK, Followup("neck_pain", NECK)),
        ("followup_what_about", None, NECK, Followup("neck_pain", NECK)),
        ("followup_what_about", "neck_pain", OTHER_REGION, Followup("other_condition")),
        ("followup_what_about", "neck_pain", None, Followup(None)),
        ("followup_treat", "whiplash", None, Followup("treat", NECK)),
        ("followup_treat", "lower_back_causes", None, Followup("treat", LOWER_BACK)),
        ("followup_treat", "what_is_art", None, Followup("treat")),
        ("followup_treat", None, None, Followup(None)),
        ("followup_more", "what_is_art", None, Followup("how_art_works")),
        ("followup_more", "how_art_works", None, Followup("adhesions")),
        ("followup_more", "headaches", None, Followup("neck_pain_causes", "neck")),
        ("followup_more", "neck_pain_causes", None, Followup("neck_pain", NECK)),
        ("followup_more", "not_in_article", None, Followup("not_in_article")),
        ("followup_what_about", "not_in_article", LOWER_BACK, Followup("not_in_article")),
        ("followup_treat", "other_condition", None, Followup("other_condition")),
        ("followup_treat", "ask_practitioner_first", None, Followup("ask_practitioner_first")),
        ("followup_more", None, None, Followup(None)),
        # After a hip, "what about my lower back then?" switches to the covered region.
        (
            "followup_what_about",
            "other_condition",
            LOWER_BACK,
            Followup("lower_back_pain", LOWER_BACK),
        ),
        ("followup_what_about", "not_in_article", NECK, Followup("not_in_article")),
        ("followup_more", "why_effective", None, Followup("benefits")),
    ],
)
def test_a_follow_up_resolves_against_the_last_topic(intent, topic, region, expected):
    assert resolve(intent, topic, region) == expected


@pytest.mark.parametrize(
    ("intent", "topic", "text", "expected"),
    [
        (
            "followup_treat",
            "neck_pain_causes",
            "does it work for that?",
            Followup("neck_pain", NECK),
        ),
        (
            "followup_treat",
            "lower_back_causes",
            "how does ART help with it",
            Followup("lower_back_pain", LOWER_BACK),
        ),
        # How ART helps the neck is the answer that says whether it works for it (dev8).
        ("followup_treat", "neck_pain", "does it work for that?", Followup("neck_pain", NECK)),
        ("followup_treat", "how_art_works", "does it work for that?", Followup("adhesions")),
        (
            "followup_treat",
            "neck_pain_causes",
            "can your clinic help with this",
            Followup("treat", NECK),
        ),
        ("followup_treat", "whiplash", "is that something you treat?", Followup("treat", NECK)),
        ("followup_more", "athletes", "why?", Followup("why_effective")),
        ("followup_more", "lower_back_pain", "why?", Followup("why_effective", LOWER_BACK)),
        ("followup_more", "headaches", "why?", Followup("neck_pain_causes", NECK)),
        (
            "followup_more",
            "lower_back_pain",
            "tell me more",
            Followup("lower_back_causes", LOWER_BACK),
        ),
        ("followup_more", "candidacy", "tell me more", Followup("benefits")),
        ("followup_more", "why_effective", "why?", Followup("why_effective")),
        ("followup_more", "combined_care", "why combine them?", Followup("why_effective")),
        ("followup_more", "art_vs_massage", "why does that matter", Followup("why_effective")),
        ("followup_treat", "headaches", "does it work for that?", Followup("headaches", NECK)),
        ("followup_treat", "whiplash", "does it help with it?", Followup("whiplash", NECK)),
        (
            "followup_more",
            "whiplash",
            "tell me more about how that works",
            Followup("how_art_works", NECK),
        ),
        ("followup_more", "what_is_art", "ok and how does it work", Followup("how_art_works")),
        ("followup_more", "how_art_works", "more on how that works", Followup("adhesions")),
        (
            "followup_more",
            "lower_back_causes",
            "ok and the third one?",
            Followup("lower_back_causes", LOWER_BACK),
        ),
        ("followup_more", "art_vs_massage", "so what would i feel after", Followup("benefits")),
        (
            "followup_treat",
            "whiplash",
            "would it still help years later",
            Followup("whiplash", NECK),
        ),
        # "Your" is no "you": whether the therapy works, not whether the clinic treats it (dev8).
        (
            "followup_treat",
            "lower_back_causes",
            "great, so would your therapy help with it",
            Followup("lower_back_pain", LOWER_BACK),
        ),
        (
            "followup_treat",
            "lower_back_causes",
            "can you help with it",
            Followup("treat", LOWER_BACK),
        ),
    ],
)
def test_how_a_follow_up_asks_picks_the_answer(intent, topic, text, expected):
    assert resolve(intent, topic, None, how_asked(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what about my lower back then, does ART help that", "followup_what_about"),
        ("does it work for that even if theyre every day?", "followup_treat"),
        ("what's the weather like", None),
        ("does it work on weekends", None),
        ("why does that matter", "followup_more"),
        ("why combine them?", "followup_more"),
        ("why is the sky blue and the grass green today", None),
        ("would it still help years later", "followup_treat"),
        ("will it work even if i'm in my 70s", "followup_treat"),
        ("hmm what would people actually notice", "followup_more"),
        ("sorry what was the fourth one again", "followup_more"),
    ],
)
def test_a_follow_up_the_nlu_could_not_place_is_read_by_its_words(text, expected):
    assert followup_in_words(text) == expected


def test_a_treat_follow_up_naming_another_area_is_the_other_condition_answer():
    assert resolve("followup_treat", "athletes", OTHER_REGION, ASKS_WORKS) == Followup(
        "other_condition"
    )


def test_every_resolved_follow_up_has_a_response_in_the_domain():
    responses = load_domain()["responses"]
    topics = {*NEXT_LEVEL, *NEXT_LEVEL.values(), "not_in_article", "ask_practitioner_first"}
    followups = [Followup(topic) for topic in topics]
    followups += [Followup(None), Followup("treat"), Followup("treat", NECK)]
    followups += [Followup(name) for name in ("other_condition", "ask_medication", "ask_diagnosis")]
    for followup in followups:
        name, _ = response_of(followup)
        assert name in responses, followup


def test_the_area_a_treat_follow_up_names_is_in_the_conversations_language():
    assert response_of(Followup("treat", NECK)) == ("utter_followup_treat", {"area": "neck pain"})
    assert response_of(Followup("treat", LOWER_BACK), "es") == (
        "utter_followup_treat",
        {"area": "el dolor de espalda baja"},
    )


def test_the_topic_after_an_unclear_or_treat_follow_up_stays():
    assert topic_after(Followup(None), "whiplash") == "whiplash"
    assert topic_after(Followup("treat", NECK), "whiplash") == "whiplash"
    assert topic_after(Followup("lower_back_pain", LOWER_BACK), "neck_pain") == "lower_back_pain"


def run(events, text, intent, regions=(), read_as=None):
    entities = [{"entity": "BODY_REGION", "value": value} for value in regions]
    latest = {"text": text, "intent": {"name": intent}, "entities": entities}
    if read_as:
        latest["response_selector"] = {
            "faq": {"response": {"intent_response_key": f"faq/{read_as}"}}
        }
    events = [*events, {**message(text, intent), "parse_data": latest}]
    tracker = Tracker("t", {}, latest, events, False, None, None, "")
    dispatcher = CollectingDispatcher()
    result = run_coroutine(ActionAnswerFollowup().run(dispatcher, tracker, {}))
    return [(m["response"], m.get("area")) for m in dispatcher.messages], result


def test_the_action_answers_whats_treated_for_the_region_of_the_last_topic():
    events = answered("can art help after whiplash", "faq", "whiplash")
    assert run(events, "is that something you treat?", "followup_treat") == (
        [("utter_followup_treat", "neck pain")],
        [SlotSet("context_topic", "whiplash")],
    )


def test_the_action_switches_the_region_of_the_causes():
    events = answered("what usually causes neck pain", "faq", "neck_pain_causes")
    assert run(events, "and what about the lower back?", "followup_what_about", ["back"]) == (
        [("utter_faq/lower_back_causes", None)],
        [SlotSet("context_topic", "lower_back_causes")],
    )


def test_the_action_stays_on_not_in_article():
    events = answered("how much is a session", "faq", "not_in_article")
    responses, _ = run(events, "and the second one?", "followup_more")
    assert responses == [("utter_faq/not_in_article", None)]


@pytest.mark.parametrize(
    ("topic", "read_as", "expected"),
    [
        # "And what causes it in the first place" after the lower back: its causes.
        ("lower_back_pain", "neck_pain_causes", Followup("lower_back_causes", LOWER_BACK)),
        ("whiplash", "lower_back_pain", Followup("neck_pain", NECK)),
        # "How many sessions for that?" after the neck: the sessions answer, on the neck.
        ("neck_pain", "sessions_results", Followup("sessions_results", NECK)),
        # After the knee, the article still says nothing about it.
        ("other_condition", "sessions_results", Followup("other_condition")),
        ("not_in_article", "neck_pain_causes", Followup("not_in_article")),
        # No region to point back to: what the classifier read.
        ("what_is_art", "neck_pain_causes", Followup("neck_pain_causes")),
        (None, "lower_back_causes", Followup("lower_back_causes")),
    ],
)
def test_a_topic_question_that_points_back_takes_the_last_topics_region(topic, read_as, expected):
    assert resolve("followup_more", topic, None, None, read_as) == expected


@pytest.mark.parametrize(
    ("text", "read_as", "expected"),
    [
        ("and what causes it in the first place", "neck_pain_causes", True),
        ("how many sessions for that?", "sessions_results", True),
        ("how many sessions does it usually take?", "sessions_results", False),
        ("how many sessions would that take", "sessions_results", True),
        ("what causes neck pain", "neck_pain_causes", False),
        ("what causes it in my lower back", "lower_back_causes", False),
        ("what is it", "what_is_art", False),
        ("what causes it", None, False),
    ],
)
def test_points_back(text, read_as, expected):
    assert points_back(text, read_as) is expected


def test_the_action_answers_the_causes_for_the_region_of_the_last_topic():
    events = [
        *answered("does art help the lower back", "faq", "lower_back_pain"),
        *answered("no thanks", "deny"),
    ]
    text = "and what causes it in the first place"
    assert run(events, text, "followup_more", read_as="neck_pain_causes") == (
        [("utter_faq/lower_back_causes", None)],
        [SlotSet("context_topic", "lower_back_causes")],
    )


def test_the_region_topics_are_those_of_the_regions():
    assert {*HELPS.values(), *CAUSES.values()} == REGION_TOPICS


def test_why_does_that_work_asks_why():
    assert resolve("followup_treat", "how_art_works", None, how_asked("why does that work?")) == (
        Followup("why_effective")
    )
