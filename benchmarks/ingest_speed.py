"""Ingest speed (documents/s) and peak memory at growing corpus sizes.

Documents are made from real articles (PolNeAR): mostly new remixes of real paragraphs, some variants
of earlier ones (near-duplicates) and some exact re-posts, as plain-text files with the usual mess.
Each size runs `storyline ingest` in a fresh process into a fresh store; memory should stay flat.

    python benchmarks/ingest_speed.py [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _perturb import real_articles, remix, variant  # noqa: E402

CHILD = """
import json, resource, sys, time
from storyline.corpus import Corpus
t = time.perf_counter()
with Corpus(sys.argv[2]) as c:
    r = c.ingest([sys.argv[1]])
print(json.dumps({"seconds": time.perf_counter() - t, "counts": dict(r.counts),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def make_corpus(folder: Path, n: int, texts: list[str], rng: random.Random) -> None:
    made: list[str] = []
    for i in range(n):
        roll = rng.random()
        if made and roll < 0.1:
            text = variant(rng.choice(made), rng)
        elif made and roll < 0.15:
            text = rng.choice(made)
        else:
            text = variant(remix(texts, rng), rng, edit_rate=0.0)
            made.append(text)
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    sizes = [int(x) for x in ap.parse_args().sizes.split(",")]
    texts = real_articles()
    print(f"{'documents':>10} {'seconds':>8} {'docs/s':>7} {'peak MB':>8}  outcomes")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            make_corpus(folder, n, texts, random.Random(n))
            words = sum(len(p.read_text().split()) for p in folder.rglob("*.txt"))
            t = time.perf_counter()
            res = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(Path(tmp) / "s.db")],
                                 capture_output=True, text=True, check=True)
            wall = time.perf_counter() - t
            stats = json.loads(res.stdout.strip().splitlines()[-1])
            print(f"{n:>10} {stats['seconds']:>8.1f} {n / stats['seconds']:>7.1f} {stats['peak_rss_mb']:>8.0f}  "
                  f"{stats['counts']} ({words / stats['seconds']:.0f} words/s, process {wall:.1f}s)")


if __name__ == "__main__":
    main()
