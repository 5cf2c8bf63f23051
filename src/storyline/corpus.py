"""The library API the CLI wraps: a Corpus over one store, and the one-call ``analyze``."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.ingest.pipeline import IngestReport
from storyline.ingest.readers import DEFAULT_MAX_BYTES
from storyline.model import Actor, Annotations, Document, Event, ExportedQuote, Skipped, Story
from storyline.store import DEFAULT_DB, Store

__all__ = ["AnalyzeResult", "Corpus", "analyze", "annotate_files"]


class Corpus:
    """A corpus of news documents in one SQLite store.

    >>> with Corpus("storyline.db") as corpus:          # doctest: +SKIP
    ...     corpus.ingest(["articles/"])
    ...     corpus.annotate(); corpus.link()
    ...     corpus.events(actor="Kim Jong-un")
    """

    def __init__(self, db: str | Path = DEFAULT_DB):
        self.store = Store(db)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the stages -------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
               progress: Callable[[str, str], None] | None = None) -> IngestReport:
        """Read files/folders into the store (idempotent, resumable)."""
        from storyline.ingest.pipeline import ingest

        return ingest(paths, self.store, max_bytes=max_bytes, progress=progress)

    def annotate(self, *, progress: Callable[[Document], None] | None = None, redo: bool = False,
                 workers: int | None = None) -> int:
        """Analyze each stored document not yet analyzed by this version, or whose analysis failed; return
        how many were.

        ``workers``: processes to parse in (default: ``annotate.parsing.default_workers``, on Linux one per
        core up to four and no more than one per 16 documents; 1 keeps everything in this process)."""
        from storyline.annotate.parsing import default_workers
        from storyline.annotate.pipeline import ANALYSIS_VERSION, annotate_documents

        # an English document whose analysis failed (a bug, or spaCy's error on its text) is tried again on
        # each run: a fixed release or model may read it now (a language skip stands)
        skipped = self.store.analysis_skips()
        todo = [d for d in self.store.documents(include_duplicates=False)
                if redo or (d.id in skipped and d.language in (None, "en"))
                or self.store.annotation_version(d.id) != ANALYSIS_VERSION]
        by_id = {d.id: d for d in todo}

        def save(ann) -> None:
            # One transaction per document: a killed run keeps what it finished.
            with self.store.transaction():
                self.store.save_annotations(ann, ANALYSIS_VERSION)
            if progress:
                progress(by_id[ann.document])

        workers = default_workers(len(todo), sum(len(d.text) for d in todo)) if workers is None else workers
        for _ in annotate_documents(todo, on_done=save, workers=workers):
            pass
        return len(todo)

    def link(self, *, embedder: Any = None):
        """Actors, events, quotes and stories across the corpus; saved in the store.

        Raises StorylineError when some documents are not analyzed by this version (run ``annotate()``
        first): linking older annotations would silently lose what they lack (dated clauses before 3)."""
        from storyline.annotate.pipeline import ANALYSIS_VERSION
        from storyline.link.pipeline import link

        stale = [d.id for d in self.store.documents(include_duplicates=False)
                 if self.store.annotation_version(d.id) not in (None, ANALYSIS_VERSION)]
        if stale:
            from storyline.errors import StorylineError

            raise StorylineError(f"{len(stale)} documents were analyzed by an older version of storyline: "
                                 "run `storyline analyze` again (or Corpus.annotate()) before linking")
        return link(self.store, embedder=embedder)

    # -- reading the results ----------------------------------------------------------
    def documents(self) -> list[Document]:
        return list(self.store.documents())

    def skipped(self) -> list[Skipped]:
        return self.store.skipped()

    def actors(self) -> list[Actor]:
        return self.store.actors()

    def find_actor(self, name: str) -> Actor | None:
        """An actor by canonical name or any alias, case-insensitively."""
        key = name.casefold().strip()
        for actor in self.store.actors():
            if actor.id == name or any(a.casefold() == key for a in [actor.name, *actor.aliases]):
                return actor
        return None

    def events(self, *, story: str | None = None, actor: str | None = None) -> list[Event]:
        events = self.store.events()
        if story:
            match = next((s for s in self.store.stories() if s.id == story), None)
            keep = set(match.events) if match else set()
            events = [e for e in events if e.id in keep]
        if actor:
            found = self.find_actor(actor)
            events = [e for e in events if found and found.id in e.actors]
        return events

    def quotes(self, *, speaker: str | None = None) -> list[ExportedQuote]:
        quotes = self.store.quotes()
        if speaker:
            found = self.find_actor(speaker)
            quotes = [q for q in quotes if found and q.speaker == found.id]
        return quotes

    def stories(self) -> list[Story]:
        return self.store.stories()

    # -- presenting ---------------------------------------------------------------------
    def export(self) -> dict[str, Any]:
        from storyline.present.export import build_export

        return build_export(self.store)

    def write_export(self, path: str | Path) -> Path:
        from storyline.present.export import write_export

        return write_export(self.export(), path)

    def write_report(self, path: str | Path, export: dict[str, Any] | None = None) -> Path:
        from storyline.present.report import write_report

        return write_report(export or self.export(), Path(path))


@dataclass
class AnalyzeResult:
    ingest: IngestReport
    db: Path
    export_path: Path
    report_path: Path
    export: dict[str, Any]


def analyze(paths: Iterable[str | Path], out: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
            on_ingest: Callable[[str, str], None] | None = None,
            on_annotate: Callable[[Document], None] | None = None,
            on_stage: Callable[[str], None] | None = None, workers: int | None = None) -> AnalyzeResult:
    """Ingest, annotate, link, export and report in one go, into the folder ``out`` (``workers``: see
    ``Corpus.annotate``)."""
    from storyline.present.files import make_folder

    out = make_folder(out)
    with Corpus(out / "storyline.db") as corpus:
        report = corpus.ingest(paths, max_bytes=max_bytes, progress=on_ingest)
        if on_stage:
            on_stage("annotate")
        corpus.annotate(progress=on_annotate, workers=workers)
        if on_stage:
            on_stage("link")
        if corpus.store.count_documents():
            corpus.link()
        if on_stage:
            on_stage("export")
        export = corpus.export()
        from storyline.present.export import write_export

        export_path = write_export(export, out / "storyline.json")
        report_path = corpus.write_report(out / "report.html", export)
        return AnalyzeResult(report, out / "storyline.db", export_path, report_path, export)


def annotate_files(paths: Iterable[str | Path], *, dct: str | None = None, clean: bool = True,
                   workers: int = 1) -> Iterator[dict[str, Any]]:
    """Each file's own analysis (no corpus): the `annotate` command's objects, or a skip record, in input
    order. The files are parsed in batches, as `analyze` parses them (``workers``: in that many processes)."""
    from storyline.annotate.pipeline import annotate_documents
    from storyline.temporal import bounds

    if dct is not None and bounds(dct) is None:
        raise ValueError(f"dct {dct!r} is not a date on the calendar: give YYYY-MM-DD")
    queued: deque[Document | dict[str, Any]] = deque()  # documents and skip records, in input order

    def documents() -> Iterator[Document]:
        for item in _read_for_annotation(paths, dct=dct, clean=clean):
            queued.append(item)
            if isinstance(item, Document):
                yield item

    for ann in annotate_documents(documents(), dct=dct, workers=workers):
        while isinstance(queued[0], dict):
            yield queued.popleft()
        doc = queued.popleft()
        assert isinstance(doc, Document)
        yield _annotation_object(doc, ann)
    yield from queued


def _read_for_annotation(paths: Iterable[str | Path], *, dct: str | None,
                         clean: bool) -> Iterator[Document | dict[str, Any]]:
    """The documents `annotate` reads from ``paths`` (cleaned, or the text exactly), or a skip record."""
    from storyline.errors import RejectedInput
    from storyline.ingest.dedup import content_hash
    from storyline.ingest.document import build_document
    from storyline.ingest.encoding import decode_bytes
    from storyline.ingest.readers import iter_inputs

    for item in iter_inputs(paths):
        if isinstance(item, Skipped):
            yield {"source_path": item.source_path, "skipped": item.reason}
            continue
        try:
            if clean:
                doc = build_document(item)
            else:
                raw = item.content
                text = decode_bytes(raw, item.source_path) if isinstance(raw, bytes) else raw
                doc = Document(id=content_hash(text)[:16], source_path=item.source_path, text=text,
                               word_count=len(text.split()))
                if dct is None:
                    from storyline.temporal import infer_publication_date

                    guess = infer_publication_date(text)
                    if guess:
                        doc.published, doc.published_inferred = guess.value, not guess.explicit
        except RejectedInput as err:
            yield {"source_path": item.source_path, "skipped": str(err)}
            continue
        yield doc


def _annotation_object(doc: Document, ann: Annotations) -> dict[str, Any]:
    """One document's analysis as the `annotate` command prints it."""
    return {
        "source_path": doc.source_path,
        "dct": ann.dct,
        "text": doc.text,
        "sentences": [s.__dict__ for s in ann.sentences],
        "entities": [{"start": m.start, "end": m.end, "text": m.text, "label": m.label, "name": m.name}
                     for m in ann.mentions],
        "timexes": [t.to_dict() for t in ann.timexes],
        "quotes": [{"start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                    "speaker_text": q.speaker_text, "speaker_name": q.speaker_name,
                    "speaker_aliases": q.speaker_aliases, "cue": q.cue} for q in ann.quotes],
        # the clause each point date dates (what the timeline is built from); timex: index in timexes
        "clauses": [{"start": c.start, "end": c.end, "text": doc.text[c.start:c.end], "timex": c.timex,
                     "value": c.value} for c in ann.clauses],
        "notes": doc.notes,
        # why the analysis is empty, when it is: a language other than English, a failure to report
        **({"analysis_skipped": ann.skipped_reason} if ann.skipped_reason else {}),
    }
