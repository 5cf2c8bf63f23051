"""Quotations and speakers against PolNeAR's gold attributions (../shared/data/polnear-train).

PolNeAR marks every attribution (quoted or paraphrased) as Source / Cue / Content spans in BRAT
standoff; some articles were annotated by several people: the first annotator's file (sorted by name)
is the gold. Definitions:

- gold DIRECT quote: an attribution Content (all its fragments) of which at least 80% of the
  letters and digits lie between double quote marks, counted inside the content text alone
  (“ opens, ” closes, " and '' toggle). Its span is the content's fragments.
- recall: a gold direct quote is found when predicted quotes (any kind) cover at least half of its
  characters.
- speaker accuracy: over found gold quotes that have a gold Source, the predicted quote overlapping
  them most names a speaker that overlaps the gold Source span, or whose last word (not a pronoun)
  occurs in the gold Source text ("Trump" for a Source "Donald Trump" mentioned elsewhere), or, when the
  gold Source is a relative pronoun ("Mike Pence, who called …"), that ends right before it (its
  antecedent; only a comma between). A found quote without a predicted speaker counts as wrong.
- precision: predicted direct/partial quotes that have a speaker; correct when at least half of the
  quote's characters lie in some gold Content (quoted or not: PolNeAR's contents are the ground truth
  for "someone said this").
- speaker precision: of those, the ones whose speaker also matches that Content's Source (as above).
- failures: documents where find_quotes raised (their gold quotes count as missed).

Run: .venv/bin/python benchmarks/quotes_polnear.py [--limit N] [--exclude lemmatizer,ner]
     [--cache /tmp/x.spacy] [--errors N] [--baseline]
--baseline scores textacy's extract.triples.direct_quotations (from /tmp/textacy-venv, run apart
because textacy is not one of our dependencies) on the same documents and definitions.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "polnear-train"
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "him", "them"}
_RELATIVE = {"who", "which", "that"}
_MARKS = re.compile(r"''|[“”\"]")
DIRECT_SHARE = 0.8


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False


def read_gold(ann: Path, text: str) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
            spans[parts[0]] = (kind, frags)  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(r.split(":", 1) for r in parts[1].split() if ":" in r))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = spans.get(rel.get("Source", ""), ("", []))[1]
        a = Attribution(content=content[1], source=source)
        a.direct = quoted_share("".join(text[s:e] for s, e in a.content)) >= DIRECT_SHARE
        out.append(a)
    return out


def quoted_share(content: str) -> float:
    """Share of the content's letters and digits that lie between double quote marks."""
    inside, total, pos = 0, 0, 0
    is_open = False
    for m in list(_MARKS.finditer(content)) + [None]:
        end = m.start() if m else len(content)
        n = sum(ch.isalnum() for ch in content[pos:end])
        total += n
        inside += n if is_open else 0
        if m is None:
            break
        is_open = True if m.group() == "“" else False if m.group() == "”" else not is_open
        pos = m.end()
    return inside / total if total else 0.0


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def same_speaker(pred: dict, text: str, source: list[tuple[int, int]]) -> bool:
    if pred.get("speaker_start") is None or not source:
        return False
    sp = (pred["speaker_start"], pred["speaker_end"])
    if any(overlap(sp, s) for s in source):
        return True
    if text[source[0][0]:source[-1][1]].lower() in _RELATIVE:
        # PolNeAR marks the relative pronoun of 'Mike Pence, who called …' as the Source: a speaker that
        # is its antecedent (ending right before it, only a comma between) names the same source.
        gap = text[sp[1]:source[0][0]]
        return sp[1] <= source[0][0] and not gap.strip(" ,\xa0")
    words = [w for w in re.findall(r"[\w’'-]+", pred["speaker_text"] or "") if w.lower() not in _PRONOUNS]
    gold = " ".join(text[s:e] for s, e in source).lower()
    return bool(words) and words[-1].lower() in re.findall(r"[\w’'-]+", gold)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    with_source: int = 0
    speaker_ok: int = 0
    predicted: int = 0
    correct: int = 0
    speaker_correct: int = 0
    failures: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, text: str, gold: list[Attribution], preds: list[dict], max_errors: int) -> None:
        for g in (a for a in gold if a.direct):
            self.gold += 1
            length = sum(e - s for s, e in g.content)
            covered = sum(overlap((p["start"], p["end"]), f) for p in preds for f in g.content)
            if covered * 2 < length:
                if len(self.errors) < max_errors:
                    self.errors.append(f"MISS {name}: {text[g.content[0][0]:g.content[-1][1]][:120]!r}")
                continue
            self.found += 1
            if not g.source:
                continue
            self.with_source += 1
            best = max(preds, key=lambda p: sum(overlap((p["start"], p["end"]), f) for f in g.content))
            if same_speaker(best, text, g.source):
                self.speaker_ok += 1
            elif len(self.errors) < max_errors:
                src = " ".join(text[s:e] for s, e in g.source)
                self.errors.append(f"SPEAKER {name}: gold {src!r} got {best.get('speaker_text')!r} "
                                   f"for {best['text'][:80]!r}")
        for p in preds:
            if p["kind"] == "scare" or p.get("speaker_start") is None:
                continue
            self.predicted += 1
            span = (p["start"], p["end"])
            hits = [(sum(overlap(span, f) for f in a.content), a) for a in gold]
            best_hit, best_a = max(hits, key=lambda h: h[0], default=(0, None))
            if best_hit * 2 >= max(1, p["end"] - p["start"]) or sum(h for h, _ in hits) * 2 >= p["end"] - p["start"]:
                self.correct += 1
                if best_a is not None and same_speaker(p, text, best_a.source):
                    self.speaker_correct += 1
            elif len(self.errors) < max_errors:
                self.errors.append(f"SPURIOUS {name}: {p['speaker_text']!r} {p['text'][:100]!r}")

    def lines(self, label: str) -> list[str]:
        def r(a: int, b: int) -> str:
            return f"{a / b:.3f} ({a}/{b})" if b else "n/a"
        return [f"{label}",
                f"  gold direct quotes        {self.gold}",
                f"  recall                    {r(self.found, self.gold)}",
                f"  speaker accuracy          {r(self.speaker_ok, self.with_source)}",
                f"  precision (with speaker)  {r(self.correct, self.predicted)}",
                f"  speaker precision         {r(self.speaker_correct, self.predicted)}",
                f"  failed documents          {self.failures}"]


def documents(limit: int | None) -> list[tuple[str, str, Path]]:
    texts = sorted((DATA / "text").glob("*.txt"))
    if limit:
        step = max(1, len(texts) // limit)  # spread the subset over outlets and months
        texts = texts[::step][:limit]
    out = []
    for t in texts:
        anns = sorted((DATA / "attributions").glob(t.stem + "_*.ann"))
        if anns:
            out.append((t.name, t.read_text(encoding="utf-8"), anns[0]))
    return out


def parsed(nlp, docs: list[tuple[str, str, Path]], cache: Path | None):
    from spacy.tokens import DocBin

    pipes = "# pipeline: " + ",".join(nlp.pipe_names)
    if cache and cache.exists() and Path(str(cache) + ".names").exists():
        names = Path(str(cache) + ".names").read_text().splitlines()
        wanted = {n for n, _, _ in docs}
        if names and names[0] == pipes and wanted <= set(names[1:]):  # parsed by this same pipeline
            names = names[1:]
            got = dict(zip(names, DocBin().from_disk(cache).get_docs(nlp.vocab), strict=True))
            return [got[n] for n, _, _ in docs], 0.0
    t0 = time.perf_counter()
    out = list(nlp.pipe([t for _, t, _ in docs], batch_size=16))
    seconds = time.perf_counter() - t0
    if cache:
        db = DocBin(store_user_data=False)
        for d in out:
            db.add(d)
        db.to_disk(cache)
        Path(str(cache) + ".names").write_text("\n".join([pipes] + [n for n, _, _ in docs]))
    return out, seconds


def run_storyline(args, docs) -> Score:
    from storyline.annotate.pipeline import load_nlp
    from storyline.annotate.quotes import find_quotes

    exclude = [c for c in args.exclude.split(",") if c]
    nlp = load_nlp()  # the product's pipeline, as annotate runs it
    for name in exclude:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    sdocs, parse_s = parsed(nlp, docs, Path(args.cache) if args.cache else None)
    score = Score()
    t0 = time.perf_counter()
    for (name, text, ann), sdoc in zip(docs, sdocs, strict=True):
        try:
            preds = [q.to_dict() for q in find_quotes(sdoc)]
        except Exception as err:  # noqa: BLE001 - a crash is a figure here, not a stop
            score.failures += 1
            score.errors.append(f"CRASH {name}: {err!r}")
            preds = []  # its gold quotes count as missed
        score.add(name, text, read_gold(ann, text), preds, args.errors)
    quote_s = time.perf_counter() - t0
    print(f"spaCy pipeline: {', '.join(nlp.pipe_names)} (excluded: {', '.join(exclude) or 'none'})")
    if parse_s:
        print(f"parse: {parse_s:.1f} s for {len(docs)} documents ({len(docs) / parse_s:.1f} docs/s)")
    print(f"find_quotes: {quote_s:.2f} s for {len(docs)} documents ({1000 * quote_s / len(docs):.1f} ms/doc)")
    return score


_BASELINE = r"""
import json, sys, spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load(sys.argv[1])
for line in sys.stdin:
    text = json.loads(line)
    out = []
    try:
        for q in direct_quotations(nlp(text)):
            c = q.content
            sp = q.speaker
            out.append({"start": c[0].idx, "end": c[-1].idx + len(c[-1]), "text": text[c[0].idx:c[-1].idx + len(c[-1])],
                        "kind": "direct", "speaker_text": " ".join(t.text for t in sp),
                        "speaker_start": sp[0].idx if sp else None,
                        "speaker_end": sp[-1].idx + len(sp[-1]) if sp else None})
        print(json.dumps(out))
    except Exception as err:
        print(json.dumps({"error": repr(err)}))
    sys.stdout.flush()
"""


def run_baseline(args, docs) -> Score | None:
    python = Path("/tmp/textacy-venv/bin/python")
    if not python.exists():
        print("baseline skipped: /tmp/textacy-venv is absent (python -m venv /tmp/textacy-venv && "
              "/tmp/textacy-venv/bin/pip install textacy en-core-web-sm)")
        return None
    model = args.baseline_model
    proc = subprocess.run([str(python), "-c", _BASELINE, model], input="\n".join(json.dumps(t) for _, t, _ in docs),
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        print("baseline failed:", proc.stderr[-500:])
        return None
    score = Score()
    for (name, text, ann), line in zip(docs, proc.stdout.splitlines(), strict=False):
        preds = json.loads(line)
        if isinstance(preds, dict):
            score.failures += 1
            preds = []  # its gold quotes count as missed
        score.add(name, text, read_gold(ann, text), preds, 0)
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score a spread subset of N documents")
    parser.add_argument("--exclude", default="lemmatizer", help="spaCy components to leave out")
    parser.add_argument("--cache", default=None, help="DocBin file caching the parses between runs")
    parser.add_argument("--errors", type=int, default=0, help="print up to N misses and wrong speakers")
    parser.add_argument("--baseline", action="store_true", help="also score textacy's direct_quotations")
    parser.add_argument("--baseline-model", default="en_core_web_sm")
    args = parser.parse_args()
    if not (DATA / "text").is_dir():
        print(f"{DATA} is absent (a fresh clone has no ../shared): nothing to measure")
        return 0
    docs = documents(args.limit)
    score = run_storyline(args, docs)
    print("\n".join(score.lines(f"storyline.annotate.quotes on {len(docs)} PolNeAR-train documents")))
    for e in score.errors:
        print(e)
    if args.baseline:
        base = run_baseline(args, docs)
        if base is not None:
            print("\n".join(base.lines("baseline: textacy direct_quotations")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
