"""Stories: the sample op-eds are one story, unrelated wire stories split, and new documents are placed
against the saved state without re-reading the old ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.model import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
GOLD = json.loads((FIXTURES / "timeline-gold.json").read_text())


class RecordingEmbedder:
    """The real embedder, remembering every text it was asked to encode."""

    def __init__(self, inner):
        self.inner, self.texts = inner, []

    def encode(self, texts):
        self.texts.extend(texts)
        return self.inner.encode(texts)


@pytest.fixture(scope="module")
def embedder():
    from storyline.link.embeddings import Embedder

    return Embedder()


def _linked(docs, dcts, embedder, annotate_at):
    from storyline.link.actors import link_actors
    from storyline.link.events import build_events

    anns = annotate_at(docs, dcts)
    index = link_actors({d.id: anns[d.id].mentions for d in docs})
    return anns, index, build_events(docs, anns, index, embedder)


@pytest.fixture(scope="module")
def wire(embedder, annotated):
    raw = json.loads((FIXTURES / "wire.json").read_text())
    docs = [Document(id=r["id"], source_path=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"],
                     published=r["published"]) for r in raw]
    return (docs, *_linked(docs, {d.id: d.published for d in docs}, embedder, annotated))


@pytest.mark.slow
def test_sample_corpus_is_one_story_about_trump_and_kim(embedder, annotated):
    from storyline.ingest.document import build_document
    from storyline.ingest.readers import iter_inputs
    from storyline.link.stories import build_stories

    docs = [build_document(r) for r in iter_inputs([REPO / "examples" / "korea-summits"]) if not hasattr(r, "reason")]
    dcts = {d.id: GOLD["sample"]["dct"][Path(d.source_path).name[:3]] for d in docs}
    anns, index, events = _linked(docs, dcts, embedder, annotated)
    stories, _ = build_stories(docs, anns, index, events, embedder)
    [story] = stories
    assert sorted(story.documents) == sorted(d.id for d in docs)
    assert "Donald Trump" in story.label and "Kim Jong-un" in story.label
    assert "2017–2019" in story.label
    assert sorted(story.events) == sorted(e.id for e in events)
    assert len({s.document for s in story.summary}) == len(story.summary) == 3  # one sentence per outlet
    texts = {d.id: d.text for d in docs}
    assert all(" ".join(texts[s.document].split()).count(s.sentence) for s in story.summary)


@pytest.mark.slow
def test_unrelated_wire_stories_split(wire, embedder):
    from storyline.link.stories import build_stories

    docs, anns, index, events = wire
    stories, _ = build_stories(docs, anns, index, events, embedder)
    assert sorted(sorted(s.documents) for s in stories) == sorted(sorted(g) for g in GOLD["wire"]["stories"])
    libya = next(s for s in stories if "wire-derna-a" in s.documents)
    assert "Xi Jinping" not in libya.label
    china = next(s for s in stories if "wire-beijing" in s.documents)
    assert "Xi Jinping" in china.label
    for story in stories:  # a story's events are the ones its documents tell
        for e in events:
            cited = {src.document for src in e.sources}
            assert (e.id in story.events) == bool(cited & set(story.documents))


@pytest.mark.slow
def test_new_documents_join_saved_stories_without_reencoding_old_ones(wire, embedder):
    from storyline.link.stories import StoryState, build_stories

    docs, anns, index, events = wire
    first = [d for d in docs if d.id in ("wire-woodside-a", "wire-derna-a")]
    _, state = build_stories(first, anns, index, events, embedder)
    saved = StoryState.from_dict(json.loads(json.dumps(state.to_dict())))  # what the store keeps

    recorder = RecordingEmbedder(embedder)
    stories, _ = build_stories(docs, anns, index, events, recorder, previous=saved)
    assert sorted(sorted(s.documents) for s in stories) == sorted(sorted(g) for g in GOLD["wire"]["stories"])
    assert {s.id for s in stories} == {s["id"] for s in saved.stories}  # the saved stories grew, none new
    old_titles = {d.title for d in first}
    assert not old_titles & set(recorder.texts)  # placed documents are not embedded again


@pytest.mark.slow
def test_unchanged_story_keeps_its_summary_without_encoding(wire, embedder):
    from storyline.link.stories import build_stories

    docs, anns, index, events = wire
    _, state = build_stories(docs, anns, index, events, embedder)
    recorder = RecordingEmbedder(embedder)
    again, _ = build_stories(docs, anns, index, events, recorder, previous=state)
    assert recorder.texts == []
    assert all(s.summary for s in again)


def test_story_state_round_trips_through_json():
    from storyline.link.stories import StoryState

    state = StoryState(stories=[{"id": "story-1", "centroid": [0.5, 0.5], "count": 2, "documents": ["a", "b"],
                                 "actors": {"person-x": 3}, "summary": [["A sentence.", "a"]]}])
    assert StoryState.from_dict(json.loads(json.dumps(state.to_dict()))) == state


def test_a_story_label_spans_the_years_its_events_are_dated_in_not_their_background():
    from storyline.link.stories import _years_spanned
    from storyline.model import Event

    def ev(date: str, inferred: bool = False) -> Event:
        return Event(id=date, date=date, granularity="", summary="s", date_inferred=inferred)

    events = [ev("1939"), ev("196"), ev("2015-11-16"), ev("2015-11"), ev("2016"), ev("2016-02-01"),
              ev("2016-02"), ev("2016-03-01"), ev("2016-06"), ev("2016"), ev("1985", inferred=True)]
    assert _years_spanned(events) == "2015–2016"  # not 1939 (one background event), 196 (a decade), 1985
    assert _years_spanned([ev("2017"), ev("2019-02")]) == "2017–2019"
    assert _years_spanned([ev("19")]) == ""


@pytest.mark.slow
def test_a_story_of_one_article_is_labelled_with_its_headline(wire, embedder):
    from storyline.link.stories import build_stories

    docs, anns, index, events = wire
    [lone] = [d for d in docs if d.id == "wire-derna-a"]
    assert lone.title
    own = [e for e in events if any(src.document == lone.id for src in e.sources)]
    stories, _ = build_stories([lone], {lone.id: anns[lone.id]}, index, own, embedder)
    assert [s.label for s in stories] == [" ".join(lone.title.split())]


def test_a_story_label_names_first_what_more_than_one_of_its_pages_names():
    from collections import Counter

    from storyline.link.actors import link_actors
    from storyline.link.stories import _label
    from storyline.model import Mention

    def m(text, label):
        return Mention(0, len(text), text, label, text)

    # spaCy tagged a product a person on one page; both pages name Apple and the MacBook Pro
    mentions = {"a": [m("MagSafe", "PERSON")] * 4 + [m("MacBook Pro", "ORG")] * 3 + [m("Apple", "ORG")],
                "b": [m("Mac Pro", "PERSON")] * 3 + [m("MacBook Pro", "ORG")] * 2 + [m("Apple", "ORG")] * 2}
    index = link_actors(mentions)
    ids = {a.name: a.id for a in index.actors}
    counts = Counter(ids[x.text] for ms in mentions.values() for x in ms)
    story = {"documents": ["a", "b"], "actors": dict(counts)}
    spread = Counter({ids["MacBook Pro"]: 2, ids["Apple"]: 2, ids["MagSafe"]: 1, ids["Mac Pro"]: 1})
    assert _label(story, index, [], spread) == "MacBook Pro, Apple"
    assert _label(story, index, []) == "MagSafe, Mac Pro"  # without knowing who names what: the people


def test_a_story_label_says_what_its_events_are_in_the_words_of_their_sources():
    from storyline.link.actors import link_actors
    from storyline.link.stories import _label
    from storyline.model import Event, EventSource, Mention

    def ev(summary: str, n: int) -> Event:
        return Event(id=summary, date="2016-02-09", granularity="day", summary=summary,
                     sources=[EventSource(f"d{i}", summary, 0, 1, "Tuesday") for i in range(n)])

    index = link_actors({"a": [Mention(0, 15, "Hillary Clinton", "PERSON", "Hillary Clinton")]})
    story = {"documents": ["a"], "actors": {index.actors[0].id: 1}}
    events = [ev("Sanders won the New Hampshire primary", 3), ev("Clinton spoke at a G20 summit", 2),
              ev("Iowa caucuses", 1)]
    assert _label(story, index, events) == "Hillary Clinton: primaries 2016"
    assert _label(story, index, events[1:2]) == "Hillary Clinton: summits 2016"
