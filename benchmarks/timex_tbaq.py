"""Temporal tagger quality on TBAQ (TimeBank + AQUAINT gold TIMEX3), scored like TempEval-3.

Prints, per corpus and overall: strict span P/R/F1 (exact offsets), relaxed span P/R/F1 (any overlap),
value F1, value and type accuracy over relaxed matches, and words/s of ``tag_timexes``.

Value F1 is TempEval-3's attribute F1 (``TE3-evaluation``'s ``evaluate_entities.py``): each gold
TIMEX3 overlapped by a predicted one is a relaxed match; value accuracy = relaxed matches whose value
string equals the gold value exactly (no normalization: "199X" is not "199") / relaxed matches; value
F1 = value accuracy x relaxed F1 (the same as an F1 over relaxed P x accuracy and relaxed R x accuracy).

    .venv/bin/python benchmarks/timex_tbaq.py [--limit N] [--errors] [--kinds]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyline.model import Timex
from storyline.temporal import tag_timexes

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tbaq"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, str, list[Gold]]:
    """The plain text of a TimeML file's <TEXT>, its DCT value, and the gold TIMEX3 spans in that text."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)[1]
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)[1]
    pieces: list[str] = []
    size = 0
    pos = 0
    opened: tuple[int, dict[str, str]] | None = None
    gold: list[Gold] = []
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos:m.start()])
        pieces.append(piece)
        size += len(piece)
        pos = m.end()
        if m[2] != "TIMEX3":
            continue
        if not m[1]:
            opened = (size, dict(_ATTR.findall(m[3])))
        elif opened is not None:
            attrs = opened[1]
            gold.append(Gold(opened[0], size, attrs.get("type", ""), attrs.get("value", "")))
            opened = None
    pieces.append(html.unescape(body[pos:]))
    return "".join(pieces), dct, gold


def notation(value: str) -> str:
    """A TIMEX3 value in one notation, for the notation-normalized figure: TBAQ writes the same meaning
    several ways ("2000-W7" and "2000-W07"; "1968-XX" and "1968"; "196X" and "196"; "T17" and
    "T17:00"). Only spelling is unified; a different granularity or day stays a different value."""
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    v = re.sub(r"^(\d{4})(?:-XX)+$", r"\1", v)
    v = re.sub(r"^(\d{2,3})X+$", r"\1", v)
    v = re.sub(r"T(\d\d)$", r"T\1:00", v)
    return v


def error_kind(gold: str, got: str) -> str:
    """What separates a wrong value from the gold one, for the breakdown ``--kinds`` prints."""
    if notation(gold) == notation(got):
        return "notation only (W7/W07, 1968-XX/1968)"
    parts = re.compile(r"T(?:MO|AF|EV|NI)$")
    if parts.sub("", gold) == parts.sub("", got):
        return "part of day kept or dropped (TNI)"
    if gold.endswith("_REF") or got.endswith("_REF"):
        return "reference (PAST_REF) vs value"
    if gold.startswith("P") != got.startswith("P"):
        return "duration vs point"
    if "W" in gold or "W" in got:
        return "week: numbered vs WXX vs a day"
    if "Q" in gold or "Q" in got:
        return "fiscal quarter framing"
    day = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
    g, p = day.match(gold), day.match(got)
    if g and p:
        import datetime as dt
        delta = abs((dt.date(*map(int, g.groups())) - dt.date(*map(int, p.groups()))).days)
        if delta in (7, 14):
            return "weekday: this week vs last/next"
    if gold[:4] != got[:4] and gold[4:] == got[4:]:
        return "year of a partial date"
    if gold.startswith(got) or got.startswith(gold):
        return "granularity (1988 vs 1988-11-02)"
    return "other"


def _prf(tp_p: float, n_pred: int, tp_r: float, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Tagger = Callable[[str, str], list[Timex]]


def parsed_tagger(files: list[Path]) -> Tagger:
    """The product's tagging: ``tag_timexes`` and then annotate's parse-based tense settling
    (``storyline.annotate.tense``), on spaCy parses made up front (their time is not the tagger's)."""
    from storyline.annotate.pipeline import load_nlp
    from storyline.annotate.tense import settle_by_tense

    nlp = load_nlp()
    texts = [read_tml(f)[0] for f in files]
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=16), strict=True))
    return lambda text, dct: settle_by_tense(docs[text], tag_timexes(text, dct), dct)


def score(files: list[Path], show_errors: bool, kinds: Counter[str] | None = None,
          tagger: Tagger = tag_timexes) -> dict[str, float]:
    n_pred = n_gold = strict = relaxed_p = relaxed_r = value_ok = type_ok = words = notation_ok = 0
    elapsed = 0.0
    for path in files:
        text, dct, gold = read_tml(path)
        words += len(text.split())
        t0 = time.perf_counter()
        pred = tagger(text, dct)
        elapsed += time.perf_counter() - t0
        n_pred += len(pred)
        n_gold += len(gold)
        golds = {(g.start, g.end) for g in gold}
        strict += sum((p.start, p.end) in golds for p in pred)
        for p in pred:
            hit = next((g for g in gold if g.start < p.end and p.start < g.end), None)
            if hit is None:
                if show_errors:
                    print(f"FP  {path.name} {dct}: {p.text!r} {p.type} {p.value}")
                continue
            relaxed_p += 1
        for g in gold:
            hit = next((p for p in pred if g.start < p.end and p.start < g.end), None)
            if hit is None:
                if show_errors:
                    print(f"FN  {path.name} {dct}: {text[g.start:g.end]!r} {g.type} {g.value}")
                continue
            relaxed_r += 1
            value_ok += hit.value == g.value
            notation_ok += notation(hit.value) == notation(g.value)
            if kinds is not None and hit.value != g.value:
                kinds[error_kind(g.value, hit.value)] += 1
            type_ok += hit.type == g.type
            if show_errors and hit.value != g.value:
                print(f"VAL {path.name} {dct}: {text[g.start:g.end]!r} gold {g.value} got {hit.text!r} {hit.value}")
    sp, sr, sf = _prf(strict, n_pred, strict, n_gold)
    rp, rr, rf = _prf(relaxed_p, n_pred, relaxed_r, n_gold)
    # TempEval-3 value F1: relaxed matches that also have the right value, over relaxed P and R
    acc = value_ok / relaxed_r if relaxed_r else 0.0
    vp, vr = rp * acc, rr * acc
    vf = 2 * vp * vr / (vp + vr) if vp + vr else 0.0
    nacc = notation_ok / relaxed_r if relaxed_r else 0.0
    nf = 2 * (rp * nacc) * (rr * nacc) / (rp * nacc + rr * nacc) if rp * nacc + rr * nacc else 0.0
    return {"files": len(files), "gold": n_gold, "pred": n_pred, "strict_p": sp, "strict_r": sr,
            "strict_f1": sf, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf, "value_acc": acc,
            "value_f1": vf, "value_f1_notation": nf, "type_acc": type_ok / relaxed_r if relaxed_r else 0.0,
            "words_per_s": words / elapsed if elapsed else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N files of each corpus")
    parser.add_argument("--errors", action="store_true", help="print false positives/negatives, wrong values")
    parser.add_argument("--kinds", action="store_true", help="break the wrong values down by what separates them")
    parser.add_argument("--corpus", choices=["TimeBank", "AQUAINT"], help="one corpus only")
    parser.add_argument("--no-parse", action="store_true",
                        help="the regex tagger alone, without annotate's parse-based tense (no spaCy needed)")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"TBAQ not found at {DATA.resolve()}: nothing to measure (it lives in ../shared/data/tbaq)")
        return 0
    groups = {}
    for name in ("TimeBank", "AQUAINT"):
        if args.corpus and name != args.corpus:
            continue
        files = sorted((DATA / name).glob("*.tml"))
        groups[name] = files[: args.limit] if args.limit else files
    groups["overall"] = [f for fs in groups.values() for f in fs]
    header = (f"{'corpus':12} {'files':>5} {'gold':>5} {'pred':>5} | {'strict P/R/F1':>17} | {'relaxed P/R/F1':>17}"
              f" | {'value F1':>8} {'val acc':>7} {'type acc':>8} | {'words/s':>8} | {'value F1 (notation)':>19}")
    tagger = tag_timexes if args.no_parse else parsed_tagger(groups["overall"])
    results = {name: score(files, args.errors and name != "overall", tagger=tagger) for name, files in groups.items()}
    if not args.no_parse:
        results["tagger alone"] = score(groups["overall"], False)
    print(header)
    for name, r in results.items():
        print(f"{name:12} {r['files']:5d} {r['gold']:5d} {r['pred']:5d} | "
              f"{r['strict_p']:.3f} {r['strict_r']:.3f} {r['strict_f1']:.3f} | "
              f"{r['relaxed_p']:.3f} {r['relaxed_r']:.3f} {r['relaxed_f1']:.3f} | "
              f"{r['value_f1']:8.3f} {r['value_acc']:7.3f} {r['type_acc']:8.3f} | {r['words_per_s']:8.0f} | "
              f"{r['value_f1_notation']:19.3f}")
    print("rows: the product's tagging (tag_timexes, then partial dates settled by the tense of the verb they "
          "modify, from annotate's parse); 'tagger alone' is tag_timexes without the parse" if not args.no_parse
          else "rows: tag_timexes alone (--no-parse)")
    print("words/s: the tagging itself (and the settling), not the spaCy parse annotate makes anyway")
    print("value F1 = relaxed F1 x value accuracy (TempEval-3 attribute F1); value accuracy = exact value "
          "string matches / relaxed matches")
    print("value F1 (notation) = the same with TBAQ's spellings of one value unified (W7 = W07, 1968-XX = 1968, "
          "196X = 196, T17 = T17:00); the headline figure is the exact one")
    if args.kinds:
        kinds: Counter[str] = Counter()
        score(groups["overall"], False, kinds, tagger=tagger)
        print(f"\nwrong values ({sum(kinds.values())}) by what separates them from the gold value:")
        for kind, n in kinds.most_common():
            print(f"  {n:4d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
