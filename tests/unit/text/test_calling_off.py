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
        # A reason, then the cancel asked for in a sentence of its own (dev8).
        ("My son has exams all month, sorry. So cancel the request please.", True),
        ("work got crazy! cancel it", True),
        ("I cannot make it. how do I cancel?", False),
        ("cancellation policy. is there one", False),
    ],
)
def test_a_message_that_opens_by_calling_off(text, expected):
    assert calls_off(text) is expected
