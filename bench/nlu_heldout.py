"""Held-out NLU examples for the benchmark, read from Rasa NLU training-data files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rasa.shared.data import get_data_files, is_nlu_file
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.loading import load_data

OUT_OF_SCOPE_INTENT = "out_of_scope"


@dataclass(frozen=True)
class HeldOutExample:
    text: str
    intent: str
    # Full retrieval key, e.g. "faq/neck_pain"; None for intents without a response selector.
    response_key: str | None
    in_scope: bool


def load_heldout(path: Path, *, all_out_of_scope: bool = False) -> list[HeldOutExample]:
    """The file's labelled examples; out_of_scope ones (or all, if asked) count as out of scope."""
    if not path.is_file():
        raise FileNotFoundError(f"Held-out file not found: {path}")
    messages = load_data(str(path)).intent_examples
    if not messages:
        raise ValueError(f"Held-out file {path} holds no labelled NLU examples.")
    return [
        HeldOutExample(
            text=message.get(TEXT),
            intent=message.get(INTENT),
            response_key=message.get(INTENT_RESPONSE_KEY),
            in_scope=not all_out_of_scope and message.get(INTENT) != OUT_OF_SCOPE_INTENT,
        )
        for message in messages
    ]


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def also_in_training(examples: list[HeldOutExample], data_dir: Path) -> list[str]:
    """Held-out texts that the training data holds too (case and spacing ignored)."""
    training = {
        _normalised(message.get(TEXT))
        for nlu_file in get_data_files([str(data_dir)], is_nlu_file)
        for message in load_data(nlu_file).intent_examples
    }
    return [example.text for example in examples if _normalised(example.text) in training]
