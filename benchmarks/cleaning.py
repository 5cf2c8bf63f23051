"""Plain-text cleaning against hand-labelled gold: what it removes wrongly, and what it leaves.

Gold (benchmarks/data/cleaning-gold/*.json) labels every non-blank source line of a messy copy as
``body`` (a line of the article itself) or as what else it is (title, standfirst, credit, caption,
widget, tail, meta, byline, advert, link, newsletter, wire_credit, furniture, section, copyright).
Three files are the sample corpus the rules were developed on; four are written fixtures
(tests/ingest/fixtures/messy/) in other outlets' styles: wire copy, web pages, hard-wrapped text.

A gold body line counts as kept when its text occurs in the cleaned body (modulo whitespace,
no-break spaces and line rejoining); each occurrence is used up once, so a standfirst printed twice
and kept once is right. A non-body line counts as wrongly kept when it still occurs in what remains
of the cleaned body. Line precision = kept body / (kept body + wrongly kept); line recall = kept
body / gold body. The same figures weighted by words, and whether the title came out right.

Second figure, on real text the rules were not developed on: the 61 gold article bodies of
../shared/data/article-bodies-dev (body text only, so whatever cleaning removes from them is a loss or
a line the policy removes on purpose, such as a wire credit): the share of their word 4-shingles that
survive cleaning, per call style, and the removed lines by reason. Skipped when ../shared is absent.

Run: .venv/bin/python benchmarks/cleaning.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.ingest.clean import clean_plain_text  # noqa: E402

GOLD = REPO / "benchmarks" / "data" / "cleaning-gold"
BODIES = REPO / ".." / "shared" / "data" / "article-bodies-dev" / "ground-truth.json"
DEVELOPED_ON = {"000_87ab3ee824737c20", "003_6fc8fe7da1af5feb", "004_c87f3f784faec3fe"}


def _key(text: str) -> str:
    """Comparison form: single spaces, no space after a hyphen (wraps and no-break spaces differ)."""
    text = " ".join(text.replace("\u00a0", " ").split())
    text = re.sub(r"^[•·▪*]\s*", "", text)
    return re.sub(r"(?<=\w)- +(?!(?:and|or|to)\b)", "-", text)


def _find(needle: str, hay: str) -> re.Match[str] | None:
    if not needle:
        return None
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay)


def score_file(path: Path) -> dict:
    gold = json.loads(path.read_text(encoding="utf-8"))
    source = REPO / gold["source"]
    cleaned = clean_plain_text(source.read_text(encoding="utf-8"))
    remaining = _key(cleaned.text.replace("\n\n", " "))
    found = {"body": 0, "body_words": 0, "wrong": 0, "wrong_words": 0}
    body = [ln for ln in gold["lines"] if ln["label"] == "body"]
    other = [ln for ln in gold["lines"] if ln["label"] != "body"]
    missed, leaked = [], []
    for ln in body:
        m = _find(_key(ln["text"]), remaining)
        if m:
            found["body"] += 1
            found["body_words"] += len(ln["text"].split())
            remaining = remaining[: m.start()] + "\0" * (m.end() - m.start()) + remaining[m.end():]
        else:
            missed.append(ln["line"])
    for ln in other:
        if _find(_key(ln["text"]), remaining):
            found["wrong"] += 1
            found["wrong_words"] += len(ln["text"].split())
            leaked.append(ln["line"])
    titles = [_key(ln["text"]) for ln in other if ln["label"] == "title"]
    want_title = titles[0] if titles else None
    got_title = _key(cleaned.title) if cleaned.title else None
    return {
        "name": path.stem,
        "gold_body": len(body),
        "gold_body_words": sum(len(ln["text"].split()) for ln in body),
        **found,
        "missed": missed,
        "leaked": leaked,
        "title_ok": want_title == got_title,
        "title": (want_title, got_title),
    }


def _pr(kept: int, wrong: int, gold: int) -> tuple[float, float]:
    precision = kept / (kept + wrong) if kept + wrong else 1.0
    recall = kept / gold if gold else 1.0
    return precision, recall


def _row(label: str, rows: list[dict]) -> str:
    kept, wrong, gold = (sum(r[k] for r in rows) for k in ("body", "wrong", "gold_body"))
    kw, ww, gw = (sum(r[k] for r in rows) for k in ("body_words", "wrong_words", "gold_body_words"))
    p, r = _pr(kept, wrong, gold)
    pw, rw = _pr(kw, ww, gw)
    titles = sum(r["title_ok"] for r in rows)
    return (f"{label:<28} {gold:>5} {kept:>5} {wrong:>5}   {p:6.3f} {r:6.3f}   {pw:6.3f} {rw:6.3f}"
            f"   {titles}/{len(rows)}")


def main() -> None:
    files = sorted(GOLD.glob("*.json"))
    if not files:
        print(f"no gold files under {GOLD}: nothing to measure")
        return
    rows = [score_file(p) for p in files]
    print("Cleaning plain-text copies vs hand gold (line-level; words = weighted by words)")
    print(f"{'file':<28} {'body':>5} {'kept':>5} {'wrong':>5}   {'P':>6} {'R':>6}   {'P(w)':>6} {'R(w)':>6}"
          "   title")
    for r in rows:
        print(_row(r["name"][:28], [r]))
        if r["missed"] or r["leaked"]:
            print(f"    body lines dropped: {r['missed']}  non-body lines left: {r['leaked']}")
        if not r["title_ok"]:
            print(f"    title: gold {r['title'][0]!r}, got {r['title'][1]!r}")
    print("-" * 90)
    print(_row("sample corpus (developed on)", [r for r in rows if r["name"] in DEVELOPED_ON]))
    print(_row("written fixtures", [r for r in rows if r["name"] not in DEVELOPED_ON]))
    print(_row("overall", rows))
    print()
    real_bodies()


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def real_bodies() -> None:
    if not BODIES.is_file():
        print(f"{BODIES} is absent (a fresh clone): real-body figure skipped")
        return
    truth = json.loads(BODIES.read_text(encoding="utf-8"))
    print(f"Gold bodies of {len(truth)} real pages (article-bodies-dev): 4-shingles surviving cleaning")
    for label, find_title in (("as extracted page text (find_title=False)", False),
                              ("as a plain-text copy (find_title=True)", True)):
        total = kept = 0
        reasons: Counter[str] = Counter()
        for record in truth.values():
            body = record.get("articleBody", "")
            cleaned = clean_plain_text(body, find_title=find_title)
            gold = _shingles(body)
            total += sum(gold.values())
            kept += sum((gold & _shingles(cleaned.text)).values())
            reasons.update(reason for _, reason in cleaned.removed)
        print(f"  {label:<44} {kept / total:.4f}   removed lines: {dict(reasons.most_common())}")


if __name__ == "__main__":
    main()
