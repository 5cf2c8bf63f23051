"""The timeline built from undated text: are the events dated only through a deduced document date right?

PolNeAR's 840 training texts carry no date in the text's metadata; their true publication dates are in
the file names (``breitbart_2016-04-12_….txt``). The texts are analyzed as a user would
(`storyline.corpus.analyze`, into a temporary folder: the publication date is deduced from each text's
mentions, a lower bound). An event whose date rests on such a deduced date carries ``date_inferred``;
its year is counted right when it lies within one year of the true publication year of the article it
comes from (its first source). Events the texts date themselves ("in 2012", "June 3, 2016") are
counted apart.

    .venv/bin/python benchmarks/timeline_undated.py [--limit N]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO / ".." / "shared" / "data" / "polnear-train" / "text"
_TRUE_DATE = re.compile(r"_(\d{4})-\d{2}-\d{2}_")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="analyze every Nth text only (a spread subset of N)")
    args = ap.parse_args()
    if not POLNEAR.is_dir():
        print(f"no texts at {POLNEAR}: nothing to measure")
        return 0
    from storyline.corpus import analyze

    files = sorted(POLNEAR.glob("*.txt"))
    if args.limit:
        files = files[:: max(1, len(files) // args.limit)][: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        for f in files:
            shutil.copy(f, inputs / f.name)
        export = analyze([inputs], Path(tmp) / "out").export
    true_year = {d["id"]: int(m[1]) for d in export["documents"]
                 if (m := _TRUE_DATE.search(Path(d["source_path"]).name))}
    inferred = right = stated = 0
    for event in export["events"]:
        if not re.match(r"\d{4}", event["date"]):
            continue
        if not event.get("date_inferred"):
            stated += 1
            continue
        source = event["sources"][0]["document"]
        if source not in true_year:
            continue
        inferred += 1
        right += abs(int(event["date"][:4]) - true_year[source]) <= 1
    print(f"PolNeAR train: {len(files)} undated texts, {len(export['events'])} timeline events")
    print(f"  dated through a deduced document date: {inferred}; year right within one: "
          f"{right / inferred if inferred else 0:.2f} ({right} of {inferred})")
    print(f"  dated by the texts themselves: {stated}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
