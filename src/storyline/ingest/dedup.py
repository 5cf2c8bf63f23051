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
# 42 bands of 3 rows (126 of the 128 values): a pair at Jaccard 0.4 becomes a candidate with p = 0.93 (0.5: 0.996),
# a pair at 0.03 (the 95th percentile of unrelated articles) with p = 0.001.
BANDS, ROWS = 42, 3
# 3-word shingles: with 5, a copy with 10% of its words edited keeps only ~half its shingles and falls
# among unrelated articles; with 3 its 10th percentile stays at 0.54 (benchmarks/dedup.py).
SHINGLE = 3
# 0.4: F1 0.996 (P 0.995, R 0.997) on copies re-wrapped, with boilerplate added, a paragraph dropped and
# 2-10% of words edited vs different articles on the same election (benchmarks/dedup.py, 400 PolNeAR
# articles); 99% of different-article pairs stay under 0.1, and lower thresholds gain nothing measurable
# while coming closer to distinct reports of one event.
NEAR_DUPLICATE_THRESHOLD = 0.4

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
