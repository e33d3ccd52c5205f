"""Misspelt sign words put right before the red-flag rules read a message.

People type red flags in a hurry, on a phone: "shortnes of breth", "dizy and double vission",
"thunder clap hedache rite now". A word one slip away from a sign word becomes that word: a
letter missing, doubled or added, two letters swapped, or one vowel typed for another
("speach", "teering"). A consonant typed for another is left alone: "never" is no "fever",
"chess" no "chest". Short words are left alone too, and a few phonetic spellings are listed.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words the red-flag rules read, spelt right. Only words of five letters or more: a slip in a
# shorter word is as often another word.
SIGN_WORDS = frozenset(
    {
        "adjusted",
        "adjustment",
        "allergic",
        "anaphylaxis",
        "bladder",
        "bleeding",
        "blurred",
        "bowel",
        "bowels",
        "breath",
        "breathe",
        "breathing",
        "collapsed",
        "confused",
        "confusion",
        "conscious",
        "control",
        "crushing",
        "dizziness",
        "dizzy",
        "double",
        "drooping",
        "droopy",
        "emergency",
        "epipen",
        "fainted",
        "feeling",
        "fever",
        "groin",
        "headache",
        "numbness",
        "paralysed",
        "paralyzed",
        "pressure",
        "seizure",
        "shortness",
        "slurred",
        "slurring",
        "speech",
        "stroke",
        "sudden",
        "suddenly",
        "suicidal",
        "suicide",
        "swallow",
        "swallowing",
        "swelling",
        "swollen",
        "tearing",
        "thunderclap",
        "throat",
        "tingling",
        "tongue",
        "unconscious",
        "vision",
        "vomited",
        "vomiting",
        "weakness",
        "wheezing",
    }
)
# Spellings by sound that are more than one slip away.
PHONETIC = {
    "rite": "right",
    "nite": "night",
    "hedake": "headache",
    "hedach": "headache",
    "thunder clap": "thunderclap",
    "unconshus": "unconscious",
    "paralized": "paralyzed",
    "parralized": "paralyzed",
    "breeth": "breath",
    "breathin": "breathing",
    # The g dropped, as it is said (dev12's "cuttin again").
    "cuttin": "cutting",
}
# Words one slip away from a sign word that are words of their own.
WORDS = frozenset(
    {
        "bowl",
        "bowls",
        "breadth",
        "crashing",
        "doable",
        "ever",
        "feelings",
        "fueling",
        "grain",
        "grin",
        "groan",
        "ladder",
        "ladders",
        "sadden",
        "stoke",
        "strike",
        "strikes",
        "suicides",
        "threat",
    }
)
VOWELS = frozenset("aeiouy")
MINIMUM = 5
WORD = re.compile(r"[a-z]+")
PHONETIC_WORDS = re.compile(r"\b(?:" + "|".join(sorted(PHONETIC, key=len, reverse=True)) + r")\b")


def one_slip(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one letter missing, added or doubled, two neighbours
    swapped, or one vowel typed for another."""
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        diffs = [index for index, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diffs) == 1:
            return typed[diffs[0]] in VOWELS and word[diffs[0]] in VOWELS
        first, second = diffs[0], diffs[-1]
        return (
            len(diffs) == 2
            and second == first + 1
            and typed[first] == word[second]
            and typed[second] == word[first]
        )
    shorter, longer = sorted((typed, word), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


@lru_cache(maxsize=4096)
def corrected_word(typed: str) -> str:
    if len(typed) < MINIMUM - 1 or typed in WORDS:
        return typed
    # A sign word itself, or with an ending ("breaths", "epipens"), is left as typed.
    if any(typed.startswith(word) for word in SIGN_WORDS):
        return typed
    for word in sorted(SIGN_WORDS):
        if one_slip(typed, word):
            return word
    return typed


def corrected(text: str) -> str:
    """Lower-case text with its misspelt sign words put right."""
    text = PHONETIC_WORDS.sub(lambda match: PHONETIC[match.group(0)], text)
    return WORD.sub(lambda match: corrected_word(match.group(0)), text)
