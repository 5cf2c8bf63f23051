"""find_quotes: quoted regions from the marks, speakers from the parse."""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.quotes import find_quotes, quoted_regions

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "korea-summits"
POLNEAR = REPO / ".." / "shared" / "data" / "polnear-train"


@lru_cache(maxsize=1)
def nlp():
    import spacy

    from storyline.annotate.pipeline import SPACY_MODEL

    return spacy.load(SPACY_MODEL, exclude=["lemmatizer"])


def quotes(text: str):
    return find_quotes(nlp()(text))


def only(text: str):
    found = [q for q in quotes(text) if q.kind != "scare"]
    assert len(found) == 1, found
    return found[0]


# --- the sample corpus ------------------------------------------------------------------------------


def test_trump_tweet_in_sample_op_ed_is_found_with_its_speaker():
    text = (SAMPLE / "003_6fc8fe7da1af5feb.txt").read_text(encoding="utf-8")
    found = quotes(text)
    tweet = next(q for q in found if q.text.startswith("“Just landed"))
    assert tweet.kind == "direct"
    assert tweet.speaker_text == "Trump"
    assert text[tweet.speaker_start:tweet.speaker_end] == "Trump"
    assert tweet.cue == "tweeted"


def test_ministry_statement_and_washington_insisting_in_sample_op_ed():
    text = (SAMPLE / "003_6fc8fe7da1af5feb.txt").read_text(encoding="utf-8")
    found = {q.text[:12]: q for q in quotes(text)}
    ministry = found["“Achieving d"]
    assert ministry.speaker_text == "the Chinese Ministry of Foreign Affairs"
    assert ministry.kind == "direct"
    insisted = found["“complete, v"]
    assert (insisted.speaker_text, insisted.kind) == ("Washington", "partial")
    assert found["“sense”"].kind == "scare" and found["“sense”"].speaker_text is None


def test_every_sample_quote_slices_its_own_text():
    for path in sorted(SAMPLE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for q in quotes(text):
            assert text[q.start:q.end] == q.text
            if q.speaker_start is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker_text


# --- written fixtures, one case each --------------------------------------------------------------------


def test_straight_quotes_attribution_after():
    q = only('The talks stalled. "We will not give up our weapons," the ambassador said on Monday.')
    assert (q.speaker_text, q.cue, q.kind) == ("the ambassador", "said", "direct")
    assert q.text == '"We will not give up our weapons,"'


def test_attribution_before_with_colon():
    q = only("Trump said: “The meeting was a great success for the world.”")
    assert (q.speaker_text, q.kind) == ("Trump", "direct")


def test_bare_name_and_colon_introduces_a_quote():
    q = only("Analysis of the turnout - Michael P. McDonald: “At long last the contests have started.”")
    assert (q.speaker_text, q.cue) == ("Michael P. McDonald", ":")


def test_quote_split_by_its_attribution_gives_one_speaker():
    found = quotes("“We are ready,” he told reporters, “and we will go to Hanoi.”")
    assert len(found) == 2
    assert {q.speaker_text for q in found} == {"he"}
    assert found[0].cue == "told reporters"


def test_inverted_attribution_keeps_the_name_not_the_apposition():
    q = only("“It is a good report,” said Geoff Garin, a Democratic pollster working for Priorities USA.")
    assert q.speaker_text == "Geoff Garin"


def test_multi_paragraph_quote_reopens_without_closing():
    text = ("Moon Jae-in said: “The peninsula has waited seventy years for this day.\n\n"
            "“We will not waste it, and neither will our neighbours.”\n\nThe crowd cheered.")
    found = quotes(text)
    assert len(found) == 1
    assert found[0].text.endswith("neighbours.”") and "\n\n" in found[0].text
    assert found[0].speaker_text == "Moon Jae-in"


def test_according_to():
    q = only("The summit will take place in June, according to a senior State Department official, "
             "who called it “a historic opportunity for peace.”")
    assert "official" in q.speaker_text


def test_according_to_names_the_source_of_a_quoted_statement():
    q = only("“The talks will resume next week,” according to the foreign ministry.")
    assert (q.speaker_text, q.cue) == ("the foreign ministry", "according to")


def test_in_a_statement_is_part_of_the_cue():
    q = only("“We welcome the agreement,” the Chinese Ministry of Foreign Affairs said in a statement.")
    assert q.speaker_text == "the Chinese Ministry of Foreign Affairs"
    assert q.cue == "said in a statement"


def test_trailing_dash_names_the_speaker():
    q = only("“Peace is the only option for the peninsula and for the world.” — Kim Dae-jung")
    assert q.speaker_text == "Kim Dae-jung"


def test_pronoun_speaker_is_kept_as_written():
    q = only("Kim arrived by train. “It was a long journey,” she said.")
    assert q.speaker_text == "she"


def test_next_sentence_quote_inherits_the_speaker():
    found = quotes("“We are ready,” Pompeo said. “The ball is in their court.”")
    assert [q.speaker_text for q in found] == ["Pompeo", "Pompeo"]


def test_next_sentence_after_a_no_break_space_inherits_the_speaker():
    found = quotes("“We are ready,” Pompeo said.\xa0“The ball is in their court.”")
    assert [q.speaker_text for q in found] == ["Pompeo", "Pompeo"]


def test_adjacent_cue_outranks_a_later_reporting_verb():
    found = quotes('"I never said that," Trump said, after the moderator said he had called Rubio a puppet.')
    assert [q.speaker_text for q in found] == ["Trump"]


def test_speaker_after_a_state_abbreviation_in_parentheses():
    q = only('"It reminds us how important this election is," Sen. Marco Rubio (R-Fla.) said on Saturday.')
    assert q.speaker_text == "Sen. Marco Rubio"


def test_name_apposition_then_cue():
    q = only("“It is not the position that everything is fine,” Gene Sperling, a top outside Clinton adviser, "
             "said at an event.")
    assert q.speaker_text == "Gene Sperling"


def test_statement_saying_names_the_sender():
    q = only('On Saturday, Trump issued a statement saying that the judge was "a remarkable person and a '
             'brilliant justice."')
    assert q.speaker_text == "Trump"


def test_quote_after_an_unquoted_attributing_sentence():
    found = [q for q in quotes("Sam Lau, the party's spokesman, said in a statement. “There are no paper "
                               "ballots to recount. The caucuses cannot be re-created.”") if q.kind != "scare"]
    assert [q.speaker_text for q in found] == ["Sam Lau"]


def test_no_name_taken_from_a_medium_before_a_colon():
    q = only("After the attack, a familiar voice celebrated the killings on Twitter: “We have already arrived with our "
             "soldiers.”")
    assert q.speaker_text == "a familiar voice"


def test_partial_quote_inside_a_sentence():
    q = only("Trump called the Iran deal “the worst deal ever negotiated” during the rally.")
    assert (q.speaker_text, q.kind) == ("Trump", "partial")


def test_scare_quote_has_no_speaker():
    found = quotes("The so-called “peace dividend” never arrived in the border towns.")
    assert [(q.kind, q.speaker_text) for q in found] == [("scare", None)]


def test_programme_title_is_not_a_quote_by_the_guest():
    found = quotes("Graham said on MSNBC's “Morning Joe” that the party was divided.")
    assert [q.speaker_text for q in found] == [None]


def test_nyt_doubled_apostrophes_are_quote_marks():
    q = only("''I felt embarrassed sometimes, but not unsafe,'' she said.")
    assert q.speaker_text == "she"
    assert q.text == "''I felt embarrassed sometimes, but not unsafe,''"


def test_apostrophes_and_possessives_do_not_open_quotes():
    text = "Trump’s team and the leaders' aides met in Kim's villa; the generals' plan held."
    assert quoted_regions(text) == []


def test_unclosed_quote_stops_at_its_paragraph():
    text = "He said “we will win the election.\n\nThe next paragraph has “a scare” phrase."
    regions = quoted_regions(text)
    assert regions[0] == (text.index("“we"), text.index("\n\n"))
    assert (text.index("“a scare”"), text.index("“a scare”") + len("“a scare”")) in regions


def test_odd_number_of_straight_quotes_recovers_at_the_paragraph_end():
    text = 'A stray " mark here.\n\n"Now a real quote," the spokesman said.'
    found = quotes(text)
    real = [q for q in found if q.text == '"Now a real quote,"']
    assert real and real[0].speaker_text == "the spokesman"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab .,:\n'\"“”‘’—-") + ["Trump", " said", "''"]), max_size=120).map("".join))
def test_any_text_gives_regions_that_slice_the_text(text):
    for start, end in quoted_regions(text):
        assert 0 <= start < end <= len(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list("ab .,:\n'\"“”—") + ["Trump", " said", " he", "''"]), max_size=80).map("".join))
def test_any_text_gives_quotes_whose_offsets_slice_the_text(text):
    for q in quotes(text):
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text


# --- PolNeAR: floors measured on 30 documents (benchmarks/quotes_polnear.py --limit 30: recall 0.995, speaker
# accuracy 0.924, precision 0.967) minus a margin ------------------------------------------------------------


def _benchmark():
    spec = importlib.util.spec_from_file_location("quotes_polnear", REPO / "benchmarks" / "quotes_polnear.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_polnear_recall_speaker_and_precision_floors():
    if not (POLNEAR / "text").is_dir():
        pytest.skip("../shared/data/polnear-train is absent: nothing to measure against")
    bench = _benchmark()
    docs = bench.documents(30)
    score = bench.Score()
    for (name, text, ann), sdoc in zip(docs, nlp().pipe([t for _, t, _ in docs]), strict=True):
        score.add(name, text, bench.read_gold(ann, text), [q.to_dict() for q in find_quotes(sdoc)], 0)
    assert score.failures == 0
    assert score.found / score.gold >= RECALL_FLOOR
    assert score.speaker_ok / score.with_source >= SPEAKER_FLOOR
    assert score.correct / score.predicted >= PRECISION_FLOOR


RECALL_FLOOR = 0.97
SPEAKER_FLOOR = 0.90
PRECISION_FLOOR = 0.94


def test_a_quote_right_after_a_finished_one_is_a_statement_not_a_fragment():
    found = [(q.text, q.kind) for q in quotes('The minister was asked about the deal. "No." "We are leaving," '
                                              'he said.')]
    assert found == [('"No."', "direct"), ('"We are leaving,"', "direct")]
    # a fragment after a fragment stays partial
    assert [q.kind for q in quotes('He called it "a disaster" "and a shame," he said.')] == ["partial", "partial"]


# --- speakers the parser hangs on the wrong verb ---------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    # a participle cue parsed onto the main verb: the subordinate clause just before it says who
    ("It was a potent one-two punch, as Mrs. Clinton echoed the criticism, saying Mr. Trump ''reminds us "
     "every day that he's not in it for the American people''.", "Mrs. Clinton"),
    ("The first incident came during a speech, when Sanders protesters interrupted her speech, shouting "
     "“she wins, we lose!”", "Sanders protesters"),
    # a second cue parsed as part of the reported clause goes with the first
    ("De Blasio said the move was made by NYPD commissioner Bill Bratton and said, “Who are you going to "
     "trust on security?”", "De Blasio"),
    ("Trump said the deal was bad, adding, “It is a disaster.”", "Trump"),
    # a colon after a clause with its own subject: that subject, not the one of a clause before
    ("In the hours after 14 people were killed in San Bernardino, a familiar voice celebrated the attacks on "
     "Twitter: ''California, we have already arrived with our soldiers.''", "a familiar voice"),
    # but a person-naming subject stays: no clause between
    ("The spokesman refused to answer questions on who Cameron would like to see win but said there was no "
     "meeting planned, adding: “If one is proposed we will consider it.”", "The spokesman"),
])
def test_speaker_when_the_parse_attaches_the_cue_elsewhere(text: str, speaker: str) -> None:
    assert only(text).speaker_text == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # copy that closed the quote with a period, then a short attribution
    ("He spoke Wednesday. “Russia, if you’re listening, I hope you find the emails.” Trump said. Clinton "
     "disagreed.", "Trump"),
    # an inverted verb outside the cue lexicon, with a name
    ("The crowd cheered. “This is fantastic!” beamed Donald Hartley of Madison, Alabama, who snuck onto the "
     "floor.", "Donald Hartley"),
    # the parse gave the cue no subject: the name right before it, past a parenthesis
    ("While discussing a tweet from Donald Trump featuring an image of Hillary Clinton, Speaker of the House "
     "Rep. Paul Ryan (R-WI) said “anti-Semitic images, they’ve got no place in a presidential campaign.”",
     "House Rep. Paul Ryan"),
    # a participle cue the parser hangs on a verb inside the quote
    ("Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, “Some people get a little "
     "carried away, have you noticed that?”", "Clinton"),
    # a colon after verbs the parser joins loosely ("leaned" as dep), and an inverted cue before a colon
    ("Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”",
     "Trump"),
    ("He spoke. Continued Stone: “So I think it’s a very real problem.”", "Stone"),
    # across a paragraph break, a sentence that puts out a statement speaks the quote that follows
    ("At Brazile’s direction, the DNC issued a statement apologizing to Sanders for the emails.\n\n“On behalf "
     "of everyone at the DNC, we want to offer a deep and sincere apology. We are taking action.”", "the DNC"),
    # a title the tokenizer cut from its name (PolNeAR: the speaker was "Army Capt", an organisation)
    ("Some of those surveyed shared their concerns.\n\n“The candidates left just don’t understand the military,” "
     "said Army Capt. Christian Pardo, who said he would not vote for either.", "Army Capt. Christian Pardo"),
])
def test_speaker_in_loosely_written_attributions(text: str, speaker: str) -> None:
    assert only(text).speaker_text == speaker


def test_a_paragraph_reporting_someone_does_not_speak_the_next_paragraphs_quote() -> None:
    found = only("Ms. Lopez told CNN the skywriters flew over the stadium.\n\n“America is great! Trump is "
                 "disgusting, and everybody in this stadium knows it by now.”")
    assert found.speaker_text is None


def test_a_term_given_in_the_passive_has_no_speaker():
    for text in ("When HP occurs in a person breeding pigeons, it is called “pigeon breeder’s lung.”",
                 "Breathing in mold from hay can lead to what’s called “farmer's lung,” not to be confused "
                 "with a tan."):
        assert all(q.speaker_text is None for q in quotes(text)), text
    assert only("Trump called the deal “a disaster.”").speaker_text == "Trump"


def test_with_people_doing_the_saying_they_speak():
    text = ("Another cloud of choking smoke and dust is set to descend upon Delhi this week, with forecasters "
            "warning that air pollution is likely to reach “severe” or “emergency” levels on Wednesday.")
    assert {q.speaker_text for q in quotes(text)} == {"forecasters"}


def test_put_is_a_cue_only_as_in_as_he_put_it():
    assert only("“We will win,” as Trump put it.").speaker_text == "Trump"
    assert only("It just puts fear in people, if you tell people, 'We have to get these people out!'"
                ).speaker_text != "It"


def test_a_passive_cue_is_the_agents_or_no_ones():
    # the passive subject is what was said about, not who said it
    assert only("The plan was described as “a disaster for working families” by the union's president."
                ).speaker_text == "the union's president"
    assert only("The deal was hailed as “a historic step toward lasting peace” by both leaders on Tuesday."
                ).speaker_text == "both leaders"
    assert all(q.speaker_text is None for q in quotes(
        "The observed volume is much higher than what is predicted to result from “exogenic” processes."))
    # the passive subject of "quoted" or "heard" is still the one speaking
    assert only("The senator was quoted as saying “we will never back down from this fight.”"
                ).speaker_text == "The senator"
    # nor is the one asked: "The minister was asked about the deal. “No.”"
    assert quotes('The minister was asked about the deal. "No."')[0].speaker_text == "The minister"
    # "as expressed in …" is a passive with its subject left out: no one, not the sentence's subject
    text = ("His seeming principled concern stands in stark contrast to Andrew’s otherwise “lack of remorse” or "
            "“sympathy” with the victims, as expressed in the BBC interview.")
    assert [q.speaker_text for q in quotes(text)] == [None, None]
    assert only("The economy is “in good shape, with solid growth,” as reported by the Federal Reserve."
                ).speaker_text == "the Federal Reserve"


def test_a_verb_in_a_list_of_deeds_is_the_subjects_not_the_object_before_it():
    found = [q for q in quotes("During the call, he asked about the Muslim Brotherhood, called Omar a “terrorist” "
                               "and hung up.")]
    assert [q.speaker_text for q in found] == ["he"]


def test_in_the_words_of_names_the_speaker_before_a_colon():
    assert only("Here is how bad things got in the words of the patient: “Two months after the onset of the "
                "symptoms, I was unable to stand or walk.”").speaker_text == "the patient"


@pytest.mark.parametrize("text", [
    "The Corrs’ song “Breathless” probably doesn’t refer to a duvet.",
    "Artists share their interpretation of the central theme ‘The Medium is the Message’. All artworks will be lit.",
])
def test_a_title_after_the_noun_of_its_kind_has_no_speaker(text):
    assert all(q.speaker_text is None for q in quotes(text))


def test_quote_marks_inside_markup_left_in_plain_text_are_not_quotations():
    text = ('<tweet author="@realDonaldTrump" datetime="2016-06-29" tweet_id="747986907162877952">Mike Tyson was '
            'not asked to speak at the convention.</tweet> He said “It was a lie.”')
    found = quotes(text)
    assert [q.text for q in found] == ["“It was a lie.”"]
    assert text[found[0].start:found[0].end] == found[0].text


def test_a_show_between_two_parts_of_a_quote_is_a_title_and_the_quote_goes_on():
    found = quotes("“I have always said that I expect to be vetted,” he said on “Meet the Press.” “But being vetted "
                   "like this is new to me.”")
    assert [(q.text, q.speaker_text) for q in found] == [
        ("“I have always said that I expect to be vetted,”", "he"), ("“Meet the Press.”", None),
        ("“But being vetted like this is new to me.”", "he")]
    told = quotes("But he told ABC’s “Good Morning America” that he agrees Trump is a “total opportunist.”")
    assert [q.speaker_text for q in told if q.text.startswith("“Good")] == [None]


def test_a_title_is_judged_within_its_sentence():
    # the words before a quote that opens a sentence are not its preposition ("in South Carolina. “With …”")
    assert only("He looked to the February 20 primary in South Carolina. “With an eye to February 20th, "
                "Carolina,” he said.").speaker_text == "he"
    # a double space before the title is still "on “Meet the Press”"
    found = quotes("“I expect to be vetted,” he said on  “Meet the Press.” “But this is new to me.”")
    assert [q.speaker_text for q in found] == ["he", None, "he"]


def test_a_cue_without_a_subject_takes_the_name_before_a_participle_set_off_by_commas():
    text = ("The issue had come up Friday after Mr. Trump, asked about the deaths of journalists under Mr. Putin, "
            "had said, ''I think our country does plenty of killing also.''")
    assert only(text).speaker_text == "Mr. Trump"


def test_a_participle_joined_to_been_with_a_by_agent_is_the_agents():
    text = ("Human hibernation has been the subject of initial research within ESA's Basic Activities, then "
            "recommended as a key \"enabling technology\" for space by the Agency's Future Technology Advisory Panel.")
    assert only(text).speaker_text == "the Agency's Future Technology Advisory Panel"
    # "was angry and said" is no passive
    assert only('He was angry and said "we will fight this to the very end."').speaker_text == "He"


def test_a_dash_before_a_common_noun_that_goes_on_is_an_apposition_not_a_speaker():
    text = 'The crew would be given a drug to induce "torpor"—the term for the hibernating state.'
    assert [q.speaker_text for q in quotes(text)] == [None]
    assert only('"We will never surrender to them." — a Trump supporter.').speaker_text == "a Trump supporter"


def test_maintaining_a_level_is_not_saying():
    text = ('The mission would be designed with optimum use of artificial intelligence and "fault detection, '
            'isolation and recovery" to maintain a minimum level of system performance.')
    assert [q.speaker_text for q in quotes(text)] == [None]
    assert only('"We did nothing wrong at any point," he maintained.').speaker_text == "he"


def test_a_fragment_deep_in_a_phrase_is_not_reported_by_a_cue_far_on():
    text = ("His repeated claims of having no memory of events or knowledge of Epstein’s “unbecoming” behavior "
            "(classic aloof royal understatement) were contrasted with his laser-like memory of an alibi he "
            "cited of being at a pizza restaurant.")
    assert [q.speaker_text for q in quotes(text)] == [None]
    assert only("The deal was “sad and pathetic,” he told CNN on Monday.").speaker_text == "he"


def test_titles_with_small_words_after_where_they_air_and_with_subtitles_have_no_speaker():
    for text in ("Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said the plan would fail.",
                 "In an interview with CNN’s “The Lead with Jake Tapper,” on June 3, Trump continued his attacks.",
                 "In his autobiography, ''A Time for Truth,'' published in 2015, Mr. Cruz described his youth.",
                 # a book title with a subtitle
                 'Walter Hewlett wrote in his book, "Backfire: Carly Fiorina\'s High-Stakes Battle for the Soul of '
                 'Hewlett-Packard." The board disagreed.'):
        assert all(q.speaker_text is None for q in quotes(text)), text


def test_a_short_quote_in_title_case_words_is_still_a_quote():
    assert only("Clinton told the cheering crowd in Las Vegas, “This one is for you.”").speaker_text == "Clinton"


def test_verbs_of_voice_introduce_quotes():
    assert only("She thanked her home state and then boomed, ''Today, you proved once again, there's no place "
                "like home.''").speaker_text == "She"
    assert only('He voiced a wish for a "strong, prosperous and vibrant Mexico," and left.').speaker_text == "He"
    assert only("“Go back to Univision,” Trump barked and a guard escorted Ramos out.").speaker_text == "Trump"


def test_a_name_the_tagger_did_not_know_still_speaks_after_said():
    text = ("“Having access to the RNC file and two people who understand it is valuable,” said Skelly, explaining "
            "he worked more closely with Chrabaszcz.")
    assert only(text).speaker_text == "Skelly"


def test_a_second_title_joined_to_a_first_is_a_title_too():
    text = ("Serafinowicz, who’s starred in “Parks and Recreation” and “Guardians of the Galaxy,” posted the clip "
            "to YouTube on Thursday.")
    assert [q.speaker_text for q in quotes(text)] == [None, None]
    # two quoted phrases of one speaker stay his
    assert [q.speaker_text for q in quotes("He said “we will win” and “they will lose,” the senator added.")] \
        == ["He", "He"]


def test_a_period_closes_an_abbreviation_or_a_sentence_however_long_the_text_before():
    from storyline.annotate.quotes import _abbreviation_at

    lead = "A long paragraph before it goes on and on. " * 50
    for text, closes in [("said Sen.", True), ("in the U.S.", True), ("John F.", True), ("Gen.", True),
                         ("said MSen.", False), ("the end.", False), ("in 2018.", False)]:
        assert _abbreviation_at(text, len(text)) is closes, text
        assert _abbreviation_at(lead + text, len(lead + text)) is closes, text


def test_of_two_subjects_apart_the_one_nearest_the_cue_speaks():
    # the parser hangs the town's state on "said" too
    q = only("Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the Republican "
             "presidential primary, Gov.\u00a0John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon. "
             "We’re going to have the wind blow us over the Rocky Mountains to California.”")
    assert q.speaker_text.endswith("John Kasich")


def test_a_quote_after_a_dash_is_the_question_of_the_inverted_cue_after_it():
    found = quotes("If Russia is indeed attempting to destabilize the election — as many researchers believe, and "
                   "Democrats are alleging, but Moscow strongly denies — “why wouldn’t you want to raise the "
                   "potential?” asked Dunn, now a partner at a communications firm. “I think it’s only prudent "
                   "for people to raise that possibility.”")
    assert [q.speaker_text for q in found] == ["Dunn", "Dunn"]


def test_a_verb_of_feeling_before_a_colon_gives_the_floor_to_its_object():
    q = only("The timing of Sanders’ surge doesn’t surprise Republican pollster Daron Shaw: “Historically, "
             "lesser-known candidates beating establishment candidates have seen the biggest boost.”")
    assert q.speaker_text.endswith("Daron Shaw")
    q = only("Trump went after Hillary Clinton: “She is a very dishonest person and she cannot be trusted.”")
    assert q.speaker_text == "Trump"


def test_a_line_of_its_own_after_the_quote_names_the_speaker_after_a_dash():
    text = ('"[Americans are] worried about the future of their kids, and yet almost all new income and wealth '
            'is going to the top 1 percent."\n\n- Bernie Sanders.\n\nThe senator is relying on an outdated '
            'statistic.\n\n"Great speech. She\'s tested. She\'s ready. She never quits."\n\n-President Obama, '
            "tweeting after Clinton's speech.\n\n\"The economy is doing fine, whatever they say.\"\n\nThe next "
            "line is prose - and it goes on about other things for a while without naming anyone at all.")
    found = [q for q in quotes(text) if q.kind != "scare"]
    assert [q.speaker_text for q in found] == ["Bernie Sanders", "President Obama", None]
    # a description set off by dashes on a line of its own is an aside, not a byline
    text = ("“So I think that there is resistance among many Americans against seeing their country change.”"
            "\n\n– An immigrant himself –.\n\nRamos, who lives in Miami, considers him a friend.")
    assert only(text).speaker_text != "An immigrant himself"


def test_as_someone_put_it_names_the_speaker_the_parser_hung_on_as():
    q = only("As Akhil Amar, professor of constitutional law at Yale and author of ''America's Unwritten "
             "Constitution,'' put it, ''Senate Republicans should remember that a compromise candidate today "
             "may be far better for them than the justice they may get stuck with.''")
    assert q.speaker_text.endswith("Akhil Amar")
