"""The records that flow through storyline.

ingest -> Document; annotate -> Sentence, Mention, Timex, Quote (per document);
link -> Actor, Event, Story (across documents). Every span carries ``start``/``end``
character offsets into ``Document.text`` so that anything shown can be traced back
to the words of its source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def _drop_private(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if not k.startswith("_")}


@dataclass
class Skipped:
    """An input that did not become a document, and why (a sentence a person can act on)."""

    source_path: str
    reason: str


@dataclass
class Document:
    """One article: clean body text plus its metadata."""

    id: str
    source_path: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date or datetime (with its zone when given)
    published_inferred: bool = False  # True when deduced from what the article mentions
    updated: str | None = None
    language: str | None = None
    word_count: int = 0
    duplicate_of: str | None = None
    content_hash: str = ""  # sha256 of the normalized text (exact-duplicate key)
    notes: list[str] = field(default_factory=list)  # e.g. "not English: analysis skipped"

    def to_dict(self) -> dict[str, Any]:
        return _drop_private(asdict(self))


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named entity mention; ``name`` is its canonical name within the document."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT
    name: str
    sentence: int = -1  # index into the document's sentences

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Timex:
    """A temporal expression normalized to a TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2018-06-12, 2018-06, 2017-FA, P1M, PRESENT_REF, ...
    granularity: str | None = None  # year, quarter, season, month, week, day, time; None if not a point
    anchored: bool = True  # False when the value depends on a guessed document date
    mod: str | None = None  # TIMEX3 mod: EARLY, LATE, BEFORE, AFTER, ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    """A quotation and who said it."""

    start: int
    end: int
    text: str
    kind: str  # direct, partial, scare
    speaker_text: str | None = None  # the words naming the speaker, a pronoun included
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None  # who that is, resolved within the document
    speaker_label: str | None = None  # PERSON, ORG, GPE, ... of the resolved speaker
    speaker_aliases: list[str] = field(default_factory=list)
    cue: str | None = None  # the reporting verb or phrase ("said", "according to")
    sentence: int = -1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DatedClause:
    """The clause a point date dates (annotate/clauses.py): what happened then, as the text says it."""

    timex: int  # index into the document's timexes
    value: str  # the date it anchors: the timex's value, or the DCT for a weekday it cannot place
    start: int  # the clause's character offsets in the document
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Annotations:
    """Everything annotate/ finds in one document (no corpus needed)."""

    document: str  # document id
    dct: str | None  # the document creation time the timexes were normalized against
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    clauses: list[DatedClause] = field(default_factory=list)
    skipped_reason: str | None = None  # set when an English-only stage skipped the document

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Actor:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EventSource:
    document: str
    sentence: str
    start: int
    end: int
    time_expression: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    id: str
    date: str
    granularity: str
    summary: str
    actors: list[str] = field(default_factory=list)
    location: str | None = None
    sources: list[EventSource] = field(default_factory=list)
    # True when no source states the date: each reads it from a publication date that was itself only
    # deduced from the dates the article mentions ("on Sunday" in an undated op-ed): a lower bound
    date_inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SummarySentence:
    sentence: str
    document: str


@dataclass
class Story:
    id: str
    label: str
    documents: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ExportedQuote:
    """A quote as the corpus export shows it, with its speaker as an actor id."""

    id: str
    text: str
    speaker: str | None
    speaker_text: str | None
    document: str
    start: int
    end: int
    date: str | None
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
