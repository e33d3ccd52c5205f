"""The Spanish red flags: each category, negation, history, a crisis's only denial, and the
Spanish development sets (tests/spanish/dev/), which the rules must keep."""

from pathlib import Path

import pytest
import yaml

from clinic.triage.red_flags import find_red_flags, most_severe
from clinic.triage.red_flags_es import find_red_flags_es

DEV = Path(__file__).resolve().parents[1] / "spanish" / "dev"


def category(text: str) -> str | None:
    finding = most_severe(find_red_flags_es(text))
    return finding.category if finding else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tengo un dolor muy fuerte en el pecho y no puedo respirar", "chest_pain"),
        ("me falta el aire", "breathing"),
        ("se me cayó un lado de la cara y hablo raro", "stroke"),
        ("tengo la entrepierna dormida y no puedo orinar", "cauda_equina"),
        ("es el peor dolor de cabeza de mi vida", "thunderclap_headache"),
        ("tengo fiebre y el cuello tieso", "meningitis"),
        ("me caí de la escalera y tengo las piernas entumidas", "major_trauma"),
        ("se me está cerrando la garganta", "anaphylaxis"),
        ("pienso en quitarme la vida", "crisis"),
        ("ya no quiero vivir", "crisis"),
        ("tengo fiebre y me duele la espalda", "urgent_care"),
    ],
)
def test_each_category_is_found(text: str, expected: str) -> None:
    assert category(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no tengo dolor en el pecho, solo en el hombro",
        "sin fiebre, el cuello tieso de dormir mal",
        "tuve un infarto hace años y ahora quiero ayuda con la espalda",
        "me caí hace dos años y la espalda nunca quedó igual",
        "no quiero hacerme daño, solo estoy cansado del dolor",
        "me duele la espalda",
        "tengo el cuello tieso",
        "me quedé sin aire de tanto reír",
    ],
)
def test_negated_dated_and_everyday_messages_are_not_flagged(text: str) -> None:
    assert category(text) is None


def test_english_text_is_left_to_the_english_rules() -> None:
    assert find_red_flags_es("I have crushing chest pain and I'm thinking about suicide") == []


def test_the_spanish_development_sets_hold() -> None:
    def tiers(name: str) -> list[str | None]:
        examples = yaml.safe_load((DEV / f"{name}.yml").read_text(encoding="utf-8"))["examples"]
        found = [
            most_severe(find_red_flags(e["text"]) + find_red_flags_es(e["text"])) for e in examples
        ]
        return [finding.tier.intent if finding else None for finding in found]

    assert all(tier in ("emergency", "crisis") for tier in tiers("red_flags"))
    assert set(tiers("crisis")) == {"crisis"}
    assert not {"emergency", "crisis", "urgent_care"} & set(tiers("everyday"))
