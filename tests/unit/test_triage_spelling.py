"""Misspelt sign words are put right before the red-flag rules read a message; ordinary words
one consonant away from a sign word are not."""

import pytest

from clinic.triage.spelling import corrected, one_slip


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("shortnes of breth", "shortness of breath"),
        ("dizy with double vission", "dizzy with double vision"),
        ("my speach is slured", "my speech is slurred"),
        ("teering pain, sudenly", "tearing pain, suddenly"),
        ("thunder clap hedache rite now", "thunderclap headache right now"),
        ("siezure", "seizure"),
        ("cuttin again", "cutting again"),
    ],
)
def test_a_misspelt_sign_word_is_put_right(typed, meant):
    assert corrected(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "never had a fever",
        "the chess club",
        "a bowl of soup",
        "fell off a ladder",
        "worst it has ever been",
        "coach made us run suicides",
        "only little breaths",
        "do you keep epipens",
        "a strike at work",
    ],
)
def test_ordinary_words_and_sign_words_with_an_ending_stay(text):
    assert corrected(text) == text


def test_one_slip_is_a_letter_missing_added_swapped_or_a_vowel_for_a_vowel():
    assert one_slip("breth", "breath")
    assert one_slip("vission", "vision")
    assert one_slip("siezure", "seizure")
    assert one_slip("speach", "speech")
    assert not one_slip("never", "fever")
    assert not one_slip("breath", "breath")
    assert not one_slip("brth", "breath")
