"""Embedder: vectors persist in the store, so a re-run embeds only new text (real MiniLM model)."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.link.embeddings import Embedder
from storyline.store import Store

pytestmark = pytest.mark.slow


class CountingModel:
    """The real SentenceTransformer, counting the texts it is asked to encode."""

    def __init__(self, model):
        self.model, self.texts = model, 0

    def encode(self, texts, **kwargs):
        self.texts += len(texts)
        return self.model.encode(texts, **kwargs)


@pytest.fixture(scope="module")
def model():
    return Embedder().model


TEXTS = ["Trump and Kim met in Singapore on June 12, 2018.",
         "The second summit, in Hanoi, ended without a deal."]


def test_a_second_run_reads_every_vector_from_the_store(tmp_path, model):
    with Store(tmp_path / "s.db") as store:
        first = CountingModel(model)
        a = Embedder(first, store=store).encode(TEXTS)
        second = CountingModel(model)
        b = Embedder(second, store=store).encode(TEXTS + ["Kim arrived by train."])
    assert first.texts == 2 and second.texts == 1  # only the new sentence reached the model
    assert np.array_equal(a, b[:2])  # the stored vector is exactly the one the first run used
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-3)


def test_whitespace_variants_share_one_vector(model):
    counting = CountingModel(model)
    vectors = Embedder(counting).encode(["Kim  arrived\nby train.", "Kim arrived by train."])
    assert counting.texts == 1 and np.array_equal(vectors[0], vectors[1])
