"""Scores parse results against held-out labels (pure functions, no Rasa imports)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from bench.nlu_heldout import OUT_OF_SCOPE_INTENT, HeldOutExample

FALLBACK_INTENT = "nlu_fallback"
REJECTION_INTENTS = frozenset({OUT_OF_SCOPE_INTENT, FALLBACK_INTENT})
# Answers that say nothing about what ART does: the boundary rule's safe landings.
SAFE_LABELS = REJECTION_INTENTS | {
    "ask_medication",
    "other_condition",
    "faq/not_in_article",
    "faq/ask_practitioner_first",
    "ask_diagnosis",
    "emergency",
}
# ResponseSelector files its prediction under its retrieval intent, or "default" if it has none.
DEFAULT_SELECTOR = "default"


@dataclass(frozen=True)
class Prediction:
    intent: str | None
    # Selector name ("faq", or "default") -> predicted full retrieval key ("faq/neck_pain").
    response_keys: Mapping[str, str] = field(default_factory=dict)

    def response_key_for(self, retrieval_intent: str) -> str | None:
        return self.response_keys.get(retrieval_intent, self.response_keys.get(DEFAULT_SELECTOR))

    @property
    def rejected(self) -> bool:
        return self.intent in REJECTION_INTENTS

    @property
    def label(self) -> str:
        """The answer chosen: an FAQ topic ("faq/neck_pain") or the intent."""
        intent = self.intent or "<none>"
        key = self.response_key_for(intent)
        return key if key and key.startswith(f"{intent}/") else intent


def prediction_from_parse(parse_result: Mapping[str, Any]) -> Prediction:
    """Reads the top intent and each response selector's key from a Rasa parse result."""
    intent = (parse_result.get("intent") or {}).get("name")
    selectors: Mapping[str, Any] = parse_result.get("response_selector") or {}
    response_keys = {
        name: output["response"]["intent_response_key"]
        for name, output in selectors.items()
        if isinstance(output, Mapping) and (output.get("response") or {}).get("intent_response_key")
    }
    return Prediction(intent=intent, response_keys=response_keys)


@dataclass(frozen=True)
class Miss:
    text: str
    expected: str
    predicted: str


@dataclass(frozen=True)
class NluScores:
    in_scope_count: int
    faq_count: int
    out_of_scope_count: int
    # Ratios are None where the held-out data has no example of that kind.
    accuracy: float | None
    intent_accuracy: float | None
    faq_topic_accuracy: float | None
    out_of_scope_rejection: float | None
    false_rejection: float | None
    misses: list[Miss]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _expected_label(example: HeldOutExample) -> str:
    return example.response_key or example.intent


def _predicted_label(example: HeldOutExample, prediction: Prediction) -> str:
    intent = prediction.intent or "<none>"
    if example.response_key and intent == example.intent:
        return prediction.response_key_for(example.intent) or f"{intent}/<no key>"
    return intent


def score(examples: Sequence[HeldOutExample], predictions: Sequence[Prediction]) -> NluScores:
    if len(examples) != len(predictions):
        raise ValueError(f"{len(examples)} held-out examples but {len(predictions)} predictions.")
    pairs = list(zip(examples, predictions, strict=True))
    in_scope = [(e, p) for e, p in pairs if e.in_scope]
    faq = [(e, p) for e, p in in_scope if e.response_key]
    out_of_scope = [(e, p) for e, p in pairs if not e.in_scope]

    def key_right(example: HeldOutExample, prediction: Prediction) -> bool:
        return prediction.response_key_for(example.intent) == example.response_key

    def right(example: HeldOutExample, prediction: Prediction) -> bool:
        return prediction.intent == example.intent and (
            not example.response_key or key_right(example, prediction)
        )

    misses = [
        Miss(e.text, _expected_label(e), _predicted_label(e, p))
        for e, p in in_scope
        if not right(e, p)
    ] + [
        Miss(e.text, OUT_OF_SCOPE_INTENT, _predicted_label(e, p))
        for e, p in out_of_scope
        if not p.rejected
    ]
    return NluScores(
        in_scope_count=len(in_scope),
        faq_count=len(faq),
        out_of_scope_count=len(out_of_scope),
        accuracy=_share(sum(right(e, p) for e, p in in_scope), len(in_scope)),
        intent_accuracy=_share(sum(p.intent == e.intent for e, p in in_scope), len(in_scope)),
        faq_topic_accuracy=_share(sum(key_right(e, p) for e, p in faq), len(faq)),
        out_of_scope_rejection=_share(sum(p.rejected for _, p in out_of_scope), len(out_of_scope)),
        false_rejection=_share(sum(p.rejected for _, p in in_scope), len(in_scope)),
        misses=misses,
    )


@dataclass(frozen=True)
class BoundaryScores:
    count: int
    # No ART answer: one of SAFE_LABELS.
    safe: float | None
    # The dedicated answer the held-out label names (ask_medication, other_condition ...).
    dedicated: float | None
    misses: list[Miss]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def score_boundary(
    examples: Sequence[HeldOutExample], predictions: Sequence[Prediction]
) -> BoundaryScores:
    """Questions the article does not answer: answered safely, and with their own answer."""
    pairs = list(zip(examples, predictions, strict=True))
    return BoundaryScores(
        count=len(pairs),
        safe=_share(sum(p.label in SAFE_LABELS for _, p in pairs), len(pairs)),
        dedicated=_share(sum(p.label == _expected_label(e) for e, p in pairs), len(pairs)),
        misses=[
            Miss(e.text, _expected_label(e), p.label)
            for e, p in pairs
            if p.label != _expected_label(e)
        ],
    )
