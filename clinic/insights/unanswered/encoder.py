"""The assistant's MiniLM encoder for the staff page, loaded on first use and kept."""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence

import numpy as np

from clinic.insights.unanswered.grouping import SentenceEncoder

# Embeddings of texts seen before are reused; the oldest are dropped past this many.
CACHE_SIZE = 20_000
# Texts per MiniLM call: memory stays small however many new questions a period brings.
BATCH_SIZE = 64


class CachingEncoder:
    """Encodes each distinct text once per process: a page reload only encodes new questions."""

    def __init__(self, encoder: SentenceEncoder, cache_size: int = CACHE_SIZE) -> None:
        self._encoder = encoder
        self._cache: dict[str, np.ndarray] = {}
        self._cache_size = cache_size
        # The staff page serves requests in threads: one encodes at a time, on one cache.
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            new = [text for text in dict.fromkeys(texts) if text not in self._cache]
            for start in range(0, len(new), BATCH_SIZE):
                batch = new[start : start + BATCH_SIZE]
                for text, row in zip(batch, self._encoder.encode(batch), strict=True):
                    self._cache[text] = row
            rows = [self._cache[text] for text in texts]
            while len(self._cache) > self._cache_size:
                del self._cache[next(iter(self._cache))]
        return np.stack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


@functools.cache
def minilm_encoder() -> SentenceEncoder:
    """The NLU pipeline's all-MiniLM-L6-v2 from its local package; TensorFlow loads only here."""
    from clinic.text.minilm_encoder import (
        DEFAULT_MAX_SEQUENCE_LENGTH,
        load_encoder,
        packaged_model_dir,
    )

    return CachingEncoder(load_encoder(packaged_model_dir().resolve(), DEFAULT_MAX_SEQUENCE_LENGTH))
