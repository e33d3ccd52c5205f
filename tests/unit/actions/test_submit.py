import threading
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import leads_backend
from actions import submit as submit_module
from actions.booking_steps import (
    BOOKING_SLOTS,
    ActionAskBookingConfirmed,
    ActionCancelRequest,
    ActionChangeDetail,
    ActionResetBooking,
)
from actions.session_start import ActionSessionStart
from actions.submit import ActionSubmitBooking
from clinic.db.engine import upgrade
from clinic.leads.service import flush_spool
from clinic.leads.spool_worker import SpoolWorker
from testkit.coroutines import run_coroutine
from testkit.domain import load_domain
from testkit.trackers import entity, make_tracker

CLINIC_BASICS = "name: ProClinix\nlocation: Armonk, NY\ntimezone: America/New_York\n"

COMPLETE = {
    "full_name": "Jane Doe",
    "contact": "+19145550123",
    "contact_phone": "+19145550123",
    "contact_email": None,
    "concern": "other: shoulder",
    "preferred_time": "weekday mornings",
    "patient_status": "new",
    "consent": True,
    "booking_confirmed": True,
}


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = run_coroutine(action.run(dispatcher, tracker, {}))
    return dispatcher, events


def slot_values(events):
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}


@pytest.fixture
def backend(tmp_path, monkeypatch):
    """The action server's leads store on a fresh SQLite file and spool directory."""

    def use(url):
        monkeypatch.setenv("LEADS_DB_URL", url)
        leads_backend.repository.cache_clear()

    url = f"sqlite:///{tmp_path / 'leads.sqlite3'}"
    upgrade(url)
    config = tmp_path / "clinic.yml"
    config.write_text(CLINIC_BASICS)
    monkeypatch.setenv("CLINIC_CONFIG", str(config))
    leads_backend.settings.cache_clear()
    monkeypatch.setenv("LEADS_SPOOL_DIR", str(tmp_path / "spool"))
    monkeypatch.delenv("LEADS_NOTIFY_TO", raising=False)
    leads_backend.spool.cache_clear()
    leads_backend.notifier.cache_clear()
    leads_backend.limits.cache_clear()
    use(url)
    yield use, url
    leads_backend.settings.cache_clear()
    leads_backend.repository.cache_clear()
    leads_backend.spool.cache_clear()
    leads_backend.notifier.cache_clear()
    leads_backend.limits.cache_clear()


def test_confirmed_request_is_stored_once_and_the_visitor_gets_its_reference(backend):
    _, url = backend
    tracker = make_tracker(COMPLETE, sender_id="conv-1", channel="socketio")
    dispatcher, events = run(ActionSubmitBooking(), tracker)
    (lead,) = leads_backend.repository().list()
    assert lead.full_name == "Jane Doe"
    assert lead.phone == "+19145550123"
    assert (lead.concern, lead.concern_detail) == ("other", "shoulder")
    assert lead.channel == "socketio"
    assert lead.conversation_id == "conv-1"
    assert lead.status == "new"
    (message,) = dispatcher.messages
    assert f"reference {lead.reference}" in message["text"]
    assert "not a confirmed appointment" in message["text"]
    slots = slot_values(events)
    assert slots["lead_reference"] == lead.reference
    assert slots["full_name"] is None and slots["booking_confirmed"] is None

    again, _ = run(ActionSubmitBooking(), tracker)
    assert len(leads_backend.repository().list()) == 1
    assert (
        f"We already have this request from you, Jane: reference {lead.reference}"
        in (again.messages[0]["text"])
    )


def test_database_down_spools_the_request_and_tells_the_visitor(backend):
    use, url = backend
    use("postgresql://nobody@127.0.0.1:1/leads")
    dispatcher, events = run(ActionSubmitBooking(), make_tracker(COMPLETE, sender_id="conv-2"))
    reference = slot_values(events)["lead_reference"]
    text = dispatcher.messages[0]["text"]
    assert "kept your request safely" in text
    assert f"Your reference is {reference}" in text
    assert len(leads_backend.spool().pending()) == 1

    use(url)
    assert flush_spool(leads_backend.repository, leads_backend.spool()) == 1
    (lead,) = leads_backend.repository().list()
    assert lead.reference == reference
    assert leads_backend.spool().pending() == []


BAD_SMTP_SETTINGS = [("LEADS_SMTP_STARTTLS", "tls"), ("LEADS_SMTP_PORT", "smtp")]


@pytest.mark.parametrize(("name", "value"), BAD_SMTP_SETTINGS)
def test_one_bad_smtp_setting_still_stores_the_lead(backend, monkeypatch, name, value):
    """Finding 2: whatever the notifier does, the lead is stored."""
    monkeypatch.setenv("LEADS_NOTIFY_TO", "desk@example.com")
    monkeypatch.setenv(name, value)
    dispatcher, events = run(ActionSubmitBooking(), make_tracker(COMPLETE, sender_id="smtp-1"))
    (lead,) = leads_backend.repository().list()
    assert lead.conversation_id == "smtp-1"
    assert slot_values(events)["lead_reference"] == lead.reference
    assert "Your request is with our front desk" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(("name", "value"), BAD_SMTP_SETTINGS)
def test_one_bad_smtp_setting_still_spools_the_lead_when_the_database_is_down(
    backend, monkeypatch, name, value
):
    use, url = backend
    use("postgresql://nobody@127.0.0.1:1/leads")
    monkeypatch.setenv("LEADS_NOTIFY_TO", "desk@example.com")
    monkeypatch.setenv(name, value)
    dispatcher, events = run(ActionSubmitBooking(), make_tracker(COMPLETE, sender_id="smtp-2"))
    reference = slot_values(events)["lead_reference"]
    assert "kept your request safely" in dispatcher.messages[0]["text"]
    assert len(leads_backend.spool().pending()) == 1
    use(url)
    assert flush_spool(leads_backend.repository, leads_backend.spool()) == 1
    assert [lead.reference for lead in leads_backend.repository().list()] == [reference]


def test_one_bad_smtp_setting_a_notifier_that_fails_loses_no_lead(backend, monkeypatch):
    def broken(new):
        raise RuntimeError("mail system on fire")

    monkeypatch.setattr(leads_backend, "notifier_from_env", lambda: broken)
    dispatcher, _ = run(ActionSubmitBooking(), make_tracker(COMPLETE, sender_id="smtp-3"))
    assert [lead.conversation_id for lead in leads_backend.repository().list()] == ["smtp-3"]
    assert "Your request is with our front desk" in dispatcher.messages[0]["text"]


def wait_until(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_spool_worker_stores_a_spooled_request_on_its_own_once_the_database_is_back(backend):
    use, url = backend
    use("postgresql://nobody@127.0.0.1:1/leads")
    _, events = run(ActionSubmitBooking(), make_tracker(COMPLETE, sender_id="conv-3"))
    reference = slot_values(events)["lead_reference"]
    worker = SpoolWorker(leads_backend.flush_spool_now, interval=0.05)
    worker.start()
    try:
        time.sleep(0.3)  # several ticks against the unreachable database
        assert len(leads_backend.spool().pending()) == 1
        use(url)
        assert wait_until(lambda: leads_backend.spool().pending() == [])
    finally:
        worker.stop()
    assert [lead.reference for lead in leads_backend.repository().list()] == [reference]


@pytest.mark.parametrize("confirmed", [None, False])
def test_no_yes_to_the_summary_sends_nothing(backend, confirmed):
    """The summary's yes is the visitor's consent: without it no lead is written."""
    tracker = make_tracker({**COMPLETE, "booking_confirmed": confirmed})
    dispatcher, events = run(ActionSubmitBooking(), tracker)
    assert [message["response"] for message in dispatcher.messages] == ["utter_booking_cancelled"]
    assert leads_backend.repository().list() == []
    assert slot_values(events)["full_name"] is None


def test_summary_question_shows_the_details_and_three_choices():
    dispatcher, events = run(ActionAskBookingConfirmed(), make_tracker(COMPLETE))
    (message,) = dispatcher.messages
    assert "- Contact: (914) 555-0123" in message["text"]
    # The question is the consent too: it says what is kept and why before asking to send it.
    assert message["text"].endswith(
        "ProClinix keeps these details only so its front desk can contact you about this "
        "request. Shall I send it to the front desk?"
    )
    assert [button["title"] for button in message["buttons"]] == [
        "Yes, send it",
        "Change something",
        "Cancel",
    ]
    assert events == []


def test_summary_question_is_silent_while_a_detail_is_being_chosen():
    dispatcher, events = run(ActionAskBookingConfirmed(), make_tracker({"choosing_detail": True}))
    assert dispatcher.messages == []
    assert slot_values(events) == {"choosing_detail": False}


@pytest.mark.parametrize(
    ("text", "entities", "cleared"),
    [
        ("", [entity("detail", "full_name")], {"full_name"}),
        (
            "I need to change my email",
            [],
            {"contact", "contact_phone", "contact_phone_extension", "contact_email"},
        ),
        ("it's about something else", [], {"concern", "body_region"}),
    ],
)
def test_change_detail_clears_that_detail(text, entities, cleared):
    tracker = make_tracker(COMPLETE, text=text, intent="change_detail", entities=entities)
    dispatcher, events = run(ActionChangeDetail(), tracker)
    slots = slot_values(events)
    assert {name for name, value in slots.items() if value is None} == cleared | {
        "booking_confirmed"
    }
    assert dispatcher.messages == []


def test_change_detail_of_the_time_that_names_the_new_time_takes_it():
    tracker = make_tracker(
        {**COMPLETE, "requested_slot": "patient_status"},
        text="wait, I put the wrong time, evenings are better for me",
        intent="change_detail",
    )
    dispatcher, events = run(ActionChangeDetail(), tracker)
    assert slot_values(events) == {
        "preferred_time": "evenings are better for me",
        "booking_confirmed": None,
        "choosing_detail": False,
    }
    assert [message["text"] for message in dispatcher.messages] == [
        "Thanks, I've changed the days and times to: evenings are better for me."
    ]


def test_change_detail_without_a_named_detail_offers_the_choices():
    tracker = make_tracker(
        {**COMPLETE, "booking_confirmed": None, "requested_slot": "booking_confirmed"},
        text="change something",
        intent="change_detail",
    )
    dispatcher, events = run(ActionChangeDetail(), tracker)
    assert dispatcher.messages[0]["text"] == "What would you like to change?"
    assert slot_values(events) == {"booking_confirmed": None, "choosing_detail": True}


@pytest.mark.parametrize(
    ("extra_config", "details", "details_es"),
    [
        (
            "phone: (914) 555-0100\n",
            "You can reach the front desk by phone (914) 555-0100.",
            "Puede comunicarse con la recepción por teléfono (914) 555-0100.",
        ),
        ("", None, None),
    ],
)
def test_session_start_carries_only_configured_clinic_details(
    tmp_path, monkeypatch, extra_config, details, details_es
):
    config = tmp_path / "clinic.yml"
    config.write_text(CLINIC_BASICS + extra_config)
    monkeypatch.setenv("CLINIC_CONFIG", str(config))
    leads_backend.settings.cache_clear()
    try:
        _, events = run(ActionSessionStart(), make_tracker())
    finally:
        leads_backend.settings.cache_clear()
    assert [event["event"] for event in events] == [
        "session_started",
        "slot",
        "slot",
        "slot",
        "action",
    ]
    assert slot_values(events) == {
        "clinic_details": details,
        "clinic_details_es": details_es,
        "clinic_details_known": details is not None,
    }


def test_session_start_takes_the_widget_pages_language():
    tracker = make_tracker({"session_started_metadata": {"language": "es"}})
    _, events = run(ActionSessionStart(), tracker)
    assert slot_values(events)["language"] == "es"


def test_when_nothing_can_store_the_request_the_visitor_is_told_and_the_details_are_kept(
    backend, monkeypatch
):
    def disk_full(new):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(leads_backend, "submit", disk_full)
    dispatcher, events = run(ActionSubmitBooking(), make_tracker(COMPLETE))
    (message,) = dispatcher.messages
    assert message["text"].startswith("Sorry, Jane, I couldn't save your request just now.")
    assert "contact the clinic in Armonk, NY directly" in message["text"]
    assert events == []


def test_reset_clears_every_booking_slot_the_failure_count_and_a_pause():
    dispatcher, events = run(
        ActionResetBooking(),
        make_tracker({**COMPLETE, "answer_misses": 2, "booking_paused": True}),
    )
    assert dispatcher.messages == []
    assert slot_values(events) == {
        **dict.fromkeys(BOOKING_SLOTS),
        "answer_misses": 0,
        "booking_paused": False,
    }


@pytest.mark.parametrize(
    ("slots", "text", "response"),
    [
        # A no to the first question of a request just started declines it like an offer.
        ({"requested_slot": None}, "no actually forget it", "utter_offer_declined"),
        ({"requested_slot": None}, "nah, forget it", "utter_offer_declined"),
        # A cancel that says no no, or one after details were given, drops the request.
        ({"requested_slot": None}, "never mind", "utter_booking_cancelled"),
        (COMPLETE, "no, cancel it", "utter_booking_cancelled"),
    ],
)
def test_a_cancel_drops_the_request_or_declines_one_just_started(slots, text, response):
    dispatcher, events = run(
        ActionCancelRequest(), make_tracker({**slots, "answer_misses": 1}, text=text)
    )
    assert [message["response"] for message in dispatcher.messages] == [response]
    assert slot_values(events) == {
        **dict.fromkeys(BOOKING_SLOTS),
        "answer_misses": 0,
        "booking_paused": False,
    }


def test_duplicate_key_per_form_start_a_second_request_is_a_new_lead(backend):
    """Finding 9: a new request in the same conversation is a new lead."""
    first = {**COMPLETE, "booking_request_id": "run-1"}
    run(ActionSubmitBooking(), make_tracker(first, sender_id="conv-9"))
    second = {**first, "booking_request_id": "run-2", "preferred_time": "Friday after 4pm"}
    dispatcher, _ = run(ActionSubmitBooking(), make_tracker(second, sender_id="conv-9"))
    assert "Your request is with our front desk" in dispatcher.messages[0]["text"]
    leads = leads_backend.repository().list()
    assert sorted(lead.preferred_time for lead in leads) == [
        "Friday after 4pm",
        "weekday mornings",
    ]


def test_duplicate_key_per_form_start_a_retried_submit_stays_one_lead(backend):
    slots = {**COMPLETE, "booking_request_id": "run-1"}
    _, events = run(ActionSubmitBooking(), make_tracker(slots, sender_id="conv-10"))
    dispatcher, again = run(ActionSubmitBooking(), make_tracker(slots, sender_id="conv-10"))
    assert "We already have this request from you" in dispatcher.messages[0]["text"]
    assert slot_values(again)["lead_reference"] == slot_values(events)["lead_reference"]
    assert len(leads_backend.repository().list()) == 1


def test_privacy_promises_the_confirmation_says_what_is_kept(backend):
    dispatcher, _ = run(ActionSubmitBooking(), make_tracker(COMPLETE, sender_id="kept-1"))
    text = dispatcher.messages[0]["text"]
    assert "The front desk keeps your details with this request for up to 365 days" in text
    assert "this chat's record no longer holds them" in text


def test_privacy_promises_cancel_says_what_happens_to_the_answers():
    spanish, english = load_domain()["responses"]["utter_booking_cancelled"]
    assert "saved nothing" not in english["text"]
    assert "removed from this chat's record" in english["text"]
    assert spanish["condition"] == [{"type": "slot", "name": "language", "value": "es"}]
    assert "borrado del registro de este chat" in spanish["text"]


def submit_run(sender_id: str, run_id: str):
    slots = {**COMPLETE, "booking_request_id": run_id}
    return run(ActionSubmitBooking(), make_tracker(slots, sender_id=sender_id))


def test_finding_8_a_conversation_past_its_cap_is_told_and_nothing_is_stored(backend):
    for number in range(3):
        dispatcher, _ = submit_run("conv-cap", f"run-{number}")
        assert "Your request is with our front desk" in dispatcher.messages[0]["text"]
    dispatcher, events = submit_run("conv-cap", "run-3")
    assert "already sent 3 booking requests" in dispatcher.messages[0]["text"]
    assert "lead_reference" not in slot_values(events)
    assert slot_values(events)["full_name"] is None
    assert len(leads_backend.repository().list()) == 3
    dispatcher, _ = submit_run("conv-other", "run-0")
    assert "Your request is with our front desk" in dispatcher.messages[0]["text"]


def test_finding_8_a_retried_submit_still_gets_its_reference_when_the_cap_is_full(backend):
    references = [slot_values(submit_run("conv-cap2", f"run-{n}")[1])["lead_reference"]
                  for n in range(3)]  # fmt: skip
    dispatcher, events = submit_run("conv-cap2", "run-2")
    assert "We already have this request from you" in dispatcher.messages[0]["text"]
    assert slot_values(events)["lead_reference"] == references[2]


def test_finding_8_the_cap_counts_the_last_24_hours_only(backend, monkeypatch):
    yesterday = submit_module.utc_now() - timedelta(hours=25)
    monkeypatch.setattr(submit_module, "utc_now", lambda: yesterday)
    for number in range(3):
        submit_run("conv-cap3", f"old-{number}")
    monkeypatch.undo()
    dispatcher, _ = submit_run("conv-cap3", "new-0")
    assert "Your request is with our front desk" in dispatcher.messages[0]["text"]


def test_finding_8_the_cap_is_a_setting(backend, monkeypatch):
    monkeypatch.setenv("LEADS_MAX_PER_CONVERSATION", "1")
    leads_backend.limits.cache_clear()
    submit_run("conv-cap4", "run-0")
    dispatcher, _ = submit_run("conv-cap4", "run-1")
    assert "already sent 1 booking request to" in dispatcher.messages[0]["text"]


def test_finding_8_the_submit_does_not_wait_for_the_email(backend, monkeypatch):
    release = threading.Event()
    emailed = []

    def slow_smtp(new):
        release.wait(10)
        emailed.append(new.reference)
        return True

    monkeypatch.setattr(leads_backend, "notifier_from_env", lambda: slow_smtp)
    started = time.monotonic()
    dispatcher, events = submit_run("conv-mail", "run-0")
    assert time.monotonic() - started < 5
    assert "Your request is with our front desk" in dispatcher.messages[0]["text"]
    assert emailed == []
    release.set()
    assert leads_backend.email_queue().wait_until_sent(10)
    assert emailed == [slot_values(events)["lead_reference"]]


SPANISH = {**COMPLETE, "language": "es", "concern": "lower back", "patient_status": "returning"}


def test_the_summary_in_a_spanish_conversation_is_spanish():
    dispatcher, _ = run(ActionAskBookingConfirmed(), make_tracker(SPANISH))
    (message,) = dispatcher.messages
    assert message["text"] == (
        "Esta es su solicitud:\n- Nombre: Jane Doe\n- Contacto: (914) 555-0123\n"
        "- Motivo: Espalda baja\n- Horario preferido: weekday mornings\n"
        "- Paciente: Ya es paciente\n\nProClinix guarda estos datos solo para que su recepción "
        "pueda contactarle sobre esta solicitud. ¿Se la envío a la recepción?"
    )
    assert message["buttons"] == [
        {"title": "Sí, envíela", "payload": "/affirm"},
        {"title": "Cambiar algo", "payload": "/deny"},
        {"title": "Cancelar", "payload": "/cancel"},
    ]


def test_a_spanish_confirmation_after_hours_names_the_next_opening_in_spanish(
    backend, tmp_path, monkeypatch
):
    config = tmp_path / "clinic.yml"
    config.write_text(CLINIC_BASICS + 'opening_hours:\n  monday: ["09:00-17:00"]\n')
    leads_backend.settings.cache_clear()
    saturday_night = datetime(2026, 11, 28, 23, 0, tzinfo=ZoneInfo("America/New_York"))
    monkeypatch.setattr(submit_module, "utc_now", lambda: saturday_night)
    dispatcher, events = run(ActionSubmitBooking(), make_tracker(SPANISH, sender_id="es-1"))
    reference = slot_values(events)["lead_reference"]
    assert dispatcher.messages[0]["text"] == (
        f"Gracias, Jane. Su solicitud ya está con nuestra recepción, referencia {reference}. "
        "Nuestra recepción está cerrada en este momento; le contactarán después de abrir el "
        "lunes a las 9:00 AM. Esto es una solicitud, todavía no una cita confirmada. La "
        "recepción guarda sus datos con esta solicitud durante un máximo de 365 días; el "
        "registro de este chat ya no los tiene."
    )
    (lead,) = leads_backend.repository().list()
    assert (lead.after_hours, lead.language) == (True, "es")


def test_a_lead_from_an_english_conversation_is_english(backend):
    run(ActionSubmitBooking(), make_tracker(COMPLETE, sender_id="en-1"))
    assert [lead.language for lead in leads_backend.repository().list()] == ["en"]


def test_a_spanish_retry_and_cap_are_told_in_spanish(backend, monkeypatch):
    monkeypatch.setenv("LEADS_MAX_PER_CONVERSATION", "1")
    leads_backend.limits.cache_clear()
    first = {**SPANISH, "booking_request_id": "run-1"}
    run(ActionSubmitBooking(), make_tracker(first, sender_id="es-2"))
    dispatcher, _ = run(ActionSubmitBooking(), make_tracker(first, sender_id="es-2"))
    assert dispatcher.messages[0]["text"].startswith("Ya tenemos esta solicitud suya, Jane")
    second = {**first, "booking_request_id": "run-2"}
    dispatcher, _ = run(ActionSubmitBooking(), make_tracker(second, sender_id="es-2"))
    assert dispatcher.messages[0]["text"].startswith(
        "Lo siento, Jane. Este chat ya ha enviado hoy 1 solicitud de cita a la recepción"
    )
    assert (
        "Si es urgente, por favor, comuníquese directamente con la clínica en Armonk, NY."
        in (dispatcher.messages[0]["text"])
    )
