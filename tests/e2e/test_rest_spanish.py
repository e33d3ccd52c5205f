"""Spanish over REST on the running Rasa and action servers (docs/spanish.md): the greeting, an
FAQ answer and the answer its Spanish button leads to, the clinic's contact details and hours in
Spanish after two messages it cannot place, Spanish red flags and crisis messages outside the
booking request and at every step of it (the request ends, nothing is kept, no lead), replies
that keep the language, switching language both ways, and a booking request typed in Spanish to a
stored lead that prefers Spanish.

The clinic configured here is closed when the tests run (its only opening is two days ahead), as
in test_rest_booking.py, so the confirmation makes the after-hours promise in Spanish."""

from datetime import datetime

import pytest

from clinic.text.booking_wording import WEEKDAYS
from testkit.rest_visitor import Visitor, joined
from testkit.stack import SharedStacks, Stack
from tests.e2e.test_rest_booking import closed_clinic, next_opening_day, save_transcript
from tests.e2e.test_rest_triage import assert_nothing_kept, leads_of

pytestmark = pytest.mark.slow
SPANISH_GREETING = "asistente virtual de ProClinix"
SPANISH_EMERGENCY = "Llame al 911"
SPANISH_CRISIS = "marque 2"
NAME_QUESTION = "nombre completo"
CONTACT_QUESTION = "teléfono o correo"
CONCERN_QUESTION = "le gustaría"
BOOK = "Quiero hacer una cita"
# Each step of the request: the visitor's answer that reaches it and words of its question.
STEPS = (
    ("full_name", BOOK, NAME_QUESTION),
    ("contact", "Maria Lopez", CONTACT_QUESTION),
    ("concern", "(914) 555-0142", CONCERN_QUESTION),
    ("preferred_time", "la espalda baja", "días y horas"),
    ("patient_status", "los martes por la tarde", "paciente nuevo"),
    ("booking_confirmed", "soy paciente nuevo", "Esta es su solicitud"),
    ("correction", "/deny", "¿Qué le gustaría cambiar?"),
)
RED_FLAGS = (
    "tengo un dolor muy fuerte en el pecho y no puedo respirar",
    "tengo la entrepierna dormida y no puedo orinar",
    "se me cayó un lado de la cara y hablo raro",
    "es el peor dolor de cabeza de mi vida, me empezó de golpe",
    "se me está cerrando la garganta después de la inyección",
    "me caí de la escalera y ahora tengo los brazos entumidos",
)
CRISIS = ("ya no quiero vivir, pienso en matarme", "estoy pensando en quitarme la vida")
# Per step: two red flags and one crisis message, rotating, so each message meets several steps.
FLAGGED = [
    (step, message, words)
    for index, (step, _, _) in enumerate(STEPS)
    for message, words in (
        (RED_FLAGS[index % len(RED_FLAGS)], SPANISH_EMERGENCY),
        (RED_FLAGS[(index + 3) % len(RED_FLAGS)], SPANISH_EMERGENCY),
        (CRISIS[index % len(CRISIS)], SPANISH_CRISIS),
    )
]


@pytest.fixture(scope="module")
def opening_day() -> datetime:
    return next_opening_day()


@pytest.fixture(scope="module")
def stack(shared_stacks: SharedStacks, opening_day: datetime) -> Stack:
    return shared_stacks.get("e2e-spanish", ["actions", "rasa"], closed_clinic(opening_day))


def say(visitor: Visitor, message: str) -> str:
    return joined(visitor.say(message))


def test_a_spanish_greeting_gets_the_spanish_greeting(stack):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    assert SPANISH_GREETING in say(visitor, "Hola, ¿hablan español?")
    assert [button["title"] for button in visitor.buttons][:1] == ["¿Qué es ART?"]


def test_a_spanish_faq_question_gets_the_spanish_answer_and_its_buttons_stay_spanish(stack):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    assert SPANISH_GREETING in say(visitor, "Hola")
    answer = say(visitor, "¿Qué es ART?")
    assert "terapia manual de tejidos blandos" in answer
    assert "soft-tissue" not in answer
    titles = {button["title"]: button["payload"] for button in visitor.buttons}
    assert titles == {
        "¿Cómo funciona?": "How does ART work?",
        "ART frente a un masaje": "How is ART different from massage?",
    }
    # A button sends its English payload, which marks no language: the answer stays Spanish.
    assert "Primero, el profesional busca con las manos" in say(visitor, titles["¿Cómo funciona?"])


def test_the_offer_of_a_person_gives_the_clinics_details_in_spanish(stack, opening_day):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    assert SPANISH_GREETING in say(visitor, "Hola")
    assert "Perdón" in say(visitor, "blorp zzkt vrrm")
    offer = say(visitor, "asdfgh")
    assert "Puede comunicarse con la recepción por teléfono (914) 555-0100." in offer
    weekday = WEEKDAYS[opening_day.weekday()].es.capitalize()
    assert "Horario de atención: Lunes " in offer
    assert f"; {weekday} 9:00 AM-5:00 PM" in offer or f": {weekday} 9:00 AM-5:00 PM" in offer
    assert "front desk" not in offer and "closed" not in offer


@pytest.mark.parametrize(
    ("message", "words"),
    [(RED_FLAGS[0], SPANISH_EMERGENCY), ("ya no quiero vivir, pienso en matarme", SPANISH_CRISIS)],
)
def test_a_spanish_red_flag_outside_the_request_gets_the_spanish_tier_answer(stack, message, words):
    answer = say(Visitor(stack.ports.rasa, prefix="es"), message)
    assert words in answer
    assert "988" in answer or "911" in answer


@pytest.mark.parametrize(("step", "message", "words"), FLAGGED)
def test_a_spanish_red_flag_at_each_booking_step_ends_it_and_keeps_nothing(
    stack, step, message, words
):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    for name, answer, question in STEPS:
        assert question in say(visitor, answer), f"did not reach {name}"
        if name == step:
            break
    answer = say(visitor, message)
    assert words in answer
    assert not any(question in answer for _, _, question in STEPS)
    assert_nothing_kept(stack, visitor)


def test_a_name_or_a_phone_number_keeps_the_conversation_in_spanish(stack):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    assert NAME_QUESTION in say(visitor, BOOK)
    assert CONTACT_QUESTION in say(visitor, "Dana Whitfield")
    assert CONCERN_QUESTION in say(visitor, "914 555 0142")


def test_the_visitor_switches_language_both_ways(stack):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    assert SPANISH_GREETING in say(visitor, "hola")
    say(visitor, "in English please")
    assert "I'm the ProClinix virtual assistant" in say(visitor, "hi")
    say(visitor, "en español por favor")
    assert SPANISH_GREETING in say(visitor, "hi")


def test_a_booking_request_typed_in_spanish_becomes_a_lead_that_prefers_spanish(stack, opening_day):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    assert SPANISH_GREETING in say(visitor, "Hola, buenas tardes")
    assert NAME_QUESTION in say(visitor, "Quiero pedir una cita, por favor")
    assert CONTACT_QUESTION in say(visitor, "Me llamo María López")
    # One invalid phone number: the reason and the question again, in Spanish.
    assert "incluya el código de área" in say(visitor, "555-01")
    assert CONCERN_QUESTION in say(visitor, "mi número es (914) 555-0142")
    assert "días y horas" in say(visitor, "la espalda baja")
    assert "paciente nuevo" in say(visitor, "los martes por la tarde")
    summary = say(visitor, "soy paciente nuevo")
    assert "Esta es su solicitud:" in summary
    # The summary asks the consent with the confirmation, in Spanish.
    assert "ProClinix guarda estos datos solo para que su recepción pueda contactarle" in summary
    assert "- Nombre: María López" in summary
    assert "- Contacto: (914) 555-0142" in summary
    assert "- Motivo: Espalda baja" in summary
    assert "- Horario preferido: los martes por la tarde" in summary
    assert "- Paciente: Nuevo" in summary
    confirmation = say(visitor, "sí, envíela")
    assert "Gracias, María. Su solicitud ya está con nuestra recepción, referencia PCX-" in (
        confirmation
    )
    weekday = WEEKDAYS[opening_day.weekday()].es
    assert f"está cerrada en este momento; le contactarán después de abrir el {weekday}" in (
        confirmation
    )
    assert "todavía no una cita confirmada" in confirmation
    save_transcript("booking_rest_spanish.txt", visitor.transcript)

    (lead,) = leads_of(stack, visitor.sender)
    assert lead.reference in confirmation
    assert (lead.full_name, lead.phone) == ("María López", "+19145550142")
    assert lead.concern == "lower back"
    assert (lead.preferred_time, lead.patient_status) == ("los martes por la tarde", "new")
    assert (lead.language, lead.after_hours) == ("es", True)
