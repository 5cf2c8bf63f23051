"""The TIMEX3 value algebra."""

from __future__ import annotations

import datetime as dt

from storyline.temporal.values import bounds, compatible, contains, granularity_of, more_precise


def test_bounds_of_each_form() -> None:
    d = dt.date
    assert bounds("2019") == (d(2019, 1, 1), d(2019, 12, 31))
    assert bounds("2019-02") == (d(2019, 2, 1), d(2019, 2, 28))
    assert bounds("2019-06-30") == (d(2019, 6, 30), d(2019, 6, 30))
    assert bounds("2019-06-30T19:00") == (d(2019, 6, 30), d(2019, 6, 30))
    assert bounds("2019-W26") == (d(2019, 6, 24), d(2019, 6, 30))
    assert bounds("2019-Q3") == (d(2019, 7, 1), d(2019, 9, 30))
    assert bounds("2017-FA") == (d(2017, 9, 1), d(2017, 11, 30))
    assert bounds("2017-WI") == (d(2017, 12, 1), d(2018, 2, 28))
    assert bounds("201X") == (d(2010, 1, 1), d(2019, 12, 31))
    assert bounds("2018-06/2019-02") == (d(2018, 6, 1), d(2019, 2, 28))


def test_durations_and_references_have_no_bounds() -> None:
    assert bounds("P3M") is None and bounds("PRESENT_REF") is None and bounds("2019-13") is None


def test_granularity_of() -> None:
    assert [granularity_of(v) for v in ("2019", "2019-02", "2019-02-27", "2019-02-27T19:00", "2019-W09",
                                        "2019-Q1", "2019-H1", "2019-SU", "201X", "19", "P1Y", "PAST_REF")] == [
        "year", "month", "day", "time", "week", "quarter", "half", "season", "decade", "century", None, None]


def test_contains_and_compatible() -> None:
    assert contains("2019", "2019-06-30") and not contains("2019-06-30", "2019")
    assert contains("2019-SU", "2019-07") and not contains("2019-SU", "2019-09")
    assert compatible("2019-06-30", "2019-Q2") and not compatible("2019-02", "2019-06")


def test_more_precise() -> None:
    assert more_precise("2019", "2019-06-30") == "2019-06-30"
    assert more_precise("2019-06", "2019") == "2019-06"
    assert more_precise("PAST_REF", "2019") == "2019"
