"""The SQLite store: one file per corpus. Nothing outside store/ talks SQL.

WAL mode, foreign keys on, schema migrated on open; every input is committed in its own
transaction so that a killed run leaves a consistent store and a re-run resumes where it stopped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.errors import StoreError
from storyline.model import (
    Actor,
    Annotations,
    DatedClause,
    Document,
    Event,
    EventSource,
    ExportedQuote,
    Mention,
    Quote,
    Sentence,
    Skipped,
    Story,
    SummarySentence,
    Timex,
)
from storyline.store.migrations import migrate

__all__ = ["Store", "DEFAULT_DB"]

DEFAULT_DB = "storyline.db"

_DOC_COLUMNS = [f.name for f in fields(Document)]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A corpus store. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = Path(path)
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file: pass --db FILE")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot make the folder for {self.path} ({err.strerror or err}): point --db "
                             "somewhere writable") from err
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"cannot open {self.path} as a storyline store ({err}): "
                "point --db at a new file, or move the damaged one away"
            ) from err

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    # -- inputs and documents (ingest/) -------------------------------------------
    def input_seen(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM inputs WHERE key = ?", (key,)).fetchone() is not None

    def document_id_for_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def add_document(self, doc: Document, signature: bytes | None, bands: Iterable[tuple[int, bytes]]) -> None:
        """Insert a document with its MinHash signature and LSH bands (caller holds a transaction)."""
        seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
        row = doc.to_dict()
        row["authors"] = json.dumps(row["authors"], ensure_ascii=False)
        row["notes"] = json.dumps(row["notes"], ensure_ascii=False)
        row["published_inferred"] = int(row["published_inferred"])
        row["seq"] = seq
        row["ingested_at"] = _now()
        cols = list(row)
        self.conn.execute(
            f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in cols],
        )
        if signature is not None:
            self.conn.execute("INSERT INTO minhash VALUES (?, ?)", (doc.id, signature))
            self.conn.executemany(
                "INSERT INTO minhash_bands (band, bucket, document_id) VALUES (?, ?, ?)",
                [(band, bucket, doc.id) for band, bucket in bands],
            )

    def near_duplicate_candidates(self, bands: Iterable[tuple[int, bytes]]) -> list[tuple[str, bytes]]:
        """Documents sharing at least one LSH band with the given bands, with their signatures."""
        ids: set[str] = set()
        for band, bucket in bands:
            ids.update(
                r[0]
                for r in self.conn.execute(
                    "SELECT document_id FROM minhash_bands WHERE band = ? AND bucket = ?", (band, bucket)
                )
            )
        out = []
        for doc_id in sorted(ids):
            row = self.conn.execute("SELECT signature FROM minhash WHERE document_id = ?", (doc_id,)).fetchone()
            if row:
                out.append((doc_id, row[0]))
        return out

    def record_input(self, key: str, source_path: str, outcome: str, document_id: str | None) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO inputs (key, source_path, document_id, outcome, processed_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (key, source_path, document_id, outcome, _now()),
        )
        if outcome != "skipped":
            self.conn.execute("DELETE FROM skipped WHERE source_path = ?", (source_path,))

    def record_skipped(self, skipped: Skipped) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO skipped (source_path, reason, skipped_at) VALUES (?, ?, ?)",
            (skipped.source_path, skipped.reason, _now()),
        )

    def documents(self, *, include_duplicates: bool = True) -> Iterator[Document]:
        sql = f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents"
        if not include_duplicates:
            sql += " WHERE duplicate_of IS NULL"
        for row in self.conn.execute(sql + " ORDER BY seq"):
            yield _document_from_row(row)

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute(
            f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return _document_from_row(row) if row else None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY seq")]

    def count_documents(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def skipped(self) -> list[Skipped]:
        return [
            Skipped(source_path=p, reason=r)
            for p, r in self.conn.execute("SELECT source_path, reason FROM skipped ORDER BY source_path")
        ]

    def duplicate_inputs(self) -> list[tuple[str, str, str]]:
        """(input path, document id, that document's own path) for each input whose text was already
        stored under another path: it added nothing, so no document carries its path."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT i.source_path, d.id, d.source_path FROM inputs i JOIN documents d ON d.id = i.document_id "
            "WHERE i.outcome = 'duplicate' AND i.source_path != d.source_path ORDER BY i.source_path")]

    # -- annotations (annotate/) --------------------------------------------------
    def annotation_version(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT version FROM annotations WHERE document_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def save_annotations(self, ann: Annotations, version: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO annotations (document_id, version, dct, data, annotated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (ann.document, version, ann.dct, json.dumps(ann.to_dict(), ensure_ascii=False), _now()),
        )

    def analysis_skips(self) -> dict[str, str]:
        """Document id -> why annotate skipped it (not English, analysis failed), for those it skipped."""
        return dict(self.conn.execute(
            "SELECT document_id, json_extract(data, '$.skipped_reason') FROM annotations "
            "WHERE json_extract(data, '$.skipped_reason') IS NOT NULL"))

    def annotations(self, doc_id: str) -> Annotations | None:
        row = self.conn.execute("SELECT data FROM annotations WHERE document_id = ?", (doc_id,)).fetchone()
        return annotations_from_dict(json.loads(row[0])) if row else None

    # -- cross-document results (link/) -------------------------------------------
    def replace_links(
        self, actors: list[Actor], events: list[Event], quotes: list[ExportedQuote], stories: list[Story]
    ) -> None:
        with self.transaction():
            for table in ("actors", "events", "quotes", "stories"):
                self.conn.execute(f"DELETE FROM {table}")
            self.conn.executemany(
                "INSERT INTO actors VALUES (?, ?)", [(a.id, _dumps(a.to_dict())) for a in actors]
            )
            self.conn.executemany(
                "INSERT INTO events VALUES (?, ?, ?)", [(e.id, e.date, _dumps(e.to_dict())) for e in events]
            )
            self.conn.executemany(
                "INSERT INTO quotes VALUES (?, ?, ?)",
                [(q.id, q.document, _dumps(q.to_dict())) for q in quotes],
            )
            self.conn.executemany(
                "INSERT INTO stories VALUES (?, ?)", [(s.id, _dumps(s.to_dict())) for s in stories]
            )

    def actors(self) -> list[Actor]:
        return [Actor(**json.loads(d)) for (d,) in self.conn.execute("SELECT data FROM actors ORDER BY rowid")]

    def events(self) -> list[Event]:
        out = []
        for (d,) in self.conn.execute("SELECT data FROM events ORDER BY rowid"):
            raw = json.loads(d)
            raw["sources"] = [EventSource(**s) for s in raw["sources"]]
            out.append(Event(**raw))
        return out

    def quotes(self) -> list[ExportedQuote]:
        return [
            ExportedQuote(**json.loads(d)) for (d,) in self.conn.execute("SELECT data FROM quotes ORDER BY rowid")
        ]

    def stories(self) -> list[Story]:
        out = []
        for (d,) in self.conn.execute("SELECT data FROM stories ORDER BY rowid"):
            raw = json.loads(d)
            raw["summary"] = [SummarySentence(**s) for s in raw["summary"]]
            out.append(Story(**raw))
        return out

    def embeddings(self, keys: list[str]) -> dict[str, bytes]:
        """The stored vectors (raw float32 bytes) among ``keys``."""
        out: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(self.conn.execute(f"SELECT key, vector FROM embeddings WHERE key IN ({marks})", chunk))
        return out

    def save_embeddings(self, items: Iterable[tuple[str, bytes]]) -> None:
        with self.transaction():
            self.conn.executemany("INSERT OR IGNORE INTO embeddings VALUES (?, ?)", items)

    def get_state(self, key: str) -> Any:
        row = self.conn.execute("SELECT data FROM story_state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, key: str, value: Any) -> None:
        self.conn.execute("INSERT OR REPLACE INTO story_state VALUES (?, ?)", (key, _dumps(value)))


class _Transaction:
    """``with store.transaction():`` — BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _document_from_row(row: tuple) -> Document:
    data = dict(zip(_DOC_COLUMNS, row, strict=True))
    data["authors"] = json.loads(data["authors"])
    data["notes"] = json.loads(data["notes"])
    data["published_inferred"] = bool(data["published_inferred"])
    return Document(**data)


def annotations_from_dict(raw: dict[str, Any]) -> Annotations:
    return Annotations(
        document=raw["document"],
        dct=raw.get("dct"),
        sentences=[Sentence(**s) for s in raw.get("sentences", [])],
        mentions=[Mention(**m) for m in raw.get("mentions", [])],
        timexes=[Timex(**t) for t in raw.get("timexes", [])],
        quotes=[Quote(**q) for q in raw.get("quotes", [])],
        clauses=[DatedClause(**c) for c in raw.get("clauses", [])],
        skipped_reason=raw.get("skipped_reason"),
    )
