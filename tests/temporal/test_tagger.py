"""tag_timexes on the sample corpus and on written news-text cases."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.temporal import tag_timexes

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "korea-summits"


def _values(text: str, dct: str | None = None) -> dict[str, str]:
    return {t.text: t.value for t in tag_timexes(text, dct)}


def test_sunday_in_the_dmz_op_ed_is_the_day_before_the_dct() -> None:
    text = (SAMPLE / "000_87ab3ee824737c20.txt").read_text()
    found = {t.text: t for t in tag_timexes(text, "2019-07-01")}
    assert found["Sunday"].value == "2019-06-30"
    assert found["February 2019"].value == "2019-02"
    assert found["two and a half years"].type == "DURATION"


def test_partial_date_takes_the_dct_year() -> None:
    text = (SAMPLE / "003_6fc8fe7da1af5feb.txt").read_text()
    values = _values(text, "2018-06-14")
    assert values["June 13"] == "2018-06-13"
    assert values["June 12, 2018"] == "2018-06-12"
    assert values["last year"] == "2017"


def test_published_line_is_one_time_value() -> None:
    values = _values("Published: Wed 27 Feb 2019, 7:00 PM", None)
    assert values == {"Wed 27 Feb 2019, 7:00 PM": "2019-02-27T19:00"}


def test_explicit_date_forms() -> None:
    text = "It began on June 12, 2018, resumed 12 June 2018, ended 2018-06-12 and again Wed 27 Feb 2019."
    values = _values(text)
    assert values["June 12, 2018"] == values["12 June 2018"] == values["2018-06-12"] == "2018-06-12"
    assert values["Wed 27 Feb 2019"] == "2019-02-27"


def test_season_of_a_year() -> None:
    assert _values("In the autumn of 2017 they traded insults.")["the autumn of 2017"] == "2017-FA"


def test_last_summer_is_the_previous_year() -> None:
    assert _values("They met last summer.", "2019-07-01")["last summer"] == "2018-SU"


def test_last_year_against_the_dct() -> None:
    assert _values("A first meeting in Singapore last year was unthinkable.", "2019-02-27")["last year"] == "2018"


def test_relative_days_and_months() -> None:
    values = _values("Yesterday he spoke; today he left; next month he returns; two years ago he came.",
                     "2019-07-01")
    assert values["Yesterday"] == "2019-06-30"
    assert values["today"] == "2019-07-01"
    assert values["next month"] == "2019-08"
    assert values["two years ago"] == "2017"


def test_future_cue_points_a_weekday_ahead() -> None:
    assert _values("The two leaders will meet on Friday.", "2019-07-01")["Friday"] == "2019-07-05"


def test_durations() -> None:
    values = _values("Over the past three weeks, after 2 1/2 years and a five-year plan, it took 3 hours.")
    assert values["the past three weeks"] == "P3W"
    assert values["2 1/2 years"] == "P2Y6M"  # TimeML writes mixed units, as TBAQ does
    assert values["five-year"] == "P5Y"
    assert values["3 hours"] == "PT3H"


def test_sets() -> None:
    found = {t.text: t for t in tag_timexes("They meet every week and publish weekly and annually.")}
    assert found["every week"].type == "SET" and found["every week"].value == "P1W"
    assert found["weekly"].value == "P1W"
    assert found["annually"].value == "P1Y"


def test_clock_time_takes_the_dct_day() -> None:
    found = tag_timexes("The vote closes at 7:00 PM.", "2019-02-27")
    assert [(t.type, t.value, t.granularity) for t in found] == [("TIME", "2019-02-27T19:00", "time")]


def test_references() -> None:
    values = _values("Now, currently talks stall; recently they met; in the future they may meet.")
    assert values["Now"] == "PRESENT_REF"
    assert values["recently"] == "PAST_REF"
    assert values["the future"] == "FUTURE_REF"


def test_modal_may_and_verb_march_are_not_dates() -> None:
    text = "Talks may resume. Protesters march on the capital. They may March forward."
    assert all(t.value.endswith("_REF") for t in tag_timexes(text, "2019-07-01"))


def test_month_may_after_a_preposition_is_a_date() -> None:
    assert _values("The vote was held in May.", "2019-07-01")["May"] == "2019-05"


def test_a_second_summit_is_not_a_duration() -> None:
    assert tag_timexes("Trump and Kim held a second summit in Hanoi.") == []


def test_without_dct_relative_values_stay_underspecified() -> None:
    found = {t.text: t for t in tag_timexes("On June 13 and last year, on Sunday.")}
    assert found["June 13"].value == "XXXX-06-13" and not found["June 13"].anchored
    assert not found["last year"].anchored and "X" in found["last year"].value
    assert found["Sunday"].value.startswith("XXXX") and not found["Sunday"].anchored


def test_partial_dct_year_only_still_resolves_last_year() -> None:
    assert _values("Prices rose last year.", "2019")["last year"] == "2018"


def test_guessed_dct_marks_relative_values_unanchored() -> None:
    found = tag_timexes("Prices rose last year, in 2017.", "2019-02-27", dct_guessed=True)
    by_text = {t.text: t for t in found}
    assert not by_text["last year"].anchored
    assert by_text["2017"].anchored


def test_no_day_or_month_is_invented() -> None:
    for t in tag_timexes("In 2017 tensions rose; in February 2019 the Hanoi summit failed."):
        assert t.value in ("2017", "2019-02")


def test_granularities() -> None:
    found = {t.text: t.granularity for t in tag_timexes(
        "In the 1990s, in 2017, in the third quarter of 2018, in February 2019, in spring 2019, "
        "on June 12, 2018 and for three years.")}
    assert found == {"the 1990s": "decade", "2017": "year", "the third quarter of 2018": "quarter",
                     "February 2019": "month", "spring 2019": "season", "June 12, 2018": "day",
                     "three years": None}


_WORDS = st.sampled_from(["June", "13", "May", "may", "2019", "last", "year", "Sunday", "on", "the", "past",
                          "three", "weeks", "ago", "7:00", "PM", "every", "week", "now", "autumn", "of", ",",
                          ".", "a", "second", "March", "12", "Feb", "Wed", "1990s", "quarter", "third", "-"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from([None, "2019", "2019-06", "2019-07-01T10:00"]))
def test_every_timex_slices_its_own_text(words: list[str], dct: str | None) -> None:
    text = " ".join(words)
    for t in tag_timexes(text, dct):
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


def test_month_without_year_is_the_nearest_one_unless_the_tense_says_otherwise() -> None:
    assert _values("The merger is to close Jan. 15.", "1989-10-30")["Jan. 15"] == "1990-01-15"
    assert _values("The plant was sold in March.", "1989-10-30")["March"] == "1989-03"
    assert _values("The offer expires Dec. 7, the company said.", "1989-10-30")["Dec. 7"] == "1989-12-07"


def test_earnings_periods_count_from_the_quarter_the_story_reports() -> None:
    text = ("Acme earned $5 million in the fiscal second quarter, up from $3 million a year earlier. "
            "Sales in the latest period rose 8% from the year-ago period. "
            "For this year's first quarter it lost money.")
    values = _values(text, "1989-10-27")
    assert values["the fiscal second quarter"] == "1989-Q2"
    assert values["a year earlier"] == "1988-Q2"
    assert values["the latest period"] == "1989-Q2"
    assert values["the year-ago period"] == "1988-Q2"
    assert values["this year's first quarter"] == "1989-Q1"


def test_decades_weekends_holidays_and_vague_recent_spans() -> None:
    values = _values("In the 1990s prices fell. Over the weekend, and in recent months, shoppers "
                     "returned before Thanksgiving.", "1998-10-26")
    assert values["the 1990s"] == "199"  # TimeML writes a decade with three digits
    assert values["the weekend"] == "1998-W43-WE"  # the Saturday and Sunday just past
    assert values["recent months"] == "PXM"
    assert values["Thanksgiving"] == "1998-11-26"


# --- tense around a date: the nearest cue decides --------------------------------------------------

def test_weekday_after_a_past_reporting_verb_is_past_even_with_will_later() -> None:
    # DCT Friday 2019-03-01: "said Wednesday" is this week's, though "will" follows in the clause
    values = _values("The ministry said Wednesday that talks will resume.", "2019-03-01")
    assert values["Wednesday"] == "2019-02-27"


def test_weekday_in_a_quoted_plan_is_ahead_of_the_attribution() -> None:
    text = "''The envoy will leave at 4 a.m. EDT Thursday,'' the spokesman said."
    assert _values(text, "2019-02-27")["4 a.m. EDT Thursday"] == "2019-02-28T04:00"


def test_planned_to_points_ahead_and_a_m_does_not_end_the_clause() -> None:
    assert _values("The delegation planned to leave Hanoi on Thursday.", "2019-02-26")["Thursday"] == "2019-02-28"


def test_month_after_since_or_a_past_participle_is_the_last_one() -> None:
    # read in late October: "since March" and "the fiscal year ended Jan. 31" are behind us
    assert _values("The carrier has been on patrol since March and was scheduled to return.",
                   "1990-08-13")["March"] == "1990-03"
    assert _values("In the fiscal year ended Jan. 31, the company reported sales of $59 million.",
                   "1989-10-31")["Jan. 31"] == "1989-01-31"
    # and a plain future month still goes ahead
    assert _values("The summit will be held in January.", "2018-10-15")["January"] == "2019-01"


def test_a_year_written_earlier_does_not_pull_a_future_date_into_the_past() -> None:
    text = "Poland, invited to join NATO in July 1997, will officially join on March 12 in Missouri."
    assert _values(text, "1999-02-27")["March 12"] == "1999-03-12"
    # but a past clause keeps the written year
    assert _values("In 2017 the two leaders traded insults on Aug. 8.", "2019-06-30")["Aug. 8"] == "2017-08-08"


def test_spoken_years_after_a_month_or_season() -> None:
    values = _values("It began in January nineteen ninety-seven, after the winter of nineteen ninety-four.",
                     "1998-02-27")
    assert values["January nineteen ninety-seven"] == "1997-01"
    assert values["the winter of nineteen ninety-four"] == "1994-WI"
    assert "two thousand" not in _values("Some two thousand troops crossed.", "1998-02-27")


def test_this_past_spring_is_the_latest_spring() -> None:
    assert _values("Sales slumped this past spring.", "1989-10-30")["this past spring"] == "1989-SP"


# --- business news ---------------------------------------------------------------------------------

def test_an_outlook_quarter_does_not_frame_the_latest_quarter() -> None:
    text = ("Acme's third-quarter net income rose 11%. The earthquake will result in a fourth-quarter "
            "charge. Earnings from insurance fell 59% in the latest quarter, compared with $6 million a year ago.")
    values = _values(text, "1989-11-02")
    assert values["fourth-quarter"] == "1989-Q4"
    assert values["the latest quarter"] == "1989-Q3"
    assert values["a year ago"] == "1988-Q3"


def test_quarter_durations_and_halves() -> None:
    values = _values("Losses narrowed over the past two quarters and may persist through the first two "
                     "quarters of 1990.", "1989-10-27")
    assert values["the past two quarters"] == "P2Q"
    assert values["the first two quarters of 1990"] == "1990-H1"


def test_for_the_year_and_the_year_ended() -> None:
    text = ("For the year ended Sept. 30, Ralston earned $422 million. Sales for the full year were $6.6 "
            "billion. The year the company was founded is unknown.")
    found = {t.text: t for t in tag_timexes(text, "1989-11-02")}
    assert (found["the year"].type, found["the year"].value) == ("DURATION", "P1Y")
    assert found["the full year"].value == "1989"
    assert "The year" not in found


def test_year_end() -> None:
    found = {t.text: t for t in tag_timexes("The sale should close by year-end.", "1989-10-30")}
    assert (found["year-end"].value, found["year-end"].mod) == ("1989", "END")


def test_part_of_day_before_a_relative_day_and_or_so() -> None:
    values = _values("The offer came mid-afternoon yesterday, a week or so ago it was refused.", "1991-02-25")
    assert values["mid-afternoon yesterday"] == "1991-02-24TAF"
    assert values["a week or so ago"] == "1991-W08"


def test_a_would_elsewhere_in_the_sentence_does_not_push_a_past_month_ahead() -> None:
    text = ("Biden and Xi met in Bali last November and agreed that Blinken would visit, but the trip was "
            "postponed after a Chinese balloon crossed the United States in February.")
    assert _values(text, "2023-06-19")["February"] == "2023-02"
    assert _values("Collins will be named commander for a mission in December.", "1998-03-04")["December"] == "1998-12"


def test_a_nine_month_comparison_is_framed_by_the_year_not_the_quarter() -> None:
    text = ("Acme's third-quarter net rose to $87 million from $58 million a year earlier. For the nine "
            "months, net was $254 million, up from $163 million a year earlier. The year-ago results "
            "included a charge.")
    found = [(t.text, t.value) for t in tag_timexes(text, "1989-10-26")]
    assert found[1] == ("a year earlier", "1988-Q3")
    assert ("a year earlier", "1988") in found[2:] and ("year-ago", "1988") in found


def test_then_current_is_past() -> None:
    values = _values("Holders may buy shares at 50% of the then-current market price.", "1989-10-26")
    assert values == {"then-current": "PAST_REF"}


def test_vague_plural_spans_and_long_adjectives() -> None:
    found = {t.text: (t.type, t.value) for t in tag_timexes(
        "He probably died within weeks or months of his capture. Over the years, the mosque dominated the "
        "skyline for centuries. Funds may sell in the weeks ahead, ending a decades-long feud and a day-long "
        "strike. It grew for the first time in years.", "1998-02-27")}
    assert found["weeks or months"] == ("DURATION", "PXW")
    assert found["the years"] == ("DURATION", "PXY")
    assert found["centuries"] == ("DURATION", "PXCE")
    assert found["the weeks ahead"] == ("DURATION", "PXW")
    assert found["decades-long"] == ("DURATION", "PXDE")
    assert found["day-long"] == ("DURATION", "P1D")
    assert found["years"] == ("DURATION", "PXY")
    # "a short-term loan", "the years of war": no time expression of their own
    assert _values("a short-term loan in the years of war", "1998-02-27") == {}


def test_hundreds_and_thousands_and_trading_days() -> None:
    values = _values("It has kept secrets for more than two thousand years, almost a hundred years longer "
                     "than Rome. Eight trading days after Oct. 12, prices fell.", "1998-01-21")
    assert values["more than two thousand years"] == "P2000Y"
    assert values["almost a hundred years"] == "P100Y"
    assert values["Eight trading days"] == "P8D"


def test_week_of_a_date_the_next_morning_and_clock_words() -> None:
    values = _values("Voting is set for the week of March 6. Bradley arrived Feb. 22 and left the next "
                     "morning. Rebels attacked at 4 in the morning; the market recovered by mid-afternoon.",
                     "2000-02-24")
    assert values["the week of March 6"] == "2000-W10"
    assert values["the next morning"] == "2000-02-23TMO"
    assert values["4 in the morning"] == "2000-02-24T04:00"
    assert values["mid-afternoon"] == "2000-02-24TAF"


def test_the_quarter_a_year_ago_is_one_span_a_year_back() -> None:
    values = _values("Net rose in the third quarter, to $5 million from $3 million in the quarter a year ago.",
                     "1989-10-26")
    assert values["the third quarter"] == "1989-Q3"
    assert values["the quarter a year ago"] == "1988-Q3"


def test_the_near_term_and_a_later_date_look_ahead() -> None:
    values = _values("Sales will be weak in the near term, and the rest will be decided at a later date.",
                     "1989-10-26")
    assert values == {"the near term": "FUTURE_REF", "a later date": "FUTURE_REF"}


def test_the_quarter_ended_a_date_is_the_calendar_quarter_holding_it() -> None:
    values = _values("In the quarter ended July 31, Jayark had 5.6 million shares outstanding.", "1989-10-30")
    assert values["the quarter"] == "1989-Q2"
    values = _values("For the quarter ended Jan. 31, sales rose.", "1989-03-15")
    assert values["the quarter"] == "1988-Q4"


def test_an_unreported_quarter_does_not_frame_the_latest_quarter() -> None:
    text = ("Aetna gave no estimate of the impact of the earthquake on fourth-quarter results. In the latest "
            "quarter, Aetna had a $23 million loss.")
    assert _values(text, "1989-10-30")["the latest quarter"] == "1989-Q3"
    text = ("Ralston Purina reported a 47% decline in fourth-quarter earnings. Sales in the latest quarter were "
            "$1.76 billion.")
    assert _values(text, "1989-11-02")["the latest quarter"] == "1989-Q4"


def test_the_day_before_or_after_a_dated_day_and_since_year_end() -> None:
    values = _values("The day before last Tuesday's hearing, Manuel went to Lazaro's home. Shops reopen the day "
                     "after Christmas. The index is down 3% since year-end.", "2000-02-24")
    assert values["The day before last Tuesday"] == "2000-02-21"
    assert values["the day after Christmas"] == "1999-12-26"
    assert values["year-end"] == "1999"


def test_a_clock_time_merges_with_its_day_across_a_zone_in_parentheses() -> None:
    values = _values("The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building.", "1998-08-08")
    assert values == {"10:35 a.m. (0735 GMT) Friday": "1998-08-07T10:35"}


def test_one_day_after_a_modal_is_some_future_day() -> None:
    assert _values("Islam will one day be the second largest religion.", "1998-03-03") == {"one day": "FUTURE_REF"}
    assert _values("The strike lasted one day.", "1998-03-03") == {"one day": "P1D"}


def test_a_second_day_after_a_dated_day_and_march_after_in() -> None:
    found = [(t.text, t.value) for t in tag_timexes(
        "A ceremony will be held at the summit on April 24 and 25. Talks run June 12-13. Taylor stepped down "
        "in March for health reasons. Scores rose 24 and 25 percent.", "1999-02-10")]
    assert ("April 24", "1999-04-24") in found and ("25", "1999-04-25") in found
    assert ("June 12", "1999-06-12") in found and ("13", "1999-06-13") in found
    assert ("March", "1999-03") in found
    assert not any(text == "25" and value != "1999-04-25" for text, value in found)
    assert _values("Veterans plan to March on Washington.", "1999-02-10") == {}


def test_end_of_the_month_vague_adjectives_and_easter() -> None:
    values = _values("The goal is 40,000 troops by the end of the month, after a several-year buildup. "
                     "Protesters will pray on Easter and on Good Friday.", "2000-04-17")
    assert values["the end of the month"] == "2000-04"
    assert values["several-year"] == "PXY"
    assert values["Easter"] == "2000-04-23" and values["Good Friday"] == "2000-04-21"
    assert _values("He sailed to Easter Island.", "2000-04-17") == {}


def test_a_fronted_weekday_is_governed_by_the_main_verb_further_on() -> None:
    text = ("Slepian's death was raised in the debate. On Tuesday, the National Abortion and Reproductive Rights "
            "Action League plans to hold a news conference.")
    assert _values(text, "1998-10-26")["Tuesday"] == "1998-10-27"
    assert _values("On Tuesday, the National Abortion and Reproductive Rights Action League held a news "
                   "conference.", "1998-10-26")["Tuesday"] == "1998-10-20"


def test_a_count_of_people_is_not_a_year() -> None:
    assert _values("The poll of 2047 registered voters was released. More than 1500 troops and about 1900 "
                   "people arrived.", "2016-02-01") == {}
    assert _values("The legacy of 1968 protests shaped the 1998 elections.", "2016-02-01") == {"1968": "1968",
                                                                                               "1998": "1998"}


def test_model_numbers_and_scores_are_not_years() -> None:
    assert _values("The GTX 1660 Ti beats the GTX 1060 and matches the RTX 2060. The Netgear AC1700 router "
                   "earned a total score of 2072.", "2019-11-18") == {}
    assert _values("Emirates wants to be carbon neutral by 2050; in FY2019 sales rose; Dragonfly reaches Titan "
                   "in 2034; Europe was remade in AD 1500.", "2019-11-18") == {
        "2050": "2050", "FY2019": "2019", "2034": "2034", "1500": "1500"}


def test_a_range_of_years_gives_both_and_a_phone_number_none() -> None:
    found = [(t.text, t.value) for t in tag_timexes("Prices rose in 2017-2019 and in the 1998-99 season. "
                                                     "Inquiry 02-751-1500 or call 555-2019.", "2019-11-18")]
    assert found == [("2017", "2017"), ("2019", "2019"), ("1998", "1998")]


def test_a_day_counted_from_a_coarser_date_invents_no_day() -> None:
    assert _values("Epstein was arrested in 2001. He was questioned the same day.", "2019-11-18")["the same day"] \
        == "2001"
    assert _values("In March 2001 he resigned. The following week he returned.", "2019-11-18")[
        "The following week"] == "2001-03"
    assert _values("He arrived on June 3, 2001. He left the next day.", "2019-11-18")["the next day"] == "2001-06-04"
    assert _values("We will decide the next day.", "2019-11-18")["the next day"] == "2019-11-19"


def test_election_day_is_the_even_year_one_and_a_holiday_takes_a_written_year() -> None:
    assert _values("Clinton hopes to win on Election Day.", "2015-11-10")["Election Day"] == "2016-11-08"
    assert _values("Trump won on Election Day.", "2016-11-20")["Election Day"] == "2016-11-08"
    assert _values("The closer he gets to Election Day, the louder he gets.", "2019-11-19")["Election Day"] \
        == "2020-11-03"
    assert _values("Turnout on Election Day in 2012 was high, and Christmas 1998 was cold.", "2019-11-19") == {
        "Election Day in 2012": "2012-11-06", "Christmas 1998": "1998-12-25"}


def test_a_rate_is_a_set_not_a_duration() -> None:
    found = {t.text: (t.type, t.value) for t in tag_timexes(
        "The preferred stock pays $1.76 a year, the airline adds four flights a week, and guards stand watch "
        "24 hours a day. The strike lasted a year.", "1998-02-13")}
    assert found["a week"] == ("SET", "P1W") and found["a day"] == ("SET", "P1D")
    assert found["24 hours"] == ("DURATION", "PT24H")
    assert [v for k, v in found.items() if k == "a year"] == [("DURATION", "P1Y")]  # the last one wins the key
    assert ("SET", "P1Y") in [(t.type, t.value) for t in tag_timexes("It pays $1.76 a year.", "1998-02-13")]


def test_a_scheduled_happening_in_the_present_tense_is_ahead() -> None:
    # DCT Wednesday 2019-02-27: a present-tense verb of a scheduled event looks ahead, a past one back
    assert _values("The two leaders meet separately Monday in Hanoi.", "2019-02-27")["Monday"] == "2019-03-04"
    assert _values("The Senate votes on Tuesday on the bill.", "2019-02-27")["Tuesday"] == "2019-03-05"
    assert _values("The two leaders met separately Monday in Hanoi.", "2019-02-27")["Monday"] == "2019-02-25"
    # a plural noun is not the verb: "the votes Tuesday" were cast this week
    assert _values("The votes Tuesday showed a split.", "2019-02-27")["Tuesday"] == "2019-02-26"


def test_until_a_day_followed_by_a_pluperfect_is_past() -> None:
    text = "Until Thursday, investigators had not called him a suspect."
    assert _values(text, "2019-03-01")["Thursday"] == "2019-02-28"
    assert _values("The offer stays open until Thursday.", "2019-03-01")["Thursday"] == "2019-03-07"


def test_now_that_is_the_present() -> None:
    assert _values("Aqaba is Iraq's only outlet now that the embargo has tightened.", "1990-08-16")["now"] == \
        "PRESENT_REF"


def test_shopping_and_other_named_days_are_holidays_not_weekdays() -> None:
    # read on Wednesday 2019-11-20: "Black Friday" is the day after Thanksgiving, not this week's Friday
    values = _values("No Switch Lite deal yet for Black Friday; Cyber Monday prices follow. Schools will close "
                     "on Martin Luther King Jr. Day. Banks closed on Veterans Day 2018.", "2019-11-20")
    assert values["Black Friday"] == "2019-11-29"
    assert values["Cyber Monday"] == "2019-12-02"
    assert values["Veterans Day 2018"] == "2018-11-11"
    assert values["Martin Luther King Jr. Day"] == "2020-01-20"


def test_around_a_possessive_date_is_around_the_thing_it_owns() -> None:
    assert "around Wednesday" not in _values("Relatives looked for ways to get around Wednesday's ruling.", "2000-01-07")
    assert _values("The talks ended around Wednesday.", "2000-01-07")["around Wednesday"] == "2000-01-05"


def test_numbers_naming_a_bill_a_flight_or_an_address_are_not_years() -> None:
    for text in ("Just minutes before House Bill 1523 was to take effect, the court ruled.",
                 "Flight 1549 landed on the Hudson.", "Protesters marched to 1600 Pennsylvania Avenue.",
                 "Proposition 2012 failed."):
        assert not [t for t in tag_timexes(text, "2016-07-01") if t.type == "DATE"], text
    assert _values("The Civil Rights Act of 1964 passed.", "2016-07-01")["1964"] == "1964"
    assert _values("In 1600 the company was founded.", "2016-07-01")["1600"] == "1600"


def test_easter_week_and_holy_week_are_the_iso_week_of_easter() -> None:
    assert _values("Protesters prayed as Easter week began.", "2000-04-16")["Easter week"] == "2000-W16"
    assert _values("During Holy Week 2019 the cathedral burned.", "2019-06-01")["Holy Week 2019"] == "2019-W16"


def test_a_while_and_some_time_are_vague_stretches_only_after_for_or_after() -> None:
    assert _values("They will have to live without power for a while.", "1998-01-11")["a while"] == "PXX"
    assert _values("Troops could stay in the region for some time.", "1990-08-15")["some time"] == "PXX"
    assert _values("He calls once in a while, at some time of his choosing.", "1990-08-15") == {}


def test_a_weekday_written_with_its_date_picks_the_year() -> None:
    # read in November 2019: the nearest April 25 is 2019's (a Thursday); the Saturday one is 2020's
    assert _values("The Times said in an editorial on Saturday, April 25: the court erred.", "2019-11-20")[
        "Saturday, April 25"] == "2020-04-25"
    assert _values("On Tuesday, Nov. 19, they met.", "2019-11-20")["Tuesday, Nov. 19"] == "2019-11-19"


def test_an_earlier_quarter_named_for_contrast_does_not_frame_the_story() -> None:
    text = ("Kimberly-Clark posted a 20% gain in third-quarter net income. After a flat second quarter, the "
            "company attributed the gain to its consumer businesses. In the 1989 period, interest expense was "
            "lower than a year ago.")
    values = _values(text, "1989-11-01")
    assert values["second quarter"] == "1989-Q2"
    assert values["the 1989 period"] == "1989-Q3"
    assert values["a year ago"] == "1988-Q3"
    # named without contrast, the earlier quarter is what the next sentence reports on
    values = _values("Acme's third-quarter net rose. In the second quarter, it earned $2 million, up from "
                     "$1 million a year earlier.", "1989-11-01")
    assert values["a year earlier"] == "1988-Q2"


def test_last_year_in_an_earnings_comparison_is_the_quarter_a_year_back() -> None:
    text = ("Travelers posted third-quarter earnings of $24 million, compared with a loss of $3 million last "
            "year. Sales in the latest period rose 13% from last year's $1.55 billion.")
    assert [t.value for t in tag_timexes(text, "1989-11-02") if t.text == "last year"] == ["1988-Q3"] * 2
    # outside an earnings story, or without a comparison, last year is the year
    assert _values("Prices rose sharply last year.", "1989-11-02")["last year"] == "1988"
    assert _values("Acme posted third-quarter earnings of $24 million. It hired 300 people last year.",
                   "1989-11-02")["last year"] == "1988"


def test_midnight_ends_its_day() -> None:
    values = _values("The offer had been scheduled to expire at midnight Friday; talks ran past noon.",
                     "1989-10-30")
    assert values["midnight Friday"].endswith("T24:00")
    assert values["noon"] == "1989-10-30T12:00"


def test_a_show_named_by_words_of_time_is_not_a_date() -> None:
    text = ('Baker, speaking on ABC News\' "This Week," said the request gives a legal basis. Gonzalez said '
            "on CBS's ''60 Minutes'' that it was abuse. \"This week we will win,\" he said.")
    assert _values(text, "1990-08-13") == {"This week": "1990-W33"}


def test_the_last_weekend_of_something_is_its_final_one_not_the_last_before_now():
    text = ("The Public Award will be presented in the last weekend of the festival. He spent the last year "
            "of his term abroad. Sales fell in the last week.")
    assert _values(text, "2018-10-15") == {"the last week": "2018-W41"}


def test_a_weekday_owning_a_happening_is_the_last_one_unless_the_next_is_near():
    # read on Friday 7 January 2000
    assert _values("Relatives said they would look for ways to get around Wednesday's ruling.",
                   "2000-01-07")["Wednesday"] == "2000-01-05"
    assert _values("Fans will flock to Sunday's game.", "2000-01-07")["Sunday"] == "2000-01-09"
    # read on Monday 30 October 1989: four days back, not three ahead
    assert _values("The price is a 24% premium over Thursday's closing price.",
                   "1989-10-30")["Thursday"] == "1989-10-26"


def test_an_offset_beyond_the_calendar_is_no_date_and_no_crash():
    # found by hypothesis: "2019 year ago" read in 2019 is year 0, which Python's calendar does not hold
    for text, dct in (("2019 year ago", "2019"), ("It began 10000 years ago.", "2019-06-01")):
        found = tag_timexes(text, dct)
        assert all(t.type != "DATE" for t in found), found  # at most the stretch of time, never a date


def test_a_schedule_line_is_every_such_day_at_that_hour():
    found = {t.text: (t.type, t.value) for t in tag_timexes(
        "Performances run Tue-Fri 8PM, Sat 4PM (Closed on Sun & Mon). Thur 9PM is sold out.", "2018-10-15")}
    assert found["8PM"] == ("SET", "XXXX-WXX-2T20:00")
    assert found["4PM"] == ("SET", "XXXX-WXX-6T16:00")
    assert found["9PM"] == ("SET", "XXXX-WXX-4T21:00")
    assert _values("He arrived at 4 p.m. and left.", "2018-10-15")["4 p.m."] == "2018-10-15T16:00"


def test_a_present_is_right_before_a_weekday_schedules_it():
    # read on Monday 15 October 2018
    assert _values("The meeting is at 4 p.m. Friday.", "2018-10-15")["4 p.m. Friday"] == "2018-10-19T16:00"
    assert _values("The vote is Tuesday.", "2018-10-15")["Tuesday"] == "2018-10-16"
    assert _values("The hearing was Friday.", "2018-10-15")["Friday"] == "2018-10-12"


def _typed(text: str, dct: str) -> dict[str, tuple[str, str, str | None]]:
    return {t.text: (t.type, t.value, t.mod) for t in tag_timexes(text, dct)}


def test_weekdays_sharing_a_plural_part_of_day_are_sets():
    # TBAQ APW19980213.1320: a flight schedule, not next Monday and last Tuesday
    found = _typed("Two new flights would leave Bombay on Monday and Tuesday nights from March 30.",
                   "1998-02-13")
    assert found["Monday"][:2] == ("SET", "XXXX-WXX-1TNI")
    assert found["Tuesday nights"][:2] == ("SET", "XXXX-WXX-2TNI")
    found = _typed("Monday, Wednesday and Friday evenings are busy; we met Monday and Tuesday.", "1998-02-13")
    assert found["Wednesday"][:2] == ("SET", "XXXX-WXX-3TEV")
    assert found["Tuesday"][:2] == ("DATE", "1998-02-10")  # the singular list stays dates


def test_a_range_of_lengths_is_one_timex_up_to_its_upper_bound():
    found = _typed("It will take the next 12 to 18 months, or two to three weeks, between two and three "
                   "years, a year or two, a week or so, six months or more.", "1989-10-30")
    assert found["12 to 18 months"] == ("DURATION", "P18M", "EQUAL_OR_LESS")
    assert found["two to three weeks"] == ("DURATION", "P3W", "EQUAL_OR_LESS")
    assert found["between two and three years"] == ("DURATION", "P3Y", "EQUAL_OR_LESS")
    assert found["a year or two"] == ("DURATION", "P2Y", "EQUAL_OR_LESS")
    assert found["a week or so"] == ("DURATION", "P1W", "APPROX")
    assert found["six months or more"] == ("DURATION", "P6M", "EQUAL_OR_MORE")
    # "or" between two whole lengths is two timexes
    assert set(_typed("one year or two years", "1989-10-30")) == {"one year", "two years"}


def test_vague_spans_and_counts_from_a_story_time():
    found = _typed("A few days later, sales fell, as in recent quarters, for the past three summers.",
                   "1989-10-27")
    assert found["A few days later"][:2] == ("DURATION", "PXD")  # not FUTURE_REF: the story is past
    assert found["recent quarters"][:2] == ("DURATION", "PXQ")
    assert found["the past three summers"][:2] == ("DATE", "XXXX-SU")  # not "the past" as PAST_REF


def test_the_past_decade_is_the_last_ten_years():
    # read in 1998, "over the past decade" is 1988-1998, not the 1980s
    found = _typed("Threats had become routine over the past decade.", "1998-10-25")
    assert found["the past decade"][:2] == ("DURATION", "P10Y")
    assert _typed("at the end of the last decade", "2019-06-01")["the last decade"][:2] == ("DATE", "200")


def test_a_month_modifying_a_noun_and_units_ago_without_a_count():
    # TBAQ XIE19990210.0079: "The March accession" is the month; "the March on Washington" the event
    found = _typed("The March accession will enable the three to attend; the May elections follow.", "1999-02-10")
    assert found["March"][:2] == ("DATE", "1999-03") and found["May"][:2] == ("DATE", "1999-05")
    assert _typed("The March on Washington drew crowds. The March was peaceful.", "1999-02-10") == {}
    # TBAQ wsj_0575: "just months ago" is some time back
    assert _typed("Control Data, which just months ago was hemorrhaging, recovered.", "1989-10-30")[
        "months ago"][:2] == ("DATE", "PAST_REF")
    assert _typed("It began 12 years ago.", "1989-10-30")["12 years ago"][:2] == ("DATE", "1977")


def test_a_month_continues_the_story_the_text_last_dated():
    # dev pages (Gizmodo, read in November 2019): "in November 2016 … But by December, they worsened" was
    # the December to come, and "a year later" counted from it was 2020
    found = _typed("He visited his doctor in November 2016. His symptoms did improve. But by December, they "
                   "worsened. By the time he was weaned off treatment a year later, he was back to normal.",
                   "2019-11-18")
    assert found["December"][:2] == ("DATE", "2016-12") and found["a year later"][:2] == ("DATE", "2017")
    # a month ahead in a clause that looks ahead is still the coming one
    assert _typed("He visited his doctor in November 2016. He will return in December.", "2019-11-18")[
        "December"][:2] == ("DATE", "2019-12")


def test_a_date_in_a_past_clause_is_not_the_one_to_come_unless_the_past_tells_a_plan():
    # dev pages (read 19 November 2019): each was the date to come
    read = "2019-11-19"
    assert _typed("A man pleaded guilty Monday to threatening to kill Rep. Ilhan Omar, D-Minn., in March, "
                  "prosecutors said.", read)["March"][:2] == ("DATE", "2019-03")
    assert _typed("Assange was due to be released from Belmarsh in September.", read)["September"][:2] == \
        ("DATE", "2019-09")
    assert _typed("Richardson decided to weigh in on Thursday's fight on Monday.", read)["Thursday"][:2] == \
        ("DATE", "2019-11-14")
    # a plan told in the past keeps its date ahead (TBAQ wsj_0570, wsj_0927)
    assert _typed("Thermo Electron agreed to purchase the line for $22 million in February.", read)[
        "February"][:2] == ("DATE", "2020-02")
    assert _typed("The hearing is due to be held in September.", read)["September"][:2] == ("DATE", "2020-09")
    assert _typed("Fans will look ahead to Thursday's game.", read)["Thursday"][:2] == ("DATE", "2019-11-21")
