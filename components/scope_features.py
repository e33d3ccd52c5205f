"""The scope and triage models' features for texts outside Rasa's training data, computed as the
Rasa pipeline computes them: spaCy's entity marks and MiniLM's sentence embedding."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from components.scope_model import entity_marks


class ScopeFeatures:
    """MiniLM embeddings and entity markers for texts, as the Rasa pipeline computes them."""

    def __init__(self, spacy_model: Path) -> None:
        import spacy

        from clinic.text.minilm_encoder import (
            DEFAULT_MAX_SEQUENCE_LENGTH,
            load_encoder,
            packaged_model_dir,
        )

        self._nlp = spacy.load(spacy_model)
        self._encoder = load_encoder(packaged_model_dir().resolve(), DEFAULT_MAX_SEQUENCE_LENGTH)

    def marks(self, texts: Sequence[str]) -> list[str]:
        # Rasa's SpacyNLP lower-cases text before spaCy sees it (case_sensitive: false).
        return [
            entity_marks((ent.label_, ent.ent_id_) for ent in doc.ents)
            for doc in self._nlp.pipe([text.lower() for text in texts])
        ]

    def embeddings(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        return np.concatenate(
            [
                self._encoder.encode(list(texts[start : start + batch_size]))
                for start in range(0, len(texts), batch_size)
            ]
        )
