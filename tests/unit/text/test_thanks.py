import pytest

from clinic.text.thanks import ends_with_thanks, says_thanks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok i'll check with my physio first. thanks", True),
        ("alright, will ask my doctor, thank you so much", True),
        ("grand, i'll ring on monday. cheers", True),
        ("is it covered by insurance thanks?", False),
        ("thanks but how long is a session", False),
    ],
)
def test_a_statement_that_ends_with_a_thanks(text, expected):
    assert ends_with_thanks(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no thanks", True),
        ("Thank you anyway!", True),
        ("nah cheers", True),
        ("ty", True),
        ("no, not now", False),
        ("the party was fun", False),
    ],
)
def test_a_thanks_anywhere_in_the_message(text, expected):
    assert says_thanks(text) is expected
