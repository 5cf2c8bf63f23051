"""Ingest: paths -> Documents in the store, one atomic transaction per input.

Idempotent and resumable: an input already processed (same path, same bytes) is not read again, an
article already stored under another path or format adds nothing, and a run killed at any moment
leaves only whole inputs behind, so running the same command again completes it.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import RejectedInput
from storyline.ingest.dedup import (
    NEAR_DUPLICATE_THRESHOLD,
    estimated_jaccard,
    lsh_bands,
    minhash_signature,
    signature_from_bytes,
)
from storyline.ingest.document import build_document
from storyline.ingest.readers import DEFAULT_MAX_BYTES, RawInput, iter_inputs
from storyline.model import Document, Skipped
from storyline.store import Store

__all__ = ["OUTCOMES", "IngestReport", "ingest", "extract"]

# added: a new document; duplicate: the same article is already stored (nothing added);
# near_duplicate: stored, with duplicate_of; unchanged: this very input was ingested before.
OUTCOMES = ("added", "near_duplicate", "duplicate", "unchanged", "skipped")

Progress = Callable[[str, str], None]  # (outcome, source_path)


@dataclass
class IngestReport:
    counts: Counter = field(default_factory=Counter)
    added: list[str] = field(default_factory=list)  # document ids
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def documents_made(self) -> int:
        """Inputs that are documents in the store now (new, near-duplicate, or stored earlier)."""
        return sum(self.counts[k] for k in ("added", "near_duplicate", "duplicate", "unchanged"))


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> IngestReport:
    """Read every input under ``paths`` into ``store``; never raises for a bad input."""
    report = IngestReport()
    db = store.path
    own_files = [db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]
    for item in iter_inputs(paths, max_bytes=max_bytes, exclude=own_files):
        if isinstance(item, Skipped):
            outcome = _skip(store, item, report)
            source = item.source_path
        else:
            outcome = _ingest_one(store, item, report)
            source = item.source_path
        report.counts[outcome] += 1
        if progress:
            progress(outcome, source)
    return report


def _skip(store: Store, skipped: Skipped, report: IngestReport, key: str | None = None) -> str:
    with store.transaction():
        store.record_skipped(skipped)
        if key is not None:
            store.record_input(key, skipped.source_path, "skipped", None)
    report.skipped.append(skipped)
    return "skipped"


def _ingest_one(store: Store, raw: RawInput, report: IngestReport) -> str:
    if store.input_seen(raw.key):
        return "unchanged"
    try:
        doc = build_document(raw)
    except RejectedInput as err:
        return _skip(store, Skipped(raw.source_path, str(err)), report, raw.key)
    except Exception as err:  # a bug must not stop the batch; the input is named with what happened
        detail = traceback.format_exception_only(type(err), err)[-1].strip()
        reason = (f"failed unexpectedly ({detail}): the rest of the batch went on; "
                  "please report this with the file attached")
        return _skip(store, Skipped(raw.source_path, reason), report, raw.key)

    existing = store.document_id_for_hash(doc.content_hash)
    if existing is not None:
        with store.transaction():
            store.record_input(raw.key, raw.source_path, "duplicate", existing)
        return "duplicate"

    signature = minhash_signature(doc.text)
    bands = lsh_bands(signature)
    doc.duplicate_of = _nearest_duplicate(store, signature, bands)
    outcome = "near_duplicate" if doc.duplicate_of else "added"
    with store.transaction():
        store.add_document(doc, signature.tobytes(), bands)
        store.record_input(raw.key, raw.source_path, outcome, doc.id)
    report.added.append(doc.id)
    return outcome


def _nearest_duplicate(store: Store, signature, bands) -> str | None:
    best, best_sim = None, NEAR_DUPLICATE_THRESHOLD
    for doc_id, other in store.near_duplicate_candidates(bands):
        sim = estimated_jaccard(signature, signature_from_bytes(other))
        if sim >= best_sim:
            best, best_sim = doc_id, sim
    if best is not None:
        # A copy of a copy points at the original, so duplicates form one flat group.
        original = store.document(best)
        if original is not None and original.duplicate_of:
            best = original.duplicate_of
    return best


def extract(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterable[Document | Skipped]:
    """Cleaning and metadata only, no store: yield a Document or a Skipped per input."""
    for item in iter_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield build_document(item)
        except RejectedInput as err:
            yield Skipped(item.source_path, str(err))
        except Exception as err:
            detail = traceback.format_exception_only(type(err), err)[-1].strip()
            yield Skipped(item.source_path, f"failed unexpectedly ({detail}): please report this")
