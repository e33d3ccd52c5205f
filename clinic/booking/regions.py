"""Canonical body regions and conditions, read from the patterns file of the spaCy entity ruler."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import yaml

from clinic.booking.fields import OTHER_CONCERN, Concern
from clinic.paths import REPO_ROOT

PATTERNS_FILE = REPO_ROOT / "spacy_pipeline" / "patterns.yml"
# The booking request sorts concerns into the two areas the clinic's ART article covers.
COVERED_CONCERNS = ("neck", "lower back")


@cache
def entity_phrases(label: str, path: Path = PATTERNS_FILE) -> dict[str, str]:
    """Lower-cased phrase -> canonical value, for every phrase of one entity label of the ruler."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        phrase.lower(): canonical
        for canonical, phrases in spec[label].items()
        for phrase in [canonical, *phrases]
    }


def _canonical(label: str, phrase: str) -> str | None:
    return entity_phrases(label).get(" ".join(phrase.lower().split()))


def canonical_region(phrase: str) -> str | None:
    """ "Lumbar" -> "lower back"; None for a phrase that is not a known body region."""
    return _canonical("BODY_REGION", phrase)


def concern_for_region(region: str) -> str:
    """The booking concern for a canonical region: neck, lower back, or other (with the region)."""
    return region if region in COVERED_CONCERNS else Concern(OTHER_CONCERN, region).format()


def uncovered_topic(conditions: Sequence[str], regions: Sequence[str]) -> str | None:
    """How to name what a visitor asked about that the article does not cover.

    The first recognised condition by its canonical name ("golfers elbow" -> "golfer's elbow"),
    else the first body region other than the neck and lower back, as the visitor wrote it
    ("your heel"); None when the message names neither.
    """
    for phrase in conditions:
        condition = _canonical("CONDITION", phrase)
        if condition:
            return condition
    for phrase in regions:
        region = canonical_region(phrase)
        if region and region not in COVERED_CONCERNS:
            return f"your {' '.join(phrase.lower().split())}"
    return None
