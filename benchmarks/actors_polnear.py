"""Actors across documents: do the spellings of one entity make one actor, and different entities apart?

The 840 PolNeAR training texts (US election coverage from many outlets, 2015–2016) are analyzed as a user
would (``storyline.corpus.analyze`` into a temporary folder, or ``--db`` an analyzed store), and their
mentions are linked by ``link_actors``, the function ``storyline link`` runs. The gold
(``benchmarks/data/actors-polnear-gold.json``, hand-written from knowledge of the entities) groups
spellings of one entity: "Joe Biden" and "Joseph R. Biden Jr.", "Fla." and "Florida", "AP" and
"Associated Press"; George W. and George H. W. Bush, Donald Trump and Donald Trump Jr. are different groups.

Each gold spelling's actor is the one most of its mentions join (its share is its purity). Over every pair
of gold spellings found in the texts: precision = pairs put in one actor that are one entity / pairs put
in one actor; recall = pairs of one entity put in one actor / pairs of one entity. It also counts the
quotes with a speaker whose speaker names an actor of the corpus (what the export's ``speaker`` carries).

    .venv/bin/python benchmarks/actors_polnear.py [--db storyline.db] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

from _polnear import POLNEAR, REPO, analyzed

GOLD = REPO / "benchmarks" / "data" / "actors-polnear-gold.json"


def _spelling(text: str) -> str:
    from storyline.annotate.gazetteer import normalize_space

    return normalize_space(text).replace("\u2019", "'").rstrip(".")


def _linked(db: Path) -> tuple[dict[str, Counter], int, int, tuple[int, int]]:
    """Spelling -> Counter of actor ids over its mentions; the number of documents and actors; of the
    quotes with a speaker, how many name an actor (as ``storyline quotes`` exports them)."""
    from storyline.link.actors import link_actors
    from storyline.store import Store

    store = Store(db)
    mentions = {}
    speakers = []
    for doc in store.documents(include_duplicates=False):
        ann = store.annotations(doc.id)
        if ann is not None and not ann.skipped_reason:
            mentions[doc.id] = ann.mentions
            speakers += [q.speaker_name for q in ann.quotes if q.speaker_text]
    index = link_actors(mentions)
    named = sum(1 for name in speakers if name and index.find(name) is not None)
    actors: dict[str, Counter] = {}
    for doc_id, ms in mentions.items():
        for i, m in enumerate(ms):
            actors.setdefault(_spelling(m.text), Counter())[index.actor_for(doc_id, i)] += 1
    return actors, len(mentions), len(index.actors), (named, len(speakers))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an analyzed store of the PolNeAR texts (default: analyze them now)")
    ap.add_argument("--errors", action="store_true", help="print the spellings put apart or together wrongly")
    args = ap.parse_args()
    if args.db is None and not POLNEAR.is_dir():
        print(f"no texts at {POLNEAR}: nothing to measure")
        return 0
    actors, n_docs, n_actors, quoted = analyzed(args.db, _linked)

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["groups"]
    found: list[tuple[str, str, str, float, int]] = []  # entity, spelling, actor, purity, mentions
    missing = 0
    for group in gold:
        for spelling in dict.fromkeys(_spelling(s) for s in group["spellings"]):
            counts = actors.get(spelling)
            if not counts:
                missing += 1
                continue
            (actor, n), total = counts.most_common(1)[0], sum(counts.values())
            found.append((group["entity"], spelling, actor, n / total, total))
    same_gold = same_pred = both = 0
    wrong_apart: list[tuple[str, str, str]] = []
    wrong_together: list[tuple[str, str, str]] = []
    for a, b in combinations(found, 2):
        g, p = a[0] == b[0], a[2] == b[2]
        same_gold += g
        same_pred += p
        both += g and p
        if g and not p:
            wrong_apart.append((a[0], a[1], b[1]))
        if p and not g:
            wrong_together.append((a[2], f"{a[1]} ({a[0]})", f"{b[1]} ({b[0]})"))
    precision = both / same_pred if same_pred else 0.0
    recall = both / same_gold if same_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    purity = sum(f[3] * f[4] for f in found) / sum(f[4] for f in found)
    print(f"link_actors on {n_docs} PolNeAR texts: {n_actors} actors")
    print(f"  gold: {len(gold)} entities, {len(found)} spellings found in the texts ({missing} not written there)")
    print(f"  pairs of spellings   precision {precision:.3f} ({both}/{same_pred})   recall {recall:.3f} "
          f"({both}/{same_gold})   F1 {f1:.3f}")
    print(f"  mention purity       {purity:.3f} (share of a spelling's mentions in its main actor)")
    print(f"  quotes with a speaker that name an actor: {quoted[0]} of {quoted[1]} ({quoted[0] / max(quoted[1], 1):.3f}; "
          "a pronoun or a description no one was titled with stays unnamed)")
    if args.errors:
        for entity, a, b in wrong_apart:
            print(f"  APART     {entity}: {a!r} / {b!r}")
        for actor, a, b in wrong_together:
            print(f"  TOGETHER  {actor}: {a} / {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
