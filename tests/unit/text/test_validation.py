import pytest

from clinic.text.validation import (
    InvalidInput,
    Phone,
    format_phone,
    is_non_answer,
    name_after_a_yes,
    normalize_email,
    normalize_free_text,
    normalize_name,
    normalize_phone,
    parse_concern,
    parse_name,
    parse_patient_status,
    parse_phone,
    parse_yes_no,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(914) 555-0123", "+19145550123"),
        ("914.555.0123", "+19145550123"),
        ("+1 914 555 0123", "+19145550123"),
        ("914-555-0123", "+19145550123"),
        ("9145550123", "+19145550123"),
        ("1 (914) 555-0123", "+19145550123"),
        ("  (212) 555-0199  ", "+12125550199"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+33 1 42 68 53 00", "+33142685300"),
        ("011 44 20 7946 0958", "+442079460958"),
    ],
)
def test_good_phone_numbers_become_e164(text, expected):
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "555-0123",
        "123",
        "",
        "   ",
        "phone",
        "1-800-FLOWERS",
        "(914) 555-0123 ext 12",
        "914 555 0123 x12",
        "1-800-FLOWERS x12",
        "+44 20",
        "+1 914 555 01234567",
        "9" * 41,
        "12345678901234",
    ],
)
def test_bad_phone_numbers_are_refused_with_a_sentence(text):
    with pytest.raises(InvalidInput) as caught:
        normalize_phone(text)
    assert caught.value.message.endswith(".")
    assert "phone" in caught.value.message.lower() or "number" in caught.value.message.lower()


def test_national_numbers_follow_the_given_region():
    assert normalize_phone("020 7946 0958", region="GB") == "+442079460958"
    with pytest.raises(InvalidInput):
        normalize_phone("020 7946 0958")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("914-555-0123 ext 12", Phone("+19145550123", "12")),
        ("914-555-0111 ext. 23", Phone("+19145550111", "23")),
        ("(914) 555 0161 x4", Phone("+19145550161", "4")),
        ("914-555-0123 extension 5", Phone("+19145550123", "5")),
        ("+44 20 7946 0958 ext 3", Phone("+442079460958", "3")),
        ("914-555-0123", Phone("+19145550123")),
    ],
)
def test_an_office_line_keeps_its_extension(text, expected):
    """A number with an extension is taken, the extension kept apart for the front desk."""
    assert parse_phone(text) == expected


@pytest.mark.parametrize(
    "text", ["914-555-0123 ext 12345678", "1-800-FLOWERS x12", "914-555-01ab ext 2"]
)
def test_an_extension_gets_no_letters_into_the_number_and_stays_short(text):
    with pytest.raises(InvalidInput):
        parse_phone(text)


@pytest.mark.parametrize(
    ("e164", "extension", "shown"),
    [
        ("+19145550123", None, "(914) 555-0123"),
        ("+442079460958", None, "+44 20 7946 0958"),
        ("+19145550123", "12", "(914) 555-0123 ext. 12"),
    ],
)
def test_format_phone_reads_like_people_write_it(e164, extension, shown):
    assert format_phone(e164, extension) == shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jane@example.com", "jane@example.com"),
        ("Jane.Doe@Example.COM", "Jane.Doe@example.com"),
        ("  jane@example.com ", "jane@example.com"),
        ("user+tag@sub.example.org", "user+tag@sub.example.org"),
        ("user@bücher.de", "user@bücher.de"),
        ("user@BÜCHER.de", "user@bücher.de"),
        ("user@xn--bcher-kva.de", "user@bücher.de"),
        ("usér@example.com", "usér@example.com"),
    ],
)
def test_good_emails_get_a_lower_case_domain(text, expected):
    assert normalize_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "jane",
        "jane@",
        "@example.com",
        "jane@example",
        "jane@@example.com",
        "jane doe@example.com",
        "jane@exa mple.com",
        "jane@-example.com",
        "jane@example..com",
        "a" * 250 + "@example.com",
    ],
)
def test_bad_emails_are_refused_with_a_sentence(text):
    with pytest.raises(InvalidInput) as caught:
        normalize_email(text)
    assert "email" in caught.value.message.lower()


# How people answer "Are you a new or a returning patient?", typos and long sentences included.
PATIENT_STATUS_ANSWERS = [
    ("new", "new"),
    ("New patient", "new"),
    ("first time", "new"),
    # dev8: a visit told by when it was.
    ("he came once, back in 2021, for his shoulder", "returning"),
    ("I'm new!", "new"),
    ("I'm a new patient", "new"),
    ("this is my first time", "new"),
    ("never been", "new"),
    ("first timer", "new"),
    ("this'll be my first", "new"),
    ("1st time", "new"),
    ("no i haven't", "new"),
    ("not yet", "new"),
    ("I've been once", "returning"),
    ("came a while back", "returning"),
    ("i've had a few sessions", "returning"),
    ("haven't been in a while, but yes", "returning"),
    ("I’ve never been to ProClinix", "new"),
    ("nope, first time", "new"),
    ("haven't been there yet", "new"),
    ("brand new to ART", "new"),
    ("newbie", "new"),
    ("I was there in 2022 for the same back thing", "returning"),
    ("this would be my first visit", "new"),
    ("returning", "returning"),
    ("Existing patient.", "returning"),
    ("I've been before", "returning"),
    ("I came in last spring", "returning"),
    ("yeah I've been there before, saw Dr. Patel last spring", "returning"),
    ("returnig pateint", "returning"),
    ("exsisting", "returning"),
    ("not my first time", "returning"),
    ("I'm not new", "returning"),
    ("been there a few times", "returning"),
    ("yes, I'm a current patient", "returning"),
    ("I was a patient a couple of years ago", "returning"),
]


@pytest.mark.parametrize(("text", "expected"), PATIENT_STATUS_ANSWERS)
def test_patient_status_words(text, expected):
    assert parse_patient_status(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "maybe", "old", "newish", "yes", "no", "what do you mean?", "first time, been before"],
)
def test_unknown_patient_status_asks_again(text):
    with pytest.raises(InvalidInput, match="new or a returning patient"):
        parse_patient_status(text)


# How people answer "Shall I send it?" or "May the front desk contact you?" in words the NLU may
# not read as a yes or a no.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes that's all correct", True),
        ("yse", True),
        ("yess please", True),
        ("looks good to me", True),
        ("all good, thanks", True),
        ("perfect, send it", True),
        ("Correct.", True),
        ("sure thing", True),
        ("no problem, go ahead", True),
        ("ok", True),
        ("go", True),
        ("no go", False),
        ("no", False),
        ("nope", False),
        ("that's wrong", False),
        ("yes but change the time", False),
        ("don't send it", False),
        ("not correct", False),
        ("hmm", None),
        ("what is ART", None),
        ("", None),
        # A thumbs-up sends, a thumbs-down does not; another sign says neither (dev8).
        ("👍🏼", True),
        ("👌", True),
        ("👎", False),
        ("🤔", None),
    ],
)
def test_yes_or_no_in_words(text, expected):
    assert parse_yes_no(text) is expected


# How people give their name when asked "What is your full name?".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", "Jane Doe"),
        ("my name is Jane Doe.", "Jane Doe"),
        ("I'm Sarah Johnson", "Sarah Johnson"),
        ("Hi, my name is Ana Souza", "Ana Souza"),
        ("it's Tom", "Tom"),
        ("call me Liz", "Liz"),
        ("name: Anders Nilsson", "Anders Nilsson"),
        ("sure, it's Jae-won Lee", "Jae-won Lee"),
        ("this is Kevin Nguyen!", "Kevin Nguyen"),
        ("my full name is Robert O'Neil", "Robert O'Neil"),
        ("Isaac Newton", "Isaac Newton"),
        ("Its Mark", "Mark"),
        # Fillers before a comma, a first name then the full one, what follows the name.
        ("ok fine, Jasmine Ortiz", "Jasmine Ortiz"),
        ("its Chris, Chris Yamamoto", "Chris Yamamoto"),
        ("my name is Linda Park, im her daughter", "Linda Park"),
        ("its for my wife, Inés Valdés", "Inés Valdés"),
        ("this is for our son, Theo Marsh", "Theo Marsh"),
        ("mike t, short for michael", "mike t"),
        ("Linda Chen-Walsh, married name", "Linda Chen-Walsh"),
        ("sure, my name is Bo Li", "Bo Li"),
        ("fine. Ingrid Sorensen", "Ingrid Sorensen"),
        ("Will Fine", "Will Fine"),
    ],
)
def test_names_in_the_visitors_own_words(text, expected):
    assert parse_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok fine, Jasmine Ortiz", "Jasmine Ortiz"),
        ("fine. Ingrid Sorensen", "Ingrid Sorensen"),
        ("sure, it's Tom", "Tom"),
        ("ok let's do it", None),
        ("yes, please", None),
        ("ok, let's do it", None),
        ("sure", None),
    ],
)
def test_a_name_after_a_yes(text, expected):
    assert name_after_a_yes(text) == expected


@pytest.mark.parametrize(
    "text", ["yes", "hello", "idk", "my name is", "why do you need it", "ok, fine", "Doe, Jane"]
)
def test_replies_that_are_no_name_are_refused(text):
    with pytest.raises(InvalidInput):
        parse_name(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Yes!", True), ("I don’t know", True), ("ok.", True), ("mornings", False)],
)
def test_non_answers(text, expected):
    assert is_non_answer(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Neck", "neck"), ("low back", "lower back"), ("Lower back pain", "lower back")],
)
def test_concern_words(text, expected):
    assert parse_concern(text) == expected


def test_unknown_concern_lists_the_choices():
    with pytest.raises(InvalidInput, match="neck, lower back or something else"):
        parse_concern("elbow")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", "Jane Doe"),
        ("  jane   doe ", "jane doe"),
        ("Mary-Jane O'Neil", "Mary-Jane O'Neil"),
        ("Sinéad O\u2019Connor", "Sinéad O\u2019Connor"),
        ("José Núñez", "José Núñez"),
        ("Dr. Smith", "Dr. Smith"),
        ("李小龙", "李小龙"),
        ("Jose\u0301", "José"),
    ],
)
def test_good_names_are_tidied(text, expected):
    assert normalize_name(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "12345", "Jane <script>", "jane@example.com", "R2D2", "-", "x" * 101],
)
def test_bad_names_are_refused(text):
    with pytest.raises(InvalidInput) as caught:
        normalize_name(text)
    assert "name" in caught.value.message.lower()


def test_free_text_loses_control_characters_and_extra_space():
    assert normalize_free_text(" Monday\tmorning\x00 or\n\nevening ", "time", 50) == (
        "Monday morning or evening"
    )


def test_free_text_too_long_or_empty_is_refused():
    with pytest.raises(InvalidInput, match="under 5 characters"):
        normalize_free_text("Tuesday", "preferred time", 5)
    with pytest.raises(InvalidInput, match="tell me the preferred time"):
        normalize_free_text(" \x07 ", "preferred time", 5)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("+1 900 234 5678", "premium-rate"),
        ("1-900-234-5678", "premium-rate"),
        ("+44 901 234 5678", "premium-rate"),
        ("+44 7640 123456", "pager"),
    ],
)
def test_premium_rate_and_uncallable_numbers_are_refused_with_a_reason(text, reason):
    """Finding 14: premium-rate and other uncallable numbers are refused."""
    with pytest.raises(InvalidInput) as caught:
        normalize_phone(text)
    assert reason in caught.value.message
    assert "a number the front desk can call" in caught.value.message


@pytest.mark.parametrize("text", ["+1 800 234 5678", "(914) 555-0123", "+44 20 7946 0958"])
def test_premium_rate_check_keeps_toll_free_and_regular_numbers(text):
    assert normalize_phone(text).startswith("+")


@pytest.mark.parametrize(
    "text",
    [
        "jane@ex\u0430mple.com",  # Cyrillic a among Latin letters
        "jane@xn--exmple-4nf.com",  # the same domain in its ASCII form
        "jane@g\u03bfogle.com",  # Greek omicron
        "jane@mail.ex\u0430mple.com",
    ],
)
def test_mixed_script_email_domains_are_refused_with_a_reason(text):
    """Finding 14: look-alike (mixed-script) email domains are refused."""
    with pytest.raises(InvalidInput) as caught:
        normalize_email(text)
    assert "mixes letters of different alphabets" in caught.value.message


@pytest.mark.parametrize(
    "text", ["user@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", "user@\u4f8b\u3048.jp"]
)
def test_mixed_script_check_keeps_domains_written_in_one_language(text):
    assert normalize_email(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("soy nuevo", "new"),
        ("Paciente nueva", "new"),
        ("es mi primera vez", "new"),
        ("nunca he ido", "new"),
        ("no he ido antes", "new"),
        ("ya soy paciente", "returning"),
        ("ya he ido antes", "returning"),
        ("fui el año pasado", "returning"),
        ("no es mi primera vez", "returning"),
    ],
)
def test_patient_status_in_spanish(text, expected):
    assert parse_patient_status(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sí", True),
        ("Si, envíela", True),
        ("claro que sí", True),
        ("de acuerdo", True),
        ("no, cambiar la hora", False),
        ("incorrecto", False),
        ("no hay problema", None),
        ("tal vez", None),
    ],
)
def test_yes_or_no_in_spanish(text, expected):
    assert parse_yes_no(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Me llamo María López", "María López"), ("Soy José de la Cruz", "José de la Cruz")],
)
def test_a_name_in_a_spanish_sentence(text, expected):
    assert parse_name(text) == expected


@pytest.mark.parametrize("text", ["sí", "hola", "no sé", "gracias", "qué"])
def test_spanish_replies_that_answer_nothing(text):
    assert is_non_answer(text)
    with pytest.raises(InvalidInput):
        parse_name(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("cuello", "neck"), ("Espalda baja", "lower back"), ("otra cosa", "other")],
)
def test_concern_words_in_spanish(text, expected):
    assert parse_concern(text) == expected
