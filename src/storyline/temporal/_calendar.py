"""Date arithmetic for normalizing relative expressions: shift by units, format at a granularity."""

from __future__ import annotations

import calendar
import datetime as dt
import re

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


class Anchor:
    """The document creation time as far as it is known: year, month, day may each be missing."""

    def __init__(self, dct: str | None) -> None:
        self.year: int | None = None
        self.month: int | None = None
        self.day: int | None = None
        self.time: str | None = None  # "HH:MM" when the DCT has one
        m = re.match(r"^\s*(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T ](\d{2}):?(\d{2}))?)?)?", dct or "")
        if m:
            self.year = int(m[1])
            self.month = int(m[2]) if m[2] else None
            self.day = int(m[3]) if m[3] else None
            self.time = f"{m[4]}:{m[5]}" if m[4] else None
            if self.month is not None and not 1 <= self.month <= 12:
                self.month = self.day = None
            if self.day is not None:
                try:
                    dt.date(self.year, self.month or 1, self.day)
                except ValueError:
                    self.day = None

    @property
    def date(self) -> dt.date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def shift_date(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` units (Y, M, W, D, Q, DE); month ends are clamped (Mar 31 - 1M = Feb 28)."""
    if unit in ("D",):
        return day + dt.timedelta(days=n)
    if unit == "W":
        return day + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    y, m = add_months(day.year, day.month, months)
    return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def format_date(day: dt.date, granularity: str) -> str:
    """``day`` written at a TIMEX3 granularity: day, week, month, quarter, year, decade, century."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        return week_value(day)
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day.month)}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"  # TimeML writes the 1990s as "199"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"
