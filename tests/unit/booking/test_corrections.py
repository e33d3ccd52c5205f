import pytest

from clinic.booking.corrections import concern_correction, email_correction, name_correction


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("NO WAIT MY NAME IS LINDA CHEN-WALSH, MARRIED NAME", "LINDA CHEN", "LINDA CHEN-WALSH"),
        ("oh and my full name is Ana María Ruiz", "Ana Ruiz", "Ana María Ruiz"),
        ("sorry its Katherine with a K, not C", "catherine lindqvist", "Katherine lindqvist"),
        ("typo, it's Lindquist", "Catherine Lindqvist", "Catherine Lindquist"),
        ("sorry its Katherine with a K", "Katherine Lindqvist", "Katherine Lindqvist"),
        (
            "oh her last name is actually Okafor-Reid, double-barrelled",
            "Ada Okafor",
            "Ada Okafor-Reid",
        ),
        ("his first name is Jon, no h", "John Berg", "Jon Berg"),
        # Answers to the question open are no correction.
        ("mornings, not fridays", "Catherine Lindqvist", None),
        ("new patient", "Catherine Lindqvist", None),
        ("with a K", None, None),
        ("ugh typo, meant mike.t@example.com", "mike t", None),
    ],
)
def test_a_name_told_again_is_a_correction(text, current, expected):
    assert name_correction(text, current) == expected


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        (
            "wait not just the neck, its the lower back too, both really",
            ["neck", "lower back"],
            "other: neck and lower back",
        ),
        ("actually it's more my lower back", ["lower back"], "lower back"),
        # A time that names an area, or an area with no change, is the question's answer.
        ("neck is worse in the mornings, so mornings too", ["neck"], None),
        ("my lower back", ["lower back"], None),
        ("wait, the knee too", [], None),
    ],
)
def test_an_area_told_again_changes_the_concern(text, regions, expected):
    assert concern_correction(text, regions) == expected


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("oops .org not .ogr", "sam@example.ogr", "sam@example.org"),
        ("sorry, hotmail instead of hotmial", "jo@hotmial.com", "jo@hotmail.com"),
        ("mornings, not fridays", "jo@example.com", None),
        ("oops .com not .con", None, None),
    ],
)
def test_a_piece_of_the_email_told_again_corrects_it(text, current, expected):
    assert email_correction(text, current) == expected
