"""The words that introduce a quotation: reporting verbs ("said", "tweeted", "insisted") in every form.

A lexicon of word forms rather than lemmas, because the pipeline runs spaCy without its lemmatizer.
"""

from __future__ import annotations

from storyline.annotate.verbforms import verb_forms

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
share retweet recommend advise exhort boom voice roar bellow holler grumble gloat marvel chuckle bark snarl growl hiss
refer credit react deem talk speak express echo concede agree disagree
""".split()

REPORTING_FORMS: frozenset[str] = verb_forms(_BASES)


def is_reporting_verb(word: str) -> bool:
    """Is ``word`` (any case, any inflection) a verb that attributes words to a speaker?"""
    return word.lower() in REPORTING_FORMS
