"""Namesakes: which person does a bare surname name when an article spells out several of that surname?

"Mr. Trump" in a story that also names Ivana and Freddy Trump, "Clinton" in one that names Bill and
Hillary Clinton, "Bush" beside Jeb and George W. Bush. The gold
(``benchmarks/data/namesakes-polnear-gold.json``, labelled by reading each article) holds 107 such
mentions from the PolNeAR training texts. Each article is read and annotated as ``storyline annotate``
does it; a mention is right when the name annotate gives it is a spelling of the person the gold names.
Accuracy is printed overall and by surname.

    .venv/bin/python benchmarks/namesakes_polnear.py [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter

from _polnear import REPO, articles, position

GOLD = REPO / "benchmarks" / "data" / "namesakes-polnear-gold.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="print each wrong or missing name")
    args = parser.parse_args()
    right: Counter = Counter()
    total: Counter = Counter()
    files = 0
    for name, result, items in articles(GOLD, "mentions"):
        files += 1
        names = {m["start"]: m.get("name") for m in result["entities"]}
        for g in items:
            got = names.get(position(result["text"], g["before"], g["text"]))
            ok = got is not None and re.fullmatch(g["person"], got) is not None
            total[g["text"]] += 1
            right[g["text"]] += ok
            if args.errors and not ok:
                print(f"{name}: {g['text']!r} gold /{g['person']}/ got {got!r}  …{g['before'][-50:]}")
    n, k = sum(total.values()), sum(right.values())
    print(f"{'surname':12} {'mentions':>8} {'right':>6} {'accuracy':>8}")
    for surname, count in total.most_common():
        print(f"{surname:12} {count:8} {right[surname]:6} {right[surname] / count:8.3f}")
    print(f"{'all':12} {n:8} {k:6} {k / n:8.3f}  ({files} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
