"""The `storyline` command: each command a few lines over a library call (see storyline.corpus)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from storyline.ingest.readers import DEFAULT_MAX_BYTES
from storyline.store import DEFAULT_DB


class _Storyline(typer.Typer):
    """The command: an error storyline raises on purpose (a damaged store, a missing model) ends it with
    its message, which says what to do, rather than with a traceback."""

    def __call__(self, *args, **kwargs):
        from storyline.errors import StorylineError

        try:
            return super().__call__(*args, **kwargs)
        except StorylineError as err:
            _console().print(f"[bold red]error:[/] {err}")
            sys.exit(1)


app = _Storyline(
    name="storyline",
    help="Turn news articles from many outlets into a sourced picture of a story: clean documents, actors, "
    "a cross-source timeline, quotes with speakers, stories, an HTML report.\n\n"
    "Quick start: storyline analyze articles/ --out out/  (then open out/report.html)",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    add_completion=False,
)

PathsArg = Annotated[list[str], typer.Argument(
    help="Files or folders (recursive); '-' reads one document from stdin. Formats: .txt .md .html .htm "
         ".json .jsonl .warc .warc.gz RSS/Atom .xml, and any of these as .gz.", show_default=False)]
DbOpt = Annotated[Path, typer.Option("--db", help="The corpus's SQLite store.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", min=1, help="Skip input files larger than this many bytes.")]


def _console():
    from rich.console import Console

    return Console(stderr=True)


def _fail(message: str, code: int = 1) -> None:
    _console().print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


def _corpus(db: Path):
    from storyline.corpus import Corpus
    from storyline.errors import StorylineError

    try:
        return Corpus(db)
    except StorylineError as err:
        _fail(str(err))


def _require_analyzed(db: Path) -> None:
    if not db.exists():
        _fail(f"no store at {db}: run `storyline analyze PATH... --out DIR` (then pass --db DIR/storyline.db)")


@app.command()
def analyze(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for storyline.db, storyline.json and report.html.")]
    = Path("out"),
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Processes to parse in (default on Linux: one per core, up to four, and no "
        "more than one per 16 documents; 1: a single process, less memory).")] = None,
) -> None:
    """Ingest, analyze, export and report in one go.

    Writes OUT/storyline.db, OUT/storyline.json and OUT/report.html. Exit code 0 when at least one document
    made it (rejected inputs are listed with their reasons), 1 when none did. Re-running is cheap: inputs
    already stored are not read again.
    """
    from storyline.corpus import analyze as run
    from storyline.present import terminal

    with terminal.Progress("Analyzing") as progress:
        result = run(paths, out, max_bytes=max_bytes, on_ingest=progress.ingested,
                     on_annotate=progress.annotated, on_stage=progress.stage, workers=workers)
    terminal.print_ingest_summary(result.ingest)
    terminal.print_analysis_summary(result.export, result.report_path, result.export_path)
    if result.ingest.documents_made == 0:
        _fail("no input became a document (reasons above): check the paths and formats", code=1)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = Path(DEFAULT_DB),
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Read files into the store: clean text, metadata, dates, duplicates. Idempotent and resumable.

    Every rejected input is listed with a reason; exit code 0 when at least one document made it.
    """
    from storyline.present import terminal

    with _corpus(db) as corpus, terminal.Progress("Ingesting") as progress:
        report = corpus.ingest(paths, max_bytes=max_bytes, progress=progress.ingested)
    terminal.print_ingest_summary(report)
    if report.documents_made == 0:
        _fail("no input became a document (reasons above): check the paths and formats", code=1)


@app.command()
def extract(
    paths: PathsArg,
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: jsonl (one document per line).")]
    = "jsonl",
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Cleaning and metadata only, no analysis and no store: one JSON object per document on stdout.

    Rejected inputs are reported on stderr with their reasons.
    """
    from storyline.ingest.pipeline import extract as run
    from storyline.model import Skipped
    from storyline.present.export import document_record

    if format != "jsonl":
        _fail(f"unknown --format {format!r}: use jsonl", code=2)
    made = 0
    for item in run(paths, max_bytes=max_bytes):
        if isinstance(item, Skipped):
            _console().print(f"[yellow]skipped[/] {item.source_path}: {item.reason}", highlight=False)
            continue
        made += 1
        sys.stdout.write(json.dumps(document_record(item), ensure_ascii=False) + "\n")
    if made == 0:
        _fail("no input became a document (reasons above)")


@app.command()
def annotate(
    files: PathsArg,
    dct: Annotated[str | None, typer.Option("--dct", help="Document creation date YYYY-MM-DD that relative "
                                            "dates are read against (default: the document's own date, "
                                            "else inferred from its text).")] = None,
    no_clean: Annotated[bool, typer.Option("--no-clean", help="Analyze the file's text exactly as it is.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="json (one object for one file) or jsonl.")]
    = "json",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes to parse in, for many files "
                                         "(Linux; one per core is fastest).")] = 1,
) -> None:
    """Each document's own analysis, for inspection (no corpus needed).

    Prints sentences, entities (with in-document canonical names), timexes (TIMEX3 values), quotes
    (with speakers) and clauses (the clause each point date dates: what the timeline is built from),
    each with start/end character offsets into `text`. A document that was read but not analyzed (not
    English) carries `analysis_skipped`, the reason, which is also printed on stderr. Exit code 0 when
    at least one file was read, 1 when none could be (the reasons are printed on stderr).
    """
    from storyline.corpus import annotate_files

    if format not in ("json", "jsonl"):
        _fail(f"unknown --format {format!r}: use json or jsonl", code=2)
    if dct is not None:
        import re

        from storyline.temporal import bounds

        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", dct) or bounds(dct) is None:
            _fail(f"--dct {dct!r} is not a date on the calendar: give YYYY-MM-DD", code=2)
    results, made = [], 0
    for obj in annotate_files(files, dct=dct, clean=not no_clean, workers=workers):
        if "skipped" in obj:
            _console().print(f"[yellow]skipped[/] {obj['source_path']}: {obj['skipped']}", highlight=False)
            continue
        if "analysis_skipped" in obj:  # the text is shown, but nothing was found in it: say why
            _console().print(f"[yellow]not analyzed[/] {obj['source_path']}: {obj['analysis_skipped']}",
                             highlight=False)
        made += 1
        if format == "jsonl":  # streamed: a long list of files is never held in memory
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            results.append(obj)
    if not made:
        _fail("no input could be analyzed (reasons above)")
    if format == "json":
        out = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")


@app.command()
def documents(db: DbOpt = Path(DEFAULT_DB)) -> None:
    """The stored documents as a table: title, outlet, date (inferred or given), words, duplicates."""
    from storyline.present import terminal

    _require_analyzed(db)
    with _corpus(db) as corpus:
        terminal.print_documents(corpus.documents(), corpus.skipped())


@app.command()
def timeline(
    db: DbOpt = Path(DEFAULT_DB),
    story: Annotated[str | None, typer.Option("--story", help="Only this story's events (id from `stories`).")]
    = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only events involving this actor (name or alias).")]
    = None,
) -> None:
    """The cross-source timeline: date, granularity, what happened, actors, and the sources citing it."""
    from storyline.present import terminal

    _require_analyzed(db)
    with _corpus(db) as corpus:
        if actor and corpus.find_actor(actor) is None:
            _fail(f"no actor named {actor!r}: see `storyline actors` for names and aliases")
        terminal.print_timeline(corpus.events(story=story, actor=actor), corpus.actors(), corpus.documents())


@app.command()
def actors(db: DbOpt = Path(DEFAULT_DB)) -> None:
    """Actors across the corpus: canonical name, type, aliases, mention and document counts."""
    from storyline.present import terminal

    _require_analyzed(db)
    with _corpus(db) as corpus:
        terminal.print_actors(corpus.actors())


@app.command()
def quotes(
    db: DbOpt = Path(DEFAULT_DB),
    speaker: Annotated[str | None, typer.Option("--speaker", help="Only quotes by this actor (name or alias).")]
    = None,
) -> None:
    """Quotations with their speakers and sources."""
    from storyline.present import terminal

    _require_analyzed(db)
    with _corpus(db) as corpus:
        if speaker and corpus.find_actor(speaker) is None:
            _fail(f"no actor named {speaker!r}: see `storyline actors` for names and aliases")
        terminal.print_quotes(corpus.quotes(speaker=speaker), corpus.actors(), corpus.documents())


@app.command()
def stories(db: DbOpt = Path(DEFAULT_DB)) -> None:
    """Stories: groups of documents about the same thing, with their labels and summaries."""
    from storyline.present import terminal

    _require_analyzed(db)
    with _corpus(db) as corpus:
        terminal.print_stories(corpus.stories(), corpus.documents())


@app.command()
def export(
    db: DbOpt = Path(DEFAULT_DB),
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the JSON export.")]
    = Path("storyline.json"),
) -> None:
    """Write storyline.json (the contract's export) from an analyzed store."""
    _require_analyzed(db)
    with _corpus(db) as corpus:
        path = corpus.write_export(out)
    _console().print(f"wrote {path}")


@app.command()
def report(
    db: DbOpt = Path(DEFAULT_DB),
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the HTML report.")]
    = Path("report.html"),
) -> None:
    """Write the self-contained HTML report from an analyzed store."""
    _require_analyzed(db)
    with _corpus(db) as corpus:
        path = corpus.write_report(out)
    _console().print(f"wrote {path}")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
