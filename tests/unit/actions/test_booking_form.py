import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.booking_form import ValidateBookingForm
from clinic.paths import REPO_ROOT
from testkit.coroutines import run_coroutine
from testkit.domain import load_domain
from testkit.trackers import entity, make_tracker

DOMAIN = {}
FORM = ValidateBookingForm()
SPACY_MODEL = REPO_ROOT / "build" / "spacy" / "en_proclinix"


@pytest.fixture
def dispatcher():
    return CollectingDispatcher()


def texts(dispatcher):
    return [message["text"] for message in dispatcher.messages]


def test_valid_name_is_normalised(dispatcher):
    result = FORM.validate_full_name("  Jane   O'Neil ", dispatcher, make_tracker(), DOMAIN)
    assert result == {"full_name": "Jane O'Neil"}
    assert dispatcher.messages == []


def test_a_name_after_a_yes_that_the_nlu_read_as_the_yes_is_taken(dispatcher):
    tracker = make_tracker(
        {"requested_slot": "full_name", "booking_request_id": "r"},
        text="ok fine, Jasmine Ortiz",
        intent="affirm",
    )
    assert run_form(dispatcher, tracker)["full_name"] == "Jasmine Ortiz"


@pytest.mark.parametrize("text", ["ok let's do it", "yes please", "yes, please", "sure"])
def test_a_yes_with_no_name_at_the_name_question_fills_no_name(dispatcher, text):
    tracker = make_tracker(
        {"requested_slot": "full_name", "booking_request_id": "r"}, text=text, intent="affirm"
    )
    assert "full_name" not in run_form(dispatcher, tracker)


def test_a_no_at_the_name_question_fills_no_name(dispatcher):
    tracker = make_tracker(
        {"requested_slot": "full_name", "booking_request_id": "r"},
        text="nah nevermind",
        intent="deny",
    )
    assert "full_name" not in run_form(dispatcher, tracker)


def test_invalid_name_is_asked_again_with_a_reason(dispatcher):
    result = FORM.validate_full_name("12345", dispatcher, make_tracker(), DOMAIN)
    assert result == {"full_name": None}
    assert texts(dispatcher) == ["Please tell me your name using letters."]


def test_a_phone_number_given_instead_of_a_name_is_not_taken_as_the_name(dispatcher):
    tracker = make_tracker(
        text="my number is 914 555 0123", entities=[entity("phone_number", "914 555 0123")]
    )
    assert FORM.validate_full_name("my number is", dispatcher, tracker, DOMAIN) == {
        "full_name": None
    }


def contact_tracker(text, **slots):
    return make_tracker({"requested_slot": "contact", **slots}, text=text)


@pytest.mark.parametrize(
    ("answer", "phone", "email"),
    [
        ("(914) 555-0123", "+19145550123", None),
        ("jane@example.com", None, "jane@example.com"),
        ("914.555.0123 or Jane@Example.COM", "+19145550123", "Jane@example.com"),
    ],
)
def test_contact_answer_fills_phone_and_or_email(dispatcher, answer, phone, email):
    result = FORM.validate_contact(answer, dispatcher, contact_tracker(answer), DOMAIN)
    assert result["contact_phone"] == phone
    assert result["contact_email"] == email
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("answer", "phone", "extension"),
    [
        ("my work line 914-555-0111 ext. 23", "+19145550111", "23"),
        ("(914) 555 0161 x4", "+19145550161", "4"),
        ("914-555-0123 ext 12", "+19145550123", "12"),
    ],
)
def test_an_office_line_with_an_extension_is_taken_with_it(dispatcher, answer, phone, extension):
    result = FORM.validate_contact(answer, dispatcher, contact_tracker(answer), DOMAIN)
    assert (result["contact_phone"], result["contact_phone_extension"]) == (phone, extension)
    assert dispatcher.messages == []


def test_a_new_email_keeps_the_phone_and_its_extension(dispatcher):
    slots = {
        "requested_slot": "preferred_time",
        "contact_phone": "+19145550123",
        "contact_phone_extension": "12",
    }
    text = "my email is jane@example.com"
    result = FORM.validate_contact(text, dispatcher, make_tracker(slots, text=text), DOMAIN)
    assert result["contact_phone"] == "+19145550123"
    assert result["contact_phone_extension"] == "12"
    assert result["contact_email"] == "jane@example.com"


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("555-0123", "not complete or not valid"),
        ("555-01", "include the area code"),
        ("jane@", "email address does not look right"),
        ("call me whenever", "I need a phone number or an email address"),
        ("after 5pm works", "I need a phone number or an email address"),
    ],
)
def test_invalid_contact_is_asked_again_with_a_reason(dispatcher, answer, reason):
    result = FORM.validate_contact(answer, dispatcher, contact_tracker(answer), DOMAIN)
    assert result == {"contact": None}
    assert reason in texts(dispatcher)[0]


def answered(slots, text, intent="inform", **slot_events):
    """A tracker as the form validation gets it: the message, and the slots Rasa's own mappings
    filled from it."""
    tracker = make_tracker(slots, text=text, intent=intent)
    tracker.events.extend(
        {"event": "slot", "name": name, "value": value} for name, value in slot_events.items()
    )
    return tracker


def run_form(dispatcher, tracker):
    return {
        event["name"]: event["value"]
        for event in run_coroutine(FORM.run(dispatcher, tracker, load_domain()))
    }


def button_titles(dispatcher):
    return [button["title"] for message in dispatcher.messages for button in message["buttons"]]


def test_first_miss_asks_again_without_the_way_out(dispatcher):
    tracker = answered(
        {"requested_slot": "preferred_time", "booking_request_id": "r"}, "ok", preferred_time="ok"
    )
    assert run_form(dispatcher, tracker) == {"preferred_time": None, "answer_misses": 1}
    assert button_titles(dispatcher) == []


@pytest.mark.parametrize(
    ("step", "answer", "choices"),
    [
        ("patient_status", "maybe", ["New patient", "Returning patient"]),
        ("concern", "hello", ["Neck", "Lower back", "Something else"]),
        ("preferred_time", "idk", []),
        ("full_name", "12345", []),
    ],
)
def test_second_miss_at_a_step_offers_its_choices_a_callback_and_cancel(
    dispatcher, step, answer, choices
):
    slots = {"requested_slot": step, "booking_request_id": "r", "answer_misses": 1}
    tracker = answered(slots, answer, **{step: answer})
    assert run_form(dispatcher, tracker) == {step: None, "answer_misses": 2}
    help_message = dispatcher.messages[-1]
    assert help_message["response"] == "utter_answer_help"
    assert [button["title"] for button in help_message["buttons"]] == [
        *choices,
        "Request a callback",
        "Cancel the request",
    ]
    assert help_message["buttons"][-2:] == [
        {"title": "Request a callback", "payload": "/human_handoff"},
        {"title": "Cancel the request", "payload": "/cancel"},
    ]


def test_second_failed_contact_explains_why_and_offers_to_cancel(dispatcher):
    slots = {"requested_slot": "contact", "booking_request_id": "r", "answer_misses": 1}
    tracker = answered(slots, "nope", contact="nope")
    assert run_form(dispatcher, tracker) == {"contact": None, "answer_misses": 2}
    assert dispatcher.messages[-1]["response"] == "utter_contact_help"
    assert dispatcher.messages[-1]["buttons"] == [
        {"title": "Cancel the request", "payload": "/cancel"}
    ]


def test_an_answer_after_misses_starts_the_count_again(dispatcher):
    slots = {"requested_slot": "patient_status", "booking_request_id": "r", "answer_misses": 1}
    tracker = answered(slots, "never been", patient_status="never been")
    assert run_form(dispatcher, tracker) == {"patient_status": "new", "answer_misses": 0}
    assert dispatcher.messages == []


def test_asking_to_change_a_detail_is_no_miss(dispatcher):
    slots = {"requested_slot": "booking_confirmed", "booking_request_id": "r", "answer_misses": 1}
    tracker = answered(slots, "no", intent="deny", booking_confirmed=False)
    assert run_form(dispatcher, tracker) == {"booking_confirmed": None, "choosing_detail": True}


def test_a_contact_correction_while_another_question_is_open_is_no_miss(dispatcher):
    slots = {"requested_slot": "preferred_time", "booking_request_id": "r", "answer_misses": 1}
    text = "actually my number is 914 555 0199"
    tracker = answered(slots, text, preferred_time=text)
    tracker.latest_message["entities"] = [entity("phone_number", "914 555 0199")]
    events = run_form(dispatcher, tracker)
    assert events["preferred_time"] is None
    assert events["contact_phone"] == "+19145550199"
    assert "answer_misses" not in events


@pytest.mark.parametrize(
    ("answer", "intent", "status"),
    [
        ("yeah I've been there before, saw Dr. Patel last spring", "affirm", "returning"),
        ("nope, this is my first time", "deny", "new"),
    ],
)
def test_a_status_the_nlu_read_as_yes_or_no_is_read_from_the_words(
    dispatcher, answer, intent, status
):
    tracker = answered(
        {"requested_slot": "patient_status", "booking_request_id": "r"}, answer, intent
    )
    assert run_form(dispatcher, tracker) == {"patient_status": status}


def test_a_yes_or_no_only_fills_a_free_text_step_when_it_is_the_question(dispatcher):
    tracker = answered({"requested_slot": "full_name", "booking_request_id": "r"}, "yes", "affirm")
    assert run_form(dispatcher, tracker) == {}


@pytest.mark.parametrize(
    ("answer", "intent", "confirmed"),
    [("looks good to me, thanks", "thank", True), ("all good", "inform", True)],
)
def test_a_confirmation_the_nlu_missed_is_read_from_the_words(
    dispatcher, answer, intent, confirmed
):
    slots = {"requested_slot": "booking_confirmed", "booking_request_id": "r"}
    assert run_form(dispatcher, answered(slots, answer, intent)) == {"booking_confirmed": confirmed}


def test_a_reply_to_the_confirmation_that_is_neither_asks_again(dispatcher):
    slots = {"requested_slot": "booking_confirmed", "booking_request_id": "r"}
    assert run_form(dispatcher, answered(slots, "hmm", "nlu_fallback")) == {
        "booking_confirmed": None,
        "answer_misses": 1,
    }
    assert texts(dispatcher) == ["Shall I send it? Please answer yes, or tell me what to change."]


@pytest.mark.parametrize("step", ["concern", "preferred_time"])
def test_free_text_steps_refuse_replies_that_answer_nothing(dispatcher, step):
    tracker = make_tracker({"requested_slot": step})
    assert getattr(FORM, f"validate_{step}")("thanks!", dispatcher, tracker, DOMAIN) == {step: None}
    assert len(dispatcher.messages) == 1


def test_a_name_in_a_sentence(dispatcher):
    assert FORM.validate_full_name("my name is Jane Doe", dispatcher, make_tracker(), DOMAIN) == {
        "full_name": "Jane Doe"
    }


def test_a_later_phone_correction_keeps_the_email(dispatcher):
    text = "actually my number is 914 555 0199"
    tracker = make_tracker(
        {
            "requested_slot": "preferred_time",
            "contact_phone": "+19145550123",
            "contact_email": "jo@x.io",
        },
        text=text,
        entities=[entity("phone_number", "914 555 0199")],
    )
    assert run_coroutine(FORM.extract_contact(dispatcher, tracker, DOMAIN)) == {"contact": text}
    result = FORM.validate_contact(text, dispatcher, tracker, DOMAIN)
    assert result["contact_phone"] == "+19145550199"
    assert result["contact_email"] == "jo@x.io"
    assert texts(dispatcher) == ["Thanks, I've updated your contact details."]


def test_an_invalid_correction_keeps_the_details_given_before(dispatcher):
    tracker = make_tracker(
        {"requested_slot": "preferred_time", "contact_phone": "+19145550123"},
        text="my number is 555 0199",
    )
    result = FORM.validate_contact("my number is 555 0199", dispatcher, tracker, DOMAIN)
    assert result == {"contact": "+19145550123"}
    assert "not complete or not valid" in texts(dispatcher)[0]


def test_no_contact_extraction_without_contact_details(dispatcher):
    tracker = make_tracker({"requested_slot": "preferred_time"}, text="mornings")
    assert run_coroutine(FORM.extract_contact(dispatcher, tracker, DOMAIN)) == {}


def test_the_region_the_starting_message_names_is_no_concern(dispatcher):
    """ "Book me in for my back": the concern question is still asked, as visitors expect."""
    starting = make_tracker(
        {"body_region": "lower back"},
        text="book me in for my lower back",
        intent="book_appointment",
        entities=[entity("BODY_REGION", "lower back")],
    )
    assert run_coroutine(FORM.extract_concern(dispatcher, starting, DOMAIN)) == {}


def test_a_region_named_before_the_request_or_in_a_question_meanwhile_is_no_concern(dispatcher):
    """ "Can ART help lower back pain?", then "ok let's do it": the concern question is asked;
    "what causes lower back pain?" at the contact question fills nothing either."""
    earlier = make_tracker({"body_region": "lower back"}, text="ok let's do it", intent="affirm")
    assert run_coroutine(FORM.extract_concern(dispatcher, earlier, DOMAIN)) == {}
    meanwhile = make_tracker(
        {"body_region": "lower back", "requested_slot": "contact"},
        text="what causes lower back pain anyway",
        intent="faq",
        entities=[entity("BODY_REGION", "lower back")],
    )
    assert run_coroutine(FORM.extract_concern(dispatcher, meanwhile, DOMAIN)) == {}
    call_back = make_tracker(
        text="can someone call me back?",
        intent="human_handoff",
        entities=[entity("BODY_REGION", "back")],
    )
    assert run_coroutine(FORM.extract_concern(dispatcher, call_back, DOMAIN)) == {}


@pytest.mark.parametrize(
    ("answer", "region", "concern"),
    [
        ("la espalda baja", "espalda baja", {"concern": "lower back"}),
        ("el cuello", "cuello", {"concern": "neck"}),
        ("dolor en la parte baja de la espalda", None, {"concern": "lower back"}),
        ("stiff neck from working at a laptop", "neck", {"concern": "neck"}),
        ("how long is a session?", None, {}),
        ("sciatica, left side", None, {"concern": "sciatica, left side"}),
        ("how does ART help the neck", "neck", {}),
    ],
)
def test_an_answer_that_is_just_an_area_is_the_concern_whatever_the_nlu_read(
    dispatcher, answer, region, concern
):
    # The region as the spaCy entity ruler finds it in the answer, in either language.
    tracker = make_tracker(
        {"requested_slot": "concern", "body_region": region},
        text=answer,
        intent="faq",
        entities=[entity("BODY_REGION", region)] if region else [],
    )
    assert run_coroutine(FORM.extract_concern(dispatcher, tracker, DOMAIN)) == concern


def test_a_concern_told_with_a_region_the_nlu_read_as_its_question_is_the_concern(dispatcher):
    tracker = make_tracker(
        {"requested_slot": "concern"},
        text="bad back, it's been niggling for months, worse after football",
        intent="faq",
        entities=[entity("BODY_REGION", "back")],
    )
    assert run_coroutine(FORM.extract_concern(dispatcher, tracker, DOMAIN)) == {
        "concern": "lower back"
    }


@pytest.mark.parametrize(
    ("answer", "entities", "concern"),
    [
        ("neck", [], "neck"),
        ("other", [], "other"),
        ("my lumbar area", [entity("BODY_REGION", "lumbar")], "lower back"),
        ("my right shoulder", [entity("BODY_REGION", "shoulder")], "other: my right shoulder"),
        ("Low back pain.", [], "lower back"),
        ("tight calves from running", [], "other: tight calves from running"),
    ],
)
def test_concern_answers(dispatcher, answer, entities, concern):
    tracker = make_tracker({"requested_slot": "concern"}, text=answer, entities=entities)
    assert FORM.validate_concern(answer, dispatcher, tracker, DOMAIN) == {"concern": concern}


def test_preferred_time_is_cleaned_and_bounded(dispatcher):
    tracker = make_tracker({"requested_slot": "preferred_time"})
    assert FORM.validate_preferred_time(" Tue \n after 4pm ", dispatcher, tracker, DOMAIN) == {
        "preferred_time": "Tue after 4pm"
    }
    assert FORM.validate_preferred_time("x" * 500, dispatcher, tracker, DOMAIN) == {
        "preferred_time": None
    }
    assert "under 200 characters" in texts(dispatcher)[0]


def test_patient_status(dispatcher):
    tracker = make_tracker({"requested_slot": "patient_status"})
    assert FORM.validate_patient_status("I'm new", dispatcher, tracker, DOMAIN) == {
        "patient_status": "new"
    }
    assert FORM.validate_patient_status("maybe", dispatcher, tracker, DOMAIN) == {
        "patient_status": None
    }
    assert [button["title"] for button in dispatcher.messages[0]["buttons"]] == [
        "New patient",
        "Returning patient",
    ]


def test_confirmation_yes_and_change(dispatcher):
    tracker = make_tracker({"requested_slot": "booking_confirmed"})
    assert FORM.validate_booking_confirmed(True, dispatcher, tracker, DOMAIN) == {
        "booking_confirmed": True
    }
    assert dispatcher.messages == []
    assert FORM.validate_booking_confirmed(False, dispatcher, tracker, DOMAIN) == {
        "booking_confirmed": None,
        "choosing_detail": True,
    }
    payloads = [button["payload"] for button in dispatcher.messages[0]["buttons"]]
    assert '/change_detail{"detail": "contact"}' in payloads
    assert len(payloads) == 5


def request_ids(events):
    return [event["value"] for event in events if event["name"] == "booking_request_id"]


def test_duplicate_key_per_form_start_a_form_run_gets_its_own_request_id(dispatcher):
    starting = make_tracker({"requested_slot": None}, text="I'd like to book")
    first = request_ids(run_coroutine(FORM.run(dispatcher, starting, load_domain())))
    again = request_ids(run_coroutine(FORM.run(dispatcher, starting, load_domain())))
    assert len(first) == len(again) == 1
    assert len(first[0]) == 32
    assert first != again


def test_duplicate_key_per_form_start_the_id_stays_for_the_whole_run(dispatcher):
    tracker = make_tracker(
        {"booking_request_id": "run-1", "requested_slot": "full_name"}, text="Jane Doe"
    )
    events = run_coroutine(FORM.run(dispatcher, tracker, load_domain()))
    assert request_ids(events) == []


def test_validate_every_slot_an_overlong_other_concern_from_a_payload_is_refused(dispatcher):
    """Finding 12: a concern set by a payload is validated like a typed one."""
    # /inform{"concern": "other: ..."} sets the slot through the entity, not the typed answer.
    value = "other: " + "x" * 500
    tracker = make_tracker(
        text=f'/inform{{"concern": "{value}"}}', entities=[entity("concern", value)]
    )
    assert FORM.validate_concern(value, dispatcher, tracker, DOMAIN) == {"concern": None}
    assert texts(dispatcher) == ["Please keep the concern under 120 characters."]


def test_validate_every_slot_a_payload_concern_is_cleaned_like_typed_words(dispatcher):
    value = "other: tight\x00  calves\u200b\nfrom running"
    tracker = make_tracker(entities=[entity("concern", value)])
    assert FORM.validate_concern(value, dispatcher, tracker, DOMAIN) == {
        "concern": "other: tight calves from running"
    }
    assert texts(dispatcher) == []


@pytest.mark.parametrize("value", ["neck", "lower back", "other"])
def test_validate_every_slot_the_buttons_still_pass(dispatcher, value):
    tracker = make_tracker(entities=[entity("concern", value)])
    assert FORM.validate_concern(value, dispatcher, tracker, DOMAIN) == {"concern": value}


@pytest.fixture(scope="module")
def entity_ruler():
    """The project's own spaCy pipeline, as the NLU runs it: its BODY_REGION entities."""
    spacy = pytest.importorskip("spacy")
    return spacy.load(SPACY_MODEL)


# How people answer "What would you like help with?", with the entities the NLU finds in it.
CONCERN_ANSWERS = [
    ("Neck", "neck"),
    ("it's my neck mostly", "neck"),
    ("my neck's been killing me for a week", "neck"),
    ("stiff neck from my desk job", "neck"),
    ("pain in the back of my neck", "neck"),
    ("lower back pain", "lower back"),
    ("low back, mostly on the left side", "lower back"),
    ("my lumbar area", "lower back"),
    ("my back", "lower back"),
    ("lowr back", "lower back"),
    ("tight calves from running", "other: tight calves from running"),
    ("my right shoulder", "other: my right shoulder"),
    ("neck and shoulders, from sleeping wrong", "neck"),
    ("headaches", "other: headaches"),
]


@pytest.mark.parametrize(("answer", "concern"), CONCERN_ANSWERS)
def test_concerns_in_the_visitors_own_words(dispatcher, entity_ruler, answer, concern):
    found = [
        entity("BODY_REGION", span.text)
        for span in entity_ruler(answer).ents
        if span.label_ == "BODY_REGION"
    ]
    tracker = make_tracker({"requested_slot": "concern"}, text=answer, entities=found)
    assert FORM.validate_concern(answer, dispatcher, tracker, DOMAIN) == {"concern": concern}


# How people answer "Which days and times suit you best?"; kept as they wrote it.
@pytest.mark.parametrize(
    "answer",
    [
        "mornings work best",
        "Tuesday after 4pm",
        "any weekday after 5pm",
        "weekends only",
        "I'm flexible, any time",
        "no preference",
        "after work, around 6",
        "whenever works for you",
        "early mornings before 8 if possible",
        "Mon/Wed/Fri lunchtime",
        "tuesdy or thursdy mornig",
        "yes, mornings are better for me",
        "is saturday morning ok?",
    ],
)
def test_preferred_times_in_the_visitors_own_words(dispatcher, answer):
    tracker = make_tracker({"requested_slot": "preferred_time"}, text=answer)
    result = FORM.validate_preferred_time(answer, dispatcher, tracker, DOMAIN)
    assert result == {"preferred_time": answer}


@pytest.mark.parametrize(
    "answer",
    [
        "yes", "No.", "ok", "thanks", "idk", "hello", "  ",
        # A question that names no time is asked, not the time to pass on.
        "which location is this? im coming from stamford", "what do you have open",
    ],
)  # fmt: skip
def test_replies_that_give_no_time_are_refused(dispatcher, answer):
    tracker = make_tracker({"requested_slot": "preferred_time"}, text=answer)
    result = FORM.validate_preferred_time(answer, dispatcher, tracker, DOMAIN)
    assert result == {"preferred_time": None}
    assert len(dispatcher.messages) == 1


# How people answer "What's the best phone number or email address to reach you?".
@pytest.mark.parametrize(
    ("answer", "contact"),
    [
        ("you can reach me at (914) 555-0177", "+19145550177"),
        ("cell 914-555-0123, or email me at jo@x.io", "+19145550123, jo@x.io"),
        ("my email is jane.doe@example.com thanks", "jane.doe@example.com"),
        ("914 555 0123 (mobile)", "+19145550123"),
        ("text me at 9145550123", "+19145550123"),
        ("it's 914-555-0123", "+19145550123"),
        ("call me on 646 555 0134 please", "+16465550134"),
        ("email: kwalsh@example.org", "kwalsh@example.org"),
        ("best is my cell, 917.555.0133", "+19175550133"),
        ("+44 20 7946 0958 (I'm in London)", "+442079460958"),
        ("omar dot haddad at outlook dot com", "omar.haddad@outlook.com"),
    ],
)
def test_contacts_in_the_visitors_own_words(dispatcher, answer, contact):
    result = FORM.validate_contact(answer, dispatcher, contact_tracker(answer), DOMAIN)
    assert result["contact"] == contact


def spanish(slots=None, **more):
    return {**(slots or {}), "language": "es", **more}


def test_a_spanish_conversation_is_told_the_problem_in_spanish(dispatcher):
    answer = "555-0123"
    tracker = contact_tracker(answer, language="es")
    assert FORM.validate_contact(answer, dispatcher, tracker, DOMAIN) == {"contact": None}
    assert texts(dispatcher) == [
        "Ese número de teléfono no está completo o no es válido. Por favor, incluya el código de "
        "área, por ejemplo (914) 555-0123, o un + y el código del país si es un número del "
        "extranjero."
    ]


@pytest.mark.parametrize(
    ("step", "answer", "said"),
    [
        ("full_name", "12345", "Por favor, escriba su nombre con letras."),
        ("concern", "hola", "Por favor, dígame con qué le gustaría que le ayudemos."),
        (
            "preferred_time",
            "no sé",
            'Por favor, dígame qué días y horas le quedan bien, o "cualquier momento".',
        ),
        ("patient_status", "quizás mañana", "Por favor, dígame si es paciente nuevo o si ya es"),
    ],
)
def test_each_step_asks_again_in_spanish(dispatcher, step, answer, said):
    slots = spanish(requested_slot=step, booking_request_id="r")
    run_form(dispatcher, answered(slots, answer, **{step: answer}))
    assert texts(dispatcher)[0].startswith(said)


def test_the_second_miss_offers_spanish_buttons_with_the_same_payloads(dispatcher):
    slots = spanish(requested_slot="patient_status", booking_request_id="r", answer_misses=1)
    run_form(dispatcher, answered(slots, "quizás", patient_status="quizás"))
    assert dispatcher.messages[-1]["buttons"] == [
        {"title": "Paciente nuevo", "payload": '/inform{"patient_status": "new"}'},
        {"title": "Ya soy paciente", "payload": '/inform{"patient_status": "returning"}'},
        {"title": "Pedir que me llamen", "payload": "/human_handoff"},
        {"title": "Cancelar la solicitud", "payload": "/cancel"},
    ]


def test_a_spanish_reply_to_the_summary_is_read_and_a_change_is_offered_in_spanish(dispatcher):
    slots = spanish(requested_slot="booking_confirmed", booking_request_id="r")
    result = FORM.validate_booking_confirmed(False, dispatcher, make_tracker(slots), DOMAIN)
    assert result == {"booking_confirmed": None, "choosing_detail": True}
    assert texts(dispatcher) == ["¿Qué le gustaría cambiar?"]
    assert [button["title"] for button in dispatcher.messages[0]["buttons"]] == [
        "Nombre",
        "Teléfono o correo electrónico",
        "El motivo",
        "Horario preferido",
        "Nuevo o ya paciente",
    ]


def test_a_no_that_corrects_the_email_is_no_refusal_and_asks_again(dispatcher):
    """ "No wait, the email is wrong, it's ...": extract_contact takes the new address; the
    summary comes again with it."""
    tracker = make_tracker(
        {"requested_slot": "booking_confirmed"},
        text="no wait, the email is wrong, it's gosia.k@example.org",
        intent="deny",
        entities=[entity("email", "gosia.k@example.org")],
    )
    assert FORM.validate_booking_confirmed(False, dispatcher, tracker, DOMAIN) == {
        "booking_confirmed": None
    }
    assert dispatcher.messages == []


def test_a_no_at_the_summary_that_names_a_detail_asks_that_detail_again(dispatcher):
    tracker = make_tracker(
        {"requested_slot": "booking_confirmed", "preferred_time": "mornings"},
        text="sorry, can we change the time?",
        intent="out_of_scope",
    )
    assert FORM.validate_booking_confirmed(False, dispatcher, tracker, DOMAIN) == {
        "booking_confirmed": None,
        "preferred_time": None,
    }
    assert dispatcher.messages == []


def test_a_change_of_the_time_at_the_summary_that_names_the_new_time_takes_it(dispatcher):
    tracker = make_tracker(
        {"requested_slot": "booking_confirmed", "preferred_time": "mornings"},
        text="sorry, can we change the time to afternoons instead? mornings are bad now",
        intent="out_of_scope",
    )
    assert FORM.validate_booking_confirmed(False, dispatcher, tracker, DOMAIN) == {
        "booking_confirmed": None,
        "preferred_time": "afternoons",
    }
    assert texts(dispatcher) == ["Thanks, I've changed the days and times to: afternoons."]


@pytest.mark.parametrize(
    ("answer", "intent", "taken"),
    [
        ("weekends if you're open", "faq", True),
        ("early mornings before 8 if you can", "faq", True),
        (
            "any weekday morning, I'm staying with family in Armonk for a month",
            "book_appointment",
            True,
        ),
        ("por las mañanas", "faq", True),
        ("are you open on saturdays?", "faq", False),
        ("cancel, I'll call on monday", "cancel", False),
    ],
)
def test_a_time_answer_the_nlu_read_as_a_question_is_taken(dispatcher, answer, intent, taken):
    tracker = make_tracker({"requested_slot": "preferred_time"}, text=answer, intent=intent)
    result = run_coroutine(FORM.extract_preferred_time(dispatcher, tracker, DOMAIN))
    assert result == ({"preferred_time": answer} if taken else {})


@pytest.mark.parametrize(
    ("answer", "step", "entities", "taken"),
    [
        ("I've been before", "patient_status", [], True),
        ("never been", "patient_status", [], True),
        ("I've been before", "preferred_time", [], False),
        ("I've been before, my back is numb", "patient_status", [("BODY_REGION", "back")], False),
        (
            "been before but now the numbness is much worse than last time",
            "patient_status",
            [],
            False,
        ),
    ],
)
def test_a_plain_new_or_returning_that_triage_was_unsure_about_is_the_answer(
    dispatcher, answer, step, entities, taken
):
    slots = {"requested_slot": step, "booking_request_id": "r"}
    tracker = make_tracker(
        slots,
        text=answer,
        intent="symptom_check",
        entities=[entity(name, value) for name, value in entities],
    )
    expected = {"patient_status": "returning" if "before" in answer else "new"}
    assert run_form(dispatcher, tracker) == (expected if taken else {})


@pytest.mark.parametrize(
    ("text", "intent", "filled"),
    [
        ("yes ive been before", "faq", {"patient_status": "yes ive been before"}),
        (
            "first time, never been",
            "book_appointment",
            {"patient_status": "first time, never been"},
        ),
        ("have you got parking?", "faq", {}),
        ("cancel", "cancel", {}),
    ],
)
def test_a_new_or_returning_answer_the_nlu_read_as_a_question_is_taken(
    dispatcher, text, intent, filled
):
    tracker = make_tracker({"requested_slot": "patient_status"}, text=text, intent=intent)
    assert run_coroutine(FORM.extract_patient_status(dispatcher, tracker, DOMAIN)) == filled


def _with_earlier_messages(tracker, *texts):
    earlier = [{"event": "user", "text": text, "parse_data": {"entities": []}} for text in texts]
    tracker.events[:0] = earlier
    return tracker


def test_a_time_at_the_concern_question_after_an_area_named_before_fills_both(dispatcher):
    tracker = _with_earlier_messages(
        answered({"requested_slot": "concern", "booking_request_id": "r"}, "any day after lunch"),
        "my lower back seizes up when i garden, would ART help",
        "yes please",
        "Walter Jablonski",
        "914-555-0146",
    )
    slots = run_form(dispatcher, tracker)
    assert slots["concern"] == "lower back"
    assert slots["preferred_time"] == "any day after lunch"


@pytest.mark.parametrize(
    ("earlier", "answer"),
    [
        # No area named before: the answer is left to the concern question as before.
        (("book me in", "Walter Jablonski"), "any day after lunch"),
        # An answer that names an area is the concern, whatever it says of times.
        (("my neck hurts, can ART help",), "my lower back, mostly in the mornings"),
    ],
)
def test_a_concern_answer_is_not_taken_for_a_time_otherwise(dispatcher, earlier, answer):
    tracker = _with_earlier_messages(
        answered({"requested_slot": "concern", "booking_request_id": "r"}, answer), *earlier
    )
    assert "preferred_time" not in run_form(dispatcher, tracker)


@pytest.mark.parametrize(
    ("step", "answer"),
    [
        ("concern", "can i keep taking my muscle relaxers until then?"),
        ("preferred_time", "should i stop my painkillers before the visit?"),
    ],
)
def test_a_medication_question_at_a_free_text_step_is_answered_not_stored(dispatcher, step, answer):
    tracker = answered(
        {"requested_slot": step, "booking_request_id": "r"},
        answer,
        intent="ask_medication",
        **{step: answer},
    )
    assert run_form(dispatcher, tracker)[step] is None
    assert [message["response"] for message in dispatcher.messages] == ["utter_ask_medication"]


def test_a_name_corrected_at_a_later_question_is_taken_and_the_question_stays(dispatcher):
    tracker = make_tracker(
        {
            "requested_slot": "concern",
            "full_name": "LINDA CHEN",
            "contact": "linda@example.com",
            "booking_request_id": "r",
        },
        text="NO WAIT MY NAME IS LINDA CHEN-WALSH, MARRIED NAME",
    )
    slots = run_form(dispatcher, tracker)
    assert slots["full_name"] == "LINDA CHEN-WALSH"
    assert slots.get("concern") is None
    assert "LINDA CHEN-WALSH" in texts(dispatcher)[0]


def test_a_spelling_of_the_name_at_the_summary_shows_it_again(dispatcher):
    tracker = make_tracker(
        {
            "requested_slot": "booking_confirmed",
            "full_name": "catherine lindqvist",
            "contact": "+19145550177",
            "concern": "lower back",
            "preferred_time": "tues/thurs lunch time",
            "patient_status": "new",
            "booking_request_id": "r",
        },
        text="sorry its Katherine with a K, not C",
        intent="out_of_scope",
    )
    slots = run_form(dispatcher, tracker)
    assert slots["full_name"] == "Katherine lindqvist"
    assert slots["booking_confirmed"] is None


def test_an_area_told_again_at_the_time_question_changes_the_concern(dispatcher):
    tracker = make_tracker(
        {
            "requested_slot": "preferred_time",
            "full_name": "Dwayne Patterson",
            "contact": "+19145550143",
            "concern": "neck",
            "booking_request_id": "r",
        },
        text="wait not just the neck, its the lower back too, both really",
        intent="followup_what_about",
        entities=[entity("BODY_REGION", "neck"), entity("BODY_REGION", "lower back")],
    )
    slots = run_form(dispatcher, tracker)
    assert slots["concern"] == "other: neck and lower back"
    assert slots.get("preferred_time") is None


def selector(topic, confidence):
    return {"faq": {"response": {"intent_response_key": f"faq/{topic}", "confidence": confidence}}}


@pytest.mark.parametrize(
    ("slot", "text", "topic", "confidence", "answered"),
    [
        ("full_name", "what does it cost first though", "not_in_article", 0.2, True),
        ("preferred_time", "which location is this? im near stamford", "where_offered", 0.18, True),
        # A topic that could read as a yes about ART, or a weak lean, is no answer.
        ("full_name", "what does it do for you", "neck_pain", 0.5, False),
        ("preferred_time", "which location is this?", "where_offered", 0.05, False),
    ],
)
def test_a_practical_question_at_the_name_or_time_question_is_answered_and_it_stays(
    dispatcher, slot, text, topic, confidence, answered
):
    named = {} if slot == "full_name" else {"full_name": "Ana Ruiz"}
    tracker = make_tracker(
        {"requested_slot": slot, **named, "booking_request_id": "r"},
        text=text,
        intent="out_of_scope",
    )
    tracker.latest_message["response_selector"] = selector(topic, confidence)
    validate = getattr(FORM, f"validate_{slot}")
    assert validate(text, dispatcher, tracker, DOMAIN) == {slot: None}
    responses = [message.get("response") for message in dispatcher.messages]
    assert (f"utter_faq/{topic}" in responses) is answered


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("hang on, which town is the clinic in?", True),
        # No question mark: a name, as the NLU read it.
        ("hang on which town is the clinic in", False),
    ],
)
def test_a_question_at_the_name_question_read_as_an_answer_is_answered(dispatcher, text, answered):
    tracker = make_tracker(
        {"requested_slot": "full_name", "booking_request_id": "r"}, text=text, intent="inform"
    )
    tracker.latest_message["response_selector"] = selector("where_offered", 0.3)
    FORM.validate_full_name(text, dispatcher, tracker, DOMAIN)
    responses = [message.get("response") for message in dispatcher.messages]
    assert ("utter_faq/where_offered" in responses) is answered


def test_a_concern_the_nlu_read_as_a_diagnosis_question_is_the_concern(dispatcher):
    tracker = make_tracker(
        {"requested_slot": "concern", "full_name": "Ana Ruiz", "booking_request_id": "r"},
        text="both my neck and lower back, arthritis runs in the family",
        intent="ask_diagnosis",
        entities=[entity("BODY_REGION", "neck"), entity("BODY_REGION", "lower back")],
    )
    assert run_form(dispatcher, tracker)["concern"] == "neck"


def test_an_email_said_in_words_at_the_concern_question_is_the_contact_corrected(dispatcher):
    tracker = make_tracker(
        {
            "requested_slot": "concern",
            "full_name": "Sara Lopez",
            "contact": "+19145550100",
            "contact_phone": "+19145550100",
            "booking_request_id": "r",
        },
        text="hmm email me instead, it's sara lopez 7 at gmail dot com",
        intent="inform",
    )
    slots = run_form(dispatcher, tracker)
    assert slots["contact_email"] == "saralopez7@gmail.com"
    assert slots["contact_phone"] == "+19145550100"
    assert slots.get("concern") is None


def test_a_piece_of_the_email_corrected_at_the_concern_question_is_no_concern(dispatcher):
    tracker = make_tracker(
        {
            "requested_slot": "concern",
            "full_name": "Ivy Marsh",
            "contact": "ivy.m@example.ogr",
            "contact_email": "ivy.m@example.ogr",
            "booking_request_id": "r",
        },
        text="oops .org not .ogr",
        intent="nlu_fallback",
    )
    slots = run_form(dispatcher, tracker)
    assert slots["contact_email"] == "ivy.m@example.org"
    assert slots.get("concern") is None
    assert "updated your contact details" in texts(dispatcher)[0]


def test_a_last_name_corrected_at_the_concern_question_is_no_concern(dispatcher):
    tracker = make_tracker(
        {
            "requested_slot": "concern",
            "full_name": "Walter Hughes",
            "contact": "+19145550100",
            "booking_request_id": "r",
        },
        text="oh and his last name is actually Hughes-Pratt, hyphenated",
        intent="out_of_scope",
    )
    slots = run_form(dispatcher, tracker)
    assert slots["full_name"] == "Walter Hughes-Pratt"
    assert slots.get("concern") is None


@pytest.mark.parametrize(
    ("text", "intent", "entities", "answered"),
    [
        ("will it be sore afterwards? i bruise easily", "other_condition", [], True),
        ("how much is it first though", "out_of_scope", [], True),
        # A body area asked about is the concern told, as before.
        ("can it help my knee?", "other_condition", [entity("BODY_REGION", "knee")], False),
    ],
)
def test_a_practical_question_at_the_concern_question_is_answered_and_it_stays(
    dispatcher, text, intent, entities, answered
):
    tracker = make_tracker(
        {"requested_slot": "concern", "full_name": "Ana Ruiz", "booking_request_id": "r"},
        text=text,
        intent=intent,
        entities=entities,
    )
    tracker.latest_message["response_selector"] = selector("not_in_article", 0.4)
    result = FORM.validate_concern(text, dispatcher, tracker, DOMAIN)
    responses = [message.get("response") for message in dispatcher.messages]
    assert ("utter_faq/not_in_article" in responses) is answered
    assert (result == {"concern": None}) is answered
