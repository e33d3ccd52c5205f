import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionAnswerFollowup, ActionAnswerOffer
from clinic.conversations.offers import (
    OFFER_ACTION,
    TOPIC_OF_QUESTION,
    Offer,
    OfferAnswer,
    Step,
    answer_to_offer,
    button_payloads,
    declined_just_before,
    is_yes_to_go_on,
    last_offer,
    reconsidered_offer,
    reply_in_words,
    reply_to_offer_in_words,
)
from clinic.text.deferral import is_deferral
from testkit.coroutines import run_coroutine
from testkit.domain import load_domain

FAQ_BUTTONS = [
    {"title": "How does it work?", "payload": "How does ART work?"},
    {"title": "ART vs. massage", "payload": "How is ART different from massage?"},
]
CANDIDACY_BUTTONS = [
    {"title": "Request an appointment", "payload": "/book_appointment"},
    {"title": "Where is ART offered?", "payload": "Where is ART offered?"},
]
EVALUATION_BUTTONS = [
    {"title": "Request an evaluation", "payload": "/book_appointment"},
    {"title": "No, thanks", "payload": "/deny"},
]


def user(text, intent):
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def bot(text, buttons=None):
    return {"event": "bot", "text": text, "data": {"buttons": buttons}}


def action(name):
    return {"event": "action", "name": name}


def answered(text, intent, reply, buttons=None, by="utter_faq"):
    return [user(text, intent), action(by), bot(reply, buttons), action("action_listen")]


EVALUATION = Offer("Would you like to request an evaluation?", ("/book_appointment", "/deny"))
FAQ = Offer("ART is a hands-on soft-tissue therapy.", ("How does ART work?",))
GREETING = Offer(
    "Hi, I'm the ProClinix virtual assistant. What would you like to know?",
    ("What is ART?", "/book_appointment"),
)


@pytest.mark.parametrize(
    ("intent", "text", "offer", "expected"),
    [
        ("affirm", "sure", EVALUATION, OfferAnswer(Step.START_FORM, "utter_booking_intro")),
        (
            "affirm",
            "ok let's do it",
            EVALUATION,
            OfferAnswer(Step.START_FORM, "utter_booking_intro"),
        ),
        ("affirm", "ok", EVALUATION, OfferAnswer(Step.START_FORM, "utter_booking_intro")),
        ("affirm", "yes please", FAQ, OfferAnswer(Step.ANSWER_TOPIC, "how_art_works")),
        ("affirm", "ok", FAQ, OfferAnswer(Step.ASK_WHAT_ELSE)),
        ("affirm", "yes", None, OfferAnswer(Step.ASK_WHAT_ELSE)),
        ("affirm", "ok thanks anyway", None, OfferAnswer(Step.THANKED)),
        (
            "affirm",
            "sure",
            Offer("Sorry.", ("/human_handoff", "What is ART?")),
            OfferAnswer(Step.START_FORM, "utter_handoff_intro"),
        ),
        ("affirm", "yes", Offer("Hm?", ("/inform",)), OfferAnswer(Step.ASK_WHAT_ELSE)),
        (
            "affirm",
            "ok sure",
            Offer("ART releases adhesions.", ("What causes neck pain?", "/book_appointment")),
            OfferAnswer(Step.START_FORM, "utter_booking_intro"),
        ),
        ("deny", "no thanks", EVALUATION, OfferAnswer(Step.DECLINED)),
        ("deny", "not now", FAQ, OfferAnswer(Step.DECLINED)),
        ("deny", "thanks anyway", EVALUATION, OfferAnswer(Step.THANKED)),
        ("deny", "maybe later thanks", EVALUATION, OfferAnswer(Step.DECLINED)),
        ("deny", "not today, thank you", FAQ, OfferAnswer(Step.DECLINED)),
        ("deny", "no thanks", FAQ, OfferAnswer(Step.DECLINED)),
        # A yes that only puts off when, and a plain "why not", are yeses.
        (
            "deny",
            "yes but not this week",
            EVALUATION,
            OfferAnswer(Step.START_FORM, "utter_booking_intro"),
        ),
        ("deny", "why not", EVALUATION, OfferAnswer(Step.START_FORM, "utter_booking_intro")),
        ("deny", "yes but not now", EVALUATION, OfferAnswer(Step.DECLINED)),
        ("deny", "please don't", EVALUATION, OfferAnswer(Step.DECLINED)),
        # A deferral the NLU heard as a yes puts the offer off.
        ("affirm", "I'll think about it", EVALUATION, OfferAnswer(Step.DECLINED)),
        ("affirm", "let me think about it", FAQ, OfferAnswer(Step.DECLINED)),
        ("affirm", "sure, not today though", EVALUATION, OfferAnswer(Step.DECLINED)),
        # A yes that asks for the booking starts it, whatever came before.
        (
            "affirm",
            "actually, yes lets book",
            None,
            OfferAnswer(Step.START_FORM, "utter_booking_intro"),
        ),
        # An "ok" or a yes after an open question (the greeting's) accepts no button: a yes
        # cannot answer "What would you like to know?" (dev8's "yes i do").
        ("affirm", "ok", GREETING, OfferAnswer(Step.ASK_WHAT_ELSE)),
        ("affirm", "sure", GREETING, OfferAnswer(Step.ASK_WHAT_ELSE)),
        ("affirm", "yeah i have one", GREETING, OfferAnswer(Step.ASK_WHAT_ELSE)),
        # A visit asked for after it still starts the request.
        (
            "affirm",
            "yes, book me in",
            GREETING,
            OfferAnswer(Step.START_FORM, "utter_booking_intro"),
        ),
        # The NLU heard a no in "why not": the words say yes.
        (
            "deny",
            "ok sure why not",
            EVALUATION,
            OfferAnswer(Step.START_FORM, "utter_booking_intro"),
        ),
    ],
)
def test_a_typed_yes_takes_up_the_offered_request_else_the_first_topic_a_no_declines(
    intent, text, offer, expected
):
    assert answer_to_offer(intent, text, offer, declined_before=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hmm maybe another time", True),
        ("not right now, thanks", True),
        ("i'll think about it", True),
        ("I\u2019ll think about it", True),
        ("sure", False),
        ("what time do you open", False),
    ],
)
def test_a_no_that_puts_the_offer_off(text, expected):
    assert is_deferral(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok yes, I'd like to ask a practitioner", True),
        ("yes i think i should get evaluated", True),
        ("Yeah, I'd like someone to look at it", True),
        ("well sure, let's", True),
        ("no i'll ask my surgeon first thanks", False),
        ("nah, just wanted to know", False),
        ("Nope.", False),
        # A question after the yes or the no is answered as one.
        ("yes please, and do you take insurance?", None),
        ("no, how much is it", None),
        ("no but what about my lower back", None),
        ("please do", True),
        ("yh", True),
        ("okie", True),
        ("hmm", None),
        ("is it safe for me", None),
        ("not sure", None),
        ("hmm probably not, money is tight this month", False),
        ("not really, i'm fine", False),
        ("probably", None),
        ("not really sure what you mean", None),
    ],
)
def test_a_yes_or_a_no_by_how_the_message_opens(text, expected):
    assert reply_in_words(text) is expected


def test_a_yes_or_a_no_in_words_answers_only_an_offer_that_asks():
    assert reply_to_offer_in_words("yes i'd like that", EVALUATION) == "affirm"
    assert reply_to_offer_in_words("no i'm all set", EVALUATION) == "deny"
    assert reply_to_offer_in_words("yes i'd like that", FAQ) is None
    neck = Offer("ART works on the soft tissues.", ("How does ART work?", "/book_appointment"))
    assert reply_to_offer_in_words("hmm probably not, money is tight", neck) == "deny"
    assert reply_to_offer_in_words("yes i'd like that", neck) is None
    assert reply_to_offer_in_words("no i'm all set", FAQ) is None
    assert reply_to_offer_in_words("yes i'd like that", None) is None


def test_a_second_no_in_a_row_does_not_ask_again():
    assert answer_to_offer("deny", "no", EVALUATION, declined_before=True) == OfferAnswer(
        Step.DECLINED_AGAIN
    )


def test_the_offer_is_the_last_message_with_buttons_of_the_turn_before():
    events = [
        *answered("what is art", "faq", "ART is ...", FAQ_BUTTONS),
        *answered("hmm", "nlu_fallback", "Sorry?", None, by="action_fallback"),
        user("yes", "affirm"),
    ]
    assert last_offer(events) is None
    events = [*answered("what is art", "faq", "ART is ...", FAQ_BUTTONS), user("yes", "affirm")]
    assert last_offer(events) == Offer(
        "ART is ...", ("How does ART work?", "How is ART different from massage?")
    )


def test_a_no_counts_as_declined_before_only_when_the_offer_logic_answered_it():
    first_no = answered("no", "deny", "No problem.", None, by=OFFER_ACTION)
    assert declined_just_before([*first_no, user("no", "deny")])
    assert not declined_just_before([*answered("no", "deny", "?"), user("no", "deny")])
    assert not declined_just_before([user("no", "deny")])


def test_every_question_an_answer_offers_as_a_button_has_its_topic():
    responses = load_domain()["responses"]
    questions = {payload for payload in button_payloads(responses) if not payload.startswith("/")}
    assert {question.lower() for question in questions} == set(TOPIC_OF_QUESTION)
    for topic in TOPIC_OF_QUESTION.values():
        assert f"utter_faq/{topic}" in responses


ASKING_NAME = {"requested_slot": "full_name", "full_name": None, "answer_misses": 0}


def run(events, text, intent, active_loop=None, slots=None):
    latest = {"text": text, "intent": {"name": intent}}
    events = [*events, user(text, intent)]
    tracker = Tracker("t", slots or {}, latest, events, False, None, active_loop, "")
    dispatcher = CollectingDispatcher()
    result = run_coroutine(ActionAnswerOffer().run(dispatcher, tracker, {}))
    return [message["response"] for message in dispatcher.messages], result


def test_the_action_starts_the_booking_request_after_an_evaluation_offer():
    events = answered("do i have a slipped disc", "ask_diagnosis", "Would you?", EVALUATION_BUTTONS)
    assert run(events, "sure", "affirm") == (
        ["utter_booking_intro"],
        [FollowupAction("booking_form")],
    )


def test_the_action_answers_the_offered_topic_and_keeps_it_as_the_context():
    events = answered("what is art", "faq", "ART is ...", FAQ_BUTTONS)
    assert run(events, "yes please", "affirm") == (
        ["utter_faq/how_art_works"],
        [SlotSet("context_topic", "how_art_works")],
    )


def test_the_action_declines_then_ends_without_asking_again():
    events = answered("do i have a slipped disc", "ask_diagnosis", "Would you?", EVALUATION_BUTTONS)
    responses, _ = run(events, "no thanks", "deny")
    assert responses == ["utter_offer_declined"]
    events = [*events, *answered("no thanks", "deny", "No problem.", None, by=OFFER_ACTION)]
    responses, _ = run(events, "not now", "deny")
    assert responses == ["utter_offer_declined_again"]


def test_inside_the_booking_request_the_action_leaves_the_question_to_the_form():
    events = answered("what is art", "faq", "ART is ...", FAQ_BUTTONS)
    assert run(events, "ok", "affirm", {"name": "booking_form"}) == ([], [])


def test_a_no_to_the_first_question_of_a_request_just_started_drops_it():
    events = answered("can i talk to a person", "human_handoff", "What is your full name?", None)
    form = {"name": "booking_form"}
    responses, result = run(events, "nah i'm good actually", "deny", form, ASKING_NAME)
    assert responses == ["utter_offer_declined"]
    assert result[0] == ActiveLoop(None)
    assert SlotSet("requested_slot", None) in result
    # Once a question was missed, or later in the request, a no is left to the form.
    missed = {**ASKING_NAME, "answer_misses": 1}
    assert run(events, "no", "deny", form, missed) == ([], [])
    later = {"requested_slot": "contact", "full_name": "Sam Lee"}
    assert run(events, "no", "deny", form, later) == ([], [])


def test_a_no_right_after_asking_for_the_request_stops_it():
    events = answered("BOOK ME", "book_appointment", "What is your full name?", None)
    form = {"name": "booking_form"}
    responses, result = run(events, "NO WAIT I DONT WANT TO DO THIS", "deny", form, ASKING_NAME)
    assert responses == ["utter_booking_cancelled"]
    assert result[0] == ActiveLoop(None)


def test_the_decline_replies_ask_once_then_not_again():
    responses = load_domain()["responses"]
    assert all(v["text"].endswith("?") for v in responses["utter_offer_declined"])
    assert not any("?" in v["text"] for v in responses["utter_offer_declined_again"])


@pytest.mark.parametrize(
    ("intent", "text", "expected"),
    [
        ("followup_more", "yeah go on then", True),
        ("followup_more", "sure, go on", True),
        ("followup_more", "go on", False),
        ("followup_more", "yes, tell me more", False),
        ("followup_more", "ok but why?", False),
        ("affirm", "yeah go on then", False),
    ],
)
def test_a_go_on_with_a_yes_is_a_yes_to_the_offer(intent, text, expected):
    assert is_yes_to_go_on(intent, text) is expected


def test_yeah_go_on_after_an_evaluation_offer_starts_the_request():
    events = answered("is art right for me", "faq", "It may be worth it.", CANDIDACY_BUTTONS)
    latest = {"text": "yeah go on then", "intent": {"name": "followup_more"}}
    tracker = Tracker(
        "t", {}, latest, [*events, user("yeah go on then", "followup_more")], False, None, None, ""
    )
    dispatcher = CollectingDispatcher()
    result = run_coroutine(ActionAnswerFollowup().run(dispatcher, tracker, {}))
    assert [message["response"] for message in dispatcher.messages] == ["utter_booking_intro"]
    assert result == [FollowupAction("booking_form")]


def test_a_yes_that_takes_back_the_no_just_given_takes_up_the_declined_offer():
    events = [
        *answered("my neck is stiff", "faq", "Would you?", EVALUATION_BUTTONS),
        *answered("no", "deny", "That's fine. Anything else?", None, by=OFFER_ACTION),
    ]
    assert run(events, "actually wait, yeah lets do it", "affirm") == (
        ["utter_booking_intro"],
        [FollowupAction("booking_form")],
    )
    # A plain yes to "anything else?" takes nothing up.
    assert run(events, "yes", "affirm") == (["utter_ask_question"], [])
    assert reconsidered_offer([*events, user("yes", "affirm")], "yes") is None
