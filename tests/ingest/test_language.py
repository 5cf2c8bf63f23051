"""Language detection: English news first, other languages, and too-short text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from storyline.ingest.clean import clean_plain_text
from storyline.ingest.language import detect_language

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"


@pytest.mark.parametrize("path", sorted((REPO / "examples" / "korea-summits").glob("*.txt")), ids=lambda p: p.name)
def test_sample_corpus_is_english(path: Path):
    assert detect_language(clean_plain_text(path.read_text(encoding="utf-8")).text) == "en"


def test_names_heavy_english_sentence_is_english():
    assert detect_language("Kim Jong-un and US President Donald Trump met on Sunday at the Demilitarized Zone.") == "en"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le président américain a rencontré le dirigeant nord-coréen dans la zone démilitarisée dimanche."),
    ("de", "Der amerikanische Präsident traf den nordkoreanischen Machthaber am Sonntag an der Grenze."),
    ("es", "El presidente estadounidense se reunió el domingo con el líder norcoreano en la frontera."),
    ("ru", "Президент США встретился с лидером Северной Кореи в демилитаризованной зоне в воскресенье."),
    ("zh", "美国总统特朗普周日在非军事区与朝鲜领导人金正恩会面，这是双方的第三次会晤。"),
    ("ko", "도널드 트럼프 미국 대통령은 일요일 비무장지대에서 김정은 북한 국무위원장과 만났다."),
    ("ja", "トランプ米大統領は日曜日、非武装地帯で北朝鮮の金正恩委員長と会談した。"),
])
def test_other_languages_are_recognised(lang: str, text: str):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "Hello", "Trump met Kim", "12 345 678", "https://www.example.com/a/b/c/d"])
def test_too_short_text_gives_none(text: str):
    assert detect_language(text) is None


def test_twenty_word_news_fragments_are_english():
    texts = SHARED / "data" / "polnear-train" / "text"
    if not texts.is_dir():
        pytest.skip("../shared/data is absent (a user's fresh clone): nothing to measure against")
    rng = random.Random(7)
    files = sorted(texts.glob("*.txt"))
    fragments = []
    for path in rng.sample(files, min(100, len(files))):
        words = path.read_text(encoding="utf-8", errors="replace").split()
        if len(words) > 40:
            start = rng.randrange(len(words) - 20)
            fragments.append(" ".join(words[start:start + 20]))
    answers = [detect_language(f) for f in fragments]
    assert sum(a == "en" for a in answers) >= 0.98 * len(fragments)
    assert all(a in ("en", None) for a in answers)
