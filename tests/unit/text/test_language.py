import pytest

from clinic.text.language_choice import chosen_language, page_language
from clinic.text.language_detect import detect, has_spanish, lists_lean_spanish, resolve


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tengo dolor de espalda baja, ¿ART sirve?", "es"),
        ("tengo un dolor muy fuerte en el pecho y no puedo respirar", "es"),
        ("gracias", "es"),
        ("sí", "es"),
        ("My lower back has been killing me since I moved", "en"),
        ("thanks", "en"),
        ("tengo back pain desde hace dos semanas", "es"),
        ("I saw Dr. de la Cruz last year for my back", "en"),
        ("Buenos Dias Quiero Una Cita", "es"),
        # Capitals shouted are no name.
        ("MY LOWER BACK IS KILLING ME AFTER MOVING", "en"),
        ("NO ENTIENDO NADA DE ESO, QUE ES", "es"),
        ("my email is maria.lopez@gmail.com", "en"),
        ("mi correo es maria.lopez@gmail.com", "es"),
        # One list word among unknown ones: the character model decides.
        ("lorem ipsum dolor", "en"),
        ("kiero una sita", "es"),
    ],
)
def test_detects_the_language_a_message_is_written_in(text: str, expected: str) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "no",
        "Maria Lopez",
        "José Hernández",
        "Maria de la Cruz",
        # Names whose particles or first names are Spanish words too ("al", "el", "Dolores"):
        # typed at the booking's name step, they once switched a conversation to Spanish.
        "Fatima Al-Sayed",
        "fatima al-sayed",
        "Omar El Amrani",
        "Dolores Ruiz",
        "Fatima Al-Sayed, (914) 555-0123",
        "(914) 555-0123",
        "+1 914 555 0123",
        "maria.lopez@gmail.com",
        "zoe.castaneda@example.com",
        "www.proclinix-castaneda.com",
        "ART",
        "👍",
        "",
    ],
)
def test_a_message_that_does_not_tell_keeps_the_conversations_language(text: str) -> None:
    assert detect(text) is None
    assert resolve(text, "es") == "es"
    assert resolve(text, "en") == "en"


def test_a_conversation_without_a_language_starts_in_english() -> None:
    assert resolve("ok", None) == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in English please", "en"),
        ("en inglés por favor", "en"),
        ("I don't speak Spanish", "en"),
        ("en español", "es"),
        ("¿Hablan español?", "es"),
        ("do you speak Spanish?", "es"),
        ("no hablo inglés", "es"),
        ("español", "es"),
    ],
)
def test_an_explicit_choice_names_the_language(text: str, expected: str) -> None:
    assert chosen_language(text) == expected


@pytest.mark.parametrize(
    "text", ["my back hurts", "tengo dolor de espalda", "ok", "my english is bad"]
)
def test_a_message_without_a_choice_chooses_nothing(text: str) -> None:
    assert chosen_language(text) is None


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"language": "es"}, "es"),
        ({"language": "es-US"}, "es"),
        ({"language": "EN"}, "en"),
        ({"language": "fr"}, None),
        ({}, None),
        (None, None),
    ],
)
def test_the_pages_language_comes_from_the_widgets_metadata(metadata, expected) -> None:
    assert page_language(metadata) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿qué es ART?", True),
        ("where are you? donde queda la oficina", True),
        ("my lower back me duele", True),
        ("what is ART and how does it work", False),
        ("can I take ibuprofen for my neck", False),
        ("ok", False),
        ("lorem ipsum dolor", False),
        ("tengo back pain", True),
    ],
)
def test_spanish_inside_a_message_is_found_however_little_there_is(text: str, expected: bool):
    assert has_spanish(text) is expected


@pytest.mark.parametrize(
    ("text", "also_known", "expected"),
    [
        # One list word among words the lists do not know: as `detect` reads a short message.
        ("dolor cervical cronico", frozenset(), False),
        # The scope classifier's Spanish-only training words count as known.
        ("dolor cervical cronico", frozenset({"cronico"}), True),
        # The suite's d030: "dolor" known, two unknown words, whatever else is known.
        ("lorem ipsum dolor", frozenset({"dolor"}), False),
        ("tengo fascitis plantar", frozenset({"tengo"}), False),
        # The lists leaning English, or longer messages, never lean Spanish.
        ("my cronico back", frozenset({"cronico"}), False),
        ("dolor cronico en la nuca", frozenset({"cronico", "nuca"}), False),
    ],
)
def test_a_short_message_leans_spanish_only_when_most_of_its_words_are_known(
    text: str, also_known: frozenset[str], expected: bool
) -> None:
    assert lists_lean_spanish(text, also_known) is expected
