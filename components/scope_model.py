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

import multiprocessing
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, TypeVar

import numpy as np
from scipy.sparse import csr_matrix, hstack, spmatrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

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


class _TfidfRows:
    """A fitted TfidfVectorizer's transform, computed directly for a few texts at a time.

    scikit-learn's transform spends about 1.4 ms per call on checks (its `idf_` property sums
    the whole idf diagonal on every call) and on multiplying by that diagonal as a sparse matrix;
    the words of one message take a few microseconds. The figures are the same bit for bit:
    counts in the vectorizer's order, `log(count) + 1`, times the idf, each row's entries in the
    order scipy's product with the diagonal leaves them (descending column), which the l2 norm
    (scikit-learn's own routine) then sums in.
    """

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        if vectorizer.binary or not vectorizer.sublinear_tf or vectorizer.norm != "l2":
            raise ValueError("_TfidfRows computes sublinear, l2-normalised counts only")
        self._analyze: Callable[[str], list[str]] = vectorizer.build_analyzer()
        self._vocabulary: dict[str, int] = vectorizer.vocabulary_
        self._idf: np.ndarray = np.asarray(vectorizer.idf_, dtype=np.float64)
        self.width = len(self._idf)

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of one text, in the order scikit-learn's transform stores them."""
        counts: dict[int, int] = {}
        for feature in self._analyze(text):
            column = self._vocabulary.get(feature)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        columns = np.array(sorted(counts), dtype=np.int64)
        values = np.array([counts[column] for column in columns], dtype=np.float64)
        np.log(values, values)
        values += 1
        values *= self._idf[columns]
        columns, values = columns[::-1], values[::-1].copy()
        inplace_csr_row_normalize_l2(
            SimpleNamespace(
                data=values,
                indices=columns,
                indptr=np.array([0, len(values)], dtype=np.int64),
                shape=(1, self.width),
            )
        )
        return columns, values


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
        """scikit-learn's features, as fitting uses them."""
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
        self._prepare_prediction()
        return self

    def __getstate__(self) -> dict[str, Any]:
        # The prediction helpers are rebuilt from the vectorizers on loading.
        return {key: value for key, value in self.__dict__.items() if key != "_rows"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Also models pickled before, or restored from Rasa's training cache.
        self.__dict__.update(state)
        self._prepare_prediction()

    def _prepare_prediction(self) -> None:
        self._column_major_coefficients()
        # The n-grams that min_df dropped (some 40,000 strings over the scope and triage models,
        # about 4 MB): kept by scikit-learn for inspection only, never read by a prediction.
        for vectorizer in (self._words, self._chars):
            if hasattr(vectorizer, "stop_words_"):
                delattr(vectorizer, "stop_words_")
        if hasattr(self._chars, "vocabulary_"):
            self._rows = (_TfidfRows(self._words), _TfidfRows(self._chars))

    def _prediction_features(
        self, texts: Sequence[str], marks: Sequence[str], dense: np.ndarray
    ) -> csr_matrix:
        """The same matrix as `_features` (entries in the same order), without scikit-learn's
        per-call overhead: each text's word block, character block and embedding."""
        words, chars = self._rows
        scaled = dense * self.settings.dense_weight
        columns: list[np.ndarray] = []
        values: list[np.ndarray] = []
        pointers = [0]
        for text, mark, embedding in zip(texts, marks, scaled, strict=True):
            word_columns, word_values = words.row(f"{text} {mark}")
            char_columns, char_values = chars.row(text)
            nonzero = np.flatnonzero(embedding)
            columns += [
                word_columns,
                char_columns + words.width,
                nonzero + words.width + chars.width,
            ]
            values += [word_values, char_values, embedding[nonzero].astype(np.float64)]
            pointers.append(pointers[-1] + len(word_values) + len(char_values) + len(nonzero))
        return csr_matrix(
            (np.concatenate(values), np.concatenate(columns), np.array(pointers)),
            shape=(len(texts), words.width + chars.width + scaled.shape[1]),
        )

    def _column_major_coefficients(self) -> None:
        # Prediction multiplies a one-row sparse matrix by coef_.T: column-major coef_ makes that
        # a contiguous array, ~100x faster than the strided one, with the same figures.
        if hasattr(self._classifier, "coef_"):
            self._classifier.coef_ = np.asfortranarray(self._classifier.coef_)

    def predict_proba(
        self, texts: Sequence[str], marks: Sequence[str], dense: np.ndarray
    ) -> np.ndarray:
        """One row per text: the probability of each label, in the order of `labels`."""
        return self._classifier.predict_proba(self._prediction_features(texts, marks, dense))


@dataclass(frozen=True)
class FitJob:
    """What `ScopeModel(settings).fit` takes."""

    settings: ScopeModelSettings
    texts: Sequence[str]
    marks: Sequence[str]
    dense: np.ndarray
    labels: Sequence[str]

    def fit(self) -> ScopeModel:
        return ScopeModel(self.settings).fit(self.texts, self.marks, self.dense, self.labels)


Key = TypeVar("Key")


def fit_models(jobs: Mapping[Key, FitJob]) -> dict[Key, ScopeModel]:
    """Fits several models at once, each in a process of its own: a fit is minutes of
    scikit-learn on one core, so on 2 cores two fits take the time of the longer one. The models
    are the same as fitted one after the other (the same data, a deterministic solver). A fresh
    process (spawn) rather than a fork: the training process runs TensorFlow's threads."""
    if len(jobs) < 2:
        return {key: job.fit() for key, job in jobs.items()}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=len(jobs), mp_context=context) as pool:
        futures = {key: pool.submit(job.fit) for key, job in jobs.items()}
        return {key: future.result() for key, future in futures.items()}
