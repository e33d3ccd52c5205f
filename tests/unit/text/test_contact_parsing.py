import pytest

from clinic.text.contact_parsing import find_emails, find_phone_numbers, written_emails


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call me at (914) 555-0123 please", ["(914) 555-0123"]),
        ("914.555.0123", ["914.555.0123"]),
        ("my cell is 9145550123", ["9145550123"]),
        ("+44 20 7946 0958 is my UK number", ["+44 20 7946 0958"]),
        ("mornings work best", []),
        ("jane@example.com", []),
    ],
)
def test_find_phone_numbers(text, expected):
    assert [found.text for found in find_phone_numbers(text)] == expected


def test_phone_number_span_points_into_the_text():
    text = "reach me on 914-555-0123 after 5"
    (found,) = find_phone_numbers(text)
    assert text[found.start : found.end] == "914-555-0123"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jane.doe@example.com", ["jane.doe@example.com"]),
        ("email me (jane@example.com), thanks", ["jane@example.com"]),
        ("<a.b@mail.example.org>.", ["a.b@mail.example.org"]),
        ("phone 914 555 0123 or jo@x.io", ["jo@x.io"]),
        ("jane@", []),
        ("@handle on social", []),
        ("no address here", []),
        ("jane@@example.com", []),
    ],
)
def test_find_emails(text, expected):
    assert [found.text for found in find_emails(text)] == expected


def test_email_span_points_into_the_text():
    text = "it is  Jo@Example.com, ok"
    (found,) = find_emails(text)
    assert text[found.start : found.end] == "Jo@Example.com"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("omar dot haddad at outlook dot com", "omar.haddad@outlook.com"),
        ("its jlee at yahoo dot co dot uk thanks", "its jlee@yahoo.co.uk thanks"),
        ("jo@x.io", "jo@x.io"),
        ("at home after 5", "at home after 5"),
        # Its name in words apart, after what introduces it: run together (dev8).
        (
            "no wait use my email instead sara lopez 7 at gmail dot com",
            "no wait use my email instead saralopez7@gmail.com",
        ),
        ("my email is ann dot kim 22 at aol dot com", "my email is ann.kim22@aol.com"),
    ],
)
def test_an_address_said_in_words_is_written(text, expected):
    assert written_emails(text) == expected
