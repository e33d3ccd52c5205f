"""Spanish over REST on the running Rasa and action servers (docs/spanish.md): the greeting, a
Spanish red flag outside and inside the booking request (the request ends, nothing is kept, no
lead), replies that keep the language, and switching language both ways."""

import pytest

from testkit.rest_visitor import Visitor, joined
from testkit.stack import StackPorts, started_stack
from tests.e2e.test_rest_triage import assert_nothing_kept

pytestmark = pytest.mark.slow
PORTS = StackPorts.from_env(StackPorts(rasa=5108, actions=5158, site=8186, staff=8187))
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
)
RED_FLAGS = (
    "tengo un dolor muy fuerte en el pecho y no puedo respirar",
    "tengo la entrepierna dormida y no puedo orinar",
    "se me cayó un lado de la cara y hablo raro",
)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e-spanish")
    with started_stack("e2e-spanish", work, PORTS, ["actions", "rasa"]) as running:
        yield running


def say(visitor: Visitor, message: str) -> str:
    return joined(visitor.say(message))


def test_a_spanish_greeting_gets_the_spanish_greeting(stack):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    assert SPANISH_GREETING in say(visitor, "Hola, ¿hablan español?")
    assert [button["title"] for button in visitor.buttons][:1] == ["¿Qué es ART?"]


@pytest.mark.parametrize(
    ("message", "words"),
    [(RED_FLAGS[0], SPANISH_EMERGENCY), ("ya no quiero vivir, pienso en matarme", SPANISH_CRISIS)],
)
def test_a_spanish_red_flag_outside_the_request_gets_the_spanish_tier_answer(stack, message, words):
    answer = say(Visitor(stack.ports.rasa, prefix="es"), message)
    assert words in answer
    assert "988" in answer or "911" in answer


@pytest.mark.parametrize(("index", "step"), list(enumerate(name for name, _, _ in STEPS)))
def test_a_spanish_red_flag_inside_the_request_ends_it_and_keeps_nothing(stack, index, step):
    visitor = Visitor(stack.ports.rasa, prefix="es")
    for name, answer, question in STEPS:
        assert question in say(visitor, answer), f"did not reach {name}"
        if name == step:
            break
    answer = say(visitor, RED_FLAGS[index % len(RED_FLAGS)])
    assert SPANISH_EMERGENCY in answer
    assert NAME_QUESTION not in answer and CONTACT_QUESTION not in answer
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
