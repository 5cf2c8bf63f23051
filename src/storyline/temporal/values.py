"""TIMEX3 value algebra: what span of days a value covers, and how two values relate.

Handles the point values storyline shows on a timeline: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (with or
without a time part), ``YYYY-Www`` (and ``-WE`` weekends), ``YYYY-Qn``, halves ``YYYY-Hn``, seasons
``YYYY-SP|SU|FA|WI``, decades (``201X`` or TimeML's ``201``), centuries (``19XX`` or ``19``) and ranges
``START/END``. Durations (``P3M``), sets and ``*_REF`` values cover no fixed days: ``bounds`` is None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["granularity_of", "bounds", "contains", "compatible", "more_precise"]

_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
# Underspecified values ("XXXX-06-13") still have a granularity, but no bounds.
_UNDERSPECIFIED = re.compile(r"^X{4}(-(\d{2}|W\d{2}|Q[1-4]|SP|SU|FA|WI))?(-\d{2})?(T.*)?$")

# Meteorological seasons (northern hemisphere): first month and length in months.
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def granularity_of(value: str) -> str | None:
    """The granularity a TIMEX3 value is stated at, or None for durations, sets and *_REF values."""
    if not value or value.startswith("P") or value.endswith("_REF"):
        return None
    if "/" in value:
        return granularity_of(value.split("/", 1)[0])
    if value.startswith("XXXX"):
        if "T" in value:
            return "time"
        parts = value.split("-")
        if len(parts) == 3:
            return "day"
        if len(parts) == 2:
            tail = parts[1]
            return {"W": "week", "Q": "quarter"}.get(tail[0], "season" if tail in _SEASON_MONTHS else "month")
        return None
    for pattern, name in ((_TIME, "time"), (_DAY, "day"), (_WEEK, "week"), (_QUARTER, "quarter"),
                          (_HALF, "half"), (_SEASON, "season"), (_MONTH, "month"), (_YEAR, "year"),
                          (_DECADE, "decade"), (_CENTURY, "century")):
        if pattern.match(value):
            return name
    return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, count: int) -> tuple[dt.date, dt.date]:
    last_index = year * 12 + first - 1 + count - 1
    return dt.date(year, first, 1), _month_end(last_index // 12, last_index % 12 + 1)


def bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day (inclusive) a point value covers; None when it covers no fixed days."""
    if not value:
        return None
    try:
        if "/" in value:
            start, end = value.split("/", 1)
            a, b = bounds(start), bounds(end)
            return (a[0], b[1]) if a and b and a[0] <= b[1] else None
        if m := _TIME.match(value) or _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := _QUARTER.match(value):
            return _months(int(m[1]), 3 * int(m[2]) - 2, 3)
        if m := _HALF.match(value):
            return _months(int(m[1]), 6 * int(m[2]) - 5, 6)
        if m := _SEASON.match(value):
            return _months(int(m[1]), _SEASON_MONTHS[m[2]], 3)
        if m := _MONTH.match(value):
            return _months(int(m[1]), int(m[2]), 1)
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _DECADE.match(value):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        if m := _CENTURY.match(value):
            return dt.date(max(int(m[1]) * 100, 1), 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:  # month 13, week 54, day 31 of June: not a real date
        return None
    return None


def contains(outer: str, inner: str) -> bool:
    """True when every day ``inner`` covers lies within ``outer`` (2019 contains 2019-06-30)."""
    a, b = bounds(outer), bounds(inner)
    return bool(a and b and a[0] <= b[0] and b[1] <= a[1])


def compatible(a: str, b: str) -> bool:
    """True when one value contains the other: both may describe the same moment."""
    return contains(a, b) or contains(b, a)


def more_precise(a: str, b: str) -> str:
    """The value covering fewer days (``a`` on a tie, or the one with bounds when only one has them)."""
    ba, bb = bounds(a), bounds(b)
    if ba is None:
        return b if bb is not None else a
    if bb is None:
        return a
    if (bb[1] - bb[0]) < (ba[1] - ba[0]):
        return b
    if (bb[1] - bb[0]) == (ba[1] - ba[0]) and "T" in b and "T" not in a:
        return b
    return a
