"""Find temporal expressions in news text and normalize them to TIMEX3 values.

Pure regular expressions and word lists (no parser), so it runs at hundreds of thousands of words a
second. Each rule finds candidate spans; the leftmost-longest candidate whose normalizer accepts it wins;
then modifiers next to a winner ("early", "more than", "the end of") widen it, and a date next to a
clock time ("Wed 27 Feb 2019, 7:00 PM") merges into one TIME. Conventions follow TimeML/TimeBank as
annotated in TBAQ (see benchmarks/timex_tbaq.py): "the past three months" is one DURATION span, "a year
ago" is a DATE, "now" is PRESENT_REF.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.model import Timex
from storyline.temporal import lexicon as lx
from storyline.temporal._calendar import (
    SEASON_START,
    Anchor,
    add_months,
    format_date,
    quarter_of,
    shift_date,
)
from storyline.temporal.values import granularity_of

__all__ = ["tag_timexes"]

_Y4 = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_MON = rf"(?:{lx.MONTH_RE})(?![a-z])\.?"
_MON_FULL = "|".join(w.capitalize() for w in lx.MONTHS if len(w) > 3 or w == "may")
_WD_FULL = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WD_ANY = rf"(?i:{'|'.join(sorted(lx.WEEKDAYS, key=len, reverse=True))})(?![a-z])\.?"
_NUM = lx.NUMBER_RE
_UNIT = lx.UNIT_RE
_PART = r"(?:morning|afternoon|evening|night)"
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_END = r"(?![\w-])"
_SPOKEN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPOKEN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A year said in words (broadcast transcripts): "nineteen ninety-seven", "two thousand and three".
_SPOKEN_Y = (rf"(?:(?:nineteen|twenty)(?:\s+hundred)?\s+(?:and\s+)?(?:(?:{_SPOKEN_TENS})(?:[- ](?:{_SPOKEN_UNITS}))?|"
             rf"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
             rf"oh[- ](?:{_SPOKEN_UNITS})){_END}|two\s+thousand(?:\s+and\s+(?:{_SPOKEN_UNITS}))?{_END})")
_MONTH_TRIGGER = rf"(?:{lx.MONTH_RE})(?![a-z])"
_UNIT_TRIGGER = r"(?i)(?:second|minute|hour|day|night|week|month|quarter|year|decade|centur)"

_FUTURE_CUE = re.compile(r"(?i)\b(?:(?:will|would|shall|to)\s+(?:not\s+)?be\s+[a-z]+ed|will|shall|won't|going to|"
                         r"plans? to|planning to|planned to|scheduled|expected to|would(?!\s+(?:have|not|n't))|until|"
                         r"(?-i:expects?|anticipates?|forecasts?|predicts?|projects?)|as (?:soon|early) as|"
                         r"set to|to be held|upcoming|is to|are to|is due|are due)\b|'ll\b")
# "-ed" words that are past verbs even after the date ("in the quarter ended Sept. 30")
_PAST_WORDS = {"ended", "reported", "announced"}
_PAST_CUE = re.compile(r"(?i)\b(?:last|was|were|had|did|ago|earlier|ended|began|came|went|took|won|lost|"
                       r"rose|fell|reported|announced|said|told|met|left|held|made|gave|saw|sent|spent|led|"
                       r"struck|since|brought|bought|sold|paid|built|found|kept|became|grew|knew|ran|wrote|"
                       r"spoke|chose|fought|"
                       # a lowercase "-ed" word, but not "hundred", "need" ("United" is a name)
                       r"(?!(?:hundred|need|indeed|speed|seed|feed|proceed|exceed|succeed|shed|bed)\b)"
                       r"(?-i:[a-z]\w+ed))\b")
_SCHEDULED_PRESENT = re.compile(
    r"(?i)\b(?<!\bthe\s)(?:meet|begin|start|open|resume|vote|leave|arrive|travel|visit|return|convene|reconvene|"
    r"testify|testifies|goes|go|fly|flies|debate|sail|depart|kick\s+off|take\s+office|get\s+under\s+way)"
    r"(?:s)?(?:\s+(?:again|separately|together|jointly|formally|here|there|home|\w+ly))?\s+(?:on\s+)?$")
# "The meeting is at 4 p.m. Friday", "the vote is Tuesday": a present "is" right before the day schedules it
_SCHEDULED_IS = re.compile(r"(?i)\b(?:is|are)\s+(?:(?:at|on)\s+)?(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+)?$")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n\s*\n")
# A past verb or "since" right before a date: "the fiscal year ended Jan. 31", "on patrol since March".
_CLOSE_PAST = re.compile(r"(?i)\b(?:since|(?!(?:hundred|need|indeed|speed|proceed|exceed|succeed|expected|"
                         r"scheduled|planned|slated|delayed|postponed|deferred)\b)[a-z]+ed"
                         r"|began|was|were)(?:\s+(?:on|in|at))?\s+$")
_QUOTE_EDGE = re.compile(r"''|``|[\"“”]")
# Where a clause ends, for the tense around a date: a sentence end, a semicolon or a line break, but
# not the period of "a.m.", "Mr." or "U.S." ("will leave at 4 a.m. EDT Thursday" is one clause).
_CLAUSE_BREAK = re.compile(r"(?<!\b[ap]\.m)(?<!\b[A-Z])(?<!\bMrs)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))(?<!\bSt)"
                           r"[.!?]['\"”’]*\s|;\s|\n")


@dataclass
class _Found:
    type: str
    value: str
    mod: str | None = None
    anchored: bool = True
    offset: bool = False  # counted from the DCT ("two years ago"): takes "about", "nearly" in front
    frames: bool = False  # a fiscal quarter the story reports on, which "a year earlier" counts from


class _Context:
    """What normalizers need: the anchor (DCT), the text, and the last date the text mentioned."""

    def __init__(self, text: str, dct: str | None, guessed: bool) -> None:
        self.text = text
        self.anchor = Anchor(dct)
        self.guessed = guessed
        self.ref: str | None = None  # last concrete DATE value, for "the following year", "a year earlier"
        self.ref_end = -1
        self.year_ref: int | None = None  # last explicitly written year, for "June 13" when no DCT
        self.year_ref_end = -1
        self.quarter_ref: str | None = None  # last fiscal quarter named, for "a year earlier", "the quarter"
        self.quarter_ref_end = -1

    def found(self, type_: str, value: str, mod: str | None = None, relative: bool = True) -> _Found:
        return _Found(type_, value, mod, anchored=not (relative and self.guessed))

    def same_sentence(self, end: int, start: int) -> bool:
        return end >= 0 and not _SENTENCE_END.search(self.text, end, start + 1) and start - end < 300

    def _clause_around(self, start: int, end: int, reach: int, at_quotes: bool = False) -> tuple[str, str]:
        """The clause's words before and after a span: back to the last clause break within 100
        characters, on to the next within ``reach``; with ``at_quotes`` a quotation's edge bounds it too
        (it parts the quoted words from the attribution: "will leave Thursday,'' Castro said")."""
        edges = (_CLAUSE_BREAK, _QUOTE_EDGE) if at_quotes else (_CLAUSE_BREAK,)
        before = self.text[max(0, start - 100):start]
        cut = max((m.end() for edge in edges for m in edge.finditer(before)), default=0)
        after = self.text[end:end + reach]
        stops = [m.start() for edge in edges if (m := edge.search(after))]
        return before[cut:], after[:min(stops)] if stops else after

    def clause_before(self, start: int) -> str:
        """The clause's words before a span, back to the last clause break within 100 characters."""
        return self._clause_around(start, start, 0)[0]

    def _clause(self, start: int, end: int) -> str:
        before, after = self._clause_around(start, end, 40)
        return before + " " + after

    def future(self, start: int, end: int) -> bool:
        """Whether the words around a span point ahead ("will meet on Sunday")."""
        return bool(_FUTURE_CUE.search(self._clause(start, end)))

    def looks_ahead(self, start: int, end: int) -> bool:
        return self.tense(start, end) == "future"

    def tense(self, start: int, end: int) -> str | None:
        """"future" or "past" by the tense cue nearest a span, None when there is none: "planned to leave
        on Thursday" looks ahead, "said Wednesday he would go" is told in the past. A cue before the span
        wins a near tie, since news puts the governing verb first ("announced Wednesday")."""
        # a fronted date ("On Tuesday, the league plans to …") is governed by the main verb further on
        fronted = re.search(r"(?:^|[.!?]['\"”’]*\s+|\n)(?:On\s+|on\s+)?$", self.text[max(0, start - 8):start])
        before, after = self._clause_around(start, end, 120 if fronted else 60, at_quotes=True)
        # "Until Thursday, they had not called him a suspect": what held until then is told in the past
        if re.search(r"(?i)\b(?:until|till)\s+$", before) and re.search(r"(?i)\bhad\b", after):
            return "past"
        # a present-tense verb of a scheduled happening right before the day looks ahead: "Arafat and
        # Netanyahu meet separately Monday", "the Senate votes Tuesday", "talks resume on Monday"
        if _SCHEDULED_PRESENT.search(before) or _SCHEDULED_IS.search(before):
            return "future"
        best: tuple[float, bool] | None = None
        for cue, ahead in ((_FUTURE_CUE, True), (_PAST_CUE, False)):
            for m in cue.finditer(before):
                d = len(before) - m.end()
                if best is None or d < best[0]:
                    best = (d, ahead)
            for m in cue.finditer(after):
                if not ahead and m[0].endswith("ed") and m[0].lower() not in _PAST_WORDS:
                    continue  # "-ed" after the date is as often a participle ("markets untouched by")
                d = m.start() + 6
                if best is None or d < best[0]:
                    best = (d, ahead)
        return None if best is None else "future" if best[1] else "past"

    def past(self, start: int, end: int) -> bool:
        """Whether the clause around a span is in the past tense ("fell in August")."""
        return bool(_PAST_CUE.search(self._clause(start, end)))


_Normalizer = Callable[[re.Match[str], _Context], _Found | None]


@dataclass
class _Rule:
    pattern: re.Pattern[str]
    normalize: _Normalizer
    # A cheap regex every match must contain: the full pattern runs only in a window around its hits
    # (leading optional words make a full scan of every pattern 3x slower).
    trigger: re.Pattern[str] | None


_RULES: list[_Rule] = []
_WINDOW_BEFORE, _WINDOW_AFTER = 48, 48


def _rule(pattern: str, flags: int = 0, trigger: str | None = None) -> Callable[[_Normalizer], _Normalizer]:
    def register(fn: _Normalizer) -> _Normalizer:
        _RULES.append(_Rule(re.compile(pattern, flags), fn, re.compile(trigger) if trigger else None))
        return fn
    return register


def _matches(rule: _Rule, text: str, hits: dict[str, list[tuple[int, int]]]) -> list[re.Match[str]]:
    """Every match of a rule's pattern, searching only near its trigger's hits."""
    if rule.trigger is None:
        return list(rule.pattern.finditer(text))
    key = rule.trigger.pattern
    if key not in hits:
        hits[key] = [m.span() for m in rule.trigger.finditer(text)]
    found: dict[tuple[int, int], re.Match[str]] = {}
    n = len(text)
    for t_start, t_end in hits[key]:
        lo, hi = max(0, t_start - _WINDOW_BEFORE), min(n, t_end + _WINDOW_AFTER)
        for m in rule.pattern.finditer(text, lo, hi):
            if m.start() > t_start:
                break
            if m.end() >= t_end and (m.end() < hi or hi == n):
                found.setdefault(m.span(), m)
    return list(found.values())


def _month(word: str) -> int:
    return lx.MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word)[0])


# what makes a past clause tell of a later time: an infinitive ("agreed to purchase"), a plan, "effective",
# a deadline
_PLAN_IN_PAST = re.compile(r"\bto\s+[a-z]+(?<!ing)\b|\b(?:plans?|planned|planning|expect(?:s|ed|ing)?|"
                           r"scheduled?|due|set|upcoming|next)\b|\b(?:effective|by|until|till|through|before)\s+$")


# a plan told in the past tense: its date may lie behind the DCT ("was due to be released in September")
_PLAN_THAT_WAS = re.compile(r"(?i)\b(?:was|were)\s+(?:\w+\s+)?(?:due|scheduled|expected|set|going|supposed|slated|"
                            r"to)\b")


def _nearest_year(ctx: _Context, month: int, day: int | None, start: int, end: int) -> int | None:
    """The year of a date written without one ("June 13", "in January").

    A year written earlier in the same sentence wins; else the year putting the date nearest the DCT,
    moved back in a past-tense clause or ahead in a future-tense one when that date lies the wrong way.
    """
    a = ctx.anchor
    if ctx.year_ref is not None and ctx.same_sentence(ctx.year_ref_end, start):
        # unless the clause looks ahead from a year already past: "invited to join NATO in July 1997,
        # will officially join on March 12" (read in 1999) is this coming March
        if not (a.year is not None and ctx.year_ref < a.year and ctx.looks_ahead(start, end)):
            return ctx.year_ref
    if a.year is None:
        return None
    if a.month is None:
        return a.year
    # The nearest such date, one way or the other: on TBAQ this matches 90% of the gold years for a
    # month written without one (the DCT's year alone: 84%). A past-tense clause moves a date more than
    # four months ahead back a year ("was founded in March", read in October), a future one moves a
    # date more than two months back ahead ("will open in January", read in October).
    delta = (month - a.month) + (((day or 15) - (a.day or 15)) / 31)
    shift = min((-1, 0, 1), key=lambda k: abs(12 * k + delta))
    ahead = 12 * shift + delta
    # a past verb or "since" right before the date is stronger than the clause around it: "the fiscal
    # year ended Jan. 31", "shares issued July 1", "on patrol since March" (read in the autumn)
    close_past = _CLOSE_PAST.search(ctx.text, max(0, start - 30), start)
    past = not ctx.future(start, end) and ctx.past(start, end)
    if ahead > 0.5 and past and day is None and (story := _story_year(ctx, month)) is not None:
        # a story told in the past, a month after the one it last dated: "in November 2016 … But by
        # December, they worsened" (read in November 2019) is December 2016, not the December to come
        return story
    # ... and more than two months ahead, unless the past verb governs an infinitive or a deadline, a plan
    # told in the past ("agreed to purchase … in February", "effective Feb. 1", "to pay down … by
    # February"): "pleaded guilty to threatening … in March", "what he was doing on the night of March 10"
    # (both read in November) are the March before
    if (ahead > 4 and past) or (ahead > 2 and past and not _PLAN_IN_PAST.search(ctx.clause_before(start))) \
            or (ahead > 0.5 and close_past):
        shift -= 1
    elif ahead < -2 and ctx.tense(start, end) == "future" and not close_past \
            and not _PLAN_THAT_WAS.search(ctx.clause_before(start)):
        shift += 1  # ... but "was due to be released in September" (read in November) is the September gone
    return a.year + shift


def _story_year(ctx: _Context, month: int) -> int | None:
    """The year a month continues the story in: the year of the month the text dated last, when that
    date was written with its year and lies before the DCT's year (the month after it, in its year or
    the next)."""
    a = ctx.anchor
    ref = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", ctx.ref or "")
    if ref is None or a.year is None or ctx.year_ref is None or int(ref[1]) != ctx.year_ref \
            or ctx.year_ref >= a.year:
        return None
    year, last = int(ref[1]), int(ref[2])
    return year if month >= last else year + 1


def _date_value(ctx: _Context, year: int | None, month: int, day: int | None) -> tuple[str, bool]:
    """A value for year/month/day; the year may be unknown ("XXXX-06-13"); False when invalid."""
    if day is not None:
        try:
            dt.date(year or 2000, month, day)
        except ValueError:
            return "", False
        return (f"{year:04d}" if year else "XXXX") + f"-{month:02d}-{day:02d}", True
    return (f"{year:04d}" if year else "XXXX") + f"-{month:02d}", True


# --- explicit calendar dates ---------------------------------------------------------------------

@_rule(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
       r"(?![\d-])")
def _iso(m: re.Match[str], ctx: _Context) -> _Found | None:
    value, ok = _date_value(ctx, int(m[1]), int(m[2]), int(m[3])) if 1 <= int(m[2]) <= 12 else ("", False)
    if not ok:
        return None
    if m[4] and int(m[4]) < 24 and int(m[5]) < 60:
        return ctx.found("TIME", f"{value}T{m[4]}:{m[5]}", relative=False)
    return ctx.found("DATE", value, relative=False)


@_rule(r"(?<![\d/.])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/(\d{4}|\d{2})(?![\d/])")
def _slashed(m: re.Match[str], ctx: _Context) -> _Found | None:
    year = int(m[3]) if len(m[3]) == 4 else 1900 + int(m[3]) if int(m[3]) > 30 else 2000 + int(m[3])
    value, ok = _date_value(ctx, year, int(m[1]), int(m[2]))
    return ctx.found("DATE", value, relative=False) if ok else None


def _is_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return dt.date(year, month, day).isoweekday() == weekday
    except ValueError:
        return False


@_rule(rf"(?:{_WD_ANY},?\s+)?(?:the\s+)?\b({_DAY})(?:\s+of)?\s+({_MON})(?:,?\s+({_Y4})(?!\d))?",
       trigger=_MONTH_TRIGGER)
@_rule(rf"(?:{_WD_ANY},?\s+)?({_MON})\s+(?:the\s+)?({_DAY})(?!\d|:\d|[.,]\d)(?:,?\s+({_Y4})(?!\d))?", trigger=_MONTH_TRIGGER)
def _month_day(m: re.Match[str], ctx: _Context) -> _Found | None:
    a, b = m[1], m[2]
    month_word, day_word = (b, a) if a[0].isdigit() else (a, b)
    month, day = _month(month_word), _day(day_word)
    year = int(m[3]) if m[3] else _nearest_year(ctx, month, day, m.start(), m.end())
    weekday = re.match(_WD_ANY, m[0])
    if weekday and not m[3] and year is not None:
        # "Saturday, April 25": of the nearby years, the one whose April 25 is a Saturday
        wd = lx.WEEKDAYS[weekday[0].rstrip(".").lower()]
        fits = [y for y in (year, year - 1, year + 1) if _is_weekday(y, month, day, wd)]
        year = fits[0] if fits else year
    value, ok = _date_value(ctx, year, month, day)
    if not ok:
        return None
    return ctx.found("DATE", value, relative=not m[3]) if year else _Found("DATE", value, anchored=False)


@_rule(r"(?:(?<=\band\s)|(?<=\bor\s)|(?<=\bto\s)|(?<=\bthrough\s)|(?<=\d-)|(?<=\d–))"
       r"(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|[.,]\d|\s*(?:percent|per\s+cent)\b)")
def _second_day(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"April 24 and 25", "June 12-13": a bare day right after a dated day is that month's day."""
    if ctx.ref is None or not re.fullmatch(r"\s*(?:and|or|to|through|-|–)\s*", ctx.text[ctx.ref_end:m.start()]):
        return None
    ref = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)-(\d\d)", ctx.ref)
    if ref is None or int(m[1]) <= int(ref[3]):
        return None
    value, ok = _date_value(ctx, None if ref[1] == "XXXX" else int(ref[1]), int(ref[2]), int(m[1]))
    return ctx.found("DATE", value) if ok else None


@_rule(rf"\bthe\s+week\s+of\s+({_MON})\s+({_DAY})(?!\d|:\d|[.,]\d)(?:,?\s+({_Y4})(?!\d))?", trigger=_MONTH_TRIGGER)
def _week_of(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"The week of March 6": the ISO week holding that day."""
    month, day = _month(m[1]), _day(m[2])
    year = int(m[3]) if m[3] else _nearest_year(ctx, month, day, m.start(), m.end())
    if year is None:
        return _Found("DATE", "XXXX-WXX", anchored=False)
    try:
        return ctx.found("DATE", format_date(dt.date(year, month, day), "week"), relative=not m[3])
    except ValueError:
        return None


@_rule(rf"({_MON}),?\s+(?:of\s+)?({_Y4}|'\d\d)(?![\d%])", trigger=_MONTH_TRIGGER)
@_rule(rf"({_MON}),?\s+(?:of\s+)?({_SPOKEN_Y})", re.I, trigger=r"(?i)\b(?:nineteen|twenty|two\s+thousand)\b")
def _month_year(m: re.Match[str], ctx: _Context) -> _Found | None:
    y = m[2]
    if y[0].isalpha():
        if not m[1][0].isupper():
            return None
        year = _spoken_year_value(y)
        if year is None:
            return None
    else:
        year = int(y) if len(y) == 4 else (1900 if int(y[1:]) > 30 else 2000) + int(y[1:])
    return ctx.found("DATE", f"{year:04d}-{_month(m[1]):02d}", relative=False)


@_rule(rf"(?:(last|next|this|this\s+past|this\s+coming)\s+)?({_MON_FULL}|{_MON_FULL.upper()})(?![a-z])"
       r"(?:,?\s+(?:of\s+)?(last|this|next)\s+year)?", re.I, trigger=r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b")
def _month_alone(m: re.Match[str], ctx: _Context) -> _Found | None:
    word = m[2]
    if not (word[0].isupper()):
        return None
    month = _month(word)
    rel = (m[1] or "").lower()
    if word.lower() in ("may", "march") and not (rel or m[3]):
        # "may" and "march" are mostly a modal and a verb: only a preposition in front makes them months
        before = ctx.text[max(0, m.start() - 20):m.start()].lower()
        after = ctx.text[m.end():m.end() + 12]
        # "the March accession", "the May elections", "the March states": the month's, as a noun's modifier
        # ("the March on Washington", "the March was peaceful" are the event)
        modifier = re.search(r"\bthe\s+$", before) and _NOUN_AFTER_MONTH.match(after)
        if not modifier and not re.search(r"\b(?:in|since|until|till|by|from|through|to|of|during|before|after|"
                                          r"early|late|mid|between|and|or|last|next|this)[\s-]*$", before):
            return None
        # "to March on Washington", "and March for Our Lives": the verb or the event; "in March for
        # health reasons" stays the month
        verb_before = re.search(r"\b(?:to|and|or)[\s-]*$", before)
        if verb_before and word.lower() == "march" \
                and re.match(r"\s+(?:on|to|in|through|against|for|\d+(?:\.\d+)?\s*%)", after):
            return None
    a = ctx.anchor
    if m[3]:
        if a.year is None:
            return _Found("DATE", f"XXXX-{month:02d}", anchored=False)
        year = a.year + {"last": -1, "this": 0, "next": 1}[m[3].lower()]
    elif rel and a.year is not None and a.month is not None:
        if rel.startswith("last") or rel == "this past":
            year = a.year if month < a.month else a.year - 1
        elif rel.startswith("next") or rel == "this coming":
            year = a.year if month > a.month else a.year + 1
        else:
            year = a.year
    else:
        year = _nearest_year(ctx, month, None, m.start(), m.end())
    if year is None:
        return _Found("DATE", f"XXXX-{month:02d}", anchored=False)
    return ctx.found("DATE", f"{year:04d}-{month:02d}")


_NOUN_AFTER_MONTH = re.compile(r"\s+(?!(?:on|to|in|at|by|for|from|of|with|against|through|toward|and|or|but|is|was|"
                               r"were|are|has|had|have|will|would|could|drew|began|ended|went|took|itself)\b)"
                               r"(?![a-z]+ed\b)[a-z]{3,}\b")
_TIME_PREPOSITION = re.compile(r"(?i)\b(?:in|by|until|till|before|after|since|through|from|to|around|circa|"
                               r"beyond|year|years|early|mid|late|end\s+of)\s+$")
# an all-capital product line before the number ("GTX 1660", "RTX 2060"), not an era ("AD 1500")
_MODEL_BEFORE = re.compile(r"\b(?!(?:AD|BC|BCE|CE|FY|CY)\b)[A-Z]{2,4}\s$")
# A number that names a thing: a bill, a flight, a route, a room ("House Bill 1523", "Flight 1549").
_LABEL_BEFORE = re.compile(r"(?i)\b(?:bill|act\s+no\.?|resolution|proposition|prop\.|measure|amendment|ordinance|"
                           r"section|article|chapter|rule|flight|route|highway|interstate|road|room|suite|box|unit|"
                           r"apartment|apt\.?|lot|gate|pier|platform|track|bus|train|no\.|number|#)\s*$")
# "1600 Pennsylvania Avenue", "1200 Main St.": a street number.
_STREET_AFTER = re.compile(r"\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.|Boulevard|Blvd\.?|"
                           r"Drive|Dr\.|Lane|Ln\.|Way|Place|Pl\.|Court|Ct\.|Square|Highway|Parkway|Pkwy\.?|Terrace|"
                           r"Circle|Plaza)\b")
_COUNT_BEFORE = re.compile(r"(?i)\b(?:(than|about|nearly|almost|some|over|under|around|approximately|roughly|"
                           r"another|additional|the\s+remaining)|of|only|just)\s+$")
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:(?!(?:was|is|has|does|as|this|its|his|years|plus)\b)[a-z]{2,}s|"
                           r"people|children|men|women)\b")


@_rule(rf"(?:(?:fiscal|calendar)\s+(?:year\s+)?|(?:the\s+)?year\s+|FY\s?)?(?:(?<=FY)|(?<![\w$#.,]))({_Y4})"
       # not "2017-05" or a phone number, but the first year of "2017-2019" or "1998-99"
       r"(?![\d%]|[.,]\d|\s*(?:percent|per\s+cent)|[-–](?!(?:1[5-9]|20)\d\d(?!\d)|\d\d(?!\d))\d|s\b|'s\b)", re.I)
def _year(m: re.Match[str], ctx: _Context) -> _Found | None:
    # "more than 1500 troops": a count, not a year; after "of" only when far ahead of the DCT ("a poll of
    # 2047 registered voters" read in 2016), since "the legacy of 1968 protests" is the year
    count = _COUNT_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    now = ctx.anchor.year if ctx.anchor.year is not None else dt.date.today().year
    year = int(m[1])
    if not m[0][0].isalpha() and count and _PLURAL_AFTER.match(ctx.text, m.end()) and (
            count[1] or year > now + 5):
        return None
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if re.search(r"\d[-–]$", before) and not re.search(r"(?<!\d)(?:1[5-9]|20)\d\d[-–]$", before):
        return None  # "Inquiry 02-751-1500": a phone number; "2017-2019" is a range of years
    if m[0][0].isdigit() and year > now + 30 and not _TIME_PREPOSITION.search(before):
        return None  # "a total score of 2072", "RTX 2060": a number, unless it is "by 2050"
    if m[0][0].isdigit() and year < 1900 and _MODEL_BEFORE.search(before):
        return None  # "GTX 1660 Ti": a model number
    if m[0][0].isdigit() and (_LABEL_BEFORE.search(before) or _STREET_AFTER.match(ctx.text, m.end())):
        return None  # "House Bill 1523", "Flight 1549", "1600 Pennsylvania Avenue": a label or an address
    return ctx.found("DATE", m[1], relative=False)


def _spoken_year_value(words: str) -> int | None:
    """1997 from "nineteen ninety-seven", 2003 from "two thousand and three" (broadcast transcripts)."""
    words = " ".join(words.lower().replace("-", " ").split())
    if "thousand" in words:
        tail = words.rsplit("thousand", 1)[1].replace("and", "").strip()
        return 2000 + (int(lx.parse_number(tail) or 0) if tail else 0)
    head, _, rest = words.partition(" ")
    rest = rest.replace("hundred", "").replace("and ", "").replace("oh", "").strip()
    n = lx.parse_number(rest or "zero")
    return None if n is None else (19 if head == "nineteen" else 20) * 100 + int(n)


@_rule(rf"(?:the\s+year\s+)?(?<![\w-])({_SPOKEN_Y})", re.I, trigger=r"(?i)\b(?:nineteen|twenty|thousand)\b")
def _spoken_year(m: re.Match[str], ctx: _Context) -> _Found | None:
    words = m[1]
    if "thousand" in words.lower() and not m[0].lower().startswith("the"):
        return None  # a bare "two thousand" is a number ("two thousand troops"), not the year 2000
    year = _spoken_year_value(words)
    return None if year is None else ctx.found("DATE", f"{year:04d}", relative=False)


# --- decades, centuries, seasons, quarters, halves ----------------------------------------------

_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


@_rule(rf"(?:the\s+)?(?:(early|mid|late)[-\s]+)?(?:(1[5-9]|20)(\d)0'?s|'(\d)0'?s){_END}"
       rf"|(?<!\b(?:his|her|its)\s)(?<!\btheir\s)the\s+(?:(early|mid|late)[-\s]+)?({'|'.join(_DECADE_WORDS)})"
       rf"{_END}", re.I, trigger=r"(?i)\d0'?s\b|ties\b")
def _decade(m: re.Match[str], ctx: _Context) -> _Found | None:
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m[1] or m[5] or "").lower())
    if m[2]:
        return ctx.found("DATE", f"{m[2]}{m[3]}", mod, relative=False)
    digit = int(m[4]) if m[4] else _DECADE_WORDS[m[6].lower()]
    # '90s / "the nineties": the century the DCT is in, or the 1900s for a decade after the DCT's
    a = ctx.anchor
    century = 19 if a.year is None else a.year // 100 - (1 if digit * 10 > a.year % 100 else 0)
    return ctx.found("DATE", f"{century}{digit}", mod, relative=a.year is not None)


@_rule(rf"(?:the\s+)?({lx.ORDINAL_RE}|\d{{1,2}}(?:st|nd|rd|th))[-\s]+century{_END}"
       rf"|(this|last|next|the\s+last|the\s+next|the\s+past|the\s+previous)\s+century{_END}", re.I, trigger=r"(?i)century")
def _century(m: re.Match[str], ctx: _Context) -> _Found | None:
    if m[1]:
        n = lx.ORDINALS.get(m[1].lower()) or int(re.match(r"\d+", m[1])[0])
        return ctx.found("DATE", f"{n - 1:02d}", relative=False)
    if ctx.anchor.year is None:
        return _Found("DATE", "XX", anchored=False)
    shift = {"this": 0, "last": -1, "next": 1, "past": -1, "previous": -1}[m[2].split()[-1].lower()]
    if m[2].lower() in ("the last", "the past", "the next"):
        return ctx.found("DURATION", "P100Y")
    return ctx.found("DATE", f"{ctx.anchor.year // 100 + shift:02d}")


@_rule(rf"\b(?:(this\s+past|this\s+coming|this|last|next|the|early|late|mid-?)\s+)?(?:(early|late|mid)[-\s]+)?"
       rf"(spring|summer|autumn|winter|fall)(?:\s+(?:of\s+)?({_Y4}(?!\d)|{_SPOKEN_Y}))?{_END}", re.I, trigger=r"(?i)spring|summer|autumn|winter|fall")
def _season(m: re.Match[str], ctx: _Context) -> _Found | None:
    rel = (m[1] or "").lower()
    inner = (m[2] or (rel if rel in ("early", "late", "mid", "mid-") else "")).lower().rstrip("-")
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(inner)
    code = lx.SEASONS[m[3].lower()]
    if m[4]:
        year = int(m[4]) if m[4].isdigit() else _spoken_year_value(m[4])
        return ctx.found("DATE", f"{year}-{code}", mod, relative=False)
    if m[3].lower() == "fall" and rel in ("", "the", "early", "late", "mid", "mid-"):
        # "fall" is mostly the verb/noun; "the fall" a season only after "in/by/during" and not "the fall of"
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if rel != "the" or not re.search(r"\b(?:in|by|during|until|since|through|this)\s*$", before) \
                or re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
            return None
    if not rel and not m[2]:
        before = ctx.text[max(0, m.start() - 10):m.start()].lower()
        if not re.search(r"\b(?:in|by|during|until|since|through|this|last|next)\s*$", before):
            return None
    a = ctx.anchor
    if a.year is None or a.month is None:
        return _Found("DATE", f"XXXX-{code}", mod, anchored=False)
    here = a.year * 12 + a.month - 1

    def start_of(year: int) -> int:
        return year * 12 + SEASON_START[code] - 1

    years = range(a.year - 2, a.year + 2)
    if rel == "this past":  # the latest one begun: "this past spring", read in October, is this year's
        year = max(y for y in years if start_of(y) <= here)
    elif rel.startswith("last"):
        # "last summer" is the previous year's, even once this year's is over
        year = a.year - 1 if code != "WI" else (a.year - 1 if a.month >= 3 else a.year - 2)
    elif rel.startswith("next") or rel == "this coming":
        year = min(y for y in years if start_of(y) > here)
    else:
        current = [y for y in years if start_of(y) <= here <= start_of(y) + 2]
        year = current[0] if current else (a.year - 1 if code == "WI" and a.month <= 2 else a.year)
    return ctx.found("DATE", f"{year}-{code}", mod)


@_rule(rf"\b(?:the\s+)?(?:past|last|next|coming|previous|following|first|final)\s+({_NUM})\s+"
       rf"(spring|summer|autumn|winter|fall)s{_END}", re.I, trigger=r"(?i)(?:spring|summer|autumn|winter|fall)s\b")
def _counted_seasons(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"the past three summers": summers of years the text does not name (TimeML has no value for a run
    of seasons; TBAQ's annotators write ``XXXX-SU``), rather than "the past" read as PAST_REF."""
    return ctx.found("DATE", f"XXXX-{lx.SEASONS[m[2].lower()]}", relative=False)


_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# How far back (characters) an earnings story's quarter still frames "the quarter", "a year earlier".
_QUARTER_REACH = 1500


# A longer reporting period, which then frames "a year earlier", "the 1988 period" instead of the quarter:
# "For the nine months, net was $306 million, compared with a loss in the 1988 period."
_LONGER_PERIOD = re.compile(r"(?i)\b(?:nine|six|9|6|twelve|12)[-\s]months?\b|\bfirst\s+half\b|"
                            r"\bfor\s+the\s+(?:full\s+|fiscal\s+)?year\b")
_QUARTER_WORD = re.compile(r"(?i)quarter")


def _framing_quarter(ctx: _Context, start: int) -> tuple[int, int] | None:
    """(year, quarter) of the fiscal quarter the text last named, when it is near enough to frame ``start``
    and no longer period ("the nine months") is named since, in this sentence or the one before."""
    if ctx.quarter_ref is None or start - ctx.quarter_ref_end > _QUARTER_REACH:
        return None
    window = ctx.text[max(ctx.quarter_ref_end, start - 400):start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:  # this sentence, and the one before it when this one names no quarter
        this = window[ends[-1] - 1:]
        window = this if _QUARTER_WORD.search(this) or len(ends) < 2 else window[ends[-2] - 1:]
    longer = list(_LONGER_PERIOD.finditer(window))
    if longer and not _QUARTER_WORD.search(window, longer[-1].end()):
        return None
    return int(ctx.quarter_ref[:4]), int(ctx.quarter_ref[-1])


@_rule(rf"\b(?:(the|its|their|(?:this|last|next)\s+year's)\s+)?(?:({_Y4})\s+)?(?:fiscal[-\s]+)?(first|second|third|"
       r"fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|past|year-earlier|year-ago|same|comparable|"
       r"corresponding|next|coming|year-earlier\s+third|year-ago\s+third)?[-\s]*(?:fiscal[-\s]+)?quarter"
       rf"(?:\s+of\s+(?:fiscal\s+)?(?:({_Y4})|(this|last|next)\s+year))?(?!s?\s+of\s+(?![$£€\d])|-mile|\s+century)"
       rf"{_END}(\s+a\s+year\s+(?:ago|earlier|before))?|\bthe\s+({_Y4})\s+(?:quarter|period){_END}", re.I,
       trigger=r"(?i)quarter|period")
def _quarter(m: re.Match[str], ctx: _Context) -> _Found | None:
    """A fiscal quarter; "the quarter a year ago" is that quarter, one year back (and frames nothing)."""
    found = _quarter_named(m, ctx)
    if found is None or not m[6]:
        return found
    q = re.fullmatch(r"(\d{4})-Q(\d)", found.value)
    if q is None:
        return None
    return ctx.found("DATE", f"{int(q[1]) - 1}-Q{q[2]}", relative=found.anchored)


def _quarter_named(m: re.Match[str], ctx: _Context) -> _Found | None:
    a = ctx.anchor
    framing = _framing_quarter(ctx, m.start())
    if m[7]:  # "the 1988 period": the quarter the story is about, in that year
        if framing is None:
            return None
        return ctx.found("DATE", f"{m[7]}-Q{framing[1]}")
    word = (m[3] or "").lower().split()[0] if m[3] else ""
    owner = " ".join((m[1] or "").lower().split())
    if not word and not m[2] and not owner.endswith("year's") and not m[6]:
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if owner != "the" or not re.search(r"\b(?:in|for|during|of)\s*$", before):
            return None
    if word in ("", "latest", "fiscal") and not (m[2] or m[4] or m[5] or m[6]) and framing is None:
        ended = _quarter_ended(m, ctx)
        if ended is not None:
            return _framing(ended)
    year = int(m[2] or m[4]) if (m[2] or m[4]) else None
    rel = m[5] or (owner.split()[0] if owner.endswith("year's") else None)
    if rel and a.year is not None:
        year = a.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]
    if word in _QUARTER_WORDS:
        q = _QUARTER_WORDS[word]
        if year is None:
            if a.year is None:
                return _Found("DATE", f"XXXX-Q{q}", anchored=False)
            # Earnings news reports quarters already over: the latest one so numbered, unless the
            # clause looks ahead ("expects a loss in the first quarter"); a quarter that ended just
            # before the DCT is still this year's ("will report third-quarter results" in October)
            current = quarter_of(a.month or 6)
            if ctx.future(m.start(), m.end()):
                year = a.year if q >= current - 1 else a.year + 1
            else:
                year = a.year if q <= current else a.year - 1
            return _framing(ctx.found("DATE", f"{year}-Q{q}"))
        return _framing(ctx.found("DATE", f"{year}-Q{q}", relative=bool(rel)))
    if year is not None:  # "the 1988 quarter", "last year's quarter": the story's quarter, that year
        if framing is None:
            return None if a.month is None else ctx.found("DATE", f"{year}-Q{quarter_of(a.month)}")
        return ctx.found("DATE", f"{year}-Q{framing[1]}", relative=bool(rel))
    if a.year is None or a.month is None:
        return _Found("DATE", "XXXX-QX", anchored=False)
    if word in ("year-earlier", "year-ago", "comparable", "corresponding") and framing is not None:
        return ctx.found("DATE", f"{framing[0] - 1}-Q{framing[1]}")
    if word in ("", "latest") and framing is not None:  # "the quarter": the one the story reports
        return ctx.found("DATE", f"{framing[0]}-Q{framing[1]}")
    # Earnings news: "the quarter", "the latest quarter" is the one just reported, before the DCT's
    shift = {"current": 0, "this": 0, "next": 1, "coming": 1, "same": -1}.get(word, -1)
    if word in ("year-earlier", "year-ago", "comparable", "corresponding"):
        shift = -5
    y, mo = add_months(a.year, a.month, 3 * shift)
    found = ctx.found("DATE", f"{y}-Q{quarter_of(mo)}")
    return _framing(found) if shift > -5 else found


_ENDED = re.compile(rf"\s+(?:ended|ending|that\s+ended)\s+({_MON})(?:\s+({_DAY}))?(?:,?\s+({_Y4}))?")


def _quarter_ended(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"The quarter ended July 31": the calendar quarter holding most of those three months (May to
    July: the second), in the year of that end date."""
    e = _ENDED.match(ctx.text, m.end())
    if e is None:
        return None
    month = _month(e[1])
    middle = (month - 2) % 12 + 1
    year = int(e[3]) if e[3] else _nearest_year(ctx, month, _day(e[2]) if e[2] else None, m.start(), e.end())
    if year is None:
        return _Found("DATE", f"XXXX-Q{quarter_of(middle)}", anchored=False)
    if middle > month:  # a quarter ended in January holds November and December of the year before
        year -= 1
    return ctx.found("DATE", f"{year}-Q{quarter_of(middle)}", relative=not e[3])


def _framing(found: _Found) -> _Found:
    found.frames = True
    return found


@_rule(r"\b(?:the\s+)?(latest|year-earlier|year-ago|comparable|corresponding)\s+(?:fiscal\s+)?period(?![\w-])"
       r"|\b(year-earlier|year-ago)(?=\s+[a-z])", re.I, trigger=r"(?i)period|year-(?:earlier|ago)")
def _fiscal_period(m: re.Match[str], ctx: _Context) -> _Found | None:
    """Earnings-report periods: "the latest period" is the quarter reported, "year-earlier" that quarter
    a year before (else the year before the DCT's)."""
    a = ctx.anchor
    if a.year is None or a.month is None:
        return None
    framing = _framing_quarter(ctx, m.start())
    if framing is None:
        y, mo = add_months(a.year, a.month, -3)
        framing = (y, quarter_of(mo))
    if (m[1] or "").lower() == "latest":
        return ctx.found("DATE", f"{framing[0]}-Q{framing[1]}")
    if m[2] and _framing_quarter(ctx, m.start()) is None:
        return ctx.found("DATE", f"{a.year - 1}")
    return ctx.found("DATE", f"{framing[0] - 1}-Q{framing[1]}")


@_rule(rf"(?:the\s+)?(first|second|latter|last)\s+(?:half|two\s+quarters)\s+of\s+(?:(?:fiscal\s+)?({_Y4})|"
       rf"(this|last|next|the)\s+year){_END}", re.I, trigger=r"(?i)\b(?:half|quarters)\s+of\b")
def _half(m: re.Match[str], ctx: _Context) -> _Found | None:
    h = 1 if m[1].lower() == "first" else 2
    if m[2]:
        return ctx.found("DATE", f"{m[2]}-H{h}", relative=False)
    if ctx.anchor.year is None:
        return _Found("DATE", f"XXXX-H{h}", anchored=False)
    year = ctx.anchor.year + {"last": -1, "this": 0, "the": 0, "next": 1}[m[3].lower()]
    return ctx.found("DATE", f"{year}-H{h}")


# --- weekdays and days relative to the DCT --------------------------------------------------------

def _with_part(day: str, part: str | None) -> tuple[str, str]:
    if part:
        return "TIME", f"{day}T{_PARTS[part.lower()]}"
    return "DATE", day


@_rule(rf"\b(?:(last|next|this|this\s+past|this\s+coming|coming|past|previous|the\s+previous|the\s+following|"
       rf"early|late|earlier|later)\s+)?({_WD_FULL})(s)?(?:,?\s+({_PART})(s)?)?{_END}", re.I, trigger=r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day")
def _weekday(m: re.Match[str], ctx: _Context) -> _Found | None:
    if not m[2][0].isupper():
        return None
    wd = lx.WEEKDAYS[m[2].lower()]
    rel = (m[1] or "").lower()
    # "on Mondays", "Tuesday nights", and the first of "Monday and Tuesday nights": every such day
    shared = None if m[3] or m[5] else _SHARED_PLURAL_PART.match(ctx.text, m.end())
    if m[3] or m[5] or shared:
        part = m[4] or (shared[1] if shared else None)
        return ctx.found("SET", f"XXXX-WXX-{wd}" + (f"T{_PARTS[part.lower()]}" if part else ""), relative=False)
    today = ctx.anchor.date
    if today is None:
        type_, value = _with_part(f"XXXX-WXX-{wd}", m[4])
        return _Found(type_, value, anchored=False)
    back = (today.isoweekday() - wd) % 7
    fwd = (wd - today.isoweekday()) % 7
    if rel in ("last", "past", "previous", "this past", "the previous"):
        day = today - dt.timedelta(days=back or 7)
    elif rel in ("next", "coming", "this coming", "the following"):
        day = today + dt.timedelta(days=fwd or 7)
    elif rel == "this":
        day = today + dt.timedelta(days=fwd) if fwd <= 3 else today - dt.timedelta(days=back)
    elif not rel and not m[4] and re.match(r"['’]s\s+[a-z]", ctx.text[m.end():m.end() + 4]):
        # "Wednesday's ruling", "Thursday's closing price": the day of a happening the reader knows, the
        # last one unless that is most of a week back and the next is near ("Sunday's game", read on a
        # Friday); the clause's tense is the reporting's ("would look for ways to get around Wednesday's
        # ruling")
        # ... or told in the past: "decided to weigh in on Thursday's fight" (read on a Tuesday) is last week's
        told = back <= 4 or ctx.past(m.start(), m.end()) and not ctx.future(m.start(), m.end())
        day = today - dt.timedelta(days=back) if told else today + dt.timedelta(days=fwd)
    elif ctx.looks_ahead(m.start(), m.end()):
        day = today + dt.timedelta(days=fwd)
    else:
        day = today - dt.timedelta(days=back)
    mod = {"early": "START", "late": "END"}.get(rel)
    type_, value = _with_part(day.isoformat(), m[4])
    return ctx.found(type_, value, mod)


# what makes a weekday before it one of a set: "Monday and Tuesday nights", "Saturday or Sunday mornings"
_SHARED_PLURAL_PART = re.compile(rf"(?i)(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)(?:{_WD_FULL}))+"
                                 rf"\s+({_PART})s{_END}")


@_rule(r"\b(?<!\blast\s)(?<!\bnext\s)(?<!\bthis\s)the\s+weekend(?![\w-])", re.I, trigger=r"(?i)weekend")
def _the_weekend(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"Over the weekend": the last one, unless the clause looks ahead (as for weekdays)."""
    today = ctx.anchor.date
    if today is None:
        return _Found("DATE", "XXXX-WXX-WE", anchored=False)
    saturday = today + dt.timedelta(days=(6 - today.isoweekday()) % 7)
    if saturday > today and not ctx.future(m.start(), m.end()):
        saturday -= dt.timedelta(days=7)
    return ctx.found("DATE", format_date(saturday, "week") + "-WE")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) ISO weekday of a month: Thanksgiving is the 4th Thursday of November."""
    if n < 0:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


# US holidays news names without a date: (month, day) or (month, ISO weekday, n-th)
_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
    "easter": lambda y: _easter(y),
    "easter sunday": lambda y: _easter(y),
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    # weeks: the ISO week holding the day ("as Easter week began" on Palm Sunday 2000 is 2000-W16)
    "easter week": lambda y: _easter(y),
    "holy week": lambda y: _easter(y) - dt.timedelta(days=1),
    "black friday": lambda y: _nth_weekday(y, 11, 4, 4) + dt.timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 4, 4) + dt.timedelta(days=4),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "st. patrick's day": lambda y: dt.date(y, 3, 17),
    "mother's day": lambda y: _nth_weekday(y, 5, 7, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 7, 3),
    "martin luther king jr. day": lambda y: _nth_weekday(y, 1, 1, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 1, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 1, 2),
}


def _easter(year: int) -> dt.date:
    from dateutil.easter import easter

    return easter(year)  # Western (Gregorian) Easter Sunday


@_rule(r"\b(?:(last|next|this)\s+)?(Thanksgiving|Christmas\s+Eve|Christmas|New\s+Year's\s+(?:Eve|Day)|"
       r"Independence\s+Day|the\s+Fourth\s+of\s+July|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|"
       r"Election\s+Day|Easter\s+(?:Sunday|Monday|[Ww]eek)|Holy\s+Week|Easter(?!\s+(?:week|Island|egg|bunny|Rising))|"
       r"Good\s+Friday|"
       r"Black\s+Friday|Cyber\s+Monday|Veterans\s+Day|Boxing\s+Day|St\.?\s+Patrick's\s+Day|Mother's\s+Day|"
       r"Father's\s+Day|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day|Presidents['’]?\s+Day|Columbus\s+Day)"
       rf"(?:\s+Day)?(?:,?\s+(?:of\s+|in\s+)?({_Y4}))?(?![\w-])",
       trigger=r"Thanksgiving|Christmas|New Year|Day|Fourth|Halloween|Easter|Good Friday|Black Friday|Cyber Monday|"
               r"Holy Week")
def _holiday(m: re.Match[str], ctx: _Context) -> _Found | None:
    key = " ".join(m[2].lower().replace("’", "'").split())
    key = re.sub(r"^st\.? ", "st. ", key)
    key = re.sub(r"^martin luther king(?:,? jr\.?)? day$", "martin luther king jr. day", key)
    key = re.sub(r"^presidents'? day$", "presidents day", key)
    day_of = _HOLIDAYS[key]
    today = ctx.anchor.date
    if today is None:
        return _Found("DATE", "XXXX-WXX" if key.endswith("week") else "XXXX" + day_of(2000).strftime("-%m-%d"),
                      anchored=False)
    rel = (m[1] or "").lower()
    if m[3]:  # "Election Day 2012", "Christmas of 1998"
        return ctx.found("DATE", _holiday_value(key, day_of(int(m[3]))), relative=False)
    if key == "election day" and not (ctx.year_ref is not None and ctx.same_sentence(ctx.year_ref_end, m.start())):
        # The US general election falls in even years: the next one, or in a past-tense clause (or after
        # "last") the last one ("voters went to the polls on Election Day")
        evens = [day_of(y) for y in range(today.year - 2, today.year + 5) if y % 2 == 0]
        if rel == "last" or not rel and ctx.tense(m.start(), m.end()) == "past":
            day = max((d for d in evens if d <= today), default=evens[0])
        else:
            day = min((d for d in evens if d > today or d == today and rel != "next"), default=evens[-1])
        return ctx.found("DATE", _holiday_value(key, day))
    this_year = day_of(today.year)
    if rel == "last":
        day = this_year if this_year < today else day_of(today.year - 1)
    elif rel == "next":
        day = this_year if this_year > today else day_of(today.year + 1)
    else:
        year = _nearest_year(ctx, this_year.month, this_year.day, m.start(), m.end())
        day = day_of(year if year is not None else today.year)
    return ctx.found("DATE", _holiday_value(key, day))


def _holiday_value(key: str, day: dt.date) -> str:
    """A holiday's day, or for a holiday week ("Easter week") the ISO week holding it."""
    return format_date(day, "week") if key.endswith("week") else day.isoformat()


_REL_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}


@_rule(rf"\bthe\s+(next|following|previous|same)\s+({_PART}){_END}", re.I, trigger=rf"(?i)\b{_PART}\b")
def _next_part(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"The next morning", "the previous evening": a part of the day after or before the last date the
    text mentioned (else the DCT)."""
    base = _ref_date(ctx, m.start())
    part = _PARTS[m[2].lower()]
    if base is None:
        return _Found("TIME", f"XXXX-XX-XXT{part}", anchored=False)
    shift = {"next": 1, "following": 1, "previous": -1, "same": 0}[m[1].lower()]
    return ctx.found("TIME", f"{(base + dt.timedelta(days=shift)).isoformat()}T{part}")


@_rule(rf"(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow)"
       rf"(?:\s+({_PART}))?{_END}|(this|last)\s+({_PART}){_END}"
       rf"|(?:(?:early|late|mid)[-\s]?)?({_PART})\s+(yesterday|today|tomorrow){_END}"
       r"|(?:(?<=\bby\s)|(?<=\bin\s)|(?<=\bat\s)|(?<=\buntil\s)|(?<=\baround\s)|(?<=\bsince\s))"
       r"(mid[-\s]?(?:morning|afternoon))(?![\w-])", re.I,
       trigger=r"(?i)\b(?:yesterday|today|tonight|tomorrow)\b|(?:morning|afternoon|evening|night)\b")
def _relative_day(m: re.Match[str], ctx: _Context) -> _Found | None:
    if m[7]:  # "by mid-afternoon": that part of the DCT's day, as a bare clock time is
        shift, part = 0, re.sub(r"(?i)^mid[-\s]?", "", m[7])
    elif m[5]:  # "mid-afternoon yesterday", "late morning today"
        shift, part = _REL_DAYS[m[6].lower()], m[5]
    elif m[1]:
        key = " ".join(m[1].lower().split())
        shift, part = _REL_DAYS[key], m[2] or ("tonight" if key == "tonight" else None)
    else:
        shift, part = (-1 if m[3].lower() == "last" else 0), m[4]
        if m[3].lower() == "last" and m[4].lower() != "night":
            return None
    today = ctx.anchor.date
    if today is None:
        value = "XXXX-XX-XX" + (f"T{_PARTS[part.lower()]}" if part else "")
        return _Found("TIME" if part else "DATE", value, anchored=False)
    type_, value = _with_part((today + dt.timedelta(days=shift)).isoformat(), part)
    return ctx.found(type_, value)


# --- "last year", "this month", "the following week" ----------------------------------------------

_UNIT_GRAN = {"week": "week", "weekend": "week", "month": "month", "year": "year", "quarter": "quarter",
              "decade": "decade", "day": "day"}
_UNIT_LETTER = {"day": "D", "week": "W", "weekend": "W", "month": "M", "quarter": "Q", "year": "Y",
                "decade": "DE"}


@_rule(r"\b(last|this|next|the\s+past|the\s+last|the\s+coming|the\s+previous|the\s+prior|the\s+preceding|"
       r"the\s+following|the\s+current|the\s+same|the\s+next|this\s+past|this\s+coming|that|"
       r"(?:the\s+)?(?:end|beginning|start|middle|close|rest|remainder)\s+of\s+(?:this|last|next|the|that))\s+"
       rf"(?:(?:calendar|fiscal)\s+)?(week|weekend|month|year|quarter|decade|day){_END}", re.I, trigger=r"(?i)\b(?:week|weekend|month|year|quarter|decade|day)\b")
def _relative_unit(m: re.Match[str], ctx: _Context) -> _Found | None:
    rel = " ".join(m[1].lower().split())
    unit = m[2].lower()
    mod = None
    if " of " in rel:
        head, rel = rel.replace("the ", "", 1).split(" of ")
        mod = {"end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID",
               "rest": "END", "remainder": "END"}[head]
    if rel == "the last" and re.match(r"\s+of\s", ctx.text[m.end():m.end() + 4]):
        return None  # "the last weekend of the festival", "the last year of his term": the final one of it
    if unit == "decade" and rel in ("the past", "the last", "this past") and mod is None \
            and not re.search(r"(?i)\bof\s+$", ctx.text[max(0, m.start() - 4):m.start()]):
        # "over the past decade" is the ten years up to now: in a year ending in 9 that is nearly all of
        # the current calendar decade, never the previous one (a year, month or week back overlaps most
        # of the calendar unit before, so "the past year" stays last year); "the end of the last decade"
        # is the calendar one's
        return ctx.found("DURATION", "P10Y", relative=False)
    if unit == "day" and rel not in ("the previous", "the prior", "the preceding", "the following",
                                     "the same", "that", "the next"):
        return None
    # anaphoric: "the following year", "that day" count from the last date the text mentioned; so does
    # "the next day" when the text has mentioned one ("He arrived on June 3, 2001. He left the next day.")
    anaphoric = rel in ("the previous", "the prior", "the preceding", "the following", "the same", "that") \
        or (rel == "the next" and unit == "day" and ctx.ref is not None)
    shift = {"last": -1, "the past": -1, "the last": -1, "the previous": -1, "the prior": -1,
             "the preceding": -1, "this past": -1, "next": 1, "the next": 1, "the coming": 1,
             "the following": 1, "this coming": 1}.get(rel, 0)
    if rel == "the" and unit in ("day", "week", "month") and not (mod and unit == "month"):
        return None  # "the end of the month" is the DCT's month; "the week" alone is any week
    base = _ref_date(ctx, m.start()) if anaphoric else ctx.anchor.date
    gran = _UNIT_GRAN[unit]
    if base is None:
        a = ctx.anchor
        if not anaphoric and a.year is not None and unit in ("year", "decade"):
            base = dt.date(a.year, 7, 1)
        elif not anaphoric and a.year is not None and a.month is not None and unit in ("month", "quarter"):
            base = dt.date(a.year, a.month, 15)
        else:
            blank = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                     "quarter": "XXXX-QX", "decade": "XXX", "day": "XXXX-XX-XX"}[unit]
            return _Found("DATE", blank, mod, anchored=False)
    if rel == "last" and unit == "year" and mod is None:
        # earnings news compares a quarter with "last year": "a loss of $3 million last year", "up from
        # last year's $1.55 billion" is the reported quarter a year back, like "a year earlier"
        framing = _framing_quarter(ctx, m.start())
        before, _ = ctx._clause_around(m.start(), m.end(), 0)
        if framing is not None and _COMPARED.search(before):
            return ctx.found("DATE", f"{framing[0] - 1}-Q{framing[1]}")
    if anaphoric and ctx.ref is not None and _finer(gran, granularity_of(ctx.ref)):
        # "arrested in 2001 … the same day": a day of 2001 the text does not give; say no more than it does
        return ctx.found("DATE", ctx.ref, mod)
    day = shift_date(base, _UNIT_LETTER[unit], shift)
    value = format_date(day, gran) + ("-WE" if unit == "weekend" else "")
    return ctx.found("DATE", value, mod)


# the words of a comparison with an earlier period, before "last year" in earnings news
_COMPARED = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|from|versus|vs\.|against|than)\b")

_GRAN_ORDER = ("day", "week", "month", "quarter", "season", "year", "decade", "century")


def _finer(gran: str, than: str | None) -> bool:
    """Is granularity ``gran`` finer than ``than`` (a day than a year)?"""
    if than not in _GRAN_ORDER or gran not in _GRAN_ORDER:
        return False
    return _GRAN_ORDER.index(gran) < _GRAN_ORDER.index(than)


def _ref_date(ctx: _Context, start: int) -> dt.date | None:
    """The first day of the last date the text mentioned, else the DCT."""
    from storyline.temporal.values import bounds

    if ctx.ref is not None:
        b = bounds(ctx.ref)
        if b is not None:
            return b[0]
    return ctx.anchor.date


# --- "two years ago", "a year earlier" ----------------------------------------------------------

@_rule(rf"\b({_NUM})\s+({_UNIT})(?:\s+or\s+(?:so|two|three|more))?\s+(ago|earlier|later|from\s+now|hence|back|before|"
       rf"after){_END}", re.I, trigger=r"(?i)\b(?:ago|earlier|later|now|hence|back|before|after)\b")
def _ago(m: re.Match[str], ctx: _Context) -> _Found | None:
    found = _offset_date(m, ctx)
    if found is not None:
        found.offset = True
    return found


def _offset_date(m: re.Match[str], ctx: _Context) -> _Found | None:
    direction = m[3].lower()
    if direction in ("before", "after"):
        # "two days before the vote" counts from an event; only sentence-final before/after count from now
        if not re.match(r"\s*[.,;]", ctx.text[m.end():m.end() + 2]):
            return None
    unit = m[2].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    n = lx.parse_number(m[1])
    sign = 1 if direction in ("later", "from now", "hence", "after") else -1
    if n is None:
        if direction in ("later", "after"):
            # "a few days later" counts from a time of the story, not from now: no FUTURE_REF (the story
            # is most often past), just the unknown number of days that passed; "a few days earlier" is
            # past whichever time it counts from
            value = _duration_value(None, unit)
            return ctx.found("DURATION", value, relative=False) if value else None
        return ctx.found("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF")
    if unit in ("second", "minute", "hour", "night"):
        unit, n = "day", (n / 24 if unit == "hour" else n if unit == "night" else 0)
    relative_to_ref = direction in ("later", "before", "after")
    # Earnings news compares with "a year earlier/ago": the same quarter of the previous year
    framing = _framing_quarter(ctx, m.start())
    if framing is not None and unit == "year" and n == int(n):
        return ctx.found("DATE", f"{framing[0] + sign * int(n)}-Q{framing[1]}")
    base = (_ref_date(ctx, m.start()) if relative_to_ref and ctx.ref else None) or ctx.anchor.date
    gran = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
            "decade": "decade", "century": "century"}.get(unit)
    if gran is None:
        return None
    if base is None:
        a = ctx.anchor
        if a.year is None or (gran in ("day", "week") or (gran in ("month", "quarter") and a.month is None)):
            return _Found("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchored=False)
        base = dt.date(a.year, a.month or 7, 15 if a.month else 1)
    letter = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
              "century": "CE"}[unit]
    if n != int(n):  # "two and a half years ago": count in months, state the month
        months = round(n * {"Y": 12, "M": 1, "Q": 3, "DE": 120, "CE": 1200}.get(letter, 0))
        if months == 0:
            return None
        day = shift_date(base, "M", sign * months)
        return ctx.found("DATE", format_date(day, "month"))
    day = shift_date(base, letter, sign * int(n))
    return ctx.found("DATE", format_date(day, gran))


# --- durations ------------------------------------------------------------------------------------

def _duration_value(n: float | None, unit: str) -> str | None:
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    letter, is_time = lx.UNITS[unit]
    if unit == "weekend":
        return None
    if n is None:
        return f"PTX{letter}" if is_time else f"PX{letter}"
    if n != int(n):  # fractions take the next unit down: 2.5 years -> P2Y6M, 1.5 hours -> PT1H30M
        down = {"year": (12, "M", False), "month": (30, "D", False), "day": (24, "H", True),
                "hour": (60, "M", True), "minute": (60, "S", True), "week": (7, "D", False),
                "decade": (10, "Y", False), "century": (100, "Y", False), "quarter": (3, "M", False)}
        if unit not in down:
            return None
        k, small, small_is_time = down[unit]
        whole, rest = int(n), (n - int(n)) * k
        if rest != int(rest):
            return None
        if whole and letter in ("Y", "M", "D", "H") and (letter, small) in (("Y", "M"), ("M", "D"), ("D", "H"),
                                                                                ("H", "M"), ("M", "S")):
            head = f"{whole}{letter}"
            tail = f"{int(rest)}{small}"
            if is_time:
                return f"PT{head}{tail}"
            return f"P{head}T{tail}" if small_is_time else f"P{head}{tail}"
        letter, is_time, n = small, small_is_time, whole * k + rest
    if letter == "DE":
        letter, n = "Y", n * 10
    elif letter == "CE":
        letter, n = "Y", n * 100
    # quarters stay quarters (P2Q), as TimeML writes them and TBAQ's annotators do
    return f"PT{int(n)}{letter}" if is_time else f"P{int(n)}{letter}"


_MODAL_BEFORE = re.compile(r"(?i)\b(?:will|would|may|might|could|can)\s+$")
# What a rate's "a year" follows: an amount, a count of things, "once"/"twice"/"times"
_RATE_BEFORE = re.compile(r"(?:\d[\d,.]*%?|\b(?:million|billion|thousand|hundred|percent|once|twice|times|"
                          r"(?!(?:is|was|has|its|this|his|as|us|years|months|weeks|days)\b)[a-z]{3,}s))\s+$")


@_rule(rf"\b(?:(?:the\s+)?(?:past|last|next|first|previous|coming|final|remaining|latest|following|preceding|"
       rf"prior|initial|entire|whole|full|same)\s+)?({_NUM})\s+(?:more\s+|additional\s+|full\s+|straight\s+|"
       rf"consecutive\s+|long\s+|short\s+)?(?:(?:trading|business|working|school)\s+)?({_UNIT})(?:\s+and\s+a\s+half)?"
       rf"(?:\s+or\s+(so|two|three|four|five|more|longer)(?!\s+{_UNIT}))?{_END}", re.I, trigger=_UNIT_TRIGGER)
def _duration(m: re.Match[str], ctx: _Context) -> _Found | None:
    num = m[1].lower()
    unit = m[2].lower()
    if unit.startswith("second") and num in ("a", "an"):
        return None  # "a second" is nearly always the ordinal ("a second summit")
    if num in ("some", "many") and not m[0].lower().startswith("the"):
        return None
    if m[0].lower() == "one day" and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None  # "will one day be": some future day (FUTURE_REF), not a day's length
    if re.match(r"\s+old\b", ctx.text[m.end():m.end() + 5]):
        return None  # an age: "he was 34 years old"
    n = lx.parse_number(num)
    if re.match(r"(?i)\s+and\s+a\s+half\b", ctx.text[m.end(2):m.end()]) and n is not None:  # "a year and a half"
        n += 0.5
    mod = None
    if m[3]:  # "a week or so", "a year or two", "six months or more"
        more = m[3].lower()
        if more in ("so", "more", "longer"):
            mod = "APPROX" if more == "so" else "EQUAL_OR_MORE"
        elif n is not None and n == int(n) and (top := lx.parse_number(more)) is not None and top > n:
            n, mod = top, "EQUAL_OR_LESS"
        else:
            return None
    value = _duration_value(n, unit)
    if value and num in ("a", "an", "per") and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        # "$1.76 a year", "four flights a week", "24 hours a day": a rate, the unit it repeats in
        return ctx.found("SET", value, relative=False)
    return ctx.found("DURATION", value, mod, relative=False) if value else None


@_rule(rf"(\d+|{'|'.join(sorted(lx._SMALL, key=len, reverse=True))}|(?:{_SPOKEN_TENS})(?:-(?:{_SPOKEN_UNITS}))?)"
       r"-(second|minute|hour|day|week|month|year|decade)(?:-(?:old|long))?(?![\w-])", re.I, trigger=r"-(?i:second|minute|hour|day|week|month|year|decade)")
def _duration_adjective(m: re.Match[str], ctx: _Context) -> _Found | None:
    if m[0].lower().endswith("-old"):
        return None  # ages ("a 34-year-old") are not time expressions in TimeBank
    value = _duration_value(lx.parse_number(m[1]), m[2])
    return ctx.found("DURATION", value, relative=False) if value else None


@_rule(r"(?<![\w-])(hour|day|week|month|year)-long(?![\w-])|(?<![\w-])(hours|days|weeks|months|years|decades|"
       r"centuries)-long(?![\w-])|(?<![\w-])(?:several|few|many|multi)-(hour|day|week|month|year|decade)(?![\w-])",
       re.I, trigger=r"(?i)-long\b|(?:several|few|many|multi)-")
def _long_adjective(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"a day-long strike" lasts a day (P1D); "a decades-long feud", "a several-year tenure" an unknown
    number of decades or years."""
    if m[3]:
        value = _duration_value(None, m[3])
        return ctx.found("DURATION", value, relative=False) if value else None
    value = _duration_value(1 if m[1] else None, m[1] or m[2])
    return ctx.found("DURATION", value, relative=False) if value else None


@_rule(r"(?<=\bfor\s)(years|months|weeks|decades|days|hours|centuries)(?![\w-])"
       r"|(?:the\s+)?(coming|recent|past)\s+(years|months|quarters|weeks|days|hours|decades|centuries)(?![\w-])"
       # "within weeks (or months)", "over the years", "the weeks ahead", "the early years",
       # "the first time in years."
       r"|(?<=\bwithin\s)(hours|days|weeks|months|years)(?:\s+or\s+(?:days|weeks|months|years))?(?![\w-])"
       r"|(?<=\bover\s)the\s+(years|decades|months)(?![\w-])"
       r"|the\s+(weeks|days|months|years)\s+ahead(?![\w-])"
       r"|the\s+(?:early\s+(years|months)|first\s+(years|hours))(?![\w-])"
       r"|(?<=\bin\s)(years|decades|months)(?=\s*[.,;:!?])", re.I,
       trigger=r"(?i)\b(?:years|months|quarters|weeks|decades|days|hours|centuries)\b")
def _vague_span(m: re.Match[str], ctx: _Context) -> _Found | None:
    unit = m[1] or next((g for g in m.groups()[3:] if g), None)
    if unit:
        return ctx.found("DURATION", _duration_value(None, unit) or "", relative=False)
    if m[2].lower() in ("coming", "recent"):
        # TBAQ writes "in recent months" as a vague duration (PXM) 7 times, as PAST_REF 4 times
        return ctx.found("DURATION", _duration_value(None, m[3]) or "", relative=False)
    return ctx.found("DATE", "PAST_REF", relative=False)


@_rule(r"(?<![\w-])(years|months|weeks|days|decades)\s+(ago|earlier)(?![\w-])", re.I,
       trigger=r"(?i)\b(?:ago|earlier)\b")
def _units_ago(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"just months ago", "decades earlier": some time back, of no stated count (a count in front, "two
    years ago", is ``_ago``'s, which starts first)."""
    return ctx.found("DATE", "PAST_REF", relative=False)


@_rule(r"(?<=\bfor\s)(?:quite\s+)?(?:a\s+(?:long\s+|short\s+|little\s+)?while|some\s+time)(?![\w-])"
       r"|(?<=\bafter\s)a\s+while(?![\w-])", re.I, trigger=r"(?i)\b(?:while|some\s+time)\b")
def _vague_while(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"for a while", "for some time", "after a while": a stretch of time of no stated length (TimeML's
    PXX); not "once in a while" nor "at some time", which are no stretch."""
    return ctx.found("DURATION", "PXX", relative=False)


# --- sets -----------------------------------------------------------------------------------------

_ADVERB_SETS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
                "monthly": "P1M", "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y",
                "semiannually": "P6M", "biannually": "P6M"}


@_rule(r"(?:every|each)\s+(other\s+|single\s+)?(second|minute|hour|day|night|week|weekend|month|quarter|year|"
       rf"decade|morning|afternoon|evening|{_WD_FULL}|{_MON_FULL.lower()}|spring|summer|autumn|fall|winter)"
       rf"{_END}|\b({'|'.join(_ADVERB_SETS)}){_END}", re.I)
def _set(m: re.Match[str], ctx: _Context) -> _Found | None:
    if m[3]:
        if m[3] == "quarterly" and re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 2]):
            return None  # "its quarterly dividend/loss": a kind of payment or report, TBAQ leaves it (9 of 10)
        return ctx.found("SET", _ADVERB_SETS[m[3].lower()], relative=False)
    word = m[2].lower()
    k = 2 if m[1] and m[1].lower().startswith("other") else 1
    if word in lx.WEEKDAYS:
        return ctx.found("SET", f"XXXX-WXX-{lx.WEEKDAYS[word]}", relative=False)
    if word in lx.MONTHS:
        return ctx.found("SET", f"XXXX-{lx.MONTHS[word]:02d}", relative=False)
    if word in lx.SEASONS:
        return ctx.found("SET", f"XXXX-{lx.SEASONS[word]}", relative=False)
    if word in _PARTS:
        return ctx.found("SET", f"XXXX-XX-XXT{_PARTS[word]}", relative=False)
    if word == "weekend":
        return ctx.found("SET", "XXXX-WXX-WE", relative=False)
    value = _duration_value(k, word)
    return ctx.found("SET", value, relative=False) if value else None


# --- clock times ----------------------------------------------------------------------------------

@_rule(r"(?<![\d:.$])([01]?\d|2[0-3])(?::([0-5]\d))?\s*(a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.|P\.M\.|o'clock)"
       r"(?![a-zA-Z])(?:\s*\(?([ECMP][SD]T|GMT|UTC|BST|CET|KST|JST)\)?)?"
       r"|(?<![\d:.$])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])|\b(noon|midnight|midday)\b"
       r"|(?<![\d:.$])(1[0-2]|[1-9])\s+in\s+the\s+(morning|afternoon|evening)\b")
def _clock(m: re.Match[str], ctx: _Context) -> _Found | None:
    if m[8]:  # "4 in the morning", "7 in the evening"
        hour, minute = int(m[8]) % 12 + (0 if m[9].lower() == "morning" else 12), 0
    elif m[7]:
        # midnight ends its day, as deadlines mean it ("expire at midnight Friday"): TimeML's T24:00
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m[7].lower()]
    elif m[5]:
        hour, minute = int(m[5]), int(m[6])
        if not re.search(r"(?i)\b(?:at|by|until|from|since|before|after)\s+$", ctx.text[max(0, m.start() - 8):m.start()]):
            return None  # a bare 12:30 outside "at 12:30" is as often a score or a ratio
    else:
        hour, minute = int(m[1]), int(m[2] or 0)
        ap = m[3].lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        if hour > 23:
            return None
    clock = f"T{hour:02d}:{minute or 0:02d}"
    # a schedule: "Tue–Fri 8PM, Sat 4PM" is every such day at that hour, not today
    listed = _SCHEDULE_DAY.search(ctx.text, max(0, m.start() - 16), m.start())
    if listed:
        return ctx.found("SET", f"XXXX-WXX-{lx.WEEKDAYS[listed[1].lower()[:3]]}{clock}", relative=False)
    day = ctx.anchor.date
    if day is None:
        return _Found("TIME", "XXXX-XX-XX" + clock, anchored=False)
    return ctx.found("TIME", day.isoformat() + clock)


# An abbreviated weekday (or a range of them) right before a clock time, as schedules write them.
_SCHEDULE_DAY = re.compile(r"\b(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?:\s*[-–]\s*(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|"
                           r"Sun)\.?)?\s+$")


# --- "for the year" in business news ---------------------------------------------------------------

@_rule(r"\bthe\s+(?:(full|fiscal|whole|entire|calendar)\s+)?year(?![\w-])", re.I, trigger=r"(?i)\byear\b")
def _the_year(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"For the year", "in the fiscal year": the DCT's year; "the year ended March 31" is a 12-month
    period (P1Y), as TimeML writes a fiscal year named by its end. Only after a preposition of time:
    "the year" alone is as often "the year Trump was elected" or "person of the year"."""
    before = ctx.text[max(0, m.start() - 40):m.start()].lower()
    if not re.search(r"(?:\b(?:for|in|during|through|throughout)|\b(?:months|weeks|quarters?|half|rest|"
                     r"remainder|part)\s+of)\s+$", before):
        return None
    if re.match(r"\s+(?:ended|ending|to)\b", ctx.text[m.end():m.end() + 8], re.I):
        return ctx.found("DURATION", "P1Y", relative=False)
    if re.match(r"\s+(?:before|after|earlier|later|that|when|in\s+which|of\s)", ctx.text[m.end():m.end() + 12],
                re.I):
        return None  # "the year before", "the year that ...": another year, counted from elsewhere
    a = ctx.anchor
    if a.year is None:
        return _Found("DATE", "XXXX", anchored=False)
    return ctx.found("DATE", f"{a.year:04d}")


@_rule(r"\b(?:(?:the\s+)?year[-\s]end|(?:the\s+)?year's\s+end)(?![\w-])", re.I, trigger=r"(?i)\byear(?:-|\s+|'s\s+)end\b")
def _year_end(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"By year-end", "at year's end": the end of the year in view (one written in the sentence, else
    the DCT's), as TimeML writes "the end of the year": the year, mod END."""
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s+(?:of|in)\s+(?:19|20)\d\d", after):
        return None  # "year-end of 1988": the year rule reads the whole
    if ctx.year_ref is not None and ctx.same_sentence(ctx.year_ref_end, m.start()):
        return ctx.found("DATE", f"{ctx.year_ref:04d}", "END")
    a = ctx.anchor
    if a.year is not None and re.search(r"(?i)\bsince\s+$", ctx.text[max(0, m.start() - 7):m.start()]):
        return ctx.found("DATE", f"{a.year - 1:04d}", "END")  # "the change since year-end": the last one
    if a.year is None:
        return _Found("DATE", "XXXX", "END", anchored=False)
    return ctx.found("DATE", f"{a.year:04d}", "END")


# --- present, past and future references ----------------------------------------------------------

@_rule(r"\b(?:(right\s+now|now|currently|current|nowadays|presently|at\s+present|these\s+days|at\s+the\s+moment)"
       r"|(recently|recent|the\s+past|lately|then[\s-]+current)"
       r"|(the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|in\s+future|"
       r"(?:(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bmay\s)|(?<=\bmight\s)|(?<=\bcould\s)|(?<=\bcan\s))one\s+day"
       r"(?![\w-])|"
       r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bfor\s)|(?<=\bover\s))the\s+(?:near|short)[\s-]+term"
       r"(?=\s*[.,;:!?)\"'”]|\s+(?:and|but|or|as)\s)|(?<=\bat\s)a\s+later\s+date))(?![\w-])", re.I)
def _reference(m: re.Match[str], ctx: _Context) -> _Found | None:
    word = m[0].lower()
    after = ctx.text[m.end():m.end() + 20].lower()
    if word == "now" and re.match(r"-", after):
        return None
    if word == "current" and re.match(r"\s+(?:account|accounts|events|affairs|flows?|rates?\s+of)\b", after):
        return None
    value = "PRESENT_REF" if m[1] else "PAST_REF" if m[2] else "FUTURE_REF"
    return ctx.found("DATE", value, relative=False)


# --- selection and widening -----------------------------------------------------------------------

_DATE_PREFIX = re.compile(r"(?i)(?:\b(early|earlier|late|later|mid|around|about|approximately|roughly|"
                          r"sometime)[\s-]+|\b(mid)-)$")
_DATE_PREFIX_MOD = {"early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
                    "around": "APPROX", "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
                    "sometime": None}
_DURATION_PREFIX = re.compile(r"(?i)\b(more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|nearly|almost|"
                              r"about|around|approximately|roughly|some|over|under|up\s+to|no\s+more\s+than|"
                              r"no\s+less\s+than|just\s+over|just\s+under|well\s+over)\s+$")
_DURATION_PREFIX_MOD = {"more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
                        "well over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
                        "under": "LESS_THAN", "just under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
                        "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "nearly": "EQUAL_OR_LESS",
                        "almost": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
                        "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
                        "some": "APPROX"}
# the lower bound before a length's count: "12 to", "two or", "10-", "between two and"
_RANGE_LOW = re.compile(rf"(?i)\b(between\s+)?(?:\d+|{'|'.join(sorted(lx._SMALL, key=len, reverse=True))})"
                        r"\s*(to|or|and|-|–)\s*$")
_DATE_JOIN = re.compile(r"(?i),?\s+(?:at\s+|on\s+)?$|,?\s*$")


def _widen(text: str, start: int, end: int, found: _Found, floor: int) -> tuple[int, str | None]:
    """Take in a modifier word just before a timex ("early 2019", "more than four hours")."""
    if found.value.endswith("_REF") or found.type == "SET":
        return start, found.mod
    before = text[max(floor, start - 20):start]
    if found.type == "DURATION" and not found.offset:
        # "12 to 18 months", "two or three years", "between two and three weeks": the whole range, stated
        # as its upper bound (TIMEX3 has no range of lengths)
        low = _RANGE_LOW.search(text, max(floor, start - 30), start)
        if low and (low[1] is not None) == (low[2].lower() == "and"):
            start, found.mod = low.start(), found.mod or "EQUAL_OR_LESS"
            before = text[max(floor, start - 20):start]
    if found.type == "DURATION" or found.offset:
        # "over the past three weeks": "over" is the preposition there, not a bound
        m = None if text.startswith(("the ", "The "), start) else _DURATION_PREFIX.search(before)
        if m:
            return start - len(m[0]), found.mod or _DURATION_PREFIX_MOD[" ".join(m[1].lower().split())]
        return start, found.mod
    m = _DATE_PREFIX.search(before)
    if m:
        word = (m[1] or m[2]).lower()
        # "get around Wednesday's ruling": "around" goes with the ruling the date is the possessor of
        if not (word in ("around", "about") and re.match(r"['’]s\b", text[end:end + 3])):
            return start - len(m[0]), found.mod or _DATE_PREFIX_MOD[word]
    return start, found.mod


def tag_timexes(text: str, dct: str | None = None, *, dct_guessed: bool = False) -> list[Timex]:
    """Every temporal expression in ``text``, normalized against the document creation time ``dct``.

    ``dct`` is an ISO date or datetime, possibly partial ("2019", "2019-06"); without it (or without
    the precision an expression needs) relative expressions stay underspecified ("XXXX-06-13",
    PAST_REF) with ``anchored=False``. ``dct_guessed`` marks values computed from a DCT that was itself
    inferred, so they are not ``anchored`` either.
    """
    ctx = _Context(text, dct, dct_guessed)
    candidates: list[tuple[int, int, int, re.Match[str], _Normalizer]] = []
    hits: dict[str, list[tuple[int, int]]] = {}
    for order, rule in enumerate(_RULES):
        for m in _matches(rule, text, hits):
            if m.end() > m.start():
                candidates.append((m.start(), -(m.end() - m.start()), order, m, rule.normalize))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    out: list[Timex] = []
    last_end = 0
    for start, _neg, _order, m, fn in candidates:
        if start < last_end:
            continue
        try:
            found = fn(m, ctx)
        except (ValueError, OverflowError):
            continue  # a date no calendar holds: "2019 years ago" read in 2019 is year 0
        if found is None or not found.value:
            continue
        m_start, m_end = m.start(), m.end()
        if _is_title(text, m_start, m_end):
            continue
        m_start, mod = _widen(text, m_start, m_end, found, last_end)
        timex = Timex(start=m_start, end=m_end, text=text[m_start:m_end], type=found.type, value=found.value,
                      granularity=granularity_of(found.value) if found.type in ("DATE", "TIME") else None,
                      anchored=found.anchored, mod=mod)
        if out and _merge_clock(text, out[-1], timex):
            out[-1] = _merged(text, out[-1], timex)
        else:
            out.append(_day_before_or_after(text, timex, last_end))
        last_end = m_end
        _remember(ctx, out[-1], found)
    return out


_OPEN_QUOTE = re.compile(r"(?:[\"“‘«]|``|'')$")


def _is_title(text: str, start: int, end: int) -> bool:
    """A show or a book named by words of time: ABC's "This Week," CBS's "60 Minutes": a quotation opens
    right before it and its words are capitalized as a title's are (quoted speech says "This week")."""
    words = text[start:end].split()
    if len(words) < 2 or not _OPEN_QUOTE.search(text, max(0, start - 2), start):
        return False
    return all(w[0].isupper() for w in words[1:] if w[0].isalpha()) and any(w[0].isalpha() for w in words[1:])


_DAY_BEFORE = re.compile(r"(?i)\bthe\s+day\s+(before|after)\s+$")


def _day_before_or_after(text: str, timex: Timex, floor: int) -> Timex:
    """"The day before last Tuesday", "the day after Christmas": one day from a dated day, one span."""
    m = _DAY_BEFORE.search(text, max(floor, timex.start - 20), timex.start)
    if m is None or timex.granularity != "day" or not re.match(r"\d{4}-\d\d-\d\d$", timex.value):
        return timex
    day = dt.date.fromisoformat(timex.value) + dt.timedelta(days=1 if m[1].lower() == "after" else -1)
    return Timex(start=m.start(), end=timex.end, text=text[m.start():timex.end], type="DATE",
                 value=day.isoformat(), granularity="day", anchored=timex.anchored, mod=timex.mod)


def _remember(ctx: _Context, timex: Timex, found: _Found) -> None:
    if timex.type == "DATE" and timex.granularity and not timex.value.startswith("X"):
        ctx.ref, ctx.ref_end = timex.value, timex.end
        if re.search(_Y4, timex.text) and timex.value[:4].isdigit():
            ctx.year_ref, ctx.year_ref_end = int(timex.value[:4]), timex.end
        # an outlook does not frame the story: "will result in a fourth-quarter charge" read in
        # November is ahead, and "the latest quarter" after it is still the third (a fiscal fourth
        # quarter "reported" in November does frame it)
        unfinished = _after_dct(ctx, timex.value) and (
            ctx.future(timex.start, timex.end) or not _REPORTED.search(" ".join(ctx._clause_around(
                timex.start, timex.end, 40))))
        if found.frames and not unfinished and not _backdrop(ctx, timex):
            ctx.quarter_ref, ctx.quarter_ref_end = timex.value, timex.end


# an earlier quarter named for contrast: "After a flat second quarter, Kimberly-Clark attributed the
# [third-quarter] gain to …"; the story still reports the quarter it framed before
_CONTRAST = re.compile(r"(?i)\b(?:after|following|unlike|since|than|from|compared\s+(?:with|to))\s+"
                       r"(?:(?:a|an|the|its|their)\s+)?(?:[a-z]+\s+){0,2}$")


def _backdrop(ctx: _Context, timex: Timex) -> bool:
    if ctx.quarter_ref is None or timex.value >= ctx.quarter_ref:
        return False
    before, _ = ctx._clause_around(timex.start, timex.end, 0)
    return bool(_CONTRAST.search(before))


# what makes a quarter not yet over at the DCT a reported one: a fiscal quarter "ended Sept. 30"
_REPORTED = re.compile(r"(?i)\b(?:ended|ending|reported|reports|posted|posts|earned|had)\b")


def _after_dct(ctx: _Context, value: str) -> bool:
    """Whether a DATE value ends after the DCT (False when either is unknown)."""
    from storyline.temporal.values import bounds

    b, today = bounds(value), ctx.anchor.date
    return b is not None and today is not None and b[1] > today


def _merge_clock(text: str, a: Timex, b: Timex) -> bool:
    """A day next to a clock time is one TIME: "Wed 27 Feb 2019, 7:00 PM", "10:35 a.m. Friday"."""
    gap = text[a.end:b.start]
    # a parenthesis between them gives the same time in another zone: "10:35 a.m. (0735 GMT) Friday"
    gap = re.sub(r"^\s*\([^()]{1,20}\)", "", gap)
    if not re.fullmatch(r",?\s*(?:at\s+|on\s+)?|\s*,\s*", gap) or len(gap) > 6:
        return False
    day_then_time = a.granularity == "day" and b.type == "TIME" and re.search(r"T\d\d:\d\d$", b.value)
    time_then_day = b.granularity == "day" and a.type == "TIME" and re.search(r"T\d\d:\d\d$", a.value)
    return bool(day_then_time or time_then_day)


def _merged(text: str, a: Timex, b: Timex) -> Timex:
    day, clock = (a, b) if a.granularity == "day" else (b, a)
    value = day.value[:10] + clock.value[clock.value.index("T"):]
    return Timex(start=a.start, end=b.end, text=text[a.start:b.end], type="TIME", value=value,
                 granularity="time", anchored=day.anchored, mod=a.mod or b.mod)
