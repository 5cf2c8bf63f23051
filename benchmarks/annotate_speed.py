"""Per-document analysis speed: words/s of storyline's annotate stage vs spaCy's default pipeline alone.

Same texts (PolNeAR articles), same machine, one process. The annotate stage runs spaCy (without the
unused lemmatizer) plus entities, timexes, quotes and speaker resolution.

    python benchmarks/annotate_speed.py [--docs 200]
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
    n = ap.parse_args().docs
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


if __name__ == "__main__":
    main()
