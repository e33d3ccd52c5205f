"""Held-out NLU examples for the benchmark, read from Rasa NLU training-data files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rasa.shared.data import get_data_files, is_nlu_file
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.loading import load_data

OUT_OF_SCOPE_INTENT = "out_of_scope"
ENGLISH, SPANISH = "en", "es"
ROOT = Path(__file__).resolve().parent.parent
IN_SCOPE, OUT_OF_SCOPE, BOUNDARY = "in_scope", "out_of_scope", "boundary"


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


@dataclass(frozen=True)
class HeldOutSet:
    name: str
    path: Path
    # IN_SCOPE: article questions and general intents; OUT_OF_SCOPE: every message is to be
    # rejected; BOUNDARY: questions the article does not answer, each with its dedicated answer.
    kind: str
    # The language the set is written in: the bench's headline columns are the English sets',
    # the others get rows of their own (bench.nlu_evaluate.language_rows).
    language: str = ENGLISH

    def load(self) -> list[HeldOutExample]:
        return load_heldout(self.path, all_out_of_scope=self.kind == OUT_OF_SCOPE)


ENGLISH_HELDOUT_SETS = (
    HeldOutSet("in-scope", ROOT / "tests/nlu/heldout.yml", IN_SCOPE),
    HeldOutSet("own out-of-scope", ROOT / "tests/nlu/out_of_scope_heldout.yml", OUT_OF_SCOPE),
    HeldOutSet("CLINC150 validation", ROOT / "tests/nlu/clinc150_validation.yml", OUT_OF_SCOPE),
    HeldOutSet("boundary", ROOT / "tests/nlu/boundary_heldout.yml", BOUNDARY),
)
# Written by authors who never saw the Spanish training data (issue 19, docs/spanish.md);
# scored where the files exist.
SPANISH_HELDOUT_DIR = ROOT / "tests/nlu/es"
SPANISH_HELDOUT_SETS = (
    HeldOutSet("Spanish in-scope", SPANISH_HELDOUT_DIR / "heldout.yml", IN_SCOPE, SPANISH),
    HeldOutSet("Spanish boundary", SPANISH_HELDOUT_DIR / "boundary_heldout.yml", BOUNDARY, SPANISH),
    HeldOutSet(
        "Spanish out-of-scope",
        SPANISH_HELDOUT_DIR / "out_of_scope_heldout.yml",
        OUT_OF_SCOPE,
        SPANISH,
    ),
)


def present(sets: tuple[HeldOutSet, ...]) -> tuple[HeldOutSet, ...]:
    """The sets whose files exist."""
    return tuple(heldout for heldout in sets if heldout.path.is_file())


# The held-out sets that training never sees (tests/unit/data/test_nlu_data.py checks it).
HELDOUT_SETS = ENGLISH_HELDOUT_SETS + present(SPANISH_HELDOUT_SETS)


def training_examples(data_dir: Path) -> list[HeldOutExample]:
    """Every labelled example of the NLU training files under `data_dir`."""
    return [
        example
        for nlu_file in sorted(get_data_files([str(data_dir)], is_nlu_file))
        for example in load_heldout(Path(nlu_file))
    ]


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def also_in_training(examples: list[HeldOutExample], data_dir: Path) -> list[str]:
    """Held-out texts that the training data holds too (case and spacing ignored)."""
    training = {_normalised(example.text) for example in training_examples(data_dir)}
    return [example.text for example in examples if _normalised(example.text) in training]
