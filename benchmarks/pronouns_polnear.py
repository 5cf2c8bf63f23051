"""Pronoun speakers: is the person a quote's "he said" / "she added" stands for the one the article means?

The gold (``benchmarks/data/pronouns-polnear-gold.json``, labelled by reading each article) holds 80
quotes from the PolNeAR training texts whose speaker is a pronoun, one per article. Each article is read and
annotated as ``storyline annotate`` does it; the quote is found by the text before it, and its
``speaker_name`` (the actor the pronoun resolves to) is compared with the person the gold names. Printed:
how many pronouns were resolved to someone, how many of those are right (precision), and how many of all
are right (accuracy; an unresolved pronoun counts as not right, though it is no wrong name).

    .venv/bin/python benchmarks/pronouns_polnear.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO / ".." / "shared" / "data" / "polnear-train" / "text"
GOLD = REPO / "benchmarks" / "data" / "pronouns-polnear-gold.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="print each wrong or unresolved speaker")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        print(f"PolNeAR texts not found at {POLNEAR}: nothing to measure", file=sys.stderr)
        return 1
    from storyline.corpus import annotate_files

    gold = json.loads(GOLD.read_text())["quotes"]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_file[g["file"]].append(g)
    resolved = right = missing = 0
    for name, items in sorted(by_file.items()):
        (result,) = annotate_files([POLNEAR / name])
        text = result["text"]
        quotes = {q["start"]: q for q in result["quotes"]}
        for g in items:
            at = text.find(g["before"] + g["quote"])
            quote = quotes.get(at + len(g["before"])) if at >= 0 else None
            got = quote.get("speaker_name") if quote else None
            if quote is None:
                missing += 1
            elif got:
                resolved += 1
                right += re.fullmatch(g["speaker"], got) is not None
            if args.errors and not (got and re.fullmatch(g["speaker"], got)):
                print(f"{name}: {g['pronoun']!r} gold /{g['speaker']}/ got {got!r}"
                      f"{'' if quote else ' (quote not found)'}  …{g['before'][-50:]}")
    n = len(gold)
    print(f"pronoun speakers: {n} quotes in {len(by_file)} articles ({missing} quotes not found)")
    print(f"  resolved to a person   {resolved / n:.3f} ({resolved}/{n})")
    print(f"  precision              {right / max(resolved, 1):.3f} ({right}/{resolved})")
    print(f"  accuracy               {right / n:.3f} ({right}/{n}; unresolved count as not right)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
