"""Tagger quality on TBAQ gold (skips without ../shared)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TBAQ = REPO / ".." / "shared" / "data" / "tbaq"


def _benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("timex_tbaq", REPO / "benchmarks" / "timex_tbaq.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["timex_tbaq"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_value_f1_on_timebank_and_aquaint() -> None:
    if not TBAQ.is_dir():
        pytest.skip("../shared/data/tbaq is absent")
    bench = _benchmark()
    files = sorted(TBAQ.glob("*/*.tml"))
    result = bench.score(files, show_errors=False)
    # measured 0.813 value F1, 0.939 relaxed F1, 0.863 strict F1 over all 256 files (benchmarks/timex_tbaq.py)
    assert result["value_f1"] > 0.80
    assert result["relaxed_f1"] > 0.92
    assert result["strict_f1"] > 0.84


def test_gold_offsets_slice_the_timex_text() -> None:
    if not TBAQ.is_dir():
        pytest.skip("../shared/data/tbaq is absent")
    text, dct, gold = _benchmark().read_tml(sorted(TBAQ.glob("TimeBank/*.tml"))[0])
    assert dct and gold and all(text[g.start:g.end].strip() for g in gold)
