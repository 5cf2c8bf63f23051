"""storyline: a sourced, queryable picture of a news story from many outlets.

    import storyline
    result = storyline.analyze(["articles/"], "out/")        # ingest, annotate, link, export, report
    with storyline.Corpus("out/storyline.db") as corpus:      # or stage by stage
        corpus.events(actor="Kim Jong-un")

Heavy libraries (spaCy, torch) load on first use, not on import.
"""

from storyline.corpus import AnalyzeResult, Corpus, analyze, annotate_files
from storyline.errors import RejectedInput, StoreError, StorylineError
from storyline.model import (
    Actor,
    Annotations,
    Document,
    Event,
    EventSource,
    ExportedQuote,
    Mention,
    Quote,
    Sentence,
    Skipped,
    Story,
    Timex,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "AnalyzeResult",
    "Annotations",
    "Corpus",
    "Document",
    "Event",
    "EventSource",
    "ExportedQuote",
    "Mention",
    "Quote",
    "RejectedInput",
    "Sentence",
    "Skipped",
    "StoreError",
    "Story",
    "StorylineError",
    "Timex",
    "analyze",
    "annotate_files",
]
