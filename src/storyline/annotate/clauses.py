"""Dated clauses: the clause each point date of a document dates, read from the document's parse.

A dated clause is a clause with a predicate and a point date (a DATE or TIME timex whose value covers
fixed days: ``2018-06-12``, ``2019-02``, ``2017-FA``; not durations, sets or ``PRESENT_REF``). One
sentence can hold two at two dates ("In 2017, when Trump and Kim were trading barbs on Twitter, a first
meeting in Singapore last year was unthinkable"): each timex gets the clause it belongs to, and the main
clause gives up the subordinate clauses other timexes claim.

This is per-document work on annotate's own parse; link/events.py turns the stored clauses of the whole
corpus into the timeline without parsing again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.annotate.doctext import doc_text
from storyline.model import DatedClause, Timex
from storyline.temporal import bounds, granularity_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["dated_clauses", "is_point", "within_dct"]

_LONG_CLAUSE = 30  # tokens: longer reads as a paragraph on a timeline
# "split ... since 2014", "until 2020": the date bounds a state, it does not date a happening.
_SPAN_CUE = re.compile(r"\b(?:since|until|till|by|through|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
# "Today, DPRK has increasing demand ...": an op-ed's present is a state, not a dated happening.
_PRESENT_WORDS = {"today", "nowadays", "these days", "currently", "this week", "this month", "this year"}
# Fronted "Despite the exchanges last year, ...": the phrase, not the main clause, is what is dated.
_EVENT_PREPOSITIONS = {"after", "before", "since", "following", "despite", "amid", "during", "until"}
_CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "conj", "parataxis", "xcomp", "csubj", "acl", "pcomp"}


def is_point(t: Timex) -> bool:
    """A DATE/TIME whose value covers fixed days: durations, sets and *_REF values are not anchors."""
    return t.type in ("DATE", "TIME") and granularity_of(t.value) is not None and bounds(t.value) is not None


def within_dct(t: Timex, dct: str | None) -> Timex:
    """"met on Sunday" in an article dated only "2019" (inferred): the weekday cannot be placed, but the
    happening lies within what is known of the article's date, so it is dated "2019"."""
    if t.type != "DATE" or not t.value.startswith("XXXX") or not dct or bounds(dct) is None or is_point(t):
        return t
    return replace(t, value=dct, granularity=granularity_of(dct), anchored=False)


def dated_clauses(sdoc: Doc, timexes: list[Timex], dct: str | None) -> list[DatedClause]:
    """Every clause of ``sdoc`` (the parsed document) that a point date in ``timexes`` dates, in order."""
    out: list[DatedClause] = []
    text = doc_text(sdoc)
    # the timexes by start, to take each sentence's without a pass over all of them
    order = sorted(range(len(timexes)), key=lambda k: timexes[k].start)
    starts = [timexes[k].start for k in order]
    for sent in sdoc.sents:
        ks = order[bisect.bisect_left(starts, sent.start_char):bisect.bisect_left(starts, sent.end_char)]
        dated = [(k, within_dct(timexes[k], dct)) for k in sorted(ks) if timexes[k].end <= sent.end_char]
        dated = [(k, t) for k, t in dated if is_point(t)]
        if not dated:
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue  # a caption or heading ("June 12, 2018: ...") has no predicate
        spans = _clause_spans(sent, [t for _, t in dated])
        for (k, timex), span in zip(dated, spans, strict=True):
            if span is None or _is_present_state(timex, span) or _SPAN_CUE.search(text[sent.start_char:timex.start]) \
                    or _names_a_thing(sdoc, timex):
                continue
            out.append(DatedClause(timex=k, value=timex.value, start=span.start_char, end=span.end_char))
    return out


# Made things a year can name ("the 2018 model", "a 1990s grunge band"): the year says which one, not
# when the clause happened. Events named by a year ("the 2016 election") keep their date.
_THINGS = {"model", "models", "design", "designs", "version", "versions", "edition", "editions", "band", "bands",
           "keyboard", "keyboards", "laptop", "laptops", "machine", "machines", "car", "cars", "truck", "phone",
           "phones", "chip", "chips", "console", "lineup", "generation", "vintage", "refresh", "iteration"}


def _names_a_thing(sdoc: Doc, timex: Timex) -> bool:
    """Is the date only a modifier of a made thing's noun ("Typing on the 2018 model is quiet")?"""
    span = sdoc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.i > 0 \
            and (root.head.head.lower_ in _THINGS or sdoc[root.head.i - 1].lower_ in _THINGS):
        return True  # "a design from 2015" (the parser hangs "from" on the verb as often as on the noun)
    # "the 2012 through 2015 keyboard": the first year of a range before the thing
    after = re.match(r"\s+(?:through|to|and|or|-|–)\s+(?:19|20)\d\d\s+([a-z]+)", doc_text(sdoc)[timex.end:timex.end + 40])
    if after and after[1] in _THINGS:
        return True
    if root.dep_ not in ("nummod", "compound", "amod", "npadvmod", "nmod"):
        return False
    head = root.head
    while head.i > root.i:  # up the nouns the date modifies: "the 2015 design noise", "the mid-2019 refresh"
        if any(t.pos_ == "NOUN" and t.lower_ in _THINGS for t in sdoc[root.i + 1:head.i + 1]):
            return True
        if head.dep_ not in ("compound", "amod", "nummod") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _is_present_state(timex: Timex, span: Span) -> bool:
    """"Today, DPRK has increasing demand ...": a present-tense clause dated only by "today"."""
    if timex.text.casefold() not in _PRESENT_WORDS:
        return False
    return not any(t.tag_ in ("VBD", "VBN") or t.lower_ in ("will", "'ll") for t in span)


def _clause_spans(sent: Span, timexes: list[Timex]) -> list[Span | None]:
    """The clause each timex of ``sent`` dates: its anchor's subtree (the whole sentence for the main
    clause), minus the clauses inside it that other timexes claim."""
    doc = sent.doc
    heads: list[Token | None] = []
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        heads.append(span.root if span is not None and len(span) else None)
    anchors = [_anchor(h) if h is not None else None for h in heads]
    extents = [None if a is None else _extent(a, sent) for a in anchors]
    out: list[Span | None] = []
    for k, anchor in enumerate(anchors):
        if anchor is None or extents[k] is None:
            out.append(None)
            continue
        start, end = extents[k]
        head = heads[k]
        for j, other in enumerate(extents):
            if j == k or other is None or anchors[j].i == anchor.i or other == extents[k]:
                continue
            lo, hi = other
            if not (start <= lo and hi <= end):
                continue  # not inside this clause
            if hi <= head.i:
                start = max(start, hi)
            elif lo > head.i:
                end = min(end, lo)
        out.append(_shortened(_without_punct(doc[start:end]), anchor, head))
    return out


def _extent(anchor: Token, sent: Span) -> tuple[int, int]:
    """Token bounds of an anchor's clause: the whole sentence for the main clause; a relative clause
    with the noun it says something of ("Tsege, who became a U.S. citizen in 2013")."""
    if anchor.dep_ == "ROOT":
        return sent.start, sent.end
    lo, hi = max(anchor.left_edge.i, sent.start), min(anchor.right_edge.i + 1, sent.end)
    if anchor.dep_ == "relcl" and anchor.doc[lo].lower_ in ("who", "which", "that", "whose", "whom") \
            and anchor.head.i < lo:
        lo = max(anchor.head.left_edge.i, sent.start)
    # a reduced relative keeps its noun too: "a rape allegation made against Assange in 2010", "the
    # SunShot Initiative launched by the U.S. government in 2011" (not "Made against … in 2010")
    if anchor.dep_ == "acl" and anchor.tag_ in ("VBN", "VBG") and anchor.head.i < anchor.i \
            and anchor.head.pos_ in ("NOUN", "PROPN", "PRON") and lo == anchor.i:
        lo = max(anchor.head.left_edge.i, sent.start)
    return lo, hi


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
        if t.dep_ == "appos" and t.pos_ == "NOUN" and t.i != tok.i and t.left_edge.i > 0 \
                and t.doc[t.left_edge.i - 1].text == ",":
            return t  # "…, a first meeting in Singapore last year": an apposition with its own date
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
    """The span without punctuation at its ends, nor a dangling "and"/"but" at its end."""
    a, b = span.start, span.end
    while a < b and (span.doc[a].is_punct or span.doc[a].is_space):
        a += 1
    while b > a and (span.doc[b - 1].is_punct or span.doc[b - 1].is_space or span.doc[b - 1].pos_ == "CCONJ"):
        b -= 1
    return span.doc[a:b]
