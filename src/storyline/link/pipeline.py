"""The cross-document stage, assembled in one place: actors, quotes with actor ids, events, stories.

Reads documents and their annotations from the store and writes the linked records back; the only
module that sees the whole corpus at once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from storyline.model import Actor, Annotations, Document, Event, ExportedQuote, Story
from storyline.store import Store

__all__ = ["LinkResult", "link", "export_quotes"]


@dataclass
class LinkResult:
    actors: list[Actor]
    events: list[Event]
    quotes: list[ExportedQuote]
    stories: list[Story]


def link(store: Store, *, embedder=None) -> LinkResult:
    """Link every analyzed, non-duplicate document in the store; save and return the result."""
    from storyline.link.actors import link_actors
    from storyline.link.events import build_events
    from storyline.link.stories import build_stories, load_story_state, save_story_state

    documents: list[Document] = []
    annotations: dict[str, Annotations] = {}
    for doc in store.documents(include_duplicates=False):
        ann = store.annotations(doc.id)
        if ann is None or ann.skipped_reason:
            continue
        documents.append(doc)
        annotations[doc.id] = ann

    if embedder is None:
        from storyline.link.embeddings import Embedder

        embedder = Embedder(store=store)
    index = link_actors({d.id: annotations[d.id].mentions for d in documents})
    quotes = export_quotes(documents, annotations, index)
    events = build_events(documents, annotations, index, embedder)
    previous = load_story_state(store)
    stories, state = build_stories(documents, annotations, index, events, embedder, previous=previous)
    save_story_state(store, state)
    store.replace_links(index.actors, events, quotes, stories)
    return LinkResult(index.actors, events, quotes, stories)


def export_quotes(documents: list[Document], annotations: dict[str, Annotations], index) -> list[ExportedQuote]:
    """Each document's quotes with the speaker as a corpus actor id, dated by the document."""
    out: list[ExportedQuote] = []
    for doc in documents:
        ann = annotations[doc.id]
        for q in ann.quotes:
            speaker = None
            if q.speaker_name:
                actor = index.find(q.speaker_name)
                speaker = actor.id if actor else None
            qid = "q-" + hashlib.sha1(f"{doc.id}:{q.start}:{q.end}".encode()).hexdigest()[:12]
            out.append(ExportedQuote(
                id=qid, text=q.text, speaker=speaker, speaker_text=q.speaker_text, document=doc.id,
                start=q.start, end=q.end, date=ann.dct, kind=q.kind,
            ))
    return out
