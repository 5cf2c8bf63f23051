"""Dates as a reader says them: TIMEX3 values turned into labels and day intervals, for every view.

``2017-FA`` is "autumn 2017", ``199`` "the 1990s", ``2019-02-27/2019-02-28`` "27–28 February 2019": never a
fake day for a coarser value. The report and the terminal show the same labels.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["date_interval", "date_label", "range_label"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_SEASONS = {"SP": ("spring",), "SU": ("summer",), "FA": ("autumn",), "WI": ("winter",)}
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "24:00": "midnight"}


def date_interval(value: str | None) -> tuple[date, date] | None:
    """The days a TIMEX3 value covers, as [start, end) — a year is the whole year, not its 1 January."""
    from storyline.temporal.values import bounds

    span = bounds(value) if value else None
    return (span[0], span[1] + timedelta(days=1)) if span else None


def _point_label(value: str) -> str:
    day_part, _, time_part = value.partition("T")
    head, _, rest = day_part.partition("-")
    # a year before 1000 is said without its leading zeros: "06" is "the 600s" (the 7th century), "0622"
    # is "622"
    if head.endswith("XX") or len(head) == 2:  # 19XX, 19: the century
        return f"the {int(head[:2]) * 100}s"
    if head.endswith("X") or len(head) == 3:  # 199X, 199 (TimeML): the decade
        return f"the {int(head[:3]) * 10}s"
    if not rest:
        return str(int(head))
    if rest in _SEASONS:
        name = _SEASONS[rest][0]
        return f"winter {head}–{str(int(head) + 1)[-2:]}" if rest == "WI" else f"{name} {head}"
    if rest.startswith("W"):
        return f"week {int(rest[1:3])} of {head}"
    if rest.startswith("Q"):
        return f"Q{rest[1]} {head}"
    if rest.startswith("H"):
        return f"{'first' if rest[1] == '1' else 'second'} half of {head}"
    if len(rest) == 2:
        return f"{_MONTHS[int(rest) - 1]} {head}"
    day = date.fromisoformat(day_part[:10])
    label = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    if time_part:
        label += ", " + _PARTS_OF_DAY.get(time_part, time_part[:5])
    return label


def _range_label(first: str, last: str) -> str:
    """"27–28 February 2019", "27 February – 3 March 2019": the shared month and year said once."""
    a, b = _point_label(first), _point_label(last)
    if len(first) == len(last) == 10 and first[:4] == last[:4]:
        a = a.rsplit(" ", 1)[0]
        if first[:7] == last[:7]:
            return f"{a.split(' ', 1)[0]}–{b}"
    return f"{a} – {b}"


def date_label(value: str | None) -> str:
    """A TIMEX3 value as a reader says it: ``2017-FA`` -> "autumn 2017", ``2019`` -> "2019" (never a fake day)."""
    if not value:
        return "undated"
    try:
        if "/" in value:
            first, last = value.split("/", 1)
            return _range_label(first, last)
        return _point_label(value)
    except (ValueError, IndexError):
        return value


def range_label(values: list[str | None]) -> str | None:
    """The span of a timeline, from the earliest to the latest date its events start on, as a reader says
    them ("the 1300s to 2034"): a century or a decade would otherwise stretch it to its last year (2099),
    and TIMEX3 values do not sort as text ("13" < "1889" < "199"). None when no value covers fixed days."""
    starts = sorted((iv[0], -(iv[1] - iv[0]).days, v) for v in values if v and (iv := date_interval(v)))
    if not starts:
        return None
    first, last = date_label(starts[0][2]), date_label(starts[-1][2])
    return first if first == last else f"{first} to {last}"
