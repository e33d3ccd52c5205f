import pytest

from clinic.text.calling_off import calls_off


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("oh forget it, i'll ring the clinic myself", True),
        ("hmm nevermind, he'd rather wait until spring", True),
        ("Never mind.", True),
        ("ok scratch that", True),
        ("i never mind a bit of pressure", False),
        ("don't forget it's for my mother", False),
    ],
)
def test_a_message_that_opens_by_calling_off(text, expected):
    assert calls_off(text) is expected
