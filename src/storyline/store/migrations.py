"""Numbered schema migrations, applied in order when a store is opened.

The schema version lives in ``PRAGMA user_version``; migration N brings the store from N-1 to N.
Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: documents, the inputs that produced them, what was skipped, and near-duplicate bands.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source_path TEXT NOT NULL,
        url TEXT,
        title TEXT,
        outlet TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        published_inferred INTEGER NOT NULL DEFAULT 0,
        updated TEXT,
        language TEXT,
        text TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        duplicate_of TEXT REFERENCES documents(id),
        content_hash TEXT NOT NULL UNIQUE,
        notes TEXT NOT NULL DEFAULT '[]',
        seq INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_seq ON documents(seq);
    -- One row per input unit (a file, or a record inside a JSONL/JSON list/WARC/feed) that has been
    -- processed, so that a re-run skips it: the key includes a fingerprint of the file's bytes.
    CREATE TABLE inputs (
        key TEXT PRIMARY KEY,
        source_path TEXT NOT NULL,
        document_id TEXT REFERENCES documents(id),
        outcome TEXT NOT NULL,          -- added, duplicate, near_duplicate, skipped
        processed_at TEXT NOT NULL
    );
    CREATE TABLE skipped (
        source_path TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        skipped_at TEXT NOT NULL
    );
    CREATE TABLE minhash (
        document_id TEXT PRIMARY KEY REFERENCES documents(id),
        signature BLOB NOT NULL
    );
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        bucket BLOB NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id)
    );
    CREATE INDEX minhash_bands_lookup ON minhash_bands(band, bucket);
    """,
    # 2: per-document annotations (annotate/), keyed by the analysis version that made them.
    """
    CREATE TABLE annotations (
        document_id TEXT PRIMARY KEY REFERENCES documents(id),
        version TEXT NOT NULL,
        dct TEXT,
        data TEXT NOT NULL,
        annotated_at TEXT NOT NULL
    );
    """,
    # 3: cross-document results (link/), replaced as a whole by each link run; story state persists
    # between runs so that new documents join existing stories incrementally.
    """
    CREATE TABLE actors (id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE quotes (id TEXT PRIMARY KEY, document_id TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE stories (id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE story_state (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    """,
    # 4: sentence embeddings link/ computed, keyed by model and text hash, so that a re-run or a few new
    # documents do not embed the whole corpus again (embedding is most of link's time).
    """
    CREATE TABLE embeddings (key TEXT PRIMARY KEY, vector BLOB NOT NULL);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the store lacks; return the resulting schema version."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        from storyline.errors import StoreError

        raise StoreError(
            f"this store has schema version {current}, newer than this storyline ({SCHEMA_VERSION}): "
            "upgrade storyline (pip install -U storyline) or use another --db"
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        # One transaction per migration: a store is never left half-migrated.
        conn.executescript("BEGIN;" + MIGRATIONS[version - 1] + f"; PRAGMA user_version = {version}; COMMIT;")
    return SCHEMA_VERSION
