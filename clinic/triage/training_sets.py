"""Triage-only training sets: folders of messages labelled by file, read by the triage model.

Each folder under `data/triage/` is one author's set, in the format of the development sets
(`examples:` with `text` and a category or area): red flags, crisis and urgent-care messages are
the tiers' examples; everyday complaints, negated or historical mentions and crisis-shaped
messages that are no crisis are routine. Only the triage model trains on them: they hold no topic
label, so the topic classifier never sees them.

Spanish sets are the folders named `es_*`: each holds every tier and its hard negatives in Spanish
(everyday complaints, negated and dated mentions), so the model learns Spanish words of a sign
against Spanish words of everyday pain. Spanish lines of the English folders are left out: a
handful of Spanish red flags among thousands of English messages taught the model that Spanish
words mean an emergency (on the Spanish development set, everyday complaints sent to a tier went
from 0 % to 10.7 %).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from clinic.text.language_detect import detect

# File stem -> the triage model's label.
FILE_LABELS = {
    "red_flags": "emergency",
    "crisis": "crisis",
    "urgent": "urgent_care",
    "everyday": "routine",
    "negated": "routine",
    "crisis_negated": "routine",
}
# The everyday complaints: the examples on which the operating point counts false alarms.
COMPLAINT_FILE = "everyday"
SPANISH = "es"
SPANISH_SET_PREFIX = "es_"


@dataclass(frozen=True)
class TriageTrainingExample:
    text: str
    label: str
    complaint: bool


def set_files(directory: Path) -> list[Path]:
    """The labelled files of every set under the directory, in a stable order."""
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.glob("*/*.yml") if path.stem in FILE_LABELS)


def load_training_sets(directory: Path) -> list[TriageTrainingExample]:
    examples = []
    for path in set_files(directory):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        spanish_set = path.parent.name.startswith(SPANISH_SET_PREFIX)
        examples.extend(
            TriageTrainingExample(
                str(example["text"]), FILE_LABELS[path.stem], path.stem == COMPLAINT_FILE
            )
            for example in data["examples"]
            if spanish_set or detect(str(example["text"])) != SPANISH
        )
    return examples


def sets_digest(directory: Path) -> str:
    """A digest of the sets' names and contents: the model retrains when any of them changes."""
    digest = hashlib.sha256()
    for path in set_files(directory):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
