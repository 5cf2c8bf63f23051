"""What the hand-gold PolNeAR benchmarks share: the texts' folder, the gold grouped by article, and each
article annotated as ``storyline annotate`` does it, with a gold item's position found by the text before it."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO / ".." / "shared" / "data" / "polnear-train" / "text"
T = TypeVar("T")


def analyzed(db: Path | None, read: Callable[[Path], T]) -> T:
    """``read`` of an analyzed store of the PolNeAR texts: ``db`` when given, else the texts analyzed now as
    a user would (``storyline.corpus.analyze``) into a temporary folder."""
    if db is not None:
        return read(db)
    from storyline.corpus import analyze

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        for f in sorted(POLNEAR.glob("*.txt")):
            shutil.copy(f, inputs / f.name)
        analyze([inputs], Path(tmp) / "out")
        return read(Path(tmp) / "out" / "storyline.db")


def articles(gold_file: Path, key: str) -> Iterator[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """(article file name, its ``storyline annotate`` object, its gold items) for each article the gold's
    ``key`` list names; exits with a message when the PolNeAR texts are absent."""
    if not POLNEAR.is_dir():
        print(f"PolNeAR texts not found at {POLNEAR}: nothing to measure", file=sys.stderr)
        sys.exit(1)
    from storyline.corpus import annotate_files

    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in json.loads(gold_file.read_text())[key]:
        by_file[item["file"]].append(item)
    for name, items in sorted(by_file.items()):
        (result,) = annotate_files([POLNEAR / name])
        yield name, result, items


def position(text: str, before: str, opening: str) -> int:
    """Where the gold item that ``before`` precedes and ``opening`` opens starts in ``text``, or -1. The gold
    was copied from the text as cleaning left it: a copy taken before cleaning mended mojibake ("JesÃos") is
    mended the same way to be found."""
    from storyline.ingest.encoding import repaired_text

    for b, o in ((before, opening), (repaired_text(before), repaired_text(opening))):
        at = text.find(b + o)
        if at >= 0:
            return at + len(b)
    return -1
