"""The triage held-out sets stay held out: none of their messages is a training example."""

from pathlib import Path

import yaml
from rasa.shared.data import get_data_files, is_nlu_file
from rasa.shared.nlu.training_data.loading import load_data

from clinic.triage.training_sets import load_training_sets

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "triage" / "heldout"
MINIMUM_SIZES = {"everyday": 500, "red_flags": 300, "crisis": 60, "negated": 150, "urgent": 100}


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def heldout_texts(name: str) -> list[str]:
    data = yaml.safe_load((HELDOUT / f"{name}.yml").read_text(encoding="utf-8"))
    return [str(example["text"]) for example in data["examples"]]


def test_the_held_out_sets_have_their_sizes():
    assert {name: len(heldout_texts(name)) >= size for name, size in MINIMUM_SIZES.items()} == {
        name: True for name in MINIMUM_SIZES
    }


def test_no_held_out_message_is_a_training_example():
    training = {
        normalised(message.get("text"))
        for path in get_data_files([str(ROOT / "data")], is_nlu_file)
        for message in load_data(path).intent_examples
    } | {normalised(example.text) for example in load_training_sets(ROOT / "data" / "triage")}
    leaked = [
        text
        for path in sorted(HELDOUT.glob("*.yml"))
        for text in heldout_texts(path.stem)
        if normalised(text) in training
    ]
    assert leaked == []


def test_no_held_out_message_is_in_a_development_set():
    """The rules are written against the development sets' misses (dev*, replies_dev): a
    held-out message there would be tuned on."""
    heldout = {
        normalised(text)
        for path in sorted(HELDOUT.glob("*.yml"))
        for text in heldout_texts(path.stem)
    }
    shared = [
        text
        for path in sorted((ROOT / "tests" / "triage").glob("*/*.yml"))
        if path.parent != HELDOUT
        for example in yaml.safe_load(path.read_text(encoding="utf-8"))["examples"]
        if normalised(text := str(example["text"])) in heldout
    ]
    assert shared == []
