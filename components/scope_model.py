"""The scope classifier's model: one calibrated linear classifier over every answer it has.

Each label is a whole answer: an intent (`greet`, `ask_medication`, `out_of_scope` ...) or an FAQ
topic (`faq/neck_pain`). Classifying topics and intents together lets a question that only shares
words with a topic lose to `faq/not_in_article`, `ask_medication`, `other_condition` or
`out_of_scope` on the evidence of the whole message. Features:

- word uni- and bigrams (TF-IDF), with one marker word per entity the project's spaCy pipeline
  found: a medicine, a condition, a body region the article covers or one it does not;
- character n-grams within words (TF-IDF), for typos and word forms;
- the MiniLM sentence embedding, for paraphrases.

Plain scikit-learn and NumPy, no Rasa: the Rasa component (`scope_classifier.py`) and the bench's
calibration use the same code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack, spmatrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

# Separates a retrieval intent from its topic in a label: "faq/neck_pain".
RETRIEVAL_SEPARATOR = "/"
# The regions the article speaks about (neck-related headaches included).
COVERED_REGIONS = frozenset({"neck", "lower back", "head"})
MEDICATION_MARK = "zzmedication"
CONDITION_MARK = "zzcondition"
COVERED_REGION_MARK = "zzcoveredregion"
OTHER_REGION_MARK = "zzotherregion"


def entity_marks(entities: Iterable[tuple[str, str]]) -> str:
    """Marker words for (label, canonical value) pairs of the spaCy entity ruler."""
    marks = []
    for label, value in entities:
        if label == "MEDICATION":
            marks.append(MEDICATION_MARK)
        elif label == "CONDITION":
            marks.append(CONDITION_MARK)
        elif label == "BODY_REGION":
            marks.append(COVERED_REGION_MARK if value in COVERED_REGIONS else OTHER_REGION_MARK)
    return " ".join(marks)


@dataclass(frozen=True)
class ScopeModelSettings:
    # Inverse regularisation strength of the logistic regression.
    c: float = 30.0
    # Scale of the unit-length sentence embedding against the TF-IDF blocks (each unit length).
    dense_weight: float = 2.0
    # Read "clinica" and "clínica" as one word in the TF-IDF blocks: Spanish visitors often
    # type without accents (docs/spanish.md).
    fold_accents: bool = False
    max_iterations: int = 3000


class ScopeModel:
    def __init__(self, settings: ScopeModelSettings) -> None:
        self.settings = settings
        accents = "unicode" if settings.fold_accents else None
        self._words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, strip_accents=accents)
        self._chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 5),
            sublinear_tf=True,
            min_df=2,
            strip_accents=accents,
        )
        self._classifier = LogisticRegression(
            C=settings.c, max_iter=settings.max_iterations, random_state=0
        )

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self._classifier.classes_]

    def _features(self, texts: Sequence[str], marks: Sequence[str], dense: np.ndarray) -> spmatrix:
        marked = [f"{text} {mark}" for text, mark in zip(texts, marks, strict=True)]
        return hstack(
            [
                self._words.transform(marked),
                self._chars.transform(texts),
                csr_matrix(dense * self.settings.dense_weight),
            ]
        ).tocsr()

    def fit(
        self, texts: Sequence[str], marks: Sequence[str], dense: np.ndarray, labels: Sequence[str]
    ) -> ScopeModel:
        if len(set(labels)) < 2:
            raise ValueError("The scope classifier needs examples of at least two labels.")
        self._words.fit([f"{text} {mark}" for text, mark in zip(texts, marks, strict=True)])
        self._chars.fit(texts)
        self._classifier.fit(self._features(texts, marks, dense), list(labels))
        self._column_major_coefficients()
        return self

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Also models pickled before, or restored from Rasa's training cache.
        self.__dict__.update(state)
        self._column_major_coefficients()

    def _column_major_coefficients(self) -> None:
        # Prediction multiplies a one-row sparse matrix by coef_.T: column-major coef_ makes that
        # a contiguous array, ~100x faster than the strided one, with the same figures.
        if hasattr(self._classifier, "coef_"):
            self._classifier.coef_ = np.asfortranarray(self._classifier.coef_)

    def predict_proba(
        self, texts: Sequence[str], marks: Sequence[str], dense: np.ndarray
    ) -> np.ndarray:
        """One row per text: the probability of each label, in the order of `labels`."""
        return self._classifier.predict_proba(self._features(texts, marks, dense))
