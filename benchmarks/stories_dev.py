"""Story clustering on real pages: which of the 61 article-bodies-dev pages tell the same story.

benchmarks/data/stories-dev-gold.json was written by hand (one annotator, the developer) from the pages'
headlines and leads: 8 stories of two or three pages, the rest one page each. The pages are analyzed as
a user would (`storyline.corpus.analyze`, into a temporary folder); the figure is pairwise over the
analyzed pages: precision and recall of "these two pages are in one story", with the wrong pairs listed.
Small and one annotator's: read it as a check on real text beside benchmarks/timeline.py's fixtures.

    .venv/bin/python benchmarks/stories_dev.py
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / ".." / "shared" / "data" / "article-bodies-dev" / "html"
GOLD = REPO / "benchmarks" / "data" / "stories-dev-gold.json"


def main() -> int:
    if not PAGES.is_dir():
        print(f"no pages at {PAGES}: nothing to measure")
        return 0
    from storyline.corpus import analyze

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["groups"]
    gold_of = {page: name for name, pages in gold.items() for page in pages}
    with tempfile.TemporaryDirectory() as out:
        export = analyze([PAGES], out).export
    docs = {d["id"]: d for d in export["documents"]}
    key = {doc_id: Path(d["source_path"]).name[:16] for doc_id, d in docs.items()}
    system = {doc_id: s["id"] for s in export["stories"] for doc_id in s["documents"]}
    pages = sorted(system, key=lambda d: key[d])
    tp = fp = fn = 0
    wrong: list[str] = []
    for a, b in itertools.combinations(pages, 2):
        same_gold = gold_of.get(key[a]) is not None and gold_of.get(key[a]) == gold_of.get(key[b])
        same_system = system[a] == system[b]
        tp += same_gold and same_system
        fp += same_system and not same_gold
        fn += same_gold and not same_system
        if same_gold != same_system:
            kind = "joined" if same_system else "split"
            wrong.append(f"  {kind}: {docs[a].get('title')!r} / {docs[b].get('title')!r}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"article-bodies-dev: {len(pages)} analyzed pages in {len(set(system.values()))} stories "
          f"(gold: {len(gold)} stories of 2+ pages)")
    print(f"  same-story pairs  precision {p:.2f}  recall {r:.2f}  F1 {f1:.2f}  ({tp} right, {fp} joined wrongly, "
          f"{fn} split wrongly)")
    print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
