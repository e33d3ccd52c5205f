"""The covered area a visitor named before the booking request asked its concern ("my lower back
seizes up ... would ART help?" and then "yes please"): what a time given at the concern question
leaves the concern to be. Plain Python with no Rasa import."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from clinic.booking.regions import COVERED_CONCERNS, canonical_region
from clinic.conversations.turns import user_turns
from clinic.text.validation import covered_region_in

# How many visitor messages back the area may have been named.
LOOK_BACK = 8


def covered_area_told_before(events: Iterable[Mapping[str, Any]]) -> str | None:
    """ "neck" or "lower back", as the latest visitor message before the current one that names
    one of them says (its BODY_REGION entities, else its words); None when none does."""
    earlier = user_turns(events)[1:-1]
    for turn in reversed(earlier[-LOOK_BACK:]):
        message = turn[0]
        entities = (message.get("parse_data") or {}).get("entities") or []
        for entity in entities:
            if entity.get("entity") == "BODY_REGION":
                region = canonical_region(str(entity.get("value") or ""))
                if region in COVERED_CONCERNS:
                    return region
        region = covered_region_in(str(message.get("text") or ""))
        if region:
            return region
    return None
