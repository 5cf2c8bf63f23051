"""Cleaning plain-text copies: the sample corpus first, then written fixtures, then properties."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest.clean import clean_plain_text, normalize_spacing

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "korea-summits"
MESSY = Path(__file__).resolve().parent / "fixtures" / "messy"
GOLD = REPO / "benchmarks" / "data" / "cleaning-gold"


def _clean(name: str):
    path = SAMPLE / name if (SAMPLE / name).exists() else MESSY / name
    return clean_plain_text(path.read_text(encoding="utf-8"))


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# --- the sample corpus -----------------------------------------------------------------------


def test_copy_without_headline_gets_no_title_and_loses_its_photo_credit():
    cleaned = _clean("000_87ab3ee824737c20.txt")
    assert cleaned.title is None
    assert "Photo: VCG" not in cleaned.text
    assert ("Photo: VCG", "photo credit") in cleaned.removed


def test_hard_wrapped_lines_are_rejoined_into_one_sentence():
    cleaned = _clean("000_87ab3ee824737c20.txt")
    first = _paragraphs(cleaned.text)[0]
    assert first.startswith("North Korean leader Kim Jong-un and US President Donald Trump met on Sunday")
    assert "that divides the Korean Peninsula. The unique" in first
    assert "\n" not in first


def test_each_source_paragraph_stays_its_own_paragraph():
    raw = (SAMPLE / "003_6fc8fe7da1af5feb.txt").read_text(encoding="utf-8")
    cleaned = clean_plain_text(raw)
    gold = json.loads((GOLD / "003_6fc8fe7da1af5feb.json").read_text(encoding="utf-8"))
    body = [_flat(ln["text"]) for ln in gold["lines"] if ln["label"] == "body"]
    got = [_flat(p).replace("Trump-Kim", "Trump- Kim") for p in _paragraphs(cleaned.text)]
    assert len(got) == len(body)
    assert [p.replace("Trump- Kim", "Trump-Kim") for p in got] == [b.replace("Trump- Kim", "Trump-Kim") for b in body]


def test_headline_becomes_the_title_and_leaves_the_body():
    assert _clean("003_6fc8fe7da1af5feb.txt").title == "Trump-Kim Summit: Seeking a Sense of Security"
    cleaned = _clean("004_c87f3f784faec3fe.txt")
    assert cleaned.title == "KT edit: Trump and Kim will need to build strategic trust"
    assert "KT edit" not in cleaned.text


def test_caption_ending_with_an_agency_credit_is_removed():
    cleaned = _clean("003_6fc8fe7da1af5feb.txt")
    assert "meets with the top leader" not in cleaned.text
    assert any(reason == "caption" and line.endswith("Xinhua") for line, reason in cleaned.removed)
    assert cleaned.title and "Xinhua" not in cleaned.title


def test_no_break_spaces_doubled_spaces_and_broken_compounds_are_mended():
    cleaned = _clean("003_6fc8fe7da1af5feb.txt")
    assert "\u00a0" not in cleaned.text
    assert "  " not in cleaned.text
    assert "Trump- Kim" not in cleaned.text
    assert "the Trump-Kim summit eased tensions" in cleaned.text


def test_related_articles_tail_is_removed():
    assert "Related articles" not in _clean("003_6fc8fe7da1af5feb.txt").text
    assert "More news from" not in _clean("004_c87f3f784faec3fe.txt").text


def test_share_widget_and_its_network_list_are_removed():
    cleaned = _clean("004_c87f3f784faec3fe.txt")
    for word in ("Follow us on", "google-news", "whatsapp", "telegram"):
        assert word not in cleaned.text
    assert [r for _, r in cleaned.removed].count("share widget") == 4


def test_published_and_updated_lines_become_metadata():
    cleaned = _clean("004_c87f3f784faec3fe.txt")
    assert cleaned.published == "2019-02-27T19:00:00"
    assert cleaned.updated == "2019-02-27T21:39:00"
    assert "Published" not in cleaned.text and "Last updated" not in cleaned.text


def test_standfirst_printed_twice_is_kept_once():
    cleaned = _clean("004_c87f3f784faec3fe.txt")
    sentence = "Trump certainly deserves credit on this front."
    assert cleaned.text.count(sentence) == 1
    assert cleaned.standfirst and cleaned.standfirst.startswith(sentence)
    assert _paragraphs(cleaned.text)[0].startswith("No one imagined this moment.")


def test_every_removed_line_is_reported_with_a_reason():
    raw = (SAMPLE / "004_c87f3f784faec3fe.txt").read_text(encoding="utf-8")
    cleaned = clean_plain_text(raw)
    body = _flat(cleaned.text)
    for line in normalize_spacing(raw).split("\n"):
        if line.strip() and _flat(line) not in body:
            assert any(_flat(gone) == _flat(line) for gone, _ in cleaned.removed), line
    assert all(reason for _, reason in cleaned.removed)


@pytest.mark.parametrize("gold_file", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_cleaning_keeps_every_gold_body_line_and_no_other(gold_file):
    spec = importlib.util.spec_from_file_location("cleaning_benchmark", REPO / "benchmarks" / "cleaning.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("cleaning_benchmark", bench)
    spec.loader.exec_module(bench)
    result = bench.score_file(gold_file)
    assert result["missed"] == []
    assert result["leaked"] == []
    assert result["title_ok"]


# --- written fixtures: other outlets' mess ----------------------------------------------------


def test_wire_copy_keeps_its_dateline_and_takes_the_byline_as_authors():
    cleaned = _clean("wire_dmz_meeting.txt")
    assert cleaned.text.startswith("PANMUNJOM, South Korea (Reuters) - U.S. President Donald Trump took a few")
    assert cleaned.authors == ["Hyonhee Shin", "Josh Smith"]
    assert cleaned.title == "Trump steps into North Korea, agrees with Kim to revive nuclear talks"


def test_adverts_newsletter_prompts_and_read_more_links_are_removed():
    cleaned = _clean("wire_dmz_meeting.txt")
    for marker in ("Advertisement", "Share this article", "Read more", "Sign up", "Facebook", "4 Min Read"):
        assert marker not in cleaned.text


def test_wire_credit_wrapped_over_two_lines_is_removed():
    cleaned = _clean("wire_dmz_meeting.txt")
    assert "Reporting by" not in cleaned.text and "Editing by" not in cleaned.text
    assert [r for _, r in cleaned.removed].count("wire credit") == 2


def test_wire_credit_names_the_authors_when_there_is_no_byline():
    text = ("SEOUL (Reuters) - North Korea said on Monday it would send a delegation to the talks next week.\n\n"
            "(Reporting by Hyonhee Shin in Seoul; Editing by Gerry Doyle)\n")
    cleaned = clean_plain_text(text)
    assert cleaned.authors == ["Hyonhee Shin"]
    assert cleaned.text == "SEOUL (Reuters) - North Korea said on Monday it would send a delegation to the talks next week."


def test_hard_wrapped_paragraphs_rejoin_but_keep_their_breaks():
    cleaned = _clean("wrapped_hanoi_editorial.txt")
    paragraphs = _paragraphs(cleaned.text)
    assert len(paragraphs) == 5
    assert paragraphs[0].endswith("left the Metropole hotel within minutes of each other.")
    assert "The pre- and post-summit statements" in cleaned.text  # a suspended hyphen is no broken compound


def test_headline_shaped_deck_under_the_title_is_the_standfirst():
    cleaned = _clean("wrapped_hanoi_editorial.txt")
    assert cleaned.title == "The Hanoi Summit Collapse: Lessons for Both Sides"
    assert cleaned.standfirst == "Why walking away may have been the least bad outcome"
    assert cleaned.updated == "2019-03-01T08:30:00+09:00"


def test_related_box_inside_the_article_does_not_cut_it():
    cleaned = _clean("web_singapore_summit.txt")
    assert "Kim Jong Un's long road to Singapore" not in cleaned.text
    assert "Skeptics counter that North Korea" in cleaned.text
    assert cleaned.text.endswith("the summit will be remembered as theatre.")


def test_readers_comments_after_the_tags_are_cut():
    cleaned = _clean("web_singapore_summit.txt")
    assert "deserves credit" not in cleaned.text and "Tags:" not in cleaned.text


def test_web_copy_header_metadata():
    cleaned = _clean("web_singapore_summit.txt")
    assert cleaned.title == "What Singapore really changed on the Korean Peninsula"
    assert cleaned.published == "2018-06-13T06:45:00-04:00"
    assert cleaned.authors == ["Jane Morrison"]  # the agency after the comma is an affiliation
    assert "OPINION" not in cleaned.text and "(AP Photo" not in cleaned.text


def test_title_is_never_a_credit_or_a_caption():
    cleaned = _clean("photo_heavy_dmz.txt")
    assert cleaned.title == "Trump and Kim meet at the DMZ"
    assert cleaned.published == "2019-06-30"
    for credit in ("Yonhap", "REUTERS/", "Getty Images"):
        assert credit not in cleaned.text


def test_agency_end_mark_cuts_keywords_and_most_viewed():
    cleaned = _clean("agency_hanoi_preview.txt")
    assert cleaned.text.endswith("U.S. officials have played down the idea.")
    assert cleaned.published == "2019-02-26T10:12:00"
    assert "@" not in cleaned.text


def test_subheadings_stay_as_their_own_paragraphs():
    paragraphs = _paragraphs(_clean("longread_singapore_oped.txt").text)
    assert "A long road" in paragraphs and "What comes next" in paragraphs


def test_sentences_that_merely_start_like_boilerplate_are_kept():
    body = ("By Monday, the negotiators had agreed on a venue for the next round of talks.\n\n"
            "Published in 1994, the framework froze the plutonium programme for years.\n\n"
            "Related to this, officials in Seoul said they told Reuters nothing new.\n\n"
            "Photo opportunities were rare, and the two leaders said little in public.\n\n"
            "Comments by the foreign minister were later withdrawn.\n")
    cleaned = clean_plain_text(body)
    assert _paragraphs(cleaned.text) == [p for p in body.strip().split("\n\n")]
    assert cleaned.removed == []


def test_stray_tail_marker_near_the_top_does_not_take_the_article():
    body = "Comments\n\n" + "\n\n".join(
        f"Paragraph {n} says the talks went on for another day without a deal on sanctions." for n in range(4))
    cleaned = clean_plain_text(body)
    assert "Paragraph 3 says" in cleaned.text


def test_empty_and_boilerplate_only_copies_give_empty_text():
    assert clean_plain_text("").text == ""
    assert clean_plain_text("Advertisement\n\nPhoto: Xinhua\n").text == ""


# --- properties -------------------------------------------------------------------------------

# Ordinary words, none a boilerplate marker.
_WORDS = ("talks officials country leaders agreement weapons border meeting pressure sanctions region "
          "government week plan decision city people economy progress statement minister question "
          "answer peace trust dialogue future support team years months road ground history "
          "said agreed wanted expected told moved reached made held asked left began became "
          "new long strong quiet early final public formal second other many several").split()

_BOILERPLATE = [
    "Advertisement",
    "Photo: Xinhua",
    "Getty Images",
    "Sign up for our newsletter to get the top stories in your inbox",
    "Read more: Leaders meet again in the capital",
    "Share this article\nFacebook\nTwitter\nEmail",
    "Story continues below advertisement",
    "U.S. officials walk to the meeting room on Sunday. REUTERS/Jane Doe",
    "5 min read",
]
_TAILS = ["Related articles\nLeaders meet again\nWhat the deal means", "More news from Asia", "(END)"]


@st.composite
def _articles(draw):
    sentences_by_paragraph = []
    for _ in range(draw(st.integers(2, 6))):
        sentences = []
        for _ in range(draw(st.integers(1, 4))):
            words = draw(st.lists(st.sampled_from(_WORDS), min_size=4, max_size=14))
            sentences.append(" ".join(words).capitalize() + ".")
        sentences_by_paragraph.append(sentences)
    width = draw(st.integers(25, 110))
    blank_between = draw(st.booleans())
    parts, junk = [], []
    for i, sentences in enumerate(sentences_by_paragraph):
        parts.append("\n".join(textwrap.wrap(" ".join(sentences), width=width)))
        if i < len(sentences_by_paragraph) - 1 and draw(st.booleans()):
            line = draw(st.sampled_from(_BOILERPLATE))
            junk.append(line)
            parts.append(line)
    tail = draw(st.one_of(st.none(), st.sampled_from(_TAILS)))
    if tail:
        parts.append(tail)
        junk.append(tail)
    text = ("\n\n" if blank_between else "\n").join(parts)
    return text, [s for p in sentences_by_paragraph for s in p], junk


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles())
def test_cleaning_never_drops_an_ordinary_sentence_and_drops_the_boilerplate(article):
    text, sentences, junk = article
    cleaned = _flat(clean_plain_text(text).text)
    for sentence in sentences:
        assert sentence in cleaned
    for block in junk:
        for line in block.split("\n"):
            assert not re.search(r"(?<!\w)" + re.escape(line) + r"(?!\w)", cleaned), line


@settings(max_examples=100, deadline=None)
@given(_articles())
def test_cleaning_is_idempotent_on_generated_copies(article):
    once = clean_plain_text(article[0]).text
    assert clean_plain_text(once).text == once


@pytest.mark.parametrize("path", sorted(SAMPLE.glob("*.txt")) + sorted(MESSY.glob("*.txt")), ids=lambda p: p.name)
def test_cleaning_is_idempotent_on_real_copies(path):
    once = clean_plain_text(path.read_text(encoding="utf-8")).text
    assert clean_plain_text(once).text == once


def test_extracted_page_text_keeps_its_first_heading_when_asked():
    text = "Taylor Swift's big night; Britney Spears' new pop-up\n\nThe singer won four awards on Sunday night in Los Angeles."
    assert clean_plain_text(text).title == "Taylor Swift's big night; Britney Spears' new pop-up"
    kept = clean_plain_text(text, find_title=False)
    assert kept.title is None and kept.text.startswith("Taylor Swift's big night")


def test_paragraph_pasted_twice_in_a_row_is_kept_once_but_distant_repeats_stay():
    question = "What inspired you to start cooking for a living, and what do you cook at home?"
    answers = ["She said her grandmother taught her to bake bread every weekend.",
               "He said he learned from videos and from friends at university."]
    interview = "\n\n".join([question, answers[0], question, answers[1]])
    assert clean_plain_text(interview).text == interview
    doubled = "\n\n".join([answers[0], question, question, answers[1]])
    assert clean_plain_text(doubled).text.count(question) == 1


def test_cleaning_mends_mojibake_in_the_body():
    text = ("Obama vows to close prison at Guant\u00c3\u00a1namo Bay\n\nThe detainees held at Guant\u00c3\u00a1namo Bay, "
            "Cuba, will be moved, Juli\u00c3\u00a1n Castro said on Tuesday in Washington.")
    body = clean_plain_text(text).text
    assert "Guant\u00e1namo Bay, Cuba" in body and "Juli\u00e1n Castro" in body and "\u00c3" not in body
