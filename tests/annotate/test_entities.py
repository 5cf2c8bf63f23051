"""find_mentions on the sample corpus (real op-eds) and on written fixtures for the edge cases."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import pytest

from storyline.annotate.entities import defined_acronyms, find_mentions
from storyline.model import Mention

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "korea-summits"


@lru_cache(maxsize=1)
def nlp():
    from storyline.annotate.pipeline import load_nlp

    return load_nlp()  # the pipeline as annotate runs it (no lemmatizer)


@cache
def parsed(text: str):
    return nlp()(text)


def mentions_of(text: str) -> list[Mention]:
    return find_mentions(parsed(text))


@pytest.fixture(scope="module")
def sample() -> dict[str, list[Mention]]:
    return {p.name: mentions_of(p.read_text(encoding="utf-8")) for p in sorted(SAMPLE.glob("*.txt"))}


def test_offsets_slice_the_text_to_the_mention(sample):
    for path in sorted(SAMPLE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in sample[path.name]:
            assert text[m.start:m.end] == m.text


def test_bare_trump_is_a_person_named_donald_trump_everywhere(sample):
    trumps = [m for ms in sample.values() for m in ms if m.text == "Trump"]
    assert len(trumps) >= 20
    assert {m.label for m in trumps} == {"PERSON"}
    assert {m.name for m in trumps} == {"Donald Trump"}


def test_dprk_and_the_official_name_are_gpe_named_north_korea(sample):
    doc = sample["003_6fc8fe7da1af5feb.txt"]
    dprk = [m for m in doc if m.text == "DPRK" or "Republic of Korea" in m.text]
    assert len(dprk) >= 10
    assert {(m.label, m.name) for m in dprk} == {("GPE", "North Korea")}


def test_kim_is_named_by_the_full_name_the_document_gives(sample):
    for name, full in (("000_87ab3ee824737c20.txt", "Kim Jong-un"), ("003_6fc8fe7da1af5feb.txt", "Kim Jong Un")):
        kims = [m for m in sample[name] if m.text == "Kim"]
        assert kims and {(m.label, m.name) for m in kims} == {("PERSON", full)}


def test_hyphenated_given_name_stays_whole(sample):
    texts = [m.text for m in sample["004_c87f3f784faec3fe.txt"] if m.label == "PERSON"]
    assert "Moon Jae-in" in texts
    assert "Moon Jae" not in texts


def test_no_mention_keeps_a_leading_the_a_possessive_or_trailing_punctuation(sample):
    for ms in sample.values():
        for m in ms:
            assert not m.text.lower().startswith("the ")
            assert not m.text.endswith(("-", "'s", "\u2019s", "\u2019", ",", ":"))


def test_hyphen_compound_of_two_known_names_is_two_people(sample):
    doc = sample["000_87ab3ee824737c20.txt"]
    compound = [m for m in doc if 700 < m.start < 740]  # "a third Kim-Trump meeting"
    assert [(m.text, m.name) for m in compound] == [("Kim", "Kim Jong-un"), ("Trump", "Donald Trump")]


def test_given_name_tagged_org_is_a_person_and_platform_tagged_person_is_org(sample):
    labels = {m.text.replace("\u00a0", " "): m.label for ms in sample.values() for m in ms}
    assert labels["Bruce Cumings"] == "PERSON"
    assert labels["Twitter"] == "ORG"


def test_country_codes_and_dotted_forms_take_the_canonical_country_name(sample):
    names = {m.text: m.name for ms in sample.values() for m in ms if m.label == "GPE"}
    assert names["U.S."] == names["US"] == names["United States"] == "United States"


def test_titles_and_nationality_are_not_part_of_the_person():
    ms = mentions_of("Prime Minister Boris Johnson met French President Emmanuel Macron in Paris on Monday. "
                     "Johnson said the talks went well.")
    people = {m.name for m in ms if m.label == "PERSON"}
    assert people == {"Boris Johnson", "Emmanuel Macron"}
    assert [m.name for m in ms if m.text == "Johnson"] == ["Boris Johnson"]


def test_acronym_defined_in_the_text_is_named_by_its_long_form():
    text = ("Inspectors from the International Atomic Energy Agency (IAEA) arrived in Tehran on Monday. "
            "The IAEA has asked for access to three sites.")
    assert defined_acronyms(text) == {"IAEA": "International Atomic Energy Agency"}
    iaea = [m for m in mentions_of(text) if m.text == "IAEA"]
    assert len(iaea) == 2
    assert {m.name for m in iaea} == {"International Atomic Energy Agency"}


def test_capital_speaking_is_the_state_and_capital_travelled_to_is_the_city():
    ms = mentions_of("Beijing warned on Tuesday that the sanctions would backfire. "
                     "The minister flew to Beijing on Wednesday.")
    beijing = [m for m in ms if m.text == "Beijing"]
    assert [m.name for m in beijing] == ["China", "Beijing"]


@pytest.mark.parametrize("text", [
    "Kim Jong-un visited Beijing last week.",  # a motion verb in any form (there is no lemmatizer)
    "Thirty artworks will light up the city center of Beijing for the seventh year.",
    "Residents of Beijing woke to thick smog.",
])
def test_a_capital_visited_or_lived_in_is_the_city(text):
    assert [m.name for m in mentions_of(text) if m.text == "Beijing"] == ["Beijing"]


def test_capitals_in_talks_between_governments_are_the_states():
    ms = mentions_of("The talks between Washington and Moscow stalled again last week, officials said.")
    assert {m.text: m.name for m in ms if m.label == "GPE"} == {"Washington": "United States", "Moscow": "Russia"}


def test_washington_dc_as_destination_stays_the_city(sample):
    doc = sample["003_6fc8fe7da1af5feb.txt"]
    dc = [m for m in doc if m.text.startswith("Washington DC")]
    assert dc and dc[0].name == "Washington DC"
    insisted = [m for m in doc if m.text == "Washington"]  # "Washington insisted on ..."
    assert insisted and insisted[0].name == "United States"


def test_sentence_index_points_at_the_sentence_holding_the_mention():
    text = "Angela Merkel spoke first. Then Emmanuel Macron answered."
    doc = parsed(text)
    sents = list(doc.sents)
    for m in find_mentions(doc):
        assert sents[m.sentence].start_char <= m.start < sents[m.sentence].end_char


def test_the_other_name_in_a_two_leader_summit_compound_is_a_person():
    found = mentions_of("Donald Trump flew home on Wednesday. The Trump-Kim summit eased tensions, analysts said.")
    assert ("Kim", "PERSON") in {(m.text, m.label) for m in found}


def test_a_hyphenated_place_before_a_gathering_noun_is_not_made_a_person():
    found = mentions_of("Donald Trump flew home on Wednesday. The Trump-era summit eased tensions, analysts said.")
    assert not any(m.text == "era" for m in found)


def test_a_full_name_cut_by_a_later_repair_does_not_break_the_document():
    # PolNeAR breitbart_2016-06-20: "Syrian Pres. Bashar al-Assad" then "Assad" crashed the naming step.
    text = ("The single biggest factor that led to the rise of ISIS was the failed attempt to overthrow Syrian "
            "Pres. Bashar al-Assad. The United States openly called for the overthrow of Assad.")
    found = mentions_of(text)
    assert any(m.label == "PERSON" and "Assad" in m.name for m in found)
    assert all(text[m.start:m.end] == m.text for m in found)


def test_the_north_in_the_sample_op_ed_is_north_korea(sample):
    north = [m for ms in sample.values() for m in ms if m.text == "North"]
    assert north and all((m.label, m.name) == ("GPE", "North Korea") for m in north)


def test_the_north_and_south_resolve_only_to_a_named_country():
    named = {m.text: m.name for m in mentions_of(
        "Seoul and Pyongyang met. The South offered aid, and the North refused. South Korea and North Korea "
        "are still at war.")}
    assert named["South"] == "South Korea" and named["North"] == "North Korea"
    place = {m.text: m for m in mentions_of("Storms hit the North of England. North Korea tested missiles.")}
    assert "North of England" in place and place["North of England"].name != "North Korea"
    alone = [m for m in mentions_of("Voters in the North turned out early.") if m.text == "North"]
    assert all(m.name != "North Korea" for m in alone)


def test_the_south_stays_the_american_south_when_south_korea_is_named_in_passing():
    found = [m for m in mentions_of(
        "The senator campaigned across the South on Tuesday. Voters in Georgia and Alabama cheered. He said "
        "steel imports from South Korea hurt local mills.") if m.text == "South"]
    assert all(m.name != "South Korea" for m in found)


def test_the_house_is_not_the_white_house_and_a_state_tagged_person_stays_a_place():
    found = mentions_of("The White House said the House would vote on Tuesday. Iowa caucus is first look at "
                        "the race. Mr. Sanders campaigned in Iowa, and he stuck to his message.")
    house = [m for m in found if m.text == "House"]
    assert house and all(m.name != "White House" for m in house)
    assert all(m.label != "PERSON" for m in found if m.text == "Iowa")


def test_an_all_lower_case_word_is_not_an_entity():
    found = mentions_of("The former secretary of state met Colin Powell. Rebels hid in the bush, and the council "
                        "of representatives met in absentia.")
    assert all(any(ch.isupper() for ch in m.text) for m in found)
    assert any(m.name == "Colin Powell" for m in found)


def test_a_place_named_after_a_person_is_not_a_person():
    found = {m.text: m.label for m in mentions_of(
        "Another memorial has grown outside the Muhammad Ali Center in Louisville, where Muhammad Ali grew up.")}
    assert found.get("Muhammad Ali Center") == "ORG" and found.get("Muhammad Ali") == "PERSON"


def test_a_big_city_a_tagger_once_called_a_person_stays_a_place():
    # spaCy tags "Delhi’s" PERSON in the first sentence (seen in a real article-bodies-dev page)
    found = mentions_of("Delhi’s air wasn’t always so bad. Schools in Delhi closed on Monday as smog covered "
                        "the city. Residents of Delhi wore masks.")
    delhi = [m for m in found if m.text.startswith("Delhi")]
    assert len(delhi) >= 2 and all(m.label != "PERSON" for m in delhi)


def test_a_name_with_a_digit_is_not_a_person():
    assert all(m.label != "PERSON" for m in mentions_of("Thunderbolt 3 Apple sells the cable for $40.")
               if any(ch.isdigit() for ch in m.text))


def test_a_social_platform_is_never_a_person():
    found = mentions_of("Hillary Clinton took to Twitter to say thanks. Jenna Golden, Twitter’s director of "
                        "political advertising, said Facebook was next.")
    assert all(m.label != "PERSON" for m in found if m.text.startswith(("Twitter", "Facebook")))


def test_the_surname_he_is_part_of_the_name_not_the_pronoun():
    text = ("China's vice premier Liu He led the talks. “Without rolling back some of the tariffs, it is hard "
            "to see a deal,” He Jianxiong, a former IMF director, said. He added that the talks were hard.")
    names = {(m.text, m.name) for m in mentions_of(text) if m.label == "PERSON"}
    assert ("He Jianxiong", "He Jianxiong") in names
    # the pronoun opening a sentence stays a pronoun, and no "He" stands for Liu He
    assert not any(t == "He" for t, _ in names)
    # after a quoted question the tagger opens a sentence at "He", but still reads it as a name
    text = ("“Then what is the incentive of implementing this deal on the Chinese part?” He Jianxiong, a former "
            "IMF director, said at a Nov. 6 event.")
    assert "He Jianxiong" in {m.text for m in mentions_of(text) if m.label == "PERSON"}


def test_a_team_and_position_before_a_name_are_not_the_name():
    text = ("Browns DL Sheldon Richardson weighed in on Monday. The Browns lost, and Richardson said the fight "
            "was ugly.")
    people = {m.text: m.name for m in mentions_of(text) if m.label == "PERSON"}
    assert people.get("Sheldon Richardson") == "Sheldon Richardson"
    # the team is not the player
    assert people.get("Browns") != "Sheldon Richardson"


def test_a_trademark_sign_is_not_part_of_a_name():
    names = {m.text for m in mentions_of("The jam uses SweeTARTS® candy and ® Honey from Nestlé™ farms in Ohio.")}
    assert not any(ch in name for name in names for ch in "®™©")


def test_a_royal_or_papal_title_stays_with_a_single_given_name():
    text = ("Prince Andrew denied the claims in an interview with the BBC. Andrew said he had no memory of the "
            "meeting. Pope Francis and King Charles III did not comment; President Joe Biden did.")
    names = {m.text: m.name for m in mentions_of(text) if m.label == "PERSON"}
    assert names.get("Prince Andrew") == "Prince Andrew" and names.get("Andrew") == "Prince Andrew"
    assert "Pope Francis" in names and "Joe Biden" in names


@pytest.mark.parametrize("text, name", [
    ("Chris Tang, Hong Kong’s new police commissioner, said it would end.", "Hong Kong"),
    ("A case of the plague has been reported in China – with the public beginning to worry.", "China"),
    ("DUBAI, United Arab Emirates — The carrier said it would grow.", "United Arab Emirates"),
    ("Tariffs have also strengthened the United States’ leverage.", "United States"),
])
def test_a_completed_country_name_keeps_no_dash_or_possessive(text, name):
    found = [m for m in mentions_of(text) if m.name == name]
    assert [m.text for m in found] == [name]


def test_a_common_word_opening_a_sentence_is_not_a_person():
    text = ("Rep. David McKinley said the flow of drugs across the border is the reason.\n\n"
            "Border agents \"say you have got to pay attention to this,\" he said.")
    assert "Border" not in {m.text for m in mentions_of(text)}
    # a surname the document gives in full stays a person, capital at a sentence start or not
    assert {m.name for m in mentions_of("Andrew Young spoke first. Young said the young people came.")} \
        == {"Andrew Young"}


def test_a_surname_alone_is_the_full_name_that_ends_in_jr():
    text = ("Patrick W. Carlineo Jr., 55, pleaded guilty. Carlineo faces ten years. James P. Kennedy Jr., the U.S. "
            "Attorney, spoke. Kennedy said the case mattered.")
    names = {m.text: m.name for m in mentions_of(text) if m.label == "PERSON"}
    assert names["Carlineo"] == "Patrick W. Carlineo Jr."
    assert names["Kennedy"] == "James P. Kennedy Jr."


def test_gigabytes_and_rgb_lighting_are_not_guinea_bissau():
    from storyline.annotate.gazetteer import country_name

    # initialisms are of whole words: a hyphenated name is one word
    assert country_name("GB") is None and country_name("RGB") is None
    assert country_name("DPRK") == "North Korea" and country_name("UAE") == "United Arab Emirates"
    text = "The MacBook Pro comes with 512GB of flash storage and 32 GB of RAM. The monitor has RGB lighting."
    assert not [m for m in mentions_of(text) if m.label == "GPE"]


def test_stories_about_a_capital_are_about_the_city():
    text = ("The festival shows remarkable stories about Amsterdam. Talks with Pyongyang stalled, and "
            "Washington insisted on sanctions.")
    names = {m.text: m.name for m in mentions_of(text)}
    assert names["Amsterdam"] == "Amsterdam"
    assert names["Washington"] == "United States"


def test_a_business_named_after_its_founder_and_a_product_with_a_sign_are_not_people():
    found = {m.text: m.label for m in mentions_of(
        "At no time did Dick Clark Productions agree to it. Walt Disney Studios released the film, which "
        "streams on Disney+. Walt Disney was born in 1901.")}
    assert found["Dick Clark Productions"] == "ORG" and found["Walt Disney Studios"] == "ORG"
    assert found.get("Disney+", "ORG") == "ORG"
    assert found["Walt Disney"] == "PERSON"


def test_days_of_a_schedule_are_no_actor():
    found = {m.text for m in mentions_of("Performances run Tue-Fri 8PM, Sat 4PM (Closed on Sun & Mon). "
                                         "Sun Microsystems sponsors them.")}
    assert "Sun & Mon" not in found and "Sun Microsystems" in found


def named(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.name) for m in mentions_of(text)]


def test_a_capitalised_word_before_a_name_is_not_part_of_it():
    # found analyzing the 840 PolNeAR articles: "Certainly Donald Trump", "Kentuckian Rand Paul" were actors
    assert ("Donald Trump", "PERSON", "Donald Trump") in named(
        "“Certainly Donald Trump has gone in the opposite direction,” she said.")
    assert [t for t, label, _ in named("House Republican Thomas Massie used to support fellow Kentuckian Rand Paul.")
            if label == "PERSON"] == ["Thomas Massie", "Rand Paul"]
    assert ("Jeb Bush", "PERSON", "Jeb Bush") in named("Donald Trump Booed After Telling Jeb Bush To Pipe Down")
    assert ("Roger Ailes", "PERSON", "Roger Ailes") in named(
        "They met at Mr. Trump's golf club at Bedminster, N.J. Roger Ailes, the former chairman, came too.")
    # a given name is never taken for such a word
    assert ("Will Smith", "PERSON", "Will Smith") in named("Will Smith said it.")


def test_a_word_before_a_name_the_document_spells_without_it_is_dropped():
    text = "They have mixed feelings about apoplectic Cheeto Donald Trump, they said. Donald Trump won Indiana."
    assert [t for t, label, _ in named(text) if label == "PERSON"] == ["Donald Trump", "Donald Trump"]


def test_the_office_in_a_title_and_the_first_word_of_a_named_day_are_no_actor():
    found = named("Secretary of State John Kerry met State Senator José Rodríguez on Super Tuesday in Texas.")
    assert [t for t, _, _ in found] == ["John Kerry", "José Rodríguez", "Texas"]
    assert [t for t, _, _ in named("pro-Clinton groups decried anti-Muslim rhetoric.")] == []


def test_the_islamic_state_is_one_organisation():
    assert ("Islamic State", "ORG", "Islamic State") in named("They fought the rise of the Islamic State in Iraq.")


def test_a_building_named_after_a_man_is_not_the_man():
    found = named("The Trump campaign paid $72,800 in rent for Trump Tower. Donald Trump said it was fair.")
    assert ("Trump Tower", "FAC", "Trump Tower") in found
    assert ("Trump", "PERSON", "Donald Trump") in found
    # an institution after a name: "the Obama White House" is the White House of that time, not Obama
    found = named("Aides in the Obama White House said so. The White House denied it. Barack Obama left.")
    assert [label for text, label, _ in found if text == "Obama White House"] == ["ORG"]
    assert ("Barack Obama", "PERSON", "Barack Obama") in found


def test_us_states_in_ap_style_and_postal_codes_are_the_states():
    found = named("ORLANDO, Fla. — Hillary Clinton won SC after the South Carolina primary, then flew to "
                  "Calif. and N.H. and later spoke in Columbia, SC.")
    states = [(t, name) for t, label, name in found if label == "GPE"]
    assert ("Fla", "Florida") in states and ("Calif", "California") in states
    assert ("N.H.", "New Hampshire") in states
    assert ("SC", "South Carolina") in states  # after a place; "won SC" is tagged ORG and left alone


def test_washington_the_state_is_not_washington_the_government():
    found = named("OLYMPIA, Wash. — The governor of Washington state said Washington must act on trade.")
    places = [(t, name) for t, label, name in found if label == "GPE"]
    assert ("Wash", "Washington State") in places
    assert ("Washington", "Washington State") in places  # "Washington state"
    assert ("Washington", "United States") in places  # the capital that acts is the government


def test_two_letters_are_no_country_but_the_united_ones():
    from storyline.annotate.gazetteer import country_name

    assert [country_name(c) for c in ("US", "U.K.", "SC", "PM", "HR", "AI", "DPRK", "UAE")] == [
        "United States", "United Kingdom", None, None, None, None, "North Korea", "United Arab Emirates"]


def test_a_possessive_typed_with_a_left_quote_and_a_trailing_ellipsis_are_not_part_of_a_name():
    found = named("A CNN segment tonight on Donald Trump‘s remarks devolved. Trump‘s comments flooded out of Syria …")
    assert [t for t, _, _ in found] == ["CNN", "Donald Trump", "Trump", "Syria"]


def test_a_dateline_defines_no_acronym():
    assert defined_acronyms("Officials spoke at the Pentagon.\n\nWASHINGTON (AP) — The Senate voted.") == {}
    assert defined_acronyms("The Associated Press (AP) reported it.") == {"AP": "Associated Press"}


def test_a_bare_surname_shared_by_namesakes_is_the_main_persons():
    # found reading the 840 PolNeAR articles: "Mr. Trump" went to Ivana, Freddy or Melania Trump, or to the
    # "Trump Shuttle", whichever full name the article had last spelled out
    def trumps(text: str) -> list[str]:
        return [name for t, label, name in named(text) if t == "Trump" and label == "PERSON"]

    assert trumps("Donald J. Trump spoke at his club on Sunday. His first wife, Ivana Trump, was not there. "
                  "The former Mrs. Trump declined to comment. Mr. Trump said he was fine.") == [
        "Ivana Trump", "Donald J. Trump"]  # the honorific tells them apart
    assert trumps("Donald Trump held a rally in Ohio. Melania Trump spoke on Monday night. Trump said he was "
                  "proud of her. Trump supporters cheered as Trump said he would win.") == ["Donald Trump"] * 3
    # the pronouns after the bare name tell the main person: Hillary Clinton, not her husband
    assert [name for t, label, name in named(
        "Hillary Clinton spoke in Iowa. Bill Clinton watched from the side. Clinton said she would fight, "
        "and Clinton told reporters she was ready.") if t == "Clinton"] == ["Hillary Clinton"] * 2
    assert trumps("Donald J. Trump bought the Boeing in 2011. He had run the Trump Shuttle, an airline, which "
                  "failed. Mr. Trump said he liked the plane.") == ["Donald J. Trump"]
    assert trumps("Donald J. Trump was the second son. Freddy Trump was the eldest son. Freddy wanted to fly "
                  "planes. Mr. Trump said Freddy was a great guy.") == [
        "Donald J. Trump"]  # two men: the one the story introduces first, not the one named last
    # a title, or an administration, is the namesake the document titled so
    assert [name for t, label, name in named(
        "Hillary Clinton spoke in Iowa on Monday. She praised her husband, President Bill Clinton. Her aide "
        "worked in the Clinton administration for years.") if t == "Clinton"] == ["Bill Clinton"]
    assert [name for t, label, name in named(
        "Jeb Bush spoke in Iowa on Monday. He praised former President George W. Bush. President Bush wrote "
        "back.") if t == "Bush"] == ["George W. Bush"]
    # a headline's words are no given name: "Clinton" is Hillary, not "Top Clinton", in the headline too
    assert [name for t, label, name in named(
        "Top Clinton Adviser Sent Secret Information Through Email.\n\nJake Sullivan, a top aide to Hillary "
        "Clinton, sent the email. Bill Clinton was not involved. Clinton said she had not seen it.")
        if t == "Clinton"] == ["Hillary Clinton", "Hillary Clinton"]


def test_a_part_of_a_place_is_not_the_place_and_a_one_word_mention_closes_its_longer_name():
    # found in the 840 PolNeAR articles: "Europe" was "Western Europe" in an article naming both
    found = named("Immigrants in Western Europe fare worse. In Europe, voters want limits. "
                  "The Korean Peninsula is tense; the Peninsula waits.")
    assert ("Europe", "LOC", "Europe") in found
    assert ("Peninsula", "LOC", "Korean Peninsula") in found


def test_an_iso_code_is_a_country_only_where_the_tagger_saw_a_place():
    from storyline.annotate.gazetteer import country_name

    # found in the 840 PolNeAR articles: "VAT" (value-added tax) was the Vatican
    assert ("VAT", "ORG", "VAT") in named("The EU wants a higher VAT on imported goods.")
    assert country_name("VAT", iso3=False) is None and country_name("USA", iso3=False) == "United States"
    assert country_name("DPRK", iso3=False) == "North Korea"  # an initialism of the name, not a code


def test_a_partys_people_tagged_a_person_are_a_group():
    # found in the 840 PolNeAR articles: "Log Cabin Republicans" was a person, and took "Republicans"
    found = named("The Log Cabin Republicans endorsed him. Republicans were split. Floridians voted.")
    assert [label for t, label, _ in found] == ["NORP"] * 3
    # a group is no "he": the pronoun after it is the speaker's
    found = named("\u201cAt the end of the day, Americans would support a plan like this,\u201d he added.")
    assert [label for t, label, _ in found if t == "Americans"] == ["NORP"]


def test_a_verb_opening_a_sentence_and_a_spaced_dash_end_no_name():
    # PolNeAR: "Conceding" was a person who then "warned"; "Reynolds - Santilli's girlfriend" one name
    found = named("Obama spoke in London. Conceding that a trade deal would come, he warned the British. "
                  "Deborah Jordan Reynolds - Santilli's girlfriend - told The Post so.")
    people = [t for t, label, _ in found if label == "PERSON"]
    assert "Conceding" not in people and "Deborah Jordan Reynolds" in people


def test_a_host_after_the_outlets_possessive_and_a_titled_surname_are_people():
    # PolNeAR: "Fox News’ Sean Hannity" was one organisation, "Brett O’Donnell" an organisation (the
    # apostrophe), "King said" no one after "Pete King", "Tennis great Billie Jean King" was "Jean King"
    found = named("Last night, Fox News\u2019 Sean Hannity asked Trump about the wall. Cruz adviser Brett "
                  "O\u2019Donnell ran the tour. Rep. Pete King disagreed, and King said so.")
    assert ("Fox News", "ORG", "Fox News") in found and ("Sean Hannity", "PERSON", "Sean Hannity") in found
    assert ("Brett O\u2019Donnell", "PERSON", "Brett O\u2019Donnell") in found
    assert ("King", "PERSON", "Pete King") in found
    found = named("Tennis great Billie Jean King remembered Ali. King won 12 Grand Slam titles.")
    assert ("King", "PERSON", "Billie Jean King") in found
    # a pastor's title is no given name, nor is a surname of the document ("Clinton Cash" is a book)
    assert ("Kevin Swanson", "PERSON", "Kevin Swanson") in named("Pastor Kevin Swanson spoke on the radio.")
    assert not any(t.startswith("Clinton ") for t, _, _ in named("Schweizer wrote Clinton Cash about Hillary "
                                                                 "Clinton. Mr. Cash is not Hillary Clinton."))
    # "That’s" is no possessor, and no part of the name after it
    assert [t for t, label, _ in named("That\u2019s Jeb Bush for you.") if label == "PERSON"] == ["Jeb Bush"]


def test_a_names_occurrences_found_from_its_first_word_are_the_patterns_own(sample_files):
    # _with_repeated_surfaces tries a name only where its first word starts: the same matches as a scan
    from storyline.annotate.entities import _occurrences, _word_starts, _written_as

    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sample_files)
    text += "\nU.S.-led talks; the U.S. and AT&T; Kim Jong-un, Kim Jong\nUn and Kim-Jong; O’Malley’s Korean Peninsula"
    runs = _word_starts(text)
    surfaces = {"Korean Peninsula", "Kim", "Kim Jong", "U.S.", "AT&T", "O’Malley", "DPRK", "Trump", "Korea",
                "Demilitarized Zone", "North Korea", "Un", "Washington DC", "Peninsula"}
    for surface in surfaces:
        expected = [m.span() for m in _written_as(surface).finditer(text)]
        assert [m.span() for m in _occurrences(text, surface, runs)] == expected, surface
        assert expected or surface == "Un"


@pytest.mark.parametrize(("text", "given", "name"), [
    # found reading the 840 PolNeAR articles: the given name joined to a full name was left a bare "Bill",
    # "Ethan", "David", and so a person apart from the family it belongs to
    ("Bill and Hillary Clinton arrived in Chappaqua on Monday. Bill spoke first.", "Bill", "Bill Clinton"),
    ("The film was directed by Ethan and Joel Coen.", "Ethan", "Ethan Coen"),
    ("Jeb and George W. Bush campaigned in South Carolina.", "Jeb", "Jeb Bush"),
    # several people, each of a name of their own
    ("He was an official under Presidents Reagan and George W. Bush.", "Reagan", "Reagan"),
    ("The evening had stars like Brandy, Monica and Lauryn Hill.", "Monica", "Monica"),
    # a surname the document uses, and a given name it already gave a full name
    ("Bernie Sanders spoke. Later Sanders and Hillary Clinton debated.", "Sanders", "Bernie Sanders"),
    ("Hillary Clinton spoke. Later Hillary and Bernie Sanders debated.", "Hillary", "Hillary Clinton"),
])
def test_a_given_name_joined_to_a_full_name_shares_its_family_name(text, given, name):
    found = {m.name for m in mentions_of(text) if m.text == given}
    assert found == {name}


@pytest.mark.parametrize(("words", "expected"), [
    # speakers read this for the words after a body's possessive ("DNAinfo's Eddie Small" is a person the
    # model missed, not DNAinfo); entities for a name tagged ORG ("Bruce Cumings")
    ("Eddie Small", True), ("Bruce Cumings", True), ("Foreign Ministry", False), ("Plain Dealer", False),
    ("Human Rights Watch", False),
    # a place's name opening it is a body's name: the PAC "America Rising", the slogan "America First"
    ("America Rising", False), ("America First", False),
])
def test_a_personal_name_is_told_from_a_bodys_name(words, expected):
    from storyline.annotate.entities import looks_like_personal_name

    assert looks_like_personal_name(words) is expected


def _labels(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for m in mentions_of(text):
        found.setdefault(m.text, set()).add(m.label)
    return found


@pytest.mark.parametrize(("text", "name", "label"), [
    # firms the tagger calls people: a factory, shares, an executive, "buy X", "X's move"
    ("Pfizer agreed on Monday to buy Allergan for $160 billion. Allergan, which makes Botox, is based in "
     "Dublin. Pfizer's shares fell 2 percent, and a Pfizer spokeswoman declined to comment. Analysts said "
     "Pfizer had overpaid.", "Pfizer", "ORG"),
    ("The fuzzy video, shot by a worker on the floor of a Carrier factory in Indianapolis, went viral. "
     "Carrier's move to Mexico became a centerpiece of the campaign. A Carrier executive told employees it "
     "was strictly a business decision. Carrier said it would keep its headquarters in Connecticut.",
     "Carrier", "ORG"),
    # groups spoken of in the plural: "many", "thousands of", "among", "younger"
    ("Many Oromos fled the crackdown last year. Thousands of Oromos marched in the capital on Sunday, and "
     "the police arrested dozens of Oromos.", "Oromos", "NORP"),
    ("Clinton leads Sanders among Latinos, who will play a big role in Nevada. Many Latinos say they are "
     "not excited. Younger Latinos are less loyal to the party.", "Latinos", "NORP"),
    # the people of a -stan
    ("Pipelines carry Kazakh oil to China. The Kazakh currency has lost half its value, and Kazakh "
     "officials blame falling prices.", "Kazakh", "NORP"),
])
def test_a_one_word_person_the_text_uses_as_a_firm_or_a_group_is_one(text, name, label):
    assert _labels(text)[name] == {label}


@pytest.mark.parametrize(("text", "name"), [
    # a surname the tagger mostly calls an organisation, with nothing that makes it a thing
    ("Trump has a big lead over Rubio in Florida. Polls show Trump crushing Rubio, and Trump is up 15 "
     "points there. Kasich is not interested in a Trump ticket.", "Trump"),
    # what a politician has too: "the Trump brand", "his rival Rubio", "a Rubio spokeswoman"
    ("The Trump brand is fading. Trump said the polls were wrong. Trump has a lead, and the Trump campaign "
     "disagrees.", "Trump"),
    ("Cruz attacked his rival Rubio on Tuesday. Rubio was fading, and a Rubio spokeswoman declined to "
     "comment. Rubio is third.", "Rubio"),
    # "he" after its verb is a person, a firm's name or not
    ("Carrier said on Monday that he would run for the seat. Carrier has served two terms in the "
     "legislature, where Carrier chairs the budget committee.", "Carrier"),
])
def test_a_name_the_text_gives_nothing_impersonal_stays_a_person(text, name):
    assert _labels(text)[name] == {"PERSON"}


def test_a_word_capitalized_only_where_every_word_is_is_that_common_word():
    # PolNeAR: "Reach" of a headline was an organisation, "Email inquiry bruises …" (a headline's second
    # line) and "Teachers" opening a sentence were people; a word the story also capitalizes mid-sentence is
    # a name ("a Carrier factory")
    found = _labels("Golf Courses Forced to Reach Into Bag of Tricks.\n\nThe courses cannot reach profitability, "
                    "said Jim Smith of Boca Raton.")
    assert "Reach" not in found and found["Jim Smith"] == {"PERSON"}
    kept = _labels("Carrier said it would move to Mexico. Workers at the Carrier plant lost their jobs, and a "
                   "carrier pigeon flew by.")
    assert "Carrier" in kept


def test_a_headline_clause_is_no_name_but_its_subject_the_story_names_is():
    found = mentions_of("Marco Rubio Responds To Question On Immigration Reform\n\nMarco Rubio spoke in Iowa "
                        "on Monday. Rubio said he would secure the border first.")
    names = [(m.text, m.label) for m in found]
    assert ("Marco Rubio", "PERSON") in names and not any("Responds" in t for t, _ in names)


def test_two_people_joined_by_and_in_one_span_are_two_people():
    # PolNeAR: "Christie and Jindal" was one organisation
    found = mentions_of("Chris Christie and Bobby Jindal spoke in Iowa. Later, Christie and Jindal left the "
                        "stage together.")
    assert [(m.text, m.label, m.name) for m in found if m.start > 40 and m.label == "PERSON"] == [
        ("Christie", "PERSON", "Chris Christie"), ("Jindal", "PERSON", "Bobby Jindal")]


def test_a_papers_name_opened_by_a_city_or_a_nationality_is_the_paper():
    found = _labels("According to the Philippine Star, the Philippine immigrants were upset. A blogger wrote "
                    "in German Energy Transition that the German model works. The Orlando Sentinel endorsed "
                    "Clinton.")
    assert found["Philippine Star"] == found["German Energy Transition"] == found["Orlando Sentinel"] == {"ORG"}
    assert found["Philippine"] == found["German"] == {"NORP"}
    # a photo credit spaCy tags a person, and the city it opens
    found = _labels("A photo by Joe Burbank, Orlando Sentinel. Clinton spoke in Orlando, where the Pulse "
                    "nightclub stood.")
    assert found["Orlando Sentinel"] == {"ORG"} and found["Orlando"] == {"GPE"}
    # a given name that is also a nationality's adjective, with no title between, is still the person's
    assert _labels("German Ortega, a comedian, mocks the elite. Ortega said so.")["German Ortega"] == {"PERSON"}


def test_a_headline_word_and_the_next_lines_acronym_run_together_are_the_person_and_the_body():
    # PolNeAR: cleaning joined "… Reporting On Carson" to "CNN was quick …", and the "person" "Carson CNN"
    # made every CNN of the story Ben Carson
    found = mentions_of("Ben Carson stayed in the race. CNN Disputes Characterization Of Network's Reporting On "
                        "Carson CNN was quick to push back after Ted Cruz blamed the network. Cruz mentioned CNN "
                        "five times, and CNN said it had reported the news accurately.")
    assert {(m.text, m.label) for m in found if "CNN" in m.text} == {("CNN", "ORG")}
    assert ("Carson", "PERSON", "Ben Carson") in {(m.text, m.label, m.name) for m in found}


def test_a_word_capitalized_only_by_its_place_does_not_open_a_name():
    # PolNeAR: "Battleground Senate" was a person, and every "Senate" of the story with it
    found = mentions_of("Poll: 3 battleground Senate races are tight; \nCandidates locked in competition in "
                        "Ohio, Pennsylvania, Florida.\n\nBattleground Senate races in Ohio, Pennsylvania and "
                        "Florida are all close, a Quinnipiac University poll shows.\n\nThe poll found that 43% "
                        "of Ohio voters support Ted Strickland. Democrats need four seats to win the Senate, and "
                        "the Senate map favors them.")
    assert {(m.text, m.label) for m in found if "Senate" in m.text} == {("Senate", "ORG")}
    # a title keeps its name: "Pope Francis" opening a sentence is still the pope
    found = mentions_of("Pope Francis spoke in Mexico. The pope said walls divide. Francis left on Wednesday.")
    assert {m.name for m in found if m.label == "PERSON"} == {"Pope Francis"}


def test_the_paper_is_not_a_person_of_its_name():
    found = mentions_of("Marjorie Merriweather Post built Mar-a-Lago. The Washington Post has put together a "
                        "team of reporters. Bob Woodward, an associate editor for the Post, said so, and the "
                        "Post announced its plan in April.")
    assert {(m.text, m.name) for m in found if m.text == "Post"} == {("Post", "Washington Post")}
    # "the Trump campaign" is no body named for him
    found = mentions_of("The National Diversity Coalition for Trump met in New York. The Trump campaign "
                        "praised it, and Donald Trump thanked the group.")
    assert {m.name for m in found if m.text == "Trump"} == {"Donald Trump"}


def test_bodies_for_a_cause_holidays_and_country_pairs():
    # PolNeAR sentences where the tagger called them a building, a building and one body
    found = _labels("James Lewis, a former government cybersecurity expert who now studies the cyber activities "
                    "of nations at the Center for Strategic and International Studies, said, ''If she used it in "
                    "Russia or China, they almost certainly picked it up.''")
    assert found["Center for Strategic and International Studies"] == {"ORG"}
    found = _labels("Less than two weeks after a truck driver plowed through a crowd of innocents celebrating "
                    "Bastille Day in the streets of Nice, two teenagers slit the throat of an elderly French "
                    "priest at a church in Normandy.")
    assert found["Bastille Day"] == {"EVENT"}
    found = _labels("“This platform’s language just says you are no longer welcome,” said Kristen Day, "
                    "executive director of Democrats for Life, reports USA Today.")
    assert found["Kristen Day"] == {"PERSON"}
    found = _labels("The GOP candidate has insisted on building a wall on the U.S.-Mexico border, despite "
                    "critics, like John Oliver, breaking down why it’s an expensive and futile idea.")
    assert found["U.S."] == found["Mexico"] == {"GPE"} and "U.S.-Mexico" not in found


def test_a_common_noun_written_as_an_acronym_is_no_actor():
    found = _labels("A super PAC backing Jeb Bush spent $20 million. The PAC's CEO said the Right to Rise PAC "
                    "would keep spending.")
    assert "PAC" not in found and "CEO" not in found and found["Jeb Bush"] == {"PERSON"}


def test_a_count_or_an_age_after_a_person_is_not_part_of_the_name():
    found = _labels("Delegates so far: Donald Trump 384, Ted Cruz 300, Marco Rubio 151. Trump leads, and Cruz "
                    "and Rubio trail.")
    assert found["Donald Trump"] == found["Ted Cruz"] == found["Marco Rubio"] == {"PERSON"}
    assert not any(any(ch.isdigit() for ch in name) for name in found)
    # a number after what is no person stays in the name: a port, though spaCy calls "Thunderbolt" a person
    found = _labels("Thunderbolt 3 is staying. The USB-C physical connector on Thunderbolt 3 is not the end of "
                    "the world. Since you have Thunderbolt 3, cables are cheap. Thunderbolt is fast.")
    assert found["Thunderbolt 3"] == {"ORG"}
