import importlib.util
from pathlib import Path

import pytest
import spacy

BUILD_SCRIPT = Path(__file__).resolve().parents[3] / "spacy_pipeline" / "build.py"


@pytest.fixture(scope="module")
def build_module():
    spec = importlib.util.spec_from_file_location("spacy_build", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nlp(build_module, tmp_path_factory):
    output = tmp_path_factory.mktemp("spacy") / "en_proclinix"
    assert build_module.main(["build.py", str(output)]) == 0
    return spacy.load(output)


def entities(nlp, text):
    return [(ent.text, ent.label_, ent.ent_id_) for ent in nlp(text).ents]


def test_pipeline_components(nlp):
    assert nlp.pipe_names == ["lemmatizer", "entity_ruler"]


def test_body_regions_symptoms_and_treatments(nlp):
    assert entities(nlp, "My Lower Back and neck are stiff after a deep tissue massage") == [
        ("Lower Back", "BODY_REGION", "lower back"),
        ("neck", "BODY_REGION", "neck"),
        ("stiff", "SYMPTOM", "stiffness"),
        ("deep tissue massage", "TREATMENT", "massage"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("la espalda baja", [("espalda baja", "lower back")]),
        ("el cuello", [("cuello", "neck")]),
        ("me duele la Cintura", [("Cintura", "lower back")]),
        ("la espalda alta y el hombro", [("espalda alta", "upper back"), ("hombro", "shoulder")]),
        ("me duele la muneca y la rodilla", [("muneca", "wrist"), ("rodilla", "knee")]),
        ("dolor en el pie", [("el pie", "foot and ankle")]),
        ("an apple pie recipe", []),
    ],
)
def test_spanish_body_regions(nlp, text, found):
    assert entities(nlp, text) == [(phrase, "BODY_REGION", region) for phrase, region in found]


def test_conditions_and_medicines_the_article_does_not_cover(nlp):
    assert entities(nlp, "would ART fix my golfers elbow? I take Advil and a heat rub") == [
        ("golfers elbow", "CONDITION", "golfer's elbow"),
        ("Advil", "MEDICATION", "ibuprofen"),
        ("heat rub", "MEDICATION", "pain relief cream"),
    ]


def test_a_hands_on_therapy_names_no_body_region(nlp):
    assert entities(nlp, "ART is a hands-on therapy") == []


def test_treatment_names(nlp):
    assert entities(nlp, "is active release better than foam rolling?") == [
        ("active release", "TREATMENT", "active release techniques"),
        ("foam rolling", "TREATMENT", "stretching"),
    ]


def test_lookup_lemmas(nlp):
    assert [token.lemma_ for token in nlp("my shoulders were aching")] == [
        "my",
        "shoulder",
        "be",
        "ache",
    ]


def test_every_pattern_has_its_canonical_value_as_id(build_module):
    patterns = build_module.load_patterns()
    assert all(pattern["pattern"] == pattern["pattern"].lower() for pattern in patterns)
    labels = {pattern["label"] for pattern in patterns}
    assert labels == {"BODY_REGION", "SYMPTOM", "TREATMENT", "CONDITION", "MEDICATION"}
    ids = {pattern["id"] for pattern in patterns}
    assert {"neck", "lower back", "shoulder", "hip"} <= ids
