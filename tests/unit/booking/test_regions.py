import pytest

from clinic.booking.regions import (
    canonical_region,
    concern_for_region,
    entity_phrases,
    uncovered_topic,
)


@pytest.mark.parametrize(
    ("phrase", "region"),
    [
        ("Lumbar", "lower back"),
        ("low  back", "lower back"),
        ("NECK", "neck"),
        ("cervical spine", "neck"),
        ("rotator cuff", "shoulder"),
        ("hip flexors", "hip"),
        ("elbow", "elbow"),
        ("Espalda Baja", "lower back"),
        ("nuca", "neck"),
        ("tobillo", "foot and ankle"),
        ("spleen", None),
    ],
)
def test_canonical_region(phrase, region):
    assert canonical_region(phrase) == region


def test_every_phrase_maps_to_a_canonical_region_that_maps_to_itself():
    phrases = entity_phrases("BODY_REGION")
    assert len(phrases) > 20
    for canonical in set(phrases.values()):
        assert canonical_region(canonical) == canonical


@pytest.mark.parametrize(
    ("region", "concern"),
    [("neck", "neck"), ("lower back", "lower back"), ("shoulder", "other: shoulder")],
)
def test_concern_for_region(region, concern):
    assert concern_for_region(region) == concern


@pytest.mark.parametrize(
    ("conditions", "regions", "named"),
    [
        (["golfers elbow"], [], "golfer's elbow"),
        (["Carpal Tunnel"], ["wrist"], "carpal tunnel syndrome"),
        ([], ["Heel"], "your heel"),
        ([], ["neck", "knee"], "your knee"),
        ([], ["lower back"], None),
        ([], [], None),
    ],
)
def test_uncovered_topic_names_the_condition_first_then_an_uncovered_region(
    conditions, regions, named
):
    assert uncovered_topic(conditions, regions) == named
