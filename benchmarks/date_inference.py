"""Publication dates read from an article's own words (temporal.infer_publication_date), against true dates.

Data: PolNeAR train (840 political articles, 2015-2016, plain text with no metadata; the true date is in
each file name) and TBAQ (256 TimeBank/AQUAINT articles; the true date is the gold DCT, the text is the
body without its header). Prints per corpus:
- explicit: a "Published:" line or a dateline stated the date; how many, and how many are right (the
  stated day equals the true day);
- deduced: dated from the latest date the article mentions (``published_inferred``); how often the
  deduced value holds the true date's year, and how often it is a valid lower bound (it does not start
  after the true date: an article mentioning 1939 was written after 1939);
- none: nothing to go on.

    .venv/bin/python benchmarks/date_inference.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from storyline.temporal import bounds, infer_publication_date

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex_tbaq import DATA as TBAQ  # noqa: E402
from timex_tbaq import read_tml  # noqa: E402

POLNEAR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear-train" / "text"


def polnear() -> list[tuple[str, str]]:
    out = []
    for path in sorted(POLNEAR.glob("*.txt")):
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)
        if m:
            out.append((path.read_text(encoding="utf-8"), m[1]))
    return out


def tbaq() -> list[tuple[str, str]]:
    return [(text, dct[:10]) for path in sorted(TBAQ.glob("*/*.tml")) for text, dct, _ in [read_tml(path)]]


def score(pairs: list[tuple[str, str]]) -> Counter[str]:
    c: Counter[str] = Counter()
    for text, true in pairs:
        c["documents"] += 1
        guess = infer_publication_date(text)
        if guess is None:
            c["none"] += 1
            continue
        b = bounds(guess.value)
        true_day = bounds(true)[0]
        if guess.explicit:
            c["explicit"] += 1
            c["explicit right"] += guess.value[:10] == true
            continue
        c["deduced"] += 1
        c["deduced year right"] += guess.value[:4] == true[:4]
        c["deduced lower bound holds"] += b is not None and b[0] <= true_day
    return c


def main() -> int:
    corpora = {}
    if POLNEAR.is_dir():
        corpora["PolNeAR train"] = polnear()
    if TBAQ.is_dir():
        corpora["TBAQ"] = tbaq()
    if not corpora:
        print("no data in ../shared/data (polnear-train, tbaq): nothing to measure")
        return 0
    print(f"{'corpus':14} {'docs':>5} | {'explicit':>8} {'right':>6} | {'deduced':>7} {'year ok':>8} "
          f"{'bound ok':>9} | {'none':>5}")
    for name, pairs in corpora.items():
        c = score(pairs)
        ded = c["deduced"] or 1
        exp = c["explicit"] or 1
        print(f"{name:14} {c['documents']:5d} | {c['explicit']:8d} {c['explicit right'] / exp:6.2f} | "
              f"{c['deduced']:7d} {c['deduced year right'] / ded:8.2f} {c['deduced lower bound holds'] / ded:9.2f} | "
              f"{c['none']:5d}")
    print("deduced dates are lower bounds: relative dates read against them are unanchored, and timeline "
          "events dated only through them carry date_inferred")
    return 0


if __name__ == "__main__":
    sys.exit(main())
