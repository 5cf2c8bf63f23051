"""Every inflected form of an English verb, for matching words without spaCy's lemmatizer.

The pipeline runs spaCy without its lemmatizer (it costs time and the analysis needs only a few verb
classes), so ``token.lemma_`` is empty there: code that asks "is this a form of *go*?" matches the word
against the forms this module spells out.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["verb_forms"]

# Forms the regular rules get wrong (past, participle, or a doubled consonant).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("am", "is", "are", "was", "were", "been", "being", "'s", "'re", "’s", "’re"),
    "go": ("went", "gone", "goes"), "come": ("came",), "fly": ("flew", "flown"), "leave": ("left",),
    "drive": ("drove", "driven"), "flee": ("fled",), "strike": ("struck", "stricken"), "ride": ("rode", "ridden"),
    "become": ("became",), "run": ("ran", "running"), "say": ("said",), "tell": ("told",),
    "send": ("sent",), "give": ("gave", "given"), "make": ("made", "making"), "submit": ("submitted", "submitting"),
    "write": ("wrote", "written"), "put": ("put",), "read": ("read",), "speak": ("spoke", "spoken"),
    "admit": ("admitted", "admitting"), "quip": ("quipped", "quipping"), "snap": ("snapped", "snapping"),
    "cry": ("cried", "cries"), "reply": ("replied", "replies"), "deny": ("denied", "denies"),
    "testify": ("testified", "testifies"), "label": ("labelled", "labelling"), "dub": ("dubbed", "dubbing"),
    "plead": ("pled",), "tease": ("teased", "teasing"), "scold": (), "rage": ("raged", "raging"),
    "brag": ("bragged", "bragging"), "slam": ("slammed", "slamming"), "email": ("e-mailed",),
    "question": (), "muse": ("mused", "musing"), "refer": ("referred", "referring"),
    "echo": ("echoes", "echoed", "echoing"), "fume": ("fumed", "fuming"), "sneer": (),
    "commute": ("commuted", "commuting"), "relocate": ("relocated", "relocating"),
    "evacuate": ("evacuated", "evacuating"), "capture": ("captured", "capturing"), "invade": ("invaded", "invading"),
    "arrive": ("arrived", "arriving"), "move": ("moved", "moving"), "tour": (), "enter": (), "visit": (),
    "travel": ("travelled", "travelling"), "shell": (), "land": (), "depart": (), "head": (), "reach": (),
    "happen": (), "appear": (), "remain": (), "seem": (), "return": (), "stay": (), "walk": (), "attack": (),
    "sail": (), "live": ("lived", "living"), "escape": ("escaped", "escaping"), "bomb": (),
}


def _regular(base: str) -> set[str]:
    forms = {base}
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(base + "es")
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ied", base + "ing"}
    else:
        forms |= {base + "ed", base + "ing"}
    return forms


def verb_forms(bases: Iterable[str]) -> frozenset[str]:
    """All forms of the verbs ``bases`` (lower case): "go" -> go, goes, going, went, gone."""
    forms: set[str] = set()
    for base in bases:
        forms |= _regular(base)
        forms |= set(IRREGULAR.get(base, ()))
    if "be" in bases:
        forms -= {"bes", "bed", "being"} - set(IRREGULAR["be"])
    return frozenset(forms)
