"""The cross-outlet timeline: dated happenings, the same one told by several outlets merged into one event.

A candidate event is a clause with a predicate and a point date (a DATE timex whose value covers fixed
days: ``2018-06-12``, ``2019-02``, ``2017-FA``; not durations, sets or ``PRESENT_REF``). One sentence can
hold two events at two dates ("In 2017, when Trump and Kim were trading barbs on Twitter, a first
meeting in Singapore last year was unthinkable"): each timex gets the clause it belongs to.

Candidates are merged across documents (and within one) when their dates are compatible (2018-06-12
lies inside 2018), their places do not clash, and they mean the same thing (sentence embeddings, with
shared actors or place lowering the bar). Same-actor events stay apart when their dates or places
differ (Singapore 2018, Hanoi 2019, the DMZ in June 2019). Each event keeps the most precise date any
source gives and cites every source sentence with its offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from storyline.model import Annotations, Document, Event, EventSource, Mention, Sentence, Timex
from storyline.temporal import bounds, compatible, granularity_of, more_precise

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from storyline.link.actors import ActorIndex
    from storyline.link.embeddings import Embedder

__all__ = ["Candidate", "build_events", "find_candidates", "merge_candidates"]

# Thresholds on the cosine of all-MiniLM-L6-v2 clause embeddings, measured on the date-compatible
# candidate pairs of the sample corpus and tests/link/fixtures/wire.json (see benchmarks/timeline.py):
# same event across outlets 0.45-0.75 (one outlier at 0.19: "the frequent rhetorical exchanges last
# year" vs "trading barbs on Twitter"); different events with the same actors at most 0.54 (Blinken's
# trip to Beijing "in June" vs his talks with Qin Gang on the Sunday). A pair merges on meaning alone
# at _SAME_MEANING, or at _RELATED when it also shares the place or most of its actors.
_SAME_MEANING = 0.58
_RELATED = 0.35
_SHARED_ACTORS = 0.5  # Jaccard of the two clauses' actors

_LONG_CLAUSE = 30  # tokens: longer reads as a paragraph on a timeline
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
# "in Singapore", "at the Demilitarized Zone", "to Hanoi": a place named after these is where it happened.
_PLACE_CUE = re.compile(r"\b(?:in|at|to|near|outside|inside|on)\s+(?:the\s+)?$", re.IGNORECASE)
# "split ... since 2014", "until 2020": the date bounds a state, it does not date a happening.
_SPAN_CUE = re.compile(r"\b(?:since|until|till|by|through|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
# "Today, DPRK has increasing demand ...": an op-ed's present is a state, not a dated happening.
# "the Hanoi meeting", "the Singapore summit": a place naming the gathering is where it happened.
_GATHERING_AFTER = re.compile(r"^[\s-]*(?:summit|meeting|talks|conference|negotiations|visit|trip)\b", re.IGNORECASE)
_PRESENT_WORDS = {"today", "nowadays", "these days", "currently", "this week", "this month", "this year"}
# Fronted "Despite the exchanges last year, ...": the phrase, not the main clause, is what is dated.
_EVENT_PREPOSITIONS = {"after", "before", "since", "following", "despite", "amid", "during", "until"}
_CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "conj", "parataxis", "xcomp", "csubj", "acl", "pcomp"}
_LEADING_LINKERS = re.compile(r"^(?:after|before|since|when|while|as|although|though|despite|following|"
                              r"amid|during|until|because|once|and|but|so)\b[\s,]*", re.IGNORECASE)


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
    """Every dated clause with a predicate, in document order."""
    from storyline.annotate.pipeline import load_nlp

    found: list[tuple[Document, Annotations, int, list[Timex]]] = []
    for doc in documents:
        ann = annotations.get(doc.id)
        if ann is None or ann.skipped_reason:
            continue
        for i, sent in enumerate(ann.sentences):
            dated = [_within_dct(t, ann.dct) for t in ann.timexes if sent.start <= t.start and t.end <= sent.end]
            dated = [t for t in dated if _is_point(t)]
            if dated:
                found.append((doc, ann, i, dated))
    if not found:
        return []
    nlp = load_nlp()
    parsed = nlp.pipe([ann.sentences[i].text for _, ann, i, _ in found], batch_size=64)
    out: list[Candidate] = []
    for (doc, ann, i, dated), sdoc in zip(found, parsed, strict=True):
        sent = ann.sentences[i]
        if not any(t.pos_ in ("VERB", "AUX") for t in sdoc):
            continue  # a caption or heading ("June 12, 2018: ...") has no predicate
        spans = _clause_spans(sdoc, [(t.start - sent.start, t.end - sent.start) for t in dated])
        for timex, span in zip(dated, spans, strict=True):
            if span is None or _is_present_state(timex, span) or _SPAN_CUE.search(sent.text[:timex.start - sent.start]):
                continue
            a, b = sent.start + span.start_char, sent.start + span.end_char
            mentions = [(k, m) for k, m in enumerate(ann.mentions) if a <= m.start and m.end <= b]
            cand = Candidate(document=doc.id, sentence=sent, sentence_index=i, clause=_trimmed(span.text),
                             timex=timex)
            _add_actors_and_place(cand, doc, mentions, actors)
            out.append(cand)
    return out


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


def _is_point(t: Timex) -> bool:
    """A DATE/TIME whose value covers fixed days: durations, sets and *_REF values are not anchors."""
    return t.type in ("DATE", "TIME") and granularity_of(t.value) is not None and bounds(t.value) is not None


def _within_dct(t: Timex, dct: str | None) -> Timex:
    """"met on Sunday" in an article dated only "2019" (inferred): the weekday cannot be placed, but the
    happening lies within what is known of the article's date, so the event is dated "2019"."""
    if t.type != "DATE" or not t.value.startswith("XXXX") or not dct or bounds(dct) is None or _is_point(t):
        return t
    return replace(t, value=dct, granularity=granularity_of(dct), anchored=False)


def _is_present_state(timex: Timex, span: Span) -> bool:
    """"Today, DPRK has increasing demand ...": a present-tense clause dated only by "today"."""
    if timex.text.casefold() not in _PRESENT_WORDS:
        return False
    return not any(t.tag_ in ("VBD", "VBN") or t.lower_ in ("will", "'ll") for t in span)


def _clause_spans(sdoc, offsets: list[tuple[int, int]]) -> list[Span | None]:
    """The clause each timex (character offsets in the sentence) dates; the whole sentence when the
    timex belongs to the main clause, minus the subordinate clauses other timexes claim."""
    heads: list[Token | None] = []
    for a, b in offsets:
        span = sdoc.char_span(a, b, alignment_mode="expand")
        heads.append(span.root if span is not None and len(span) else None)
    anchors = [_anchor(h) if h is not None else None for h in heads]
    out: list[Span | None] = []
    for k, anchor in enumerate(anchors):
        if anchor is None:
            out.append(None)
            continue
        if anchor.dep_ != "ROOT":
            out.append(_shortened(_without_punct(sdoc[anchor.left_edge.i: anchor.right_edge.i + 1]), anchor, heads[k]))
            continue
        # The main clause: drop the subordinate clauses other timexes took, keep the block with this one.
        taken = [(o.left_edge.i, o.right_edge.i) for j, o in enumerate(anchors)
                 if j != k and o is not None and o.dep_ != "ROOT"]
        start, end = 0, len(sdoc)
        head = heads[k]
        for lo, hi in taken:
            if hi < head.i:
                start = max(start, hi + 1)
            elif lo > head.i:
                end = min(end, lo)
        out.append(_shortened(_without_punct(sdoc[start:end]), anchor, head))
    return out


def _shortened(span: Span, anchor: Token, timex_head: Token) -> Span:
    """A clause over _LONG_CLAUSE tokens loses the coordinated predicates after the dated one
    ("The summit on June 12 in Singapore broke through ... and marked the first time ...")."""
    if len(span) <= _LONG_CLAUSE:
        return span
    for child in anchor.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.left_edge.i > timex_head.i \
                and span.start < child.left_edge.i < span.end:
            cut = child.left_edge.i
            while cut > span.start and (span.doc[cut - 1].dep_ == "cc" or span.doc[cut - 1].text in (",", ";")):
                cut -= 1
            if cut - span.start >= 6:
                return span.doc[span.start:cut]
    return span


def _anchor(tok: Token) -> Token:
    """The clause (verb) or fronted event phrase a timex token belongs to."""
    t = tok
    while True:
        if t.dep_ == "prep" and t.lower_ in _EVENT_PREPOSITIONS and t.i == t.sent.start:
            return t  # "Despite the frequent rhetorical exchanges last year, ..."
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in _CLAUSE_DEPS or t.dep_ == "ROOT") and t.dep_ != "aux":
            if t.dep_ in ("xcomp", "pcomp", "conj") and t.head.i != t.i:
                t = t.head
                continue
            return _fronted_when(tok, t)
        # spaCy makes a new Token object on each access: compare positions, never identity.
        if t.head.i == t.i:
            return t
        t = t.head


def _fronted_when(timex_tok: Token, clause: Token) -> Token:
    """"In 2017, when Trump and Kim were trading barbs, ...": the fronted date belongs to the
    when-clause right after it, not to the main clause the parser hangs it on."""
    if clause.dep_ != "ROOT":
        return clause
    for child in clause.children:
        if child.dep_ == "advcl" and child.left_edge.i > timex_tok.i:
            between = clause.doc[timex_tok.i + 1: child.left_edge.i]
            if child.left_edge.lower_ == "when" and all(t.is_punct or t.i <= timex_tok.right_edge.i for t in between):
                return child
    return clause


def _without_punct(span: Span) -> Span:
    a, b = span.start, span.end
    while a < b and (span.doc[a].is_punct or span.doc[a].is_space):
        a += 1
    while b > a and (span.doc[b - 1].is_punct or span.doc[b - 1].is_space):
        b -= 1
    return span.doc[a:b]


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
    return Event(
        id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:12], date=date,
        granularity=granularity_of(date) or "", summary=best.clause, actors=actor_ids,
        location=_place_name(places[0], actors) if places else None, sources=sources,
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
