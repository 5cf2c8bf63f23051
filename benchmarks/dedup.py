"""Near-duplicate threshold: MinHash Jaccard of real articles vs their variants and vs other articles.

Positives: an article and a variant of it (re-wrapped, boilerplate added, a paragraph dropped,
2-10% of words edited). Negatives: two different articles (PolNeAR: same election, same outlets, so
shared names and phrases). Prints the F1 of each threshold and the LSH candidate recall.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _perturb import real_articles, variant  # noqa: E402
from storyline.ingest.clean import clean_plain_text  # noqa: E402
from storyline.ingest.dedup import (  # noqa: E402
    NEAR_DUPLICATE_THRESHOLD,
    estimated_jaccard,
    lsh_bands,
    minhash_signature,
)


def main() -> None:
    rng = random.Random(7)
    texts = real_articles(400)
    sigs = [minhash_signature(t) for t in texts]
    pos, neg, lsh_hits = [], [], 0
    for i, t in enumerate(texts):
        v = clean_plain_text(variant(t, rng, edit_rate=rng.choice([0.02, 0.05, 0.1]))).text
        vs = minhash_signature(v)
        pos.append(estimated_jaccard(sigs[i], vs))
        lsh_hits += bool(set(lsh_bands(sigs[i])) & set(lsh_bands(vs)))
        j = rng.randrange(len(texts))
        if j != i:
            neg.append(estimated_jaccard(sigs[i], sigs[j]))
    # the hardest negatives: each article's most similar other article
    for i in range(0, len(texts), 4):
        neg.append(max(estimated_jaccard(sigs[i], sigs[k]) for k in range(len(texts)) if k != i))
    print(f"{len(pos)} positive pairs, {len(neg)} negative pairs (incl. each 4th article's nearest other)")
    print("threshold  precision  recall  F1")
    best = (0.0, 0.0)
    for th in [x / 20 for x in range(4, 19)]:
        tp = sum(p >= th for p in pos)
        fp = sum(n >= th for n in neg)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / len(pos)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        best = max(best, (f1, th))
        mark = "  <- storyline" if abs(th - NEAR_DUPLICATE_THRESHOLD) < 1e-9 else ""
        print(f"  {th:.2f}     {prec:.3f}     {rec:.3f}  {f1:.3f}{mark}")
    print(f"best F1 {best[0]:.3f} at {best[1]:.2f}; LSH candidate recall on positives {lsh_hits / len(pos):.3f}")
    print(f"positive Jaccard min/median {min(pos):.2f}/{sorted(pos)[len(pos) // 2]:.2f}; "
          f"negative max {max(neg):.2f}")


if __name__ == "__main__":
    main()
