"""HTML article-body extraction: storyline's extract_page against trafilatura's defaults.

Data: ../shared/data/article-bodies-dev (61 news pages from 2019, gold article bodies). Scoring as the
article-extraction-benchmark (scrapinghub) does it: word tokens (\\w+), shingles of 4 tokens counted as a
multiset; per page TP/FP/FN; precision averaged over pages that predicted something, recall over pages
with a gold body, F1 from the two averages.

    .venv/bin/python benchmarks/extraction.py            # the table
    .venv/bin/python benchmarks/extraction.py --pages    # plus the per-page F1 of both, worst first
    .venv/bin/python benchmarks/extraction.py --ablation # extract_page with other trafilatura settings
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-bodies-dev"
_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(gold: str, predicted: str) -> Counts:
    """TP, FP, FN over shingles, normalized to sum 1 so long pages weigh no more than short ones."""
    g, p = shingles(gold), shingles(predicted)
    tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else tp / (tp + fn)


def scores(counts: list[Counts]) -> tuple[float, float, float]:
    precision = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def trafilatura_default(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def storyline_extract(html: bytes, url: str) -> str:
    from storyline.errors import RejectedInput
    from storyline.ingest.html import extract_page

    try:
        return extract_page(html, url=url).text
    except RejectedInput:
        return ""


ABLATIONS = [("favor_precision", True), ("favor_recall", True), ("deduplicate", True), ("include_tables", False)]


def _with_setting(key: str, value: bool) -> Callable[[bytes, str], str]:
    def extract(html: bytes, url: str) -> str:
        from storyline.ingest import html as module

        saved = dict(module._TRAFILATURA_SETTINGS)
        module._TRAFILATURA_SETTINGS[key] = value
        try:
            return storyline_extract(html, url)
        finally:
            module._TRAFILATURA_SETTINGS.clear()
            module._TRAFILATURA_SETTINGS.update(saved)

    return extract


def run(name: str, extract: Callable[[bytes, str], str], pages: dict[str, bytes],
        truth: dict[str, dict[str, str]]) -> tuple[list[Counts], float]:
    extract(next(iter(pages.values())), "")  # warm-up: imports and trafilatura's caches are not per page
    counts: list[Counts] = []
    start = time.perf_counter()
    for key, html in pages.items():
        counts.append(page_counts(truth[key].get("articleBody", ""), extract(html, truth[key].get("url", ""))))
    return counts, (time.perf_counter() - start) / len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages only (while iterating)")
    parser.add_argument("--pages", action="store_true", help="print per-page F1, worst first")
    parser.add_argument("--ablation", action="store_true", help="extract_page under other trafilatura settings")
    args = parser.parse_args()
    if not (DATA / "ground-truth.json").is_file():
        print(f"{DATA} is absent: this benchmark needs ../shared/data/article-bodies-dev")
        return
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)  # trafilatura logs every page it finds little on
    truth: dict[str, dict[str, str]] = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit]
    pages = {k: gzip.decompress((DATA / "html" / f"{k}.html.gz").read_bytes()) for k in keys}

    systems = {"trafilatura (defaults)": trafilatura_default, "storyline extract_page": storyline_extract}
    if args.ablation:
        systems.update({f"  with {k}={v}": _with_setting(k, v) for k, v in ABLATIONS})
    results = {name: run(name, fn, pages, truth) for name, fn in systems.items()}
    print(f"article-bodies-dev: {len(pages)} pages, 4-word shingles, P/R averaged over pages")
    print(f"{'system':<34} {'P':>6} {'R':>6} {'F1':>6} {'s/page':>8}")
    for name, (counts, seconds) in results.items():
        p, r, f = scores(counts)
        print(f"{name:<34} {p:6.3f} {r:6.3f} {f:6.3f} {seconds:8.4f}")
    if args.pages:
        base, ours = (results[n][0] for n in list(systems)[:2])
        rows = sorted(zip(keys, base, ours, strict=True), key=lambda row: scores([row[2]])[2])
        print(f"\n{'page':<12} {'base F1':>8} {'ours F1':>8}  url")
        for key, b, o in rows:
            print(f"{key[:10]:<12} {scores([b])[2]:8.3f} {scores([o])[2]:8.3f}  {truth[key].get('url', '')[:70]}")


if __name__ == "__main__":
    sys.exit(main())
