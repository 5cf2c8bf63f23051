"""storyline.json: the corpus export, exactly as ../shared/spec/CONTRACT.md defines it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.store import Store

__all__ = ["EXPORT_VERSION", "build_export", "document_record", "export_schema", "validate_export", "write_export"]

# Bump (with a changelog note) when a field of the contract changes meaning or goes away.
EXPORT_VERSION = "1.0"

_DOCUMENT_FIELDS = ("id", "source_path", "url", "title", "outlet", "authors", "published", "published_inferred",
                    "updated", "language", "text", "word_count", "duplicate_of")


def document_record(doc) -> dict[str, Any]:
    """A document as the contract shows it (`documents[]`, and `extract`'s lines)."""
    data = doc.to_dict()
    out = {k: data[k] for k in _DOCUMENT_FIELDS}
    if data.get("notes"):
        out["notes"] = data["notes"]
    return out


def _with_analysis_note(record: dict[str, Any], skips: dict[str, str]) -> dict[str, Any]:
    """A document whose analysis failed says so in its notes. (One the English-only stages skipped says
    so already: ingest noted its language.)"""
    reason = skips.get(record["id"])
    if reason and record.get("language") in (None, "en") and reason not in record.get("notes", []):
        record["notes"] = [*record.get("notes", []), reason]
    return record


def build_export(store: Store) -> dict[str, Any]:
    skips = store.analysis_skips()  # one query, not every document's annotations parsed again
    return {
        "export_version": EXPORT_VERSION,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": [_with_analysis_note(document_record(d), skips) for d in store.documents()],
        "skipped": [{"source_path": s.source_path, "reason": s.reason} for s in store.skipped()]
        + [{"source_path": path, "reason": f"the same text as {own} (document {doc_id}), already stored: it adds "
            "nothing new"} for path, doc_id, own in store.duplicate_inputs()],
        "actors": [a.to_dict() for a in store.actors()],
        "events": [e.to_dict() for e in store.events()],
        "quotes": [q.to_dict() for q in store.quotes()],
        "stories": [s.to_dict() for s in store.stories()],
    }


def write_export(export: dict[str, Any], path: str | Path) -> Path:
    from storyline.present.files import write_atomically

    return write_atomically(path, json.dumps(export, ensure_ascii=False, indent=2))


def export_schema() -> dict[str, Any]:
    """The JSON Schema of storyline.json (present/storyline.schema.json)."""
    return json.loads((Path(__file__).with_name("storyline.schema.json")).read_text(encoding="utf-8"))


def validate_export(export: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``export`` breaks the schema or its offsets don't hold."""
    import jsonschema

    jsonschema.Draft202012Validator(export_schema()).validate(export)
    texts = {d["id"]: d["text"] for d in export["documents"]}
    for event in export["events"]:
        for src in event["sources"]:
            if texts[src["document"]][src["start"]:src["end"]] != src["sentence"]:
                raise jsonschema.ValidationError(f"event {event['id']}: a source's offsets do not slice its sentence")
    for quote in export["quotes"]:
        if texts[quote["document"]][quote["start"]:quote["end"]] != quote["text"]:
            raise jsonschema.ValidationError(f"quote {quote['id']}: offsets do not slice its text")
