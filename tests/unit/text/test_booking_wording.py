"""Every text the booking request's actions build has both languages, with the same places to
fill and the same figures, examples and addresses (the Spanish carries the English facts)."""

import re
import string

import pytest

from clinic.text import booking_wording
from clinic.text.validation import InvalidInput, normalize_email, normalize_phone, parse_name
from clinic.text.wording import Wording

WORDINGS = {
    name: value for name, value in vars(booking_wording).items() if isinstance(value, Wording)
}
# What must read the same in both languages: numbers, email addresses, 911-style figures.
FACTS = re.compile(r"\(?\d[\d() -]*\d|\d|[\w.]+@[\w.]+|\+")


def places(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("name", sorted(WORDINGS))
def test_both_languages_are_written_and_fill_the_same_places(name):
    wording = WORDINGS[name]
    assert wording.en.strip() and wording.es.strip()
    assert places(wording.en) == places(wording.es)


@pytest.mark.parametrize("name", sorted(WORDINGS))
def test_the_spanish_keeps_the_figures_and_examples(name):
    wording = WORDINGS[name]
    english = [fact for fact in FACTS.findall(wording.en) if "example.com" not in fact]
    spanish = [fact for fact in FACTS.findall(wording.es) if "example.com" not in fact]
    assert english == spanish


def test_a_value_that_is_itself_a_wording_is_said_in_the_same_language():
    said = booking_wording.FREE_TEXT_MISSING
    assert said.text("es", what=booking_wording.WHAT_DAYS_AND_TIMES) == (
        "Por favor, indíqueme los días y horas."
    )
    assert said.text("en", what=booking_wording.WHAT_DAYS_AND_TIMES) == (
        "Please tell me the days and times."
    )
    assert said.text(None, what="x") == "Please tell me the x."


@pytest.mark.parametrize(
    ("check", "answer", "english", "spanish"),
    [
        (normalize_phone, "555-0123", "not complete or not valid", "no está completo"),
        (normalize_phone, "1-900-555-0123", "premium-rate", "tarifa especial"),
        (normalize_email, "jane@", "does not look right", "no parece correcta"),
        (parse_name, "12345", "using letters", "con letras"),
    ],
)
def test_a_problem_is_told_in_english_and_in_spanish(check, answer, english, spanish):
    with pytest.raises(InvalidInput) as raised:
        check(answer)
    assert english in raised.value.message
    assert english in raised.value.text("en")
    assert spanish in raised.value.text("es")


def test_a_problem_given_as_plain_text_reads_the_same_in_both():
    problem = InvalidInput("Give a new status, a note or both.")
    assert problem.text("es") == problem.message == "Give a new status, a note or both."
