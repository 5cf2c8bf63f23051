"""Entity mentions and actors on the sample corpus: raw spaCy vs storyline, against a HAND-MADE gold.

There is no gold NER set in ../shared, so benchmarks/data/entities-gold.json was marked by hand (one
annotator, the developer; 149 mentions in the three op-eds of examples/korea-summits, offsets into the
raw files). Small and not independently checked: read the figures as a sanity check.

Prints, for raw spaCy (en_core_web_sm, our labels only, spans as tagged; actors = identical surface
strings) and for storyline (annotate.entities.find_mentions + link.actors.link_actors):
- mention precision/recall/F1, exact span and label (and exact span alone);
- actor clustering B-cubed precision/recall/F1 over the gold mentions the system found with the exact
  span, pooled across the three documents (so "Kim Jong Un" in one and "Kim Jong-un" in another count);
- with --errors, every missed, spurious or mislabelled mention.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "korea-summits"
GOLD = Path(__file__).resolve().parent / "data" / "entities-gold.json"

Row = tuple[str, int, int, str, str]  # document, start, end, label, actor


def raw_spacy(nlp, texts: dict[str, str]) -> list[Row]:
    from storyline.annotate.entities import LABELS

    rows: list[Row] = []
    for name, text in texts.items():
        for e in nlp(text).ents:
            if e.label_ in LABELS:
                rows.append((name, e.start_char, e.end_char, e.label_, e.text))
    return rows


def storyline_rows(nlp, texts: dict[str, str]) -> list[Row]:
    from storyline.annotate.entities import find_mentions
    from storyline.annotate.pipeline import load_nlp
    from storyline.link.actors import link_actors

    nlp = load_nlp()  # the product's pipeline, as annotate runs it (raw spaCy gets the stock one)
    mentions = {name: find_mentions(nlp(text)) for name, text in texts.items()}
    index = link_actors(mentions)
    return [(name, m.start, m.end, m.label, index.actor_for(name, i))
            for name, ms in mentions.items() for i, m in enumerate(ms)]


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def b_cubed(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed over items given as (gold cluster, system cluster)."""
    if not pairs:
        return 0.0, 0.0, 0.0
    p = r = 0.0
    for g, s in pairs:
        same_sys = [x for x in pairs if x[1] == s]
        same_gold = [x for x in pairs if x[0] == g]
        both = sum(1 for x in same_sys if x[0] == g)
        p += both / len(same_sys)
        r += both / len(same_gold)
    p, r = p / len(pairs), r / len(pairs)
    return p, r, 2 * p * r / (p + r)


def score(name: str, rows: list[Row], gold: list[Row], texts: dict[str, str], errors: bool) -> None:
    labelled = {r[:4] for r in rows}
    gold_labelled = {g[:4] for g in gold}
    spans = {r[:3] for r in rows}
    gold_spans = {g[:3] for g in gold}
    p, r, f = prf(len(labelled & gold_labelled), len(labelled), len(gold_labelled))
    sp, sr, sf = prf(len(spans & gold_spans), len(spans), len(gold_spans))
    system_actor = {r[:3]: r[4] for r in rows}
    pairs = [(g[4], system_actor[g[:3]]) for g in gold if g[:3] in system_actor]
    bp, br, bf = b_cubed(pairs)
    print(f"{name:<10} {p:6.3f} {r:6.3f} {f:6.3f}   {sp:6.3f} {sr:6.3f} {sf:6.3f}   "
          f"{bp:6.3f} {br:6.3f} {bf:6.3f}  ({len(pairs)} mentions clustered)")
    if errors:
        gold_label = {g[:3]: g[3] for g in gold}
        for row in sorted(labelled - gold_labelled):
            doc, s, e, label = row
            kind = f"label {label}, gold {gold_label[row[:3]]}" if row[:3] in gold_label else f"spurious {label}"
            print(f"    {doc[:3]} {s:5d} {texts[doc][s:e]!r}: {kind}")
        for doc, s, e, label in sorted(gold_labelled - labelled):
            if (doc, s, e) not in spans:
                print(f"    {doc[:3]} {s:5d} {texts[doc][s:e]!r}: missed ({label})")


def main(argv: list[str]) -> None:
    import spacy

    from storyline.annotate.pipeline import SPACY_MODEL

    gold_doc = json.loads(GOLD.read_text(encoding="utf-8"))
    texts = {name: (SAMPLE / name).read_text(encoding="utf-8") for name in gold_doc["documents"]}
    gold: list[Row] = [(name, g["start"], g["end"], g["label"], g["actor"])
                       for name, items in gold_doc["documents"].items() for g in items]
    for doc, s, e, *_ in gold:
        assert texts[doc][s:e].strip(), f"gold span {doc}:{s} is empty: is the sample corpus unchanged?"
    nlp = spacy.load(SPACY_MODEL)
    systems: dict[str, Callable] = {"raw spaCy": raw_spacy, "storyline": storyline_rows}
    print(f"hand-made gold: {len(gold)} mentions, {len({g[4] for g in gold})} actors, {len(texts)} documents")
    print(f"{'':<10} {'mention (span+label)':<22} {'mention (span only)':<22} actor B-cubed")
    print(f"{'':<10} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}")
    for name, run in systems.items():
        score(name, run(nlp, texts), gold, texts, "--errors" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
