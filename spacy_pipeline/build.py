"""Build the project's own small English spaCy pipeline from files kept in the repo.

No pretrained spaCy model can be downloaded here, so the pipeline is a blank English model with a
lookup lemmatizer (tables from the pinned spacy-lookups-data package, used at build time only) and
an entity ruler whose patterns come from spacy_pipeline/patterns.yml.

Usage: python spacy_pipeline/build.py [OUTPUT_DIR]   (default: build/spacy/en_proclinix)
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
import yaml
from spacy.language import Language

HERE = Path(__file__).resolve().parent
PATTERNS_FILE = HERE / "patterns.yml"
DEFAULT_OUTPUT = HERE.parent / "build" / "spacy" / "en_proclinix"


def load_patterns(path: Path = PATTERNS_FILE) -> list[dict[str, str]]:
    """Entity-ruler patterns: one phrase pattern per phrase, its canonical value as the id."""
    spec: dict[str, dict[str, list[str]]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        {"label": label, "pattern": phrase.lower(), "id": canonical}
        for label, values in spec.items()
        for canonical, phrases in values.items()
        for phrase in [canonical, *phrases]
    ]


def build_pipeline(patterns: list[dict[str, str]]) -> Language:
    nlp = spacy.blank("en")
    nlp.meta["name"] = "proclinix"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "Blank English + lookup lemmatizer + clinic entity ruler"
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    # initialize() loads the lookup tables; patterns must be added after it, or it wipes them.
    nlp.initialize()
    ruler.add_patterns(patterns)
    return nlp


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    nlp = build_pipeline(load_patterns())
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    print(f"spaCy pipeline written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
