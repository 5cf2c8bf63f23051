"""The cross-outlet timeline: dated happenings, the same one told by several outlets merged into one event.

A candidate event is a dated clause that annotate found in one document (annotate/clauses.py: a clause
with a predicate and a point date such as ``2018-06-12``, ``2019-02``, ``2017-FA``). This stage reads
those clauses from the annotations; it never parses again.

Candidates are merged across documents (and within one) when their dates are compatible (2018-06-12
lies inside 2018), their places do not clash, and they mean the same thing (sentence embeddings, with
shared actors or place lowering the bar). Same-actor events stay apart when their dates or places
differ (Singapore 2018, Hanoi 2019, the DMZ in June 2019). Each event keeps the most precise date any
source gives and cites every source sentence with its offsets.

A document with no date of its own is dated by annotate from the latest date it mentions, a lower bound
that is often years early ("the storming of the Bastille on July 14, 1789" dated an article about 2016's
attacks 1789). Its relative dates ("in March", "last week", "on Sunday") are read against that guess: they
are placed on the timeline (marked ``date_inferred``) only when the guess falls within a year of the
corpus's present (the latest dates the other documents carry, ``corpus_present``), before or after it;
otherwise they stay in the document's annotations and off the timeline. Dates the text writes out are
always placed. On PolNeAR's 840 undated texts, 0.92 of the events placed so have their year right within
one (``benchmarks/timeline_undated.py``).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from storyline.model import Annotations, Document, Event, EventSource, Mention, Sentence, Timex
from storyline.temporal import bounds, compatible, granularity_of, more_precise

if TYPE_CHECKING:
    from storyline.link.actors import ActorIndex
    from storyline.link.embeddings import Embedder

__all__ = ["Candidate", "build_events", "corpus_present", "find_candidates", "merge_candidates"]

# Thresholds on the cosine of all-MiniLM-L6-v2 clause embeddings, measured on the date-compatible
# candidate pairs of the sample corpus and tests/link/fixtures/wire.json (see benchmarks/timeline.py):
# same event across outlets 0.45-0.75 (one outlier at 0.19: "the frequent rhetorical exchanges last
# year" vs "trading barbs on Twitter"); different events with the same actors at most 0.54 (Blinken's
# trip to Beijing "in June" vs his talks with Qin Gang on the Sunday). A pair merges on meaning alone
# at _SAME_MEANING, or at _RELATED when it also shares the place or most of its actors.
_SAME_MEANING = 0.58
_RELATED = 0.35
_SHARED_ACTORS = 0.5  # Jaccard of the two clauses' actors

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
# "in Singapore", "at the Demilitarized Zone", "to Hanoi": a place named after these is where it happened.
_PLACE_CUE = re.compile(r"\b(?:in|at|to|near|outside|inside|on)\s+(?:the\s+)?$", re.IGNORECASE)
# "the Hanoi meeting", "the Singapore summit": a place naming the gathering is where it happened.
_GATHERING_AFTER = re.compile(r"^[\s-]*(?:summit|meeting|talks|conference|negotiations|visit|trip)\b", re.IGNORECASE)
# not "As of October, …" ("Of October" is no line) nor "As well as"
_LEADING_LINKERS = re.compile(r"^(?:after|before|since|when|while|as(?!\s+(?:of|well|far|long|soon|much)\b)|"
                              r"although|though|despite|following|amid|during|until|because|once|and|but|so)"
                              r"\b[\s,]*", re.IGNORECASE)


@dataclass
class Candidate:
    """One dated clause of one document: an event as one outlet tells it."""

    document: str
    sentence: Sentence
    sentence_index: int
    clause: str  # the clause (or whole sentence) the date belongs to, trimmed for display
    timex: Timex
    actors: set[str] = field(default_factory=set)  # actor ids
    places: list[str] = field(default_factory=list)  # actor ids of the places named with "in/at/to"
    place_names: list[str] = field(default_factory=list)

    @property
    def value(self) -> str:
        return self.timex.value


def build_events(
    documents: list[Document], annotations: dict[str, Annotations], actors: ActorIndex,
    embedder: Embedder | None = None,
) -> list[Event]:
    """The timeline of the corpus: merged events sorted by date (see the module docstring)."""
    candidates = find_candidates(documents, annotations, actors)
    if not candidates:
        return []
    if embedder is None:
        from storyline.link.embeddings import Embedder

        embedder = Embedder()
    vectors = embedder.encode([c.clause for c in candidates])
    groups = merge_candidates(candidates, vectors)
    events = [_event(group, actors) for group in groups]
    seen: dict[str, int] = {}
    for e in events:  # ids are content hashes; a clash must never stop the corpus from being written
        seen[e.id] = seen.get(e.id, 0) + 1
        if seen[e.id] > 1:
            e.id = f"{e.id}-{seen[e.id]}"
    return sorted(events, key=_date_key)


def find_candidates(
    documents: Iterable[Document], annotations: dict[str, Annotations], actors: ActorIndex,
) -> list[Candidate]:
    """Every dated clause annotate found, in document order, with its actors and place; a date read
    against a document date deduced far before the corpus's present is left off (module docstring)."""
    documents = list(documents)
    present = corpus_present(documents, annotations)
    out: list[Candidate] = []
    for doc in documents:
        ann = annotations.get(doc.id)
        if ann is None or ann.skipped_reason:
            continue
        placeable = not _stale_guess(doc, ann, present)
        starts = [s.start for s in ann.sentences]
        for clause in ann.clauses:
            timex = ann.timexes[clause.timex]
            if clause.value != timex.value:  # a weekday dated by the article's own date
                timex = replace(timex, value=clause.value, granularity=granularity_of(clause.value), anchored=False)
            if not timex.anchored and not placeable:
                continue
            i = max(bisect.bisect_right(starts, clause.start) - 1, 0)
            a, b = clause.start, clause.end
            mentions = [(k, m) for k, m in enumerate(ann.mentions) if a <= m.start and m.end <= b]
            cand = Candidate(document=doc.id, sentence=ann.sentences[i], sentence_index=i,
                             clause=_trimmed(doc.text[a:b]), timex=timex)
            _add_actors_and_place(cand, doc, mentions, actors)
            out.append(cand)
    return out


_PRESENT_QUANTILE = 0.9  # the corpus's present: a high quantile of its dates, not one outlier
_GUESS_SLACK = 1  # years a deduced document date may lie before the corpus's present


def corpus_present(documents: list[Document], annotations: dict[str, Annotations]) -> int | None:
    """The year the corpus is written in: a high quantile of its documents' own (not deduced) dates, or of
    the deduced ones when no document carries its date."""
    given = [int(d.published[:4]) for d in documents if d.published and not d.published_inferred
             and d.published[:4].isdigit()]
    deduced = [int(a.dct[:4]) for d in documents if (a := annotations.get(d.id)) is not None and a.dct
               and d.published_inferred and a.dct[:4].isdigit()]
    years = sorted(given or deduced)
    return years[int(_PRESENT_QUANTILE * (len(years) - 1))] if years else None


def _stale_guess(doc: Document, ann: Annotations, present: int | None) -> bool:
    """Is this document's date a guess from its mentions that lies well before the corpus's present, or
    after it? (A guess is a lower bound; one years past every other document's date came from a date the
    article looks ahead to that the inference did not see as such: "in 2026, the final year of the budget
    window" put a 2016 article in 2026.)"""
    if present is None or not doc.published_inferred or not ann.dct or not ann.dct[:4].isdigit():
        return False
    return not present - _GUESS_SLACK <= int(ann.dct[:4]) <= present + _GUESS_SLACK


def merge_candidates(candidates: list[Candidate], vectors: np.ndarray) -> list[list[Candidate]]:
    """Groups of candidates telling the same event: pairs that qualify (``_same_event``) merge best
    first, and two groups join only when every pair across them has compatible dates and places."""
    n = len(candidates)
    pairs = _qualifying_pairs(candidates, vectors)
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in sorted(pairs, reverse=True):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if not all(_may_share_event(candidates[a], candidates[b]) for a in members[gi] for b in members[gj]):
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi].extend(members.pop(gj))
    return [[candidates[k] for k in sorted(ks)] for ks in members.values()]


def _qualifying_pairs(candidates: list[Candidate], vectors: np.ndarray) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for every pair ``_same_event`` accepts, without comparing all pairs: two
    candidates can only tell one event when their dates overlap, so candidates are swept in date order
    and each is compared (one matrix-vector product) with those starting before it ends. The cost
    grows with the candidates times their overlapping neighbours, not with the square of the corpus."""
    n = len(candidates)
    if n < 2:
        return []
    spans = [bounds(c.value) for c in candidates]
    lo = np.array([sp[0].toordinal() for sp in spans])
    hi = np.array([sp[1].toordinal() for sp in spans])
    order = np.argsort(lo, kind="stable")
    lo_sorted = lo[order]
    pairs: list[tuple[float, int, int]] = []
    for pos, i in enumerate(order):
        end = int(np.searchsorted(lo_sorted, hi[i], side="right"))
        later = order[pos + 1:end]  # they start no earlier than i and before i ends: they overlap
        if not len(later):
            continue
        sims = vectors[later] @ vectors[i]
        for j, sim in zip(later[sims >= _RELATED], sims[sims >= _RELATED], strict=True):
            if _same_event(candidates[i], candidates[j], float(sim)):
                pairs.append((float(sim), int(min(i, j)), int(max(i, j))))
    return pairs


def _same_event(a: Candidate, b: Candidate, similarity: float) -> bool:
    if not _may_share_event(a, b):
        return False
    if similarity >= _SAME_MEANING:
        return True
    shared_place = bool(set(a.places) & set(b.places))
    union = a.actors | b.actors
    shared_actors = bool(union) and len(a.actors & b.actors) / len(union) >= _SHARED_ACTORS
    return similarity >= _RELATED and (shared_place or shared_actors)


def _may_share_event(a: Candidate, b: Candidate) -> bool:
    """Compatible dates, no clash of places, and not two timexes of one sentence."""
    if a.document == b.document and a.sentence_index == b.sentence_index:
        return False
    if not compatible(a.value, b.value):
        return False
    # "at the Filoli estate in Woodside" and "in Woodside": one shared place is enough.
    return not a.places or not b.places or bool(set(a.places) & set(b.places))


def _trimmed(text: str) -> str:
    """A clause as a display line: no leading "After"/"when", first letter upper case."""
    text = " ".join(text.split())
    short = _LEADING_LINKERS.sub("", text, count=1)
    if len(short.split()) >= 3:
        text = short
    text = text[:1].upper() + text[1:]
    # a clause cut from a quoted sentence can lose its opening mark ('Just landed— …,” Trump tweeted'):
    # put the missing one back so the line does not show half a quotation
    opening, closing = text.count("“"), text.count("”")
    if closing > opening and text.find("”") < (text.find("“") if "“" in text else len(text)):
        text = "“" + text
    elif opening > closing and text.rfind("“") > text.rfind("”"):
        text = text + "”"
    return text


def _add_actors_and_place(cand: Candidate, doc: Document, mentions: list[tuple[int, Mention]],
                          actors: ActorIndex) -> None:
    for k, m in mentions:
        try:
            aid = actors.actor_for(doc.id, k)
        except KeyError:
            continue
        if m.label in _PLACE_LABELS and (
                _PLACE_CUE.search(doc.text[max(0, m.start - 12): m.start])
                or _GATHERING_AFTER.match(doc.text[m.end: m.end + 16])):
            if aid not in cand.places:
                cand.places.append(aid)
                cand.place_names.append(m.name or m.text)
            continue
        if m.label in _ACTOR_LABELS and m.label != "NORP":
            cand.actors.add(aid)


def _event(group: list[Candidate], actors: ActorIndex) -> Event:
    date = group[0].value
    for c in group[1:]:
        date = more_precise(date, c.value)
    best = min(group, key=lambda c: (c.value != date, _summary_length_penalty(c.clause)))
    sources: list[EventSource] = []
    seen: set[tuple[str, int]] = set()
    for c in sorted(group, key=lambda c: (c.document, c.sentence.start)):
        if (c.document, c.sentence.start) in seen:
            continue
        seen.add((c.document, c.sentence.start))
        sources.append(EventSource(document=c.document, sentence=c.sentence.text, start=c.sentence.start,
                                   end=c.sentence.end, time_expression=c.timex.text))
    places = [best.place_names[0]] if best.place_names else [n for c in group for n in c.place_names]
    actor_ids = sorted({a for c in group for a in c.actors})
    # Two events can share their sentences and date (two clauses of one sentence): the time
    # expressions that anchor them tell them apart.
    anchors = sorted(f"{c.document}:{c.timex.start}" for c in group)
    key = "|".join(f"{s.document}:{s.start}" for s in sources) + "|" + date + "|" + "|".join(anchors)
    granularity = granularity_of(date) or ""
    if date.endswith("-WE"):
        # the contract's event dates have no weekend form: a weekend is its two days, as a range
        saturday, sunday = bounds(date)
        date, granularity = f"{saturday.isoformat()}/{sunday.isoformat()}", "weekend"
    return Event(
        id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:12], date=date,
        granularity=granularity, summary=best.clause, actors=actor_ids,
        location=_place_name(places[0], actors) if places else None, sources=sources,
        date_inferred=not any(c.timex.anchored for c in group),
    )


def _summary_length_penalty(clause: str) -> int:
    """Prefer a clause of 8-30 words: shorter says too little, longer is a whole paragraph."""
    n = len(clause.split())
    return 8 - n if n < 8 else max(0, n - 30)


def _place_name(name: str, actors: ActorIndex) -> str:
    actor = actors.find(name)
    return actor.name if actor else name


def _date_key(event: Event) -> tuple:
    import datetime as dt

    b = bounds(event.date) or (dt.date.max, dt.date.max)
    return (b[0], b[1], event.id)
