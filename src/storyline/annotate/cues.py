"""The words that introduce a quotation: reporting verbs ("said", "tweeted", "insisted") in every form.

A lexicon of word forms rather than lemmas, because the pipeline runs spaCy without its lemmatizer.
"""

from __future__ import annotations

__all__ = ["REPORTING_FORMS", "is_reporting_verb"]

# Verbs news prose uses to attribute words or stances to a source (PolNeAR's cues, the frequent ones).
_BASES = """
say tell add write tweet post retweet ask answer reply respond explain insist claim argue note state declare
announce warn urge suggest acknowledge admit comment continue recall remark shout yell joke quip concede
complain boast brag predict promise vow pledge assert contend maintain observe report confirm deny reiterate
emphasize emphasise stress describe call label dub testify exclaim whisper mutter chant cry scream wonder muse
recount counter retort tout caution mention proclaim inform remind assure conclude reason lament criticize
criticise accuse praise charge allege speculate demand plead beg rail blast slam mock hail decry denounce
condemn ridicule dismiss defend opine text email interject snap threaten characterize characterise dismiss
thunder gush concur argue summarize summarise put quote cite read tease taunt promise pledge sneer scoff
fume rage muse scold lecture insult attack brand term deride decry question declare chide press sing
share retweet recommend advise exhort
refer credit react deem talk speak express echo concede agree disagree
""".split()

# Forms the regular rules below get wrong.
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "put": ("put",), "read": ("read",),
    "admit": ("admitted", "admitting"), "quip": ("quipped", "quipping"), "snap": ("snapped", "snapping"),
    "cry": ("cried", "cries"), "reply": ("replied", "replies"), "deny": ("denied", "denies"),
    "testify": ("testified", "testifies"), "label": ("labelled", "labelling"), "dub": ("dubbed", "dubbing"),
    "plead": ("pled",), "tease": ("teased", "teasing"), "scold": (), "rage": ("raged", "raging"),
    "brag": ("bragged", "bragging"), "slam": ("slammed", "slamming"), "email": ("e-mailed",),
    "question": (), "muse": ("mused", "musing"), "refer": ("referred", "referring"),
    "speak": ("spoke", "spoken"), "echo": ("echoes", "echoed", "echoing"), "fume": ("fumed", "fuming"), "sneer": (),
}


def _regular_forms(base: str) -> set[str]:
    forms = {base}
    if base.endswith(("s", "sh", "ch", "x", "z")):
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


def _all_forms() -> frozenset[str]:
    forms: set[str] = set()
    for base in _BASES:
        forms |= _regular_forms(base)
        forms |= set(_IRREGULAR.get(base, ()))
    return frozenset(forms)


REPORTING_FORMS: frozenset[str] = _all_forms()


def is_reporting_verb(word: str) -> bool:
    """Is ``word`` (any case, any inflection) a verb that attributes words to a speaker?"""
    return word.lower() in REPORTING_FORMS
