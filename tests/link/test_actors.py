"""link_actors: one actor per real-world entity across the sample corpus and written fixtures."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.entities import find_mentions
from storyline.link.actors import link_actors
from storyline.model import Mention

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "korea-summits"


@lru_cache(maxsize=1)
def nlp():
    from storyline.annotate.pipeline import load_nlp

    return load_nlp()  # the pipeline as annotate runs it (no lemmatizer)


@pytest.fixture(scope="module")
def sample_mentions() -> dict[str, list[Mention]]:
    return {p.stem: find_mentions(nlp()(p.read_text(encoding="utf-8"))) for p in sorted(SAMPLE.glob("*.txt"))}


@pytest.fixture(scope="module")
def index(sample_mentions):
    return link_actors(sample_mentions)


def m(text: str, label: str, name: str | None = None) -> Mention:
    return Mention(0, len(text), text, label, name or text)


def test_kim_jong_un_spellings_are_one_actor_across_documents(index, sample_mentions):
    kim = index.find("Kim Jong Un")
    assert kim is not None and kim is index.find("Kim Jong-un") and kim is index.find("kim jong-un")
    assert kim.name == "Kim Jong-un" and kim.type == "PERSON"
    assert {"Kim Jong Un", "Kim Jong-un", "Kim"} <= set(kim.aliases)
    assert len(kim.documents) == 3


def test_dprk_links_with_north_korea_and_its_capital_speaking(index):
    nk = index.find("North Korea")
    assert nk is not None and nk.type == "GPE"
    assert index.find("DPRK") is nk
    assert index.find("Democratic People's Republic of Korea") is nk
    assert {"DPRK", "Pyongyang"} <= set(nk.aliases)


def test_united_states_forms_are_one_actor_and_the_city_is_another(index):
    us = index.find("United States")
    assert us is not None
    assert index.find("U.S.") is us and index.find("US") is us and index.find("America") is us
    city = index.find("Washington DC")
    assert city is not None and city is not us


def test_every_mention_has_an_actor_that_lists_its_surface_and_document(index, sample_mentions):
    by_id = {a.id: a for a in index.actors}
    for doc_id, ms in sample_mentions.items():
        for i, mention in enumerate(ms):
            actor = by_id[index.actor_for(doc_id, i)]
            assert doc_id in actor.documents
            assert " ".join(mention.text.split()) in actor.aliases
    assert sum(a.mentions for a in index.actors) == sum(len(ms) for ms in sample_mentions.values())


def test_actor_ids_are_unique_and_stable(index, sample_mentions):
    ids = [a.id for a in index.actors]
    assert len(ids) == len(set(ids))
    assert ids == [a.id for a in link_actors(sample_mentions).actors]
    assert index.find("Donald Trump").id == "person-donald-trump"


def test_bare_surname_joins_the_one_full_name_in_the_corpus():
    index = link_actors({"a": [m("Angela Merkel", "PERSON")], "b": [m("Merkel", "PERSON")]})
    assert len(index.actors) == 1
    assert index.actor_for("a", 0) == index.actor_for("b", 0)
    assert index.actors[0].name == "Angela Merkel" and index.actors[0].documents == ["a", "b"]


def test_surname_shared_by_two_people_stays_apart():
    index = link_actors({"a": [m("Kim Jong-un", "PERSON"), m("Kim Yo-jong", "PERSON")], "b": [m("Kim", "PERSON")]})
    assert len({index.actor_for("a", 0), index.actor_for("a", 1), index.actor_for("b", 0)}) == 3
    assert index.find("Kim") is not None and index.find("Kim").name == "Kim"


def test_country_codes_and_names_merge_whatever_the_document_called_them():
    index = link_actors({"a": [m("USA", "GPE"), m("the U.K.", "ORG")], "b": [m("United States of America", "GPE"),
                                                                                m("United Kingdom", "GPE")]})
    assert sorted(a.name for a in index.actors) == ["United Kingdom", "United States"]


def test_a_person_is_not_merged_with_a_place_of_the_same_name():
    index = link_actors({"a": [m("Washington", "PERSON")], "b": [m("Washington", "GPE")]})
    assert len(index.actors) == 2


def test_unknown_name_finds_nothing(index):
    assert index.find("Angela Merkel") is None
    assert index.find("") is None


def test_a_middle_initial_and_a_sentence_opening_descriptor_are_one_person():
    index = link_actors({
        "a": [m("Donald Trump", "PERSON")] * 5,
        "b": [m("Donald J. Trump", "PERSON")],
        "c": [m("Billionaire Donald Trump", "PERSON")],
    })
    assert [a.name for a in index.actors] == ["Donald Trump"]
    assert index.actors[0].mentions == 7


def test_two_different_middle_initials_keep_two_people_apart():
    index = link_actors({"a": [m("George W. Bush", "PERSON")] * 3, "b": [m("George H. W. Bush", "PERSON")],
                         "c": [m("George Bush", "PERSON")]})
    assert sorted(a.name for a in index.actors) == ["George Bush", "George H. W. Bush", "George W. Bush"]


def test_a_generation_after_the_surname_is_the_same_person_unless_the_corpus_has_both():
    index = link_actors({"a": [m("Patrick W. Carlineo Jr.", "PERSON")] * 2, "b": [m("Patrick Carlineo", "PERSON")]})
    assert [(a.name, a.mentions) for a in index.actors] == [("Patrick W. Carlineo Jr.", 3)]
    two = link_actors({"a": [m("Martin Luther King Jr.", "PERSON")], "b": [m("Martin Luther King Sr.", "PERSON")],
                       "c": [m("Martin Luther King", "PERSON")]})
    assert len(two.actors) == 3


def test_a_group_singular_and_plural_are_one_actor():
    index = link_actors({"a": [m("Republicans", "NORP")] * 2, "b": [m("Republican", "NORP")]})
    assert len(index.actors) == 1 and index.actors[0].mentions == 3
    # and its adjective in -ic
    index = link_actors({"a": [m("Democrats", "NORP")] * 2, "b": [m("Democratic", "NORP")] * 3,
                         "c": [m("Democrat", "NORP")], "d": [m("Islamic", "NORP"), m("Islam", "ORG")]})
    assert sorted((a.name, a.mentions) for a in index.actors) == [
        ("Democratic", 6), ("Islam", 1), ("Islamic", 1)]


def test_a_bare_surname_goes_to_the_namesake_the_corpus_names_far_more():
    index = link_actors({"a": [m("Barack Obama", "PERSON")] * 20, "b": [m("Michelle Obama", "PERSON")] * 2,
                         "c": [m("Obama", "PERSON")] * 5})
    assert {a.name: a.mentions for a in index.actors} == {"Barack Obama": 25, "Michelle Obama": 2}
    even = link_actors({"a": [m("Jeb Bush", "PERSON")] * 10, "b": [m("George W. Bush", "PERSON")] * 8,
                        "c": [m("Bush", "PERSON")] * 3})
    assert "Bush" in {a.name for a in even.actors}


def test_a_name_tagged_a_person_in_some_documents_takes_the_type_the_corpus_mostly_gives_it():
    index = link_actors({"a": [m("MacBook Pro", "ORG")] * 8, "b": [m("MacBook Pro", "PERSON")] * 2})
    assert [(a.name, a.type, a.mentions) for a in index.actors] == [("MacBook Pro", "ORG", 10)]
    index = link_actors({"a": [m("Trump", "PERSON")] * 9, "b": [m("Trump", "ORG")] * 3})
    assert [(a.type, a.mentions) for a in index.actors] == [("PERSON", 12)]
    # used about as often both ways: two actors (as "Washington" the person and the place above)
    index = link_actors({"a": [m("Jordan", "PERSON")] * 3, "b": [m("Jordan", "GPE")] * 4})
    assert len(index.actors) == 2


def test_a_product_tagged_a_person_joins_it_with_the_parts_of_its_name():
    index = link_actors({"a": [m("MacBook Pro", "ORG")] * 8,
                         "b": [m("MacBook Pro", "PERSON"), m("MacBook", "PERSON"), m("Pro", "PERSON")]})
    assert [(a.name, a.type, a.mentions) for a in index.actors] == [("MacBook Pro", "ORG", 11)]
    assert len({index.actor_for("b", i) for i in range(3)}) == 1


def test_a_middle_name_and_a_nickname_are_the_same_person():
    index = link_actors({"a": [m("Hillary Clinton", "PERSON")] * 5, "b": [m("Hillary Rodham Clinton", "PERSON")],
                         "c": [m("Joseph R. Biden Jr.", "PERSON")] * 2, "d": [m("Joe Biden", "PERSON")] * 3})
    assert sorted((a.name, a.mentions) for a in index.actors) == [("Hillary Clinton", 6), ("Joe Biden", 5)]


def test_a_junior_named_beside_his_father_in_one_document_is_never_the_father():
    index = link_actors({"a": [m("Donald Trump", "PERSON")] * 5 + [m("Donald Trump Jr.", "PERSON")],
                         "b": [m("Donald Trump Jr.", "PERSON")], "c": [m("Donald J. Trump", "PERSON")]})
    assert sorted((a.name, a.mentions) for a in index.actors) == [("Donald Trump", 6), ("Donald Trump Jr.", 2)]


def test_an_acronym_joins_the_name_other_documents_spell_it_out_as():
    index = link_actors({"a": [m("Associated Press", "ORG"), m("AP", "ORG", "Associated Press")],
                         "b": [m("AP", "ORG")] * 2, "c": [m("Us", "GPE")]})
    assert sorted((a.name, a.mentions) for a in index.actors) == [("Associated Press", 4), ("Us", 1)]
    # two spellings out: the acronym stays itself
    two = link_actors({"a": [m("AP", "ORG", "Associated Press")], "b": [m("AP", "ORG", "Advanced Placement")],
                       "c": [m("AP", "ORG")]})
    assert "AP" in {a.name for a in two.actors}


def test_a_two_word_surname_joins_the_full_name():
    index = link_actors({"a": [m("Debbie Wasserman Schultz", "PERSON")] * 3, "b": [m("Wasserman Schultz", "PERSON")]})
    assert [(a.name, a.mentions) for a in index.actors] == [("Debbie Wasserman Schultz", 4)]


def test_a_bare_surname_goes_to_the_namesake_most_documents_name():
    # one obituary names Nancy Reagan often; the news names Ronald Reagan in many more documents
    docs = {f"r{i}": [m("Ronald Reagan", "PERSON")] * 2 for i in range(6)}
    docs |= {"n": [m("Nancy Reagan", "PERSON")] * 15, "x": [m("Reagan", "PERSON")], "y": [m("Reagan", "PERSON")]}
    index = link_actors(docs)
    assert {a.name: a.mentions for a in index.actors} == {"Ronald Reagan": 14, "Nancy Reagan": 15}


def test_an_acronym_no_document_spells_out_joins_the_one_name_of_its_initials():
    index = link_actors({"a": [m("National Rifle Association", "ORG")], "b": [m("NRA", "ORG")] * 3,
                         "c": [m("DNC", "ORG")], "d": [m("Democratic National Committee", "ORG"),
                                                       m("Democratic National Convention", "EVENT")]})
    assert {a.name: a.mentions for a in index.actors} == {
        "National Rifle Association": 4, "DNC": 1, "Democratic National Committee": 1,
        "Democratic National Convention": 1}
    # an acronym established on its own is not one passing namesake's
    docs = {f"d{i}": [m("ISIS", "ORG")] for i in range(12)} | {"x": [m("Institute for Science and International Security", "ORG")]}
    assert "ISIS" in {a.name for a in link_actors(docs).actors}


def test_britain_is_the_united_kingdom():
    index = link_actors({"a": [m("Britain", "GPE")], "b": [m("U.K.", "GPE")], "c": [m("Great Britain", "GPE")]})
    assert [(a.name, a.mentions) for a in index.actors] == [("United Kingdom", 3)]


def test_a_surname_tagged_a_place_follows_the_person_its_documents_name():
    index = link_actors({"a": [m("Barack Obama", "PERSON")] * 8, "b": [m("Obama", "PERSON")] * 2,
                         "c": [m("Obama", "GPE")] * 3})
    assert [(a.name, a.type, a.mentions) for a in index.actors] == [("Barack Obama", "PERSON", 13)]
    assert index.find("Obama").name == "Barack Obama"
    # a first name tagged a place stays the place
    index = link_actors({"a": [m("Elizabeth Warren", "PERSON")] * 8, "b": [m("Elizabeth", "PERSON")] * 2,
                         "c": [m("Elizabeth", "GPE")] * 3})
    assert sorted((a.name, a.type) for a in index.actors) == [("Elizabeth", "GPE"), ("Elizabeth Warren", "PERSON")]


def test_an_acronym_a_document_declares_another_name_of_an_organisation_joins_it():
    docs = {f"d{i}": [m("ISIS", "ORG")] for i in range(8)} | {
        "a": [m("Islamic State", "ORG"), m("ISIS", "ORG", "Islamic State")], "b": [m("ISIL", "ORG", "Islamic State")],
        "c": [m("ISIL", "ORG")], "e": [m("Lynchburg", "GPE"), m("VA", "GPE", "Virginia")], "f": [m("VA", "ORG")]}
    index = link_actors(docs)
    # a state's postal code a document resolved declares nothing: "VA" elsewhere may be Veterans Affairs
    assert {a.name: a.mentions for a in index.actors} == {"Islamic State": 12, "Lynchburg": 1, "Virginia": 1,
                                                         "VA": 1}


_WORDS = ["Donald", "Trump", "Jr.", "J.", "H.W.", "Bush", "George", "Joe", "Joseph", "Biden", "AP", "Associated",
          "Press", "ISIS", "Islamic", "State", "Obama", "SC", "Fla", "Us", "Democratic", "Democrats", "Wasserman",
          "Schultz", "Sr.", "Chelsea", "Britain", "U.K.", "&"]


def test_every_mention_joins_exactly_one_actor_whatever_the_names():
    name = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
    mention = st.builds(lambda text, label, other, same: Mention(0, len(text), text, label, text if same else other),
                        name, st.sampled_from(["PERSON", "ORG", "GPE", "NORP"]), name, st.booleans())
    corpus = st.dictionaries(st.sampled_from([f"d{i}" for i in range(8)]), st.lists(mention, max_size=10), max_size=8)

    @settings(max_examples=80, deadline=None)
    @given(corpus)
    def check(docs):
        index = link_actors(docs)
        ids = {a.id for a in index.actors}
        assert len(ids) == len(index.actors)
        per_actor = {a.id: 0 for a in index.actors}
        for doc_id, ms in docs.items():
            for i in range(len(ms)):
                per_actor[index.actor_for(doc_id, i)] += 1
        assert per_actor == {a.id: a.mentions for a in index.actors}
        assert all(a.name for a in index.actors)

    check()


def test_a_name_printed_without_its_accents_is_the_same_actor_named_with_them():
    # PolNeAR: "Enrique Pena Nieto" (an outlet that prints no accents) was an actor apart from "Enrique Peña
    # Nieto", and "Francois Hollande", the more used spelling, named the actor
    index = link_actors({"a": [m("Francois Hollande", "PERSON"), m("Francois Hollande", "PERSON")],
                         "b": [m("François Hollande", "PERSON")],
                         "c": [m("Enrique Pena Nieto", "PERSON")], "d": [m("Enrique Peña Nieto", "PERSON")]})
    assert sorted(a.name for a in index.actors) == ["Enrique Peña Nieto", "François Hollande"]
    # ids keep the letters, without their accents
    assert sorted(a.id for a in index.actors) == ["person-enrique-pena-nieto", "person-francois-hollande"]


def test_a_body_opened_by_its_countrys_name_or_code_is_one_actor_named_as_written_most():
    # PolNeAR: "U.S. Senate" (42 mentions) and "United States Senate" (15) were two actors
    index = link_actors({"a": [m("U.S. Senate", "ORG"), m("U.S. Senate", "ORG")],
                         "b": [m("United States Senate", "ORG")], "c": [m("US Embassy", "ORG")],
                         "d": [m("Senate", "ORG")]})
    assert sorted((a.name, a.mentions) for a in index.actors) == [("Senate", 1), ("U.S. Senate", 3),
                                                                  ("US Embassy", 1)]
