"""Publication dates read from the sample op-eds and written datelines."""

from __future__ import annotations

from pathlib import Path

from storyline.temporal import infer_publication_date

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "korea-summits"


def test_published_line_gives_the_day() -> None:
    guess = infer_publication_date((SAMPLE / "004_c87f3f784faec3fe.txt").read_text())
    assert guess is not None and guess.value == "2019-02-27" and guess.explicit
    assert "Published" in guess.evidence


def test_dmz_op_ed_supports_only_the_year() -> None:
    guess = infer_publication_date((SAMPLE / "000_87ab3ee824737c20.txt").read_text())
    assert guess is not None and guess.value == "2019" and not guess.explicit


def test_singapore_op_ed_is_dated_to_the_summit_month() -> None:
    guess = infer_publication_date((SAMPLE / "003_6fc8fe7da1af5feb.txt").read_text())
    assert guess is not None and guess.value == "2018-06"
    assert "June 12, 2018" in guess.evidence


def test_wire_dateline_takes_its_year_from_the_text_as_a_deduction() -> None:
    # the day is stated, the year only deduced (a lower bound): the date counts as inferred
    guess = infer_publication_date("SEOUL, June 30 (Reuters) - Kim met Trump, after the February 2019 summit.")
    assert guess is not None and guess.value == "2019-06-30" and not guess.explicit
    assert "year deduced" in guess.evidence


def test_no_date_at_all() -> None:
    assert infer_publication_date("Trump and Kim may march on to a second summit.") is None


def test_a_dateline_that_writes_the_whole_date_needs_no_agency() -> None:
    found = infer_publication_date("Kim rejects talks\n\nSEOUL, 3 March 2019 — North Korea said on Sunday it "
                                   "would not resume talks.")
    assert found is not None and (found.value, found.explicit) == ("2019-03-03", True)
    # a sentence that merely starts with a name and a date is not a dateline
    found = infer_publication_date("Trump, on June 12, 2018 — he met Kim in Singapore.")
    assert found is not None and found.value == "2018-06" and not found.explicit


def test_a_date_the_article_only_looks_ahead_to_does_not_date_it() -> None:
    text = ("Hertz priced $100 million of senior notes due Nov. 1, 2009. The company expects earnings to rise "
            "by the end of 1990. It reported a loss in June 1989.")
    guess = infer_publication_date(text)
    assert guess is not None and guess.value == "1989" and "June 1989" in guess.evidence


def test_a_term_up_for_renewal_does_not_date_the_article() -> None:
    text = ("The brand earned $100 million in 2014. The Ivanka Trump contract is up for renewal in 2018. Tester, "
            "himself up for reelection in 2018, voted no.")
    found = infer_publication_date(text)
    assert found is not None and found.value == "2014" and not found.explicit


def test_a_goal_set_for_a_year_does_not_date_the_article() -> None:
    text = ("The deal was signed in New York in 2015. The United States pledged to reduce American emissions 26 "
            "percent to 28 percent in 2025, compared with their level in 2005.")
    guess = infer_publication_date(text)
    assert guess is not None and guess.value == "2015"
    assert infer_publication_date("Perez spoke in Denver in 2015. He has been mentioned as a potential Maryland "
                                  "gubernatorial candidate in 2018.").value == "2015"
    # a past "was able to hit" a mark is no goal
    assert infer_publication_date("Obama was able to hit the mark in 2014, after the 2012 race.").value == "2014"


def test_an_article_that_only_looks_ahead_is_undated() -> None:
    # its latest look-ahead date put a 2016 article in 2026: better no date than a decade off
    assert infer_publication_date("It also would renew through 2026 the expiring Iran Sanctions Act, the "
                                  "senators said on Wednesday.") is None


def test_a_modal_or_a_prospect_anywhere_in_the_sentence_looks_ahead() -> None:
    text = ("Obama won Ohio in 2012. Voters there will help determine which party controls the Senate in 2017. "
            "As Cruz preps for reelection in 2018 and eyes a 2020 presidential bid, the party waits.")
    assert infer_publication_date(text).value == "2012"
    # a year coordinated with one the modal sets is set by it too
    text = "Cuban backed Trump in 2016. Asked what could bring him to run in 2020 or 2024, Cuban demurred."
    assert infer_publication_date(text).value == "2016"
    # a date opening its sentence is set by the verb after it
    text = "The law was passed in 2002. Thirteen years later, that rewrite might finally get done."
    assert infer_publication_date(text).value == "2002"
    # a year naming a thing is no time the modal sets: "one of Trump's 2016 rivals"
    text = ("“It’s going to be challenging to do it in a quick turnaround,” said a GOP data expert who has "
            "worked for one of Trump's 2016 rivals.")
    assert infer_publication_date(text).value == "2016"
