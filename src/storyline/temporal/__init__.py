"""Temporal expressions: find and normalize them (TIMEX3), compare their values, date a document.

``tag_timexes`` finds DATE/TIME/DURATION/SET expressions and normalizes them against a document
creation time; ``values`` holds the value algebra (bounds, containment); ``infer_publication_date``
dates an article from its own words when no metadata gives the date.
"""

from storyline.temporal.infer import InferredDate, infer_publication_date
from storyline.temporal.tagger import tag_timexes
from storyline.temporal.values import bounds, compatible, contains, granularity_of, more_precise

__all__ = ["tag_timexes", "infer_publication_date", "InferredDate", "granularity_of", "bounds", "contains",
           "compatible", "more_precise"]
