"""The timeline (link.events) and stories (link.stories) against a HAND-MADE gold.

tests/link/fixtures/timeline-gold.json was written by hand (one annotator, the developer): the events a
careful reader finds in the three sample op-eds (examples/korea-summits) and in five short wire stories
(tests/link/fixtures/wire.json: three US-China meetings with the same leaders, a balloon incident, and an
unrelated Libya flood story). Small: read the figures as a sanity check, not a benchmark result.

Prints per set:
- event precision / recall: a system event is right when its sources cite a gold event and its date is
  that event's date exactly; a gold event is found when some right system event cites it;
- date-compatible precision (the date only has to contain or lie within the gold date);
- pairwise merge precision / recall / accuracy over the gold sources the system cites (same event or not);
- for the wire set, story pairwise accuracy (same story or not, over document pairs).
Run: .venv/bin/python benchmarks/timeline.py [--verbose]
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "korea-summits"
FIXTURES = REPO / "tests" / "link" / "fixtures"


def annotated(docs, dcts):
    """Annotations as the annotate stage makes them, each document read at its given date."""
    from dataclasses import replace

    from storyline.annotate.pipeline import annotate_documents

    dated = [replace(d, published=dcts[d.id], published_inferred=False) for d in docs]
    return {a.document: a for a in annotate_documents(dated)}


def sample_corpus(dcts: dict[str, str]):
    from storyline.ingest.document import build_document
    from storyline.ingest.readers import iter_inputs

    docs, keys = [], {}
    for raw in iter_inputs([SAMPLE]):
        if hasattr(raw, "reason"):
            continue
        doc = build_document(raw)
        docs.append(doc)
        keys[doc.id] = Path(doc.source_path).name[:3]
    return docs, keys, annotated(docs, {d.id: dcts[keys[d.id]] for d in docs})


def wire_corpus():
    from storyline.model import Document

    raw = json.loads((FIXTURES / "wire.json").read_text())
    docs = [Document(id=r["id"], source_path=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"],
                     published=r["published"]) for r in raw]
    return docs, {d.id: d.id for d in docs}, annotated(docs, {d.id: d.published for d in docs})


def gold_source_of(source, keys, gold_events) -> tuple[int, int] | None:
    """(gold event index, source index) a system source cites, or None."""
    for gi, g in enumerate(gold_events):
        for si, s in enumerate(g["sources"]):
            if (keys[source.document] == s["document"] and s["contains"] in source.sentence
                    and source.time_expression == s["timex"]):
                return gi, si
    return None


def score(events, keys, gold_events, verbose=False) -> dict[str, float]:
    from storyline.temporal import compatible

    right = compatible_right = 0
    found: set[int] = set()
    cited: dict[tuple[int, int], int] = {}  # gold source -> system event index
    for ei, e in enumerate(events):
        hits = [h for s in e.sources if (h := gold_source_of(s, keys, gold_events))]
        for h in hits:
            cited[h] = ei
        gis = {gi for gi, _ in hits}
        exact = [gi for gi in gis if gold_events[gi]["date"] == e.date]
        if exact:
            right += 1
            found.update(exact)
        if any(compatible(gold_events[gi]["date"], e.date) for gi in gis):
            compatible_right += 1
        if verbose:
            mark = "ok " if exact else "-- "
            print(f"  {mark}{e.date:<11} {e.summary[:70]!r} <- {[keys[s.document] for s in e.sources]}")
    tp = fp = fn = tn = 0
    for (a, ea), (b, eb) in itertools.combinations(sorted(cited.items()), 2):
        same_gold, same_sys = a[0] == b[0], ea == eb
        tp += same_gold and same_sys
        fp += same_sys and not same_gold
        fn += same_gold and not same_sys
        tn += not same_gold and not same_sys
    n = len(events) or 1
    return {
        "events": len(events), "gold": len(gold_events),
        "precision": right / n, "recall": len(found) / len(gold_events),
        "date_compatible_precision": compatible_right / n,
        "merge_precision": tp / (tp + fp) if tp + fp else 1.0,
        "merge_recall": tp / (tp + fn) if tp + fn else 1.0,
        "merge_accuracy": (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 1.0,
    }


def story_accuracy(stories, gold_groups) -> float:
    gold_of = {d: i for i, g in enumerate(gold_groups) for d in g}
    sys_of = {d: s.id for s in stories for d in s.documents}
    pairs = list(itertools.combinations(sorted(gold_of), 2))
    agree = sum((gold_of[a] == gold_of[b]) == (sys_of.get(a) == sys_of.get(b)) for a, b in pairs)
    return agree / len(pairs)


def main() -> int:
    from storyline.link.actors import link_actors
    from storyline.link.embeddings import Embedder
    from storyline.link.events import build_events
    from storyline.link.stories import build_stories

    verbose = "--verbose" in sys.argv
    gold = json.loads((FIXTURES / "timeline-gold.json").read_text())
    embedder = Embedder()
    for name, (docs, keys, anns) in (("sample (examples/korea-summits)", sample_corpus(gold["sample"]["dct"])),
                                     ("wire fixtures (tests/link/fixtures)", wire_corpus())):
        index = link_actors({d.id: anns[d.id].mentions for d in docs})
        events = build_events(docs, anns, index, embedder)
        print(name)
        part = gold["sample"] if name.startswith("sample") else gold["wire"]
        figures = score(events, keys, part["events"], verbose)
        for k, v in figures.items():
            print(f"  {k:<26} {v:.2f}" if isinstance(v, float) else f"  {k:<26} {v}")
        stories, _ = build_stories(docs, anns, index, events, embedder)
        print(f"  stories                    {len(stories)}: " + "; ".join(
            f"{s.label} ({len(s.documents)} docs)" for s in stories))
        if "stories" in part:
            print(f"  story_pair_accuracy        {story_accuracy(stories, part['stories']):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
