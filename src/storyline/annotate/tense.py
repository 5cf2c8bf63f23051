"""The year or week of a partial date, settled by the tense of the verb the date modifies.

The tagger (``storyline.temporal``) reads text without a parse: a date written without its year ("in
March", "on March 10", "on Saturday") gets the year or week that puts it nearest the document's date,
moved by the tense words around it. Words around a date are a weak guide in long news sentences: in "A New
York man pleaded guilty Monday to threatening to kill Rep. Omar in March" (read in November) the past
verb is too far from "March" for a window of words, and "March" became next March. The parse knows which
verb a date modifies. A partial date that modifies a past-tense verb ("bought RJR in February", "changed
to a calendar year in December") is not in the future, and one that modifies a verb of the future ("will
meet on Saturday", "protesters planned a demonstration on Saturday") is not in the past.

Only a date that is the verb's own adverbial counts ("in March", "on Saturday", "Oct. 31"): one under a
noun ("a cutback in September") or after a preposition of extent ("extended to Nov. 16", "until
mid-November") says nothing by the verb's tense. Measured on TBAQ (``benchmarks/timex_tbaq.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.annotate.doctext import doc_text, token_at
from storyline.model import Timex
from storyline.temporal import lexicon as lx
from storyline.temporal import tag_timexes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["settle_by_tense"]

# the tagger's own vocabulary: month names as it writes them, and the weekdays spelled out
_MONTH = re.compile(rf"\b(?:{lx.MONTH_RE})\b")
_WEEKDAY = re.compile(r"(?i)\b(?:" + "|".join(w for w in lx.WEEKDAYS if w.endswith("day")) + r")\b")
# Holidays the tagger places in the nearest year ("They met at Easter", read just before Easter, was the
# coming one); Election Day keeps the tagger's own even-year rule.
_HOLIDAY = re.compile(r"(?i)\b(?:christmas|thanksgiving|easter|halloween|new\s+year's|independence\s+day|"
                      r"labor\s+day|memorial\s+day|valentine's|good\s+friday|black\s+friday|cyber\s+monday|"
                      r"veterans\s+day|mother's\s+day|father's\s+day|boxing\s+day|fourth\s+of\s+july)\b")
# A date with its own anchor: "last March", "next Monday", "two years ago", "March 2019".
_ANCHORED = re.compile(r"(?i)\b(?:last|next|this|coming|past|previous|following|ago|earlier|later|yesterday|"
                       r"today|tomorrow|tonight)\b|\d{4}")
_PARTIAL_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
# Prepositions of extent: the date bounds a span ("extended to Nov. 16"), the verb's tense is the span's.
_EXTENT = {"to", "until", "till", "through", "by", "before", "after", "since", "from", "into"}
_OCCASION = {"in", "at", "during"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_MODAL = {"would", "could", "might", "may", "can", "should", "must", "to"}
# Verbs of planning look ahead even in the past tense: "planned a demonstration on Saturday".
_PLANNING = {"plan", "plans", "planned", "schedule", "schedules", "scheduled", "slated", "intend", "intends",
             "intended", "expect", "expects", "expected"}


def settle_by_tense(doc: Doc, timexes: list[Timex], dct: str | None) -> list[Timex]:
    """``timexes`` with the year (month dates) or week (weekdays) of partial dates the tagger placed on the
    wrong side of ``dct`` moved across it, by the tense of the verb each date modifies."""
    if not dct or not re.match(r"\d{4}-\d\d-\d\d", dct):
        return timexes
    today = dt.date.fromisoformat(dct[:10])
    return [_settled_or_kept(doc, t, today) for t in timexes]


def _settled_or_kept(doc: Doc, t: Timex, today: dt.date) -> Timex:
    try:
        return _settled(doc, t, today)
    except (ValueError, OverflowError):
        return t  # a year off the calendar's ends (a document dated 9999): the tagger's value stands


def _settled(doc: Doc, t: Timex, today: dt.date) -> Timex:
    m = _PARTIAL_VALUE.fullmatch(t.value)
    if m is None or t.type != "DATE" or _ANCHORED.search(t.text):
        return t
    if _WEEKDAY.search(t.text) and _MONTH.search(t.text) and m[3]:
        return t  # "Saturday, April 25": the weekday fixes the year, whatever the verb's tense
    weekday = bool(_WEEKDAY.search(t.text)) and not _MONTH.search(t.text) and not _HOLIDAY.search(t.text)
    if not weekday and not _MONTH.search(t.text) and not _HOLIDAY.search(t.text):
        return t
    if weekday and not m[3]:
        return t
    # a year written earlier in the sentence gave this date its year ("in 2018 … on June 13"), unless that
    # year sits in a clause about a noun ("Under a program approved in 1987 …, Nashua had bought shares
    # through Sept. 29"): then the date is read again on its own, against the document's date
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return t
    years = list(re.finditer(r"\b(?:1[5-9]|20)\d\d\b", doc_text(doc)[span.sent.start_char:t.start]))
    if years:
        if not all(_inside_noun_clause(doc, span.sent.start_char + y.start(), span) for y in years):
            return t
        alone = [x for x in tag_timexes(t.text, today.isoformat()) if x.type == "DATE"]
        if not alone or not _PARTIAL_VALUE.fullmatch(alone[0].value):
            return t
        t = replace(t, value=alone[0].value)
        m = _PARTIAL_VALUE.fullmatch(t.value)
    verb = _governing_verb(span)
    tense = _tense(verb) if verb is not None else None
    if tense is None:
        return t
    year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    if weekday:
        date = dt.date(year, month, day)
        if tense == "past" and date > today:
            return replace(t, value=(date - dt.timedelta(days=7)).isoformat())
        if tense == "future" and date < today:
            return replace(t, value=(date + dt.timedelta(days=7)).isoformat())
        return t
    key, now = (year, month, day or 0), (today.year, today.month, today.day if day else 0)
    if tense == "past" and key > now:
        return _holiday_a_year_off(t, today, -1) if _HOLIDAY.search(t.text) else _in_year(t, year - 1, month, day)
    if tense == "future" and (year, month, day or 99) < now:
        return _holiday_a_year_off(t, today, 1) if _HOLIDAY.search(t.text) else _in_year(t, year + 1, month, day)
    return t


def _holiday_a_year_off(t: Timex, today: dt.date, years: int) -> Timex:
    """A holiday in the year before or after: read again a year off, since Easter or Thanksgiving move."""
    then = today.replace(year=today.year + years, day=min(today.day, 28))
    found = [x for x in tag_timexes(t.text, then.isoformat()) if x.type == "DATE"]
    return replace(t, value=found[0].value) if found and _PARTIAL_VALUE.fullmatch(found[0].value) else t


def _in_year(t: Timex, year: int, month: int, day: int | None) -> Timex:
    """The date moved to ``year``; unchanged when that year has no such day (29 February)."""
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return t
    return replace(t, value=f"{year:04d}{t.value[4:]}")


def _inside_noun_clause(doc: Doc, char: int, date: Span) -> bool:
    """Is the word at ``char`` inside a relative or reduced relative clause that does not hold ``date``?"""
    tok = token_at(doc, char)
    if tok is not None and not date.sent.start <= tok.i < date.sent.end:
        tok = None
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ in ("acl", "relcl"):
            return not (tok.left_edge.i <= date.start and date.end - 1 <= tok.right_edge.i)
        tok = tok.head
    return False


def _governing_verb(span: Span) -> Token | None:
    """The verb a date (its tokens) is an adverbial of: "bought RJR in February" (date -> in -> bought),
    "ended Oct. 31"."""
    tok = span.root
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        if tok.head.lower_ in _EXTENT:
            return None
        tok = tok.head.head
        # the date of a framing occasion: "In a letter to the president in May, Duvall said …", "At a
        # rally in March, she vowed …": the occasion is the verb's adverbial, and so is its date
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
                and tok.head.lower_ in _OCCASION:
            tok = tok.head.head
    elif tok.dep_ in ("npadvmod", "advmod", "tmod"):
        tok = tok.head
    else:
        return None
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _tense(verb: Token) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX:
        return "future"
    if verb.lower_ in _PLANNING:
        # "protesters planned a rally on Saturday", "the accession was planned for early March"; not a
        # participle under a noun ("a service planned for Saturday was canceled")
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "nsubj" for c in verb.children)
        return "future" if finite or "auxpass" in {a.dep_ for a in aux} else None
    if words & _MODAL:
        return None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not aux and verb.lower_ not in _FORWARD_PARTICIPLES:
        return "past"  # a reduced relative tells what was done: "a tariff imposed on consumer goods in September"
    return None


# Participles that set a date ahead as often as they report one: "a summit set for April", "tariffs planned
# for Oct. 15" (then canceled): no tense either way.
_FORWARD_PARTICIPLES = {"set", "due", "slated", "scheduled", "planned", "expected", "proposed", "designed",
                        "intended", "aimed", "meant", "poised", "billed", "timed", "penciled", "pencilled"}
