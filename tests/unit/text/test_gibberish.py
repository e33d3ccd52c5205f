import pytest

from clinic.text.gibberish import is_gibberish, vocabulary

KNOWN = vocabulary(
    ["what is ART?", "hmm not sure", "¿qué es ART?", "my neck hurts", "asdfgh", "the neck"]
)


@pytest.mark.parametrize(
    ("text", "gibberish"),
    [
        ("blorp", True),
        ("qpwoei rutyal", True),
        ("???", True),
        ("...", True),
        ("not flibber", False),
        # An interjection says nothing, though the training data has it.
        ("hmm flibber", True),
        ("¿Qué es?", False),
        ("NECK", False),
        ("914.555.0187", False),
        ("blorp 5", False),
        ("👍", False),
        ("Dana Reyes", False),
        ("Blorp", True),
        ("😬😬", True),
        ("👌", False),
        ("q", True),
        ("mmhmm blah wxq", True),
        # A keyboard mash, though an example holds it; articles and drawn-out sounds (dev8).
        ("asdfgh", True),
        ("kkkkkk", True),
        ("zxcvb", True),
        ("flurb the zonk uhhh", True),
        ("ughhh the neck", False),
    ],
)
def test_gibberish_is_punctuation_or_only_unknown_words(text, gibberish):
    assert is_gibberish(text, KNOWN) is gibberish
