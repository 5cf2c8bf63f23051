"""Make realistic variants of real articles, for the dedup and ingest-speed benchmarks.

A variant is what the same article looks like after another outlet or crawler touched it: lines
re-wrapped, a share widget and a "Related articles" tail added, some words edited, a paragraph dropped.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
POLNEAR = SHARED / "data" / "polnear-train" / "text"

BOILERPLATE = ["Follow us on", "  • twitter", "  • facebook", "Photo: AFP", "Advertisement",
               "Sign up for our newsletter"]
TAIL = ["Related articles", "More news from"]


def real_articles(limit: int | None = None) -> list[str]:
    if not POLNEAR.is_dir():
        raise SystemExit(f"{POLNEAR} is absent: this benchmark needs ../shared/data")
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))[:limit]]
    return [t for t in texts if len(t.split()) >= 150]


def wrap(text: str, width: int) -> str:
    out = []
    for para in text.split("\n\n"):
        line, lines = "", []
        for word in para.split():
            if len(line) + len(word) + 1 > width and line:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)


def edit_words(text: str, rate: float, rng: random.Random) -> str:
    words = re.split(r"(\s+)", text)
    for i in range(0, len(words), 2):
        if words[i] and rng.random() < rate:
            words[i] = rng.choice(["the", "said", "new", "also", words[i].upper(), words[i][::-1]])
    return "".join(words)


def variant(text: str, rng: random.Random, edit_rate: float = 0.05) -> str:
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paras) > 4 and rng.random() < 0.5:
        del paras[rng.randrange(1, len(paras))]
    body = edit_words("\n\n".join(paras), edit_rate, rng)
    body = wrap(body, rng.randint(60, 100))
    head = rng.sample(BOILERPLATE, 2)
    return "\n".join(head) + "\n\n" + body + "\n\n" + rng.choice(TAIL) + "\n" + "Another headline\n"


def remix(texts: list[str], rng: random.Random) -> str:
    """A new, distinct article-like text: paragraphs drawn from several real articles."""
    paras = []
    for t in rng.sample(texts, 3):
        ps = [p for p in re.split(r"\n\s*\n", t) if len(p.split()) > 8]
        paras += rng.sample(ps, min(len(ps), rng.randint(2, 4)))
    rng.shuffle(paras)
    return "\n\n".join(paras)
