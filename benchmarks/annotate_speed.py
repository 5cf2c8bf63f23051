"""Per-document analysis speed: words/s of storyline's annotate stage vs spaCy's default pipeline alone.

Same texts (PolNeAR articles), same machine, one process. The annotate stage runs spaCy (without the
unused lemmatizer) plus entities, timexes, quotes and speaker resolution.

Then the same texts joined into one long text (a transcript, a report, a feed pasted whole), to show the
analysis of one document grows with its length and no faster: words/s of that one document against the
articles apart.

    python benchmarks/annotate_speed.py [--docs 200] [--long 200]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _perturb import real_articles  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--long", type=int, default=200, help="articles joined into the one long text (0: skip)")
    args = ap.parse_args()
    n = args.docs
    import spacy

    from storyline.annotate.pipeline import SPACY_MODEL, annotate_documents, load_nlp
    from storyline.model import Document

    texts = real_articles()[:n]
    words = sum(len(t.split()) for t in texts)
    docs = [Document(id=str(i), source_path=str(i), text=t, language="en", published="2016-06-01")
            for i, t in enumerate(texts)]

    default = spacy.load(SPACY_MODEL)
    default("warm up")
    t = time.perf_counter()
    for _ in default.pipe(texts, batch_size=16):
        pass
    spacy_s = time.perf_counter() - t

    nlp = load_nlp()
    list(annotate_documents(docs[:2], nlp=nlp))  # warm up
    t = time.perf_counter()
    anns = list(annotate_documents(docs, nlp=nlp))
    ours_s = time.perf_counter() - t

    from storyline.temporal import tag_timexes

    t = time.perf_counter()
    for text in texts:
        tag_timexes(text, "2016-06-01")
    timex_s = time.perf_counter() - t

    print(f"{n} documents, {words} words")
    print(f"  spaCy default pipeline alone      {words / spacy_s:>9.0f} words/s")
    print(f"  storyline annotate (whole stage)  {words / ours_s:>9.0f} words/s  "
          f"({ours_s / spacy_s:.2f}x spaCy's time)")
    print(f"  temporal tagger alone             {words / timex_s:>9.0f} words/s")
    print(f"  found: {sum(len(a.mentions) for a in anns)} mentions, {sum(len(a.timexes) for a in anns)} timexes, "
          f"{sum(len(a.quotes) for a in anns)} quotes; documents whose analysis failed: "
          f"{sum(1 for a in anns if a.skipped_reason)}")
    if args.long:
        joined = real_articles()[:args.long]
        long = Document(id="long", source_path="long", text="\n\n".join(joined), language="en",
                        published="2016-06-01")
        long_words = len(long.text.split())
        per_article = [Document(id=str(i), source_path=str(i), text=t, language="en", published="2016-06-01")
                       for i, t in enumerate(joined)]
        t = time.perf_counter()
        list(annotate_documents(per_article, nlp=nlp))
        apart_s = time.perf_counter() - t
        t = time.perf_counter()
        (ann,) = annotate_documents([long], nlp=nlp)
        long_s = time.perf_counter() - t
        print(f"one text of {args.long} articles, {len(long.text):,} characters, {long_words} words")
        print(f"  storyline annotate, articles apart {long_words / apart_s:>9.0f} words/s")
        print(f"  storyline annotate, as one text    {long_words / long_s:>9.0f} words/s  "
              f"({long_s / apart_s:.2f}x the time apart; {len(ann.mentions)} mentions, {len(ann.quotes)} quotes"
              f"{'; FAILED: ' + ann.skipped_reason if ann.skipped_reason else ''})")


if __name__ == "__main__":
    main()
