"""Errors storyline raises; each message says what to do next."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class RejectedInput(StorylineError):
    """An input that cannot become a document. ``str(err)`` is the reason shown in ``skipped``:
    a sentence a person can act on ("... is empty: remove it or re-save the article")."""


class StoreError(StorylineError):
    """The SQLite store cannot be opened or written."""


class OutputError(StorylineError):
    """An output folder or file (the export, the report) cannot be written."""
