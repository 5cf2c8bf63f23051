"""find_quotes on single-quoted copy (‘…’ and '…', the British and Commonwealth style), and the apostrophes
that share those marks: possessives, contractions, elided years must never open or close a quote."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.pipeline import annotate_document
from storyline.annotate.quotes import find_quotes, quoted_regions
from storyline.model import Document

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "korea-summits"


@lru_cache(maxsize=1)
def nlp():
    import spacy

    from storyline.annotate.pipeline import SPACY_MODEL

    return spacy.load(SPACY_MODEL, exclude=["lemmatizer"])


def quotes(text: str):
    return find_quotes(nlp()(text))


def summary(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.text, q.kind, q.speaker_text, q.cue) for q in quotes(text)]


def texts(text: str, regions: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in regions]


# --- quotes and their speakers, found as the double-quote path finds them -----------------------------------


def test_trailing_attribution():
    assert summary("Pyongyang rejected the offer on Tuesday. ‘We will not give up our nuclear weapons,’ "
                   "Kim Jong-un said.") == [
        ("‘We will not give up our nuclear weapons,’", "direct", "Kim Jong-un", "said")]


def test_colon_introduced_statement():
    assert summary("Mr Trump told reporters: ‘It was a great meeting.’") == [
        ("‘It was a great meeting.’", "direct", "Mr Trump", "told reporters")]


def test_quote_split_by_its_attribution():
    assert summary("‘I think,’ she said, ‘that the talks will continue.’") == [
        ("‘I think,’", "direct", "she", "said"),
        ("‘that the talks will continue.’", "partial", "she", "said")]


def test_partial_quote_inside_the_speakers_sentence():
    assert summary("The ministry called the move ‘reckless’.") == [("‘reckless’", "partial", "The ministry", "called")]


def test_scare_quote_has_no_speaker():
    assert summary("The so-called ‘peace dividend’ never reached the border towns.") == [
        ("‘peace dividend’", "scare", None, None)]


def test_inverted_attribution_keeps_the_name_not_the_apposition():
    assert summary("‘It is a serious report,’ said Sir Keir Starmer, the Labour leader.") == [
        ("‘It is a serious report,’", "direct", "Sir Keir Starmer", "said")]


def test_next_sentence_quote_inherits_the_speaker():
    found = summary("‘We are ready,’ the Foreign Secretary said. ‘The ball is in their court.’")
    assert [s for _, _, s, _ in found] == ["the Foreign Secretary", "the Foreign Secretary"]


def test_straight_single_quotes():
    assert summary("The talks stalled. 'We will not give up our weapons,' the ambassador said on Monday.") == [
        ("'We will not give up our weapons,'", "direct", "the ambassador", "said")]


# The same paragraphs typed with double marks: the single-quote path must give the same quotes and speakers.
_TYPED_BOTH_WAYS = [
    "‘We will not give up our nuclear weapons,’ Kim Jong-un said.",
    "Mr Trump told reporters: ‘It was a great meeting.’",
    "‘I think,’ she said, ‘that the talks will continue.’",
    "The ministry called the move ‘reckless’.",
    "‘The talks will resume next week,’ according to the foreign ministry.",
    "‘Peace is the only option for the peninsula and for the world.’ — Kim Dae-jung",
    "Theresa May said in a statement. ‘There is no agreement until everything is agreed.’",
    "Moon Jae-in said: ‘The peninsula has waited seventy years for this day.\n\n"
    "‘We will not waste it, and neither will our neighbours.’\n\nThe crowd cheered.",
]


@pytest.mark.parametrize("single", _TYPED_BOTH_WAYS)
def test_single_quotes_are_read_as_the_double_ones_are(single):
    double = single.replace("‘", "“").replace("’", "”")
    got = [(q.start, q.end, q.kind, q.speaker_text, q.cue) for q in quotes(single)]
    assert got, single
    assert got == [(q.start, q.end, q.kind, q.speaker_text, q.cue) for q in quotes(double)]


def test_pronoun_speaker_is_named_through_the_pipeline():
    text = ("Boris Johnson arrived in Brussels on Monday for a last round of talks. "
            "‘We will not accept a bad deal,’ he told reporters outside the Berlaymont.")
    doc = Document(id="x", source_path="x", text=text, language="en", published="2019-10-14")
    (quote,) = annotate_document(doc).quotes
    assert (quote.text, quote.speaker_text, quote.speaker_name) == ("‘We will not accept a bad deal,’", "he",
                                                                     "Boris Johnson")


def test_sample_editorial_quotes_a_tweet_in_straight_single_quotes():
    text = (SAMPLE / "004_c87f3f784faec3fe.txt").read_text(encoding="utf-8")
    found = {q.text: q for q in quotes(text)}
    tweet = found["'North Korea an Economic Powerhouse'"]
    assert (tweet.speaker_text, tweet.cue) == ("Trump", "tweeted")
    assert found["'rush'"].kind == "scare"
    assert text.count("'") == 6 and len(found) == 2  # Trump's / It's stay apostrophes


# --- a whole article in the house style ---------------------------------------------------------------------

ARTICLE = """North Korea dismisses US offer as ‘pointless’

Pyongyang has rejected Washington’s latest offer of talks, days after the two leaders’ aides met at the border village of Panmunjom.

‘We will not give up our nuclear weapons,’ Kim Jong-un said on Tuesday, according to the state’s KCNA news agency.

The White House said it was ‘disappointed’ but that the door remained open. Mr Trump told reporters: ‘It was a great meeting. We’ll see what happens.’

South Korea’s foreign minister, who served in New York in the ’90s, was more cautious. ‘I think,’ she said, ‘that the talks will continue, whatever the generals’ rhetoric.’

Analysts said the North’s economy couldn’t survive another decade of sanctions."""


def test_article_quotes_spans_and_speakers():
    got = summary(ARTICLE)
    assert got == [
        ("‘pointless’", "partial", "North Korea", "dismisses"),  # as the double-quote path has it
        ("‘We will not give up our nuclear weapons,’", "direct", "Kim Jong-un", "said"),
        ("‘disappointed’", "partial", "The White House", "said"),
        ("‘It was a great meeting. We’ll see what happens.’", "direct", "Mr Trump", "told reporters"),
        ("‘I think,’", "direct", "she", "said"),
        ("‘that the talks will continue, whatever the generals’ rhetoric.’", "partial", "she", "said"),
    ]
    for q in quotes(ARTICLE):
        assert ARTICLE[q.start:q.end] == q.text


def test_article_speakers_are_named_through_the_pipeline():
    doc = Document(id="a", source_path="a", text=ARTICLE, language="en", published="2019-07-02")
    named = {q.text[:12]: q.speaker_name for q in annotate_document(doc).quotes if q.speaker_text}
    assert named["‘We will not"] == "Kim Jong-un"
    assert named["‘It was a gr"] == "Trump"


# --- apostrophes: never a quote mark ------------------------------------------------------------------------

APOSTROPHES = (
    "Kim’s sister said the leaders’ aides don’t expect a deal before the party’s congress. Britain’s envoy, "
    "who’d served in Seoul in the ’90s and was at the class of ’19 reunion, said the talks’ failure wasn’t the "
    "Americans’ fault. The Joneses’ bar plays rock ’n’ roll until 10 o’clock; the MPs’ expenses row "
    "rumbles on. ’Tis the season, as the officers’ mess puts it."
)


@pytest.mark.parametrize("text", [APOSTROPHES, APOSTROPHES.replace("’", "'"),
                                  # word processors that "smarten" a word-initial apostrophe the wrong way
                                  APOSTROPHES.replace(" ’", " ‘")])
def test_possessives_contractions_and_elisions_open_no_quote(text):
    assert quoted_regions(text) == []
    assert quotes(text) == []


def test_a_typeset_apostrophe_at_a_word_start_never_opens():
    # "’" is the apostrophe of an elision not in any list ('’burbs'); the plural possessive after it would
    # otherwise close a quote.
    text = "‘We are undecided,’ said a voter in the ’burbs, where the Smiths’ neighbours live."
    assert texts(text, quoted_regions(text)) == ["‘We are undecided,’"]


def test_plural_possessive_inside_a_quote_does_not_close_it():
    for text, speaker in (("‘It is in the workers’ interest to strike,’ the union’s leader said.", "the union’s leader"),
                          ("'It is in the workers' interest to strike,' the union's leader said.", "the union's leader")):
        (q,) = quotes(text)
        assert q.text == text[:text.index(" the union")]
        assert q.speaker_text == speaker


def test_quote_ending_on_an_s_closes_before_a_possessive_further_on():
    text = "The ministry called the plans ‘reckless’ and said the generals’ orders would stand."
    assert texts(text, quoted_regions(text)) == ["‘reckless’"]


def test_apostrophes_around_a_quote_stay_outside_it():
    text = "The Tories’ leader said Labour’s plan was ‘a fantasy’, and the unions’ reply came on Monday."
    assert texts(text, quoted_regions(text)) == ["‘a fantasy’"]


def test_an_opening_mark_typed_as_the_closing_one_closes_the_quote():
    # seen on a real page: the theme ‘The Medium is the Message‘, … ran on to the paragraph's end
    text = ("This years’ exhibition revolves around the theme ‘The Medium is the Message‘, the famous statement "
            "by the Canadian philosopher Marshall McLuhan. The idea behind his statement was simple.")
    assert texts(text, quoted_regions(text)) == ["‘The Medium is the Message‘"]


# --- double-quoted documents keep their behaviour -----------------------------------------------------------


def test_nested_single_quotes_stay_inside_the_double_quoted_quote():
    text = "“They called it the ‘axis of evil’, and we have not forgotten,” the ambassador said."
    assert summary(text) == [(text[:text.index(" the amb")], "direct", "the ambassador", "said")]


def test_a_double_quoted_body_ignores_a_single_quoted_headline():
    # Guardian and BBC copy: single marks in the headline, double ones in the body. The body decides, and
    # a document quoting with double marks is read exactly as before: the headline's marks are no quote.
    text = ("Trump calls Iran deal ‘a disaster’\n\n"
            "“It is the worst deal ever negotiated,” Trump said on Tuesday.\n\n"
            "“We will not sign it,” he added.")
    assert [q.text for q in quotes(text)] == ["“It is the worst deal ever negotiated,”", "“We will not sign it,”"]


def test_double_quotes_nested_in_a_single_quoted_document_stay_inside():
    text = "‘He told me “never again”, and I believed him,’ she said. ‘It was over.’"
    assert [(q.text, q.speaker_text) for q in quotes(text)] == [
        ("‘He told me “never again”, and I believed him,’", "she"), ("‘It was over.’", "she")]


# --- unbalanced marks ---------------------------------------------------------------------------------------


def test_unclosed_curly_quote_ends_with_its_paragraph():
    text = ("‘We will never surrender the islands, the minister said.\n\n"
            "The opposition leader’s office said the vote would go ahead.\n\n"
            "‘It is over,’ she said.")
    regions = quoted_regions(text)
    assert regions[0] == (0, text.index("\n\n"))
    assert texts(text, regions[1:]) == ["‘It is over,’"]
    assert quotes(text)[-1].speaker_text == "she"


def test_unclosed_straight_quote_is_taken_for_an_apostrophe():
    text = ("He said 'we will never surrender the islands.\n\n"
            "The opposition leader's office said the vote would go ahead.\n\n"
            "'It is over,' she said.")
    assert texts(text, quoted_regions(text)) == ["'It is over,'"]


def test_lone_mark_between_spaces_closes_an_open_quote():
    text = "The festival’s theme is ‘The Medium is the Message ‘, after Marshall McLuhan’s famous line."
    assert texts(text, quoted_regions(text)) == ["‘The Medium is the Message ‘"]


def test_closing_marks_alone_open_nothing():
    text = "The leaders’ aides’ notes’ margins’ ’ ’ and the ’s’ of it’ all."
    assert quoted_regions(text) == []
    assert quotes(text) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab s.,:—\n'‘’“”\"") + ["Kim", "’s", " ’90s", " rock ’n’ roll", " said",
                                                               "s’ ", "\n\n"]),
                max_size=120).map("".join))
def test_any_single_marked_text_gives_ordered_disjoint_regions(text):
    regions = quoted_regions(text)
    for (_, end), (start, _) in zip(regions, regions[1:], strict=False):
        assert end <= start
    for start, end in regions:
        assert 0 <= start < end <= len(text)
        assert text[start] in "‘'“\"`„«"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(list("ab .,:\n'‘’") + ["Kim", "’s", " said", " she", "s’ "]), max_size=80)
       .map("".join))
def test_any_single_marked_text_gives_quotes_whose_offsets_slice_the_text(text):
    for q in quotes(text):
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_a_quote_may_open_with_a_number_but_an_elided_year_never_opens_one():
    assert summary("‘20 people died in the fire,’ the chief said.")[0][:1] == ("‘20 people died in the fire,’",)
    assert quotes("The class of ‘92 met the leaders’ aides.") == []
    assert quotes("The class of ‘92 met.") == []
