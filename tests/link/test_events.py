"""The timeline: dated clauses, merged across outlets, cited with offsets.

End-to-end tests run the real annotate components (spaCy, find_mentions, tag_timexes) and the real
MiniLM embedder on the sample corpus and on tests/link/fixtures/wire.json, and check the timeline
against the hand-made gold in tests/link/fixtures/timeline-gold.json. Unit tests build Candidates by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from storyline.link.events import Candidate, merge_candidates
from storyline.model import Document, Sentence, Timex

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
GOLD = json.loads((FIXTURES / "timeline-gold.json").read_text())


@pytest.fixture(scope="module")
def embedder():
    from storyline.link.embeddings import Embedder

    return Embedder()


@pytest.fixture(scope="module")
def sample(embedder, annotated):
    """(documents by file prefix, events) for examples/korea-summits, dated as the gold says."""
    from storyline.ingest.document import build_document
    from storyline.ingest.readers import iter_inputs
    from storyline.link.actors import link_actors
    from storyline.link.events import build_events

    docs = [build_document(r) for r in iter_inputs([REPO / "examples" / "korea-summits"]) if not hasattr(r, "reason")]
    by_key = {Path(d.source_path).name[:3]: d for d in docs}
    anns = annotated(docs, {d.id: GOLD["sample"]["dct"][k] for k, d in by_key.items()})
    index = link_actors({d.id: anns[d.id].mentions for d in docs})
    return by_key, build_events(docs, anns, index, embedder)


@pytest.fixture(scope="module")
def wire(embedder, annotated):
    from storyline.link.actors import link_actors
    from storyline.link.events import build_events

    raw = json.loads((FIXTURES / "wire.json").read_text())
    docs = [Document(id=r["id"], source_path=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"],
                     published=r["published"]) for r in raw]
    anns = annotated(docs, {d.id: d.published for d in docs})
    index = link_actors({d.id: anns[d.id].mentions for d in docs})
    return {d.id: d for d in docs}, build_events(docs, anns, index, embedder)


def _citing(events, doc_id: str, snippet: str):
    return [e for e in events if any(s.document == doc_id and snippet in s.sentence for s in e.sources)]


def _gold_event(events, by_key, gold_event):
    """The system events citing the gold event's sources (sentence snippet and time expression)."""
    found = []
    for src in gold_event["sources"]:
        doc = by_key[src["document"]]
        found.append({e.id for e in events for s in e.sources if s.document == doc.id
                      and src["contains"] in s.sentence and s.time_expression == src["timex"]})
    return found


# -- the sample corpus ------------------------------------------------------------------------

@pytest.mark.slow
def test_dmz_meeting_is_dated_sunday_30_june_2019(sample):
    by_key, events = sample
    [dmz] = _citing(events, by_key["000"].id, "met on Sunday at the Demilitarized Zone")
    assert dmz.date == "2019-06-30" and dmz.granularity == "day"
    assert dmz.location == "Demilitarized Zone"
    assert {"person-donald-trump", "person-kim-jong-un"} <= set(dmz.actors)


@pytest.mark.slow
def test_singapore_summit_is_one_event_cited_by_both_outlets(sample):
    by_key, events = sample
    [singapore] = _citing(events, by_key["003"].id, "The Trump-Kim summit on June 12 in Singapore")
    assert singapore.date == "2018-06-12"  # "last year" (004, 2018) is less precise than "June 12" (003)
    assert {s.document for s in singapore.sources} == {by_key["003"].id, by_key["004"].id}
    assert singapore.location == "Singapore"


@pytest.mark.slow
def test_hanoi_summit_merges_000_and_004_at_the_month(sample):
    by_key, events = sample
    [hanoi] = _citing(events, by_key["000"].id, "After the Hanoi meeting failed")
    assert hanoi.date == "2019-02"
    assert any(s.document == by_key["004"].id and "to Hanoi" in s.sentence for s in hanoi.sources)
    assert "February 2019" in hanoi.summary and not hanoi.summary.startswith("After")


@pytest.mark.slow
def test_same_leaders_three_meetings_stay_three_events(sample):
    by_key, events = sample
    meetings = {e.id: e.date for e in events if {"2018-06-12", "2019-02", "2019-06-30"} & {e.date}}
    assert sorted(meetings.values()) == ["2018-06-12", "2019-02", "2019-06-30"]


@pytest.mark.slow
def test_one_sentence_two_dates_gives_two_events(sample):
    by_key, events = sample
    both = _citing(events, by_key["004"].id, "trading barbs on Twitter")
    assert sorted(e.date for e in both) == ["2017", "2018-06-12"]
    [barbs] = [e for e in both if e.date == "2017"]
    assert "Singapore" not in barbs.summary and "barbs" in barbs.summary


@pytest.mark.slow
def test_autumn_2017_tests_are_a_season_event(sample):
    by_key, events = sample
    [tests] = _citing(events, by_key["003"].id, "sixth nuclear test")
    assert tests.date == "2017-FA" and tests.granularity == "season"


@pytest.mark.slow
def test_every_gold_event_is_found_with_its_date(sample):
    by_key, events = sample
    dates = {e.id: e.date for e in events}
    for g in GOLD["sample"]["events"]:
        ids = set().union(*_gold_event(events, by_key, g))
        assert any(dates[i] == g["date"] for i in ids), g["what"]


@pytest.mark.slow
def test_opinion_without_a_date_is_not_an_event(sample):
    by_key, events = sample
    for snippet in ("Trump is forthright", "Trump is a master of building", "Washington hopes to see"):
        assert not _citing(events, by_key["000"].id, snippet)
    assert not _citing(events, by_key["003"].id, "Today, DPRK has increasing demand")


@pytest.mark.slow
def test_sources_slice_the_document_text_to_the_sentence(sample):
    by_key, events = sample
    texts = {d.id: d.text for d in by_key.values()}
    for e in events:
        for s in e.sources:
            assert texts[s.document][s.start:s.end] == s.sentence
            assert s.time_expression in s.sentence
        assert e.summary in " ".join(" ".join(s.sentence.split()) for s in e.sources) or \
            e.summary[1:] in " ".join(s.sentence for s in e.sources)


@pytest.mark.slow
def test_timeline_is_sorted_by_date(sample):
    from storyline.temporal import bounds

    _, events = sample
    starts = [bounds(e.date)[0] for e in events]
    assert starts == sorted(starts)


# -- the wire fixtures: same actors, different events -----------------------------------------

@pytest.mark.slow
def test_wire_biden_xi_meetings_stay_apart_and_merge_across_outlets(wire):
    docs, events = wire
    for g in GOLD["wire"]["events"]:
        cited = _gold_event(events, {k: docs[k] for k in docs}, g)
        assert all(len(ids) == 1 for ids in cited), g["what"]  # each source cited by exactly one event
        assert len(set().union(*cited)) == 1, g["what"]  # all the gold event's sources in one event
        [eid] = set().union(*cited)
        assert next(e.date for e in events if e.id == eid) == g["date"], g["what"]
    assert len(events) == len(GOLD["wire"]["events"])


@pytest.mark.slow
def test_wire_state_since_a_year_is_not_an_event(wire):
    _, events = wire
    assert not _citing(events, "wire-derna-a", "split between rival administrations")


# -- merging, with hand-made candidates ---------------------------------------------------------

def _candidate(doc: str, idx: int, value: str, places=(), actors=()) -> Candidate:
    sent = Sentence(idx * 100, idx * 100 + 50, f"sentence {idx}")
    return Candidate(document=doc, sentence=sent, sentence_index=idx, clause=f"clause {idx}",
                     timex=Timex(0, 1, value, "DATE", value), actors=set(actors), places=list(places))


def test_same_meaning_with_compatible_dates_merges_to_one_group():
    cands = [_candidate("a", 0, "2018-06-12"), _candidate("b", 0, "2018")]
    groups = merge_candidates(cands, np.ones((2, 4)) / 2)
    assert len(groups) == 1


def test_incompatible_dates_never_merge_however_alike():
    cands = [_candidate("a", 0, "2018-06-12"), _candidate("b", 0, "2019-02")]
    assert len(merge_candidates(cands, np.ones((2, 4)) / 2)) == 2


def test_different_places_keep_same_actor_events_apart():
    actors = ("person-donald-trump", "person-kim-jong-un")
    cands = [_candidate("a", 0, "2019", ["gpe-hanoi"], actors), _candidate("b", 0, "2019-06-30", ["fac-dmz"], actors)]
    assert len(merge_candidates(cands, np.ones((2, 4)) / 2)) == 2


def test_two_dates_of_one_sentence_never_merge():
    cands = [_candidate("a", 3, "2017"), _candidate("a", 3, "2017-FA")]
    assert len(merge_candidates(cands, np.ones((2, 4)) / 2)) == 2


def test_a_group_joins_only_when_every_pair_is_compatible():
    # 2018 fits both days, but the two days cannot be one event: 2018 joins one of them, not both.
    cands = [_candidate("a", 0, "2018-06-12"), _candidate("b", 0, "2018"), _candidate("c", 0, "2018-11-06")]
    groups = merge_candidates(cands, np.ones((3, 4)) / 2)
    assert len(groups) == 2
    assert all(len({c.value for c in g if len(c.value) == 10}) <= 1 for g in groups)


def test_shared_place_lowers_the_meaning_bar():
    unrelated = np.array([[1.0, 0.0], [0.4, (1 - 0.16) ** 0.5]])  # cosine 0.4
    apart = [_candidate("a", 0, "2022-11"), _candidate("b", 0, "2022-11-14")]
    together = [_candidate("a", 0, "2022-11", ["gpe-bali"]), _candidate("b", 0, "2022-11-14", ["gpe-bali"])]
    assert len(merge_candidates(apart, unrelated)) == 2
    assert len(merge_candidates(together, unrelated)) == 1


def test_the_date_sweep_finds_exactly_the_pairs_an_all_pairs_comparison_finds():
    # _qualifying_pairs compares only date-overlapping candidates; it must lose no qualifying pair.
    from storyline.link.events import _qualifying_pairs, _same_event

    rng = np.random.default_rng(5)
    values = ["2017", "2018", "2018-06", "2018-06-12", "2018-06-13", "2018-SU", "2019-02", "2019-02-27",
              "2019-W09", "2019-Q1", "2017-FA", "2019"]
    cands = [_candidate(f"d{k % 4}", k, values[rng.integers(len(values))],
                        places=[f"p{rng.integers(3)}"] if rng.random() < 0.5 else [],
                        actors=[f"a{rng.integers(4)}" for _ in range(rng.integers(3))]) for k in range(80)]
    vectors = rng.normal(size=(80, 8)) + 1.5
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    brute = sorted((round(float(vectors[i] @ vectors[j]), 6), i, j) for i in range(80) for j in range(i + 1, 80)
                   if _same_event(cands[i], cands[j], float(vectors[i] @ vectors[j])))
    swept = sorted((round(s, 6), i, j) for s, i, j in _qualifying_pairs(cands, vectors))
    assert brute and swept == brute


@pytest.mark.slow
def test_a_summary_cut_from_a_quotation_keeps_its_opening_mark(sample):
    _, events = sample
    tweet = next(e for e in events if e.date == "2018-06-13")
    assert tweet.summary.startswith("“Just landed") and tweet.summary.count("“") == tweet.summary.count("”")


def test_candidates_come_from_stored_clauses_without_parsing_again():
    # link reads the dated clauses annotate stored: hand-made annotations, no spaCy parse involved
    from storyline.link.actors import link_actors
    from storyline.link.events import find_candidates
    from storyline.model import Annotations, DatedClause

    text = "Leaders met on Sunday in Hanoi. It rained."
    doc = Document(id="d", source_path="d", text=text, published="2019")
    ann = Annotations(document="d", dct="2019", sentences=[Sentence(0, 31, text[:31]), Sentence(32, 41, text[32:])],
                      timexes=[Timex(start=15, end=21, text="Sunday", type="DATE", value="XXXX-WXX-7")],
                      clauses=[DatedClause(timex=0, value="2019", start=0, end=30)])
    [cand] = find_candidates([doc], {"d": ann}, link_actors({"d": []}))
    assert (cand.value, cand.clause, cand.sentence_index, cand.timex.text) == (
        "2019", "Leaders met on Sunday in Hanoi", 0, "Sunday")


def test_an_event_dated_only_from_a_deduced_publication_date_says_so(embedder):
    # An undated op-ed: its date is deduced from what it mentions ("February 2019" -> 2019), so "on
    # Sunday" lands in 2019 only as a lower bound; "in February 2019" is stated by the text itself.
    from storyline.annotate.pipeline import annotate_documents
    from storyline.link.actors import link_actors
    from storyline.link.events import build_events

    text = ("Kim Jong-un and Donald Trump met on Sunday at the Demilitarized Zone that divides the Korean "
            "Peninsula. After the Hanoi meeting failed in February 2019, talks stalled for months.")
    doc = Document(id="op", source_path="op.txt", text=text, published="2019", published_inferred=True)
    anns = {a.document: a for a in annotate_documents([doc])}
    events = build_events([doc], anns, link_actors({"op": anns["op"].mentions}), embedder)
    by_expression = {e.sources[0].time_expression: e for e in events}
    assert by_expression["Sunday"].date == "2019" and by_expression["Sunday"].date_inferred
    assert by_expression["February 2019"].date == "2019-02" and not by_expression["February 2019"].date_inferred


def test_a_weekend_event_is_dated_as_its_two_days_as_the_contract_writes_dates():
    from storyline.link.actors import link_actors
    from storyline.link.events import _event
    from storyline.present.export import export_schema

    event = _event([_candidate("a", 0, "2018-W36-WE")], link_actors({}))
    assert (event.date, event.granularity) == ("2018-09-08/2018-09-09", "weekend")
    assert re.match(export_schema()["$defs"]["timex_value"]["pattern"], event.date)


def test_a_line_keeps_as_of():
    from storyline.link.events import _trimmed

    assert _trimmed("As of October, Emirates had a fleet of 270 aircraft") == \
        "As of October, Emirates had a fleet of 270 aircraft"
    assert _trimmed("as the talks collapsed in Hanoi in February") == "The talks collapsed in Hanoi in February"


def test_relative_dates_of_a_document_dated_by_a_far_older_or_later_mention_stay_off_the_timeline():
    from storyline.annotate.pipeline import annotate_documents
    from storyline.link.actors import link_actors
    from storyline.link.events import find_candidates

    docs = [
        Document(id="dated", source_path="dated.txt", published="2016-07-20", text=(
            "Donald Trump accepted the Republican nomination in Cleveland on Thursday.")),
        # undated: its latest mention is 1789, so annotate guesses 1789 for it
        Document(id="bastille", source_path="bastille.txt", published="1789-07", published_inferred=True, text=(
            "The attack fell on the anniversary of the storming of the Bastille on July 14, 1789. In March, "
            "Islamic State attackers killed 32 people in suicide bombings at the Brussels airport.")),
        # undated, and its guess lies years after every other date: a date it looks ahead to, missed
        Document(id="budget", source_path="budget.txt", published="2026", published_inferred=True, text=(
            "The deficit will grow again in 2026, the budget office said on Tuesday.")),
        # undated, but its guess is the corpus's present: its relative dates stay, marked inferred
        Document(id="recent", source_path="recent.txt", published="2016-06", published_inferred=True, text=(
            "Sanders won the primary in Oregon in May 2016. On Sunday, he met supporters in Los Angeles.")),
    ]
    anns = {a.document: a for a in annotate_documents(docs)}
    index = link_actors({d.id: anns[d.id].mentions for d in docs})
    placed = {(c.document, c.timex.text) for c in find_candidates(docs, anns, index)}
    assert ("bastille", "July 14, 1789") in placed  # written out: always placed
    assert ("bastille", "March") not in placed  # read against the 1789 guess: left off
    assert ("budget", "Tuesday") not in placed and ("budget", "2026") in placed
    assert ("recent", "Sunday") in placed and ("recent", "May 2016") in placed
    assert ("dated", "Thursday") in placed
