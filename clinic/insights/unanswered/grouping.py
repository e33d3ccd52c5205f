"""Group unanswered questions by meaning: MiniLM sentence embeddings, agglomerative clustering.

The embeddings are the assistant's own (clinic/text/minilm_encoder.py, the same local model
files the NLU pipeline loads). Average-linkage clustering with a cosine distance threshold is
deterministic: the same questions always give the same groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import numpy as np
from sklearn.cluster import AgglomerativeClustering

from clinic.insights.unanswered.questions import Question

# Questions whose embeddings are closer than this (1 - cosine similarity) can share a group.
DEFAULT_DISTANCE_THRESHOLD = 0.6


class SentenceEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class QuestionGroup:
    """Questions of one meaning: its distinct masked texts and their keys, newest first."""

    count: int
    first_seen: datetime
    last_seen: datetime
    texts: tuple[str, ...]
    intent: str
    member_keys: tuple[str, ...]


def group_questions(
    questions: Sequence[Question],
    encoder: SentenceEncoder,
    distance_threshold: float = DEFAULT_DISTANCE_THRESHOLD,
) -> list[QuestionGroup]:
    """Groups of `questions`, the group with the newest question first."""
    texts = list(dict.fromkeys(question.text for question in questions))
    if not texts:
        return []
    labels = _cluster(encoder.encode(texts), distance_threshold)
    label_of_text = dict(zip(texts, labels, strict=True))
    members: dict[int, list[Question]] = {}
    for question in questions:
        members.setdefault(label_of_text[question.text], []).append(question)
    groups = [_group(group) for group in members.values()]
    return sorted(groups, key=lambda group: (group.last_seen, group.member_keys), reverse=True)


def _cluster(embeddings: np.ndarray, distance_threshold: float) -> list[int]:
    if len(embeddings) < 2:
        return [0] * len(embeddings)
    clustering = AgglomerativeClustering(
        n_clusters=None,
        affinity="cosine",
        linkage="average",
        distance_threshold=distance_threshold,
    )
    return [int(label) for label in clustering.fit_predict(embeddings)]


def _group(questions: list[Question]) -> QuestionGroup:
    newest_first = sorted(questions, key=lambda question: question.timestamp, reverse=True)
    intents = Counter(question.intent for question in questions)
    return QuestionGroup(
        count=len(questions),
        first_seen=newest_first[-1].timestamp,
        last_seen=newest_first[0].timestamp,
        texts=tuple(dict.fromkeys(question.text for question in newest_first)),
        intent=min(intents, key=lambda name: (-intents[name], name)),
        member_keys=tuple(dict.fromkeys(question.key for question in newest_first)),
    )
