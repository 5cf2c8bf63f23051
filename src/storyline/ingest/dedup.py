"""Duplicate detection: exact (normalized content hash) and near (MinHash over word shingles).

MinHash signatures come from datasketch; the LSH banding is done here and stored in SQLite
(store.minhash_bands) rather than in datasketch's in-memory MinHashLSH, so that memory stays flat
as the corpus grows and a killed run resumes with its index intact.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

__all__ = [
    "NEAR_DUPLICATE_THRESHOLD",
    "content_hash",
    "estimated_jaccard",
    "lsh_bands",
    "minhash_signature",
    "normalize_for_hash",
]

NUM_PERM = 128
BANDS, ROWS = 32, 4  # 32 bands of 4 rows: a pair at Jaccard 0.5 becomes a candidate with p = 0.88
SHINGLE = 5  # words per shingle
# 0.7: best F1 separating perturbed copies (re-wrapped, re-punctuated, boilerplate added, ~10% of
# words edited) from different articles on the same story; see benchmarks/dedup.py.
NEAR_DUPLICATE_THRESHOLD = 0.7

_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_for_hash(text: str) -> str:
    """Case-, accent-form-, punctuation- and whitespace-insensitive form of a text."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


def _shingles(text: str) -> set[bytes]:
    words = normalize_for_hash(text).split()
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def minhash_signature(text: str) -> np.ndarray:
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(list(_shingles(text)))
    return m.hashvalues.astype(np.uint64)


def lsh_bands(signature: np.ndarray) -> list[tuple[int, bytes]]:
    return [
        (b, hashlib.blake2b(signature[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest())
        for b in range(BANDS)
    ]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)
