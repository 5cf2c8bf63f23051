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
import re
import sys

from _polnear import REPO, articles, position

GOLD = REPO / "benchmarks" / "data" / "pronouns-polnear-gold.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="print each wrong or unresolved speaker")
    args = parser.parse_args()
    n = resolved = right = missing = files = 0
    for name, result, items in articles(GOLD, "quotes"):
        files += 1
        quotes = {q["start"]: q for q in result["quotes"]}
        for g in items:
            n += 1
            quote = quotes.get(position(result["text"], g["before"], g["quote"]))
            got = quote.get("speaker_name") if quote else None
            missing += quote is None
            ok = got is not None and re.fullmatch(g["speaker"], got) is not None
            resolved += got is not None
            right += ok
            if args.errors and not ok:
                print(f"{name}: {g['pronoun']!r} gold /{g['speaker']}/ got {got!r}"
                      f"{'' if quote else ' (quote not found)'}  …{g['before'][-50:]}")
    print(f"pronoun speakers: {n} quotes in {files} articles ({missing} quotes not found)")
    print(f"  resolved to a person   {resolved / n:.3f} ({resolved}/{n})")
    print(f"  precision              {right / max(resolved, 1):.3f} ({right}/{resolved})")
    print(f"  accuracy               {right / n:.3f} ({right}/{n}; unresolved count as not right)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
