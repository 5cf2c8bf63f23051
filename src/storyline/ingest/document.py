"""One raw input -> one Document: decode, extract or clean the body, gather metadata, date it."""

from __future__ import annotations

from typing import Any

from storyline.errors import RejectedInput
from storyline.ingest.dedup import content_hash
from storyline.ingest.readers import RawInput
from storyline.model import Document

__all__ = ["MIN_WORDS", "build_document"]

MIN_WORDS = 20  # fewer words than a short brief is a stub, an index entry or an error page


def build_document(raw: RawInput) -> Document:
    """Turn a raw input into a clean, dated Document, or raise RejectedInput with the reason."""
    from storyline.ingest import metadata as md
    from storyline.ingest.clean import clean_plain_text
    from storyline.ingest.encoding import decode_bytes
    from storyline.ingest.language import detect_language

    given: dict[str, Any] = dict(raw.meta)
    feed_entry = bool(given.pop("_feed_entry", False))
    if raw.sidecar is not None:
        # A sidecar states what the user knows about the file: it wins over what the page says.
        given.update({k: v for k, v in md.read_sidecar(raw.sidecar).items() if v})

    content = raw.content
    if raw.kind == "html":
        from storyline.ingest.html import extract_page

        if isinstance(content, bytes):
            content = _decode_html(content, given.pop("_charset", None), raw.source_path)
        try:
            page = extract_page(content, url=given.get("url"))
        except RejectedInput as err:
            raise _summary_only(given.get("url"), content) if feed_entry else err from err
        found = {
            "title": page.title,
            "url": page.url,
            "outlet": page.outlet,
            "authors": page.authors,
            "published": page.published,
            "updated": page.updated,
            "language": page.language,
        }
        body = page.text
        paywalled = page.paywalled
        # Page text still carries the plain-text mess sometimes (share widgets, "Related" tails).
        # The extractor already chose the title: a page's first subheading must stay in the body.
        cleaned = clean_plain_text(body, find_title=False)
        body = cleaned.text
    else:
        paywalled = False
        text = decode_bytes(content, raw.source_path) if isinstance(content, bytes) else content
        cleaned = clean_plain_text(text)
        body = cleaned.text
        found = {
            "title": cleaned.title,
            "authors": cleaned.authors,
            "published": cleaned.published,
            "updated": cleaned.updated,
        }
    given.pop("_charset", None)
    meta = {k: v for k, v in found.items() if v}
    meta.update({k: v for k, v in given.items() if v})
    # a field given as another kind of value than text ("url": ["…"], "title": 12, "outlet": {"name": …}):
    # the text in it, or nothing
    for field in ("title", "url", "outlet", "language", "published", "updated"):
        if field in meta:
            meta[field] = _text_in(meta[field])

    words = len(body.split())
    if feed_entry and words < MIN_WORDS:
        raise _summary_only(meta.get("url"), body)
    if words == 0:
        raise RejectedInput("has no article text after cleaning (only boilerplate, captions or metadata): "
                            "check that the file holds the article itself")
    if words < MIN_WORDS:
        raise RejectedInput(f"has only {words} words of article text after cleaning: too short to be an "
                            "article; check that the file holds the full text")

    url = meta.get("url")
    published = md.normalize_datetime(meta["published"]) if meta.get("published") else None
    updated = md.normalize_datetime(meta["updated"]) if meta.get("updated") else None
    inferred = False
    notes: list[str] = []
    if published is None:
        from storyline.temporal import infer_publication_date

        guess = infer_publication_date(body)
        captions = [line for line, why in getattr(cleaned, "removed", []) if why == "caption"]
        if guess is None and captions:
            # A photo caption is not article text, but its date ("June 12, 2018: ...") dates the story.
            guess = infer_publication_date("\n\n".join([*captions, body]))
        if guess is not None:
            # A dateline or "Published:" line states the date (given); anything else is deduced.
            published, inferred = guess.value, not guess.explicit
            if inferred:
                notes.append(f"publication date inferred from the text: {guess.evidence}")

    if paywalled:
        notes.append("the page marks its article as for subscribers only (isAccessibleForFree: false): the "
                     "text may be only the part shown to everyone; save the page while signed in for the rest")
    language = detect_language(body) or (meta["language"][:2].lower() if meta.get("language") else None)
    if language and language != "en":
        notes.append(f"language is '{language}', not English: English-only analysis stages skip it")

    digest = content_hash(body)
    return Document(
        id=digest[:16],
        source_path=raw.source_path,
        text=body,
        title=_one_line(meta.get("title")),
        url=url,
        outlet=_one_line(meta.get("outlet")) or (md.outlet_from_url(url) if url else None),
        authors=md.normalize_authors(meta.get("authors")),
        published=published,
        published_inferred=inferred,
        updated=updated,
        language=language,
        word_count=words,
        content_hash=digest,
        notes=notes,
    )


def _summary_only(url: Any, content: str) -> RejectedInput:
    """Why a feed entry is no article: it carries a summary, the article is on its page."""
    from storyline.ingest.html import word_count

    page = f" ({url})" if isinstance(url, str) and url else ""
    return RejectedInput(f"the feed entry carries only a summary ({word_count(_strip_tags(content))} words), not "
                         f"the article: save its page{page} and ingest that HTML")


def _strip_tags(html: str) -> str:
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except (etree.ParserError, ValueError):
        return html


def _decode_html(data: bytes, charset: str | None, source: str) -> str:
    from storyline.ingest.encoding import decode_bytes

    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong charset header is common: fall back to detection
    return decode_bytes(data, source)


def _text_in(value: Any) -> str | None:
    """The text a metadata value holds: a string; a number written out; the first text in a list; a
    schema.org object's name, url or value; else None (true/false, an empty list)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return next((t for v in value if (t := _text_in(v))), None)
    if isinstance(value, dict):
        return next((t for k in ("name", "url", "@id", "href", "value", "text", "@value") if (t := _text_in(value.get(k)))),
                    None)
    return None


def _one_line(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
