"""dated_clauses: the clause each point date of a document dates, from annotate's own parse."""

from __future__ import annotations

from storyline.annotate.clauses import dated_clauses
from storyline.annotate.pipeline import load_nlp
from storyline.temporal import tag_timexes


def clauses(text: str, dct: str | None) -> dict[str, tuple[str, str]]:
    """timex text -> (anchoring value, clause text)"""
    timexes = tag_timexes(text, dct)
    return {timexes[c.timex].text: (c.value, text[c.start:c.end])
            for c in dated_clauses(load_nlp()(text), timexes, dct)}


def test_two_dates_in_one_sentence_date_two_clauses() -> None:
    # the sample corpus's KT editorial (004)
    found = clauses("In 2017, when the US President Donald Trump and North Korean leader Kim Jong-un were trading "
                    "barbs on Twitter, a first meeting in Singapore last year was unthinkable.", "2019-03-01")
    assert "barbs" in found["2017"][1] and "Singapore" not in found["2017"][1]
    assert "Singapore" in found["last year"][1] and "barbs" not in found["last year"][1]


def test_durations_states_and_captions_date_nothing() -> None:
    assert clauses("The talks lasted three days. Today, DPRK has increasing demand for security. "
                   "The two Koreas have been split since 2014.", "2019-03-01") == {}
    assert clauses("June 12, 2018: Singapore summit", "2019-03-01") == {}


def test_a_weekday_the_article_date_cannot_place_takes_that_date() -> None:
    found = clauses("Kim Jong-un and Donald Trump met on Sunday at the Demilitarized Zone.", "2019")
    assert found["Sunday"][0] == "2019"
    assert found["Sunday"][1].startswith("Kim Jong-un and Donald Trump met on Sunday")


def test_a_timex_under_a_verbless_sentence_root_finds_its_anchor() -> None:
    # A noun-rooted sentence ("The summit in June 2019, which Trump attended.") once sent _anchor round
    # the root forever: spaCy Tokens must be compared by position.
    from storyline.annotate.clauses import _anchor

    sdoc = load_nlp()("The summit in June 2019, which Trump attended.")
    june = next(t for t in sdoc if t.text == "June")
    assert _anchor(june).i == next(t for t in sdoc if t.dep_ == "ROOT").i


def test_a_relative_clause_keeps_the_noun_it_is_about_and_no_dangling_and() -> None:
    assert clauses("The show, which first aired in 1989, returns.", "2016-05-01")["1989"][1] == \
        "The show, which first aired in 1989"
    assert clauses("Kerry, who had opposed a similar effort in 2007 and, spoke.", "2016-05-01")["2007"][1] == \
        "Kerry, who had opposed a similar effort in 2007"


def test_a_reduced_relative_keeps_its_noun() -> None:
    found = clauses("Prosecutors in Sweden have dropped an investigation into a rape allegation made against "
                    "Wikileaks co-founder Julian Assange in 2010.", "2019-11-19")
    assert found["2010"][1] == "a rape allegation made against Wikileaks co-founder Julian Assange in 2010"
    found = clauses("As a way of comparison, the SunShot Initiative launched by the U.S. government in 2011 aimed "
                    "to cut costs.", "2019-11-19")
    assert found["2011"][1] == "the SunShot Initiative launched by the U.S. government in 2011"


def test_a_year_that_says_which_made_thing_dates_nothing_but_an_event_named_by_it_does() -> None:
    assert clauses("We've been collecting data on the 2018 model. Not to be confused with a 1990s grunge band, "
                   "this jam is a gift.", "2019-11-20") == {}
    assert clauses("We had the same failure rate with the 2012 through 2015 keyboard. Where the 2015 design noise "
                   "was louder, Apple replaced a flawed design from 2015.", "2019-11-20") == {}
    found = clauses("Mueller investigated matters related to the 2016 election.", "2019-11-20")
    assert found["2016"][0] == "2016"
    assert clauses("Apple released the design in 2015.", "2019-11-20")["2015"][0] == "2015"
