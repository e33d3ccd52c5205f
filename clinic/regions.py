"""Canonical body regions, read from the same patterns file the spaCy entity ruler is built from."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from clinic.booking_fields import OTHER_CONCERN, Concern
from clinic.paths import REPO_ROOT

PATTERNS_FILE = REPO_ROOT / "spacy_pipeline" / "patterns.yml"
# The booking request sorts concerns into the two areas the clinic's ART article covers.
COVERED_CONCERNS = ("neck", "lower back")


@cache
def region_phrases(path: Path = PATTERNS_FILE) -> dict[str, str]:
    """Lower-cased phrase -> canonical region, for every BODY_REGION phrase of the ruler."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        phrase.lower(): canonical
        for canonical, phrases in spec["BODY_REGION"].items()
        for phrase in [canonical, *phrases]
    }


def canonical_region(phrase: str) -> str | None:
    """ "Lumbar" -> "lower back"; None for a phrase that is not a known body region."""
    return region_phrases().get(" ".join(phrase.lower().split()))


def concern_for_region(region: str) -> str:
    """The booking concern for a canonical region: neck, lower back, or other (with the region)."""
    return region if region in COVERED_CONCERNS else Concern(OTHER_CONCERN, region).format()
