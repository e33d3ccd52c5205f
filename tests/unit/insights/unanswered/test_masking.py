import pytest

from clinic.insights.unanswered.masking import mask_personal_details


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call me at (914) 555-0123 please", "call me at [phone] please"),
        ("914.555.0123 after 5", "[phone] after 5"),
        ("my cell is 9145550123", "my cell is [phone]"),
        ("my cell is 914-555-0123", "my cell is [phone]"),
        ("+44 20 7946 0958 is my UK number", "[phone] is my UK number"),
        ("reach me on +1 (914) 555 0123 tonight", "reach me on [phone] tonight"),
        ("digits 914 555 01 23 4", "digits [phone]"),
    ],
)
def test_phone_numbers_in_several_formats_are_masked(text, expected):
    assert mask_personal_details(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jane.doe@example.com is my email", "[email] is my email"),
        ("email me (jane@example.com), thanks", "email me ([email]), thanks"),
        ("<a.b+neck@mail.example.org>.", "<[email]>."),
        ("write to jo@localhost-ish please", "write to [email] please"),
    ],
)
def test_emails_valid_or_not_are_masked(text, expected):
    assert mask_personal_details(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, my name is jane doe and my neck hurts", "Hi, my name is [name] and my neck hurts"),
        ("I'm Jane O'Neil, can ART fix my elbow?", "I'm [name], can ART fix my elbow?"),
        ("this is Bob, what does it cost", "this is [name], what does it cost"),
        ("Call me Al. Is ART safe?", "Call me [name]. Is ART safe?"),
    ],
)
def test_names_after_an_introduction_are_masked(text, expected):
    assert mask_personal_details(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried about my knee",
        "can I take aspirin for my neck",
        "does ART help a 2019 injury from 10 years of desk work",
        "call me back about the price",
    ],
)
def test_questions_without_personal_details_are_unchanged(text):
    assert mask_personal_details(text) == text


def test_stored_entity_spans_are_masked_even_when_no_rule_finds_them():
    text = "reach me at five five five, or Jim"
    entities = [
        {"entity": "phone_number", "start": 12, "end": 26},
        {"entity": "PERSON", "start": 31, "end": 34},
        {"entity": "BODY_REGION", "start": 0, "end": 5},
    ]
    assert mask_personal_details(text, entities) == "reach me at [phone], or [name]"


def test_broken_entity_spans_are_ignored():
    text = "what does ART cost"
    entities = [{"entity": "email", "start": "x", "end": 3}, {"entity": "email", "start": 5}]
    assert mask_personal_details(text, entities) == text


def test_several_details_in_one_message_are_all_masked():
    text = "My name is Ann Lee, 914 555 0123 or ann@example.com: is ART covered by insurance?"
    assert mask_personal_details(text) == (
        "My name is [name], [phone] or [email]: is ART covered by insurance?"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm Dr. Smith, is ART safe?", "I'm [name], is ART safe?"),
        ("my name is Dr. jane smith", "my name is [name]"),
        ("I'm O'Neil from Armonk", "I'm [name] from Armonk"),
        ("Hi it's Maria here", "Hi it's [name] here"),
        ("It's ART safe for kids?", "It's ART safe for kids?"),
    ],
)
def test_titles_apostrophes_and_capitals_in_names(text, expected):
    assert mask_personal_details(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail jane.doe at gmail dot com please", "mail [email] please"),
        ("jane (at) example (dot) org", "[email]"),
        ("jo [at] mail.example.net thanks", "[email] thanks"),
        ("look at the clinic dot", "look at the clinic dot"),
    ],
)
def test_spelled_out_emails_are_masked(text, expected):
    assert mask_personal_details(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name nothing introduces but "here".
        ("Jane Doe here, is ART safe?", "[name] here, is ART safe?"),
        ("Hi, Jane here. Do you take Medicare?", "Hi, [name] here. Do you take Medicare?"),
        ("Renée Müller speaking", "[name] speaking"),
        # Written in capitals.
        ("I AM JANE DOE", "I AM [name]"),
        ("I AM JANE DOE AND MY KNEE HURTS", "I AM [name] AND MY KNEE HURTS"),
        ("HI I'M JANE, IS ART SAFE?", "HI I'M [name], IS ART SAFE?"),
        # Accented names.
        ("I'm José Álvarez, can ART help?", "I'm [name], can ART help?"),
        ("my name is Zoë Ångström", "my name is [name]"),
        ("Thanks, Élodie", "Thanks, [name]"),
        ("this is Łukasz Żółć", "this is [name]"),
        # E-mail addresses spelled out.
        ("jane at gmail", "[email]"),
        ("write to jane at hotmail please", "write to [email] please"),
        ("jane dot doe at gmail dot com", "[email]"),
        ("mail jane dot doe [at] example dot org", "mail [email]"),
        # Digits spelled out.
        ("nine one four five five five zero one two three", "[phone]"),
        ("my number is nine one four, five five five, oh one two three", "my number is [phone]"),
        ("914 five five five 0123", "[phone]"),
        # Street addresses.
        ("I live at 12 Main Street", "I live at [address]"),
        ("123 Elm St., Apt 4B is my home", "[address] is my home"),
        ("I live at 45 oak rd and my knee hurts", "I live at [address] and my knee hurts"),
        ("45 Old Mill Road, unit 3", "[address]"),
        # Dates of birth.
        ("born 03/14/1985", "born [date]"),
        ("DOB: March 14, 1985", "DOB: [date]"),
        ("my date of birth is 14th of March 1985", "my date of birth is [date]"),
        ("I was born in 1985, is ART safe?", "I was born in [date], is ART safe?"),
        ("my birthday is March 14", "my birthday is [date]"),
        ("born on 14.03.85 in Ohio", "born on [date] in Ohio"),
    ],
)
def test_finding_6_ordinary_ways_of_giving_details_are_masked(text, expected):
    assert mask_personal_details(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Someone here said ART hurts",
        "Is anyone here on Sundays?",
        "I AM WORRIED ABOUT MY KNEE",
        "I had one two three four sessions",
        "I walk 3 miles down the road",
        "10 years with Dr. Lee",
        "it hurts 2 days a week on the court",
        "does ART help a 2019 injury from 10 years of desk work",
    ],
)
def test_finding_6_the_new_patterns_leave_ordinary_questions_alone(text):
    assert mask_personal_details(text) == text
