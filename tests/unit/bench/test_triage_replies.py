"""The short-reply development set stays a fair measure: none of its replies is a training
example, and the routine replies written for the triage model repeat no visitor turn of the
dialogue sets whose false alarms bench/bench_replies.py counts."""

from pathlib import Path

import yaml
from rasa.shared.data import get_data_files, is_nlu_file
from rasa.shared.nlu.training_data.loading import load_data

from bench.bench_replies import REPLIES_DIR, dialogue_files
from bench.triage_sets import load_sets
from clinic.triage.training_sets import load_training_sets

ROOT = Path(__file__).resolve().parents[3]
# The triage-only sets of ordinary mid-chat replies (replies1 in session 9, replies2 in session 11).
REPLIES_TRAINING = sorted((ROOT / "data" / "triage").glob("replies*"))


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def reply_dev_texts() -> list[str]:
    return [example.text for examples in load_sets(REPLIES_DIR).values() for example in examples]


def test_the_reply_development_set_has_everyday_replies_and_replies_with_a_sign():
    sizes = {name: len(examples) for name, examples in load_sets(REPLIES_DIR).items()}
    assert sizes["everyday"] >= 100
    assert sizes["red_flags"] + sizes["crisis"] + sizes["urgent"] >= 50


def test_no_reply_of_the_development_set_is_a_training_example():
    training = {
        normalised(message.get("text"))
        for path in get_data_files([str(ROOT / "data")], is_nlu_file)
        for message in load_data(path).intent_examples
    } | {normalised(example.text) for example in load_training_sets(ROOT / "data" / "triage")}
    assert [text for text in reply_dev_texts() if normalised(text) in training] == []


def test_the_routine_replies_written_for_training_repeat_no_dialogue_turn():
    turns = {
        normalised(str(turn.get("user") or ""))
        for path in dialogue_files()
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]
        for turn in conversation["turns"]
    }
    written = [
        str(example["text"])
        for folder in REPLIES_TRAINING
        for path in sorted(folder.glob("*.yml"))
        for example in yaml.safe_load(path.read_text(encoding="utf-8"))["examples"]
    ]
    assert written
    assert [text for text in written if normalised(text) in turns] == []
