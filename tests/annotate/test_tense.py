"""settle_by_tense: partial dates moved across the document date by the tense of the verb they modify."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.tense import settle_by_tense
from storyline.temporal import bounds, tag_timexes

DCT = "2019-11-20"  # a Wednesday


@lru_cache(maxsize=1)
def nlp():
    from storyline.annotate.pipeline import load_nlp

    return load_nlp()


def settled(text: str, dct: str = DCT) -> dict[str, str]:
    return {t.text: t.value for t in settle_by_tense(nlp()(text), tag_timexes(text, dct), dct)}


@pytest.mark.parametrize(("text", "date", "value"), [
    # a past verb the month modifies: not next year's month, though the month is only four months off
    ("The roadmap was announced by the ministry in March, which aimed to cut costs.", "March", "2019-03"),
    ("The company changed to a calendar year in December.", "December", "2018-12"),
    ("Since KKR bought RJR in February for $25 billion, it has sold assets.", "February", "2019-02"),
    # a reduced relative tells what was done ("a tariff imposed … in September"), unless it sets a date
    ("Firms wonder whether a 15 percent tariff imposed on consumer goods in September would remain.", "September",
     "2019-09"),
    # a verb of the future, or of planning: not a day already past
    ("Protesters planned a large demonstration on Saturday.", "Saturday", "2019-11-23"),
    ("The accession was planned for early March.", "early March", "2020-03"),
    ("The summit will be held in March.", "March", "2020-03"),
    # the date of a framing occasion is the verb's: "In a letter … in May, Duvall said"
    ("In a letter to the president in May, Zippy Duvall said farmers faced hardship.", "May", "2019-05"),
    ("Next steps will be divulged in an all-company meeting on Friday, Claure said.", "Friday", "2019-11-22"),
])
def test_the_tense_of_the_verb_a_date_modifies_settles_its_year(text, date, value):
    assert settled(text)[date] == value


@pytest.mark.parametrize(("text", "date", "value"), [
    # an extent ("extended to", "until") bounds a span: the verb's tense says nothing about the date
    ("The offer was extended to Nov. 30.", "Nov. 30", "2019-11-30"),
    ("Regulators gave the company until January to answer.", "January", "2020-01"),
    ("The issue will dominate a NATO summit set for Washington in March.", "March", "2020-03"),
    # a weekday written with its date fixes the year
    ("The Times said in an editorial on Saturday, April 25: the court took a detour.", "Saturday, April 25",
     "2020-04-25"),
    # a year earlier in the sentence gave the date its year
    ("In 2018 the firm reported a loss, and in March it cut jobs.", "March", "2018-03"),
])
def test_dates_the_verb_does_not_date_are_left_as_tagged(text, date, value):
    assert settled(text)[date] == value


def test_nothing_moves_without_a_full_document_date():
    text = "The company changed to a calendar year in December."
    assert settled(text, "2019")["December"] == tag_timexes(text, "2019")[0].value


def test_a_year_in_a_clause_about_a_noun_does_not_give_a_later_date_its_year():
    text = ("Under a program approved by the company in 1987 that didn't specify a share amount, Nashua had "
            "purchased 481,000 shares through Sept. 29.")
    assert settled(text, "1989-10-30")["Sept. 29"] == "1989-09-29"
    # a year of the main clause or a fronted phrase carries on
    assert settled("In 2018 the firm reported a loss, and in March it cut jobs.")["March"] == "2018-03"


def test_a_leap_day_is_not_moved_to_a_year_without_one():
    # read on 2020-02-20, a past "Feb. 29" cannot be 2019-02-29
    assert settled("The company changed its name on Feb. 29.", "2020-02-20")["Feb. 29"] == "2020-02-29"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@settings(max_examples=40, deadline=None)
@given(month=st.integers(1, 12), day=st.integers(1, 29), dct=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
       verb=st.sampled_from(["changed its name", "will change its name", "planned a vote", "meets"]))
def test_settled_values_are_real_days(month, day, dct, verb):
    text = f"The company {verb} on {MONTHS[month - 1]} {day}."
    for value in settled(text, dct.isoformat()).values():
        assert bounds(value) is not None, value


def test_a_holiday_in_a_past_clause_is_the_last_one():
    # read on Monday 2000-04-17, before Easter Sunday (04-23)
    assert settled("The family met at Easter to discuss the boy.", "2000-04-17")["Easter"] == "1999-04-04"
    assert settled("The family will meet at Easter.", "2000-04-17")["Easter"] == "2000-04-23"
