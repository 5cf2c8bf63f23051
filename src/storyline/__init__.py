"""storyline: a sourced, queryable picture of a news story from many outlets."""

__version__ = "0.1.0"
