"""Every response the visitor can see has Spanish (docs/spanish.md): a variation under the
condition `language: es` that Rasa picks whenever the conversation is in Spanish, with the
English answer's figures, names and buttons' payloads, and Spanish button titles."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from testkit.domain import load_domain

SPANISH = {"type": "slot", "name": "language", "value": "es"}
# Names and figures the Spanish keeps as the English has them.
NAMES = (
    "ART",
    "Active Release Techniques",
    "ProClinix",
    "ProClinix Sport Physical Therapy & Chiropractic",
    "Armonk",
)
# Said in Spanish only: the 988 Lifeline's Spanish option (press 2, or text AYUDA).
SPANISH_ONLY = re.compile(r"marque 2|AYUDA")
# The condition's name is known in English only (clinic/booking/regions.py), so the Spanish says
# "what you ask about" instead.
NOT_NAMED_IN_SPANISH = {"utter_other_condition_named": {"condition"}}
NUMBER = re.compile(r"\d+")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Button titles the two languages share.
SAME_TITLES = {"No"}

Variation = dict[str, Any]


def is_spanish(variation: Variation) -> bool:
    return SPANISH in (variation.get("condition") or [])


def responses() -> list[tuple[str, list[Variation]]]:
    return sorted(load_domain()["responses"].items())


def chosen(variations: list[Variation], slots: dict[str, Any]) -> list[Variation]:
    """The variations Rasa picks from for these slot values: the conditional ones that match,
    else those without a condition."""
    matching = [
        variation
        for variation in variations
        if variation.get("condition")
        and all(
            slots.get(condition["name"]) == condition["value"]
            for condition in variation["condition"]
        )
    ]
    return matching or [variation for variation in variations if not variation.get("condition")]


def spanish_states(variations: list[Variation]) -> list[dict[str, Any]]:
    """Every combination of the values the response's conditions test, with `language: es`.
    The other slots conditions test are always set when the response is said
    (`clinic_details_known` at session start, `triage_check` by the check)."""
    values: dict[str, set[Any]] = {}
    for variation in variations:
        for condition in variation.get("condition") or []:
            if condition["name"] != "language":
                values.setdefault(condition["name"], set()).add(condition["value"])
    names = sorted(values)
    return [
        {"language": "es", **dict(zip(names, combination, strict=True))}
        for combination in itertools.product(*(sorted(values[name], key=repr) for name in names))
    ]


def names_in(text: str) -> set[str]:
    return {name for name in NAMES if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)}


def placeholders_in(text: str) -> set[str]:
    """Template values by name; the Spanish of a slot's value is the slot named `<name>_es`."""
    return {name.removesuffix("_es") for name in PLACEHOLDER.findall(text)}


def test_every_response_has_a_spanish_variation():
    without = [name for name, variations in responses() if not any(map(is_spanish, variations))]
    assert without == []


@pytest.mark.parametrize(("name", "variations"), responses())
def test_a_spanish_conversation_gets_only_spanish(name, variations):
    for slots in spanish_states(variations):
        picked = chosen(variations, slots)
        assert picked, (name, slots)
        assert all(map(is_spanish, picked)), (name, slots)


@pytest.mark.parametrize(("name", "variations"), responses())
def test_the_spanish_keeps_the_english_figures_and_names(name, variations):
    english = [variation["text"] for variation in variations if not is_spanish(variation)]
    spanish = [
        SPANISH_ONLY.sub("", variation["text"]) for variation in variations if is_spanish(variation)
    ]
    not_named = NOT_NAMED_IN_SPANISH.get(name, set())
    for extract in (names_in, placeholders_in, lambda text: set(NUMBER.findall(text))):
        in_every_english = set.intersection(*map(extract, english)) - not_named
        in_any_english = set.union(*map(extract, english))
        for text in spanish:
            assert in_every_english <= extract(text) <= in_any_english, (name, text)


@pytest.mark.parametrize(("name", "variations"), responses())
def test_spanish_buttons_keep_the_payloads_under_spanish_titles(name, variations):
    english_titles = {
        button["title"]
        for variation in variations
        if not is_spanish(variation)
        for button in variation.get("buttons", [])
    }
    english_payloads = {
        tuple(button["payload"] for button in variation.get("buttons", []))
        for variation in variations
        if not is_spanish(variation)
    }
    for variation in filter(is_spanish, variations):
        buttons = variation.get("buttons", [])
        assert tuple(button["payload"] for button in buttons) in english_payloads, name
        assert {button["title"] for button in buttons} & english_titles <= SAME_TITLES, name


def test_the_checks_catch_an_english_answer_in_a_spanish_conversation():
    english_only = [{"text": "ART at ProClinix."}]
    unguarded = [
        {"condition": [{"type": "slot", "name": "known", "value": True}], "text": "English."},
        {"condition": [{"type": "slot", "name": "known", "value": True}, SPANISH], "text": "Es."},
    ]
    assert spanish_states(english_only) == [{"language": "es"}]
    assert {"language": "es", "known": True} in spanish_states(unguarded)
    assert not any(map(is_spanish, chosen(english_only, {"language": "es"})))
    assert not all(map(is_spanish, chosen(unguarded, {"language": "es", "known": True})))


def test_the_checks_catch_a_changed_figure_or_a_missing_name():
    assert NUMBER.findall("Llame al 991.") != NUMBER.findall("Call 911.")
    assert names_in("ProClinix en Armonk ofrece ART.") == {"ProClinix", "Armonk", "ART"}
    assert "ART" not in names_in("Pregunte por la terapia.")
    assert placeholders_in("Llame: {clinic_details_es}") == placeholders_in(
        "Call: {clinic_details}"
    )
