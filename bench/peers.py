"""Models the bench calibrates and scores outside Rasa.

- `TfidfPeer`: the simple peer the issue asks for: TF-IDF word and character n-grams and a
  logistic regression, trained on the same data/, rejecting below a calibrated threshold.
- `ScopeFeatures`: what the project's Rasa pipeline feeds its scope classifier (MiniLM sentence
  embeddings and entity markers from the project's spaCy pipeline), computed once per text, so
  the classifier can be cross-validated without training Rasa models.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_pipeline

from bench.calibration import FoldModel
from bench.nlu_scoring import FALLBACK_INTENT, Prediction
from components.scope_model import (
    RETRIEVAL_SEPARATOR,
    ScopeModel,
    ScopeModelSettings,
)


def prediction_for(label: str) -> Prediction:
    intent, _, topic = label.partition(RETRIEVAL_SEPARATOR)
    return Prediction(intent, {intent: label}) if topic else Prediction(label)


def thresholded(probabilities: np.ndarray, labels: Sequence[str], threshold: float) -> list[str]:
    best = probabilities.argmax(axis=1)
    return [
        labels[column] if probabilities[row, column] >= threshold else FALLBACK_INTENT
        for row, column in enumerate(best)
    ]


class TfidfPeer:
    def __init__(self, threshold: float = 0.5) -> None:
        self.threshold = threshold
        self._model = make_pipeline(
            FeatureUnion(
                [
                    ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                    (
                        "chars",
                        TfidfVectorizer(
                            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
                        ),
                    ),
                ]
            ),
            LogisticRegression(C=30, max_iter=3000, random_state=0),
        )

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self._model.classes_]

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> TfidfPeer:
        self._model.fit(list(texts), list(labels))
        return self

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return self._model.predict_proba(list(texts))

    def parse(self, texts: Sequence[str]) -> list[tuple[Prediction, float]]:
        """One message at a time, as a chat turn would come, with its time in milliseconds."""
        parsed = []
        for text in texts:
            started = time.perf_counter()
            [label] = thresholded(self.predict_proba([text]), self.labels, self.threshold)
            parsed.append((prediction_for(label), (time.perf_counter() - started) * 1000))
        return parsed


def scope_model_fold(
    texts: Sequence[str],
    marks: Sequence[str],
    embeddings: np.ndarray,
    labels: Sequence[str],
    settings: ScopeModelSettings,
) -> FoldModel:
    """A FoldModel (bench.calibration) for the project's scope classifier on given features."""

    def fit_predict(train: np.ndarray, held: np.ndarray) -> tuple[np.ndarray, list[str]]:
        model = ScopeModel(settings).fit(
            [texts[i] for i in train],
            [marks[i] for i in train],
            embeddings[train],
            [labels[i] for i in train],
        )
        return (
            model.predict_proba(
                [texts[i] for i in held], [marks[i] for i in held], embeddings[held]
            ),
            model.labels,
        )

    return fit_predict


def tfidf_peer_fold(texts: Sequence[str], labels: Sequence[str]) -> FoldModel:
    """A FoldModel (bench.calibration) for the TF-IDF peer."""

    def fit_predict(train: np.ndarray, held: np.ndarray) -> tuple[np.ndarray, list[str]]:
        peer = TfidfPeer().fit([texts[i] for i in train], [labels[i] for i in train])
        return peer.predict_proba([texts[i] for i in held]), peer.labels

    return fit_predict
