"""report.html: one self-contained offline page rendered from the export (storyline.json).

Everything the page needs is inside the file: CSS and JS from present/assets are inlined, and the documents'
texts travel as JSON in a ``<script type="application/json">`` block that the reader panel renders lazily, one
document at a time, so a 1,000-document corpus stays quick to open. Article content is never trusted: it is
HTML-escaped here, JSON-escaped for the data block, and the page's JS inserts it with ``textContent`` only.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.present.dates import date_interval, date_label, range_label

__all__ = ["date_interval", "date_label", "render_report", "write_report"]

_NO_OUTLET = "(outlet unknown)"


def _asset(name: str) -> str:
    return resources.files("storyline.present").joinpath("assets", name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no ``</script>``, no ``<!--``, no JS line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, safe in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                      ("\u2029", "\\u2029")):
        text = text.replace(raw, safe)
    return text


def _attrs(**attrs: Any) -> str:
    """HTML attributes, escaped; a None value leaves the attribute out. ``data_x`` becomes ``data-x``."""
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        parts.append(f' {key.rstrip("_").replace("_", "-")}="{escape(str(value))}"')
    return "".join(parts)


def _doc_title(doc: dict[str, Any]) -> str:
    return doc.get("title") or Path(doc.get("source_path") or doc["id"]).name or doc["id"]


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


class _Page:
    """Lookups shared by the sections of one report."""

    def __init__(self, export: dict[str, Any]):
        self.export = export
        self.docs = {d["id"]: d for d in export.get("documents", [])}
        self.actors = {a["id"]: a for a in export.get("actors", [])}
        self.events = export.get("events", [])
        self.event_by_id = {e["id"]: e for e in self.events}

    def outlet(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        return (doc or {}).get("outlet") or _NO_OUTLET

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor["name"] if actor else actor_id

    def cite(self, doc_id: str, label: str, start: int | None = None, end: int | None = None,
             find: str | None = None, cls: str = "cite") -> str:
        """A button that opens ``doc_id`` in the reader, the passage [start, end) (or ``find``) highlighted."""
        doc = self.docs.get(doc_id)
        if doc is None:  # a dangling reference: say so rather than offer a button that opens nothing
            return f'<span class="missing">{escape(label)} (document {escape(doc_id)} not in the export)</span>'
        return (f'<button type="button"{_attrs(class_=cls, data_doc=doc_id, data_start=start, data_end=end, data_find=find)}'
                f' title="Open the source text">{escape(label)}</button>')


def _published_label(docs: list[dict[str, Any]]) -> str:
    """The span of the dates the documents carry, apart from the ones deduced from their mentions: those are
    lower bounds ("the storming of the Bastille on July 14, 1789" dated an article of 2016 1789-07), and a
    span of them would read as when the corpus was written."""
    given = sorted(_day(d["published"]) for d in docs if d.get("published") and not d.get("published_inferred"))
    deduced = sum(1 for d in docs if d.get("published") and d.get("published_inferred"))
    label = (given[0] if given[0] == given[-1] else f"{given[0]} to {given[-1]}") if given else "none given"
    return label + (f"; {deduced} deduced from their mentions" if deduced else "")


def _header(page: _Page) -> str:
    export = page.export
    docs = list(page.docs.values())
    outlets = Counter(d.get("outlet") for d in docs if d.get("outlet"))
    span = range_label([e.get("date") for e in page.events])
    duplicates = sum(1 for d in docs if d.get("duplicate_of"))
    stats = [
        ("Documents", f"{len(docs)}" + (f" ({duplicates} duplicate{'s' * (duplicates != 1)})" if duplicates else "")),
        ("Outlets", str(len(outlets))),
        ("Published", _published_label(docs)),
        ("Timeline", span or "no events"),
        ("Events", str(len(page.events))),
        ("Actors", str(len(page.actors))),
        ("Quotes", str(len(export.get("quotes", [])))),
        ("Stories", str(len(export.get("stories", [])))),
        ("Skipped inputs", str(len(export.get("skipped", [])))),
    ]
    items = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in stats)
    top = ", ".join(f"{escape(name)} ({n})" for name, n in outlets.most_common(6))
    outlets_line = f'<p class="outlets">Outlets: {top}{"…" if len(outlets) > 6 else ""}</p>' if outlets else ""
    generated = escape(str(export.get("generated_at", "")))
    version = escape(str(export.get("export_version", "")))
    return (f'<header class="masthead"><div class="wrap"><p class="kicker">storyline report</p>'
            f"<h1>{escape(_corpus_title(page))}</h1><dl class=\"stats\">{items}</dl>{outlets_line}"
            f'<p class="generated">Generated {generated} from storyline.json (export {version}). '
            f"Every event and quote links to the words of its source.</p></div></header>")


def _corpus_title(page: _Page) -> str:
    stories = page.export.get("stories") or []
    if len(stories) == 1:
        return stories[0]["label"]
    return f"{len(page.docs)} documents, {len(stories) or 1} {'story' if len(stories) <= 1 else 'stories'}"


def _nav(sections: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="#{escape(anchor)}">{escape(label)}</a></li>' for anchor, label in sections)
    return f'<nav class="toc" aria-label="Sections"><div class="wrap"><ul>{links}</ul></div></nav>'


def _event_item(page: _Page, event: dict[str, Any], anchor: str) -> str:
    interval = date_interval(event.get("date"))
    granularity = event.get("granularity") or "unknown"
    if "/" in (event.get("date") or ""):
        granularity = f"{granularity} range"
    sources = event.get("sources", [])
    outlets = sorted({page.outlet(s["document"]) for s in sources})
    actors = [a for a in event.get("actors", [])]
    attrs = _attrs(class_="event", id=anchor, data_event_id=event["id"], tabindex="-1",
                   data_start=interval[0].isoformat() if interval else None,
                   data_end=interval[1].isoformat() if interval else None,
                   data_granularity=event.get("granularity"),
                   data_actors=json.dumps(actors, ensure_ascii=False), data_outlets=json.dumps(outlets, ensure_ascii=False))
    meta = []
    if actors:
        names = ", ".join(f'<span class="actor">{escape(page.actor_name(a))}</span>' for a in actors)
        meta.append(f"<span><b>Actors</b> {names}</span>")
    if event.get("location"):
        meta.append(f'<span><b>Location</b> {escape(event["location"])}</span>')
    cites = []
    for n, src in enumerate(sources):
        doc = page.docs.get(src["document"], {})
        label = f"{page.outlet(src['document'])} · {_doc_title(doc) if doc else src['document']}"
        button = page.cite(src["document"], label, src.get("start"), src.get("end"))
        timex = src.get("time_expression")
        said = f' <span class="timex" title="time expression">“{escape(timex)}”</span>' if timex else ""
        cites.append(f'<li data-n="{n}">{button}{said}<p class="sentence">{escape(src.get("sentence", ""))}</p></li>')
    bandness = "band" if interval and (interval[1] - interval[0]).days > 1 else "point"
    inferred = ('<span class="badge inferred" title="no source states this date: it comes from a publication '
                'date deduced from the dates the article mentions">inferred</span>') if event.get("date_inferred") else ""
    return (f"<li{attrs}><div class=\"ev-date {bandness}\"><time{_attrs(datetime=event.get('date'))}>"
            f"{escape(date_label(event.get('date')))}</time><span class=\"gran\">{escape(granularity)}</span>"
            f"{inferred}</div>"
            f'<div class="ev-body"><p class="ev-summary">{escape(event.get("summary", ""))}</p>'
            f'<p class="ev-meta">{"".join(meta)}</p>'
            f'<details class="ev-sources" open><summary>{len(sources)} source{"s" * (len(sources) != 1)}</summary>'
            f'<ol>{"".join(cites)}</ol></details></div></li>')


def _chips(group: str, label: str, counts: Counter[str], names: dict[str, str]) -> str:
    if len(counts) < 2:  # one value filters nothing
        return ""
    chips = "".join(f'<button type="button" class="chip" aria-pressed="false"{_attrs(data_value=value)}>'
                    f'{escape(names.get(value, value))} <span class="n">{n}</span></button>'
                    for value, n in sorted(counts.items(), key=lambda kv: (-kv[1], names.get(kv[0], kv[0]))))
    return (f'<div class="chips" role="group"{_attrs(data_group=group, aria_label=f"Filter by {label}")}>'
            f'<span class="chips-label">{escape(label)}</span>{chips}</div>')


def _timeline(page: _Page, events: list[dict[str, Any]], key: str) -> str:
    if not events:
        return '<p class="empty">No dated events in this story.</p>'
    actor_counts = Counter(a for e in events for a in set(e.get("actors", [])))
    outlet_counts = Counter(o for e in events for o in {page.outlet(s["document"]) for s in e.get("sources", [])})
    names = {a: page.actor_name(a) for a in actor_counts}
    items = "".join(_event_item(page, e, f"{key}-ev-{n}") for n, e in enumerate(events))
    filters = _chips("actors", "Actors", actor_counts, names) + _chips("outlets", "Outlets", outlet_counts, {})
    return (f'<div class="timeline"{_attrs(data_key=key)}>'
            f'<div class="tl-controls" hidden><div class="zoom" role="group" aria-label="Zoom the time axis">'
            f'<button type="button" class="zoom-out" aria-label="Zoom out">−</button>'
            f'<input type="range" class="zoom-range" min="0" max="100" value="0" step="1" aria-label="Zoom level">'
            f'<button type="button" class="zoom-in" aria-label="Zoom in">+</button>'
            f'<button type="button" class="zoom-reset">Fit</button></div>'
            f'<p class="tl-count" aria-live="polite"></p>'
            f'<button type="button" class="clear-filters" hidden>Clear filters</button></div>'
            f'<div class="filters">{filters}</div>'
            f'<div class="tl-viewport" hidden tabindex="0" aria-label="Time axis: scroll or use the wheel to zoom">'
            f'<div class="tl-canvas"><div class="tl-ticks" aria-hidden="true"></div><div class="tl-marks"></div></div></div>'
            f'<ol class="events">{items}</ol></div>')


def _story_section(page: _Page, story: dict[str, Any], index: int) -> tuple[str, str]:
    anchor = f"story-{index + 1}"
    events = [page.event_by_id[e] for e in story.get("events", []) if e in page.event_by_id]
    events.sort(key=lambda e: (date_interval(e.get("date")) or (date.max, date.max))[0])
    summary = []
    for item in story.get("summary", []):
        doc = page.docs.get(item.get("document"), {})
        cite = page.cite(item.get("document", ""), page.outlet(item.get("document", "")) if doc else item.get("document", ""),
                         find=item.get("sentence"), cls="cite cite-inline")
        summary.append(f"<li>{escape(item.get('sentence', ''))} {cite}</li>")
    dated = [(iv, e) for e in events if (iv := date_interval(e.get("date")))]
    when = ""
    if dated:
        first = date_label(min(dated, key=lambda pair: pair[0][0])[1]["date"])
        last = date_label(max(dated, key=lambda pair: pair[0][1])[1]["date"])
        when = f" · {first} to {last}" if first != last else f" · {first}"
    ndocs = len(story.get("documents", []))
    head = (f'<section class="story"{_attrs(id=anchor, aria_labelledby=anchor + "-h")}><div class="wrap">'
            f'<h2 id="{anchor}-h">{escape(story.get("label", "Story"))}</h2>'
            f'<p class="story-meta">{ndocs} document{"s" * (ndocs != 1)} · {len(events)} event{"s" * (len(events) != 1)}'
            f"{escape(when)}</p>")
    body = f'<ol class="summary">{"".join(summary)}</ol>' if summary else ""
    return (head + body + f'<h3 class="tl-h">Timeline</h3>{_timeline(page, events, anchor)}</div></section>',
            story.get("label", "Story"))


def _stories(page: _Page) -> list[tuple[str, str, str]]:
    """(anchor, label, html) per story; all events in one section when the export has no stories."""
    stories = list(page.export.get("stories") or [])
    if not stories:
        stories = [{"id": "all", "label": "All events", "documents": list(page.docs), "summary": [],
                    "events": [e["id"] for e in page.events]}]
    else:
        placed = {e for s in stories for e in s.get("events", [])}
        loose = [e["id"] for e in page.events if e["id"] not in placed]
        if loose:  # never drop an event because the clustering left it out
            docs = sorted({s["document"] for e in loose for s in page.event_by_id[e].get("sources", [])})
            stories.append({"id": "other", "label": "Events outside any story", "documents": docs, "summary": [],
                            "events": loose})
    out = []
    for n, story in enumerate(stories):
        html, label = _story_section(page, story, n)
        out.append((f"story-{n + 1}", label, html))
    return out


def _actors(page: _Page) -> str:
    rows = []
    for actor in sorted(page.actors.values(), key=lambda a: (-a.get("mentions", 0), a["name"])):
        aliases = [a for a in actor.get("aliases", []) if a != actor["name"]]
        alias_html = ", ".join(f'<span class="alias">{escape(a)}</span>' for a in aliases) or "—"
        ndocs = len(actor.get("documents", []))
        rows.append(f"<tr><th scope=\"row\">{escape(actor['name'])}</th><td>{escape(actor.get('type', ''))}</td>"
                    f"<td>{alias_html}</td><td class=\"num\">{actor.get('mentions', 0)}</td>"
                    f'<td class="num">{ndocs}</td></tr>')
    table = ("<table><thead><tr><th scope=\"col\">Actor</th><th scope=\"col\">Type</th><th scope=\"col\">Also called</th>"
             "<th scope=\"col\" class=\"num\">Mentions</th><th scope=\"col\" class=\"num\">Documents</th></tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table>") if rows else '<p class="empty">No actors.</p>'
    return _plain_section("actors", "Actors", f'<div class="scroll">{table}</div>')


def _quotes(page: _Page) -> str:
    groups: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for quote in page.export.get("quotes", []):
        if quote.get("speaker"):
            name = page.actor_name(quote["speaker"])
        else:
            name = quote.get("speaker_text") or ""
        groups[(0 if name else 1, name or "Unattributed")].append(quote)
    blocks = []
    for (_, name), quotes in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1])):
        items = []
        for q in quotes:
            doc = page.docs.get(q["document"], {})
            label = f"{page.outlet(q['document'])} · {_doc_title(doc) if doc else q['document']}"
            said = (f' <span class="as">as “{escape(q["speaker_text"])}”</span>'
                    if q.get("speaker_text") and q["speaker_text"] != name else "")
            when = f' · <span class="when">{escape(date_label(q["date"]))}</span>' if q.get("date") else ""
            items.append(f'<li class="quote"><blockquote class="{escape(q.get("kind", ""))}">{escape(q["text"])}</blockquote>'
                         f'<p class="q-meta"><span class="kind">{escape(q.get("kind", ""))}</span>{when}{said} · '
                         f'{page.cite(q["document"], label, q.get("start"), q.get("end"))}</p></li>')
        blocks.append(f'<div class="speaker"><h3>{escape(name)} <span class="n">{len(quotes)}</span></h3>'
                      f'<ul class="quotes">{"".join(items)}</ul></div>')
    return _plain_section("quotes", "Quotes by speaker", "".join(blocks) or '<p class="empty">No quotes.</p>')


def _documents(page: _Page) -> str:
    def when(d: dict[str, Any]) -> str:
        return d.get("published") or "9999"

    rows = []
    for doc in sorted(page.docs.values(), key=lambda d: (when(d), _doc_title(d))):
        published = escape(doc.get("published") or "—")
        if doc.get("published") and doc.get("published_inferred"):
            published += (' <span class="badge inferred" title="deduced from the dates the article mentions, so a lower '
                          'bound; when it lies more than a year before the other documents&#39; dates, the article&#39;s '
                          'relative dates (last week, in March) are left off the timeline">inferred</span>')
        dup = doc.get("duplicate_of")
        if dup:
            original = page.docs.get(dup)
            dup_html = "duplicate of " + (page.cite(dup, _doc_title(original)) if original else escape(dup))
        else:
            dup_html = ""
        # what ingest noticed: a date deduced from the text, a language left out, a page for subscribers
        notes = [n for n in doc.get("notes") or [] if not n.startswith("publication date inferred")]
        if notes:
            dup_html += "".join(f'<div class="note">{escape(n)}</div>' for n in notes)
        rows.append(f"<tr><th scope=\"row\">{page.cite(doc['id'], _doc_title(doc), cls='cite doc-link')}"
                    f'<div class="path">{escape(doc.get("source_path", ""))}</div></th>'
                    f"<td>{escape(doc.get('outlet') or '—')}</td><td>{escape(', '.join(doc.get('authors') or []) or '—')}</td>"
                    f"<td>{published}</td><td>{escape(doc.get('language') or '—')}</td>"
                    f"<td class=\"num\">{doc.get('word_count', 0)}</td><td>{dup_html}</td></tr>")
    table = ("<table><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Outlet</th><th scope=\"col\">Authors</th>"
             "<th scope=\"col\">Published</th><th scope=\"col\">Language</th><th scope=\"col\" class=\"num\">Words</th>"
             f"<th scope=\"col\">Duplicate, notes</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return _plain_section("documents", "Documents", f'<div class="scroll">{table}</div>')


def _skipped(page: _Page) -> str:
    skipped = page.export.get("skipped", [])
    if not skipped:
        body = '<p class="empty">Every input became a document.</p>'
    else:
        body = "<ul class=\"skipped\">" + "".join(
            f"<li><code>{escape(s.get('source_path', ''))}</code> — {escape(s.get('reason', ''))}</li>" for s in skipped
        ) + "</ul>"
    return _plain_section("skipped", "Skipped inputs", body)


def _plain_section(anchor: str, title: str, body: str) -> str:
    return (f'<section class="plain" id="{anchor}" aria-labelledby="{anchor}-h"><div class="wrap">'
            f'<h2 id="{anchor}-h">{escape(title)}</h2>{body}</div></section>')


def _reader() -> str:
    return ('<dialog id="reader" aria-labelledby="reader-title"><div class="reader-head">'
            '<div><h2 id="reader-title"></h2><p class="reader-meta"></p></div>'
            '<button type="button" class="reader-close" aria-label="Close the reader">×</button></div>'
            '<p class="reader-note" hidden></p><article class="reader-body"></article></dialog>')


def _reader_data(page: _Page) -> dict[str, Any]:
    """What the reader panel needs per document; texts are rendered only when a document is opened."""
    fields = ("title", "outlet", "authors", "published", "published_inferred", "url", "source_path", "text")
    return {"documents": {doc_id: {k: doc.get(k) for k in fields} for doc_id, doc in page.docs.items()}}


def render_report(export: dict[str, Any]) -> str:
    """The whole report as one HTML string, with no outside resource (no CDN, no font, no network)."""
    page = _Page(export)
    stories = _stories(page)
    sections = [(anchor, label) for anchor, label, _ in stories]
    sections += [("actors", "Actors"), ("quotes", "Quotes"), ("documents", "Documents"), ("skipped", "Skipped")]
    title = f"storyline: {_corpus_title(page)}"
    return "".join([
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        # The page loads nothing from outside: no CDN, font, image or beacon, even if a text smuggled one in.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">",
        f"<title>{escape(title)}</title><style>{_asset('report.css')}</style></head><body>",
        '<a class="skip" href="#main">Skip to the stories</a>',
        _header(page), _nav(sections), '<main id="main">',
        *(html for _, _, html in stories),
        _actors(page), _quotes(page), _documents(page), _skipped(page),
        "</main>", _reader(),
        f'<script type="application/json" id="storyline-data">{_script_json(_reader_data(page))}</script>',
        f"<script>{_asset('report.js')}</script></body></html>\n",
    ])


def write_report(export: dict[str, Any], path: str | Path) -> Path:
    from storyline.present.files import write_atomically

    return write_atomically(path, render_report(export))
