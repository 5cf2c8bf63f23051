"""Stories: documents grouped by what they are about, incrementally.

Single-pass clustering against story centroids: each document is a vector (the mean embedding of its
title and lead sentences) plus the counts of the actors it names. A new document joins the story it is
nearest to when the blended score (meaning, shared actors, shared timeline events) clears
``_JOIN``; otherwise it starts a story. ``StoryState`` keeps each story's centroid, actor counts and
documents, so a later run places only the new documents: cost is linear in the new documents times the
number of stories, and nothing already placed moves.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from storyline.model import Annotations, Document, Event, Story, SummarySentence

if TYPE_CHECKING:
    from storyline.link.actors import ActorIndex
    from storyline.link.embeddings import Embedder
    from storyline.store import Store

__all__ = ["StoryState", "build_stories", "load_story_state", "save_story_state"]

_STATE_KEY = "stories"
# The lead says what an article is about; the tail drifts into background. 4: the same stories on the
# sample and the wire fixtures as 8, at half the embedding cost (which dominates linking).
_LEAD_SENTENCES = 4
# A story's summary is drawn from the leads of its documents that the timeline cites most, so its cost
# stays flat however many documents the story gathers.
_SUMMARY_DOCUMENTS = 8
_TOP_ACTORS = 8
# Blend weights and the join threshold, measured with benchmarks/timeline.py and stories_dev.py: the three
# sample op-eds score 0.55-0.75 against each other's story and the real pages of one story 0.58-0.92; the
# unrelated Libya wire stories 0.05-0.25 against the US-China ones (tests/link/fixtures/wire.json), and an
# article on Israeli settlements 0.43 against a US-China trade war story (both name Trump and the US).
_W_MEANING, _W_ACTORS, _EVENT_BONUS = 0.6, 0.4, 0.15
_JOIN = 0.48
_SUMMARY_SENTENCES = 3
_MIN_SUMMARY_WORDS = 8
# What a story's events are, in the words news uses for them: summary word -> label word.
_EVENT_WORDS = {
    "summit": "summits", "summits": "summits", "meeting": "meetings", "meetings": "meetings", "met": "meetings",
    "meet": "meetings", "talks": "talks", "visit": "visits", "trip": "visits", "election": "elections",
    "vote": "elections", "storm": "floods", "flood": "floods", "floods": "floods", "dams": "floods",
    "earthquake": "earthquake", "attack": "attacks", "strike": "strikes", "strikes": "strikes", "war": "war",
    "protest": "protests", "protests": "protests", "trial": "trial", "sanctions": "sanctions",
    "test": "weapons tests", "tests": "weapons tests", "missile": "weapons tests", "deal": "deal",
    "agreement": "deal", "negotiations": "talks", "crisis": "crisis", "tariffs": "tariffs",
    # campaigns: the 2016 coverage of PolNeAR was "summits" (a G20 summit) before these
    "primary": "primaries", "primaries": "primaries", "caucus": "caucuses", "caucuses": "caucuses",
    "debate": "debates", "debates": "debates", "convention": "conventions", "rally": "rallies",
    "rallies": "rallies", "hearing": "hearings", "hearings": "hearings",
}


@dataclass
class StoryState:
    """What a later run needs to place new documents: per story its centroid and actor counts."""

    stories: list[dict[str, Any]] = field(default_factory=list)
    # each: {"id", "centroid": [float], "count": int, "documents": [str], "actors": {actor id: int},
    #        "summary": [[sentence, document id]] (kept until the story gains or loses a document)}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> StoryState:
        return cls(stories=list((raw or {}).get("stories", [])))


def load_story_state(store: Store) -> StoryState | None:
    raw = store.get_state(_STATE_KEY)
    return StoryState.from_dict(raw) if raw else None


def save_story_state(store: Store, state: StoryState) -> None:
    store.set_state(_STATE_KEY, state.to_dict())


def build_stories(
    documents: list[Document], annotations: dict[str, Annotations], actors: ActorIndex, events: list[Event],
    embedder: Embedder, previous: StoryState | None = None,
) -> tuple[list[Story], StoryState]:
    """The stories of the corpus and the state a later run continues from (see the module docstring)."""
    state = StoryState.from_dict(previous.to_dict()) if previous else StoryState()
    present = {d.id for d in documents}
    for s in state.stories:  # a document gone from the store leaves its story
        kept = [d for d in s["documents"] if d in present]
        if len(kept) != len(s["documents"]):
            s["documents"], s["summary"] = kept, None
    state.stories = [s for s in state.stories if s["documents"]]
    placed = {d for s in state.stories for d in s["documents"]}

    new = sorted((d for d in documents if d.id not in placed), key=lambda d: (d.published or "", d.id))
    if new:
        vectors = _document_vectors(new, annotations, embedder)
        events_of = _events_by_document(events)
        for doc, vector in zip(new, vectors, strict=True):
            counts = _actor_counts(doc.id, annotations.get(doc.id), actors)
            story = _nearest_story(state, vector, counts, events_of.get(doc.id, set()), events_of)
            if story is None:
                story = {"id": "story-" + hashlib.sha1(doc.id.encode()).hexdigest()[:10],
                         "centroid": [0.0] * len(vector), "count": 0, "documents": [], "actors": {}}
                state.stories.append(story)
            _add(story, doc.id, vector, counts)
            story["summary"] = None

    by_id = {d.id: d for d in documents}
    stories = [_story(s, by_id, annotations, actors, events, embedder) for s in state.stories]
    return stories, state


def _document_vectors(docs: list[Document], annotations: dict[str, Annotations], embedder: Embedder) -> np.ndarray:
    texts: list[str] = []
    owners: list[int] = []
    for k, doc in enumerate(docs):
        ann = annotations.get(doc.id)
        lead = [s.text for s in ann.sentences[:_LEAD_SENTENCES]] if ann and ann.sentences else [doc.text[:1000]]
        for t in ([doc.title] if doc.title else []) + lead:
            if t.strip():
                texts.append(t)
                owners.append(k)
    vectors = embedder.encode(texts) if texts else np.zeros((0, 384), dtype=np.float32)
    dim = vectors.shape[1] if len(vectors) else 384
    out = np.zeros((len(docs), dim), dtype=np.float32)
    for k, v in zip(owners, vectors, strict=True):
        out[k] += v
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


def _actor_counts(doc_id: str, ann: Annotations | None, actors: ActorIndex) -> dict[str, int]:
    if ann is None:
        return {}
    counts: Counter[str] = Counter()
    for k, m in enumerate(ann.mentions):
        if m.label not in ("PERSON", "ORG", "GPE", "FAC", "LOC", "EVENT"):
            continue
        try:
            counts[actors.actor_for(doc_id, k)] += 1
        except KeyError:
            continue
    return dict(counts.most_common(_TOP_ACTORS))


def _events_by_document(events: list[Event]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in events:
        for s in e.sources:
            out.setdefault(s.document, set()).add(e.id)
    return out


def _nearest_story(state: StoryState, vector: np.ndarray, counts: dict[str, int], doc_events: set[str],
                   events_of: dict[str, set[str]]) -> dict[str, Any] | None:
    best, best_score = None, _JOIN
    for story in state.stories:
        score = story_score(vector, counts, story)
        story_events = set().union(*(events_of.get(d, set()) for d in story["documents"]))
        if doc_events & story_events:
            score += _EVENT_BONUS
        if score >= best_score:
            best, best_score = story, score
    return best


def story_score(vector: np.ndarray, counts: dict[str, int], story: dict[str, Any]) -> float:
    """How well a document fits a story: blended cosine of meaning and of actor counts."""
    centroid = np.asarray(story["centroid"], dtype=np.float32)
    norm = float(np.linalg.norm(centroid))
    meaning = float(vector @ centroid / norm) if norm else 0.0
    return _W_MEANING * meaning + _W_ACTORS * _counts_cosine(counts, story["actors"])


def _counts_cosine(a: dict[str, int], b: dict[str, int]) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = sum(v * v for v in a.values()) ** 0.5
    nb = sum(v * v for v in b.values()) ** 0.5
    return dot / (na * nb) if na and nb else 0.0


def _add(story: dict[str, Any], doc_id: str, vector: np.ndarray, counts: dict[str, int]) -> None:
    n = story["count"]
    centroid = (np.asarray(story["centroid"], dtype=np.float32) * n + vector) / (n + 1)
    story["centroid"] = [round(float(x), 6) for x in centroid]
    story["count"] = n + 1
    story["documents"].append(doc_id)
    for k, v in counts.items():
        story["actors"][k] = story["actors"].get(k, 0) + v


def _story(s: dict[str, Any], by_id: dict[str, Document], annotations: dict[str, Annotations],
           actors: ActorIndex, events: list[Event], embedder: Embedder) -> Story:
    docs = set(s["documents"])
    story_events = [e for e in events if any(src.document in docs for src in e.sources)]
    if s.get("summary") is None:  # only a story that changed is summarized again
        cited = Counter(src.document for e in story_events for src in e.sources)
        members = [by_id[d] for d in s["documents"] if d in by_id]
        members.sort(key=lambda d: (-cited[d.id], -d.word_count, d.id))
        chosen = _summary(members[:_SUMMARY_DOCUMENTS], annotations, embedder)
        s["summary"] = [[x.sentence, x.document] for x in chosen]
    # one article is its own story: its headline says what it is better than its most named actors
    # ("Spiced Honey Pear Jam", not "Honey, Don Victor")
    only = by_id.get(s["documents"][0]) if len(s["documents"]) == 1 else None
    if only is not None and only.title:
        label = " ".join(only.title.split())
    else:  # how many of the story's documents name each actor among their most named
        spread = Counter(k for d in s["documents"] for k in _actor_counts(d, annotations.get(d), actors))
        label = _label(s, actors, story_events, spread)
    return Story(
        id=s["id"], label=label, documents=list(s["documents"]),
        events=[e.id for e in story_events],
        summary=[SummarySentence(sentence=t, document=d) for t, d in s["summary"]],
    )


_BACKGROUND_GAP = 5  # years


def _label(s: dict[str, Any], actors: ActorIndex, events: list[Event], spread: Counter[str] | None = None) -> str:
    """"Donald Trump, Kim Jong-un: meetings 2017–2019": the top people (else actors), what the
    story's events are (the event word their summaries use most) and the years they span. In a story of
    several documents, the actors more than one of them names come first: what one page alone names
    ("MagSafe", tagged a person) is that page's."""
    by_id = {a.id: a for a in actors.actors}
    ranked = [k for k, _ in sorted(s["actors"].items(), key=lambda kv: (-kv[1], kv[0])) if k in by_id]
    shared = [k for k in ranked if spread and len(s["documents"]) > 1 and spread[k] > 1]
    if shared:  # the people more than one page names, then what else they name together
        names = [by_id[k].name for k in shared if by_id[k].type == "PERSON"][:2]
        names += [by_id[k].name for k in shared if by_id[k].name not in names][:2 - len(names)]
    else:
        people = [by_id[k].name for k in ranked if by_id[k].type == "PERSON"]
        names = people[:2] or [by_id[k].name for k in ranked][:2]
    head = ", ".join(names) or "Untitled story"
    words: Counter[str] = Counter()
    for e in events:  # each event counts once per source telling it
        for word in {_EVENT_WORDS[w] for w in re.findall(r"[a-z]+", e.summary.casefold()) if w in _EVENT_WORDS}:
            words[word] += len(e.sources)
    key = min(words, key=lambda w: (-words[w], w)) if words else None
    if key is not None and words[key] < 2:
        key = None  # what one source says of one event is not the story's ("the Falklands War" in a royal scandal)
    span = _years_spanned(events)
    tail = " ".join(p for p in (key, span) if p)
    return f"{head}: {tail}" if tail else head


def _years_spanned(events: list[Event]) -> str:
    """The years a story's events span: dated to a year or finer by their sources (not a decade, not a
    date deduced from an undated article), without the background a few of them reach back or ahead to
    (a story about 2016 that recalls 1939): the years fall into runs split by gaps of more than
    _BACKGROUND_GAP years, and the run holding most events is the story's (its central 80% when it holds
    ten or more)."""
    years = sorted(int(e.date[:4]) for e in events if re.match(r"\d{4}", e.date) and not e.date_inferred)
    if not years:
        return ""
    runs: list[list[int]] = [[years[0]]]
    for y in years[1:]:
        if y - runs[-1][-1] > _BACKGROUND_GAP:
            runs.append([])
        runs[-1].append(y)
    run = max(runs, key=lambda r: (len(r), r[-1]))
    if len(run) >= 10:  # a big story's background thins out over decades: its central 80%
        run = run[len(run) // 10: len(run) - len(run) // 10]
    return str(run[0]) if run[0] == run[-1] else f"{run[0]}–{run[-1]}"


def _summary(docs: list[Document], annotations: dict[str, Annotations], embedder: Embedder) -> list[SummarySentence]:
    """A few central sentences, each from a different document when it can: closest to the story's
    mean meaning, minus their likeness to those already chosen (so they cover different ground)."""
    pool: list[tuple[str, str]] = []
    for doc in docs:
        ann = annotations.get(doc.id)
        for sent in (ann.sentences if ann else [])[:_LEAD_SENTENCES]:
            text = " ".join(sent.text.split())
            if len(text.split()) >= _MIN_SUMMARY_WORDS:
                pool.append((text, doc.id))
    if not pool:
        return []
    vectors = embedder.encode([t for t, _ in pool])
    centre = vectors.mean(axis=0)
    centre /= np.linalg.norm(centre) or 1.0
    central = vectors @ centre
    chosen: list[int] = []
    outlets_used: set[str] = set()
    outlet_of = {d.id: d.outlet or d.id for d in docs}
    while len(chosen) < min(_SUMMARY_SENTENCES, len(pool)):
        best, best_score = None, -np.inf
        for i, (_, doc_id) in enumerate(pool):
            if i in chosen:
                continue
            redundancy = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            score = float(central[i]) - 0.5 * redundancy - (0.3 if outlet_of[doc_id] in outlets_used else 0.0)
            if score > best_score:
                best, best_score = i, score
        chosen.append(best)
        outlets_used.add(outlet_of[pool[best][1]])
    return [SummarySentence(sentence=pool[i][0], document=pool[i][1]) for i in chosen]
