"""Quote speakers as actors: is the person or body a quote is attributed to the one the article means?

``quotes_polnear.py`` scores the speaker *words* ("Clinton's top aide Jake Sullivan") against PolNeAR's
Source spans; this scores whom those words are resolved to, the actor the export names as the speaker
(Jake Sullivan, not Hillary Clinton). The gold (``benchmarks/data/speakers-polnear-gold.json``) was
labelled by reading each article, not from storyline's output, with the conventions written in its
``about``. It holds two samples of the quotes storyline finds in the 840 PolNeAR training texts:

- ``owned``: every quote whose speaker words name a person or body as someone's owner or with a
  preposition ("Grayson's spokeswoman", "a spokesman for Hillary Clinton", "Schilling's son", "Gov. Terry
  Branstad of Iowa"), one per speaker phrase and article: the words where a name inside is easily the
  wrong speaker;
- ``random``: one quote with a non-pronoun speaker from each of 100 articles picked at random (pronoun
  speakers have ``pronouns_polnear.py``).

Each article is read and annotated as ``storyline annotate`` does it; the quote is found by the text
before it and its ``speaker_name`` compared with the gold: a regular expression over the speaker's names,
or null when the article names no one who speaks (an unnamed son, lawyer or campaign manager). Printed
per sample: accuracy (a quote left without a name is right when the gold is null), precision (of the quotes
given a name, the right ones) and how many quotes the article names a speaker for were given that name.

    .venv/bin/python benchmarks/speakers_polnear.py [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys

from _polnear import REPO, articles, position

GOLD = REPO / "benchmarks" / "data" / "speakers-polnear-gold.json"


def score(sample: str, errors: bool) -> None:
    n = right = named = named_right = with_speaker = found = missing = 0
    for name, result, items in articles(GOLD, sample):
        quotes = {q["start"]: q for q in result["quotes"]}
        for g in items:
            quote = quotes.get(position(result["text"], g["before"], g["quote"]))
            if quote is None:
                missing += 1
            gold = g["speaker"]
            got = quote.get("speaker_name") if quote else None
            ok = got is None if gold is None else got is not None and re.fullmatch(gold, got) is not None
            n += 1
            right += ok
            named += got is not None
            named_right += ok and got is not None
            with_speaker += gold is not None
            found += ok and gold is not None
            if errors and not ok:
                print(f"{sample} {name}: {g['speaker_words']!r} gold {gold!r} got {got!r}"
                      f"{'' if quote else ' (quote not found)'}")
    print(f"{sample}: {n} quotes ({missing} not found), {n - with_speaker} whose speaker the article does not name")
    print(f"  accuracy    {right / n:.3f} ({right}/{n})")
    print(f"  precision   {named_right / max(named, 1):.3f} ({named_right}/{named} given a name)")
    print(f"  named right {found / max(with_speaker, 1):.3f} ({found}/{with_speaker} the article names)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="print each wrong or missing speaker")
    parser.add_argument("--sample", choices=("owned", "random"), help="score one sample only")
    args = parser.parse_args()
    for sample in ("owned", "random"):
        if args.sample in (None, sample):
            score(sample, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
