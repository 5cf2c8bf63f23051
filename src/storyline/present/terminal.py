"""Terminal views (rich): progress with a count per outcome, summary tables, timeline, actors, quotes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape as esc
from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

from storyline.present.dates import date_label, range_label

__all__ = [
    "Progress",
    "print_actors",
    "print_analysis_summary",
    "print_documents",
    "print_ingest_summary",
    "print_quotes",
    "print_stories",
    "print_timeline",
]

console = Console(stderr=True)
out = Console()

_OUTCOME_STYLE = {"added": "green", "near_duplicate": "cyan", "duplicate": "blue", "unchanged": "dim",
                  "skipped": "yellow"}


class Progress:
    """A progress display fed by the library's callbacks; prints to stderr."""

    def __init__(self, title: str):
        self.title = title
        self.counts: Counter[str] = Counter()
        self._progress = RichProgress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=console, transient=False,
        )
        self._task = None

    def __enter__(self) -> Progress:
        self._progress.__enter__()
        self._task = self._progress.add_task(self.title, total=None, detail="")
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)

    def _detail(self) -> str:
        return "  ".join(f"[{_OUTCOME_STYLE.get(k, 'white')}]{k.replace('_', ' ')} {v}[/]"
                         for k, v in sorted(self.counts.items()))

    def ingested(self, outcome: str, source: str) -> None:
        self.counts[outcome] += 1
        self._progress.update(self._task, advance=1, detail=self._detail())

    def stage(self, name: str) -> None:
        self._progress.update(self._task, description=f"{self.title}: {name}", detail=self._detail())

    def annotated(self, doc: Any) -> None:
        self.counts["analyzed"] += 1
        self._progress.update(self._task, detail=self._detail())


def print_ingest_summary(report: Any) -> None:
    table = Table(title="Inputs", show_edge=False)
    table.add_column("outcome")
    table.add_column("count", justify="right")
    for outcome in ("added", "near_duplicate", "duplicate", "unchanged", "skipped"):
        if report.counts.get(outcome):
            table.add_row(f"[{_OUTCOME_STYLE[outcome]}]{outcome.replace('_', ' ')}[/]", str(report.counts[outcome]))
    console.print(table)
    if report.skipped:
        skipped = Table(title="Skipped inputs", show_edge=False, highlight=False)
        skipped.add_column("input", overflow="fold")
        skipped.add_column("reason", overflow="fold")
        for s in report.skipped:
            skipped.add_row(esc(s.source_path), esc(s.reason))
        console.print(skipped)


def print_analysis_summary(export: dict[str, Any], report_path: Path, export_path: Path) -> None:
    docs = export["documents"]
    table = Table(title="storyline", show_edge=False, show_header=False)
    table.add_column()
    table.add_column(justify="right")
    for label, key in (("documents", "documents"), ("skipped inputs", "skipped"), ("actors", "actors"),
                       ("events", "events"), ("quotes", "quotes"), ("stories", "stories")):
        table.add_row(label, str(len(export[key])))
    span = range_label([e["date"] for e in export["events"]])
    if span:
        table.add_row("timeline", span)
    outlets = sorted({d["outlet"] for d in docs if d.get("outlet")})
    if outlets:
        table.add_row("outlets", esc(", ".join(outlets[:5])) + (" ..." if len(outlets) > 5 else ""))
    console.print(table)
    console.print(f"report: [bold]{report_path}[/]   export: {export_path}")


def print_documents(documents: list[Any], skipped: list[Any]) -> None:
    table = Table(title=f"{len(documents)} documents", highlight=False)
    for col in ("id", "title", "outlet", "published", "words", "lang", "duplicate of"):
        table.add_column(col, overflow="fold")
    for d in documents:
        date = d.published or ""
        if date and d.published_inferred:
            date += " (inferred)"
        table.add_row(d.id, esc(d.title) if d.title else "[dim]untitled[/]", esc(d.outlet or ""), date, str(d.word_count),
                      d.language or "", d.duplicate_of or "")
    out.print(table)
    if skipped:
        s = Table(title=f"{len(skipped)} skipped inputs", highlight=False)
        s.add_column("input", overflow="fold")
        s.add_column("reason", overflow="fold")
        for item in skipped:
            s.add_row(esc(item.source_path), esc(item.reason))
        out.print(s)


def _names(actors: list[Any]) -> dict[str, str]:
    return {a.id: a.name for a in actors}


def _doc_labels(documents: list[Any]) -> dict[str, str]:
    return {d.id: (d.outlet or d.title or d.source_path) for d in documents}


def print_timeline(events: list[Any], actors: list[Any], documents: list[Any]) -> None:
    names, labels = _names(actors), _doc_labels(documents)
    table = Table(title=f"Timeline: {len(events)} events", highlight=False, show_lines=True)
    table.add_column("date", max_width=24, overflow="fold")
    table.add_column("what happened", overflow="fold", ratio=3)
    table.add_column("actors", overflow="fold", ratio=1)
    table.add_column("sources", overflow="fold", ratio=1)
    for e in events:
        sources = "\n".join(esc(f"{labels.get(s.document, s.document)} ({s.time_expression!r})") for s in e.sources)
        where = f"\n[dim]in {esc(e.location)}[/]" if e.location else ""
        inferred = "\n[yellow]inferred[/]" if e.date_inferred else ""
        # the date as a reader says it ("the 1300s", "autumn 2017"), the TIMEX3 value under it
        table.add_row(f"{esc(date_label(e.date))}\n[dim]{esc(e.date)}[/]{inferred}",
                      esc(e.summary) + where,
                      esc(", ".join(names.get(a, a) for a in e.actors)), sources)
    out.print(table)


def print_actors(actors: list[Any]) -> None:
    table = Table(title=f"{len(actors)} actors", highlight=False)
    for col in ("name", "type", "mentions", "docs", "aliases"):
        table.add_column(col, overflow="fold")
    for a in sorted(actors, key=lambda a: -a.mentions):
        table.add_row(esc(a.name), a.type, str(a.mentions), str(len(a.documents)),
                      esc(", ".join(x for x in a.aliases if x != a.name)))
    out.print(table)


def print_quotes(quotes: list[Any], actors: list[Any], documents: list[Any]) -> None:
    names, labels = _names(actors), _doc_labels(documents)
    table = Table(title=f"{len(quotes)} quotes", highlight=False, show_lines=True)
    table.add_column("speaker", overflow="fold")
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("kind")
    table.add_column("source", overflow="fold")
    for q in quotes:
        who = esc(names.get(q.speaker, "")) if q.speaker else ""
        if q.speaker_text and q.speaker_text != who:
            who = f"{who} [dim]({esc(q.speaker_text)})[/]" if who else f"[dim]{esc(q.speaker_text)}[/]"
        table.add_row(who or "[dim]unknown[/]", esc(q.text), q.kind, esc(labels.get(q.document, q.document)))
    out.print(table)


def print_stories(stories: list[Any], documents: list[Any]) -> None:
    labels = _doc_labels(documents)
    table = Table(title=f"{len(stories)} stories", highlight=False, show_lines=True)
    for col in ("id", "label", "documents", "events", "summary"):
        table.add_column(col, overflow="fold")
    for s in stories:
        summary = "\n".join(f"{esc(x.sentence)} [dim]({esc(labels.get(x.document, x.document))})[/]" for x in s.summary)
        table.add_row(s.id, esc(s.label), str(len(s.documents)), str(len(s.events)), summary)
    out.print(table)
