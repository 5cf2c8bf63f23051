"""Date an article from its own words when no metadata gives the date.

First an explicit line: "Published: Wed 27 Feb 2019, 7:00 PM", "Posted on June 30, 2019", a wire
dateline "SEOUL, June 30 (Reuters) -", or a dateline that writes the whole date "SEOUL, 3 March 2019 —". Else the latest date the article itself mentions, stated one
level coarser than that mention (an article mentioning June 13, 2018 was written after it, likely that
month; one mentioning "February 2019" only supports 2019): never a day the text does not give. A date the
article looks ahead to ("bonds due 1993", "will help determine which party controls the Senate in 2017",
"eyes a 2020 presidential bid") proves nothing and does not count; an article that only looks ahead is
left undated rather than dated years after it was written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.model import Timex
from storyline.temporal.tagger import tag_timexes

__all__ = ["InferredDate", "infer_publication_date"]


@dataclass
class InferredDate:
    """A publication date read from the text: ``value`` is YYYY-MM-DD, or YYYY-MM / YYYY when that is all
    the text supports; ``evidence`` quotes the words it came from; ``explicit`` is True for a
    "Published:" line or a dateline (the text states the date), False when deduced from mentions."""

    value: str
    evidence: str
    confidence: float
    explicit: bool = False


_PUBLISHED_LINE = re.compile(r"(?im)^[ \t>*•-]*(?:published|posted|first published|publication date|date|"
                             r"updated|last updated|last modified)(?:\s+on)?\s*[:|-]?\s*(.{6,80})$")
_WIRE = r"(?:Reuters|AP|AFP|Xinhua|Yonhap|Bloomberg|UPI|dpa|IANS|PTI|Kyodo|KCNA|ANI|Associated Press)"
_DATELINE = re.compile(rf"(?m)^\s*[A-Z][A-Za-z .'’-]{{1,40}}(?:,\s*[A-Z][A-Za-z .]{{1,30}})?,\s+"
                       rf"(.{{3,30}}?)\s*\(\s*{_WIRE}\s*\)\s*[-–—:]")
# "SEOUL, 3 March 2019 —", "Washington, Feb. 27, 2019 -": a dateline with no agency, taken only when it
# writes the whole date (day, month and year) and a dash follows.
_PLAIN_DATELINE = re.compile(r"(?m)^\s*[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s+"
                             r"((?![a-z])(?:[A-Za-z]{3,9},?\s+)?[A-Za-z0-9 .,]{6,24}?\b(?:19|20)\d\d)\s*[-–—]")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_HEAD_CHARS = 3000  # a dateline or "Published:" line sits near the top; further down it is quoting


def infer_publication_date(text: str) -> InferredDate | None:
    """The article's publication date as far as its text supports it, or None when it mentions no date."""
    return _from_published_line(text) or _from_dateline(text) or _from_mentions(text)


def _from_published_line(text: str) -> InferredDate | None:
    lines = list(_PUBLISHED_LINE.finditer(text[:_HEAD_CHARS]))
    # "Published" beats "Updated": the first is the date the article carries
    lines.sort(key=lambda m: "updat" in m[0].lower() or "modified" in m[0].lower())
    for m in lines:
        day = next((t for t in tag_timexes(m[1]) if _DAY_VALUE.match(t.value)), None)
        if day is not None:
            return InferredDate(day.value[:10], m[0].strip(), 0.95, explicit=True)
    return None


def _from_dateline(text: str) -> InferredDate | None:
    m = _DATELINE.search(text[:_HEAD_CHARS])
    if m is None:
        plain = _PLAIN_DATELINE.search(text[:_HEAD_CHARS])
        found = tag_timexes(plain[1]) if plain else []
        if found and _DAY_VALUE.match(found[0].value) and found[0].end == len(plain[1]):
            return InferredDate(found[0].value[:10], plain[0].strip(), 0.85, explicit=True)
        return None
    found = tag_timexes(m[1])
    if not found:
        return None
    value = found[0].value
    if _DAY_VALUE.match(value):
        return InferredDate(value[:10], m[0].strip(), 0.9, explicit=True)
    if value.startswith("XXXX-") and len(value) == 10:
        # "SEOUL, June 30 (Reuters)": the day is stated, the year is not: the latest the article mentions,
        # if any, which is only a lower bound (so the date counts as deduced, not given)
        years = [t.value[:4] for t in _explicit_dates(text)]
        if years:
            return InferredDate(max(years) + value[4:], m[0].strip() + " (year deduced from the article's mentions)",
                                0.7, explicit=False)
    return None


def _explicit_dates(text: str) -> list[Timex]:
    """Dates the text states with their year ("June 12, 2018", "February 2019", "2017"), or whose year
    a year written earlier in the same sentence gives; none in the future of the present day."""
    this_year = dt.date.today().year
    out = []
    for t in tag_timexes(text):
        if t.type not in ("DATE", "TIME") or not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?(T|$)", t.value):
            continue
        if int(t.value[:4]) > this_year:
            continue
        out.append(t)
    return out


# A mention that looks ahead does not show the article was written after it: "bonds due 1993", "by the
# end of 1990", "until early 1990", "will be due on Nov. 1, 2004", "expects earnings in 1990". (A year
# naming an event, "the 2016 presidential race", stays: on PolNeAR dropping it lowers the share of right
# years, see benchmarks/date_inference.py.)
_AHEAD_BEFORE = re.compile(r"(?i)\b(?:by|due|until|till|through|before|into|ending|expire[sd]?|effect\s+in|"
                           r"beyond|toward|towards)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+|"
                           r"(?:the\s+)?(?:early|late|mid-?)\s*|the\s+year\s+|on\s+)?$")


# "up for reelection in 2018", "is up for renewal in 2018": a standing arrangement points at now or
# later, never back. (A present progressive, "are defending red states in 2018", often does too, but on
# TBAQ it as often names the year the article is written in: not counted.)
_STANDING_BEFORE = re.compile(r"(?i)\bup\s+for\s+\w+(?:\s+\w+)?\s+(?:in|by)\s+$")


# A goal set for a year: "to reduce emissions 26 percent to 28 percent in 2025", "a target of 2030",
# "pledged to cut coal by 2030", "a potential gubernatorial candidate in 2018": the year is the goal's or
# the prospect's, not a past the article looks back on.
_GOAL_BEFORE = re.compile(r"(?i)\b(?:to\s+(?:reduce|cut|increase|raise|lower|reach|achieve|double|triple|halve|"
                          r"eliminate|phase\s+out)|goals?|targets?|pledged\s+to|vowed\s+to|potential|possible|"
                          r"prospective|would-be)\b[^.;,]{0,60}?"
                          r"\b(?:in|by|of|for)\s+$")


# A prospect: "eyes a 2020 presidential bid", "is mulling a run for Governor in 2018", "projected to swell to
# 65 million in 2025", "hope to have an Australian president by …".
_PROSPECT_BEFORE = re.compile(r"(?i)\b(?:eye[sd]?|eyeing|mull(?:s|ed|ing)?|prep(?:s|ping)?\s+for|hop(?:e|es|ing)\s+to|"
                              r"(?:projected|forecast|estimated|predicted)\s+to|bet\s+on)\b")
# A modal or future verb: "voters will help determine which party controls the Senate in 2017", "she could
# very well re-nominate him to the same seat in 2017" (not "would have", "could have": a past unreal).
_MODAL = re.compile(r"\b(?:will|would(?!\s+(?:not\s+|n't\s+)?have)|could(?!\s+(?:not\s+)?have)|might(?!\s+have)|"
                    r"shall|going\s+to)\b|'ll\b")
# a date that sets the time of its clause ("in 2017", "through the end of his term in early 2017"), not a
# year naming a thing ("the 2016 campaign", "the company's 1989 operating results")
_ADVERBIAL = re.compile(r"(?i)\b(?:in|by|until|till|through|during|within)\s+(?:(?:early|late|mid-?)\s*)?"
                        r"(?:\d{4}\s+(?:or|and)\s+)?$")  # "could bring him to run in 2020 or 2024"
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’)]*\s+|\n)(?:(?:In|By|On|Then|And|But),?\s+)?$")


def _looks_ahead(text: str, t: Timex) -> bool:
    from storyline.temporal.tagger import _FUTURE_CUE

    sentence = re.split(r"[.!?]['\"”’)]*\s", text[max(0, t.start - 160):t.start])[-1]  # this sentence only
    near = sentence[-80:]
    if _AHEAD_BEFORE.search(near) or _STANDING_BEFORE.search(near) or _GOAL_BEFORE.search(near) \
            or _PROSPECT_BEFORE.search(near) or _FUTURE_CUE.search(near[-50:]):
        return True
    # the modal of the clause the date sets the time of: before it, anywhere in the sentence; after it, when
    # the date opens the sentence ("Thirteen years later, that rewrite might finally get done")
    if _ADVERBIAL.search(sentence) and _MODAL.search(sentence):
        return True
    if _SENTENCE_START.search(text[max(0, t.start - 12):t.start]):
        after = re.split(r"[.!?;]", text[t.end:t.end + 80])[0]
        return bool(_MODAL.search(after))
    return False


def _from_mentions(text: str) -> InferredDate | None:
    dates = _explicit_dates(text)
    if not dates:
        return None
    # the latest date the article looks back on: one it only looks ahead to proves nothing about when it
    # was written. When it looks ahead to every date it writes ("would renew through 2026 the Iran
    # Sanctions Act", "notes due Nov. 1, 2004") it is undated: the latest of those put 2016 and 1989
    # articles in 2026 and 2004 (15 of the 19 such texts in PolNeAR and TBAQ, benchmarks/date_inference.py).
    dates = [t for t in dates if not _looks_ahead(text, t)]
    if not dates:
        return None
    latest = max(dates, key=lambda t: t.value[:10])
    value = latest.value[:10]
    if len(value) == 10:
        result, confidence = value[:7], 0.5
    else:
        result, confidence = value[:4], 0.3
    evidence = f"latest date the article mentions: {latest.text!r} ({value})"
    return InferredDate(result, evidence, confidence, explicit=False)
