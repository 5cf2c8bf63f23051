"""Readers: files and folders -> raw inputs (one per article), or the reason an input was skipped.

Formats: .txt/.md, .html/.htm, .json (one object or a list), .jsonl, .warc/.warc.gz (response records
holding HTML), RSS/Atom .xml (entries with content), any of these gzip-compressed (.gz), folders
recursively, and ``-`` for one document on stdin. A file with an unknown extension is sniffed.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import RejectedInput
from storyline.ingest.encoding import printable_path, without_surrogates
from storyline.model import Skipped

__all__ = ["DEFAULT_MAX_BYTES", "JSON_FIELDS", "RawInput", "iter_inputs", "record_from_json"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # 50 MiB: far above any article, below what would exhaust memory

# JSON field names seen in news exports (news-please, newspaper3k, scrapers, APIs), in order of
# preference. The README documents this mapping.
JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext", "articleBody", "article", "full_text", "fulltext", "html"),
    "title": ("title", "headline", "name"),
    "url": ("url", "link", "canonical_url", "uri"),
    "published": ("published", "date", "date_publish", "published_at", "publishedAt", "pubDate",
                  "datePublished", "publish_date", "pub_date", "created_at"),
    "updated": ("updated", "date_modify", "dateModified", "modified", "updated_at", "last_updated"),
    "outlet": ("outlet", "source", "sitename", "site_name", "source_domain", "publisher", "source_name"),
    "authors": ("authors", "author", "byline", "creator"),
    "language": ("language", "lang"),
}

TEXT_EXT = {".txt", ".md", ".text", ".markdown"}
HTML_EXT = {".html", ".htm", ".xhtml"}


@dataclass
class RawInput:
    """One article-sized input before cleaning: its text or HTML and any metadata given with it."""

    source_path: str  # as the user named it; records inside a file get "#N" (1-based)
    key: str  # identity for idempotent re-runs: path, content fingerprint and record number
    kind: str  # "text" or "html"
    content: str | bytes  # bytes are decoded by detection (ingest.encoding)
    meta: dict[str, Any] = field(default_factory=dict)
    sidecar: Path | None = None


def iter_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, exclude: Iterable[Path] = ()
) -> Iterator[RawInput | Skipped]:
    """Yield every raw input under ``paths`` in a stable order, or a Skipped naming why not.

    ``exclude``: files never read (the store itself, when it lies inside an ingested folder).
    """
    excluded = {p.resolve() for p in exclude}
    for path in paths:
        if str(path) == "-":
            data = sys.stdin.buffer.read()
            yield from _guarded("<stdin>", _read_bytes("<stdin>", "<stdin>", data, max_bytes=max_bytes))
            continue
        p = Path(path)
        if p.is_dir():
            yield from _walk(p, max_bytes, excluded)
        elif p.exists() or p.is_symlink():
            yield from _read_file(p, max_bytes)
        else:
            yield Skipped(printable_path(p), "no such file or folder: check the path")


def _walk(root: Path, max_bytes: int, excluded: set[Path]) -> Iterator[RawInput | Skipped]:
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames.sort()
        # Hidden folders (.git, .ipynb_checkpoints) hold no articles.
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if _not_an_article(name) or (excluded and p.resolve() in excluded):
                continue
            if _special(p):
                # a named pipe waits for a writer forever, a device never ends: named on the command line
                # one is read (process substitution, <(zcat …)), found in a folder it is no saved article
                yield Skipped(printable_path(p), "is not a regular file (a named pipe, a device or a socket): "
                                                 "save the article as a file, or name the pipe on the command line")
                continue
            yield from _read_file(p, max_bytes)


def _special(p: Path) -> bool:
    try:
        return not stat.S_ISREG(p.stat().st_mode)
    except OSError:
        return False  # a broken link: _read_file names it


def _not_an_article(name: str) -> bool:
    """Files a folder of articles carries beside them: hidden/system files (.DS_Store), sidecar
    metadata, editor backups, and the folder's own README/LICENSE. Named explicitly, they are read."""
    stem = name.split(".", 1)[0].upper()
    return (name.startswith(".") or name.endswith((".meta.json", "~"))
            or stem in {"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE"})


def _read_file(p: Path, max_bytes: int) -> Iterator[RawInput | Skipped]:
    src = printable_path(p)
    try:
        if p.is_dir():
            yield Skipped(src, "is a folder named like a file: pass the files inside it, or rename it")
            return
        size = p.stat().st_size
        if size <= max_bytes:
            # read no more than the cap allows: a pipe or a device reports no size (/dev/zero never ends)
            with p.open("rb") as f:
                data = f.read(max_bytes + 1)
            size = len(data)
        if size > max_bytes:
            yield Skipped(src, f"file is over the {max_bytes / 1e6:.0f} MB cap"
                               f"{f' ({size / 1e6:.1f} MB)' if p.is_file() else ''}: "
                               "split it, or raise the cap with --max-bytes")
            return
    except PermissionError:
        yield Skipped(src, "cannot be read (permission denied): fix its permissions (chmod +r) and re-run")
        return
    except OSError as err:
        yield Skipped(src, f"cannot be read ({err.strerror or err}): check the file and re-run")
        return
    yield from _guarded(src, _read_bytes(src, p.name, data, max_bytes=max_bytes, sidecar=_sidecar_for(p)))


def _guarded(src: str, inputs: Iterator[RawInput | Skipped]) -> Iterator[RawInput | Skipped]:
    """``inputs``, and when reading them fails in a way no reader foresaw, that file named with what
    happened in place of the rest of it: the other files are still read."""
    try:
        yield from inputs
    except Exception as err:  # a bug must not stop the batch
        import traceback

        detail = traceback.format_exception_only(type(err), err)[-1].strip()
        yield Skipped(src, f"could not be read ({detail}): the other files went on; please report this file")


def _sidecar_for(p: Path) -> Path | None:
    for cand in (p.with_name(p.name + ".meta.json"), p.with_name(p.stem + ".meta.json")):
        if cand.is_file():
            return cand
    return None


def _fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _read_bytes(
    src: str, name: str, data: bytes, *, max_bytes: int, sidecar: Path | None = None
) -> Iterator[RawInput | Skipped]:
    lower = name.lower()
    if lower.endswith(".gz") and not lower.endswith(".warc.gz"):
        try:
            data = _gunzip(data, max_bytes)
        except RejectedInput as err:
            yield Skipped(src, str(err))
            return
        lower = lower[:-3]
    key = f"{src}@{_fingerprint(data)}"
    if not data.strip():
        yield Skipped(src, "is empty or blank: remove it, or re-save the article with its text")
        return
    ext = _extension(lower)
    if ext not in TEXT_EXT | HTML_EXT | {".json", ".jsonl", ".ndjson", ".warc", ".warc.gz", ".xml", ".rss",
                                         ".atom"}:
        ext = _sniff(data)
    try:
        if ext in TEXT_EXT:
            yield RawInput(src, key, "text", data, sidecar=sidecar)
        elif ext in HTML_EXT:
            yield RawInput(src, key, "html", data, sidecar=sidecar)
        elif ext == ".json":
            yield from _read_json(src, key, data)
        elif ext in (".jsonl", ".ndjson"):
            yield from _read_jsonl(src, key, data)
        elif ext in (".warc", ".warc.gz"):
            yield from _read_warc(src, key, data)
        elif ext in (".xml", ".rss", ".atom"):
            yield from _read_feed(src, key, data)
        else:
            yield Skipped(src, ext)  # _sniff returned a reason
    except RejectedInput as err:
        yield Skipped(src, str(err))


def _extension(lower: str) -> str:
    if lower.endswith(".warc.gz"):
        return ".warc.gz"
    return os.path.splitext(lower)[1]


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise RejectedInput(f"is not a valid gzip file ({err}): re-download or re-compress it") from err
    if len(out) > max_bytes:
        raise RejectedInput(f"decompresses to over the {max_bytes / 1e6:.0f} MB cap: split it, or raise --max-bytes")
    return out


def _sniff(data: bytes) -> str:
    """Guess the format of a file with an unknown extension; return an extension or a reason."""
    from storyline.ingest.encoding import looks_binary

    if looks_binary(data):
        return "looks like a binary file (image, PDF, archive...), not an article: convert it to text or HTML"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return ".html"
    if head.startswith((b"<?xml", b"<rss", b"<feed")):
        return ".xml"
    if head.startswith((b"{", b"[")):
        return ".json"
    if head.startswith(b"warc/"):
        return ".warc"
    return ".txt"


# -- JSON ------------------------------------------------------------------------------------------
def record_from_json(obj: Any) -> tuple[str, str, dict[str, Any]]:
    """Map a JSON article object's fields to (kind, content, meta) by the common field names."""
    if not isinstance(obj, dict):
        raise RejectedInput(f"is a JSON {type(obj).__name__}, not an article object: expected an object "
                            f"with a text field ({', '.join(JSON_FIELDS['text'][:4])}, ...)")
    meta: dict[str, Any] = {}
    for target, names in JSON_FIELDS.items():
        for name in names:
            value = obj.get(name)
            if value not in (None, "", []):
                meta[target] = value
                break
    text = meta.pop("text", None)
    if isinstance(text, list):
        text = "\n\n".join(str(t) for t in text)
    if not isinstance(text, str) or not text.strip():
        raise RejectedInput("JSON object has no article text: give it a text/body/content/maintext field")
    if isinstance(meta.get("outlet"), dict):  # schema.org publisher {"name": ...}
        meta["outlet"] = meta["outlet"].get("name")
    stripped = text.lstrip()
    kind = "html" if stripped.startswith("<") and ">" in stripped[:200] else "text"
    return kind, text, meta


def _json_loads(text: str) -> Any:
    """``json.loads``, with each lone surrogate escape ("\\ud800" without its pair) read as U+FFFD."""
    try:
        obj = json.loads(text)
    except RecursionError as err:
        raise RejectedInput("nests its JSON deeper than a JSON reader goes (over a thousand levels); no "
                            "article's record is so deep: check how the file was made") from err
    return without_surrogates(obj) if "\\u" in text else obj


def _read_json(src: str, key: str, data: bytes) -> Iterator[RawInput | Skipped]:
    from storyline.ingest.encoding import decode_bytes

    try:
        obj = _json_loads(decode_bytes(data, src))
    except json.JSONDecodeError as err:
        raise RejectedInput(f"is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno}): "
                            "fix the file, or save one object per line as .jsonl") from err
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        raise RejectedInput("is an empty JSON list: nothing to ingest")
    for n, item in enumerate(items, 1):
        member = src if len(items) == 1 and not isinstance(obj, list) else f"{src}#{n}"
        try:
            kind, content, meta = record_from_json(item)
        except RejectedInput as err:
            yield Skipped(member, str(err))
            continue
        yield RawInput(member, f"{key}#{n}", kind, content, meta)


def _read_jsonl(src: str, key: str, data: bytes) -> Iterator[RawInput | Skipped]:
    from storyline.ingest.encoding import decode_bytes

    text = decode_bytes(data, src)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        member = f"{src}#{n}"
        try:
            obj = _json_loads(line)
        except json.JSONDecodeError as err:
            yield Skipped(member, f"line {n} is not valid JSON ({err.msg}, column {err.colno}): fix or remove "
                                  "that line; the file's other lines were read")
            continue
        except RejectedInput as err:
            yield Skipped(member, f"line {n} {err}")
            continue
        try:
            kind, content, meta = record_from_json(obj)
        except RejectedInput as err:
            yield Skipped(member, f"line {n}: {err}")
            continue
        yield RawInput(member, f"{key}#{n}", kind, content, meta)


# -- WARC ------------------------------------------------------------------------------------------
def _read_warc(src: str, key: str, data: bytes) -> Iterator[RawInput | Skipped]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue  # requests, metadata, warcinfo: not articles
            n += 1
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue  # images, scripts, stylesheets captured with the page
            status = record.http_headers.get_statuscode() if record.http_headers else "200"
            url = record.rec_headers.get_header("WARC-Target-URI")
            member = f"{src}#{n}"
            if status and not status.startswith("2"):
                yield Skipped(member, f"WARC response for {url} has HTTP status {status}, not a page: re-crawl it")
                continue
            body = record.content_stream().read()
            found += 1
            charset = _charset_from_content_type(ctype)
            yield RawInput(member, f"{key}#{n}", "html", body, {"url": url, "_charset": charset})
    # warcio raises many kinds of errors on damaged input (AttributeError on a missing header line).
    except (ArchiveLoadFailed, OSError, zlib.error, EOFError, ValueError, AttributeError, KeyError) as err:
        raise RejectedInput(f"is not a readable WARC file ({err}): check that it is WARC/1.x, "
                            "and re-download it if it was truncated") from err
    if not found:
        raise RejectedInput("WARC file holds no HTML response records: nothing to ingest")


def _charset_from_content_type(ctype: str) -> str | None:
    for part in ctype.split(";"):
        part = part.strip()
        if part.lower().startswith("charset="):
            return part.split("=", 1)[1].strip("\"' ") or None
    return None


# -- RSS / Atom --------------------------------------------------------------------------------------
def _read_feed(src: str, key: str, data: bytes) -> Iterator[RawInput | Skipped]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.bozo and not feed.feed:
            raise RejectedInput(f"is not a readable RSS/Atom feed ({feed.get('bozo_exception')}): "
                                "check that it is a feed, or save articles as HTML")
        raise RejectedInput("XML file has no RSS/Atom entries: nothing to ingest")
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, 1):
        member = f"{src}#{n}"
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry.content), key=len)
        if len(content) < len(entry.get("summary", "")):
            content = entry.get("summary", "")
        if not content.strip():
            yield Skipped(member, "feed entry has no content, only a link: fetch the page and ingest its HTML")
            continue
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")] or entry.get("author")
        # the dates the entry itself gives: feedparser's entry["updated"] falls back to <published> (a
        # stopgap it will remove), which made every entry look updated at its publication
        published, updated = dict.get(entry, "published"), dict.get(entry, "updated")
        meta = {
            "title": entry.get("title"),
            "url": entry.get("link"),
            # A feed entry with only <updated> (Atom) gives its first publication as that date.
            "published": published or updated,
            "updated": updated if published else None,
            "outlet": outlet,
            "authors": authors,
            "_feed_entry": True,  # a short text is then a summary: the reason says where the article is
        }
        yield RawInput(member, f"{key}#{n}", "html", content, {k: v for k, v in meta.items() if v})
